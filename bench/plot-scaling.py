"""Draws bench/scaling.png from bench/scaling.json (written by bench/scaling.ts).

Run with the repo's virtualenv (matplotlib is in the Python SDK's test extras):
    .venv/bin/python bench/plot-scaling.py
Nothing is fetched: matplotlib's Agg backend writes the PNG offline."""

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

here = Path(__file__).parent
data = json.loads((here / "scaling.json").read_text())
note = sys.argv[1] if len(sys.argv) > 1 else ""

fig, axes = plt.subplots(2, 2, figsize=(12, 8.5))
(a, b), (c, d) = axes

length = data["length"]
xs = [r["points"] for r in length]
a.plot(xs, [r["rate"] / 1e6 for r in length], "o-", color="C0", label="ingest (M points/s)")
a.set_xscale("log")
a.set_xlabel("points in one series")
a.set_ylabel("ingest, million points/s", color="C0")
a.set_ylim(bottom=0)
a2 = a.twinx()
a2.plot(xs, [r["bytesPerPoint"] for r in length], "s--", color="C1", label="bytes/point")
a2.set_ylabel("bytes per point on disk", color="C1")
a2.set_ylim(0, max(16, max(r["bytesPerPoint"] for r in length) * 1.2))
a.set_title("Ingest rate and size vs series length")

b.plot(xs, [r["firstReadMs"] for r in length], "o-", label="first read")
b.plot(xs, [r["repeatReadMs"] for r in length], "s-", label="repeat read")
b.plot(xs, [r["freshReadMs"] for r in length], "^-", label="first read, fresh process")
b.set_xscale("log")
b.set_xlabel("points in one series")
b.set_ylabel("ms")
b.set_ylim(bottom=0)
b.set_title("Downsampled read to 1,000 points vs series length")
b.legend()

runs = data["runs"]
rx = [r["runs"] for r in runs]
c.plot(rx, [r["searchMs"] for r in runs], "o-", label="search (limit 100)")
c.plot(rx, [r["summaryMs"] for r in runs], "s-", label="campaign summary (all runs)")
c.set_xscale("log")
c.set_yscale("log")
c.set_xlabel("runs in the repo")
c.set_ylabel("ms (p50)")
c.set_title("Search and campaign summary vs runs")
c.legend()

spr = data["seriesPerRequest"]
d.plot([r["series"] for r in spr], [r["rate"] / 1e6 for r in spr], "o-")
d.set_xscale("log")
d.set_xlabel("distinct series per 10,000-point request")
d.set_ylabel("ingest, million points/s")
d.set_ylim(bottom=0)
d.set_title("Ingest vs series per request")

shapes = ", ".join(f'{s["shape"]} {s["bytesPerPoint"]:.2f}' for s in data["shapes"])
fig.suptitle(f"runcamp scaling curves — bytes/point by shape: {shapes}" + (f"\n{note}" if note else ""), fontsize=11)
fig.tight_layout()
fig.savefig(here / "scaling.png", dpi=110)
print(f"wrote {here / 'scaling.png'}")
