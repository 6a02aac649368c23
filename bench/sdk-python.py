"""Python SDK overhead: run.track() calls per second in the training thread (target
>= 1,000,000/s for the plain `track(v, name)` form, >= 600,000/s with a context) and points
per second delivered end to end, first track() to finish() returned (target >= 600,000/s),
against a real server (the Node host in a child process, fresh database). Each case runs
with the columns written by orjson (when installed, as with runcamp[pandas]) and by Python
alone. Writes bench/SDK-RESULTS.md; `npm run bench` runs it at its end.

    .venv/bin/python bench/sdk-python.py            # after pip install ./clients/python
    BENCH_SCALE=0.2 .venv/bin/python bench/sdk-python.py
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "clients" / "python" / "tests"))

import runcamp  # noqa: E402
from runcamp import _wire  # noqa: E402
from runcamp._sender import Series  # noqa: E402
from runcamp._wire import encode_series  # noqa: E402
from server import Server  # noqa: E402

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
N = int(2_000_000 * SCALE)
TRACK_TARGET = 1_000_000  # calls/s, the plain form
CONTEXT_TRACK_TARGET = 600_000  # calls/s with a context (issue 31)
END_TO_END_TARGET = 600_000  # points/s, every case


def bench(server: Server, label: str, with_context: bool, writer: str) -> dict:
    """One run of N points; ``writer`` writes the columns: "orjson" or "python"."""
    _wire._columns = getattr(_wire, f"_columns_{writer}")
    contexts = [{"subset": "train"}, {"subset": "val"}]
    run = runcamp.Run(
        repo="bench", url=server.url, params={"bench": label}, max_queue=N + 1
    )
    track = run.track
    started, cpu, thread_cpu = (
        time.perf_counter(),
        time.process_time(),
        time.thread_time(),
    )
    if with_context:
        for i in range(N // 4):
            v = i * 1e-3
            track(v, "loss", context=contexts[0])
            track(v, "acc", context=contexts[0])
            track(v, "loss", context=contexts[1])
            track(v, "acc", context=contexts[1])
    else:
        for i in range(N):
            track(i * 1e-3, "loss")
    tracked = time.perf_counter() - started
    thread_cpu = time.thread_time() - thread_cpu
    run.finish()
    delivered = time.perf_counter() - started
    cpu = time.process_time() - cpu
    assert run.stats["delivered_points"] == N and run.errors == [], (
        run.stats,
        run.errors,
    )
    return {
        "label": label,
        "writer": writer,
        "points": N,
        "track_s": tracked,
        "end_s": delivered,
        "thread_cpu_s": thread_cpu,
        "cpu_s": cpu,
        "plain": not with_context,
    }


def track_floor(n: int = 1_000_000) -> float:
    """Calls/s of a method doing only what track() must (a lock, time.time(), a dict lookup,
    a tuple append), with no other thread: the ceiling CPython puts on any track(). Best of 3."""
    lock, pending, series = threading.Lock(), [], {}

    def track(value, name=None):
        if type(value) is not float:
            value = float(value)
        t = time.time()
        with lock:
            rec = series.get(name)
            if rec is None:
                rec = series[name] = [0, name]
            step = rec[0]
            rec[0] = step + 1
            pending.append((rec[1], step, value, None, t))

    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for i in range(n):
            track(i * 1e-3, "loss")
        best = min(best, time.perf_counter() - started)
    return n / best


def track_alone(n: int = 1_000_000) -> float:
    """Calls/s of run.track(v, name) with the sender idle (a batch is n points; the run is
    flushed after the timing): what the method costs without the sender's share of the GIL."""
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "alone.db").start()
        try:
            run = runcamp.Run(
                repo="bench",
                url=server.url,
                batch_size=100_000,
                flush_interval=3600,
                max_queue=n + 1,
                capture_logs=False,
                system_metrics=False,
            )
            track = run.track
            best = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                for i in range(n // 10):
                    track(i * 1e-3, "loss")
                best = min(best, time.perf_counter() - started)
                run.flush()
            run.finish()
        finally:
            server.stop()
    return n // 10 / best


def encode_ms(writer: str, points: int = 10_000) -> float:
    """Milliseconds the sender spends encoding one columnar batch of `points` of one series
    with full-precision values (best of 5)."""
    _wire._columns = getattr(_wire, f"_columns_{writer}")
    header = '{"name":"loss","context":{"subset":"train"}'
    series = Series(0, header)
    for i in range(points):
        series.steps.append(i)
        series.values.append(1 / (i + 3))
        series.times.append(1764147000.0 + i * 0.01)
    groups = [series.take()]
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        encode_series(groups)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def main() -> None:
    load_before = os.getloadavg()
    writers = ["orjson", "python"] if _wire.orjson is not None else ["python"]
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "bench.db").start()
        try:
            bench(server, "warm-up", False, writers[0]) if N >= 100_000 else None
            rows = [
                bench(server, label, with_context, writer)
                for writer in writers
                for label, with_context in [
                    (
                        "4 series with a context each (`track(v, name, context=ctx)`)",
                        True,
                    ),
                    ("1 series, no context (`track(v, name)`)", False),
                ]
            ]
        finally:
            server.stop()
    load_after = os.getloadavg()

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    lines = [
        "# Python SDK overhead",
        "",
        f"- date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {cpu}, {os.cpu_count()} cores; Python {platform.python_version()}; server: Node host, embedded libSQL file, same machine",
        f"- command: `.venv/bin/python bench/sdk-python.py`{f' (BENCH_SCALE={SCALE:g})' if SCALE != 1 else ''}",
        f"- load average (1 min) before / after the runs: {load_before[0]:.2f} / {load_after[0]:.2f}",
        "- `track()` calls/s: the training thread's loop, with the sender thread encoding and sending",
        "  concurrently (they share the GIL). End to end: from the first `track()` to `finish()`",
        "  returning, i.e. every point acknowledged by the server. CPU: the training thread's over",
        "  its loop, the whole process's (every thread) until `finish()` returned; unlike the rates,",
        "  it hardly moves with the machine's load.",
        "",
        "| case | columns written by | points | `track()` calls/s | target | met | end-to-end points/s | target | met | CPU ns/point: training thread, process |",
        "|---|---|---:|---:|---|:-:|---:|---|:-:|---:|",
    ]
    yes = lambda ok: "yes" if ok else "**no**"  # noqa: E731
    for r in rows:
        rate = r["points"] / r["track_s"]
        end = r["points"] / r["end_s"]
        goal = TRACK_TARGET if r["plain"] else CONTEXT_TRACK_TARGET
        lines.append(
            f"| {r['label']} | {r['writer']} | {r['points']:,} | {rate:,.0f} | ≥ {goal:,} | {yes(rate >= goal)} | {end:,.0f} | ≥ {END_TO_END_TARGET:,} | {yes(end >= END_TO_END_TARGET)} | {r['thread_cpu_s'] / r['points'] * 1e9:.0f}, {r['cpu_s'] / r['points'] * 1e9:.0f} |"
        )
    floor, alone = track_floor(), track_alone()
    encoded = {writer: encode_ms(writer) for writer in writers}
    lines += [
        "",
        "What bounds these, measured in this run:",
        "- A method doing only what `track()` must (a lock, `time.time()`, a dict lookup, a tuple",
        f"  append) runs at {floor:,.0f} calls/s in this CPython with no other thread; `run.track(v, name)`",
        f"  with the sender idle at {alone:,.0f}. In the table `track()` shares the GIL with the sender",
        "  thread, whose encoding and HTTP calls run meanwhile.",
        "- The sender encodes a 10,000-point batch of full-precision values in "
        + ", ".join(f"{ms:.1f} ms ({writer})" for writer, ms in encoded.items())
        + ", on the GIL the training thread also needs; end to end is that, the HTTP round trips,",
        "  and the server's write.",
    ]
    text = "\n".join(lines) + "\n"
    # Sections other benchmarks write (bench/sdk-read.py) stay as they are.
    path = ROOT / "bench" / "SDK-RESULTS.md"
    old = path.read_text() if path.exists() else ""
    others = old[old.index("<!-- sdk-read -->") :] if "<!-- sdk-read -->" in old else ""
    path.write_text(text + ("\n" + others if others else ""))
    print(text)


if __name__ == "__main__":
    main()
