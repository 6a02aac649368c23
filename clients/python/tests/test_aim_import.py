"""runcamp import-aim against a real AIM repository built here with aim.Run: params, two
contexts, NaN, epochs, archived, a finished run and one whose process died (unfinished),
an object sequence (skipped and reported), tcbench's campaign id in the params; a run with
its terminal output captured and AIM system metrics tracked by hand (no sampling thread)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from runcamp.cli.export import iso_seconds as _iso
from runcamp.cli.main import cli
from server import Server

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

# AIM captures what goes through sys.stdout/sys.stderr; the hash goes to the real stdout (fd 1).
BUILD_LOGGED = textwrap.dedent(
    r"""
    import json, os, sys
    from aim import Run
    path, lines, resume = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    kwargs = dict(system_tracking_interval=None, log_system_params=False, capture_terminal_logs=True)
    if resume:  # the run again, printing more
        run = Run(run_hash=resume[0], repo=path, **kwargs)
        for i in range(lines):
            print(f"more {i}")
        run.close()
        os.write(1, json.dumps({"hash": run.hash}).encode() + b"\n")
        sys.exit(0)
    run = Run(repo=path, experiment="logged", **kwargs)
    print("epoch 0 loss 0.9")
    print("<script>alert(1)</script>")
    print("\x1b[31mred\x1b[0m and plain")
    sys.stderr.write("a warning on stderr\n")
    for i in range(3):
        sys.stdout.write(f"\rprogress {i}/2")
    print()
    print("nul\x00here")
    print("x" * 70_000)
    for i in range(lines):
        print(f"line {i}")
    run.track(12.5, name="__system__cpu", step=0)
    run.track(47.0, name="__system__memory_percent", step=0)
    run.track(3.5, name="__system__p_memory_percent", step=0)
    run.track(61.0, name="__system__disk_percent", step=0)
    run.track(5.0, name="__system__net_whatever", step=0)
    for gpu in (0, 1):
        run.track(90.0 + gpu, name="__system__gpu", step=0, context={"gpu": gpu})
        run.track(40.0 + gpu, name="__system__gpu_memory_percent", step=0, context={"gpu": gpu})
        run.track(70.0 + gpu, name="__system__gpu_temp", step=0, context={"gpu": gpu})
        run.track(250.0 + gpu, name="__system__gpu_power_watts", step=0, context={"gpu": gpu})
    run.close()
    os.write(1, json.dumps({"hash": run.hash}).encode() + b"\n")
    """
)

SYSTEM_SERIES = {
    ("system/process_cpu_percent", "{}"): 12.5,
    ("system/memory_percent", "{}"): 47.0,
    ("system/process_memory_percent", "{}"): 3.5,
    ("system/disk_usage_percent", "{}"): 61.0,
    ("system/net_whatever", "{}"): 5.0,
    **{("system/gpu_utilization_percent", f'{{"gpu": "{g}"}}'): 90.0 + g for g in (0, 1)},
    **{("system/gpu_memory_percent", f'{{"gpu": "{g}"}}'): 40.0 + g for g in (0, 1)},
    **{("system/gpu_temperature_c", f'{{"gpu": "{g}"}}'): 70.0 + g for g in (0, 1)},
    **{("system/gpu_power_w", f'{{"gpu": "{g}"}}'): 250.0 + g for g in (0, 1)},
}


def build(path, *args, script=BUILD):
    out = subprocess.run([sys.executable, "-c", script, str(path), *args], capture_output=True, text=True, timeout=300)
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
    assert "imported 2 AIM runs (4 series, 66 points, 0 log lines)" in r.output and "1 campaigns" in r.output
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


def aim_log_texts(path, run_hash):
    """AIM's terminal log of a run: (texts, times) in step order."""
    from aim import Run

    steps, (lines, _, times) = Run(run_hash=run_hash, repo=str(path), read_only=True).get_terminal_logs().data.items_list()
    assert list(steps) == sorted(steps)
    return [line.data for line in lines], list(times)


def as_runcamp(texts, times):
    """AIM's lines as runcamp stores them: NUL as U+FFFD, a line past 65,536 characters split."""
    out = []
    for text, time in zip(texts, times):
        text = text.replace("\x00", "\ufffd")
        out += [(text[i : i + 65_536], time) for i in range(0, max(len(text), 1), 65_536)]
    return out


def log_lines(http, repo, run_hash):
    resp = http.get(f"/v1/repos/{repo}/runs/{run_hash}/logs", params={"limit": 10_000})
    assert resp.status_code == 200 and resp.json()["next_after"] is None, resp.text
    return resp.json()["items"]


def test_terminal_log_and_system_metrics_import_and_a_reimport_adds_only_new_lines(server, tmp_path):
    path = tmp_path / "aimrepo"
    path.mkdir()
    run_hash = build(path, "5", script=BUILD_LOGGED)
    args = ["--url", server.url, "import-aim", str(path), "--repo", "aim-logs"]
    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    texts, times = aim_log_texts(path, run_hash)
    expected = as_runcamp(texts, times)
    assert f"imported 1 AIM runs ({len(SYSTEM_SERIES)} series, {len(SYSTEM_SERIES)} points, {len(expected)} log lines)" in r.output
    assert "skipped" not in r.output and "sequence" not in r.output
    assert f"run {run_hash}: 1 log lines held NUL characters, stored as U+FFFD" in r.output
    assert f"run {run_hash}: 1 log lines longer than 65,536 characters, each stored as several lines" in r.output

    with server.http() as http:
        got = log_lines(http, "aim-logs", run_hash)
        assert [line["seq"] for line in got] == list(range(len(expected)))
        assert {line["stream"] for line in got} == {"stdout"}  # AIM keeps one buffer for stdout and stderr
        assert [line["text"] for line in got] == [text for text, _ in expected]
        assert [line["time"] for line in got] == pytest.approx([time for _, time in expected], abs=1e-3)
        # What AIM stored, verbatim: markup and colours as printed, a \r-rewritten progress bar as its last state.
        assert [line["text"] for line in got][:8] == [
            "epoch 0 loss 0.9",
            "<script>alert(1)</script>",
            "\x1b[31mred\x1b[0m and plain",
            "a warning on stderr",
            "progress 2/2",
            "nul\ufffdhere",
            "x" * 65_536,
            "x" * 4_464,
        ]
        assert [line["text"] for line in got][8:13] == [f"line {i}" for i in range(5)]

        detail = http.get(f"/v1/repos/aim-logs/runs/{run_hash}").json()
        assert {(s["name"], json.dumps(s["context"], sort_keys=True)) for s in detail["metrics"]} == set(SYSTEM_SERIES)
        for (name, ctx), value in SYSTEM_SERIES.items():
            points = http.get(f"/v1/repos/aim-logs/runs/{run_hash}/metrics/{quote(name, safe='')}", params={"context": ctx}).json()["points"]
            assert [(p["step"], p["value"]) for p in points] == [(0, value)]

    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 0 and "imported 0 AIM runs" in r.output and "1 runs already there unchanged" in r.output

    build(path, "3", run_hash, script=BUILD_LOGGED)  # AIM's run resumed: its log goes on after its last step
    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert r.exit_code == 0 and "imported 1 AIM runs" in r.output
    texts, times = aim_log_texts(path, run_hash)
    grown = as_runcamp(texts, times)
    assert len(grown) > len(expected) and {f"more {i}" for i in range(3)} <= {text for text, _ in grown}
    with server.http() as http:
        got = log_lines(http, "aim-logs", run_hash)
    assert [(line["seq"], line["text"]) for line in got] == list(enumerate(text for text, _ in grown))


def test_a_log_past_the_servers_limit_is_imported_up_to_it_and_reported(tmp_path):
    limited = Server(tmp_path / "limited.db", env={"RUNCAMP_MAX_LOG_BYTES_PER_RUN": "200"}).start()
    try:
        path = tmp_path / "aimrepo"
        path.mkdir()
        run_hash = build(path, "5", script=BUILD_LOGGED)
        args = ["--url", limited.url, "import-aim", str(path), "--repo", "aim-logs"]
        for _ in range(2):  # a cut log is sent again on each import and stays as it was
            r = CliRunner().invoke(cli, args, catch_exceptions=False)
            assert r.exit_code == 0, r.output
            expected = as_runcamp(*aim_log_texts(path, run_hash))  # AIM's index holds the run once the import rebuilt it
            fits = 6  # the lines before the 65,536 x's: 104 bytes of text; with them the run would pass 200
            assert sum(len(text.encode()) for text, _ in expected[:fits]) <= 200 < sum(len(text.encode()) for text, _ in expected[: fits + 1])
            cut = f"stored its first {fits} of {len(expected)} lines; the server refused the next: 413 "
            assert f"run {run_hash}: its log is past the server's per-run limit: {cut}" in r.output
            with limited.http() as http:
                got = log_lines(http, "aim-logs", run_hash)
                assert [(line["seq"], line["text"]) for line in got] == list(enumerate(text for text, _ in expected[:fits]))
                assert len(http.get(f"/v1/repos/aim-logs/runs/{run_hash}").json()["metrics"]) == len(SYSTEM_SERIES)
    finally:
        limited.stop()


def test_an_aim_metric_clashing_with_a_system_name_is_refused_before_anything_is_written(server, tmp_path):
    path = tmp_path / "aimrepo"
    path.mkdir()
    script = textwrap.dedent(
        """
        import json, sys
        from aim import Run
        run = Run(repo=sys.argv[1], system_tracking_interval=None, log_system_params=False, capture_terminal_logs=False)
        run.track(12.5, name="__system__cpu", step=0)
        run.track(50.0, name="system/process_cpu_percent", step=0)
        run.close()
        print(json.dumps({"hash": run.hash}))
        """
    )
    run_hash = build(path, script=script)
    r = CliRunner().invoke(cli, ["--url", server.url, "import-aim", str(path), "--repo", "aim-clash"], catch_exceptions=False)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert f"run {run_hash}: AIM metrics" in r.output and "'__system__cpu'" in r.output and "'system/process_cpu_percent'" in r.output
    with server.http() as http:
        assert http.get(f"/v1/repos/aim-clash/runs/{run_hash}").status_code == 404


def test_not_an_aim_repository(server, tmp_path):
    r = CliRunner().invoke(cli, ["--url", server.url, "import-aim", str(tmp_path)], catch_exceptions=False)
    assert r.exit_code == 1 and "Traceback" not in r.output
