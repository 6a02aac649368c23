"""A whole campaign (10 runs) while the server is SIGKILLed and restarted several times, once for 20 s
while a new Run(run_id=...) starts: the script completes, and at its end (no manual sync)
the server holds every run and every point exactly once, every run finished."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time

import readback
import runcamp

RUNS = 10
EPOCHS = 10
STEPS = 30  # train points per epoch

SCRIPT = f"""
    import runcamp, sys, time
    url = sys.argv[1]
    grid = runcamp.Campaign("faulty-grid", repo="campaign-faults", url=url, params={{"runs": {RUNS}}})
    for i in range({RUNS}):
        print("start", i, flush=True)
        # The documented resume pattern: a fixed id, so a restarted script picks the run up again.
        run = runcamp.Run(f"run-{{i}}", repo="campaign-faults", url=url, campaign=grid, params={{"split": i % 3, "seed": i // 3}},
                          spill_after=1.0, close_timeout=1.0 if i < {RUNS - 1} else 60.0)
        for epoch in range({EPOCHS}):
            for s in range({STEPS}):
                run.track((i + 1) * 1000 + epoch * {STEPS} + s, name="loss", context={{"subset": "train"}}, epoch=epoch)
            run.track({{"loss": i + epoch / 10, "acc": float("nan") if epoch == 3 else epoch / {EPOCHS}}}, context={{"subset": "val"}}, epoch=epoch)
            time.sleep(0.1)
        run.set_value("acc", i / 100, context={{"subset": "test"}})
        run.finish()
        print("done", i, flush=True)
    # A resumed run (server killed right then): its next steps follow the server's last ones.
    print("resume", flush=True)
    again = runcamp.Run("run-0", repo="campaign-faults", url=url, close_timeout=60.0)
    time.sleep(0.5)
    for k in range(5):
        again.track(-k, name="loss", context={{"subset": "val"}})
    again.finish()
    print("all done", flush=True)
"""


def test_a_campaign_survives_server_kills_and_a_20_s_outage(own_server, spool_dir):
    own_server.start()
    env = {**os.environ, "RUNCAMP_SPOOL_DIR": str(spool_dir)}
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(SCRIPT), own_server.url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    stderr: list = []
    threading.Thread(target=lambda: stderr.extend(proc.stderr), daemon=True).start()
    # On this line of the script's output: wait (to kill it mid-run), SIGKILL, stay down.
    faults = {"start 1": (0.5, 1.0), "done 2": (0.0, 1.5), "start 3": (0.0, 20.0), f"start {RUNS - 1}": (0.3, 1.5), "resume": (0.0, 2.0)}
    outages = []
    started = time.monotonic()
    try:
        for line in proc.stdout:
            line = line.strip()
            if line in faults:
                wait, down_for = faults[line]
                time.sleep(wait)
                down = time.monotonic()
                own_server.stop(kill=True)
                time.sleep(down_for)
                own_server.start()
                outages.append((line, round(time.monotonic() - down, 1)))
            if line == "all done":
                break
        assert proc.wait(120) == 0, "".join(stderr)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert len(outages) == 5 and any(d >= 20 for _, d in outages), outages
    assert time.monotonic() - started < 150

    # Nothing was left behind, and nobody ran `runcamp sync`.
    assert not [p for p in spool_dir.rglob("*.json")], "".join(stderr)
    assert not any("still in the spool" in line for line in stderr), "".join(stderr)
    repo = runcamp.Repo("campaign-faults", url=own_server.url)
    runs = repo.runs(columns=None)
    assert sorted(runs.ids) == sorted(f"run-{i}" for i in range(RUNS))
    assert all(r.status == "finished" and r.campaign == "faulty-grid" for r in runs)
    for i in range(RUNS):
        rid = f"run-{i}"
        train = readback.points(own_server.url, "campaign-faults", rid, "loss", {"subset": "train"})
        assert [(p[0], p[1], p[2]) for p in train] == [(k, float((i + 1) * 1000 + k), k // STEPS) for k in range(EPOCHS * STEPS)], rid
        val_loss = [(p[0], p[1]) for p in readback.points(own_server.url, "campaign-faults", rid, "loss", {"subset": "val"})]
        want = [(e, i + e / 10) for e in range(EPOCHS)] + ([(EPOCHS + k, float(-k)) for k in range(5)] if i == 0 else [])
        assert val_loss == want, rid
        acc = [p[1] for p in readback.points(own_server.url, "campaign-faults", rid, "acc", {"subset": "val"})]
        assert acc == [("NaN" if e == 3 else e / EPOCHS) for e in range(EPOCHS)], rid
        assert repo.run(rid).value("acc", {"subset": "test"}) == i / 100
    summary = repo.campaign("faulty-grid").summary(metrics="acc", contexts=[{"subset": "test"}], group_by=[])
    assert summary.attrs["selection"]["runs"] == RUNS and summary.iloc[0]["n"] == RUNS
