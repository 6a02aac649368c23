"""Re-sending spooled requests: at the start of a run (left by ended processes) and from
``python -m runcamp sync``."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from ._spool import RunSpool, SpooledRequest, iter_run_dirs
from ._transport import Outcome, Transport

log = logging.getLogger("runcamp")


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
) -> bool:
    """Re-sends one run's spooled requests in order, deleting each once it landed (or was
    rejected for good). Stops at the first one that cannot be delivered, so order is kept.
    The caller holds the directory's lock. True when none is left."""
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
) -> SyncReport:
    """Re-sends every run directory of the spool that no live process owns.

    ``url`` overrides the server each file was meant for; ``only_url`` restricts the sync
    to files meant for that server (what a starting Run does)."""
    report = SyncReport()
    transports: dict = {}
    try:
        for repo, run in iter_run_dirs(root):
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
