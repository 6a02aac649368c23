"""`runcamp export` and `runcamp import` of one campaign of 10,000,000 points: points/s and
the peak RSS of the CLI process (the server's is not counted), each in its own process.
Writes its section of bench/RESULTS.md. `npm run bench` runs it when .venv exists.

    .venv/bin/python bench/export-import.py
    BENCH_SCALE=0.01 .venv/bin/python bench/export-import.py     # 100,000 points, a quick look

The campaign: 10 runs × 2 series (train/val loss) × 500,000 points, epochs and times on
every point, a NaN every 1,000 steps; BENCH_SCALE=0.1 keeps 1 run of the same shape. Export pages through each series (100,000 points a request) into a gzip'd
JSON Lines file; import reads it twice (checking every line and the conflicts, then writing in 100,000-point ingest
requests) into a fresh server.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "clients" / "python" / "tests"))

from server import Server  # noqa: E402

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
TOTAL = int(10_000_000 * SCALE)
# BENCH_SCALE takes runs away, never points from a series: every scale has series of
# 500,000 points (five 100,000-point pages, five full ingest batches), so the peak RSS
# measured at a small scale is the one of the full campaign.
SERIES, PER_SERIES = 2, 500_000
RUNS = max(1, round(TOTAL / (SERIES * PER_SERIES)))
# The section opens with its heading (the web UI bench keeps whatever follows the next "## ")
# and ends with a marker, so a re-run replaces it in place.
SECTION = ("## Export and import of a campaign (`runcamp export` / `runcamp import`)", "<!-- /export-import -->")


def fill(url: str) -> None:
    import httpx

    with httpx.Client(base_url=url, timeout=600) as http:
        http.post("/v1/repos/bench/campaigns", json={"id": "big", "name": "big"}).raise_for_status()
        for r in range(RUNS):
            http.post("/v1/repos/bench/runs", json={"id": f"r{r}", "campaign": "big", "params": {"seed": r}}).raise_for_status()
            for subset in ("train", "val")[:SERIES]:
                for start in range(0, PER_SERIES, 100_000):
                    pts = [
                        {"name": "loss", "context": {"subset": subset}, "step": s, "value": "NaN" if s % 1000 == 999 else 1 / (1 + s), "epoch": s // 1000, "time": 1764147000 + s * 0.01}
                        for s in range(start, min(PER_SERIES, start + 100_000))
                    ]
                    http.post(f"/v1/repos/bench/runs/r{r}/metrics", content=json.dumps({"points": pts}), headers={"content-type": "application/json"}).raise_for_status()
            http.patch(f"/v1/repos/bench/runs/r{r}", json={"status": "finished"}).raise_for_status()


def timed_cli(*args: str) -> tuple:
    """Runs the CLI in a child process: (seconds, its peak RSS in MiB, stdout)."""
    code = "import resource, sys; from runcamp.cli.main import main; rc = main(sys.argv[1:]); print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(rc)"
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if out.returncode != 0:
        raise SystemExit(f"runcamp {' '.join(args)} failed: {out.stderr or out.stdout}")
    peak = int(re.search(r"PEAK_KB (\d+)", out.stdout).group(1)) / 1024
    return elapsed, peak, out.stdout


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Server(Path(tmp) / "src.db").start()
        target = Server(Path(tmp) / "dst.db").start()
        try:
            points = RUNS * SERIES * PER_SERIES
            print(f"export-import: filling a campaign of {points:,} points...", flush=True)
            fill(source.url)
            f = Path(tmp) / "big.jsonl.gz"
            ex_s, ex_mb, _ = timed_cli("--url", source.url, "--repo", "bench", "export", "--campaign", "big", "-o", str(f), "--no-progress")
            im_s, im_mb, _ = timed_cli("--url", target.url, "--repo", "bench", "import", str(f), "--no-progress")
            again_s, again_mb, again = timed_cli("--url", target.url, "--repo", "bench", "import", str(f), "--no-progress")
            assert "imported 0 runs" in again, again
            size_mb = f.stat().st_size / 2**20
        finally:
            source.stop()
            target.stop()
    scale_note = f" with BENCH_SCALE={SCALE:g}" if SCALE != 1 else ""
    load = os.getloadavg()[0]
    lines = [
        SECTION[0],
        "",
        f"- Date: {datetime.now(timezone.utc).isoformat(timespec='seconds')}; Python {platform.python_version()}; {os.cpu_count()} cores, load average {load:.1f} when it ended (a shared machine); command: `.venv/bin/python bench/export-import.py`{scale_note}",
        f"- {RUNS} runs × {SERIES} series × {PER_SERIES:,} points = {points:,} points (epochs, times, a NaN every 1,000 steps); file {size_mb:.1f} MiB ({size_mb * 2**20 / points:.1f} B/point)",
        "",
        "| step | time | points/s | peak RSS of the CLI |",
        "|---|---|---|---|",
        f"| export (server → file) | {ex_s:.1f} s | {points / ex_s:,.0f} | {ex_mb:.0f} MiB |",
        f"| import into a fresh server | {im_s:.1f} s | {points / im_s:,.0f} | {im_mb:.0f} MiB |",
        f"| import again (all unchanged: the checks only) | {again_s:.1f} s | {points / again_s:,.0f} | {again_mb:.0f} MiB |",
        "",
        "Memory is bounded by the page, not the campaign: export holds the 100,000-point page it writes",
        "and the one it prefetches, import the 100,000-point batch it builds and the one in flight (one",
        "file line is one page). Every scale has the same series length, so a smaller scale only has",
        "fewer runs. Client and both servers share the machine's cores.",
        SECTION[1],
    ]
    section = "\n".join(lines)
    results = ROOT / "bench" / "RESULTS.md"
    text = results.read_text() if results.exists() else ""
    if SECTION[0] in text:
        text = re.sub(re.escape(SECTION[0]) + ".*?" + re.escape(SECTION[1]), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    results.write_text(text)
    print(section)


if __name__ == "__main__":
    main()
