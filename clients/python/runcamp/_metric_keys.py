"""A metric key -> a runcamp series name and context. One table of subset words, two forms of
the rule: ``split_metric_key`` for the framework integrations (``runcamp.integrations``,
docs/integrations.md), whose keys follow their framework's conventions (``val_loss``), and
``split_subset`` for wandb scripts and TensorBoard logs (docs/wandb.md, docs/cli.md), whose
keys are the user's own names (``test_size``): there only a whole ``/``-separated part is a
subset.

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

**Integrations.** The phase (a word of ``SUBSETS``) is a prefix ending in ``/`` or ``_``, or
a last ``/`` part, matched without regard to case; the name keeps its case. ``_step`` and ``_epoch`` are the suffixes Lightning adds
when a metric is logged both per step and per epoch (``self.log(..., on_step=True,
on_epoch=True)``): two series that must not overwrite each other, so the suffix becomes the
context's ``interval``. A key that would leave an empty name (``train``, ``val_``) is kept
whole.

**wandb and TensorBoard** (``split_subset``). A key is split at its slashes. When its first
piece, else its last, is a word of ``SUBSETS`` (any letter case), that piece becomes the
context and the rest, joined by its slashes again, is the name. Any other key is the name as
it is, slashes and all (``charts/lr``, ``val_loss``). A key of one piece, or whose remaining
name would be empty, is the name as it is. Underscores are never split there, since a prefix
before ``_`` is as often part of a name (``test_size``, ``train_time``).

``eval`` and ``dev`` are validation because that is what the common trainers mean by them
(Hugging Face's ``eval_loss`` is measured on the validation set).
"""

from __future__ import annotations

import re
from typing import Optional

# Subset words and the subset each names.
SUBSETS = {
    "train": "train",
    "training": "train",
    "val": "val",
    "valid": "val",
    "validation": "val",
    "eval": "val",
    "dev": "val",
    "test": "test",
    "testing": "test",
}

_WORDS = "|".join(SUBSETS)
_PREFIX = re.compile(rf"^({_WORDS})[/_](.+)$", re.IGNORECASE | re.DOTALL)
_LAST_PART = re.compile(rf"^(.+)/({_WORDS})$", re.IGNORECASE | re.DOTALL)
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
        context["subset"] = SUBSETS[prefix.group(1).lower()]
        name = prefix.group(2)
    elif last:
        context["subset"] = SUBSETS[last.group(2).lower()]
        name = last.group(1)
    elif unprefixed is not None:
        context["subset"] = unprefixed
    return name, context


def split_subset(key: str) -> tuple[str, Optional[dict]]:
    """A wandb or TensorBoard key as (name, context): ``"val/loss"`` → ``("loss", {"subset": "val"})``."""
    pieces = key.split("/")
    if len(pieces) < 2:
        return key, None
    for at in (0, len(pieces) - 1):
        subset = SUBSETS.get(pieces[at].lower())
        rest = pieces[:at] + pieces[at + 1 :]
        if subset is not None and all(rest):
            return "/".join(rest), {"subset": subset}
    return key, None
