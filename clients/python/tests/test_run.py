"""runcamp.Run against a real server: everything logged reads back exactly."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap
from array import array

import pytest

import readback
import runcamp
from runcamp import _wire
from runcamp._wire import encode_series


def test_full_run_reads_back_exactly(server):
    series = [
        ("loss", {"subset": "train"}),
        ("loss", {"subset": "val"}),
        ("acc", {"subset": "train"}),
        ("acc", {"subset": "val", "fold": 1}),
    ]
    per_series = 25_000
    expected = {i: [] for i in range(len(series))}
    with runcamp.Run(
        repo="py-sdk", experiment="resnet", name="py run", params={"lr": 1e-3, "optimizer": {"name": "adam"}}, tags=["baseline"], url=server.url
    ) as run:
        for step in range(per_series):
            for i, (name, context) in enumerate(series):
                value = math.sin(step * (i + 1)) / (step + 1)
                if step == 7:
                    value = [float("nan"), float("inf"), float("-inf"), 5e-324][i]
                expected[i].append(value)
                run.track(value, name=name, epoch=step // 1000, context=context)
        run.set_value("acc", 0.931, context={"subset": "test"})
        run.set_value("report", {"f1": 0.92, "classes": 10})
        run.set_params({"epochs": 25, "optimizer": {"betas": [0.9, 0.999]}})
        run["batch_size"] = 128
        run.add_tag("final")
        run.remove_tag("baseline")
    assert run.errors == []
    assert run.stats["delivered_points"] == 100_000
    assert run.stats["spooled_points"] == 0

    got = readback.run(server.url, "py-sdk", run.id)
    assert got["status"] == "finished"
    assert got["name"] == "py run" and got["experiment"] == "resnet"
    assert got["params"] == {"lr": 1e-3, "epochs": 25, "batch_size": 128, "optimizer": {"name": "adam", "betas": [0.9, 0.999]}}
    assert got["tags"] == ["final"]
    assert sorted((v["name"], json.dumps(v["context"]), json.dumps(v["value"])) for v in got["values"]) == [
        ("acc", '{"subset": "test"}', "0.931"),
        ("report", "{}", '{"f1": 0.92, "classes": 10}'),
    ]
    assert {(s["name"], json.dumps(s["context"], sort_keys=True), s["count"]) for s in got["metrics"]} == {
        (name, json.dumps(ctx, sort_keys=True), per_series) for name, ctx in series
    }
    for i, (name, context) in enumerate(series):
        points = readback.points(server.url, "py-sdk", run.id, name, context)
        assert [p[0] for p in points] == list(range(per_series))
        assert [p[1] for p in points] == [readback.wire(v) for v in expected[i]]
        assert [p[2] for p in points] == [s // 1000 for s in range(per_series)]


def test_an_exception_in_the_with_block_marks_the_run_failed(server):
    with pytest.raises(ZeroDivisionError):
        with runcamp.Run(repo="py-sdk", url=server.url) as run:
            run.track(1.0, name="loss")
            raise ZeroDivisionError
    got = readback.run(server.url, "py-sdk", run.id)
    assert got["status"] == "failed"
    assert [p[:2] for p in readback.points(server.url, "py-sdk", run.id, "loss")] == [(0, 1.0)]


def test_resume_continues_each_series_at_its_last_step(server):
    first = runcamp.Run("py-resume", repo="py-sdk", url=server.url)
    assert not first.resumed
    for i in range(5):
        first.track(i, name="loss")
    first.track(1.0, name="acc", step=10, context={"subset": "val"})
    first.finish()
    again = runcamp.Run(run_id="py-resume", repo="py-sdk", url=server.url, params={"resumed": True}, tags=["resumed"])
    assert again.resumed
    assert readback.run(server.url, "py-sdk", "py-resume")["status"] == "running"
    again.track(5, name="loss")
    again.track(2.0, name="acc", context={"subset": "val"})
    again.finish("killed")
    assert [p[:2] for p in readback.points(server.url, "py-sdk", "py-resume", "loss")] == [(i, float(i)) for i in range(6)]
    assert [p[0] for p in readback.points(server.url, "py-sdk", "py-resume", "acc", {"subset": "val"})] == [10, 11]
    got = readback.run(server.url, "py-sdk", "py-resume")
    assert got["status"] == "killed" and got["params"] == {"resumed": True} and got["tags"] == ["resumed"]


def test_dict_values_explicit_steps_and_numpy_like_scalars(server):
    class Scalar:  # what numpy/torch scalars look like to track()
        def __init__(self, v):
            self.v = v

        def __float__(self):
            return self.v

    class Index:
        def __index__(self):
            return 3

    with runcamp.Run(repo="py-sdk", url=server.url) as run:
        run.track({"loss": 0.5, "acc": 0.25}, context={"subset": "train"}, epoch=0)
        run.track({"loss": 0.4, "acc": 0.5}, context={"subset": "train"}, epoch=Index())
        run.track(Scalar(7.5), name="lr", step=100)
        run.track(True, name="lr")  # the counter moved past the explicit step
        run.track(2, name="lr", step=Index())
    points = readback.points(server.url, "py-sdk", run.id, "acc", {"subset": "train"})
    assert points[0][:3] == (0, 0.25, 0) and points[1][:3] == (1, 0.5, 3)
    assert [p[:2] for p in readback.points(server.url, "py-sdk", run.id, "lr")] == [(3, 2.0), (100, 7.5), (101, 1.0)]


def test_bad_input_fails_in_the_calling_thread(server):
    with runcamp.Run(repo="py-sdk", url=server.url) as run:
        with pytest.raises(TypeError):
            run.track("0.5", name="loss")
        with pytest.raises(ValueError):
            run.track(1.0, name="")
        with pytest.raises(ValueError):
            run.track(1.0, name="x" * 256)
        with pytest.raises(TypeError):
            run.track(1.0, name="loss", context={"subset": ["a"]})
        with pytest.raises(ValueError):
            run.track(1.0, name="loss", context={f"k{i}": i for i in range(17)})
        with pytest.raises(ValueError):
            run.track(1.0, name="loss", step=-1)
        with pytest.raises(TypeError):
            run.track(1.0, name="loss", step=1.5)
        with pytest.raises(TypeError):
            run.track({"a": 1}, name="b")
        # set_value refuses at the call what the server would refuse (NaN is fine: see test_values.py)
        with pytest.raises(TypeError):
            run.set_value("when", object())
        with pytest.raises(TypeError):
            run.set_value("tags", {1: "a"})
        with pytest.raises(ValueError):
            run.set_value("", 1.0)
        with pytest.raises(ValueError):
            run.set_value("report", {"text": "v" * 70_000})
        with pytest.raises(TypeError):
            run.set_value("acc", 1.0, context={"subset": [1]})
    with pytest.raises(RuntimeError):
        run.track(1.0, name="loss")
    with pytest.raises(runcamp.RuncampError):
        runcamp.Run(repo="Bad Repo!", url=server.url)


def test_a_context_is_read_at_every_call_and_its_value_types_kept_apart(server):
    with runcamp.Run(repo="py-sdk", url=server.url) as run:
        ctx = {"subset": "train"}
        run.track(1.0, name="loss", context=ctx)
        ctx["subset"] = "val"  # changed after the call: the point above stays in train
        run.track(2.0, name="loss", context=ctx)
        run.track(3.0, name="loss", context={"subset": "train"})
        # 1 == 1.0 == True in Python, and the lookups compare contexts by ==: 1 and 1.0 are one
        # series on the server, True another, also when the same dict is changed in place.
        fold = {"fold": 1}
        run.track(4.0, name="acc", context=fold)
        fold["fold"] = True
        run.track(5.0, name="acc", context=fold)
        run.track(6.0, name="acc", context={"fold": 1.0})
        run.track(7.0, name="acc", context={"fold": True})
        run.track(8.0, name="acc", context={"fold": 0})
        run.track(9.0, name="acc", context={"fold": False})
        # Keys in another order: the same series.
        run.track(1.0, name="lr", context={"a": "x", "b": "y"})
        run.track(2.0, name="lr", context={"b": "y", "a": "x"})
        # A context seen before and then made invalid is refused at the call, every time.
        bad = {"subset": "train"}
        run.track(10.0, name="loss", context=bad)
        bad["subset"] = ["a"]
        for _ in range(2):
            with pytest.raises(TypeError):
                run.track(11.0, name="loss", context=bad)
        bad["subset"] = "x" * 256
        with pytest.raises(ValueError):
            run.track(11.0, name="loss", context=bad)
        with pytest.raises(TypeError):
            run.track(11.0, name="loss", context="train")
        for _ in range(2):
            with pytest.raises(ValueError):
                run.track(11.0, name="", context={"subset": "train"})
    got = {
        (name, json.dumps(ctx)): [p[:2] for p in readback.points(server.url, "py-sdk", run.id, name, ctx)]
        for name, ctx in [
            ("loss", {"subset": "train"}),
            ("loss", {"subset": "val"}),
            ("acc", {"fold": 1}),
            ("acc", {"fold": True}),
            ("acc", {"fold": 0}),
            ("acc", {"fold": False}),
            ("lr", {"a": "x", "b": "y"}),
        ]
    }
    assert got == {
        ("loss", '{"subset": "train"}'): [(0, 1.0), (1, 3.0), (2, 10.0)],
        ("loss", '{"subset": "val"}'): [(0, 2.0)],
        ("acc", '{"fold": 1}'): [(0, 4.0), (1, 6.0)],
        ("acc", '{"fold": true}'): [(0, 5.0), (1, 7.0)],
        ("acc", '{"fold": 0}'): [(0, 8.0)],
        ("acc", '{"fold": false}'): [(0, 9.0)],
        ("lr", '{"a": "x", "b": "y"}'): [(0, 1.0), (1, 2.0)],
    }
    assert len(readback.run(server.url, "py-sdk", run.id)["metrics"]) == 7


def test_a_request_the_server_rejects_is_reported_not_retried(server):
    with runcamp.Run(repo="py-sdk", url=server.url) as run:
        run.add_tag("not a valid tag!")
        run.track(1.0, name="loss")
    assert len(run.errors) == 1 and "400" in run.errors[0]
    assert run.stats["dropped_requests"] == 1
    assert len(readback.points(server.url, "py-sdk", run.id, "loss")) == 1


def test_provenance_is_captured_when_asked(server):
    with runcamp.Run(repo="py-sdk", url=server.url, provenance={"note": "extra"}) as run:
        pass
    prov = readback.run(server.url, "py-sdk", run.id)["provenance"]
    assert prov["note"] == "extra"
    assert prov["python"].count(".") == 2 and prov["host"] and prov["argv"]
    assert "httpx" in {k.lower() for k in prov["packages"]}
    assert set(prov) >= {"git", "cwd", "platform", "started_at"}
    if prov["git"] is not None:  # run from a git checkout
        assert len(prov["git"]["commit"]) == 40 and isinstance(prov["git"]["dirty"], bool)


def _script(server, body: str) -> subprocess.CompletedProcess:
    code = "import runcamp, sys\n" + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code, server.url], capture_output=True, text=True, timeout=120)


def test_interpreter_exit_flushes_and_finishes(server):
    done = _script(
        server,
        """
        run = runcamp.Run("py-exit-ok", repo="py-sdk", url=sys.argv[1], flush_interval=60)
        for i in range(30_000):
            run.track(i, name="loss")
    """,
    )
    assert done.returncode == 0, done.stderr
    assert readback.run(server.url, "py-sdk", "py-exit-ok")["status"] == "finished"
    assert len(readback.points(server.url, "py-sdk", "py-exit-ok", "loss")) == 30_000

    crashed = _script(
        server,
        """
        run = runcamp.Run("py-exit-crash", repo="py-sdk", url=sys.argv[1])
        run.track(1.0, name="loss")
        raise SystemError("boom")
    """,
    )
    assert crashed.returncode == 1 and "boom" in crashed.stderr
    assert readback.run(server.url, "py-sdk", "py-exit-crash")["status"] == "failed"
    assert len(readback.points(server.url, "py-sdk", "py-exit-crash", "loss")) == 1


@pytest.mark.parametrize("columns", ["python", "orjson"])
def test_encode_series_is_exact_columnar_json(columns, monkeypatch):
    monkeypatch.setattr(_wire, "_columns", getattr(_wire, f"_columns_{columns}"))
    loss = '{"name":"loss","context":{"subset":"val"}'
    acc = '{"name":"acc"'
    points = [
        (0, 0.1, None, 1.0005),
        (1, float("nan"), 2, 2.0),
        (2, float("-inf"), None, 3.0),
        (3, 1e308 * 10, None, 4.0),
        (4, 5e-324, 0, 5.0),
        (5, -0.0, None, 5.5),
        (6, 0.1 + 0.2, None, 5.75),
        (2**53 - 1, 1e-7, None, 1764147000.1234567),
        (1, 0.5, None, 6.0),
    ]
    steps, values, epochs, times = zip(*points)
    groups = [
        (loss, array("q", steps), array("d", values), array("d", times), array("q", [-1 if e is None else e for e in epochs])),
        (acc, array("q", [7]), array("d", [1.0]), array("d", [1.5]), None),
    ]
    got = json.loads(encode_series(groups))["series"]
    assert got == [
        {
            "name": "loss",
            "context": {"subset": "val"},
            "steps": [0, 1, 2, 3, 4, 5, 6, 2**53 - 1, 1],  # in order: the server keeps the last of a repeated step
            "values": [0.1, "NaN", "-Infinity", "Infinity", 5e-324, -0.0, 0.1 + 0.2, 1e-7, 0.5],
            "epochs": [None, 2, None, None, 0, None, None, None, None],
            "times": got[0]["times"],
        },
        {"name": "acc", "steps": [7], "values": [1.0], "times": [1.5]},  # no epochs: all None
    ]
    assert math.copysign(1, got[0]["values"][5]) == -1
    # Times are kept to the millisecond (the server's rule): Python's writer sends that, orjson every digit.
    assert [round(t, 3) for t in got[0]["times"]] == [1.0, 2.0, 3.0, 4.0, 5.0, 5.5, 5.75, 1764147000.123, 6.0]


def test_split_batch_halves_either_form_keeping_every_point_once():
    from runcamp._delivery.transport import split_batch

    columns = {
        "reopen": True,
        "series": [
            {"name": "a", "steps": [0, 1, 2], "values": [1, 2, 3], "times": [1, 2, 3]},
            {"name": "b", "steps": [5, 6], "values": [4, 5], "epochs": [0, None], "times": [4, 5]},
        ],
    }
    (first, n1), (second, n2) = split_batch(columns)
    assert (n1, n2) == (2, 3) and first["reopen"] and second["reopen"]
    assert first["series"] == [{"name": "a", "steps": [0, 1], "values": [1, 2], "times": [1, 2]}]
    assert second["series"] == [
        {"name": "a", "steps": [2], "values": [3], "times": [3]},
        {"name": "b", "steps": [5, 6], "values": [4, 5], "epochs": [0, None], "times": [4, 5]},
    ]
    points = {"points": [{"name": "a", "step": i, "value": 1} for i in range(3)]}
    (p1, m1), (p2, m2) = split_batch(points)
    assert (m1, m2) == (1, 2) and p1["points"] + p2["points"] == points["points"]
