"""Faults: the server goes away while a run logs, processes die with a spool on disk,
the network drops requests and answers. In every case each point lands exactly once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import readback
import runcamp
from proxy import FlakyProxy
from server import free_port


def _expect_series(url: str, repo: str, run_id: str, name: str, n: int, value=lambda i: i * 0.5, context=None) -> None:
    points = readback.points(url, repo, run_id, name, context)
    assert len(points) == n
    assert [p[0] for p in points] == list(range(n))
    assert all(p[1] == value(i) for i, p in enumerate(points))


def _spool_files(spool: Path) -> list:
    return sorted(p for p in spool.rglob("*.json")) if spool.exists() else []


def test_server_stopped_while_logging_and_restarted(own_server):
    own_server.start()
    run = runcamp.Run(repo="faults", url=own_server.url, spill_after=60)
    minimum = 150_000
    restarted = threading.Event()
    logged = [0]

    # The training loop keeps logging until the server is back (and at least `minimum`
    # points), so sends are certainly attempted while it is down, however fast this machine is.
    def log():
        i = 0
        while i < minimum or not restarted.is_set():
            run.track(i * 0.5, name="loss", context={"subset": "train"})
            i += 1
            if i % 1000 == 0:
                time.sleep(0.005)
        logged[0] = i

    logger = threading.Thread(target=log)
    logger.start()
    time.sleep(0.3)
    own_server.stop()
    time.sleep(2.0)
    own_server.start()
    restarted.set()
    logger.join()
    run.finish()
    # Sends failed and were retried; if the queue filled meanwhile, the overflow went through
    # the spool and was re-sent. Either way every point is there exactly once.
    assert run.stats["retries"] > 0 and run.errors == []
    _expect_series(own_server.url, "faults", run.id, "loss", logged[0], context={"subset": "train"})


def test_server_down_longer_than_spill_after_spools_and_resends(own_server, spool_dir):
    own_server.start()
    run = runcamp.Run(repo="faults", url=own_server.url, spill_after=0.3)
    for i in range(20_000):
        run.track(i * 0.5, name="loss")
    assert run.flush(30)
    own_server.stop(kill=True)
    for i in range(20_000, 70_000):
        run.track(i * 0.5, name="loss")
    run.set_value("note", "logged while down")
    assert run.flush(30)
    assert run.stats["spooled_points"] > 0 and _spool_files(spool_dir)
    own_server.start()
    for i in range(70_000, 90_000):
        run.track(i * 0.5, name="loss")
    run.finish()
    assert run.stats["resent_requests"] > 0 and run.errors == []
    _expect_series(own_server.url, "faults", run.id, "loss", 90_000)
    got = readback.run(own_server.url, "faults", run.id)
    assert got["status"] == "finished" and got["values"][0]["value"] == "logged while down"
    assert _spool_files(spool_dir) == []


def _spawn_logger(url: str, spool: Path, body: str) -> subprocess.Popen:
    code = "import runcamp, sys, time\nurl = sys.argv[1]\n" + textwrap.dedent(body)
    env = {**__import__("os").environ, "RUNCAMP_SPOOL_DIR": str(spool)}
    return subprocess.Popen([sys.executable, "-c", code, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


KILLED_LOGGER = """
    run = runcamp.Run(repo="faults", url=url, params={"lr": 0.1}, spill_after=0.3)
    for i in range(30_000):
        run.track(i * 0.5, name="loss")
    run.set_value("acc", 0.5)
    assert run.flush(60)
    print(run.id, run.stats["spooled_points"], flush=True)
    time.sleep(600)  # killed here, with everything in the spool
"""


def _run_killed_logger(url: str, spool: Path) -> str:
    proc = _spawn_logger(url, spool, KILLED_LOGGER)
    line = proc.stdout.readline().split()
    assert line, proc.stderr.read() if proc.poll() is not None else "no output"
    run_id, spooled = line[0], int(line[1])
    assert spooled == 30_000
    proc.kill()
    proc.wait()
    assert _spool_files(spool)
    return run_id


def test_a_spool_left_by_a_killed_process_is_resent_by_the_next_run(own_server, spool_dir):
    run_id = _run_killed_logger(own_server.url, spool_dir)  # the server is not up yet
    own_server.start()
    other = runcamp.Run(repo="faults", url=own_server.url)  # re-sends leftovers in the background
    deadline = time.monotonic() + 30
    while _spool_files(spool_dir) and time.monotonic() < deadline:
        time.sleep(0.1)
    other.finish()
    assert _spool_files(spool_dir) == []
    _expect_series(own_server.url, "faults", run_id, "loss", 30_000)
    got = readback.run(own_server.url, "faults", run_id)
    assert got["params"] == {"lr": 0.1} and got["values"][0]["value"] == 0.5
    assert got["status"] == "running"  # it never finished


def test_resuming_the_run_of_a_killed_process_resends_its_spool_first(own_server, spool_dir):
    run_id = _run_killed_logger(own_server.url, spool_dir)
    own_server.start()
    with runcamp.Run(run_id, repo="faults", url=own_server.url) as run:
        assert run.resumed and run.stats["resent_requests"] > 0
        for i in range(30_000, 30_010):
            run.track(i * 0.5, name="loss")  # continues at step 30,000
    _expect_series(own_server.url, "faults", run_id, "loss", 30_010)
    assert readback.run(own_server.url, "faults", run_id)["status"] == "finished"
    assert _spool_files(spool_dir) == []


def test_runcamp_sync_resends_a_spool_to_another_url(own_server, spool_dir):
    dead = f"http://127.0.0.1:{free_port()}"
    proc = _spawn_logger(
        dead,
        spool_dir,
        """
        with runcamp.Run(repo="faults", url=url, spill_after=0.3, close_timeout=5) as run:
            for i in range(25_000):
                run.track(i * 0.5, name="loss", context={"subset": "val"})
        print(run.id, flush=True)
    """,
    )
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    run_id = out.split()[0]
    assert "runcamp sync" in err  # the warning tells the user what to do
    own_server.start()
    sync = subprocess.run(
        [sys.executable, "-m", "runcamp", "sync", "--spool", str(spool_dir), "--url", own_server.url], capture_output=True, text=True, timeout=120
    )
    assert sync.returncode == 0, sync.stdout + sync.stderr
    assert "25000 points" in sync.stdout and "0 left" in sync.stdout
    _expect_series(own_server.url, "faults", run_id, "loss", 25_000, context={"subset": "val"})
    assert readback.run(own_server.url, "faults", run_id)["status"] == "finished"  # the spooled finish landed last
    assert _spool_files(spool_dir) == []


def test_dropped_connections_lost_answers_429_and_503_are_retried_without_duplicates(server):
    def fault(n, method, path):
        if method == "POST" and path.endswith("/metrics"):
            if n % 5 == 1:
                return "refuse"
            if n % 5 == 3:
                return 503
            if n % 7 == 2:
                return 429
            if n % 4 == 0:
                return "lost"  # the server applied the batch; the client never heard
        return None

    proxy = FlakyProxy(server.url, fault)
    try:
        with runcamp.Run(repo="faults", url=proxy.url, batch_size=4_000, spill_after=60) as run:
            for i in range(40_000):
                run.track(i * 0.5, name="loss", context={"subset": "train"})
                run.track(i * 0.5, name="loss", context={"subset": "val"})
    finally:
        proxy.close()
    assert proxy.injected > 10 and run.stats["retries"] >= proxy.injected and run.stats["spooled_points"] == 0 and run.errors == []
    for subset in ("train", "val"):
        _expect_series(server.url, "faults", run.id, "loss", 40_000, context={"subset": subset})


def test_a_full_queue_spools_at_once_instead_of_dropping_or_blocking(own_server, spool_dir):
    own_server.start()
    run = runcamp.Run(repo="faults", url=own_server.url, batch_size=1_000, max_queue=1_000, spill_after=60)
    own_server.stop()
    started = time.monotonic()
    for i in range(20_000):
        run.track(i * 0.5, name="loss")
    assert time.monotonic() - started < 30  # track() waited for disk writes only, not for 60 s retries
    assert run.stats["spooled_points"] > 0
    own_server.start()
    run.finish()
    _expect_series(own_server.url, "faults", run.id, "loss", 20_000)
    assert _spool_files(spool_dir) == []
