"""Artifacts from the Python SDK against a real server: files and bytes round-trip exactly,
large files stream from disk, confusion matrices and their metrics agree with scikit-learn,
figures, the offline spool, and set_value refusing at the call what the server would refuse."""

from __future__ import annotations

import hashlib
import json
import math
import os
import tracemalloc

import httpx
import numpy as np
import pytest
from sklearn.metrics import classification_report, confusion_matrix

import runcamp
from server import Server

MiB = 1 << 20


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_files_and_bytes_round_trip_and_list(server, tmp_path):
    data = os.urandom(3 * MiB + 17)
    src = tmp_path / "weights.bin"
    src.write_bytes(data)
    with runcamp.Run(repo="py-art", url=server.url) as run:
        assert run.log_artifact(src) == "weights.bin"
        run.log_artifact(src, name="models/final ckpt.bin")
        run.log_artifact(b"label,f1\ncat,0.9\n", name="reports/classes.csv")
        run.log_artifact(bytearray(b"{}"), name="reports/empty.json")
        assert run.flush(60)
        assert run.errors == []
        items = run.list_artifacts()
    assert [i["path"] for i in items] == ["models/final ckpt.bin", "reports/classes.csv", "reports/empty.json", "weights.bin"]
    by_path = {i["path"]: i for i in items}
    assert by_path["weights.bin"]["size"] == len(data) and by_path["weights.bin"]["sha256"] == _sha(data)
    assert by_path["reports/classes.csv"]["content_type"] == "text/csv"
    assert by_path["reports/empty.json"]["content_type"] == "application/json"
    assert [i["path"] for i in runcamp.list_artifacts(run.id, repo="py-art", url=server.url, prefix="reports/")] == [
        "reports/classes.csv",
        "reports/empty.json",
    ]

    assert runcamp.download_artifact(run.id, "models/final ckpt.bin", repo="py-art", url=server.url) == data
    (tmp_path / "dl").mkdir()
    out = runcamp.download_artifact(run.id, "reports/classes.csv", tmp_path / "dl", repo="py-art", url=server.url)
    assert out == tmp_path / "dl" / "reports" / "classes.csv"
    assert out.read_bytes() == b"label,f1\ncat,0.9\n"
    single = run.download_artifact("weights.bin", tmp_path / "copy.bin")
    assert single.read_bytes() == data


def test_a_large_file_is_streamed_from_disk_not_read_into_memory(server, tmp_path):
    src = tmp_path / "big.bin"
    with open(src, "wb") as f:
        for _ in range(40):
            f.write(os.urandom(MiB))
    run = runcamp.Run(repo="py-art", url=server.url)
    tracemalloc.start()
    try:
        run.log_artifact(src, name="big.bin")
        assert run.flush(120)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    run.finish()
    assert run.errors == []
    assert peak < 8 * MiB, f"peak Python memory {peak / MiB:.1f} MiB while sending a 40 MiB file"
    with open(src, "rb") as f:
        expected = hashlib.sha256(f.read()).hexdigest()
    [item] = run.list_artifacts()
    assert item["sha256"] == expected and item["size"] == 40 * MiB


def _report(y_true, y_pred, labels):
    return classification_report(y_true, y_pred, labels=labels, zero_division=0, output_dict=True)


def _assert_metrics_match(metrics: dict, y_true, y_pred, labels) -> None:
    ref = _report(y_true, y_pred, labels)
    assert metrics["total"] == len(y_true)
    assert metrics["accuracy"] == pytest.approx(float(np.mean(np.asarray(y_true) == np.asarray(y_pred))), abs=1e-12)
    for cls in metrics["classes"]:
        r = ref[str(cls["label"])]
        assert cls["precision"] == pytest.approx(r["precision"], abs=1e-12)
        assert cls["recall"] == pytest.approx(r["recall"], abs=1e-12)
        assert cls["f1"] == pytest.approx(r["f1-score"], abs=1e-12)
        assert cls["support"] == r["support"]
    for ours, theirs in (("macro_avg", "macro avg"), ("weighted_avg", "weighted avg")):
        for key, ref_key in (("precision", "precision"), ("recall", "recall"), ("f1", "f1-score")):
            assert metrics[ours][key] == pytest.approx(ref[theirs][ref_key], abs=1e-12), (ours, key)
        assert metrics[ours]["support"] == ref[theirs]["support"]


def test_confusion_matrix_metrics_agree_with_scikit_learn(server):
    rng = np.random.default_rng(7)
    labels = [0, 1, 2, 3, 4]
    y_true = rng.choice([0, 1, 2, 3], size=500, p=[0.5, 0.3, 0.15, 0.05])  # class 4: no support
    y_pred = np.where(rng.random(500) < 0.7, y_true, rng.choice([0, 1, 2, 4], size=500))  # 3: rarely predicted
    cm = confusion_matrix(y_true, y_pred, labels=labels)  # numpy int64 array
    with runcamp.Run(repo="py-art", url=server.url) as run:
        run.log_confusion_matrix(np.array(labels), cm)
        run.log_confusion_matrix(["a", "b"], [[0, 0], [0, 0]], name="eval/zero.json")
    assert run.errors == []
    metrics = runcamp.confusion_metrics(run.id, repo="py-art", url=server.url)
    assert metrics["labels"] == labels
    _assert_metrics_match(metrics, y_true, y_pred, labels)
    zero = runcamp.confusion_metrics(run.id, "eval/zero.json", repo="py-art", url=server.url)
    assert zero["accuracy"] == 0 and all(c["precision"] == c["recall"] == c["f1"] == 0 for c in zero["classes"])
    stored = json.loads(run.download_artifact("confusion.json"))
    assert stored == {"labels": labels, "matrix": cm.tolist()}


def test_campaign_confusion_is_the_matrix_of_all_predictions(server):
    """Summing per-run matrices equals the confusion matrix of the runs' predictions pooled:
    checked, with its metrics, against scikit-learn on the concatenated predictions."""
    http = httpx.Client(base_url=server.url, timeout=60)
    assert http.post("/v1/repos/py-camp/campaigns", json={"id": "cv", "name": "cv"}).status_code in (200, 201)
    rng = np.random.default_rng(11)
    labels = ["cat", "dog", "bird"]
    pooled_true, pooled_pred, accuracies = [], [], []
    for split in range(4):
        y_true = rng.choice(labels, size=200 + 50 * split)
        y_pred = np.where(rng.random(len(y_true)) < 0.6 + 0.05 * split, y_true, rng.choice(labels, size=len(y_true)))
        with runcamp.Run(repo="py-camp", url=server.url, campaign="cv", params={"split": split}) as run:
            run.log_confusion_matrix(labels, confusion_matrix(y_true, y_pred, labels=labels), name="eval/cm.json")
        pooled_true.extend(y_true)
        pooled_pred.extend(y_pred)
        accuracies.append(float(np.mean(y_true == y_pred)))
    body = http.get("/v1/repos/py-camp/campaigns/cv/confusion", params={"path": "eval/cm.json"}).json()
    [group] = body["groups"]
    assert group["labels"] == labels
    assert group["matrix"] == confusion_matrix(pooled_true, pooled_pred, labels=labels).tolist()
    _assert_metrics_match(group["metrics"], pooled_true, pooled_pred, labels)
    acc = group["across_runs"]["accuracy"]
    assert acc["n"] == 4 and acc["mean"] == pytest.approx(np.mean(accuracies), abs=1e-12)
    assert acc["std"] == pytest.approx(np.std(accuracies, ddof=1), abs=1e-12)
    assert acc["ci95"] == pytest.approx(3.182446305284263 * np.std(accuracies, ddof=1) / 2, rel=1e-9)  # t(0.975, 3)
    csv = http.get("/v1/repos/py-camp/campaigns/cv/confusion", params={"path": "eval/cm.json"}, headers={"accept": "text/csv"}).text
    assert csv.splitlines()[0] == "row,label,predicted,metric,value,n,mean,std,min,max,ci95"


def test_log_figure_uploads_a_png(server):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([0, 1, 2], [3, 1, 2])
    with runcamp.Run(repo="py-art", url=server.url) as run:
        run.log_figure(fig, "figures/loss.png", dpi=50)
    plt.close(fig)
    [item] = run.list_artifacts()
    assert item["content_type"] == "image/png"
    assert run.download_artifact("figures/loss.png")[:8] == b"\x89PNG\r\n\x1a\n"


def test_artifacts_logged_while_the_server_is_down_are_spooled_and_resent(own_server, spool_dir, tmp_path):
    own_server.start()
    run = runcamp.Run(repo="py-art-off", url=own_server.url, spill_after=0.3)
    own_server.stop(kill=True)
    data = os.urandom(2 * MiB + 3)
    src = tmp_path / "ckpt.bin"
    src.write_bytes(data)
    run.log_artifact(src, name="ckpt.bin")
    run.log_confusion_matrix(["x", "y"], [[3, 1], [0, 2]])
    run.track(1.0, name="loss")
    assert run.flush(30)
    assert run.stats["spooled_requests"] >= 2
    blobs = sorted(spool_dir.rglob("*.blob"))
    assert len(blobs) == 2
    src.unlink()  # the spool holds its own copy
    own_server.start()
    run.finish()
    assert run.errors == []
    assert run.download_artifact("ckpt.bin") == data
    assert runcamp.confusion_metrics(run.id, repo="py-art-off", url=own_server.url)["total"] == 6
    assert not list(spool_dir.rglob("*.blob")) and not list(spool_dir.rglob("*.json"))


def test_an_artifact_over_the_server_limit_is_dropped_and_reported(tmp_path):
    server = Server(tmp_path / "small.db", env={"RUNCAMP_MAX_ARTIFACT_BYTES": "1000"}).start()
    try:
        with runcamp.Run(repo="py-art", url=server.url) as run:
            run.log_artifact(b"x" * 2000, name="big.bin")
            run.log_artifact(b"x" * 1000, name="fits.bin")
        assert len(run.errors) == 1 and "413" in run.errors[0]
        assert [i["path"] for i in run.list_artifacts()] == ["fits.bin"]
    finally:
        server.stop()


def test_bad_artifact_names_and_matrices_raise_at_the_call(server, tmp_path):
    with runcamp.Run(repo="py-art", url=server.url) as run:
        for name in ["", "../x", "a/../b", "a//b", "/abs", "a/", "tab\there", "nel\x85", "back\\slash", "./x", "x" * 1025]:
            with pytest.raises(ValueError):
                run.log_artifact(b"x", name=name)
        with pytest.raises(ValueError):
            run.log_artifact(b"x")  # bytes need a name
        with pytest.raises(FileNotFoundError):
            run.log_artifact(tmp_path / "missing.bin")
        with pytest.raises(TypeError):
            run.log_artifact(12)
        bad = [
            ([], []),
            (["a", "b"], [[1, 0]]),
            (["a", "b"], [[1, 0], [0]]),
            (["a", "b"], [[1, -1], [0, 1]]),
            (["a", "b"], [[1, 0.5], [0, 1]]),
            (["a", "a"], [[1, 0], [0, 1]]),
            (["a", None], [[1, 0], [0, 1]]),
            (["a\x07", "b"], [[1, 0], [0, 1]]),
        ]
        for labels, matrix in bad:
            with pytest.raises((ValueError, TypeError)):
                run.log_confusion_matrix(labels, matrix)
        with pytest.raises(TypeError):
            run.log_figure("not a figure", "fig.png")
    assert run.errors == [] and run.list_artifacts() == []


def test_set_value_refuses_at_the_call_what_the_server_would_refuse(server):
    cm = np.array([[5, 1], [2, 3]])
    with runcamp.Run(repo="py-art", url=server.url) as run:
        refused = [
            ("obj", object(), None, TypeError),
            ("set", {1, 2}, None, TypeError),
            ("nested-obj", {"model": object()}, None, TypeError),
            ("keys", {1: "a"}, None, TypeError),
            ("big", "x" * (64 * 1024), None, ValueError),
            ("n" * 256, 1, None, ValueError),
            ("", 1, None, ValueError),
            (7, 1, None, ValueError),
            ("ctx", 1, {"subset": {"nested": 1}}, TypeError),
            ("ctx", 1, {"subset": [1]}, TypeError),
            ("ctx", 1, {f"k{i}": i for i in range(17)}, ValueError),
            ("ctx", 1, {"x": float("inf")}, ValueError),
            ("ctx", 1, {"x": "v" * 256}, ValueError),
            ("ctx", 1, {"bell\a": 1}, ValueError),
            ("nul\x00name", 1, None, ValueError),
            ("deep", {"a": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}, None, ValueError),
        ]
        for name, value, context, error in refused:
            with pytest.raises(error):
                run.set_value(name, value, context=context)
        run.set_value("acc", np.float32(0.5), context={"subset": "test"})
        run.set_value("nan", float("nan"))  # issue 13: non-finite values and lists are values
        run.set_value("cm", cm)  # a numpy array becomes a list; log_confusion_matrix gives it its own artifact
        run.set_value("nan-inside", {"a": float("-inf")})
        run.set_value("report", {"per_class": [0.9, 0.8], "cm": cm, "n": np.int64(3)})
        run.set_value("fits", "y" * (64 * 1024 - 2))
        run.set_value("deep-enough", {"a": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]})
    assert run.errors == [] and run.stats["dropped_requests"] == 0
    values = {v["name"]: v["value"] for v in httpx.get(f"{server.url}/v1/repos/py-art/runs/{run.id}").json()["values"]}
    assert values["acc"] == 0.5 and values["nan"] == "NaN"
    assert values["cm"] == [[5, 1], [2, 3]] and values["nan-inside"] == {"a": "-Infinity"}
    assert values["report"] == {"per_class": [0.9, 0.8], "cm": [[5, 1], [2, 3]], "n": 3}
    assert len(values["fits"]) == 64 * 1024 - 2
    assert math.isfinite(values["acc"])


def test_an_artifact_per_step_keeps_each_step_with_its_step_and_context(server, tmp_path):
    src = tmp_path / "pred.png"
    with runcamp.Run(repo="py-art-steps", url=server.url) as run:
        for step in range(3):
            src.write_bytes(b"png-%d" % step)
            assert run.log_artifact(src, step=step, context={"subset": "val"}) == f"pred/{step}.subset=val.png"
            assert run.flush(60)  # the file is read when sent: one version at a time
        assert run.log_artifact(b"x", name="samples/a b.txt", step=7, context={"k/1": "v=1,2", "flag": True}) == "samples/a b/7.flag=true,k~2F1=v~3D1~2C2.txt"
        assert run.log_artifact(b"plain", name="notes.md") == "notes.md"
        assert run.flush(60)
        assert run.errors == []
        items = {i["path"]: i for i in run.list_artifacts()}
    pred = [items[f"pred/{s}.subset=val.png"] for s in range(3)]
    assert [(i["step"], i["context"]) for i in pred] == [(s, {"subset": "val"}) for s in range(3)]
    assert items["pred/2.subset=val.png"]["content_type"] == "image/png"
    assert run.download_artifact("pred/1.subset=val.png") == b"png-1"
    assert items["samples/a b/7.flag=true,k~2F1=v~3D1~2C2.txt"]["context"] == {"flag": True, "k/1": "v=1,2"}
    assert (items["notes.md"]["step"], items["notes.md"]["context"]) == (None, {})


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"step": -1}, ValueError),
        ({"step": 1.5}, ValueError),
        ({"step": True}, ValueError),
        ({"context": {"k": [1]}}, TypeError),
        ({"context": "val"}, TypeError),
    ],
)
def test_a_bad_step_or_context_raises_at_the_call(server, kwargs, error):
    with runcamp.Run(repo="py-art-steps", url=server.url) as run:
        with pytest.raises(error):
            run.log_artifact(b"x", name="pred.png", **kwargs)
        assert run.flush(60)
        assert run.list_artifacts() == []
