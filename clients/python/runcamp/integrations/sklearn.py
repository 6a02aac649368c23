"""scikit-learn: ``log_estimator(run, clf, X_test, y_test)`` (``pip install runcamp[sklearn]``).

===========================  ==================================================================
scikit-learn                 runcamp
===========================  ==================================================================
``get_params(deep=True)``    params, nested at each ``__`` (a Pipeline's ``clf__C`` ->
                             ``{"clf": {"C": ...}}``, read as ``params.clf.C``); an estimator
                             among them is the object its own params fill; other values as
                             ``_params_json.py`` says (not JSON: their ``repr()``); a
                             ``None`` is left out (params merge as a JSON merge patch, where
                             null deletes: a missing param reads as the default)
a classifier on X, y         values ``accuracy``, ``precision_macro``, ``recall_macro``,
                             ``f1_macro`` with ``{"subset": subset}``, and the confusion matrix
                             as an artifact (``run.log_confusion_matrix``, the labels
                             ``estimator.classes_``; the server reports its metrics)
a regressor on X, y          values ``r2``, ``mae``, ``rmse`` with ``{"subset": subset}``
anything else on X, y        the value ``score`` (``estimator.score(X, y)``)
===========================  ==================================================================

Everything is computed before anything is logged: an estimator that is not fitted, or data
it cannot predict, raises and leaves the run as it was.
"""

from __future__ import annotations

from typing import Any

from sklearn.base import is_classifier, is_regressor
from sklearn.metrics import accuracy_score, confusion_matrix, mean_absolute_error, mean_squared_error, precision_recall_fscore_support, r2_score

from .._params_json import params_json
from .._run import Run


def estimator_params(estimator: Any) -> dict:
    """``estimator.get_params(deep=True)`` nested at each ``__`` (see the module's table)."""
    nested: dict = {}
    for key, value in sorted(estimator.get_params(deep=True).items()):
        *parents, leaf = key.split("__")
        node = nested
        for part in parents:
            node = node.setdefault(part, {})
        if hasattr(value, "get_params") and not isinstance(value, type):
            node.setdefault(leaf, {})
        else:
            node[leaf] = params_json(value)
    return nested


def _scores(estimator: Any, X: Any, y: Any) -> tuple:
    """(values, confusion matrix or None) of the estimator on X, y."""
    if is_classifier(estimator):
        predicted = estimator.predict(X)
        labels = list(estimator.classes_)
        precision, recall, f1, _ = precision_recall_fscore_support(y, predicted, labels=labels, average="macro", zero_division=0)
        scores = {"accuracy": accuracy_score(y, predicted), "precision_macro": precision, "recall_macro": recall, "f1_macro": f1}
        return scores, (labels, confusion_matrix(y, predicted, labels=labels))
    if is_regressor(estimator):
        predicted = estimator.predict(X)
        return {"r2": r2_score(y, predicted), "mae": mean_absolute_error(y, predicted), "rmse": mean_squared_error(y, predicted) ** 0.5}, None
    return {"score": estimator.score(X, y)}, None


def log_estimator(
    run: Run,
    estimator: Any,
    X: Any = None,
    y: Any = None,
    *,
    subset: str = "test",
    confusion_name: str = "confusion.json",
) -> dict:
    """Logs a fitted estimator to ``run``: its params, and with ``X`` and ``y`` its scores
    (values in the context ``{"subset": subset}``) and, for a classifier, its confusion matrix
    (the artifact ``confusion_name``). Returns the scores."""
    if not isinstance(run, Run):
        raise TypeError(f"runcamp: log_estimator logs to a runcamp.Run, not {type(run).__name__}")
    if not hasattr(estimator, "get_params"):
        raise TypeError(f"runcamp: log_estimator takes a scikit-learn estimator, not {type(estimator).__name__}")
    if not isinstance(subset, str) or not subset:
        raise ValueError('runcamp: subset is the name of the data scored, e.g. "test"')
    if (X is None) != (y is None):
        raise ValueError("runcamp: log_estimator scores on X and y together: pass both or neither")
    params = estimator_params(estimator)
    scores, confusion = _scores(estimator, X, y) if X is not None else ({}, None)
    scores = {name: float(value) for name, value in scores.items()}
    if confusion is not None:
        run.log_confusion_matrix(*confusion, name=confusion_name)  # checks labels and name before it queues
    run.set_params(params)
    for name, value in scores.items():
        run.set_value(name, value, context={"subset": subset})
    return scores
