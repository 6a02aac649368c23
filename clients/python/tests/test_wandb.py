"""runcamp.wandb: a script in the shape of W&B's quick start (init with a config, a loop of
wandb.log, finish), grown by the calls scripts add to it (group, tags, notes, train/ and val/
keys, define_metric, an Image, a Table, the summary, an alert, watch), runs with only its import
changed, against a real server; the run read back has every part. Then the rules one by one:
steps and commit, step metrics, epochs, exit codes, resume, warn-once, the subset rule."""

from __future__ import annotations

import csv
import io
import logging
import os
import subprocess
import sys
import textwrap

import httpx
import pytest

import runcamp
import runcamp.wandb as wandb
from runcamp._metric_keys import split_subset
from runcamp.wandb.media import png_bytes

np = pytest.importorskip("numpy")
PIL = pytest.importorskip("PIL.Image")

QUICKSTART = """
import random
import sys

import numpy as np

import runcamp.wandb as wandb

run = wandb.init(
    project="wandb-quickstart",
    name="cnn-baseline",
    group="cifar-sweep",
    tags=["baseline", "cnn"],
    notes="the quick start, grown",
    id="quickstart-1",
    config={
        "learning_rate": 0.02,
        "architecture": "CNN",
        "dataset": "CIFAR-100",
        "epochs": 10,
    },
)
wandb.config.update({"batch_size": 64})
wandb.define_metric("val/*", step_metric="epoch")
wandb.watch(object(), log="all")

random.seed(0)
epochs = 10
offset = random.random() / 5
for epoch in range(2, epochs):
    acc = 1 - 2 ** -epoch - random.random() / epoch - offset
    loss = 2 ** -epoch + random.random() / epoch + offset
    wandb.log({"train/acc": acc, "train/loss": loss, "epoch": epoch})
    wandb.log({"val/loss": loss * 1.1, "charts/lr": 0.02 / epoch}, commit=True)

pixels = np.zeros((4, 6, 3), dtype=np.uint8)
pixels[1, 2] = [255, 0, 0]
wandb.log({"samples": wandb.Image(pixels, caption="red dot"), "predictions": wandb.Table(columns=["id", "label"], data=[[1, "cat"], [2, "dog"]])})
run.summary["best_acc"] = 0.75
wandb.summary["val/best_loss"] = 0.125
wandb.alert(title="low accuracy", text="acc below 0.8")
wandb.finish()
"""


def _run_script(source: str, url: str, spool_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "RUNCAMP_URL": url, "RUNCAMP_CAPTURE_LOGS": "1", "RUNCAMP_SYSTEM_METRICS": "0", "RUNCAMP_SPOOL_DIR": str(spool_dir)}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(source)], env=env, capture_output=True, text=True, timeout=120)


def test_a_quick_start_script_runs_unchanged_but_for_the_import(server, spool_dir):
    done = _run_script(QUICKSTART, server.url, spool_dir)
    assert done.returncode == 0, done.stderr
    assert "watch() is not supported by runcamp; ignored" in done.stderr

    repo = runcamp.Repo("wandb-quickstart", url=server.url)
    run = repo.run("quickstart-1")
    raw = run._raw
    assert raw["status"] == "finished"
    assert raw["name"] == "cnn-baseline"
    assert raw["description"] == "the quick start, grown"
    assert sorted(raw["tags"]) == ["baseline", "cnn"]
    assert raw["params"] == {"learning_rate": 0.02, "architecture": "CNN", "dataset": "CIFAR-100", "epochs": 10, "batch_size": 64}
    campaign = repo.campaign("cifar-sweep")
    assert campaign.name == "cifar-sweep"

    series = {(s["name"], s["context"].get("subset")): s for s in run.metrics}
    assert sorted(series) == [("acc", "train"), ("charts/lr", None), ("loss", "train"), ("loss", "val")]
    # Two commits an epoch: train at steps 0, 2, 4...; val/* take the epoch as their step.
    train = run.series("loss", context={"subset": "train"})
    assert list(train["step"]) == [0, 2, 4, 6, 8, 10, 12, 14]
    assert list(train["epoch"]) == [2, 3, 4, 5, 6, 7, 8, 9]
    val = run.series("loss", context={"subset": "val"})
    assert list(val["step"]) == [2, 3, 4, 5, 6, 7, 8, 9]
    assert list(val["value"]) == pytest.approx([v * 1.1 for v in train["value"]], rel=1e-15)
    assert list(run.series("charts/lr")["step"]) == [1, 3, 5, 7, 9, 11, 13, 15]

    assert run.value("best_acc") == 0.75
    assert run.value("best_loss", context={"subset": "val"}) == 0.125

    artifacts = {a["path"]: a["step"] for a in runcamp.list_artifacts("quickstart-1", repo="wandb-quickstart", url=server.url)}
    assert artifacts == {"media/samples/16.png": 16, "media/predictions/16.csv": 16}  # with their step: a strip in the web UI
    png = runcamp.download_artifact("quickstart-1", "media/samples/16.png", repo="wandb-quickstart", url=server.url)
    image = np.asarray(PIL.open(io.BytesIO(png)))
    assert image.shape == (4, 6, 3) and image[1, 2].tolist() == [255, 0, 0] and int(image.sum()) == 255
    table = runcamp.download_artifact("quickstart-1", "media/predictions/16.csv", repo="wandb-quickstart", url=server.url)
    assert list(csv.reader(io.StringIO(table.decode()))) == [["id", "label"], ["1", "cat"], ["2", "dog"]]

    logs = httpx.get(f"{server.url}/v1/repos/wandb-quickstart/runs/quickstart-1/logs", headers={"accept": "text/plain"}, timeout=30).text
    assert "wandb alert [INFO] low accuracy: acc below 0.8" in logs


@pytest.fixture
def repo_name(request, server, monkeypatch):
    monkeypatch.setenv("RUNCAMP_URL", server.url)
    yield f"wandb-{request.node.name.replace('_', '-')[:40]}"
    wandb.finish()


def test_steps_follow_wandb_commit_and_step_rules(repo_name, server, caplog):
    run = wandb.init(project=repo_name)
    wandb.log({"a": 1.0}, commit=False)
    wandb.log({"b": 2.0})  # a and b at step 0
    wandb.log({"a": 3.0}, step=5)  # pending at step 5
    wandb.log({"b": 4.0}, step=5, commit=True)
    with caplog.at_level(logging.WARNING, logger="runcamp.wandb"):
        wandb.log({"a": 9.0}, step=2)  # behind: dropped
        wandb.log({"text": "hello", "a": 6.0})  # the text is skipped, the number kept, at step 6
        wandb.log({"text": "again"})
    assert run.step == 8  # the text-only commit took step 7
    wandb.finish()
    rec = runcamp.Repo(repo_name, url=server.url).run(run.id)
    assert list(rec.series("a")["step"]) == [0, 5, 6] and list(rec.series("a")["value"]) == [1.0, 3.0, 6.0]
    assert list(rec.series("b")["step"]) == [0, 5]
    assert [m["name"] for m in rec.metrics] == ["a", "b"]
    warnings = [r.getMessage() for r in caplog.records]
    assert sum("behind the run's step" in w for w in warnings) == 1
    assert sum("'text' holds a str" in w for w in warnings) == 1  # once, though logged twice


def test_nested_dicts_epochs_and_a_step_metric_that_is_missing(repo_name, server):
    run = wandb.init(project=repo_name, config={"opt": {"lr": 0.1}})
    wandb.define_metric("val/acc", step_metric="trainer/global_step")
    wandb.log({"val": {"acc": 0.5}})  # no global step yet: the run's step (0)
    wandb.log({"trainer/global_step": 100, "val": {"acc": 0.6}, "epoch": 1.5})  # a fractional epoch is a series
    wandb.config.opt = {"lr": 0.2, "momentum": 0.9}
    wandb.finish()
    rec = runcamp.Repo(repo_name, url=server.url).run(run.id)
    assert list(rec.series("acc", context={"subset": "val"})["step"]) == [0, 100]
    assert list(rec.series("epoch")["value"]) == [1.5]
    assert rec._raw["params"] == {"opt": {"lr": 0.2, "momentum": 0.9}}


def test_config_values_that_are_not_json_go_as_the_integrations_send_them(repo_name, server):
    # What argparse/numpy scripts put in a config: numpy scalars, a path, NaN, a namespace.
    from argparse import Namespace
    from pathlib import PurePosixPath

    run = wandb.init(project=repo_name, config=Namespace(lr=np.float32(0.5), data=PurePosixPath("/data/cifar"), clip=float("nan")))
    wandb.config.update({"layers": np.array([64, 32]), "opt": {"beta": np.float64(0.9)}})
    assert wandb.config.lr == np.float32(0.5)  # the config keeps the objects it was given
    wandb.finish()
    params = runcamp.Repo(repo_name, url=server.url).run(run.id)._raw["params"]
    assert params == {"lr": 0.5, "data": "PurePosixPath('/data/cifar')", "clip": "nan", "layers": [64, 32], "opt": {"beta": 0.9}}


def test_a_sweep_loop_of_init_and_finish_keeps_each_runs_config_its_own(repo_name, server):
    wandb.config.update({"seed": 7})  # set before the first init: it goes with that run
    first = wandb.init(project=repo_name, config={"lr": 0.1})
    wandb.finish()
    second = wandb.init(project=repo_name, config={"lr": 0.2})
    wandb.finish()
    repo = runcamp.Repo(repo_name, url=server.url)
    assert repo.run(first.id)._raw["params"] == {"seed": 7, "lr": 0.1}
    assert repo.run(second.id)._raw["params"] == {"lr": 0.2}


def test_finish_with_an_exit_code_fails_the_run(repo_name, server):
    run = wandb.init(project=repo_name, job_type="eval")
    wandb.log({"loss": 1.0})
    wandb.finish(exit_code=3)
    rec = runcamp.Repo(repo_name, url=server.url).run(run.id)._raw
    assert rec["status"] == "failed"
    assert rec["failure"]["message"] == "wandb.finish(exit_code=3)"
    assert rec["tags"] == ["job_type:eval"]


def test_resume_goes_on_from_the_last_step_and_must_and_never_are_kept(repo_name, server):
    with pytest.raises(runcamp.RuncampError, match="does not exist"):
        wandb.init(project=repo_name, id="r1", resume="must")
    assert httpx.get(f"{server.url}/v1/repos/{repo_name}/runs/r1").status_code == 404  # nothing created
    with wandb.init(project=repo_name, id="r1", resume="allow"):
        wandb.log({"loss": 1.0})
        wandb.log({"loss": 0.5})
    with pytest.raises(runcamp.RuncampError, match="exists"):
        wandb.init(project=repo_name, id="r1", resume="never")
    run = wandb.init(project=repo_name, id="r1", resume="must")
    assert run.step == 2
    wandb.log({"loss": 0.25})
    wandb.finish()
    assert list(runcamp.Repo(repo_name, url=server.url).run("r1").series("loss")["step"]) == [0, 1, 2]


def test_unsupported_calls_warn_once_and_do_nothing(repo_name, caplog):
    with caplog.at_level(logging.WARNING, logger="runcamp.wandb"):
        run = wandb.init(project=repo_name, entity="my-team", settings=wandb.Settings(start_method="thread"))
        for _ in range(3):
            wandb.save("model.pt")
            run.log_artifact("model.pt")
            wandb.log({"hist": wandb.Histogram([1, 2, 3])})
    messages = [r.getMessage() for r in caplog.records]
    for expected in ("entity=...", "wandb.save()", "run.log_artifact()", "wandb.Histogram()", "wandb.Settings()"):
        assert sum(expected in m for m in messages) == 1, (expected, messages)
    with pytest.raises(TypeError, match="unexpected keyword argument 'projct'"):
        wandb.init(projct="typo")


@pytest.mark.parametrize(
    "key, expected",
    [
        ("val/loss", ("loss", {"subset": "val"})),
        ("Loss/train", ("Loss", {"subset": "train"})),
        ("eval/accuracy", ("accuracy", {"subset": "val"})),
        ("validation/f1/macro", ("f1/macro", {"subset": "val"})),
        ("metrics/TEST", ("metrics", {"subset": "test"})),
        ("train/val", ("val", {"subset": "train"})),  # the first piece wins
        ("charts/lr", ("charts/lr", None)),
        ("val_loss", ("val_loss", None)),
        ("val", ("val", None)),
        ("val/", ("val/", None)),
        ("a/val/b", ("a/val/b", None)),  # a subset word in the middle is part of the name
    ],
)
def test_the_subset_rule(key, expected):
    assert split_subset(key) == expected


def test_png_encoding_of_arrays():
    grey = np.array([[0.0, 0.5], [1.0, float("nan")]])
    decoded = np.asarray(PIL.open(io.BytesIO(png_bytes(grey))))
    assert decoded.tolist() == [[0, 128], [255, 0]]
    rgba = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    assert np.asarray(PIL.open(io.BytesIO(png_bytes(rgba)))).tolist() == rgba.tolist()
    with pytest.raises(ValueError, match="H×W"):
        png_bytes(np.zeros((2, 2, 2)))
    with pytest.raises(TypeError, match="numpy array"):
        png_bytes([[1, 2]])
