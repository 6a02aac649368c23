"""Where the CPU of capturing 100,000 printed lines goes, in one thread (no capture threads,
no GIL contention): feeding the reads into ``LogLines``, encoding the bodies
(``encode_log_lines``), and POSTing them with httpx to a real server (the Node host in a
child process, fresh database). CPU time (``time.process_time``: the kernel's part of a
send counts), best of 5 rounds. The numbers behind "what bounds it" in bench/SDK-RESULTS.md.

    .venv/bin/python bench/sdk-logs-costs.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "clients" / "python" / "tests"))

import httpx  # noqa: E402
from runcamp._logs import LogLines  # noqa: E402
from runcamp._wire import encode_log_lines  # noqa: E402
from server import Server  # noqa: E402

LINES = 100_000
READ = 65_536  # what the reader reads at most at once
ROUNDS = 5


def main() -> None:
    printed = b"".join(b"epoch %d loss 0.5\n" % i for i in range(LINES))
    costs: dict = {"feed": [], "encode": [], "send": []}
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp) / "bench.db").start()
        try:
            with httpx.Client(base_url=server.url, timeout=60) as client:
                client.post("/v1/repos/bench/runs", json={"id": "costs"}).raise_for_status()
                for k in range(ROUNDS):
                    lines = LogLines(first_seq=k * LINES)  # new seqs: every round stores its lines
                    t0 = time.process_time()
                    for i in range(0, len(printed), READ):
                        lines.feed_bytes("stdout", printed[i : i + READ])
                    t1 = time.process_time()
                    bodies = encode_log_lines(lines.take())
                    t2 = time.process_time()
                    for body in bodies:
                        client.post("/v1/repos/bench/runs/costs/logs", content=body.encode(), headers={"content-type": "application/json"}).raise_for_status()
                    t3 = time.process_time()
                    for name, cost in zip(costs, (t1 - t0, t2 - t1, t3 - t2)):
                        costs[name].append(cost)
        finally:
            server.stop()
    size = sum(map(len, bodies))
    print(f"## CPU of capturing {LINES:,} printed lines, one thread, best of {ROUNDS}\n")
    print("| step | CPU time |")
    print("|---|---|")
    print(f"| feed {len(printed) / 1e6:.1f} MB in {READ // 1024} KiB reads (decode, NUL, split) | {min(costs['feed']) * 1000:.1f} ms |")
    print(f"| encode {len(bodies)} bodies, {size / 1e6:.1f} MB of JSON | {min(costs['encode']) * 1000:.1f} ms |")
    print(f"| send them (httpx; the kernel's loopback copy included) | {min(costs['send']) * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
