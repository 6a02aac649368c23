"""What Python's json writes for NaN and ±Infinity by default (bare NaN, Infinity, -Infinity),
sent raw through httpx, is stored as those floats by the ingest routes (points and values) and
still refused by the others (docs/api.md, "Non-finite numbers")."""

from __future__ import annotations

import json
import math

import httpx

import runcamp


def test_json_dumps_nan_is_ingested_and_refused_elsewhere(server):
    base = f"{server.url}/v1/repos/bare-nonfinite/runs"
    with httpx.Client(timeout=30, headers={"content-type": "application/json"}) as http:
        assert http.post(base, content=json.dumps({"id": "r"})).status_code == 201
        points = {"points": [{"name": "loss", "step": i, "value": v} for i, v in enumerate([float("nan"), math.inf, -math.inf, 0.5])]}
        body = json.dumps(points)
        assert "NaN" in body and '"NaN"' not in body  # what the encoder writes: a bare token
        r = http.post(f"{base}/r/metrics", content=body)
        assert r.status_code == 200, r.text
        r = http.put(f"{base}/r/values", content=json.dumps([{"name": "best", "value": float("nan")}, {"name": "curve", "value": [1.0, math.inf]}]))
        assert r.status_code == 200, r.text
        refused = http.patch(f"{base}/r", content=json.dumps({"params": {"lr": float("nan")}}))
        assert refused.status_code == 400
    run = runcamp.Repo("bare-nonfinite", url=server.url).run("r")
    values = list(run.series("loss")["value"])
    assert math.isnan(values[0]) and values[1:] == [math.inf, -math.inf, 0.5]
    assert math.isnan(run.value("best")) and run.value("curve") == [1.0, math.inf]
    assert run._raw["params"] == {}
