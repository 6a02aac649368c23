"""Python SDK reads: 100 runs x 10,000 points of one series into a long DataFrame with
runcamp.Repo.metrics(), beside the same read with AIM's repo.query_metrics(...).dataframe()
when AIM is installed. Writes its own section of bench/SDK-RESULTS.md.

    .venv/bin/python bench/sdk-read.py
    AIM_PYTHON=/path/to/venv-with-aim/bin/python .venv/bin/python bench/sdk-read.py
    BENCH_SCALE=0.1 .venv/bin/python bench/sdk-read.py     # 10 runs, for a quick look

AIM needs its own interpreter only if it does not install beside runcamp; AIM_PYTHON names
it (default: this interpreter if it can import aim). Both sides read the same points: one
series per run, 10,000 steps. AIM's `run.track` takes about 1.2 ms a call here, so logging
1,000,000 points into AIM would take some 20 minutes: AIM gets AIM_RUNS runs (default 10,
100,000 points) and runcamp's read of the same 10 runs is timed beside it. AIM's runs are
indexed (`aim storage reindex`, what `aim up` does in the background) before its read is
timed; runcamp's server starts cold (fresh process, empty block cache) for the first read.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "clients" / "python" / "tests"))

import runcamp  # noqa: E402
from peer_processes import aim_python  # noqa: E402
from server import Server  # noqa: E402

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
RUNS = max(1, int(100 * SCALE))
AIM_RUNS = min(RUNS, int(os.environ.get("AIM_RUNS", "10")))
POINTS = 10_000
SECTION = ("<!-- sdk-read -->", "<!-- /sdk-read -->")


def value(run: int, step: int) -> float:
    return 1.0 / (1 + step) + run * 1e-4


def log_runcamp(url: str) -> float:
    started = time.perf_counter()
    for r in range(RUNS):
        with runcamp.Run(f"bench-{r:03d}", repo="bench-read", url=url, params={"run": r}) as run:
            for s in range(POINTS):
                run.track(value(r, s), name="loss", context={"subset": "train"})
    return time.perf_counter() - started


def timed(fn):
    started = time.perf_counter()
    out = fn()
    return time.perf_counter() - started, out


AIM_SCRIPT = """
import json, subprocess, sys, time
from pathlib import Path
from aim import Repo, Run
path, runs, points = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
started = time.perf_counter()
for r in range(runs):
    run = Run(repo=path, experiment="bench")
    run["hparams"] = {"run": r}
    for s in range(points):
        run.track(1.0 / (1 + s) + r * 1e-4, name="loss", step=s, context={"subset": "train"})
    run.close()
logged = time.perf_counter() - started
aim_cli = str(Path(sys.executable).with_name("aim"))
subprocess.run([aim_cli, "storage", "--repo", path, "reindex", "-y"], check=True, capture_output=True)
reads = []
for _ in range(2):
    repo = Repo(path)
    t = time.perf_counter()
    df = repo.query_metrics("metric.name == 'loss'").dataframe()
    reads.append(time.perf_counter() - t)
    rows = len(df)
from importlib.metadata import version
print(json.dumps({"version": version("aim"), "log_s": logged, "reads_s": reads, "rows": rows, "columns": list(df.columns)}))
"""


def bench_aim(python: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([python, "-c", AIM_SCRIPT, str(Path(tmp) / "aim"), str(AIM_RUNS), str(POINTS)], capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-2000:])
        return json.loads(done.stdout.strip().splitlines()[-1])


def write_section(text: str) -> None:
    path = ROOT / "bench" / "SDK-RESULTS.md"
    old = path.read_text() if path.exists() else ""
    block = f"{SECTION[0]}\n{text}{SECTION[1]}\n"
    if SECTION[0] in old and SECTION[1] in old:
        head, rest = old.split(SECTION[0], 1)
        new = head + block + rest.split(SECTION[1], 1)[1].lstrip("\n")
    else:
        new = (old.rstrip("\n") + "\n\n" if old else "") + block
    path.write_text(new)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "bench.db").start()
        try:
            log_s = log_runcamp(server.url)
            server.restart()  # cold: a fresh process, nothing cached
            repo = runcamp.Repo("bench-read", url=server.url)
            first_s, df = timed(lambda: repo.metrics("loss"))
            assert len(df) == RUNS * POINTS and df["value"].iloc[-1] == value(RUNS - 1, POINTS - 1)
            again_s = min(timed(lambda: repo.metrics("loss"))[0] for _ in range(2))
            down_s, small = timed(lambda: repo.metrics("loss", points=1000))
            assert len(small) <= RUNS * 1000
            table_s, table = timed(lambda: repo.runs().dataframe())
            assert len(table) == RUNS
            few = [f"bench-{r:03d}" for r in range(AIM_RUNS)]
            few_s = min(timed(lambda: repo.metrics("loss", runs=few))[0] for _ in range(2))
        finally:
            server.stop()

    python = aim_python()
    aim = None
    aim_note = "AIM not installed here (set AIM_PYTHON to an interpreter that has it)"
    if python:
        try:
            aim = bench_aim(python)
            aim_note = f"AIM {aim['version']} ({python}); its dataframe has columns {', '.join(aim['columns'])}"
        except Exception as e:  # noqa: BLE001 - the bench reports it
            aim_note = f"AIM failed: {e}"

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    points = RUNS * POINTS
    lines = [
        "## Reading back into pandas",
        "",
        f"- date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {cpu}, {os.cpu_count()} cores; Python {platform.python_version()}; server: Node host, embedded libSQL file, same machine",
        f"- command: `.venv/bin/python bench/sdk-read.py`{f' (BENCH_SCALE={SCALE:g})' if SCALE != 1 else ''}",
        f"- data: {RUNS} runs × {POINTS:,} points of `loss{{subset: train}}` ({points:,} points), logged with each SDK",
        f"- {aim_note}",
        "",
        "| read | rows | seconds | rows/s |",
        "|---|---:|---:|---:|",
        f"| runcamp `repo.metrics(\"loss\")`, first (cold server) | {points:,} | {first_s:.2f} | {points / first_s:,.0f} |",
        f"| runcamp `repo.metrics(\"loss\")`, again | {points:,} | {again_s:.2f} | {points / again_s:,.0f} |",
        f"| runcamp `repo.metrics(\"loss\", points=1000)` (downsampled: one metrics/query request) | {len(small):,} | {down_s:.2f} | {len(small) / down_s:,.0f} |",
        f"| runcamp `repo.runs().dataframe()` (values and summaries as columns) | {RUNS} | {table_s:.3f} | |",
    ]
    lines.append(f"| runcamp `repo.metrics(\"loss\", runs=[{AIM_RUNS} ids])`, best of 2 | {AIM_RUNS * POINTS:,} | {few_s:.2f} | {AIM_RUNS * POINTS / few_s:,.0f} |")
    if aim:
        for label, s in zip(("first", "again"), aim["reads_s"]):
            lines.append(f"| AIM `repo.query_metrics(\"metric.name == 'loss'\").dataframe()`, {label} | {aim['rows']:,} | {s:.2f} | {aim['rows'] / s:,.0f} |")
    lines += [
        "",
        f"Logging took {log_s:.1f} s for {points:,} points with `runcamp.Run`"
        + (f", and {aim['log_s']:.1f} s for {AIM_RUNS * POINTS:,} points with `aim.Run.track` (not counting its indexing)." if aim else "."),
        "",
    ]
    text = "\n".join(lines)
    write_section(text)
    print(text)


if __name__ == "__main__":
    main()
