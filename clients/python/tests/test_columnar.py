"""The SDK sends columnar batches ({"series": [...]}), they land exactly, a 413 halves them,
and spools written by earlier versions (an object per point) still replay."""

from __future__ import annotations

import json
import math

import readback
import runcamp
from proxy import FlakyProxy
from runcamp._delivery.spool import RunSpool, SpooledRequest
from runcamp._delivery.sync import sync_spool


def _metric_bodies(proxy: FlakyProxy) -> list:
    return [json.loads(body) for method, path, body in proxy.bodies if method == "POST" and path.endswith("/metrics")]


def test_batches_are_columnar_and_arrive_exactly(server):
    proxy = FlakyProxy(server.url, lambda n, method, path: None)
    try:
        expected: dict = {"loss": [], "acc": []}
        with runcamp.Run(repo="py-cols", url=proxy.url, batch_size=1000) as run:
            for step in range(5000):
                v = [float("nan"), float("inf"), float("-inf"), -0.0, 5e-324][step % 5] if step % 97 == 0 else math.cos(step) * 10 ** (step % 7)
                run.track(v, name="loss", epoch=step // 100, context={"subset": "train"})
                expected["loss"].append((step, readback.wire(v), step // 100))
                if step % 3 == 0:
                    run.track(v / 3, name="acc")  # epoch None throughout: no epochs column
                    expected["acc"].append((step // 3, readback.wire(v / 3), None))
            run.track(1.25, name="acc", step=0)  # an overwrite of an earlier step
            expected["acc"][0] = (0, 1.25, None)
        assert run.errors == []
        bodies = _metric_bodies(proxy)
        assert bodies and all(set(b) == {"series"} for b in bodies)
        assert sum(len(s["steps"]) for b in bodies for s in b["series"]) == 5000 + 1667 + 1
        assert any("epochs" in s for b in bodies for s in b["series"] if s["name"] == "loss")
        assert not any("epochs" in s for b in bodies for s in b["series"] if s["name"] == "acc")
        got_loss = [(p[0], p[1], p[2]) for p in readback.points(server.url, "py-cols", run.id, "loss", {"subset": "train"})]
        got_acc = [(p[0], p[1], p[2]) for p in readback.points(server.url, "py-cols", run.id, "acc")]
        assert got_loss == expected["loss"]
        assert got_acc == expected["acc"]
    finally:
        proxy.close()


def test_a_413_halves_a_columnar_batch_and_every_point_lands_once(server):
    # The first metrics POST is refused as too large; the transport halves it (twice over).
    state = {"refused": 0}

    def fault(n, method, path):
        if method == "POST" and path.endswith("/metrics") and state["refused"] < 2:
            state["refused"] += 1
            return 413
        return None

    proxy = FlakyProxy(server.url, fault)
    try:
        with runcamp.Run(repo="py-cols", url=proxy.url, batch_size=10_000) as run:
            for step in range(3001):
                run.track(float(step), name="a")
                run.track(-float(step), name="b", context={"k": 1})
        assert run.errors == [] and state["refused"] == 2
        assert [(p[0], p[1]) for p in readback.points(server.url, "py-cols", run.id, "a")] == [(s, float(s)) for s in range(3001)]
        assert [(p[0], p[1]) for p in readback.points(server.url, "py-cols", run.id, "b", {"k": 1})] == [(s, -float(s)) for s in range(3001)]
    finally:
        proxy.close()


def test_spool_files_of_the_point_form_still_replay(server, spool_dir):
    """What an SDK before the columnar form spooled: point bodies, plain and with relative steps."""
    with runcamp.Run("old-spool", repo="py-cols", url=server.url) as run:
        run.track(1.0, name="loss")
        run.track(2.0, name="loss")  # the server's loss ends at step 1
    spool = RunSpool(spool_dir, "py-cols", "old-spool")
    assert spool.acquire()
    path = "/v1/repos/py-cols/runs/old-spool/metrics"
    plain = '{"reopen":true,"points":[{"name":"acc","step":5,"value":"NaN","time":1.5},{"name":"acc","step":6,"value":0.5,"epoch":1,"time":2}]}'
    spool.write(SpooledRequest(server.url, "POST", path, plain, "points", 2))
    spool.write(SpooledRequest(server.url, "GET", "/v1/repos/py-cols/runs/old-spool", None, "resolve-steps", 0))
    relative = '{"reopen":true,"points":[{"name":"loss","step":-1,"value":3.0,"time":3},{"name":"loss","step":-2,"value":4.0,"time":4}]}'
    spool.write(SpooledRequest(server.url, "POST", path, relative, "points-relative", 2))
    spool.release(remove_if_empty=False)
    report = sync_spool(spool_dir)
    assert report.errors == [] and report.points == 4 and report.left == 0
    assert [(p[0], p[1], p[2]) for p in readback.points(server.url, "py-cols", "old-spool", "acc")] == [(5, "NaN", None), (6, 0.5, 1)]
    assert [(p[0], p[1]) for p in readback.points(server.url, "py-cols", "old-spool", "loss")] == [(0, 1.0), (1, 2.0), (2, 3.0), (3, 4.0)]
