"""``runcamp.Run``: log a training run without ever waiting on the network.

The training thread only appends a tuple to its series' list under a lock (``track()``); a
sender thread cuts those lists into batches (every ``flush_interval`` seconds or
``batch_size`` points), encodes them to JSON and sends them. Failed sends are retried with backoff and
jitter; a batch that cannot be delivered within ``spill_after`` seconds goes to the spool
on disk, and so does everything after it until the server answers again (then the spool is
re-sent first, so the server sees requests in the order they were made). Steps are chosen
here, per series, so a re-sent batch overwrites exactly the points it carried: nothing is
ever duplicated.

Bounded queue: at most ``max_queue`` points wait in memory. When the queue is full,
``track()`` wakes the sender and waits until there is room; while the server is unreachable
the sender then spools at once instead of retrying, so the wait is one disk write. Points
are never dropped silently: the only points ever dropped are those the server rejects as
invalid (reported in ``run.errors`` and logged).

The server may be away from the start: creating or resuming the run (and creating its
campaign) then goes to the spool like any other request and is replayed first, in order.
A run resumed by id while the server is away cannot know where its series stopped, so its
automatic steps are kept relative (step ``-1 - k`` for the k-th) until the server answers:
then they are numbered from each series' last step + 1 there (``_delivery/sync.py``). While the
process lives the sender keeps trying with backoff; ``finish()`` waits up to
``close_timeout``; the process's spool keeper (``_delivery/keeper.py``) re-sends what finished runs
and earlier processes left. The sender also sends a heartbeat every ``heartbeat_interval``
seconds without other traffic, so the server can tell a silent run from a dead one.

The queue and the sender thread are ``_sender.Sender``; this module keeps what is the run's
own: checking and numbering points per series, creating or resuming the run, its API.

Beside what is logged by hand, a run captures the process's stdout and stderr as log lines
(``_logs.py``; queued with the points every ``flush_interval``, POST .../logs, spooled like
them) and samples system metrics (``_system.py``; tracked as ``system/...`` series), both on
by default. How the process ends sets the final status (``_close_runs_at_exit``): an
uncaught exception ``failed`` with ``failure: {type, message}``, SIGTERM or SIGINT
(KeyboardInterrupt) ``killed``, else ``finished``. An exception that ends another thread, or
a notebook cell, does not end the process and does not fail the run (``_crashes.py`` has the
rule: its traceback goes into the logs, a thread's also into ``failure``).
"""

from __future__ import annotations

import atexit
import json
import logging
import math
import os
import re
import signal
import sys
import threading
import time
import uuid
from array import array
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Optional, Union

from ._artifacts import (
    CONFUSION_TYPE,
    artifact_query,
    artifact_url,
    check_artifact_path,
    download_artifact,
    encode_confusion,
    figure_png,
    guess_content_type,
    list_artifacts,
    name_issue,
    step_artifact_path,
    utf16_len,
)
from ._crashes import failure_of, install_cell_hook, install_thread_hook, traceback_text
from ._delivery.keeper import keeper_for, report_at_exit
from ._delivery.spool import RunSpool, SpooledRequest, default_spool_dir
from ._delivery.sync import SyncReport, all_series, resend_run_spool, series_key_text
from ._delivery.transport import Transport
from ._errors import DEFAULT_URL, RuncampError
from ._inputs import wire_input
from ._logs import LogLines, OutputCapture
from ._provenance import capture_provenance
from ._read import campaign_ensure_request
from ._sender import Sender, Series
from ._system import SystemSampler
from ._values import wire_value
from ._wire import as_float, as_index, dumps, encode_log_lines

log = logging.getLogger("runcamp")

_CONTEXT_SCALARS = (str, int, float, bool)
_now = time.time  # track()'s clock: one global lookup on its path


def _series_prefix(name: str, context: Optional[Mapping]) -> str:
    """The series' entry in a columnar body up to its columns: ``{"name":...,"context":...``."""
    head = '{"name":' + json.dumps(name)
    if context:
        head += ',"context":' + json.dumps(dict(sorted(context.items())), separators=(",", ":"), allow_nan=False)
    return head


def _check_value_name(name: Any) -> None:
    if not isinstance(name, str) or not 1 <= utf16_len(name) <= 255:
        raise ValueError(f"runcamp: a value name must be a string of 1-255 characters, got {name!r:.80}")


def _check_series(name: Any, context: Optional[Mapping]) -> None:
    if not isinstance(name, str) or not 1 <= utf16_len(name) <= 255:
        raise ValueError(f"runcamp: a metric name must be a string of 1-255 characters, got {name!r:.80}")
    if name_issue(name):
        raise ValueError(f"runcamp: a name {name_issue(name)}")
    _check_context(context)


def _check_context(context: Optional[Mapping]) -> None:
    if context:
        if not isinstance(context, Mapping):
            raise TypeError("runcamp: context must be a dict")
        if len(context) > 16:
            raise ValueError("runcamp: a context has at most 16 keys")
        for k, v in context.items():
            if not isinstance(k, str) or not isinstance(v, _CONTEXT_SCALARS):
                raise TypeError(f"runcamp: context keys are strings and values str/int/float/bool; got {k!r:.40}: {type(v).__name__}")
            if isinstance(v, float) and not math.isfinite(v):
                raise ValueError("runcamp: context values must be finite")
            for text in (k, v) if isinstance(v, str) else (k,):
                if utf16_len(text) > 255:
                    raise ValueError("runcamp: context keys and string values have at most 255 characters")
                if name_issue(text):
                    raise ValueError(f"runcamp: a context key or string value {name_issue(text)}")


# Runs still open, finished (or flushed) at interpreter exit.
_live_runs: set = set()
_live_lock = threading.Lock()
# How the process is ending: (status, failure) set by the excepthook or a signal handler.
_ending: Optional[tuple] = None
_hooks_installed = False
_signals_installed = False
_killed_by: Optional[int] = None  # SIGTERM received with the default action: re-raised at exit
_signal_exit: Optional[BaseException] = None  # what a handler set before ours raised (sys.exit in it)
_capturing: Optional[Run] = None  # the one run capturing stdout/stderr (under _live_lock)
_RUN_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_OFF = ("0", "false", "no", "off")


def _final_status(exc_type: Any, exc: Any) -> tuple:
    """The final status of a run that ends with this exception (``exc_type`` None: none),
    and its failure (None unless ``failed``)."""
    if exc_type is None:
        return "finished", None
    if _killed_by is not None or exc is _signal_exit or issubclass(exc_type, KeyboardInterrupt):
        return "killed", None
    if exc_type is SystemExit and getattr(exc, "code", None) in (None, 0):
        return "finished", None
    return "failed", failure_of(exc_type, exc)


def _install_exit_hooks() -> None:
    global _hooks_installed
    if _hooks_installed:
        return
    _hooks_installed = True
    previous = sys.excepthook

    def excepthook(tp, value, tb):  # remembers what the script died of (the traceback is printed, so captured)
        global _ending
        _ending = _final_status(tp, value)
        previous(tp, value, tb)

    sys.excepthook = excepthook
    install_thread_hook(_note_thread_failure, _log_to_capturing_run)
    install_cell_hook(_log_to_capturing_run)
    atexit.register(_close_runs_at_exit)


def _note_thread_failure(failure: dict) -> None:
    with _live_lock:
        runs = list(_live_runs)
    for run in runs:
        run._note_thread_failure(failure)


def _log_to_capturing_run(text: str) -> None:
    with _live_lock:
        run = _capturing
    if run is not None:
        run._log_text(text)


def _install_signal_handlers() -> None:
    """SIGTERM and SIGINT mark the runs ``killed``, then do what they did before: a handler
    set before is called; the default SIGINT raises KeyboardInterrupt; the default SIGTERM
    raises SystemExit here (so ``with`` blocks and atexit finish the runs) and is re-raised
    with its default action once they are closed (``_close_runs_at_exit``). Main thread only."""
    global _signals_installed
    if _signals_installed or threading.current_thread() is not threading.main_thread():
        return
    _signals_installed = True
    for signum in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(signum)
        if previous in (signal.SIG_IGN, None):
            continue  # ignored (or set from C): leave it

        def handler(num, frame, previous=previous):
            global _killed_by, _ending, _signal_exit
            if callable(previous):
                try:
                    previous(num, frame)
                except KeyboardInterrupt:  # default_int_handler: the excepthook or a with block sees it
                    raise
                except BaseException as e:  # e.g. sys.exit() in the script's own handler
                    _signal_exit = e
                    _ending = ("killed", None)
                    raise
                return  # it dealt with the signal and the script goes on
            if _killed_by is not None:
                return  # a second SIGTERM while the runs are being closed: let them close
            _killed_by = num  # SIG_DFL
            _ending = ("killed", None)
            raise SystemExit(128 + num)

        signal.signal(signum, handler)


def _close_runs_at_exit() -> None:
    with _live_lock:
        runs = list(_live_runs)
    # One deadline for all: open runs wait for the server together, not one after another.
    wait = max([run._close_timeout for run in runs], default=10.0)
    deadline = time.monotonic() + wait
    status, failure = _ending or ("finished", None)
    for run in runs:
        try:
            remaining = max(0.0, deadline - time.monotonic())
            if run._finish_at_exit:
                run.finish(status, timeout=remaining, failure=failure)
            else:
                run.close(remaining)
        except Exception as e:  # pragma: no cover - never mask the script's own exit
            log.warning("runcamp: closing run %s at exit failed: %s", run.id, e)
    try:
        report_at_exit(max(2.0, min(10.0, deadline - time.monotonic())))
    except Exception as e:  # pragma: no cover
        log.warning("runcamp: re-sending the spool at exit failed: %s", e)
    if _killed_by is not None:  # the default action of the signal, now that the runs are closed
        signal.signal(_killed_by, signal.SIG_DFL)
        os.kill(os.getpid(), _killed_by)


def _switch(value: Optional[bool], env: str) -> bool:
    """An explicit argument wins; else the environment variable (on unless 0/false/no/off)."""
    if value is not None:
        return bool(value)
    return os.environ.get(env, "1").strip().lower() not in _OFF


class Run:
    """A run on a runcamp server.

    ``Run(repo="cifar", experiment="resnet", params={...})`` creates a run;
    ``Run(run_id="...", repo="cifar")`` creates it with that id or, when it exists, resumes
    it: every series continues at its last step + 1 (when the server is away at that
    moment, from the moment it answers). ``campaign`` (a name, or a ``runcamp.Campaign``)
    is created when missing. None of this needs the server to be up.
    """

    def __init__(
        self,
        run_id: Optional[str] = None,
        *,
        repo: Optional[str] = None,
        experiment: Optional[str] = None,
        name: Optional[str] = None,
        description: Optional[str] = None,
        params: Optional[Mapping[str, Any]] = None,
        tags: Optional[list] = None,
        campaign: Any = None,
        url: Optional[str] = None,
        token: Optional[str] = None,
        provenance: Union[bool, Mapping[str, Any]] = False,
        spool_dir: Optional[Union[str, Path]] = None,
        batch_size: int = 10_000,
        flush_interval: float = 0.5,
        max_queue: int = 500_000,
        spill_after: float = 10.0,
        close_timeout: float = 60.0,
        finish_at_exit: bool = True,
        timeout: float = 60.0,
        heartbeat_interval: float = 30.0,
        capture_logs: Optional[bool] = None,
        system_metrics: Optional[bool] = None,
        system_metrics_interval: float = 10.0,
    ) -> None:
        self.repo = repo or os.environ.get("RUNCAMP_REPO") or "default"
        self.url = (url or os.environ.get("RUNCAMP_URL") or DEFAULT_URL).rstrip("/")
        token = token if token is not None else os.environ.get("RUNCAMP_TOKEN")
        self.id = run_id or uuid.uuid4().hex
        if not _RUN_ID.match(self.id):
            raise ValueError(f"runcamp: a run id is 1-64 characters of A-Z, a-z, 0-9, '_' or '-', got {self.id!r:.80}")
        self.name = name
        # False: created; True: an existing run resumed; None: not known yet (the server was away).
        self.resumed: Optional[bool] = False

        self._path = f"/v1/repos/{self.repo}/runs/{self.id}"
        batch_size = max(1, min(int(batch_size), 100_000))
        self._spill_after = spill_after
        self._close_timeout = close_timeout
        self._finish_at_exit = finish_at_exit
        # The run's series by series_key_text (one per series on the server), and the two
        # lookups track() makes before that (sender's lock): by name without a context, and
        # by (name, the context's items as given) -> (Series, the values' types or None).
        self._series: dict = {}
        self._by_name: dict = {}
        self._by_items: dict = {}
        # Resumed while the server was away: automatic steps are relative until the bases
        # (where each series stopped on the server) are known.
        self._relative = False
        self._was_relative = False
        self._base_by_prefix: Optional[dict] = None
        # Creating or resuming waits this long for the server before going to the spool.
        self._start_wait = min(spill_after, 1.0)

        self._spool_root = Path(spool_dir) if spool_dir is not None else default_spool_dir()
        self._spool = RunSpool(self._spool_root, self.repo, self.id)
        self._transport = Transport(self.url, token, timeout)
        self._token = token
        self._sender = Sender(
            run_id=self.id,
            url=self.url,
            path=self._path,
            spool=self._spool,
            transport=self._transport,
            number=self._number,
            on_bases=self._apply_bases,
            batch_size=batch_size,
            flush_interval=flush_interval,
            max_queue=max(int(max_queue), batch_size),
            spill_after=spill_after,
            heartbeat_interval=heartbeat_interval,
        )
        self._lock = self._sender.lock  # one lock for the series and the queue (track() takes it once)
        self.errors: list = self._sender.errors
        self.stats: dict = self._sender.stats
        self._log_lines: Optional[LogLines] = None
        self._thread_failure: Optional[dict] = None  # the first exception that ended a thread while the run was open
        self._capture: Optional[OutputCapture] = None
        self._logs_lock = threading.Lock()  # lines are queued in seq order, the last batch before the status
        self._sampler: Optional[SystemSampler] = None
        # Where the run's log lines stopped on the server (resume), else 0.
        self._first_seq = 0
        capture_logs = _switch(capture_logs, "RUNCAMP_CAPTURE_LOGS")

        campaign_name = None
        if campaign is not None:
            campaign_name = getattr(campaign, "name", campaign)
            if not isinstance(campaign_name, str) or not 1 <= len(campaign_name) <= 255:
                raise ValueError("runcamp: campaign is a name of 1-255 characters or a runcamp.Campaign")
        body: dict = {"id": self.id}
        for key, value in (("name", name), ("experiment", experiment), ("description", description), ("campaign", campaign_name)):
            if value is not None:
                body[key] = value
        if params is not None:
            body["params"] = dict(params)
        if tags:
            body["tags"] = list(tags)
        if provenance:
            body["provenance"] = capture_provenance(provenance if isinstance(provenance, Mapping) else None)

        try:
            if campaign is not None:
                self._ensure_campaign(campaign)
            if run_id is not None:
                self._open_existing(body, params, tags, capture_logs)
            else:
                self._create(body)
        except BaseException:
            self._transport.close()
            self._spool.release(remove_if_empty=True)
            raise

        self._keeper = keeper_for(self._spool_root, self.url, self._token)
        self._sender.start(self._keeper)
        with _live_lock:
            _live_runs.add(self)
        _install_exit_hooks()
        _install_signal_handlers()
        if capture_logs:
            self._start_capture()
        if _switch(system_metrics, "RUNCAMP_SYSTEM_METRICS"):
            self._sampler = SystemSampler(self._track_system, system_metrics_interval)
            self._sampler.start()
        self._keeper.wake()  # what earlier processes left goes out in the background

    # ---- logs and system metrics ---------------------------------------------------------

    def _start_capture(self) -> None:
        global _capturing
        with _live_lock:
            if _capturing is not None:
                log.warning("runcamp: run %s captures this process's output already; run %s does not", _capturing.id, self.id)
                return
            _capturing = self
        self._log_lines = LogLines(self._first_seq)
        self._capture = OutputCapture(self._log_lines)
        try:
            self._capture.start()
        except OSError as e:
            log.warning("runcamp: cannot capture stdout/stderr: %s", e)
            self._capture = self._log_lines = None
            with _live_lock:
                _capturing = None
            return
        self._sender.tick = self._queue_logs

    def _stop_capture(self) -> None:
        global _capturing
        if self._capture is None:
            return
        self._capture.stop()
        self._capture = None
        with _live_lock:
            if _capturing is self:
                _capturing = None

    def _queue_logs(self) -> None:
        """The captured lines as requests, in the queue: at most 10,000 lines (the server's
        limit, counted exactly: the sender's CPU goes mostly per request, not per line) and
        4 MB of JSON each (far below the server's body limit)."""
        if self._log_lines is None:
            return
        with self._logs_lock:
            chunks = self._log_lines.take()
            if self._sender.logs_refused:  # the server's log limit for the run is reached
                self.stats["dropped_log_lines"] += sum(len(texts) for _, _, _, texts in chunks)
                return
            for body in encode_log_lines(chunks):
                try:
                    self._sender.enqueue(SpooledRequest(self.url, "POST", f"{self._path}/logs", body, "logs"))
                except RuntimeError:  # finished meanwhile: finish() queued the last lines
                    return

    def _track_system(self, value: float, name: str, context: Optional[dict]) -> None:
        try:
            self.track(value, name=name, context=context)
        except RuntimeError:  # the run finished between two samples
            pass

    def _last_log_seq(self, give_up) -> int:
        """The seq after the last log line on the server (0 when it has none)."""
        r = self._transport.call("GET", f"{self._path}/logs?tail=1", give_up=give_up)
        if r.status_code != 200:
            log.warning("runcamp: reading where run %s's logs stopped failed (%s); numbering from 0", self.id, r.status_code)
            return 0
        items = r.json().get("items") or []
        return int(items[-1]["seq"]) + 1 if items else 0

    # ---- creation and resume -------------------------------------------------------------

    def _give_up_after(self, seconds: float):
        started = time.monotonic()
        return lambda delay: time.monotonic() - started + delay > seconds

    def _ensure_campaign(self, campaign: Any) -> None:
        """Get-or-create of the campaign, before the run that names it (spooled when offline)."""
        req = getattr(campaign, "ensure_request", None)
        if req is None:
            req = campaign_ensure_request(self.url, self.repo, str(campaign))
        else:
            req = req(self.url)
            if req is None:  # a Campaign the server has confirmed
                return
        if self._sender.offline:
            self._sender.spill(req)
            return
        try:
            r = self._transport.call(req.method, req.path, json.loads(req.body), give_up=self._give_up_after(self._start_wait))
        except ConnectionError as e:
            log.warning("runcamp: %s; logging to the spool until the server answers", e)
            self._sender.spill(req)
            self._sender.go_offline()
            return
        if r.status_code not in (200, 201, 409):
            raise RuncampError(f"creating campaign {json.loads(req.body)['name']!r} in repo {self.repo!r} failed: {r.status_code} {r.text[:500]}")

    def _create(self, body: dict) -> None:
        payload = dumps(body)
        if self._sender.offline:
            self._sender.spill(SpooledRequest(self.url, "POST", f"/v1/repos/{self.repo}/runs", payload))
            return
        try:
            r = self._transport.call("POST", f"/v1/repos/{self.repo}/runs", body, give_up=self._give_up_after(self._start_wait))
        except ConnectionError as e:
            # The id is ours, so the creation can wait in the spool like any other request.
            log.warning("runcamp: %s; logging to the spool until the server answers", e)
            self._sender.spill(SpooledRequest(self.url, "POST", f"/v1/repos/{self.repo}/runs", payload))
            self._sender.go_offline()
            return
        if r.status_code not in (200, 201):
            raise RuncampError(f"creating the run failed: {r.status_code} {r.text[:500]}")
        self.name = r.json().get("name")

    def _open_existing(self, body: dict, params, tags, capture_logs: bool) -> None:
        # A spool left by an ended process that logged this run goes first: its steps
        # must be on the server before we read where each series stopped.
        if self._spool.files():
            # This process's spool keeper may be re-sending it right now: wait for it.
            if not self._spool.acquire_within(max(30.0, self._spill_after)):
                raise RuncampError(f"run {self.id} is being logged by another live process (its spool {self._spool.dir} is locked)")
            if not self._sender.offline:
                report = SyncReport()
                done = resend_run_spool(self._spool, self._transport, report, self._start_wait)
                self.stats["resent_requests"] += report.requests
                if not done:
                    log.warning("runcamp: the server at %s is unreachable; run %s resumes in the spool", self.url, self.id)
                    self._sender.go_offline()
        if not self._sender.offline:
            try:
                self._resume_online(body, params, tags, capture_logs)
                return
            except ConnectionError as e:
                log.warning("runcamp: %s; run %s resumes in the spool", e, self.id)
                self._sender.go_offline()
        self._resume_offline(body, params, tags)
        # Where its logs stopped cannot be read now: number from the clock (microseconds since
        # 2020), above any seq an earlier process numbered from 0, so no line is taken for a
        # re-sent one and dropped.
        self._first_seq = int((time.time() - 1_577_836_800) * 1e6)

    def _resume_online(self, body: dict, params, tags, capture_logs: bool) -> None:
        give_up = self._give_up_after(self._start_wait)
        r = self._transport.call("POST", f"/v1/repos/{self.repo}/runs", body, give_up=give_up)
        if r.status_code not in (200, 201):
            raise RuncampError(f"opening run {self.id} failed: {r.status_code} {r.text[:500]}")
        run = r.json()
        if r.status_code == 200:
            self.resumed = True
            patch: dict = {}
            if params:
                patch["params"] = dict(params)
            if tags:
                patch["tags"] = {"add": list(tags)}
            if body.get("campaign") is not None and run.get("campaign") is None:
                patch["campaign"] = body["campaign"]
            if run.get("status") != "running":
                patch["status"] = "running"
            if patch:
                p = self._transport.call("PATCH", self._path, patch, give_up=give_up)
                if p.status_code != 200:
                    raise RuncampError(f"resuming run {self.id} failed: {p.status_code} {p.text[:500]}")
            g = self._transport.call("GET", self._path, give_up=give_up)
            if g.status_code != 200:
                raise RuncampError(f"reading run {self.id} failed: {g.status_code} {g.text[:500]}")
            run = g.json()
            for s in all_series(self._transport, self._path, run, give_up):
                if s.get("last_step") is None:
                    continue
                ctx = s.get("context") or None
                self._series[series_key_text(s["name"], ctx)] = Series(int(s["last_step"]) + 1, _series_prefix(s["name"], ctx))
            if capture_logs:
                self._first_seq = self._last_log_seq(give_up)
        self.name = run.get("name")

    def _resume_offline(self, body: dict, params, tags) -> None:
        """Create-or-resume, the resume patch and the reading of the steps, all spooled;
        automatic steps are relative until that reading is done (``_apply_bases``)."""
        patch: dict = {"status": "running"}
        if params:
            patch["params"] = dict(params)
        if tags:
            patch["tags"] = {"add": list(tags)}
        if body.get("campaign") is not None:
            patch["campaign"] = body["campaign"]
        self._sender.spill(SpooledRequest(self.url, "POST", f"/v1/repos/{self.repo}/runs", dumps(body)))
        self._sender.spill(SpooledRequest(self.url, "PATCH", self._path, dumps(patch)))
        self._sender.spill(SpooledRequest(self.url, "GET", self._path, None, "resolve-steps"))
        self.resumed = None
        self._relative = self._was_relative = True

    def _apply_bases(self, bases: dict) -> None:
        """The server answered where each series stopped: relative steps become absolute."""
        with self._lock:
            by_prefix = {}
            for key, series in self._series.items():
                base = bases.get(key, 0)
                by_prefix[series.header] = base
                if self._relative:
                    series.next_step = max(base + series.next_step, series.next_explicit)
            self._base_by_prefix = by_prefix
            self._relative = False

    def _number(self, groups: list) -> tuple:
        """A batch of groups (``Series.take``) as the sender sends it, and its spool kind
        (sender thread): relative steps numbered from the bases once they are known, left
        relative until then."""
        if self._was_relative:
            bases = self._base_by_prefix
            if bases is None:
                return groups, "points-relative"  # numbered when the spool is re-sent
            numbered = []
            for header, steps, *rest in groups:
                if min(steps) < 0:
                    base = bases.get(header, 0) - 1
                    steps = array("q", [base - s if s < 0 else s for s in steps])
                numbered.append((header, steps, *rest))
            groups = numbered
        return groups, "points"

    # ---- the training thread's side ------------------------------------------------------

    def track(self, value: Any, name: Optional[str] = None, step: Optional[int] = None, epoch: Optional[int] = None, context: Optional[Mapping] = None) -> None:
        """Queues one point (or, with ``value`` a dict of name -> value, one per name).

        ``step`` defaults to the series' next step (its last tracked step + 1, counted per
        (name, context)); an explicit step moves that counter past it."""
        # The training thread's path: every check that can be made once per series is made in
        # _series_for, when a (name, context items) is first seen; encoding, and the NaN/Inf
        # rule, wait for the sender thread (_wire.encode_series). The lock is the sender's, and
        # taken once. No GIL-atomic append could replace it: a point is an append to each of
        # its series' columns, which a cut between two of them would misalign; the system
        # sampler's thread tracks too; and a point must never land after finish() cut the
        # last batch.
        if type(value) is not float:
            if isinstance(value, Mapping):
                if name is not None:
                    raise TypeError("runcamp: track(dict) takes its names from the dict; leave name unset")
                for n, v in value.items():
                    self.track(v, n, step, epoch, context)
                return
            value = as_float(value)
        if epoch is not None and type(epoch) is not int:
            epoch = as_index(epoch, "epoch")
        t = _now()
        sender = self._sender
        with sender.lock:
            if sender.closed:
                raise RuntimeError(f"runcamp: run {self.id} is finished; create or resume a Run to log more")
            if context:
                try:
                    found = self._by_items.get((name, tuple(context.items())))
                except (TypeError, AttributeError):  # not a dict, or an unhashable value: _series_for says which
                    found = None
                if found is None or (found[1] is not None and found[1] != tuple(map(type, context.values()))):
                    series = self._series_for(name, context)
                else:
                    series = found[0]
            else:
                try:
                    series = self._by_name.get(name)
                except TypeError:  # an unhashable name
                    series = None
                if series is None:
                    series = self._series_for(name, None)
            if step is None:
                step = series.next_step
                series.next_step = step + 1
                if self._relative:
                    step = -1 - step
            else:
                if type(step) is not int or step < 0:
                    step = as_index(step, "step")
                if self._relative:
                    if step >= series.next_explicit:
                        series.next_explicit = step + 1
                elif step >= series.next_step:
                    series.next_step = step + 1
            steps = series.steps
            if not steps:
                sender.pending.append(series)
            steps.append(step)
            series.values.append(value)
            series.times.append(t)
            epochs = series.epochs
            if epochs is not None:
                epochs.append(-1 if epoch is None else epoch)
            elif epoch is not None:
                series.add_epoch(epoch)
            queued = sender.queued = sender.queued + 1
        if queued >= sender.attention:
            sender.attend(queued)

    def _series_for(self, name: Any, context: Optional[Mapping]) -> Series:
        """The series of (name, context), checked, created when new, and remembered for the
        lookups track() makes first (sender's lock held).

        Those lookups compare the context's items as given, by ``==``: the context is read
        at every call (a dict changed since is a new lookup), and 1, 1.0 and True are equal
        there. 1 and 1.0 are one series on the server, True another: an entry whose context
        holds a value equal to 0 or 1 keeps the values' types, and track() compares them too."""
        _check_series(name, context)
        key = series_key_text(name, context)
        series = self._series.get(key)
        if series is None:
            series = self._series[key] = Series(0, _series_prefix(name, context))
        if not context:
            self._by_name[name] = series
        else:
            values = tuple(context.values())
            ambiguous = any(isinstance(v, (int, float)) and v in (0, 1) for v in values)
            self._by_items[(name, tuple(context.items()))] = (series, tuple(map(type, values)) if ambiguous else None)
        return series

    def _enqueue(self, method: str, path: str, payload: Any) -> None:
        self._sender.enqueue(SpooledRequest(self.url, method, path, dumps(payload)))  # encoded now: later mutation is harmless

    def set_value(self, name: str, value: Any, context: Optional[Mapping] = None) -> None:
        """A single result, e.g. ``set_value("acc", 0.93, context={"subset": "test"})``.

        Numbers (NaN and ±Infinity too, numpy scalars), strings, booleans, None, lists
        (numpy arrays become lists) and dicts of those, at most 64 KiB as JSON and 32 levels
        deep. A value the server would refuse raises here (TypeError/ValueError), not later
        in the background. A confusion matrix has its own artifact: ``log_confusion_matrix``."""
        _check_value_name(name)
        _check_series(name, context)
        item: dict = {"name": name, "value": wire_value(value)}
        if context:
            item["context"] = dict(context)
        self._enqueue("PUT", f"{self._path}/values", [item])

    def log_input(
        self,
        name: str,
        data: Any = None,
        *,
        digest: Optional[str] = None,
        source: Union[str, Mapping, None] = None,
        source_type: Optional[str] = None,
        schema: Union[str, Mapping, None] = None,
        profile: Union[str, Mapping, None] = None,
        context: Optional[str] = None,
    ) -> None:
        """Records a dataset the run used, e.g. ``log_input("iris", df, source="s3://b/iris.csv", context="training")``.

        ``data``, a pandas DataFrame, gives the schema (its columns and dtypes), profile
        (rows, elements) and digest (of its contents) unless they are passed. Without data
        and without ``digest``, the server computes the digest from the source type,
        source, schema and profile. ``source``, ``schema`` and ``profile`` are text; dicts
        are sent as JSON. The run keeps one input per (name, digest), the first logged. Sent
        in the background and spooled while the server is away, like every other write; a
        bad input raises here (TypeError/ValueError). See ``_inputs.py``."""
        item = wire_input(name, data, digest=digest, source=source, source_type=source_type, schema=schema, profile=profile, context=context)
        self._enqueue("POST", f"{self._path}/inputs", [item])

    # ---- artifacts ------------------------------------------------------------------------

    def log_artifact(
        self,
        path_or_bytes: Union[str, os.PathLike, bytes, bytearray, memoryview],
        name: Optional[str] = None,
        content_type: Optional[str] = None,
        *,
        step: Optional[int] = None,
        context: Optional[Mapping] = None,
    ) -> str:
        """Uploads a file (a path) or bytes as the artifact ``name``, in the background.

        ``name`` is the artifact's path in the run (default: the file's name), e.g.
        ``"reports/classification.csv"``; logging the same name again replaces it.
        ``content_type`` defaults to a guess from the name. A file is read when its turn to be
        sent comes (streamed from disk, never read into memory whole; ``flush()`` waits for
        it), so keep it unchanged until then; if the server is unreachable it is copied into
        the spool. Returns the path it is stored at.

        ``step`` (an integer from 0) logs one version per step, e.g. an image per epoch:
        ``log_artifact("pred.png", step=3, context={"subset": "val"})`` is stored at
        ``pred/3.subset=val.png`` with its step and context (see ``step_artifact_path``), and
        the web UI shows the steps as a strip. ``context`` is a series-like context."""
        data: Optional[bytes] = None
        file: Optional[Path] = None
        if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
            if name is None:
                raise ValueError("runcamp: log_artifact(bytes) needs a name")
            data = bytes(path_or_bytes)
        elif isinstance(path_or_bytes, (str, os.PathLike)):
            file = Path(path_or_bytes).resolve()
            if not file.is_file():
                raise FileNotFoundError(f"runcamp: {file} is not a file")
            if name is None:
                name = file.name
        else:
            raise TypeError(f"runcamp: log_artifact takes a path or bytes, not {type(path_or_bytes).__name__}")
        check_artifact_path(name)
        if step is not None and (isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= 2**53 - 1):
            raise ValueError(f"runcamp: an artifact's step is an integer from 0, got {step!r:.40}")
        _check_context(context)
        content_type = content_type or guess_content_type(name)
        if not isinstance(content_type, str) or "/" not in content_type or len(content_type) > 255 or any(ord(c) < 0x20 for c in content_type):
            raise ValueError("runcamp: content_type is a media type such as text/csv")
        stored = name if step is None else step_artifact_path(name, step, context)
        url = artifact_url(self.repo, self.id, stored) + artifact_query(step, context)
        self._sender.enqueue(SpooledRequest(self.url, "PUT", url, None, "artifact", content_type=content_type, data=data, body_file=file))
        return stored

    def log_confusion_matrix(self, labels: Any, matrix: Any, name: str = "confusion.json") -> str:
        """A confusion matrix (``matrix[i][j]``: samples of true class ``labels[i]`` predicted
        as ``labels[j]``, scikit-learn's orientation; numpy arrays welcome) as the artifact
        ``name``. The server reports its metrics (``?view=metrics``) and sums a campaign's."""
        check_artifact_path(name)
        data = encode_confusion(labels, matrix)
        self._sender.enqueue(SpooledRequest(self.url, "PUT", artifact_url(self.repo, self.id, name), None, "artifact", content_type=CONFUSION_TYPE, data=data))
        return name

    def log_figure(self, fig: Any, name: str, **savefig: Any) -> str:
        """A matplotlib figure as a PNG artifact ``name`` (rendered now, sent in the background;
        ``savefig`` options such as ``dpi=150`` pass through)."""
        check_artifact_path(name)
        data = figure_png(fig, **savefig)
        self._sender.enqueue(SpooledRequest(self.url, "PUT", artifact_url(self.repo, self.id, name), None, "artifact", content_type="image/png", data=data))
        return name

    def list_artifacts(self, prefix: Optional[str] = None) -> list:
        """The run's artifacts on the server (``flush()`` first to include those still queued)."""
        return list_artifacts(self.id, repo=self.repo, prefix=prefix, url=self.url, token=self._token)

    def download_artifact(self, path: str, dest: Union[str, os.PathLike, None] = None) -> Union[bytes, Path]:
        """An artifact of this run: its bytes, or with ``dest`` streamed to that file or directory."""
        return download_artifact(self.id, path, dest, repo=self.repo, url=self.url, token=self._token)

    def set_params(self, params: Optional[Mapping[str, Any]] = None, **more: Any) -> None:
        """Merges into the run's params (JSON merge patch: nested dicts merge, None deletes)."""
        patch = dict(params or {}, **more)
        if patch:
            self._enqueue("PATCH", self._path, {"params": patch})

    def __setitem__(self, key: str, value: Any) -> None:
        self.set_params({key: value})

    def add_tag(self, *tags: str) -> None:
        self._enqueue("PATCH", self._path, {"tags": {"add": list(tags)}})

    def remove_tag(self, *tags: str) -> None:
        self._enqueue("PATCH", self._path, {"tags": {"remove": list(tags)}})

    def set_description(self, description: str) -> None:
        self._enqueue("PATCH", self._path, {"description": description})

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Waits until everything queued so far (complete log lines too) was delivered or
        spooled. False on timeout."""
        self._queue_logs()
        return self._sender.flush(timeout)

    def finish(self, status: str = "finished", timeout: Optional[float] = None, failure: Optional[Mapping[str, str]] = None) -> None:
        """Sets the run's final status after every queued point and log line, then flushes
        and closes. ``failure`` (``{"type": ..., "message": ...}``) goes with ``"failed"``.

        Waits up to ``timeout`` (default ``close_timeout``) for the server; whatever is not
        delivered by then is left in the spool."""
        with self._lock:
            if self._sender.closed:
                return
        self._stop_collecting()
        patch: dict = {"status": status}
        if failure is not None and status == "failed":
            patch["failure"] = dict(failure)
        self._enqueue("PATCH", self._path, patch)
        self.close(timeout)

    def _stop_collecting(self) -> None:
        """Stops sampling and capturing (the streams restored) and queues the last lines."""
        if self._sampler is not None:
            self._sampler.stop()
        self._stop_capture()
        self._queue_logs()

    def close(self, timeout: Optional[float] = None) -> None:
        """Flushes and stops the sender without changing the run's status."""
        with self._lock:
            closed = self._sender.closed
        if not closed:
            self._stop_collecting()
        if not self._sender.stop(self._close_timeout if timeout is None else timeout):
            return
        self._transport.close()
        left = len(self._spool)
        self._spool.release(remove_if_empty=True)
        with _live_lock:
            _live_runs.discard(self)
        if left:
            # Said once for the whole process at exit (_delivery/keeper.report_at_exit); until
            # then the keeper goes on trying.
            log.info("runcamp: %d requests of run %s wait in the spool %s for the server at %s", left, self.id, self._spool.dir, self.url)
            self._keeper.wake()

    def __enter__(self) -> Run:
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        status, failure = _final_status(exc_type, exc)
        if failure is not None:
            # The traceback is not printed yet (it may be caught above): it goes into the logs now.
            self._log_traceback(exc_type, exc, tb)
        self.finish(status, failure=failure)
        return False

    def _log_traceback(self, exc_type, exc, tb) -> None:
        self._log_text(traceback_text(exc_type, exc, tb))

    def _log_text(self, text: str) -> None:
        """Lines put straight into the captured stderr (a traceback nobody printed there)."""
        lines = self._log_lines
        if lines is not None:
            lines.feed_text("stderr", text)

    def _note_thread_failure(self, failure: dict) -> None:
        """The first exception that ended a thread while the run was open becomes its
        ``failure``; the status stays as it is (``_crashes.py``)."""
        with self._lock:
            if self._thread_failure is not None:
                return
            self._thread_failure = failure
        try:
            self._enqueue("PATCH", self._path, {"failure": failure})
        except RuntimeError:  # the run finished meanwhile: its end says how it went
            pass

    def __repr__(self) -> str:
        return f"<runcamp.Run {self.repo}/{self.id} url={self.url}>"
