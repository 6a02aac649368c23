"""The process's spool keeper: for as long as the process lives, it re-sends what is in the
spool for the servers its runs talk to, whoever left it there (a run of this process that
finished while the server was away, or an earlier process that ended or was killed).

One daemon thread per (spool directory, server). It only sends when the server answers a
health check, so it never holds a run's spool directory while the server is away (a run
resumed by id may want that directory). Between passes it waits with backoff (2 s, doubling,
at most 30 s) while something is left, a minute otherwise; a run that finds the server back,
or finishes with leftovers, wakes it. At exit, ``report_at_exit`` gives the server one last
chance and prints one line if anything is still in the spool.
"""

from __future__ import annotations

import logging
import random
import sys
import threading
import time
from pathlib import Path
from typing import Optional

import httpx

from .sync import spool_contents, sync_spool

log = logging.getLogger("runcamp")

_keepers: dict = {}
_keepers_lock = threading.Lock()


def server_answers(url: str, token: Optional[str], timeout: float = 2.0) -> bool:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    try:
        return httpx.get(f"{url}/health", headers=headers, timeout=timeout).status_code < 500
    except httpx.HTTPError:
        return False


class SpoolKeeper:
    def __init__(self, root: Path, url: str, token: Optional[str]) -> None:
        self.root = Path(root)
        self.url = url
        self.token = token
        self._wake = threading.Event()
        self._stop = False
        self._passing = threading.Lock()  # held during a pass
        self._thread = threading.Thread(target=self._loop, name="runcamp-spool-keeper", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def send_now(self, give_up_after: float = 10.0) -> None:
        """One pass, in the calling thread (waits for a pass the keeper is making)."""
        with self._passing:
            if not self.root.is_dir() or not server_answers(self.url, self.token):
                return
            report = sync_spool(self.root, token=self.token, only_url=self.url, give_up_after=give_up_after)
            if report.requests:
                log.info("runcamp: re-sent %d spooled requests (%d points) of %d runs to %s", report.requests, report.points, report.runs, self.url)

    def stop(self, timeout: float) -> None:
        self._stop = True
        self._wake.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        attempt = 0
        while not self._stop:
            left = 0
            try:
                with self._passing:
                    if self.root.is_dir() and server_answers(self.url, self.token):
                        report = sync_spool(self.root, token=self.token, only_url=self.url, give_up_after=2.0, should_stop=lambda: self._stop)
                        left = report.left
                        if report.requests:
                            log.info("runcamp: re-sent %d spooled requests (%d points) of %d runs to %s", report.requests, report.points, report.runs, self.url)
                    elif self.root.is_dir():
                        left = spool_contents(self.root, self.url).requests
            except Exception as e:  # pragma: no cover - the keeper must not die
                log.warning("runcamp: re-sending the spool failed: %r", e)
                left = 1
            if left:
                attempt += 1
                window = min(30.0, 2.0**attempt)
                wait = window / 2 + random.uniform(0, window / 2)
            else:
                attempt = 0
                wait = 60.0
            self._wake.wait(wait)
            self._wake.clear()


def keeper_for(root: Path, url: str, token: Optional[str]) -> SpoolKeeper:
    key = (str(root), url)
    with _keepers_lock:
        keeper = _keepers.get(key)
        if keeper is None:
            keeper = _keepers[key] = SpoolKeeper(root, url, token)
        return keeper


def report_at_exit(timeout: float) -> None:
    """Last chance for the spool, then one line on stderr if anything is still in it."""
    with _keepers_lock:
        keepers = list(_keepers.values())
    deadline = time.monotonic() + timeout
    for keeper in keepers:
        keeper.stop(max(0.0, deadline - time.monotonic()))
        if time.monotonic() < deadline:
            keeper.send_now(give_up_after=max(0.5, min(5.0, deadline - time.monotonic())))
    for keeper in keepers:
        if not keeper.root.is_dir():
            continue
        left = spool_contents(keeper.root, keeper.url)
        if left.requests:
            print(
                f"runcamp: {left.requests} requests ({left.points:,} points) of {left.runs} run{'' if left.runs == 1 else 's'} "
                f"are still in the spool {keeper.root}: the server at {keeper.url} did not take them. "
                "The next runcamp.Run that reaches it sends them, or now: python -m runcamp sync",
                file=sys.stderr,
                flush=True,
            )
