"""Hugging Face ``transformers.Trainer``: ``Trainer(..., callbacks=[RuncampCallback(repo="nlp")])``
(``pip install runcamp[transformers]``).

=========================  ====================================================================
Trainer                    runcamp
=========================  ====================================================================
``on_train_begin``         params: the model's config, then the ``TrainingArguments`` over it
                           (``args.to_dict()``; the merge Hugging Face's own W&B and MLflow
                           callbacks make, so ``params.learning_rate`` reads as there)
``on_log`` while training  a point per key at ``state.global_step``: name and context by
                           ``_metric_keys.py`` with unprefixed keys as training (``loss``,
                           ``grad_norm``, ``learning_rate`` -> ``{subset: train}``;
                           ``eval_loss`` -> ``loss`` ``{subset: val}``); the epoch is the
                           0-based epoch the step fell in (Hugging Face's ``epoch`` 1.5 -> 1;
                           1.0, the end of the first, -> 0)
``on_log`` at the end      values, not points: the summary the Trainer logs once
(``train_runtime`` in it)  (``train_loss`` there is the mean over training, which as a point
                           would overwrite the last logged loss at the same step)
``on_log`` (other)         a value, not a point: what is not a number (a string a
                           ``compute_metrics`` returned)
``on_train_end``           the run finished (a run given with ``run=`` stays open)
``on_evaluate`` outside    the run finished again: ``trainer.evaluate()`` after training
training                   resumed it (``owned_run.py``) for its ``eval_*`` metrics, which are
                           points at the final step like the last evaluation's
=========================  ====================================================================

Only the main process logs (``state.is_world_process_zero``). The Trainer calls no callback
when training raises: the exception then ends the process, and the SDK's exit hooks set
failed (or killed) as for any run.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Optional

from transformers import TrainerCallback

from .._metric_keys import split_metric_key
from .._run import Run
from .owned_run import OwnedRun


def _epoch(hf_epoch: Any) -> Optional[int]:
    if hf_epoch is None:
        return None
    return max(math.ceil(float(hf_epoch)) - 1, 0)


class RuncampCallback(TrainerCallback):
    """Logs a ``transformers.Trainer`` run to runcamp: ``RuncampCallback(run=run)`` logs to a
    run of yours, ``RuncampCallback(repo=..., name=..., campaign=..., ...)`` to a new one
    (the arguments of ``runcamp.Run``), created when training starts and ended when it ends."""

    def __init__(self, run: Optional[Run] = None, **run_kwargs: Any) -> None:
        self._owned = OwnedRun(run, run_kwargs)
        self._training = False

    @property
    def run_id(self) -> str:
        """The run's id (known before it is created)."""
        return self._owned.id

    @property
    def run(self) -> Run:
        """The ``runcamp.Run`` (opened, or resumed after training ended, by this call)."""
        return self._owned.open()

    def on_train_begin(self, args, state, control, model=None, **kwargs):
        if not state.is_world_process_zero:
            return
        config = getattr(model, "config", None)
        params = dict(config if isinstance(config, dict) else config.to_dict()) if config is not None else {}
        params.update(args.to_dict())
        self._training = True
        self._owned.set_params(params)
        self._owned.open()  # the run starts with training, not at its first log

    def on_log(self, args, state, control, logs=None, **kwargs):
        if not state.is_world_process_zero or not logs:
            return
        logs = dict(logs)
        epoch = _epoch(logs.pop("epoch", state.epoch))
        run = self._owned.open()
        summary = "train_runtime" in logs
        for key, value in logs.items():
            name, context = split_metric_key(key, unprefixed="train")
            if summary or not isinstance(value, numbers.Real):  # a string a compute_metrics returned: a value too
                run.set_value(name, value, context=context)
            else:
                run.track(value, name=name, step=state.global_step, epoch=epoch, context=context)

    def on_train_end(self, args, state, control, **kwargs):
        self._training = False
        if state.is_world_process_zero:
            self._owned.end()

    def on_evaluate(self, args, state, control, **kwargs):
        # An evaluate() outside training (after on_log gave its metrics) ends the run it resumed.
        if not self._training and state.is_world_process_zero:
            self._owned.end()
