"""A small repo with every kind of content an export must carry (used by the CLI tests)."""

from __future__ import annotations

import httpx

PARAMS = {"lr": 0.001, "model": {"depth": 18}, "aug": "flip"}


def fill_repo(http: httpx.Client, repo: str) -> None:
    def ok(r: httpx.Response) -> dict:
        assert r.status_code < 300, r.text
        return r.json() if r.content else {}

    ok(http.put(f"/v1/repos/{repo}", json={"description": "the source"}))
    ok(http.post(f"/v1/repos/{repo}/campaigns", json={"id": "grid", "name": "augment grid", "params": {"seeds": [1, 2]}}))
    for i, (aug, status) in enumerate([("flip", "finished"), ("flip", "finished"), ("crop", "finished"), ("crop", "running")]):
        run = f"r{i}"
        ok(http.post(f"/v1/repos/{repo}/runs", json={"id": run, "name": f"run {i}", "experiment": "cifar", "campaign": "grid", "params": {**PARAMS, "aug": aug, "seed": i},
                                                     "tags": ["t1", f"seed:{i}"], "provenance": {"git": {"commit": "abc"}}}))
        points = []
        for s in range(250):
            v = 1.0 / (1 + s) + i * 0.01
            points.append({"name": "loss", "context": {"subset": "train"}, "step": s, "value": v, "epoch": s // 100, "time": 1764147000.25 + s})
            points.append({"name": "loss", "context": {"subset": "val"}, "step": s * 2, "value": "NaN" if s == 7 else "Infinity" if s == 8 else "-Infinity" if s == 9 else v, "time": 1764147000.5 + s})
        ok(http.post(f"/v1/repos/{repo}/runs/{run}/metrics", json={"points": points}))
        ok(http.put(f"/v1/repos/{repo}/runs/{run}/values", json=[{"name": "acc", "context": {"subset": "test"}, "value": 0.9 + i / 100}, {"name": "f1", "value": "NaN"}]))
        ok(http.put(f"/v1/repos/{repo}/runs/{run}/artifacts/reports/r.csv", content=f"a,b\n{i},2\n".encode(), headers={"content-type": "text/csv"}))
        if status != "running":
            ok(http.patch(f"/v1/repos/{repo}/runs/{run}", json={"status": status}))
    ok(http.patch(f"/v1/repos/{repo}/runs/r2", json={"archived": True}))
    ok(http.post(f"/v1/repos/{repo}/runs", json={"id": "loner", "name": "outside the campaign"}))
