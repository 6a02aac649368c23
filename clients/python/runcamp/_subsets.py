"""Which part of a metric key is a data subset: the rule that turns the ``val/loss`` of a wandb
script or the ``Loss/train`` of a TensorBoard log into runcamp's one series name with a
context, ``loss {"subset": "val"}`` (docs/wandb.md; docs/cli.md, "Moving from TensorBoard").

A key is split at its slashes. When its first piece, else its last, is one of the subset
words below (any letter case), that piece becomes the context and the rest, joined by its
slashes again, is the name. Any other key is the name as it is, slashes and all
(``charts/lr``, ``val_loss``). A key of one piece, or whose remaining name would be empty, is
the name as it is.

==========================================  ===================
words                                       context
==========================================  ===================
train, training                             {"subset": "train"}
val, valid, validation, eval, dev            {"subset": "val"}
test, testing                               {"subset": "test"}
==========================================  ===================

``eval`` is validation because that is what the common trainers mean by it (Hugging Face's
``eval_loss`` is measured on the validation set); underscores (``val_loss``) are never split,
since a prefix before ``_`` is as often part of a name (``test_size``, ``train_time``).
"""

from __future__ import annotations

from typing import Optional

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


def split_subset(key: str) -> tuple[str, Optional[dict]]:
    """A metric key as (name, context): ``"val/loss"`` → ``("loss", {"subset": "val"})``."""
    pieces = key.split("/")
    if len(pieces) < 2:
        return key, None
    for at in (0, len(pieces) - 1):
        subset = SUBSETS.get(pieces[at].lower())
        rest = pieces[:at] + pieces[at + 1 :]
        if subset is not None and all(rest):
            return "/".join(rest), {"subset": subset}
    return key, None
