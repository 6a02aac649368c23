"""The server is away: creating, resuming and finishing runs still work; what the spool holds
is re-sent while the process lives and by the next one; a killed training goes stale."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import readback
import runcamp
from server import Server


def _spool_files(spool: Path) -> list:
    return sorted(p for p in spool.rglob("*.json")) if spool.exists() else []


def _later(seconds: float, fn) -> threading.Thread:
    t = threading.Thread(target=lambda: (time.sleep(seconds), fn()))
    t.start()
    return t


def _steps(url, repo, run_id, name, context=None):
    return [(p[0], p[1]) for p in readback.points(url, repo, run_id, name, context)]


def test_a_run_resumed_by_id_while_the_server_is_down_continues_its_steps_once_it_answers(own_server, spool_dir):
    own_server.start()
    with runcamp.Run("resume-me", repo="offline", url=own_server.url, params={"lr": 0.1}) as first:
        for i in range(10):
            first.track(float(i), name="loss")
        first.track(1.0, name="acc", step=40, context={"subset": "val"})
    own_server.stop(kill=True)

    started = time.monotonic()
    run = runcamp.Run("resume-me", repo="offline", url=own_server.url, params={"epochs": 3}, tags=["again"], spill_after=0.5)
    assert time.monotonic() - started < 5 and run.resumed is None  # not known yet: no waiting on the server
    for i in range(10, 15):
        run.track(float(i), name="loss")  # automatic steps: relative until the server answers
    run.track(2.0, name="acc", context={"subset": "val"})
    run.track(99.0, name="loss", step=100)  # explicit steps are kept as given
    run.track(7.0, name="new")  # a series the server has never seen starts at 0
    run.set_value("note", float("nan"))
    assert run.flush(30) and _spool_files(spool_dir)
    restart = _later(1.0, own_server.start)
    run.finish(timeout=60)  # waits for the server, then everything goes in order
    restart.join()
    assert run.errors == []
    assert _steps(own_server.url, "offline", "resume-me", "loss") == [(i, float(i)) for i in range(15)] + [(100, 99.0)]
    assert _steps(own_server.url, "offline", "resume-me", "acc", {"subset": "val"}) == [(40, 1.0), (41, 2.0)]
    assert _steps(own_server.url, "offline", "resume-me", "new") == [(0, 7.0)]
    got = readback.run(own_server.url, "offline", "resume-me")
    assert got["status"] == "finished" and got["params"] == {"lr": 0.1, "epochs": 3} and got["tags"] == ["again"]
    assert got["values"][0]["value"] == "NaN"
    assert _spool_files(spool_dir) == []
    # After the answer the counters are absolute again: the next points follow on.
    with runcamp.Run("resume-me", repo="offline", url=own_server.url) as third:
        assert third.resumed is True
        third.track(15.0, name="loss")
    assert _steps(own_server.url, "offline", "resume-me", "loss")[-1] == (101, 15.0)


def test_a_new_run_in_a_new_campaign_with_the_server_down(own_server, spool_dir):
    grid = runcamp.Campaign("late-grid", repo=runcamp.Repo("offline", url=own_server.url, retry_for=0.5), params={"seeds": 2})
    assert grid.id is None  # the server is away: nothing raised
    runs = []
    for seed in (1, 2):
        run = runcamp.Run(repo="offline", url=own_server.url, campaign=grid, params={"seed": seed}, spill_after=0.5)
        for i in range(100):
            run.track(i / 100, name="loss", context={"subset": "train"})
        run.set_value("acc", 0.5 + seed / 10, context={"subset": "test"})
        runs.append(run)
    restart = _later(1.0, own_server.start)
    for run in runs:
        run.finish(timeout=60)
    restart.join()
    repo = runcamp.Repo("offline", url=own_server.url)
    camp = repo.campaign("late-grid")
    assert camp.params == {"seeds": 2} and sorted(camp.runs().ids) == sorted(r.id for r in runs)
    summary = camp.summary(metrics="acc", group_by=[])
    assert summary.iloc[0]["n"] == 2 and abs(summary.iloc[0]["mean"] - 0.65) < 1e-12
    for run in runs:
        assert len(readback.points(own_server.url, "offline", run.id, "loss", {"subset": "train"})) == 100


def test_finish_waits_close_timeout_for_the_server_and_the_exit_says_what_is_left(tmp_path, spool_dir):
    dead = Server(tmp_path / "never.db")  # never started
    script = textwrap.dedent(f"""
        import runcamp, time
        run = runcamp.Run(repo="offline", url={dead.url!r}, spill_after=0.3, close_timeout=2)
        for i in range(1000):
            run.track(i, name="loss")
        started = time.monotonic()
        run.finish()
        print(f"finish took {{time.monotonic() - started:.1f}}", flush=True)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env={**os.environ, "RUNCAMP_SPOOL_DIR": str(spool_dir)})
    assert done.returncode == 0, done.stderr
    took = float(done.stdout.split()[-1])
    assert 1.8 <= took <= 10
    left = [line for line in done.stderr.splitlines() if "still in the spool" in line]
    assert len(left) == 1, done.stderr
    assert "3 requests (1,000 points) of 1 run are" in left[0] and "python -m runcamp sync" in left[0] and str(spool_dir) in left[0]


def test_what_finished_runs_left_in_the_spool_is_resent_while_the_process_lives(own_server, spool_dir):
    own_server.start()
    run = runcamp.Run(repo="offline", url=own_server.url, spill_after=0.3)
    run.track(0.0, name="loss")
    assert run.flush(30)
    own_server.stop(kill=True)
    for i in range(1, 5000):
        run.track(float(i), name="loss")
    run.finish(timeout=0.5)  # gives up quickly: the rest stays in the spool
    assert _spool_files(spool_dir)
    own_server.start()
    # No new Run, no sync: the process's spool keeper sends it once the server answers.
    deadline = time.monotonic() + 30
    while _spool_files(spool_dir) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _spool_files(spool_dir) == []
    assert len(readback.points(own_server.url, "offline", run.id, "loss")) == 5000
    assert readback.run(own_server.url, "offline", run.id)["status"] == "finished"


TRAINING = """
    import runcamp, sys, time
    run = runcamp.Run(repo="stale", url=sys.argv[1], spill_after=0.3, heartbeat_interval=0.3)
    print(run.id, flush=True)
    i = 0
    while True:  # logs now and then; stays alive by heartbeats in between
        run.track(float(i), name="loss")
        i += 1
        run.flush(0.5)
        if run.stats["spooled_points"] and i % 10 == 0:
            print("spooled", i, flush=True)
        time.sleep(0.1 if run.stats["spooled_points"] else 1.0)
"""


def test_a_killed_training_goes_stale_and_the_next_process_resends_its_spool(tmp_path, spool_dir):
    server = Server(tmp_path / "stale.db", env={"RUNCAMP_STALE_AFTER_SECONDS": "2"}).start()
    proc = None
    try:
        env = {**os.environ, "RUNCAMP_SPOOL_DIR": str(spool_dir)}
        proc = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(TRAINING), server.url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        run_id = proc.stdout.readline().strip()
        assert run_id, proc.stderr.read()
        repo = runcamp.Repo("stale", url=server.url)
        time.sleep(3.0)  # longer than the staleness time, with only heartbeats and sparse points
        assert repo.run(run_id).stale is False
        server.stop(kill=True)
        while True:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            if line.startswith("spooled"):
                logged = int(line.split()[1])
                break
        proc.kill()  # SIGKILL: no finish, no exit hooks, the spool stays behind
        proc.wait()
        assert _spool_files(spool_dir)
        server.start()
        time.sleep(2.5)
        got = repo.run(run_id)
        assert got.status == "running" and got.stale is True
        assert repo.runs("stale", columns=None).ids == [run_id]
        # The next process (here: a Run of this one) re-sends what the killed one left.
        with runcamp.Run(repo="stale", url=server.url) as other:
            deadline = time.monotonic() + 30
            while _spool_files(spool_dir) and time.monotonic() < deadline:
                time.sleep(0.1)
        assert _spool_files(spool_dir) == []
        points = readback.points(server.url, "stale", run_id, "loss")
        assert [p[0] for p in points] == list(range(len(points))) and len(points) >= logged
        assert [r.id for r in repo.runs(columns=None)] == [run_id, other.id]
        time.sleep(2.5)
        closed = repo.close_stale_runs()
        assert closed.ids == [run_id] and closed[0].status == "killed"
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
        server.stop()
