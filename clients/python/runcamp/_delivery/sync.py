"""Re-sending spooled requests: by the runs of a process (their own, and those left by
ended processes) and by ``python -m runcamp sync``."""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from .._wire import dumps
from .spool import RunSpool, SpooledRequest, iter_run_dirs
from .transport import Outcome, Transport

log = logging.getLogger("runcamp")


def _canonical(v):
    # 1.0 and 1 are one context value on the server (JSON numbers): one key here too.
    return int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 2**53 else v


def series_key_text(name: str, context: Optional[dict]) -> str:
    """One series of a run as text: name and canonical (sorted) context, as the TypeScript
    SDK writes it too (JSON without ASCII escapes)."""
    ctx = {k: _canonical(v) for k, v in sorted((context or {}).items())}
    return name + "\u0000" + json.dumps(ctx, separators=(",", ":"), ensure_ascii=False)


def step_bases(run: dict) -> dict:
    """Where each series of a run (as GET .../runs/{run} answers) goes on: last step + 1."""
    return {series_key_text(s["name"], s.get("context")): int(s["last_step"]) + 1 for s in run.get("metrics") or [] if s.get("last_step") is not None}


def all_series(transport: Transport, run_path: str, run: dict, give_up) -> list:
    """Every series summary of a run: the run's GET carries the first 1,000, the rest are
    paged from GET .../metrics."""
    series = list(run.get("metrics") or [])
    cursor = run.get("metrics_next_cursor")
    while cursor:
        r = transport.call("GET", f"{run_path}/metrics?limit=1000&cursor={cursor}", give_up=give_up)
        if r.status_code != 200:
            raise ConnectionError(f"runcamp: GET {run_path}/metrics: {r.status_code}")
        page = r.json()
        series.extend(page["items"])
        cursor = page.get("next_cursor")
    return series


def absolute_points_body(body: str, bases: dict) -> str:
    """A ``points-relative`` body with each relative step (``-1 - k``) made absolute: the
    columnar form the SDK sends, or the point form older spools hold."""
    data = json.loads(body)
    if "series" in data:
        for s in data["series"]:
            base = bases.get(series_key_text(s["name"], s.get("context")), 0)
            s["steps"] = [base + (-step - 1) if step < 0 else step for step in s["steps"]]
    else:
        for p in data["points"]:
            step = p["step"]
            if step < 0:
                p["step"] = bases.get(series_key_text(p["name"], p.get("context")), 0) + (-step - 1)
    return dumps(data)


def _resolve_steps(req: SpooledRequest, spool: RunSpool, transport: Transport, stop, report: SyncReport) -> Outcome:
    """Reads where the run's series stopped (once everything before it has landed) and
    keeps it beside the spool, for the ``points-relative`` batches that follow."""
    try:
        r = transport.call("GET", req.path, give_up=stop)
    except ConnectionError:
        return Outcome.UNDELIVERED
    if r.status_code in (401, 403) or r.status_code >= 500:
        return Outcome.UNDELIVERED
    if r.status_code != 200:
        report.errors.append(f"GET {req.path}: {r.status_code}; the run's automatic steps start at 0")
        bases: dict = {}
    else:
        try:
            bases = step_bases({"metrics": all_series(transport, req.path, r.json(), stop)})
        except ConnectionError:
            return Outcome.UNDELIVERED
    spool.write_bases(bases)
    return Outcome.DELIVERED


@dataclass
class SyncReport:
    requests: int = 0
    points: int = 0
    dropped: int = 0
    left: int = 0
    runs: int = 0
    busy: int = 0  # run directories locked by a live process
    errors: list = field(default_factory=list)


def resend_run_spool(
    spool: RunSpool,
    transport: Transport,
    report: SyncReport,
    give_up_after: float = 10.0,
    url_filter: Optional[str] = None,
    give_up_factory: Optional[Callable[[], Callable[[float], bool]]] = None,
    on_bases: Optional[Callable[[dict], None]] = None,
) -> bool:
    """Re-sends one run's spooled requests in order, deleting each once it landed (or was
    rejected for good). Stops at the first one that cannot be delivered, so order is kept.
    The caller holds the directory's lock. True when none is left. ``on_bases`` hears the
    step bases a ``resolve-steps`` request found."""
    bases: Optional[dict] = None
    for file in spool.files():
        try:
            req = SpooledRequest.from_file(file)
        except (OSError, ValueError) as e:
            if isinstance(e, FileNotFoundError):
                continue
            report.errors.append(f"{file}: unreadable spool file ({e}); left in place")
            report.left += 1
            return False
        if url_filter is not None and req.url.rstrip("/") != url_filter.rstrip("/"):
            report.left += len(spool.files())
            return False
        if give_up_factory is not None:
            stop = give_up_factory()
        else:
            started = time.monotonic()
            stop = lambda delay, started=started: time.monotonic() - started + delay > give_up_after  # noqa: E731
        if req.kind == "resolve-steps":
            outcome = _resolve_steps(req, spool, transport, stop, report)
            if outcome is Outcome.DELIVERED:
                bases = spool.read_bases()
                if on_bases is not None:
                    on_bases(bases or {})
                file.unlink()
                continue
        else:
            if req.kind == "points-relative":
                if bases is None:
                    bases = spool.read_bases()
                if bases is None:
                    report.errors.append(f"{file}: relative steps but no {spool.dir}/.bases.json; the run's automatic steps start at 0")
                    bases = {}
                req = SpooledRequest(req.url, req.method, req.path, absolute_points_body(req.body, bases), "points", req.points, file)
            outcome = transport.deliver(req, stop, time.sleep, report.errors.append)
        if outcome is Outcome.UNDELIVERED:
            report.left += len(spool.files())
            return False
        if outcome is Outcome.DROPPED:
            report.dropped += 1
        else:
            report.requests += 1
            report.points += req.points
        req.remove()
    return True


def sync_spool(
    root: Path,
    url: Optional[str] = None,
    token: Optional[str] = None,
    *,
    only_url: Optional[str] = None,
    exclude: Optional[tuple] = None,
    give_up_after: float = 10.0,
    should_stop: Optional[Callable[[], bool]] = None,
) -> SyncReport:
    """Re-sends every run directory of the spool that no live process owns.

    ``url`` overrides the server each file was meant for; ``only_url`` restricts the sync
    to files meant for that server (what a starting Run does)."""
    report = SyncReport()
    transports: dict = {}
    try:
        for repo, run in iter_run_dirs(root):
            if should_stop is not None and should_stop():
                break
            if exclude is not None and (repo, run) == exclude:
                continue
            spool = RunSpool(root, repo, run)
            if not spool.files():
                if spool.acquire():
                    spool.release()
                continue
            if not spool.acquire():
                report.busy += 1
                continue
            try:
                files = spool.files()
                if not files:
                    continue
                first = SpooledRequest.from_file(files[0])
                target = (url or first.url).rstrip("/")
                if only_url is not None and first.url.rstrip("/") != only_url.rstrip("/"):
                    continue
                if target not in transports:
                    transports[target] = Transport(target, token)
                report.runs += 1
                resend_run_spool(spool, transports[target], report, give_up_after, url_filter=None if url else first.url)
            except (OSError, ValueError) as e:
                report.errors.append(f"{spool.dir}: {e}")
            finally:
                spool.release()
    finally:
        for t in transports.values():
            t.close()
    return report


@dataclass
class SpoolContents:
    requests: int = 0
    points: int = 0
    runs: int = 0


def spool_contents(root: Path, only_url: Optional[str] = None) -> SpoolContents:
    """What the spool holds (for one server, or all): requests, points, run directories."""
    out = SpoolContents()
    for repo, run in iter_run_dirs(root):
        files = RunSpool(root, repo, run).files()
        counted = False
        for file in files:
            try:
                req = SpooledRequest.from_file(file)
            except (OSError, ValueError):
                continue
            if only_url is not None and req.url.rstrip("/") != only_url.rstrip("/"):
                continue
            out.requests += 1
            out.points += req.points
            counted = True
        out.runs += counted
    return out
