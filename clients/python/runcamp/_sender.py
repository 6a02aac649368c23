"""The sending half of a ``Run``: its ordered queue and the thread that empties it.

The training thread appends points to their ``Series`` under ``lock`` (``Run.track``) and
other requests with ``enqueue``; ``cut`` moves every series' points into the ordered queue, a
group per series, and the sender thread cuts that into batches of at most ``batch_size``
points, sends them in order with the transport's retry policy, and spools
what it cannot deliver within ``spill_after`` seconds, then everything after it, until a
probe finds the server again (``probe``: the oldest spooled request gets one attempt; when
it lands the rest is re-sent first). At most ``max_queue`` points wait in memory: a full
queue makes ``wait_for_room`` wake the sender and wait. Without other traffic for
``heartbeat_interval`` seconds it sends a heartbeat.

It knows nothing of the Run: the Run hands it ``number`` (a batch with its steps as they
can be sent, and its spool kind) and ``on_bases`` (where each series stopped on the server,
when a spooled resume learns it), so this module never imports ``_run``.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from array import array
from collections import deque
from typing import Callable, Optional

import httpx

from ._delivery.keeper import SpoolKeeper
from ._delivery.spool import RunSpool, SpooledRequest
from ._delivery.sync import SyncReport, resend_run_spool
from ._delivery.transport import Outcome, Transport
from ._wire import encode_series

log = logging.getLogger("runcamp")


class Series:
    """One series of a run: its step counters (the Run's), its pre-encoded header and its
    points not yet cut, as columns in the order tracked. A point is grouped by series as it is
    tracked, so the sender never groups a batch point by point; and its numbers go into
    arrays, not into a tuple per point: the queue holds no object per point for the garbage
    collector to walk (full collections walked every queued tuple: bench/SDK-RESULTS.md).
    An epoch column exists once a point of the cut has an epoch; -1 stands for None there."""

    __slots__ = ("next_step", "header", "next_explicit", "steps", "values", "times", "epochs")

    def __init__(self, next_step: int, header: str) -> None:
        self.next_step = next_step
        self.header = header  # ``{"name":...,"context":...``, see _wire.encode_series
        self.next_explicit = 0  # past the explicit steps, while automatic ones are relative
        self.steps = array("q")
        self.values = array("d")
        self.times = array("d")
        self.epochs: Optional[array] = None

    def add_epoch(self, epoch: int) -> None:
        """The first epoch of the cut, of the point just appended: the points before it had none."""
        self.epochs = array("q", [-1]) * (len(self.steps) - 1)
        self.epochs.append(epoch)

    def take(self) -> tuple:
        """The points as a group ``(header, steps, values, times, epochs)``; the series starts empty."""
        group = (self.header, self.steps, self.values, self.times, self.epochs)
        self.steps, self.values, self.times, self.epochs = array("q"), array("d"), array("d"), None
        return group


def batches(groups: list, size: int):
    """Groups (``Series.take``) cut into lists of groups of ``size`` points in all (the last
    fewer), a series split where a batch ends; yields ``(groups, points)``."""
    batch: list = []
    n = 0
    for group in groups:
        count = len(group[1])
        start = 0
        while start < count:
            take = min(size - n, count - start)
            if take == count:
                batch.append(group)
            else:
                header, *columns = group
                batch.append((header, *(None if c is None else c[start : start + take] for c in columns)))
            n += take
            start += take
            if n == size:
                yield batch, n
                batch, n = [], 0
    if batch:
        yield batch, n


class Sender:
    """The queue of one run and its sender thread (``start``, then ``stop``)."""

    def __init__(
        self,
        *,
        run_id: str,
        url: str,
        path: str,
        spool: RunSpool,
        transport: Transport,
        number: Callable[[list], tuple],
        on_bases: Callable[[dict], None],
        batch_size: int,
        flush_interval: float,
        max_queue: int,
        spill_after: float,
        heartbeat_interval: float,
    ) -> None:
        self.run_id = run_id
        self.url = url
        self.path = path
        self.spool = spool
        self.transport = transport
        self.keeper: Optional[SpoolKeeper] = None  # given to start()
        self.number = number
        self.on_bases = on_bases
        self.batch_size = batch_size
        self.interval = flush_interval
        self.max_queue = max_queue
        self.spill_after = spill_after
        self.heartbeat_interval = heartbeat_interval

        self.errors: list = []
        self.stats = {
            "delivered_points": 0,
            "delivered_requests": 0,
            "spooled_points": 0,
            "spooled_requests": 0,
            "resent_requests": 0,
            "dropped_requests": 0,
            "dropped_log_lines": 0,
            "retries": 0,
            "heartbeats": 0,
        }
        self.lock = threading.Lock()  # pending, ops, queued, closed, attention, the Series' columns
        self.pending: list = []  # the Series with points since the last cut
        self.ops: deque = deque()  # (seq, list of groups (Series.take) | SpooledRequest)
        self.queued = 0  # points not yet delivered or spooled
        self._cut_points = 0  # of them, those in ops
        # track() calls attend() when queued reaches this: batch_size points wait to be cut,
        # or the queue is full. One comparison on the training thread's path for both.
        self.attention = min(batch_size, max_queue)
        self.closed = False
        self.logs_refused = False  # a batch of log lines was refused (the run's logs are full)
        self._enq_seq = 0
        self._done_seq = 0
        self._room = threading.Condition(threading.Lock())  # done_seq / queued changed
        self.wake = threading.Event()
        self._hurry = threading.Event()  # cuts a backoff sleep short
        self._stopping = False
        self._deadline: Optional[float] = None
        self.offline = False
        self._probe_attempt = 0
        self._next_probe = 0.0
        self._last_contact = time.monotonic()
        # Called by the sender thread every ``flush_interval`` (the Run queues its captured log lines).
        self.tick: Optional[Callable[[], None]] = None
        self._thread = threading.Thread(target=self._run, name=f"runcamp-sender-{run_id[:8]}", daemon=True)

    # ---- the Run's side ----------------------------------------------------------------

    def start(self, keeper: SpoolKeeper) -> None:
        """Starts the thread; ``keeper`` is woken when the server answers again."""
        self.keeper = keeper
        self._thread.start()

    def attend(self, queued: int) -> None:
        """track() queued the ``queued``-th point: wake the sender for a full batch, or wait for room."""
        if queued >= self.max_queue:
            self.wait_for_room()
            return
        with self.lock:  # once per batch: track() goes on without calling here until the next one
            self.attention = min(queued + self.batch_size, self.max_queue)
        self.wake.set()

    def _aim(self) -> None:
        """``attention`` from the counts (lock held)."""
        self.attention = min(self._cut_points + self.batch_size, self.max_queue)

    def wait_for_room(self) -> None:
        self._hurry.set()
        self.wake.set()
        with self._room:
            while self.queued >= self.max_queue and not self._stopping and self._thread.is_alive():
                self._room.wait(0.1)

    def enqueue(self, req: SpooledRequest) -> None:
        with self.lock:
            if self.closed:
                raise RuntimeError(f"runcamp: run {self.run_id} is finished")
            self.cut()
            self._enq_seq += 1
            self.ops.append((self._enq_seq, req))
        self.wake.set()

    def cut(self) -> None:
        """Moves the pending points into the ordered queue, a group per series (lock held)."""
        if self.pending:
            self._enq_seq += 1
            self.ops.append((self._enq_seq, [series.take() for series in self.pending]))
            self.pending = []
            self._cut_points = self.queued
            self._aim()

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Waits until everything queued so far was delivered or spooled. False on timeout."""
        with self.lock:
            self.cut()
            target = self._enq_seq
        self.wake.set()
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._room:
            while self._done_seq < target:
                if not self._thread.is_alive():
                    return False
                remaining = 0.5 if deadline is None else min(0.5, deadline - time.monotonic())
                if remaining <= 0:
                    return False
                self._room.wait(remaining)
        return True

    def stop(self, timeout: float) -> bool:
        """Sends (or spools) what is queued, for up to ``timeout`` seconds, and ends the
        thread. False when it was stopped already."""
        with self.lock:
            if self.closed:
                return False
            self.closed = True
            self.cut()
        self._deadline = time.monotonic() + timeout
        self._stopping = True
        self.wake.set()
        self._thread.join()
        return True

    def spill(self, req: SpooledRequest) -> None:
        """To the spool (retrying a failed disk write, which holds ``track()`` back)."""
        if req.kind == "artifact" and req.body_file is not None and not os.access(req.body_file, os.R_OK):
            self.record_error(f"{req.method} {req.path}: dropped, its file {req.body_file} cannot be read")
            self.stats["dropped_requests"] += 1
            return
        while True:
            try:
                self.spool.write(req)
                break
            except OSError as e:
                # A full or read-only disk: keep the batch in this thread and try again,
                # which holds track() back through the bounded queue rather than lose it.
                self.record_error(f"cannot write the spool {self.spool.dir}: {e}; retrying")
                time.sleep(1.0)
        self.stats["spooled_requests"] += 1
        self.stats["spooled_points"] += req.points

    def go_offline(self) -> None:
        if not self.offline:
            log.warning("runcamp: the server at %s is unreachable; spooling run %s to %s", self.url, self.run_id, self.spool.dir)
        self.offline = True
        self._probe_attempt = 0
        self._next_probe = time.monotonic() + 1.0

    def record_error(self, message: str) -> None:
        log.warning("runcamp: %s", message)
        self.errors.append(message)

    # ---- the sender thread ---------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                timeout = self.interval
                if self.offline:
                    timeout = max(0.0, min(timeout, self._next_probe - time.monotonic()))
                self.wake.wait(timeout)
                self.wake.clear()
                if self.tick is not None and not self._stopping:
                    self.tick()
                if self.offline and (time.monotonic() >= self._next_probe or self._stopping):
                    self._probe()
                self._drain()
                if self._stopping:
                    with self.lock:
                        empty = not self.ops and not self.pending
                    # Offline, finish() waits for the server up to close_timeout, probing.
                    if empty and (not self.offline or self._past_deadline()):
                        return
                    if empty:
                        self._hurry.wait(min(0.5, max(0.0, self._deadline - time.monotonic())))
                elif not self.offline and time.monotonic() - self._last_contact >= self.heartbeat_interval:
                    self._heartbeat()
        except BaseException as e:  # pragma: no cover - keeps flush() from waiting forever
            log.error("runcamp: the sender of run %s stopped: %r", self.run_id, e)
            self.errors.append(f"sender stopped: {e!r}")
        finally:
            with self._room:
                self._room.notify_all()

    def _drain(self) -> None:
        first = True
        while True:
            with self.lock:
                if not self.ops and (first or self._stopping or self.queued - self._cut_points >= self.batch_size):
                    self.cut()
                if not self.ops:
                    return
                seq, payload = self.ops.popleft()
            first = False
            if isinstance(payload, list):
                for groups, n in batches(payload, self.batch_size):
                    groups, kind = self.number(groups)
                    self._send(SpooledRequest(self.url, "POST", f"{self.path}/metrics", encode_series(groups), kind, n))
                    with self.lock:
                        self.queued -= n
                        self._cut_points -= n
                        self._aim()
                    with self._room:
                        self._room.notify_all()
                    if self.queued < self.max_queue and not self._past_deadline():
                        self._hurry.clear()
            else:
                self._send(payload)
            with self._room:
                self._done_seq = seq
                self._room.notify_all()

    def _past_deadline(self) -> bool:
        return self._deadline is not None and time.monotonic() >= self._deadline

    def _give_up(self, started: float):
        def give_up(delay: float) -> bool:
            if self.queued >= self.max_queue or self._past_deadline():
                return True  # track() is waiting for room, or close() for the end
            limit = self.spill_after
            if self._deadline is not None:
                limit = min(limit, self._deadline - started)
            return time.monotonic() - started + delay > limit

        return give_up

    def _sleep(self, delay: float) -> None:
        self.stats["retries"] += 1
        if self._deadline is not None:
            delay = min(delay, max(0.0, self._deadline - time.monotonic()))
        self._hurry.wait(delay)

    def _send(self, req: SpooledRequest) -> None:
        if self.offline:
            self.spill(req)
            return
        outcome = self.transport.deliver(req, self._give_up(time.monotonic()), self._sleep, self.record_error)
        if outcome is Outcome.DELIVERED:
            self._last_contact = time.monotonic()
            self.stats["delivered_requests"] += 1
            self.stats["delivered_points"] += req.points
        elif outcome is Outcome.DROPPED:
            self.stats["dropped_requests"] += 1
            if req.kind == "logs":
                self.logs_refused = True
        else:
            self.spill(req)
            self.go_offline()

    def _heartbeat(self) -> None:
        """Tells the server the process is alive (a failure is left to the next send to find)."""
        self._last_contact = time.monotonic()
        try:
            self.transport.request("POST", f"{self.path}/heartbeat", None, timeout=5.0)
            self.stats["heartbeats"] += 1
        except httpx.HTTPError:
            pass

    def _probe(self) -> None:
        """Offline: tries the oldest spooled request; when it lands, re-sends the rest."""
        report = SyncReport()
        probing = [True]

        def give_up_factory():
            if probing[0]:  # the oldest request gets a single attempt: this is the probe
                probing[0] = False
                return lambda delay: True
            return self._give_up(time.monotonic())

        done = resend_run_spool(self.spool, self.transport, report, give_up_factory=give_up_factory, on_bases=self.on_bases)
        self.stats["resent_requests"] += report.requests
        self.stats["dropped_requests"] += report.dropped
        for e in report.errors:
            self.record_error(e)
        if done:
            if self.offline:
                log.warning("runcamp: the server at %s answers again; run %s re-sent %d spooled requests", self.url, self.run_id, report.requests)
                if self.keeper is not None:
                    self.keeper.wake()  # other runs' leftovers can go too
            self.offline = False
            self._last_contact = time.monotonic()
        else:
            self._probe_attempt += 1
            window = min(30.0, 2.0**self._probe_attempt)
            self._next_probe = time.monotonic() + window / 2 + random.uniform(0, window / 2)
