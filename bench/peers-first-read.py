"""The first downsampled read in a fresh process (what a UI chart asks for when nothing is warm),
runcamp beside AIM and MLflow, for one series of 10^4, 10^5 and 10^6 points. Writes the section
"First downsampled read in a fresh process, runcamp and its peers" of bench/RESULTS.md.

    python3 -m venv /tmp/aim-venv && /tmp/aim-venv/bin/pip install aim==3.29.1
    AIM_PYTHON=/tmp/aim-venv/bin/python .venv/bin/python bench/peers-first-read.py
    PEERS_ROUNDS=5 BENCH_SCALE=0.1 ...     # more rounds; series only up to 10^5 points

AIM runs in its own interpreter (AIM_PYTHON; default: this one if it imports aim; without it
AIM is left out and the section says so); MLflow is the one in .venv (the `mlflow-test` extra).
Every system holds the same series: one run, metric `loss` without context, steps 0..n-1,
epoch = step // 1000, a time 10 ms after the previous step (AIM stamps its own times: its
`track` takes none). Each round starts every system once on its own fresh process, in turn
(runcamp, AIM, MLflow, MLflow; A B C A B C ...); the table gives the median of the rounds.

- runcamp: the Node host (clients/python/tests/server.py) on a database written beforehand;
  timed from this client, one `GET .../metrics/loss?points=1000&format=columnar` (min/max
  buckets) once the server prints "listening", then the same request again.
- AIM: a fresh interpreter imports aim and opens the Repo (reported apart: what `aim up` pays
  before it serves), then `repo.get_run(hash).get_metric("loss", Context({}))` and
  `.data.sample(1000).numpy()`: the call behind its UI's metric explorer
  (aim/web/api/runs/utils.py). AIM stores a metric keyed by a hash of the step, and `sample(k)`
  takes the first k keys in that order: a random subset of k points, read in O(k).
- MLflow: `mlflow server` (SQLite backend, its default workers); the first request in one
  fresh server is `get-history-bulk-interval?max_results=1000` (what its UI's charts ask for:
  up to 1,000 steps picked evenly), in another `get-history` (every point: it cannot
  downsample).

Every request asks for gzip, as a browser does; "on the wire" is the body as it came.
The peers' data is written once, at the lowest CPU priority (the machine is shared), into
bench/tmp-peers/ (gitignored) and reused by later runs; runcamp's is written afresh every time,
since its storage format is still changing. AIM's repo goes through `aim storage reindex` (what
`aim up` does in the background) after writing. Not part of `npm test`; `npm run bench` runs it
when AIM_PYTHON is set.
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "clients" / "python" / "tests"))

from peer_processes import aim_python, free_port  # noqa: E402
from server import Server  # noqa: E402

CACHE = ROOT / "bench" / "tmp-peers"
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
SIZES = [n for n in (10_000, 100_000, 1_000_000) if n == 10_000 or n <= 1_000_000 * SCALE]
ROUNDS = int(os.environ.get("PEERS_ROUNDS", "3"))
BUCKETS = 1000
PER_REQUEST = 10_000
START_TIME = 1764147000.0
# The section opens with its heading (bench/run.ts keeps whatever follows the next "## ") and
# ends with a marker, so a re-run replaces it in place.
SECTION = ("## First downsampled read in a fresh process, runcamp and its peers", "<!-- /peers-first-read -->")


def value(step: int) -> float:
    """A loss-like curve with deterministic noise, the same in every system."""
    return 1.0 / (1 + step) + (step * 7919 % 1000) * 1e-6


AIM_WRITE = """
import json, subprocess, sys, time
from importlib.metadata import version
from pathlib import Path
from aim import Run
path, n = sys.argv[1], int(sys.argv[2])
started = time.perf_counter()
# No system metrics, terminal capture or environment params: they are other series and params.
run = Run(repo=path, experiment="peers", system_tracking_interval=None, capture_terminal_logs=False, log_system_params=False)
for s in range(n):
    run.track(1.0 / (1 + s) + (s * 7919 % 1000) * 1e-6, name="loss", step=s, epoch=s // 1000)
run.close()
logged = time.perf_counter() - started
subprocess.run([str(Path(sys.executable).with_name("aim")), "storage", "--repo", path, "reindex", "-y"], check=True, capture_output=True)
print(json.dumps({"hash": run.hash, "version": version("aim"), "write_s": logged}))
"""

AIM_READ = """
import time
spawned_at = time.time()
started = time.perf_counter()
import json, sys
from aim import Repo
from aim.storage.context import Context
imported = time.perf_counter()
path, run_hash, buckets = sys.argv[1], sys.argv[2], int(sys.argv[3])
repo = Repo(path)
opened = time.perf_counter()
def read():
    t = time.perf_counter()
    metric = repo.get_run(run_hash).get_metric("loss", Context({}))
    found = time.perf_counter()
    steps, (values, epochs, times) = metric.data.sample(buckets).numpy()
    return time.perf_counter() - t, time.perf_counter() - found, steps
first_s, sample_s, steps = read()
answered_at = time.time()
repeat_s, _, _ = read()
print(json.dumps({"spawned_at": spawned_at, "answered_at": answered_at, "import_s": imported - started, "open_s": opened - imported,
                  "first_s": first_s, "sample_s": sample_s, "repeat_s": repeat_s, "points": len(steps), "last_step": int(steps[-1])}))
"""

MLFLOW_WRITE = """
import json, sys, time
from mlflow.entities import Metric
from mlflow.store.tracking.sqlalchemy_store import SqlAlchemyStore
path, n, per_batch = sys.argv[1], int(sys.argv[2]), 1000
started = time.perf_counter()
store = SqlAlchemyStore(f"sqlite:///{path}/mlflow.db", f"{path}/artifacts")
run = store.create_run(store.create_experiment("peers"), "bench", int(1764147000.0 * 1000), [], "r")
for first in range(0, n, per_batch):
    steps = range(first, min(n, first + per_batch))
    metrics = [Metric("loss", 1.0 / (1 + s) + (s * 7919 % 1000) * 1e-6, round((1764147000.0 + s * 0.01) * 1000), s) for s in steps]
    store.log_batch(run.info.run_id, metrics, [], [])
print(json.dumps({"run_id": run.info.run_id, "write_s": time.perf_counter() - started}))
"""


def get(port: int, path: str) -> tuple[float, int, bytes]:
    """One GET on a new connection, asking for gzip; (seconds to the last byte, bytes on the wire, the plain body)."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
    res = conn.getresponse()
    body = res.read()
    seconds = time.perf_counter() - started
    conn.close()
    if res.status != 200:
        raise RuntimeError(f"GET {path}: {res.status} {body[:300]!r}")
    return seconds, len(body), gzip.decompress(body) if res.getheader("Content-Encoding") == "gzip" else body


def niced(python: str, script: str, *args: str) -> dict:
    done = subprocess.run(["nice", "-n", "19", python, "-c", script, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def cached(name: str, write) -> dict:
    """The peer's repo for `name` under bench/tmp-peers/, written by `write(dir)` unless a finished one is there."""
    folder = CACHE / name
    done = folder / "written.json"
    if done.exists():
        return json.loads(done.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"writing {name} (nice -n 19)...", flush=True)
    info = write(folder)
    done.write_text(json.dumps(info))
    return info


def write_runcamp(n: int) -> Path:
    import httpx

    db = CACHE / f"runcamp-{n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    server = Server(db).start()
    try:
        with httpx.Client(base_url=server.url, timeout=600) as client:
            client.post("/v1/repos/peers/runs", json={"id": "r"}).raise_for_status()
            for first in range(0, n, PER_REQUEST):
                steps = list(range(first, min(n, first + PER_REQUEST)))
                series = {
                    "name": "loss",
                    "steps": steps,
                    "values": [value(s) for s in steps],
                    "epochs": [s // 1000 for s in steps],
                    "times": [START_TIME + s * 0.01 for s in steps],
                }
                client.post("/v1/repos/peers/runs/r/metrics", json={"series": [series]}).raise_for_status()
    finally:
        server.stop()
    return db


def read_runcamp(db: Path) -> dict:
    server = Server(db)
    spawned = time.perf_counter()
    server.start()
    listening = time.perf_counter()
    try:
        path = f"/v1/repos/peers/runs/r/metrics/loss?points={BUCKETS}&format=columnar"
        first_s, wire, body = get(server.port, path)
        answered = time.perf_counter()
        repeat_s = get(server.port, path)[0]
    finally:
        server.stop()
    answer = json.loads(body)
    return {
        "first_s": first_s,
        "repeat_s": repeat_s,
        "wire": wire,
        "points": len(answer["steps"]),
        "last_step": answer["steps"][-1],
        "start_s": listening - spawned,
        "to_answer_s": answered - spawned,
    }


def read_aim(python: str, repo: Path, run_hash: str) -> dict:
    spawned_at = time.time()
    done = subprocess.run([python, "-c", AIM_READ, str(repo), run_hash, str(BUCKETS)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        **out,
        "interpreter_s": out["spawned_at"] - spawned_at,
        "start_s": out["spawned_at"] - spawned_at + out["import_s"] + out["open_s"],
        "to_answer_s": out["answered_at"] - spawned_at,
    }


def process_tree(pid: int) -> list[int]:
    """`pid` and every process below it."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except FileNotFoundError:
            continue
    return found


def tree_cpu_ticks(pid: int) -> int:
    """CPU time (utime + stime, in clock ticks) of `pid` and every process below it."""
    total = 0
    for p in process_tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total


def wait_quiet(pid: int, window: float = 0.5, timeout: float = 300) -> None:
    """Until the process tree uses under ~4% of a core over `window` seconds."""
    deadline = time.monotonic() + timeout
    before = tree_cpu_ticks(pid)
    while time.monotonic() < deadline:
        time.sleep(window)
        now = tree_cpu_ticks(pid)
        if now - before <= 2:
            return
        before = now
    raise TimeoutError("mlflow server kept busy")


def stop_tree(proc: subprocess.Popen) -> None:
    """Stops `mlflow server` and waits until its workers and job runner are gone too (the next system's read must not share the cores with them)."""
    tree = process_tree(proc.pid)
    proc.terminate()
    proc.wait(30)
    deadline = time.monotonic() + 30
    while (alive := [p for p in tree if running(p)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    for p in alive:
        os.kill(p, signal.SIGKILL)


def running(pid: int) -> bool:
    """Whether `pid` exists and has not exited (a zombie waiting to be reaped uses no CPU)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def read_mlflow(folder: Path, run_id: str) -> dict:
    """A fresh `mlflow server`: the interval read first (then again), then the full history in the same process."""
    port = free_port()
    spawned = time.perf_counter()
    with open(MLFLOW_LOG, "a") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mlflow", "server", "--host", "127.0.0.1", "--port", str(port),
             "--backend-store-uri", f"sqlite:///{folder}/mlflow.db", "--artifacts-destination", f"{folder}/artifacts"],
            stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"mlflow server exited ({proc.returncode}) before answering /health")
            try:
                get(port, "/health")
                break
            except OSError:
                time.sleep(0.02)
        # /health answers as soon as the first of its workers is up; the others, its job runner
        # and their imports go on for tens of seconds on this machine: a request then would time
        # its start-up, not its read.
        wait_quiet(proc.pid)
        ready = time.perf_counter()
        interval = MLFLOW_INTERVAL.format(run_id=run_id)
        first_s, wire, body = get(port, interval)
        answered = time.perf_counter()
        repeat_s = get(port, interval)[0]
        try:
            history = get(port, MLFLOW_HISTORY.format(run_id=run_id))
        except http.client.RemoteDisconnected:
            history = None  # see FAILED_HISTORY
    finally:
        stop_tree(proc)

    def summary(body: bytes) -> dict:
        metrics = json.loads(body)["metrics"]
        return {"points": len(metrics), "last_step": max(int(m.get("step", 0)) for m in metrics)}

    if history:
        history_s, history_wire, history_body = history
        full = {"first_s": history_s, "wire": history_wire, **summary(history_body)}
    else:
        full = {"first_s": None, "failed": True}

    return {
        "mlflow-interval": {
            "first_s": first_s,
            "repeat_s": repeat_s,
            "wire": wire,
            **summary(body),
            "start_s": ready - spawned,
            "to_answer_s": answered - spawned,
        },
        "mlflow-history": {**full, "repeat_s": None, "start_s": None, "to_answer_s": None},
    }


MLFLOW_INTERVAL = f"/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval?run_ids={{run_id}}&metric_key=loss&max_results={BUCKETS}"
MLFLOW_HISTORY = "/api/2.0/mlflow/metrics/get-history?run_id={run_id}&metric_key=loss"
MLFLOW_LOG = CACHE / "mlflow-server.log"
# A get-history of 10^6 points keeps its worker busy for tens of seconds, and once (load ~15)
# the client saw the connection closed; uvicorn (under `mlflow server`) replaces a worker that
# misses its 5 s health-check ping, as its log shows during start-up here. That is MLflow's
# answer, so the round records it rather than stopping.
FAILED_HISTORY = f"closed the connection without an answer (its log: {MLFLOW_LOG.relative_to(ROOT)})"
LABELS = {
    "runcamp": f"runcamp: `GET .../metrics/loss?points={BUCKETS}&format=columnar`",
    "aim": f"AIM: `get_run(h).get_metric(...).data.sample({BUCKETS}).numpy()` in-process",
    "mlflow-interval": f"MLflow: `get-history-bulk-interval?max_results={BUCKETS}`",
    "mlflow-history": "MLflow: then `get-history` (every point) in the same process",
}


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f}"


def first_ms(r: dict) -> str:
    return "failed" if r.get("failed") else f"{ms(r['first_s'])} ms"


def median_ms(runs: list[dict], key: str) -> str:
    values = [r[key] for r in runs if r[key] is not None]
    return f"{ms(statistics.median(values))} ms" if values else "—"


def table(results: dict, systems: list[str]) -> list[str]:
    lines = [
        "| series | system: request | points answered | first read, median (each round) | repeat | on the wire "
        "| process start → ready | process start → answer |",
        "|---:|---|---:|---|---:|---:|---:|---:|",
    ]
    for n in SIZES:
        for system in systems:
            runs = results[n][system]
            each = ", ".join(first_ms(r).removesuffix(" ms") for r in runs)
            answered = [r for r in runs if not r.get("failed")]
            if not answered:
                lines.append(f"| {n:,} | {LABELS[system]} | — | {FAILED_HISTORY}, every round | — | — | — | — |")
                continue
            runs, first = answered, answered[0]
            wire = f"{first['wire'] / 1000:,.1f} KB" if "wire" in first else "(in-process)"
            lines.append(
                f"| {n:,} | {LABELS[system]} | {first['points']:,} | **{median_ms(runs, 'first_s')}** ({each}) | {median_ms(runs, 'repeat_s')} | {wire} "
                f"| {median_ms(runs, 'start_s')} | {median_ms(runs, 'to_answer_s')} |"
            )
    return lines


def notes(results: dict, with_aim: bool) -> str:
    """What the columns hold, and what each system's 1,000 points are."""
    aim = ""
    if with_aim:
        runs = [r for n in SIZES for r in results[n]["aim"]]
        samples = ", ".join(f"{ms(statistics.median(r['sample_s'] for r in results[n]['aim']))} ms" for n in SIZES)
        aim = (
            f" ({ms(statistics.median(r['interpreter_s'] for r in runs))} ms, {ms(statistics.median(r['import_s'] for r in runs))} ms and "
            f"{ms(statistics.median(r['open_s'] for r in runs))} ms, medians over all sizes); of its first read, `.data.sample(1000).numpy()` "
            f"alone took {samples} (medians at {', '.join(f'{n:,}' for n in SIZES)} points), the rest finding the run and the metric"
        )
    return (
        '"Process start → ready": runcamp until it prints "listening"; MLflow until `/health` answers and then its processes '
        "(4 workers, a job runner) stay under ~4% of a core for 0.5 s, since its first worker answers while the others still start; "
        f"AIM the interpreter, `import aim` and `Repo(path)`{aim}. AIM's read is a random sample of 1,000 stored points (a spike between "
        "them is not drawn); runcamp's 1,000 buckets each carry their count, min and max (with steps) and their last point; MLflow's "
        "interval read picks 1,000 steps evenly and returns their points."
        + (f" A `failed` get-history {FAILED_HISTORY}." if any(r.get("failed") for n in SIZES for r in results[n]["mlflow-history"]) else "")
    )


def write_section(text: str) -> None:
    path = ROOT / "bench" / "RESULTS.md"
    old = path.read_text()
    if SECTION[0] in old and SECTION[1] in old:
        head, rest = old.split(SECTION[0], 1)
        new = head + text + rest.split(SECTION[1], 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    path.write_text(new)


def main() -> None:
    import mlflow

    python = aim_python()
    aim_version = None
    systems = ["runcamp", *(["aim"] if python else []), "mlflow-interval", "mlflow-history"]
    repos = {}
    for n in SIZES:
        print(f"runcamp: writing {n:,} points...", flush=True)
        repos[n] = {"runcamp": write_runcamp(n), "mlflow": cached(f"mlflow-{n}", lambda folder, n=n: niced(sys.executable, MLFLOW_WRITE, str(folder), str(n)))}
        if python:
            repos[n]["aim"] = cached(f"aim-{n}", lambda folder, n=n: niced(python, AIM_WRITE, str(folder), str(n)))
            aim_version = repos[n]["aim"]["version"]

    results = {n: {s: [] for s in systems} for n in SIZES}
    loads = []
    for round_ in range(ROUNDS):
        for n in SIZES:
            for system in ("runcamp", "aim", "mlflow"):
                loads.append(os.getloadavg()[0])
                if system == "runcamp":
                    reads = {system: read_runcamp(repos[n]["runcamp"])}
                elif system == "aim" and python:
                    reads = {system: read_aim(python, CACHE / f"aim-{n}", repos[n]["aim"]["hash"])}
                elif system == "mlflow":
                    reads = read_mlflow(CACHE / f"mlflow-{n}", repos[n]["mlflow"]["run_id"])
                else:
                    continue
                for name, r in reads.items():
                    if not r.get("failed") and r["last_step"] != n - 1:
                        raise RuntimeError(f"{name}, {n:,} points: the answer ends at step {r['last_step']}, not {n - 1}")
                    results[n][name].append(r)
                    print(f"round {round_ + 1}, {n:,} points, {name}: first {first_ms(r)}", flush=True)
    loads.append(os.getloadavg()[0])

    node = subprocess.run([str(ROOT / "node_modules/.bin/node"), "--version"], capture_output=True, text=True).stdout.strip()
    env = " ".join(f"{k}={os.environ[k]}" for k in ("AIM_PYTHON", "BENCH_SCALE", "PEERS_ROUNDS") if k in os.environ)
    command = f"{env} .venv/bin/python bench/peers-first-read.py".strip()
    lines = [
        SECTION[0],
        "",
        f"- date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; machine: {cpu_name()}, {os.cpu_count()} cores, shared with other sessions' work "
        f"(1-minute load average {min(loads):.1f}–{max(loads):.1f} while it ran)",
        f"- command: `{command}`",
        f"- runcamp (Node host {node}, embedded libSQL file), "
        + (f"AIM {aim_version} (`aim.Repo` in-process)" if python else "AIM left out (no AIM_PYTHON)")
        + f", MLflow {mlflow.__version__} (`mlflow server`, SQLite backend, default workers); Python {platform.python_version()}",
        f"- {ROUNDS} rounds, each starting every system once on a fresh process, interleaved; the first read is the first request "
        "(AIM: the first read call) that process serves, wall time from the client; the repeat is the same request again",
        "",
        *table(results, systems),
        "",
        notes(results, python is not None),
        SECTION[1],
    ]
    text = "\n".join(lines)
    write_section(text)
    print(text)


if __name__ == "__main__":
    main()
