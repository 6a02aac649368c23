"""The ``runcamp`` command line against a real server: every command's output and exit
codes, and export → import onto a fresh server with every field, point and timestamp equal."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fixtures_runs import everything, fill_repo
from runcamp.cli.main import cli
from server import Server

REPO = "clisrc"


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("cli") / "src.db").start()
    with s.http() as http:
        fill_repo(http, REPO)
    yield s
    s.stop()


@pytest.fixture
def fresh(tmp_path):
    s = Server(tmp_path / "fresh.db").start()
    yield s
    s.stop()


def run(server, *args, repo=REPO, input=None):
    result = CliRunner().invoke(cli, ["--url", server.url, "--repo", repo, *args], input=input, catch_exceptions=False)
    return result


def test_repos_ls_and_columns(source):
    r = run(source, "repos")
    assert r.exit_code == 0 and REPO in r.output and "the source" in r.output
    r = run(source, "ls", "--columns", 'params.aug,values.acc{subset:"test"},metrics.loss{subset:"train"}.last', "--csv")
    assert r.exit_code == 0, r.output
    lines = list(csv.reader(io.StringIO(r.output)))
    assert lines[0] == [
        "id",
        "name",
        "status",
        "experiment",
        "campaign",
        "tags",
        "created_at",
        "ended_at",
        "params.aug",
        'values.acc{subset:"test"}',
        'metrics.loss{subset:"train"}.last',
    ]
    assert [line[0] for line in lines[1:]] == ["r0", "r1", "r3", "loner"]  # r2 is archived
    assert lines[1][8:] == ["flip", "0.9", "0.004"]
    # --limit keeps the header and the first runs of the server's CSV.
    r = run(source, "ls", "--sort", "params.seed desc", "--limit", "2", "--csv")
    assert r.exit_code == 0 and [line[0] for line in csv.reader(io.StringIO(r.output))] == ["id", "r3", "r1"]
    # A bad column is the server's 400: exit 2, its message, no CSV.
    r = run(source, "ls", "--columns", "metrics.loss.avg", "--csv")
    assert r.exit_code == 2 and "columns" in r.output and "id,name" not in r.output
    r = run(source, "ls", "--filter", 'params.aug = "crop" and archived = true', "--json")
    assert r.exit_code == 0 and [json.loads(x)["id"] for x in r.output.splitlines()] == ["r2"]
    r = run(source, "ls", "--sort", "params.seed desc", "--limit", "2")
    assert r.exit_code == 0 and r.output.index("r3") < r.output.index("r1") and "r0" not in r.output


def test_bad_filter_exits_2_with_the_servers_message(source):
    r = run(source, "ls", "--filter", "params.lr >> 1")
    assert r.exit_code == 2
    assert "position" in r.output and "Traceback" not in r.output
    r = run(source, "ls", "--json", "--csv")
    assert r.exit_code == 2


def test_show_and_unknown_run(source):
    r = run(source, "show", "r0")
    assert r.exit_code == 0, r.output
    for text in ("run 0", "model.depth", "acc", "subset", "loss", "0–249", "reports/r.csv", "git.commit"):
        assert text in r.output, text
    r = run(source, "show", "nope")
    assert r.exit_code == 1 and 'Run "nope" does not exist' in r.output and "Traceback" not in r.output
    r = run(source, "show", "r0", "--json")
    assert json.loads(r.output)["artifacts"][0]["path"] == "reports/r.csv"


def test_summary_table_and_csv(source):
    r = run(source, "summary", "grid", "--group-by", "params.aug", "--metrics", "acc")
    assert r.exit_code == 0, r.output
    assert "params.aug" in r.output and "flip" in r.output and "0.905 ± " in r.output  # mean of 0.90 and 0.91
    r = run(source, "summary", "augment grid", "--group-by", "params.aug", "--metrics", "acc", "--csv")
    assert r.exit_code == 0 and r.output.splitlines()[0].startswith("aug,") or "aug" in r.output.splitlines()[0]
    # No --group-by: the two finished runs (both flip) differ only in seed, a repetition param the
    # server pools into one group; the title says so.
    r = run(source, "summary", "grid", "--metrics", "acc")
    assert r.exit_code == 0, r.output
    assert "(2 runs; pooling seed)" in r.output and "params.seed" not in r.output and "0.905 ± " in r.output
    r = run(source, "summary", "nothing-here")
    assert r.exit_code == 1 and "Traceback" not in r.output
    r = run(source, "summary", "grid", "--group-by", "params.aug", "--filter", "nonsense ((")
    assert r.exit_code == 2


# Text a spreadsheet would run as a formula, and the cell every CSV must hold for it.
FORMULAS = [
    ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
    ("+1", "'+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("-5", "'-5"),  # a string: text, whatever it looks like
]


def test_csv_output_neutralises_formulas_and_keeps_numbers_bare(fresh):
    repo = "formulas"
    with fresh.http() as http:
        assert http.post(f"/v1/repos/{repo}/campaigns", json={"id": "c", "name": "c"}).status_code == 201
        runs = [(f"t{i}", {"tag": text, "n": 1}, -(i + 0.5) / 4) for i, (text, _) in enumerate(FORMULAS)]
        runs += [(f"n{i}", {"tag": n, "n": n}, n) for i, n in enumerate([-0.5, -1e-3, -5])]
        for run_id, params, score in runs:
            assert http.post(f"/v1/repos/{repo}/runs", json={"id": run_id, "name": "=1+2", "campaign": "c", "params": params}).status_code == 201
            assert http.put(f"/v1/repos/{repo}/runs/{run_id}/values", json=[{"name": "score", "value": score}]).status_code == 200
            assert (
                http.post(
                    f"/v1/repos/{repo}/runs/{run_id}/metrics", json={"points": [{"name": "m", "step": 0, "value": "-Infinity" if run_id == "n0" else score}]}
                ).status_code
                == 200
            )
            assert http.patch(f"/v1/repos/{repo}/runs/{run_id}", json={"status": "finished"}).status_code == 200

    r = run(fresh, "ls", "--columns", "params.tag,params.n,values.score,metrics.m.last", "--csv", repo=repo)
    assert r.exit_code == 0, r.output
    lines = list(csv.reader(io.StringIO(r.output)))
    assert lines[0][8:] == ["params.tag", "params.n", "values.score", "metrics.m.last"]
    by_run = {line[0]: line for line in lines[1:]}
    for i, (_, cell) in enumerate(FORMULAS):
        assert by_run[f"t{i}"][1] == "'=1+2"  # the run's name
        assert by_run[f"t{i}"][8:] == [cell, "1", str(-(i + 0.5) / 4), str(-(i + 0.5) / 4)]
    # Numbers are written as numbers, negative or not (NaN and ±Infinity as their wire names).
    assert by_run["n0"][8:] == ["-0.5", "-0.5", "-0.5", "-Infinity"]
    assert by_run["n1"][8:] == ["-0.001", "-0.001", "-0.001", "-0.001"]
    assert by_run["n2"][8:] == ["-5", "-5", "-5", "-5"]

    # The server's CSV, passed through by `summary --csv`, follows the same rule.
    r = run(fresh, "summary", "c", "--group-by", "params.tag", "--metrics", "score", "--csv", repo=repo)
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.output)))
    assert {row[0] for row in rows[1:]} == {cell for _, cell in FORMULAS} | {"-0.5", "-0.001", "-5"}


def test_close_rm(source):
    with source.http() as http:
        assert http.post(f"/v1/repos/{REPO}/runs", json={"id": "doomed"}).status_code == 201
        assert http.post(f"/v1/repos/{REPO}/runs", json={"id": "closing"}).status_code == 201
    r = run(source, "runs", "close", "closing")
    assert r.exit_code == 0 and "killed" in r.output
    r = run(source, "runs", "close", "--stale")
    assert r.exit_code == 0 and "0 stale run(s)" in r.output
    assert run(source, "runs", "close").exit_code == 2
    assert run(source, "runs", "close", "ghost").exit_code == 1
    r = run(source, "rm", "doomed", input="n\n")
    assert r.exit_code == 1 and "nothing deleted" in r.output
    r = run(source, "rm", "doomed", "closing", "ghost", "--yes")
    assert r.exit_code == 1 and "deleted doomed" in r.output and "deleted closing" in r.output and "run ghost does not exist" in r.output
    assert run(source, "show", "doomed").exit_code == 1


def test_sync_with_an_empty_spool(source, spool_dir):
    r = run(source, "sync")
    assert r.exit_code == 0 and "re-sent 0 requests" in r.output


def test_server_unreachable_exits_1(tmp_path):
    from server import free_port

    r = CliRunner().invoke(cli, ["--url", f"http://127.0.0.1:{free_port()}", "ls"], catch_exceptions=False)
    assert r.exit_code == 1 and r.output.startswith("runcamp: GET") and "runcamp: runcamp" not in r.output and "Traceback" not in r.output


def test_console_script_and_module(source):
    out = subprocess.run([sys.executable, "-m", "runcamp", "--url", source.url, "--repo", REPO, "show", "nope"], capture_output=True, text=True)
    assert out.returncode == 1 and out.stderr.startswith("runcamp: ") and "Traceback" not in out.stderr
    script = Path(sys.executable).with_name("runcamp")  # the console script pip installs
    if script.exists():
        out = subprocess.run([str(script), "--url", source.url, "--repo", REPO, "ls", "--filter", "status =="], capture_output=True, text=True)
        assert out.returncode == 2 and "position" in out.stderr, out.stderr


# ---- export / import --------------------------------------------------------------------


def test_export_import_round_trip_is_exact_and_idempotent(source, fresh, tmp_path):
    f = tmp_path / "all.jsonl.gz"
    r = run(source, "export", "--repo", "-o", str(f))
    assert r.exit_code == 0, r.output
    assert "exported 6 runs" in r.output or "exported 5 runs" in r.output
    with gzip.open(f, "rt") as lines:
        header = json.loads(next(lines))
    assert header["kind"] == "runcamp-export" and header["version"] == 1

    r = run(fresh, "import", str(f), repo="moved")
    assert r.exit_code == 0, r.output
    assert "into repo moved" in r.output
    before = everything(source, REPO)
    after = everything(fresh, "moved")
    assert after["runs"]["r0"]["points"]['loss{"subset": "val"}'][7:10] == [
        {"step": 14, "value": "NaN", "epoch": None, "time": 1764147007.5},
        {"step": 16, "value": "Infinity", "epoch": None, "time": 1764147008.5},
        {"step": 18, "value": "-Infinity", "epoch": None, "time": 1764147009.5},
    ]
    assert after == before

    r = run(fresh, "import", str(f), repo="moved")
    assert r.exit_code == 0 and "imported 0 runs" in r.output and "already there unchanged" in r.output
    assert everything(fresh, "moved") == before


def test_campaign_export_and_conflicts_are_refused(source, fresh, tmp_path):
    f = tmp_path / "grid.jsonl.gz"
    r = run(source, "export", "--campaign", "augment grid", "-o", str(f))
    assert r.exit_code == 0 and "exported 4 runs" in r.output, r.output
    with fresh.http() as http:
        assert http.post("/v1/repos/target/runs", json={"id": "r1", "name": "someone else's"}).status_code == 201
    r = run(fresh, "import", str(f), repo="target")
    assert r.exit_code == 1
    assert "refused" in r.output and "run r1" in r.output and "nothing was written" in r.output and "Traceback" not in r.output
    with fresh.http() as http:
        runs = http.get("/v1/repos/target/runs", params={"filter": "archived = true or archived = false"}).json()["items"]
        assert [x["id"] for x in runs] == ["r1"] and http.get("/v1/repos/target/campaigns").json()["items"] == []
    f2 = tmp_path / "filtered.jsonl.gz"
    assert run(source, "export", "--filter", 'params.aug = "crop"', "-o", str(f2)).exit_code == 0
    r = run(fresh, "import", str(f2), repo="crops")
    assert r.exit_code == 0 and "imported 2 runs" in r.output and "1 campaigns" in r.output, r.output


def test_export_import_bad_usage(source, tmp_path):
    assert run(source, "export", "-o", str(tmp_path / "x")).exit_code == 2
    assert run(source, "export", "--repo", "--campaign", "grid", "-o", str(tmp_path / "x")).exit_code == 2
    r = run(source, "export", "--campaign", "ghost", "-o", str(tmp_path / "x"))
    assert r.exit_code == 1 and "ghost" in r.output
    bad = tmp_path / "bad.gz"
    bad.write_bytes(b"not gzip")
    r = run(source, "import", str(bad))
    assert r.exit_code == 1 and "not a runcamp export file" in r.output
    f = tmp_path / "t.jsonl.gz"
    assert run(source, "export", "--campaign", "grid", "-o", str(f)).exit_code == 0
    lines = gzip.decompress(f.read_bytes()).splitlines()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(b"\n".join(lines[:-1]) + b"\n"))
    r = run(source, "import", str(cut), repo="cut")
    assert r.exit_code == 1 and "truncated" in r.output


def test_pages_and_batches_split_anywhere(source, fresh, tmp_path, monkeypatch):
    """Series longer than a page (export) and a run longer than an ingest batch (import),
    with pages of 1,000 points: the boundaries fall inside series and between them. Logs of
    10,003 lines: two pages of the server's, the first cut in two logs lines by bytes."""
    from runcamp.cli import export as _export

    monkeypatch.setattr(_export, "_PAGE", 1000)
    monkeypatch.setattr(_export, "_LOG_RECORD_BYTES", 500_000)
    with source.http() as http:
        assert http.post("/v1/repos/long/runs", json={"id": "long"}).status_code == 201
        pts = [
            {"name": n, "context": {"k": i % 2}, "step": s, "value": s * 0.5 if s % 333 else "NaN", "epoch": s // 700, "time": 1764147000 + s / 8}
            for i, n in enumerate(["a", "b", "c"])
            for s in range(2_345)
        ]
        assert http.post("/v1/repos/long/runs/long/metrics", json={"points": pts}).status_code == 200
        logs = [
            {"seq": q, "stream": ("stdout", "stderr")[q % 3 == 0], "time": 1764147000 + q / 4, "text": f"\x1b[1mline {q}\x1b[0m é{'·' * (q % 50)}"}
            for q in range(10_003)
        ]
        for part in (logs[:10_000], logs[10_000:]):
            assert http.post("/v1/repos/long/runs/long/logs", json={"lines": part}).status_code == 200
        assert http.patch("/v1/repos/long/runs/long", json={"failure": {"type": "KeyboardInterrupt", "message": ""}}).status_code == 200
    f = tmp_path / "long.jsonl.gz"
    assert run(source, "export", "--repo", "-o", str(f), repo="long").exit_code == 0
    with gzip.open(f, "rt") as lines:
        kinds = [json.loads(x)["kind"] for x in lines]
    assert kinds.count("points") == 9  # 3 series x 3 pages
    assert kinds.count("logs") >= 3  # 10,000 lines cut by bytes, then 3 lines
    r = run(fresh, "import", str(f), repo="long")
    assert r.exit_code == 0 and "7035 points" in r.output and "10003 log lines" in r.output, r.output
    after = everything(fresh, "long")
    assert len(after["runs"]["long"]["logs"]) == 10_003 and after["runs"]["long"]["failure"] == {"type": "KeyboardInterrupt", "message": ""}
    assert after == everything(source, "long")
