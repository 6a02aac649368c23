"""``runcamp import`` of crafted export files (issue 22, item 3), run as a user runs it (a child
process): each bad file is refused with one line on stderr and exit code 1, and nothing of it
is written, the good run before the bad one included (the whole file is checked before the
first write). A run the server refuses half way is deleted again; the runs before it stay."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from fixtures_runs import everything, fill_repo
from runcamp.cli import export as _export
from runcamp.cli import export_file as _export_file
from runcamp.cli.main import cli
from server import Server

REPO = "craftsrc"
BAD = "r1"  # the second run of the file: r0 before it is a good run


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("crafted") / "src.db").start()
    with s.http() as http:
        fill_repo(http, REPO)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def exported(source, tmp_path_factory) -> list:
    """The lines of a real export of the source repo (runs r0..r3 and loner, in that order)."""
    f = tmp_path_factory.mktemp("export") / "all.jsonl.gz"
    assert cli_run(source, "export", "--repo", "-o", str(f), repo=REPO).returncode == 0
    lines = gzip.decompress(f.read_bytes()).splitlines()
    assert [json.loads(x)["run"]["id"] for x in lines if x.startswith(b'{"kind":"run",')][:2] == ["r0", BAD]
    return lines


def cli_run(server, *args: str, repo: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUNCAMP_")}
    extra = ["--repo", repo] if repo else []
    return subprocess.run(
        [sys.executable, "-m", "runcamp", "--url", server.url, *extra, *args, "--no-progress"], capture_output=True, text=True, env=env, timeout=timeout
    )


def gz(lines: list) -> bytes:
    return gzip.compress(b"".join(line + b"\n" for line in lines))


def edited(change: Callable[[list], None]) -> Callable[[list], bytes]:
    """A case that edits the file's records as objects, then writes the file."""

    def craft(lines: list) -> bytes:
        objs = [json.loads(x) for x in lines]
        change(objs)
        return gz([json.dumps(o, separators=(",", ":")).encode() for o in objs])

    return craft


def bad_run(objs: list, kind: str) -> list:
    return [o for o in objs if o["kind"] == kind and (o["run"]["id"] if kind == "run" else o["run"]) == BAD]


def artifact_path(path: str) -> Callable[[list], bytes]:
    def change(objs: list) -> None:
        bad_run(objs, "run")[0]["artifacts"][0]["path"] = path
        for part in bad_run(objs, "artifact"):
            part["path"] = path

    return edited(change)


def index_of(lines: list, prefix: bytes) -> int:
    return next(i for i, x in enumerate(lines) if x.startswith(prefix))


def first_points(lines: list) -> int:
    return index_of(lines, b'{"kind":"points","run":"%s"' % BAD.encode())


def drop_last_point(objs: list) -> None:
    page = bad_run(objs, "points")[0]
    for column in ("steps", "values", "epochs", "times"):
        page[column].pop()


def rename_run(new_id: str) -> Callable[[list], bytes]:
    def change(objs: list) -> None:
        bad_run(objs, "run")[0]["run"]["id"] = new_id
        for o in [*bad_run(objs, "points"), *bad_run(objs, "artifact"), *bad_run(objs, "run_end")]:
            o["run"] = new_id

    return edited(change)


def log_line(objs: list, i: int) -> dict:
    return bad_run(objs, "logs")[0]["lines"][i]


def shift(key: str, by: int) -> Callable[[dict], None]:
    return lambda d: d.__setitem__(key, d[key] + by)


CASES = [
    ("path traversal", artifact_path("../../etc/x"), "artifact 0: path '../../etc/x': an artifact path has no '.' or '..' segment"),
    ("absolute path", artifact_path("/etc/x"), "does not start with '/'"),
    ("backslash", artifact_path("reports\\r.csv"), "no control characters or backslashes"),
    ("NUL", artifact_path("reports/r\x00.csv"), "'reports/r\\x00.csv'"),
    (
        "wrong sha256",
        edited(lambda o: bad_run(o, "run")[0]["artifacts"][0].__setitem__("sha256", hashlib.sha256(b"other").hexdigest())),
        "SHA-256 is not the one its record lists",
    ),
    ("wrong size", edited(lambda o: shift("size", 1)(bad_run(o, "run")[0]["artifacts"][0])), "8 bytes in the file, 9 in its record"),
    ("artifact bytes missing", edited(lambda o: o.remove(bad_run(o, "artifact")[0])), "'reports/r.csv': no bytes in the file"),
    ("artifact step", edited(lambda o: bad_run(o, "run")[0]["artifacts"][0].__setitem__("step", -1)), "artifact 0: step -1 is not null or an integer"),
    ("artifact context", edited(lambda o: bad_run(o, "run")[0]["artifacts"][0].__setitem__("context", {"k": [1]})), "artifact 0: context"),
    (
        "end line counts points wrong",
        edited(lambda o: shift("points", 1)(o[-1])),
        "the end line's counts are not the file's: points 2001 (the file holds 2000)",
    ),
    ("end line counts runs wrong", edited(lambda o: shift("runs", -1)(o[-1])), "runs 4 (the file holds 5)"),
    ("end line missing", lambda lines: gz(lines[:-1]), "truncated (no end line)"),
    ("file cut inside the run", lambda lines: gz(lines[: first_points(lines) + 1]), "truncated (no end line)"),
    ("gzip stream cut short", lambda lines: gz(lines)[:-40], "damaged or truncated"),
    (
        "malformed JSON line",
        lambda lines: gz([*lines[: first_points(lines)], lines[first_points(lines)][:500], *lines[first_points(lines) + 1 :]]),
        "not valid JSON at byte",
    ),
    ("a point fewer than the summary counts", edited(drop_last_point), "249 points in the file, 250 in its summary"),
    ("steps not rising", edited(lambda o: bad_run(o, "points")[0]["steps"].__setitem__(1, 0)), "steps are not integers from 0 to 2^53-1 rising"),
    ("a value smuggling JSON", edited(lambda o: bad_run(o, "points")[0]["values"].__setitem__(0, '1,"step":7')), "a value is neither a number nor"),
    ("a run id that is no id", rename_run("../r1"), "run id '../r1' is not an id"),
    ("a run id twice", rename_run("r0"), "run r0 appears twice"),
    (
        "an unknown kind of line",
        lambda lines: gz([*lines[: first_points(lines)], b'{"kind":"surprise","run":"r1"}', *lines[first_points(lines) :]]),
        "unknown kind of line 'surprise'",
    ),
    ("a line after the end line", lambda lines: gz([*lines, lines[-1]]), "a line after the end line"),
    ("a log line with NUL", edited(lambda o: log_line(o, 1).__setitem__("text", "a\x00b")), "run r1, log line 1: text contains NUL"),
    ("a negative log seq", edited(lambda o: log_line(o, 0).__setitem__("seq", -1)), "run r1, log line -1: seq is not an integer from 0"),
    ("a log seq twice", edited(lambda o: log_line(o, 1).__setitem__("seq", 0)), "run r1, log line 0: seq is not an integer from 0 to 2^53-1 rising"),
    ("a log stream unknown", edited(lambda o: log_line(o, 1).__setitem__("stream", "stdin")), "stream 'stdin' is neither 'stdout' nor 'stderr'"),
    ("a log text too long", edited(lambda o: log_line(o, 1).__setitem__("text", "x" * 65_537)), "text longer than 65,536 characters"),
    ("a log line with an extra field", edited(lambda o: log_line(o, 1).__setitem__("level", 3)), "is not exactly {seq, stream, time, text}"),
    ("end line counts logs wrong", edited(lambda o: shift("logs", 1)(o[-1])), "logs 5 (the file holds 4)"),
    ("inputs that are no list", edited(lambda o: bad_run(o, "run")[0].__setitem__("inputs", {"name": "x"})), "run r1: inputs is not a list"),
    ("an input that is no object", edited(lambda o: bad_run(o, "run")[0]["inputs"].__setitem__(0, "x")), "run r1: input 0 is not an object"),
    ("a failure that is no object", edited(lambda o: bad_run(o, "run")[0]["run"].__setitem__("failure", "oops")), "run r1: failure 'oops' is neither null"),
]


@pytest.mark.parametrize(("number", "craft", "message"), [(i, craft, message) for i, (_, craft, message) in enumerate(CASES)], ids=[c[0] for c in CASES])
def test_a_bad_file_is_refused_in_one_line_and_writes_nothing(source, exported, tmp_path, number, craft, message):
    f = tmp_path / "crafted.jsonl.gz"
    f.write_bytes(craft(exported))
    target = f"crafted-{number}"
    out = cli_run(source, "import", str(f), repo=target)
    refused(out, message)
    assert "nothing was imported" in out.stderr
    nothing_of(source, target)


def refused(out: subprocess.CompletedProcess, message: str) -> None:
    """Exit code 1 and one line on stderr saying why, no traceback."""
    assert out.returncode == 1, (out.returncode, out.stdout, out.stderr)
    assert "Traceback" not in out.stderr + out.stdout
    lines = out.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("runcamp: "), out.stderr
    assert message in lines[0], lines[0]


def nothing_of(server, repo: str) -> None:
    """The target repo was never created: nothing of the file, the bad run's neighbours included."""
    with server.http() as http:
        assert http.get(f"/v1/repos/{repo}").status_code == 404
        assert http.get(f"/v1/repos/{repo}/runs/{BAD}").status_code == 404


def test_the_untouched_file_round_trips(source, exported, tmp_path):
    """The control of the cases above: the same file rewritten by the same helpers imports
    exactly, so each refusal comes from its edit."""
    f = tmp_path / "untouched.jsonl.gz"
    f.write_bytes(edited(lambda objs: None)(exported))
    out = cli_run(source, "import", str(f), repo="untouched")
    assert out.returncode == 0 and "imported 5 runs (8 series, 2000 points, 4 artifacts, 4 log lines)" in out.stdout, out.stdout + out.stderr
    assert everything(source, "untouched") == everything(source, REPO)


def test_a_file_from_before_logs_still_imports(source, exported, tmp_path):
    """A file an older exporter wrote: no logs lines, no failure in run records, no inputs in
    run lines, no step or context in artifacts, no logs count in the end line. It imports; its
    runs get no logs, no failure and no inputs, their artifacts no step and context."""

    def older(objs: list) -> None:
        objs[:] = [o for o in objs if o["kind"] != "logs"]
        for o in objs:
            if o["kind"] == "run":
                o["run"].pop("failure")
                o.pop("inputs")
                for a in o["artifacts"]:
                    a.pop("step")
                    a.pop("context")
        objs[-1].pop("logs")

    f = tmp_path / "older.jsonl.gz"
    f.write_bytes(edited(older)(exported))
    out = cli_run(source, "import", str(f), repo="older")
    assert out.returncode == 0 and "imported 5 runs (8 series, 2000 points, 4 artifacts, 0 log lines)" in out.stdout, out.stdout + out.stderr
    want = everything(source, REPO)
    for run in want["runs"].values():
        run["logs"], run["failure"], run["inputs"] = [], None, []
        for a in run["artifacts"]:
            a["step"], a["context"] = None, {}
    assert everything(source, "older") == want


CLI_REPORTING_PEAK = """
import sys
from runcamp.cli.main import main
code = main(sys.argv[2:])
with open("/proc/self/status") as status, open(sys.argv[1], "w") as out:
    out.write(next(line for line in status if line.startswith("VmHWM:")))
sys.exit(code)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak RSS read from /proc (Linux)")
def test_a_gzip_bomb_line_is_refused_unread_in_bounded_memory(source, exported, tmp_path):
    """One ~300 KB gzip'd line inside run r1 that decompresses to 300 MiB: refused after
    MAX_LINE_BYTES are read, quickly, the CLI's peak RSS far below the line's size."""
    f = tmp_path / "bomb.jsonl.gz"
    with gzip.open(f, "wb", compresslevel=9) as bomb:
        for line in exported[: first_points(exported)]:
            bomb.write(line + b"\n")
        bomb.write(b'{"kind":"points","run":"r1","name":"loss","context":{},"steps":[],"pad":"')
        chunk = b"x" * 2**20
        for _ in range(300):
            bomb.write(chunk)
        bomb.write(b'"}\n')
    assert f.stat().st_size < 400_000
    # The CLI reports its own peak RSS (VmHWM) when it ends. Not getrusage: a child's ru_maxrss
    # starts from its forking parent's peak (this pytest's, hundreds of MiB once the suite has
    # imported numpy and pandas); VmHWM belongs to the process image after exec.
    peak_file = tmp_path / "peak"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUNCAMP_")}
    args = [sys.executable, "-c", CLI_REPORTING_PEAK, str(peak_file), "--url", source.url, "import", str(f), "--repo", "bomb", "--no-progress"]
    started = time.monotonic()
    out = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    elapsed = time.monotonic() - started
    peak_kib = int(peak_file.read_text().split()[1])
    assert peak_kib < 200 * 1024, f"peak RSS {peak_kib // 1024} MiB"
    assert elapsed < 30, elapsed
    refused(out, "longer than 32 MiB decompressed, the limit of a line")
    nothing_of(source, "bomb")


def test_a_run_the_server_refuses_half_way_is_deleted_again(source, exported, tmp_path):
    """A valid file whose run r1 holds an artifact past the target's limit: r1's points land,
    its upload is refused, and r1 is deleted; r0 before it stays, exact."""
    bigger = b"a,b\n1,2\n3,4\n"

    def change(objs: list) -> None:
        meta = bad_run(objs, "run")[0]["artifacts"][0]
        meta.update(size=len(bigger), sha256=hashlib.sha256(bigger).hexdigest())
        bad_run(objs, "artifact")[0]["data"] = base64.b64encode(bigger).decode()

    f = tmp_path / "big-artifact.jsonl.gz"
    f.write_bytes(edited(change)(exported))
    assert cli_run(source, "import", str(f), repo="unlimited").returncode == 0  # the file is fine
    limited = Server(tmp_path / "limited.db", env={"RUNCAMP_MAX_ARTIFACT_BYTES": "8"}).start()
    try:
        out = cli_run(limited, "import", str(f), repo="target")
        refused(out, "(nothing of run r1 was kept; the runs before it are imported)")
        with limited.http() as http:
            assert http.get(f"/v1/repos/target/runs/{BAD}").status_code == 404
        assert list(everything(limited, "target")["runs"]) == ["r0"]
        assert everything(limited, "target")["runs"]["r0"] == everything(source, REPO)["runs"]["r0"]
    finally:
        limited.stop()


def test_the_header_must_name_the_source_repo_when_no_repo_is_given(source, exported, tmp_path):
    header = json.loads(exported[0])
    header["source"] = {"url": "x", "repo": "../etc"}
    f = tmp_path / "anonymous.jsonl.gz"
    f.write_bytes(gz([json.dumps(header).encode(), *exported[1:]]))
    refused(cli_run(source, "import", str(f)), "the header names no valid source repo; choose the target with --repo")


def test_export_refuses_a_line_import_would_refuse(source, tmp_path, monkeypatch):
    monkeypatch.setattr(_export, "MAX_LINE_BYTES", 1000)  # a run's record is longer than this
    result = CliRunner().invoke(cli, ["--url", source.url, "--repo", REPO, "export", "--repo", "-o", str(tmp_path / "x.gz")], catch_exceptions=False)
    assert result.exit_code == 1 and "the run line of run r0 would take" in result.output and "past the file format's limit of 1,000" in result.output, (
        result.output
    )


@pytest.mark.parametrize("text", [b"[NaN]", b"[Infinity]", b"[1e400]"])
def test_the_json_fallback_refuses_what_orjson_refuses(text):
    """Without orjson, import parses with json.loads made as strict (non-finite numbers)."""
    with pytest.raises(ValueError):
        _export_file._loads_json(text)
