"""The same MLflow-client script (tools/mlflow/workload.py --no-extras: per run, log_params,
set_tags, log_metrics once per step, then the same points again through log_batch in
1,000-metric requests; then search_runs and get_metric_history) timed against runcamp and
against a real `mlflow server` (SQLite backend) on this machine, one after the other, and
written as the "MLflow client" section of bench/RESULTS.md.

    .venv/bin/python bench/mlflow-client.py     # BENCH_SCALE=0.05 for a quick look
(Not bench/mlflow.py: that name would shadow the mlflow package for the script itself.)
Part of `npm run bench` (bench/run.ts runs it last). Needs the `mlflow-test` extra."""
from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from peer_processes import free_port

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## MLflow client"


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: the server exited ({proc.returncode})")
        try:
            urllib.request.urlopen(f"{url}/health", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not start")


def start_runcamp(tmp: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "LIBSQL_URL": f"file:{tmp}/runcamp.db"}
    env.pop("RUNCAMP_ADMIN_TOKEN", None)
    proc = subprocess.Popen([str(ROOT / "node_modules/.bin/node"), str(ROOT / "src/hosts/node.ts")], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}"


def start_mlflow(tmp: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mlflow", "server", "--host", "127.0.0.1", "--port", str(port),
         "--backend-store-uri", f"sqlite:///{tmp}/mlflow.db", "--artifacts-destination", f"{tmp}/artifacts"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}"


def run_workload(url: str, steps: int, runs: int, metrics: int) -> dict:
    env = {**os.environ, "MLFLOW_TRACKING_URI": url}
    env.pop("MLFLOW_TRACKING_TOKEN", None)
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, str(ROOT / "tools/mlflow/workload.py"), "--no-extras", "--steps", str(steps), "--runs", str(runs),
                          "--metrics", str(metrics)], env=env, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    timings = json.loads(out.stdout.strip().splitlines()[-1])
    if timings["runs"] != runs:
        raise RuntimeError(f"{url}: search_runs found {timings['runs']} runs, expected {runs}")
    return {**timings, "wall": wall}


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main() -> None:
    scale = float(os.environ.get("BENCH_SCALE", "1"))
    steps, runs, metrics = max(10, int(1000 * scale)), 3, 4
    points = runs * steps * metrics * 2
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-mlflow-") as tmp:
        for name, start in [("runcamp", start_runcamp), ("mlflow server", start_mlflow)]:
            proc, url = start(Path(tmp))
            try:
                wait_ready(url, proc)
                print(f"{name}: {runs} runs x {steps} steps x {metrics} metrics ...", flush=True)
                results[name] = run_workload(url, steps, runs, metrics)
            finally:
                stop(proc)
    rc, ml = results["runcamp"], results["mlflow server"]
    rows = [
        (f"Logging: {runs} runs, each log_params + set_tags, log_metrics × {steps} steps ({metrics} metrics each), the same points again via log_batch ({points:,} points)",
         f"{rc['log']:.2f} s ({points / rc['log']:,.0f} points/s)", f"{ml['log']:.2f} s ({points / ml['log']:,.0f} points/s)", f"{ml['log'] / rc['log']:.1f}×"),
        (f"Reading: search_runs with a params + metrics filter, get_metric_history of {steps:,} points per run",
         f"{rc['read'] * 1000:.0f} ms", f"{ml['read'] * 1000:.0f} ms", f"{ml['read'] / rc['read']:.1f}×"),
        ("The whole script, process start (import mlflow) included", f"{rc['wall']:.2f} s", f"{ml['wall']:.2f} s", f"{ml['wall'] / rc['wall']:.1f}×"),
    ]
    from importlib.metadata import version

    section = "\n".join([
        SECTION,
        "",
        f"The same script (tools/mlflow/workload.py --no-extras) with the real mlflow {version('mlflow')} client, against runcamp (Node host, "
        f"embedded libSQL) and against `mlflow server` (SQLite backend store, its default workers) on this machine, one after the other. "
        f"{datetime.now(timezone.utc).isoformat(timespec='seconds')}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"`.venv/bin/python bench/mlflow-client.py` (also the end of `npm run bench`){f' with BENCH_SCALE={scale:g}' if scale != 1 else ''}.",
        "",
        "| measurement | runcamp | mlflow server | mlflow / runcamp |",
        "|---|---|---|---|",
        *[f"| {w} | {a} | {b} | {r} |" for w, a, b, r in rows],
        "",
        "- The client sends one request per `log_metrics` call and at most 1,000 metrics per `log_batch`, so both",
        "  servers see the same requests; the ratio is the servers' (client time is in both columns).",
        "",
    ])
    file = ROOT / "bench" / "RESULTS.md"
    text = file.read_text()
    start = text.find(SECTION)
    if start < 0:
        text = f"{text.rstrip()}\n\n{section}"
    else:
        rest = text[start + len(SECTION):]
        nxt = re.search(r"\n## ", rest)
        text = text[:start] + section + (rest[nxt.start() + 1:] if nxt else "")
    file.write_text(text)
    print(section)


if __name__ == "__main__":
    main()
