"""A small repo with every kind of content an export must carry, and everything a client can
read of a repo (used by the CLI and import tests)."""

from __future__ import annotations

import json

import httpx

PARAMS = {"lr": 0.001, "model": {"depth": 18}, "aug": "flip"}
# r1's captured output: both streams, an ANSI escape, text beyond ASCII, an empty line.
LOGS = [
    {"seq": 0, "stream": "stdout", "time": 1764147000.25, "text": "epoch 1 \x1b[32mok\x1b[0m"},
    {"seq": 1, "stream": "stderr", "time": 1764147001.5, "text": "Warnung: Größe überschritten — 注意 🚀"},
    {"seq": 2, "stream": "stdout", "time": 1764147002, "text": ""},
    {"seq": 5, "stream": "stderr", "time": 1764147003.75, "text": "Traceback (most recent call last):\tValueError: bad"},
]
FAILURE = {"type": "ValueError", "message": "bad — ünïcode"}


def fill_repo(http: httpx.Client, repo: str) -> None:
    def ok(r: httpx.Response) -> dict:
        assert r.status_code < 300, r.text
        return r.json() if r.content else {}

    ok(http.put(f"/v1/repos/{repo}", json={"description": "the source"}))
    ok(http.post(f"/v1/repos/{repo}/campaigns", json={"id": "grid", "name": "augment grid", "params": {"seeds": [1, 2]}}))
    for i, (aug, status) in enumerate([("flip", "finished"), ("flip", "finished"), ("crop", "finished"), ("crop", "running")]):
        run = f"r{i}"
        ok(
            http.post(
                f"/v1/repos/{repo}/runs",
                json={
                    "id": run,
                    "name": f"run {i}",
                    "experiment": "cifar",
                    "campaign": "grid",
                    "params": {**PARAMS, "aug": aug, "seed": i},
                    "tags": ["t1", f"seed:{i}"],
                    "provenance": {"git": {"commit": "abc"}},
                },
            )
        )
        points = []
        for s in range(250):
            v = 1.0 / (1 + s) + i * 0.01
            points.append({"name": "loss", "context": {"subset": "train"}, "step": s, "value": v, "epoch": s // 100, "time": 1764147000.25 + s})
            points.append(
                {
                    "name": "loss",
                    "context": {"subset": "val"},
                    "step": s * 2,
                    "value": "NaN" if s == 7 else "Infinity" if s == 8 else "-Infinity" if s == 9 else v,
                    "time": 1764147000.5 + s,
                }
            )
        ok(http.post(f"/v1/repos/{repo}/runs/{run}/metrics", json={"points": points}))
        ok(
            http.put(
                f"/v1/repos/{repo}/runs/{run}/values",
                json=[{"name": "acc", "context": {"subset": "test"}, "value": 0.9 + i / 100}, {"name": "f1", "value": "NaN"}],
            )
        )
        inputs = [
            {
                "name": "cifar10",
                "digest": "c1fa0010",
                "source_type": "hf_datasets",
                "source": '{"path": "cifar10"}',
                "context": "training",
                "tags": {"split": "train"},
            },
            {"name": f"holdout-{i}", "source": "s3://bucket/holdout.csv", "schema": '{"mlflow_colspec": []}', "profile": '{"num_rows": 10}'},
        ]
        ok(http.post(f"/v1/repos/{repo}/runs/{run}/inputs", json=inputs))
        # Logged at a step in a context (an artifact per epoch): an export carries both.
        stepped = {"step": str(i), "context": '{"subset":"val"}'}
        csv = f"a,b\n{i},2\n".encode()
        ok(http.put(f"/v1/repos/{repo}/runs/{run}/artifacts/reports/r.csv", params=stepped, content=csv, headers={"content-type": "text/csv"}))
        if i == 1:
            ok(http.post(f"/v1/repos/{repo}/runs/{run}/logs", json={"lines": LOGS}))
            ok(http.patch(f"/v1/repos/{repo}/runs/{run}", json={"failure": FAILURE}))
        if status != "running":
            ok(http.patch(f"/v1/repos/{repo}/runs/{run}", json={"status": status}))
    ok(http.patch(f"/v1/repos/{repo}/runs/r2", json={"archived": True}))
    ok(http.post(f"/v1/repos/{repo}/runs", json={"id": "loner", "name": "outside the campaign"}))


def everything(server, repo: str) -> dict:
    """What a client can read of a repo: the repo, campaigns, every run (archived too) with
    values, failure, series summaries, every raw point, log line and artifact (with bytes)."""
    with server.http() as http:

        def get(path, **params):
            r = http.get(path, params=params)
            assert r.status_code == 200, r.text
            return r.json()

        base = f"/v1/repos/{repo}"
        info = get(base)
        info.pop("name")
        info.pop("mlflow_experiment_id")  # the server's key for the repo, not what it holds
        out = {"repo": info, "campaigns": [{k: v for k, v in c.items() if k != "repo"} for c in get(f"{base}/campaigns")["items"]], "runs": {}}
        for item in get(f"{base}/runs", filter="archived = true or archived = false", limit=1000)["items"]:
            run = get(f"{base}/runs/{item['id']}")
            run.pop("repo")
            run.pop("stale")
            run["points"] = {
                f"{s['name']}{json.dumps(s['context'])}": get(f"{base}/runs/{item['id']}/metrics/{s['name']}", context=json.dumps(s["context"]), limit=100000)[
                    "points"
                ]
                for s in run["metrics"]
            }
            run["logs"], after = [], None
            while True:
                page = get(f"{base}/runs/{item['id']}/logs", limit=10000, **({} if after is None else {"after": after}))
                run["logs"] += page["items"]
                after = page["next_after"]
                if after is None:
                    break
            run["artifacts"] = get(f"{base}/runs/{item['id']}/artifacts")["items"]
            run["bytes"] = [http.get(f"{base}/runs/{item['id']}/artifacts/{a['path']}").content for a in run["artifacts"]]
            out["runs"][item["id"]] = run
        return out
