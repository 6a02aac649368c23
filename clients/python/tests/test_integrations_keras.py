"""Keras's RuncampCallback (runcamp/integrations/keras.py): a tiny classifier trained by Keras 3
on the torch backend (CPU), read back through the SDK: fit's and the optimizer's settings as
params, train/val as contexts, epochs, finished; an evaluate() afterwards as test values."""

from __future__ import annotations

import os

import pytest

os.environ["KERAS_BACKEND"] = "torch"  # before keras is imported: no TensorFlow here
if os.environ.get("CI"):  # CI installs the integrations-test extra: a missing package must fail, not skip
    import keras
    import numpy as np
else:
    np = pytest.importorskip("numpy", reason="the test extra is not installed")
    pytest.importorskip("torch", reason="the integrations-test extra is not installed")
    keras = pytest.importorskip("keras", reason="the integrations-test extra is not installed")

import runcamp  # noqa: E402
from runcamp.integrations.keras import RuncampCallback  # noqa: E402

REPO = "integrations-keras"


def _data(n: int, seed: int) -> tuple:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 4)).astype("float32")
    return x, (x[:, 0] + x[:, 1] > 0).astype("int64")


def test_a_trained_model_reads_back_with_params_contexts_epochs_and_finished(server):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(2, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    callback = RuncampCallback(repo=REPO, url=server.url, name="tiny-mlp", params={"batch_size": 8})
    history = model.fit(*_data(32, 1), epochs=3, batch_size=8, validation_data=_data(16, 2), callbacks=[callback], verbose=0)

    run = runcamp.Repo(REPO, url=server.url).run(callback.run_id)
    assert run.status == "finished"
    assert run.name == "tiny-mlp"
    assert run.params["epochs"] == 3 and run.params["steps"] == 4 and run.params["batch_size"] == 8
    assert run.params["optimizer"]["name"] == "adam" and run.params["optimizer"]["learning_rate"] == pytest.approx(0.01)
    assert run.params["loss"] == "sparse_categorical_crossentropy"
    series = {(m["name"], tuple(sorted(m["context"].items()))): m["count"] for m in run.metrics}
    assert {k: v for k, v in series.items() if k[0] in ("loss", "accuracy")} == {
        ("loss", (("subset", "train"),)): 3,
        ("accuracy", (("subset", "train"),)): 3,
        ("loss", (("subset", "val"),)): 3,
        ("accuracy", (("subset", "val"),)): 3,
    }
    val = run.series("loss", {"subset": "val"})
    assert list(val["step"]) == [0, 1, 2] and list(val["epoch"]) == [0, 1, 2]
    assert list(val["value"]) == pytest.approx(history.history["val_loss"], rel=1e-6)

    # evaluate() after fit, with the callback: test values, and the run finished again.
    loss, accuracy = model.evaluate(*_data(16, 3), callbacks=[callback], verbose=0)
    run = run.refresh()
    assert run.status == "finished"
    assert run.value("loss", {"subset": "test"}) == pytest.approx(loss, rel=1e-6)
    assert run.value("accuracy", {"subset": "test"}) == pytest.approx(accuracy, rel=1e-6)
    assert run.value("loss", {"subset": "val"}) is None  # fit's own validation is not logged twice
