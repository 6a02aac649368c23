"""runcamp import-aim against a real AIM repository built here with aim.Run: params, two
contexts, NaN, epochs, archived, a finished run and one whose process died (unfinished),
an object sequence (skipped and reported), tcbench's campaign id in the params."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from runcamp.cli.aim import _iso
from runcamp.cli.main import cli

aim = pytest.importorskip("aim")

BUILD = textwrap.dedent(
    """
    import json, os, sys
    from aim import Run, Text
    path, which = sys.argv[1], sys.argv[2]
    run = Run(repo=path, experiment="tcbench", system_tracking_interval=None, log_system_params=False, capture_terminal_logs=False)
    if which == "finished":
        run.name = "resnet split 0"
        run["hparams"] = {"lr": 0.001, "model": {"depth": 18}}
        run["campaign_id"] = "camp-1"
        run["seed"] = 7
        run.add_tag("baseline")
        for s in range(30):
            run.track(1.0 / (1 + s), name="loss", step=s, epoch=s // 10, context={"subset": "train"})
            run.track(float("nan") if s == 3 else 2.0 / (1 + s), name="loss", step=s, epoch=s // 10, context={"subset": "val"})
        run.track(0.5, name="acc", step=0, context={"subset": "test", "fold": 1})
        run.track(Text("hello"), name="notes", step=0)
        run.archived = True
        print(json.dumps({"hash": run.hash}))
        run.close()
    else:
        run.name = "died"
        run["campaign_id"] = "camp-1"
        for s in range(5):
            run.track(float(s), name="acc", step=s * 2)
        print(json.dumps({"hash": run.hash}), flush=True)
        os._exit(0)   # the process dies: AIM never finalises the run
    """
)


def build(path, which):
    out = subprocess.run([sys.executable, "-c", BUILD, str(path), which], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])["hash"]


def aim_truth(path, run_hash):
    from aim import Run

    run = Run(run_hash=run_hash, repo=str(path), read_only=True)
    seqs = {}
    for name, ctx, _ in run.iter_metrics_info():  # run.metrics() misses some runs of a fresh index
        steps, (values, epochs, times) = run.get_metric(name, ctx).data.items_list()
        seqs[(name, json.dumps(ctx.to_dict(), sort_keys=True))] = (steps, values, epochs, times)
    return run, seqs


def same(a, b):
    return (isinstance(a, float) and math.isnan(a) and b == "NaN") or a == b


def test_aim_repository_imports_field_by_field_and_twice_changes_nothing(server, tmp_path):
    path = tmp_path / "aimrepo"
    path.mkdir()
    finished = build(path, "finished")
    died = build(path, "died")
    args = ["--url", server.url, "import-aim", str(path), "--repo", "from-aim", "--campaign-from", "campaign_id"]
    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "imported 2 AIM runs (4 series, 66 points)" in r.output and "1 campaigns" in r.output
    assert "skipped 1 object sequences" in r.output and "notes" in r.output and "Text sequence" in r.output

    with server.http() as http:

        def get(p, **params):
            resp = http.get(f"/v1/repos/from-aim/{p}", params=params)
            assert resp.status_code == 200, resp.text
            return resp.json()

        aim_run, seqs = aim_truth(path, finished)
        got = get(f"runs/{finished}")
        assert got["name"] == "resnet split 0" and got["experiment"] == "tcbench"
        assert got["params"] == {"hparams": {"lr": 0.001, "model": {"depth": 18}}, "campaign_id": "camp-1", "seed": 7}
        assert got["tags"] == ["baseline"] and got["archived"] is True and got["status"] == "finished"
        assert got["campaign"] == "camp-1"
        assert got["created_at"] == _iso(aim_run.creation_time) and got["ended_at"] == _iso(aim_run.end_time)
        assert {(s["name"], json.dumps(s["context"], sort_keys=True)) for s in got["metrics"]} == set(seqs)
        for (name, ctx), (steps, values, epochs, times) in seqs.items():
            pts = get(f"runs/{finished}/metrics/{name}", context=ctx, limit=1000)["points"]
            assert [p["step"] for p in pts] == list(steps)
            assert all(same(float(v), p["value"]) or same(v, p["value"]) for v, p in zip(values, pts))
            assert [p["epoch"] for p in pts] == [None if math.isnan(e) else int(e) for e in epochs]
            assert [p["time"] for p in pts] == pytest.approx(list(times), abs=1e-3)
        assert get(f"runs/{finished}/metrics/loss", context='{"subset":"val"}')["points"][3]["value"] == "NaN"

        dead_run, dead_seqs = aim_truth(path, died)
        gone = get(f"runs/{died}")
        assert gone["status"] == "running" and gone["ended_at"] is None and gone["created_at"] == _iso(dead_run.creation_time)
        assert [p["step"] for p in get(f"runs/{died}/metrics/acc", context="{}")["points"]] == [0, 2, 4, 6, 8]
        assert [p["epoch"] for p in get(f"runs/{died}/metrics/acc", context="{}")["points"]] == [None] * 5
        campaign = get("campaigns/camp-1")
        assert campaign["name"] == "camp-1" and campaign["run_count"] == 2
        before = {h: get(f"runs/{h}") for h in (finished, died)}

    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 0 and "imported 0 AIM runs" in r.output and "2 runs already there unchanged" in r.output
    with server.http() as http:
        assert {h: http.get(f"/v1/repos/from-aim/runs/{h}").json() for h in (finished, died)} == before


def test_not_an_aim_repository(server, tmp_path):
    r = CliRunner().invoke(cli, ["--url", server.url, "import-aim", str(tmp_path)], catch_exceptions=False)
    assert r.exit_code == 1 and "Traceback" not in r.output
