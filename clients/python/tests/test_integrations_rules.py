"""The rules every integration shares (docs/integrations.md): a framework's metric key -> a
series name and context (runcamp/_metric_keys.py), hyper-parameters -> params
(runcamp/_params_json.py); and that `import runcamp` imports no framework."""

from __future__ import annotations

import math
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest

from runcamp._metric_keys import split_metric_key
from runcamp._params_json import params_json


@pytest.mark.parametrize(
    "key, unprefixed, name, context",
    [
        ("train_loss", None, "loss", {"subset": "train"}),
        ("train/loss", None, "loss", {"subset": "train"}),
        ("training_loss", None, "loss", {"subset": "train"}),
        ("val_loss", None, "loss", {"subset": "val"}),
        ("valid/acc", None, "acc", {"subset": "val"}),
        ("validation_acc", None, "acc", {"subset": "val"}),
        ("eval_loss", None, "loss", {"subset": "val"}),
        ("eval_samples_per_second", None, "samples_per_second", {"subset": "val"}),
        ("test_f1", None, "f1", {"subset": "test"}),
        ("Val/Acc", None, "Acc", {"subset": "val"}),
        ("loss/train", None, "loss", {"subset": "train"}),
        ("Loss/VAL", None, "Loss", {"subset": "val"}),
        ("train/acc/top1", None, "acc/top1", {"subset": "train"}),
        ("val_acc_epoch", None, "acc", {"subset": "val", "interval": "epoch"}),
        ("train_loss_step", None, "loss", {"subset": "train", "interval": "step"}),
        ("loss_step", None, "loss", {"interval": "step"}),
        ("loss/train_epoch", None, "loss", {"subset": "train", "interval": "epoch"}),
        ("loss", None, "loss", {}),
        ("loss", "train", "loss", {"subset": "train"}),
        ("val_accuracy", "train", "accuracy", {"subset": "val"}),
        ("lr-SGD", None, "lr-SGD", {}),
        # Nothing would be left of the name: kept whole.
        ("train", None, "train", {}),
        ("val_", None, "val_", {}),
        ("train/", None, "train/", {}),
        # A phase inside a word is no phase.
        ("trainable_params", None, "trainable_params", {}),
        ("evaluation_time", None, "evaluation_time", {}),
    ],
)
def test_a_metric_key_splits_into_a_name_and_a_context(key, unprefixed, name, context):
    assert split_metric_key(key, unprefixed) == (name, context)


def test_hyper_parameters_become_nested_json():
    class Odd:
        def __repr__(self) -> str:
            return "Odd()"

    np = pytest.importorskip("numpy")
    got = params_json(
        Namespace(
            lr=np.float32(0.5),
            layers=(64, np.int64(32)),
            optimizer={"name": "adam", "betas": np.array([0.9, 0.99])},
            scheduler=None,
            odd=Odd(),
            nan=math.nan,
            inf=-math.inf,
            flag=True,
            path=Path("/data"),
            ids={1: "a"},
        )
    )
    assert got == {
        "lr": 0.5,
        "layers": [64, 32],
        "optimizer": {"name": "adam", "betas": [0.9, 0.99]},
        "scheduler": None,
        "odd": "Odd()",
        "nan": "nan",
        "inf": "-inf",
        "flag": True,
        "path": repr(Path("/data")),
        "ids": {"1": "a"},
    }


def test_params_nested_too_deep_end_in_their_repr():
    deep: dict = {}
    node = deep
    for _ in range(40):
        node["x"] = {}
        node = node["x"]
    got = params_json(deep)
    rest = deep
    for _ in range(24):
        got, rest = got["x"], rest["x"]
    assert got == repr(rest)
    assert rest and isinstance(got, str)


def test_importing_runcamp_imports_no_framework():
    code = (
        "import sys, runcamp, runcamp.integrations\n"
        "heavy = sorted(m for m in ('torch', 'lightning', 'pytorch_lightning', 'transformers', 'keras', 'sklearn') if m in sys.modules)\n"
        "print(heavy)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
