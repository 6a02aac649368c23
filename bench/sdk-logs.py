"""Costs of the Python SDK's log capture and system sampling (issue 25's targets): a loop
printing 100,000 short lines, timed in a fresh process with capture off and on (target: on
costs <= 10% more), stdout redirected to a file as under a batch scheduler; and the CPU time
of one system sample, as a share of one core at the default 10 s interval (target <= 1%).
Against a real server (the Node host in a child process, fresh database). Prints a markdown
section; results by hand in bench/SDK-RESULTS.md.

    .venv/bin/python bench/sdk-logs.py
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

LINES = 100_000
ROUNDS = 5

# The training script: times its own print loop (process start and the Run's set-up and
# finish are not the loop's cost) and prints the seconds on fd 3.
SCRIPT = f"""
import os, sys, time, runcamp
run = runcamp.Run(repo="bench", url=sys.argv[1], system_metrics=False)
t = time.perf_counter()
for i in range({LINES}):
    print("epoch", i, "loss", 0.5)
sys.stdout.flush()
elapsed = time.perf_counter() - t
run.finish()
os.write(3, f"{{elapsed}} {{run.id}}".encode())
"""


def print_loop(url: str, capture: bool, out_dir: str) -> tuple[float, str]:
    env = {**os.environ, "RUNCAMP_CAPTURE_LOGS": "1" if capture else "0"}
    read, write = os.pipe()
    with open(os.path.join(out_dir, "stdout.txt"), "wb") as out:
        # The script writes its timing to fd 3.
        proc = subprocess.Popen([sys.executable, "-c", SCRIPT, url], stdout=out, env=env, pass_fds=(3,), preexec_fn=lambda: os.dup2(write, 3))
    os.close(write)
    result = os.read(read, 100)
    os.close(read)
    if proc.wait() != 0:
        raise SystemExit(f"the print loop failed (capture={capture})")
    elapsed, run_id = result.decode().split()
    return float(elapsed), run_id


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


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "bench.db").start()
        try:
            off, on = [], []
            for _ in range(ROUNDS):
                off.append(print_loop(server.url, False, tmp)[0])
                elapsed, run_id = print_loop(server.url, True, tmp)
                on.append(elapsed)
                # Every line of the captured loop reached the server.
                last = httpx.get(f"{server.url}/v1/repos/bench/runs/{run_id}/logs", params={"tail": 1}).json()["items"]
                if not last or last[0]["seq"] < LINES - 1:
                    raise SystemExit(f"lines lost: the last stored line is {last}")
        finally:
            server.stop()
    slow = statistics.median(on) / statistics.median(off) - 1
    cost = sample_cost()
    print("## Log capture and system sampling (bench/sdk-logs.py)\n")
    print("| what | measured | target |")
    print("|---|---|---|")
    print(f"| a loop printing {LINES:,} lines, capture off (median of {ROUNDS}) | {statistics.median(off) * 1000:.0f} ms | |")
    print(f"| the same, capture on | {statistics.median(on) * 1000:.0f} ms: {slow:+.1%} | <= +10% |")
    print(f"| one system sample (CPU time, median of 200) | {cost * 1000:.2f} ms: {cost / 10:.3%} of a core at the 10 s interval | <= 1% |")


if __name__ == "__main__":
    main()
