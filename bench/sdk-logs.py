"""Costs of the Python SDK's log capture and system sampling (issue 25's targets): a loop
printing 100,000 short lines, timed in a fresh process with capture off and on (target: on
costs <= 10% more), stdout redirected to a file as under a batch scheduler, with Python's
default buffering and with PYTHONUNBUFFERED=1 (each piece of a print is a write); how late
the terminal sees a captured line; and the CPU time of one system sample, as a share of one
core at the default 10 s interval (target <= 1%). Against a real server (the Node host in a
child process, fresh database). Prints a markdown section; results by hand in
bench/SDK-RESULTS.md.

    .venv/bin/python bench/sdk-logs.py [rounds] [lines]

With more lines than the default 100,000 the loop runs past the sender's 0.5 s flush
interval, so the cutting, encoding and sending of lines fall inside it too.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "clients" / "python" / "tests"))

import httpx  # noqa: E402
from runcamp._system import SystemSampler  # noqa: E402
from server import Server  # noqa: E402

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
LINES = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000

# The training script: times its own print loop (process start and the Run's set-up and
# finish are not the loop's cost); the process's CPU time over the loop (all threads), and
# until every line is sent (run.flush(): the lines' encoding and sending, which the sender
# does every 0.5 s, mostly after a loop this short); on fd 3.
SCRIPT = f"""
import os, sys, time, runcamp
run = runcamp.Run(repo="bench", url=sys.argv[1], system_metrics=False)
t, cpu = time.perf_counter(), time.process_time()
for i in range({LINES}):
    print("epoch", i, "loss", 0.5)
sys.stdout.flush()
elapsed, loop_cpu = time.perf_counter() - t, time.process_time() - cpu
run.flush()
sent_cpu = time.process_time() - cpu
run.finish()
os.write(3, f"{{elapsed}} {{loop_cpu}} {{sent_cpu}} {{run.id}}".encode())
"""

# Lines printed 20 ms apart, each with the time it was printed, read from a pipe as it comes.
TEE_LINES = 100
TEE_SCRIPT = f"""
import sys, time, runcamp
run = runcamp.Run(repo="bench", url=sys.argv[1], system_metrics=False)
for i in range({TEE_LINES}):
    print("printed at", time.time(), flush=True)
    time.sleep(0.02)
run.finish()
"""


def print_loop(url: str, capture: bool, unbuffered: bool, out_dir: str) -> tuple:
    env = {**os.environ, "RUNCAMP_CAPTURE_LOGS": "1" if capture else "0"}
    env.pop("PYTHONUNBUFFERED", None)
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    read, write = os.pipe()
    with open(os.path.join(out_dir, "stdout.txt"), "wb") as out:
        # The script writes its timing to fd 3.
        proc = subprocess.Popen(
            [sys.executable, "-c", SCRIPT, url],
            stdout=out,
            env=env,
            pass_fds=(3,),
            preexec_fn=lambda: os.dup2(write, 3),
        )
    os.close(write)
    result = os.read(read, 100)
    os.close(read)
    if proc.wait() != 0:
        raise SystemExit(f"the print loop failed (capture={capture}, unbuffered={unbuffered})")
    elapsed, loop_cpu, sent_cpu, run_id = result.decode().split()
    return float(elapsed), float(loop_cpu), float(sent_cpu), run_id


def tee_delays(url: str) -> list:
    """Seconds from each print to the moment the terminal (a pipe here) has the line."""
    env = {**os.environ, "RUNCAMP_CAPTURE_LOGS": "1"}
    proc = subprocess.Popen([sys.executable, "-c", TEE_SCRIPT, url], stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    delays = [time.time() - float(line.split()[-1]) for line in proc.stdout]
    if proc.wait() != 0 or len(delays) != TEE_LINES:
        raise SystemExit("the tee script failed")
    return delays


def sample_cost() -> float:
    """CPU seconds of one system sample (psutil, and NVML where present), median of 200."""
    sampler = SystemSampler(lambda value, name, context: None, interval=3600)
    sampler._setup()
    costs = []
    for _ in range(200):
        t = time.process_time()
        sampler.sample()
        costs.append(time.process_time() - t)
    return statistics.median(costs)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def main() -> None:
    modes = {"buffered": False, "unbuffered": True}
    times: dict = {(mode, capture): [] for mode in modes for capture in (False, True)}
    cpus: dict = {key: [] for key in times}
    sent: dict = {key: [] for key in times}
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "bench.db").start()
        try:
            for _ in range(ROUNDS):  # off and on interleaved, so that other load hits both alike
                for mode, unbuffered in modes.items():
                    for capture in (False, True):
                        elapsed, loop_cpu, sent_cpu, run_id = print_loop(server.url, capture, unbuffered, tmp)
                        times[mode, capture].append(elapsed)
                        cpus[mode, capture].append(loop_cpu)
                        sent[mode, capture].append(sent_cpu)
                        if capture:  # every line of the captured loop reached the server
                            last = httpx.get(
                                f"{server.url}/v1/repos/bench/runs/{run_id}/logs",
                                params={"tail": 1},
                            ).json()["items"]
                            if not last or last[0]["seq"] < LINES - 1:
                                raise SystemExit(f"lines lost: the last stored line is {last}")
            delays = tee_delays(server.url)
        finally:
            server.stop()
    cost = sample_cost()
    print("## Log capture and system sampling (bench/sdk-logs.py)\n")
    print("| what | wall time of the loop | CPU time of the process over the loop | and until every line is sent | target |")
    print("|---|---|---|---|---|")
    for mode in modes:
        off, on = (tuple(statistics.median(m[mode, capture]) for m in (times, cpus, sent)) for capture in (False, True))
        print(f"| a loop printing {LINES:,} lines, {mode}, capture off (median of {ROUNDS}) | {ms(off[0])} | {ms(off[1])} | {ms(off[2])} | |")
        print("| the same, capture on | " + " | ".join(f"{ms(b)}: {b / a - 1:+.1%}" for a, b in zip(off, on)) + " | <= +10% (wall) |")
    print(f"| how late the terminal sees a line ({TEE_LINES} lines 20 ms apart) | median {ms(statistics.median(delays))}, max {ms(max(delays))} | | | |")
    print(f"| one system sample (CPU time, median of 200) | {cost * 1000:.2f} ms: {cost / 10:.3%} of a core at the 10 s interval | | | <= 1% |")


if __name__ == "__main__":
    main()
