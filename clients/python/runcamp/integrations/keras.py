"""Keras 3: ``model.fit(..., callbacks=[RuncampCallback(repo="mnist")])`` (``pip install runcamp[keras]``).

=============================  ================================================================
Keras                          runcamp
=============================  ================================================================
``on_train_begin``             params: ``epochs`` and ``steps`` (per epoch) from ``fit``, the
                               optimizer's config (``optimizer.name``,
                               ``optimizer.learning_rate``, ...), the loss, and the ``params=``
                               given to the callback (Keras does not tell callbacks the batch
                               size: pass ``params={"batch_size": 32}`` to keep it)
``on_epoch_end``               a point per key at step = epoch (0-based, also the points'
                               epoch): name and context by ``_metric_keys.py``, unprefixed
                               keys as training (``loss`` -> ``{subset: train}``,
                               ``val_accuracy`` -> ``accuracy`` ``{subset: val}``)
``on_train_end``               the run finished (a run given with ``run=`` stays open)
``on_test_end`` of an          values with ``{subset: test}`` (``loss``, ``accuracy``), then the
``evaluate()`` outside ``fit``  run is ended again (``owned_run.py``: it resumes for them)
=============================  ================================================================

Keras calls no callback when ``fit`` raises: the exception then ends the process, and the
SDK's exit hooks set failed (or killed) as for any run. ``fit`` validates through the same
callbacks (``on_test_end`` during ``fit``): those logs arrive again as ``val_*`` keys at the
epoch's end, so they are not logged twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

import keras

from .._metric_keys import split_metric_key
from .._params_json import params_json
from .._run import Run
from .owned_run import OwnedRun


class RuncampCallback(keras.callbacks.Callback):
    """Logs a Keras ``fit`` (and ``evaluate``) to runcamp: ``RuncampCallback(run=run)`` logs to
    a run of yours, ``RuncampCallback(repo=..., name=..., campaign=..., ...)`` to a new one
    (the arguments of ``runcamp.Run``), created when training starts and ended when it ends."""

    def __init__(self, run: Optional[Run] = None, params: Optional[Mapping[str, Any]] = None, **run_kwargs: Any) -> None:
        super().__init__()
        self._owned = OwnedRun(run, run_kwargs)
        self._extra_params = params_json(dict(params or {}))
        self._in_fit = False

    @property
    def run_id(self) -> str:
        """The run's id (known before it is created)."""
        return self._owned.id

    @property
    def run(self) -> Run:
        """The ``runcamp.Run`` (opened, or resumed after training ended, by this call)."""
        return self._owned.open()

    def on_train_begin(self, logs=None):
        self._in_fit = True
        fit = self.params or {}
        params: dict = {key: fit[key] for key in ("epochs", "steps") if fit.get(key) is not None}
        optimizer = getattr(self.model, "optimizer", None)
        if optimizer is not None:
            params["optimizer"] = optimizer.get_config()
        loss = getattr(self.model, "loss", None)
        if loss is not None:
            params["loss"] = loss if isinstance(loss, str) else getattr(loss, "name", None) or type(loss).__name__
        params.update(self._extra_params)
        self._owned.set_params(params)
        self._owned.open()

    def on_epoch_end(self, epoch, logs=None):
        run = self._owned.open()
        for key, value in (logs or {}).items():
            name, context = split_metric_key(key, unprefixed="train")
            run.track(value, name=name, step=epoch, epoch=epoch, context=context)

    def on_train_end(self, logs=None):
        self._in_fit = False
        self._owned.end()

    def on_test_end(self, logs=None):
        if self._in_fit or not logs:
            return
        run = self._owned.open()
        for key, value in logs.items():
            name, context = split_metric_key(key, unprefixed="test")
            run.set_value(name, value, context=context)
        self._owned.end()
