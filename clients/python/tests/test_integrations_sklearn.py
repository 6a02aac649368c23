"""scikit-learn's log_estimator (runcamp/integrations/sklearn.py): a classifier and a regressor
fitted on bundled data (no download), read back through the SDK: get_params nested as params,
scores as values in the test context, the classifier's confusion matrix as an artifact whose
report agrees with scikit-learn; bad input raises and leaves the run untouched."""

from __future__ import annotations

import json
import os
import uuid

import pytest

if os.environ.get("CI"):  # CI installs the test extra: a missing package must fail, not skip
    import sklearn
else:
    sklearn = pytest.importorskip("sklearn", reason="the test extra is not installed")
from sklearn.datasets import load_diabetes, load_iris  # noqa: E402
from sklearn.exceptions import NotFittedError  # noqa: E402
from sklearn.linear_model import LogisticRegression, Ridge  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

import runcamp  # noqa: E402
from runcamp.integrations.sklearn import log_estimator  # noqa: E402

REPO = "integrations-sklearn"


def _run(server) -> runcamp.Run:
    return runcamp.Run(f"sk-{uuid.uuid4().hex[:12]}", repo=REPO, url=server.url)


def test_a_classifier_logs_params_scores_and_its_confusion_matrix(server):
    iris = load_iris()
    y = iris.target_names[iris.target]  # string classes
    X_train, X_test, y_train, y_test = train_test_split(iris.data, y, test_size=0.3, random_state=0, stratify=y)
    clf = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression(C=0.5, max_iter=500))]).fit(X_train, y_train)
    run = _run(server)
    scores = log_estimator(run, clf, X_test, y_test)
    run.finish()

    record = runcamp.Repo(REPO, url=server.url).run(run.id)
    assert record.params["clf"]["C"] == 0.5 and record.params["clf"]["max_iter"] == 500
    assert record.params["scale"]["with_mean"] is True
    assert "random_state" not in record.params["clf"]  # None: left out by the merge patch
    assert record.params["steps"] == [["scale", "StandardScaler()"], ["clf", "LogisticRegression(C=0.5, max_iter=500)"]]  # estimators: their repr
    assert set(scores) == {"accuracy", "precision_macro", "recall_macro", "f1_macro"}
    assert scores["accuracy"] == pytest.approx(clf.score(X_test, y_test))
    assert scores["f1_macro"] == pytest.approx(f1_score(y_test, clf.predict(X_test), average="macro"))
    for name, value in scores.items():
        assert record.value(name, {"subset": "test"}) == pytest.approx(value)
    confusion = json.loads(runcamp.download_artifact(run.id, "confusion.json", repo=REPO, url=server.url))
    assert confusion["labels"] == list(clf.classes_)
    assert sum(map(sum, confusion["matrix"])) == len(y_test)
    report = runcamp.confusion_metrics(run.id, repo=REPO, url=server.url)
    assert report["accuracy"] == pytest.approx(scores["accuracy"])


def test_a_regressor_logs_r2_mae_rmse_on_the_subset_given(server):
    X, y = load_diabetes(return_X_y=True)
    reg = Ridge(alpha=0.1).fit(X[:300], y[:300])
    run = _run(server)
    scores = log_estimator(run, reg, X[300:], y[300:], subset="val")
    run.finish()
    record = runcamp.Repo(REPO, url=server.url).run(run.id)
    assert record.params["alpha"] == 0.1
    assert set(scores) == {"r2", "mae", "rmse"} and scores["r2"] == pytest.approx(reg.score(X[300:], y[300:]))
    assert record.value("rmse", {"subset": "val"}) == pytest.approx(scores["rmse"])
    assert runcamp.list_artifacts(run.id, repo=REPO, url=server.url) == []


def test_bad_input_raises_and_leaves_the_run_untouched(server):
    X, y = load_iris(return_X_y=True)
    run = _run(server)
    with pytest.raises(NotFittedError):
        log_estimator(run, LogisticRegression(), X, y)
    with pytest.raises(ValueError, match="X and y together"):
        log_estimator(run, LogisticRegression().fit(X, y), X)
    with pytest.raises(ValueError, match="subset"):
        log_estimator(run, LogisticRegression(), subset="")
    with pytest.raises(TypeError, match="scikit-learn estimator"):
        log_estimator(run, object())
    with pytest.raises(TypeError, match="runcamp.Run"):
        log_estimator("run", LogisticRegression())
    run.finish()
    record = runcamp.Repo(REPO, url=server.url).run(run.id)
    assert (record.params, record.values) == ({}, [])
    assert runcamp.list_artifacts(run.id, repo=REPO, url=server.url) == []
