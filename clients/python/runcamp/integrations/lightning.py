"""PyTorch Lightning: ``Trainer(logger=RuncampLogger(repo="cifar"))`` (``pip install runcamp[lightning]``).

==========================  ===================================================================
Lightning                   runcamp
==========================  ===================================================================
``log_hyperparams``         params (``save_hyperparameters()``, a dict or a Namespace; kept
                            nested, leaves as ``_params_json.py`` says)
``log_metrics``             a point per key: name and context by ``_metric_keys.py``
                            (``train_loss_step`` -> ``loss`` ``{subset: train, interval: step}``),
                            Lightning's step, its ``epoch`` key as the points' epoch
``finalize("success")``     the run finished (a run given with ``run=`` stays open)
``finalize("failed")``      failed with the exception's type and message; killed on Ctrl-C
                            (Lightning calls it while handling the exception, so
                            ``sys.exc_info()`` names it)
==========================  ===================================================================

Only global rank zero logs (``rank_zero_only``), as with Lightning's own loggers. ``version``
is the run id, so checkpoints land in ``<root>/runcamp/<run id>/checkpoints``. The class
derives from ``lightning.pytorch``'s Logger; a ``pytorch_lightning.Trainer`` takes it too
(it calls its loggers by their methods, not their base), given the ``lightning`` package.
"""

from __future__ import annotations

from argparse import Namespace
from typing import Any, Optional, Union

from lightning.fabric.utilities.rank_zero import rank_zero_only
from lightning.pytorch.loggers import Logger

from .._metric_keys import split_metric_key
from .._run import Run
from .._wire import as_index
from .owned_run import OwnedRun


class RuncampLogger(Logger):
    """Logs a Lightning run to runcamp: ``RuncampLogger(run=run)`` logs to a run of yours,
    ``RuncampLogger(repo=..., name=..., campaign=..., ...)`` to a new one (the arguments of
    ``runcamp.Run``), created when training starts and ended when it ends."""

    def __init__(self, run: Optional[Run] = None, **run_kwargs: Any) -> None:
        super().__init__()
        self._owned = OwnedRun(run, run_kwargs)

    @property
    def name(self) -> str:
        return "runcamp"

    @property
    def version(self) -> str:
        return self._owned.id

    @property
    def experiment(self) -> Run:
        """The ``runcamp.Run`` (to log what Lightning does not: ``logger.experiment.set_value(...)``)."""
        return self._owned.open()

    @rank_zero_only
    def log_hyperparams(self, params: Union[dict, Namespace, None], *args: Any, **kwargs: Any) -> None:
        self._owned.set_params(params or {})

    @rank_zero_only
    def log_metrics(self, metrics: dict, step: Optional[int] = None) -> None:
        metrics = dict(metrics)
        epoch = metrics.pop("epoch", None)
        epoch = None if epoch is None else as_index(int(epoch), "epoch")
        run = self._owned.open()
        for key, value in metrics.items():
            name, context = split_metric_key(key)
            run.track(value, name=name, step=step, epoch=epoch, context=context)

    @rank_zero_only
    def finalize(self, status: str) -> None:
        self._owned.end(failed=status != "success")
