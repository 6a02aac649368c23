"""A framework's metric key -> a runcamp series name and context: the one rule of the
integrations (``runcamp.integrations``; documented in docs/integrations.md).

Frameworks put the phase into the key (Lightning's ``val_loss``, Hugging Face's
``eval_loss``, Keras's ``val_accuracy``, TensorBoard's ``loss/train``); runcamp keeps it in
the context, so train and val loss are one series name, ``loss``, in two contexts, and a
chart or a filter (``metrics.loss{subset:"val"}.min``) finds them by that name.

=================================  =============  ========================================
key                                name           context
=================================  =============  ========================================
``train_loss``, ``train/loss``     ``loss``       ``{"subset": "train"}``
``val_acc``, ``valid/acc``,        ``acc``        ``{"subset": "val"}``
``validation_acc``, ``eval_acc``
``test_f1``, ``test/f1``           ``f1``         ``{"subset": "test"}``
``loss/train``, ``Loss/val``       ``loss``,      the phase of the last part
                                   ``Loss``
``val_acc_epoch``                  ``acc``        ``{"subset": "val", "interval": "epoch"}``
``loss_step``                      ``loss``       ``{"interval": "step"}``
``loss`` (nothing above)           ``loss``       ``{"subset": unprefixed}`` if the framework
                                                  says what an unprefixed key is (Keras and
                                                  Hugging Face: training), else ``{}``
=================================  =============  ========================================

The phase is a prefix ending in ``/`` or ``_``, or a last ``/`` part, matched without regard
to case; the name keeps its case. ``_step`` and ``_epoch`` are the suffixes Lightning adds
when a metric is logged both per step and per epoch (``self.log(..., on_step=True,
on_epoch=True)``): two series that must not overwrite each other, so the suffix becomes the
context's ``interval``. A key that would leave an empty name (``train``, ``val_``) is kept
whole.
"""

from __future__ import annotations

import re
from typing import Optional

PHASES = {"train": "train", "training": "train", "val": "val", "valid": "val", "validation": "val", "eval": "val", "test": "test"}

_PREFIX = re.compile(r"^(train|training|val|valid|validation|eval|test)[/_](.+)$", re.IGNORECASE | re.DOTALL)
_LAST_PART = re.compile(r"^(.+)/(train|training|val|valid|validation|eval|test)$", re.IGNORECASE | re.DOTALL)
_INTERVAL = re.compile(r"^(.+)_(step|epoch)$", re.DOTALL)


def split_metric_key(key: str, unprefixed: Optional[str] = None) -> tuple:
    """``(name, context)`` of a framework's metric ``key`` by the rule above; ``unprefixed``
    is the subset of a key without a phase (None: no subset)."""
    context: dict = {}
    name = key
    interval = _INTERVAL.match(name)
    if interval:
        name, context["interval"] = interval.group(1), interval.group(2)
    prefix = _PREFIX.match(name)
    last = None if prefix else _LAST_PART.match(name)
    if prefix:
        context["subset"] = PHASES[prefix.group(1).lower()]
        name = prefix.group(2)
    elif last:
        context["subset"] = PHASES[last.group(2).lower()]
        name = last.group(1)
    elif unprefixed is not None:
        context["subset"] = unprefixed
    return name, context
