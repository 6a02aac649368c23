"""Delivery of one request with retries: what is retried, what is kept, what is dropped.

- Connection errors, timeouts, 408, 429 and 5xx are retried with exponential backoff and
  jitter until the caller's ``give_up`` says stop (then the caller spools the request).
  Re-sending is safe: run creation uses a client-chosen id and ingest overwrites a step.
- 401/403 keep the request (spooled) so a later ``runcamp sync`` with the right token can
  deliver it.
- 413 on a batch of points splits it in halves. 413 on a batch of log lines means the run's
  logs are full (the server's log limit per run): dropped and reported, and the sender tells
  the Run to stop sending lines (each report is itself a captured line).
- 409 on a batch of points means the run is no longer running (finished from elsewhere):
  the batch is re-sent with ``reopen`` and the run's status is put back.
- 409 on a campaign get-or-create means the campaign exists: that is success.
- An artifact upload sends its bytes as they are, streamed from its file when it has one
  (re-opened for every attempt); a file that can no longer be read is reported and dropped.
  A file of ``PRESIGNED_FROM`` bytes or more goes straight to the server's object store in
  presigned parts where the server offers it (``presigned.py``), else as the body.
- Any other 4xx is the request's own fault: it is dropped and reported (never retried).
"""

from __future__ import annotations

import enum
import ipaddress
import json
import logging
import random
import time
from typing import Callable, Optional

import httpx

from .._wire import dumps, log_chunks_as_lines
from .bodies import open_artifact_body
from .presigned import PRESIGNED_FROM, send_presigned
from .spool import SpooledRequest

log = logging.getLogger("runcamp")

__version__ = "0.1.0"


class Outcome(enum.Enum):
    DELIVERED = "delivered"
    DROPPED = "dropped"  # rejected by the server for a reason a retry cannot fix
    UNDELIVERED = "undelivered"  # keep it (spool) and try again later


def is_retryable_status(status: int) -> bool:
    return status in (408, 429) or status >= 500


def backoff_delay(attempt: int, base: float = 0.1, cap: float = 5.0) -> float:
    """Exponential backoff with jitter: a random point in the upper half of the window."""
    window = min(cap, base * (2**attempt))
    return window / 2 + random.uniform(0, window / 2)


def _retry_after(response: httpx.Response) -> Optional[float]:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, min(30.0, float(value)))
    except ValueError:
        return None


def _problem(response: httpx.Response) -> str:
    try:
        body = response.json()
        detail = body.get("detail") or body.get("title")
        errors = body.get("errors")
        if errors:
            detail = f"{detail} {errors[:3]}"
        return f"{response.status_code} {detail}"
    except Exception:
        return f"{response.status_code} {response.text[:200]}"


def _loopback(url: str) -> bool:
    host = httpx.URL(url).host
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Transport:
    """One keep-alive HTTP connection to a runcamp server."""

    def __init__(self, url: str, token: Optional[str] = None, timeout: float = 60.0) -> None:
        self.url = url.rstrip("/")
        headers = {"user-agent": f"runcamp-python/{__version__}"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        if _loopback(self.url):
            # The server gzips answers for clients that accept it; on this machine that is CPU
            # spent on both ends for nothing (a 2,000,000-point read took 9-45% longer).
            headers["accept-encoding"] = "identity"
        self._client = httpx.Client(base_url=self.url, headers=headers, timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)))
        # Presigned part URLs go to the object store: no token of ours goes with them.
        self._parts = httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)))
        self._presigned_refused = False

    def close(self) -> None:
        self._client.close()
        self._parts.close()

    def request(self, method: str, path: str, body: Optional[str] = None, timeout: Optional[float] = None) -> httpx.Response:
        content = body.encode("utf-8") if body is not None else None
        headers = {"content-type": "application/json"} if body is not None else None
        if timeout is None:
            return self._client.request(method, path, content=content, headers=headers)
        return self._client.request(method, path, content=content, headers=headers, timeout=timeout)

    def send(self, req: SpooledRequest) -> httpx.Response:
        """Sends one queued or spooled request once."""
        if req.kind != "artifact":
            return self.request(req.method, req.path, req.body)
        content_type = req.content_type or "application/octet-stream"
        if not self._presigned_refused and req.body_file is not None and req.body_file.stat().st_size >= PRESIGNED_FROM:
            response = send_presigned(self._client, self._parts, req.path, content_type, req.body_file)
            if response is not None:
                return response
            self._presigned_refused = True
        body = open_artifact_body(req.data, req.body_file)
        try:
            # A file object is streamed 64 KiB at a time with its size as Content-Length.
            return self._client.request(req.method, req.path, content=body, headers={"content-type": content_type})
        finally:
            if not isinstance(body, bytes):
                body.close()

    def call(self, method: str, path: str, payload: object = None, *, give_up: Optional[Callable[[float], bool]] = None) -> httpx.Response:
        """A synchronous request retried like a spooled one; raises when it cannot be delivered."""
        body = None if payload is None else dumps(payload)
        attempt = 0
        started = time.monotonic()
        while True:
            try:
                response = self.request(method, path, body)
                if not is_retryable_status(response.status_code):
                    return response
                error: Exception = httpx.HTTPStatusError(_problem(response), request=response.request, response=response)
                delay = _retry_after(response) or backoff_delay(attempt)
            except httpx.TransportError as e:
                error, delay = e, backoff_delay(attempt)
            stop = give_up(delay) if give_up else time.monotonic() - started + delay > 10.0
            if stop:
                raise ConnectionError(f"runcamp: {method} {self.url}{path} failed: {error}") from error
            time.sleep(delay)
            attempt += 1

    def deliver(
        self,
        req: SpooledRequest,
        give_up: Callable[[float], bool],
        sleep: Callable[[float], None],
        on_error: Callable[[str], None],
    ) -> Outcome:
        """Sends ``req`` until it lands, the server rejects it, or ``give_up(next_delay)``."""
        attempt = 0
        while True:
            try:
                response = self.send(req)
            except httpx.TransportError as e:
                delay, reason = backoff_delay(attempt), f"{type(e).__name__}: {e}"
            except OSError as e:  # an artifact's file vanished or became unreadable
                on_error(f"{req.method} {req.path}: dropped, its file cannot be read ({e})")
                return Outcome.DROPPED
            else:
                status = response.status_code
                if status < 300:
                    return Outcome.DELIVERED
                if is_retryable_status(status):
                    delay, reason = _retry_after(response) or backoff_delay(attempt), _problem(response)
                elif status in (401, 403):
                    on_error(f"{req.method} {req.path}: {_problem(response)}; kept in the spool for `runcamp sync`")
                    return Outcome.UNDELIVERED
                elif status == 413 and req.kind == "points" and req.points > 1:
                    return self._deliver_halves(req, give_up, sleep, on_error)
                elif status == 409 and req.kind == "points" and '"reopen"' not in req.body[:12]:
                    return self._deliver_reopened(req, give_up, sleep, on_error)
                elif status == 409 and req.kind == "campaign":
                    return Outcome.DELIVERED
                elif status == 400 and req.kind == "logs" and (as_lines := log_chunks_as_lines(req.body)) is not None:
                    # A server older than the chunk form refuses it: the same lines, once more, in
                    # the lines form (a line the server refuses is refused there too, and reported).
                    return self.deliver(SpooledRequest(req.url, req.method, req.path, as_lines, "logs"), give_up, sleep, on_error)
                elif status == 413 and req.kind == "logs":
                    on_error(f"{req.method} {req.path}: the run's logs are full ({_problem(response)}); later lines are not sent")
                    return Outcome.DROPPED
                else:
                    on_error(f"{req.method} {req.path}: dropped, the server answered {_problem(response)}")
                    return Outcome.DROPPED
            if give_up(delay):
                log.debug("runcamp: giving up on %s %s for now: %s", req.method, req.path, reason)
                return Outcome.UNDELIVERED
            sleep(delay)
            attempt += 1

    def _deliver_halves(self, req: SpooledRequest, give_up, sleep, on_error) -> Outcome:
        worst = Outcome.DELIVERED
        for body, count in split_batch(json.loads(req.body)):
            half = SpooledRequest(req.url, req.method, req.path, json.dumps(body, separators=(",", ":")), "points", count)
            outcome = self.deliver(half, give_up, sleep, on_error)
            if outcome is Outcome.UNDELIVERED:
                # Keep the whole batch: re-sending the half that landed is harmless.
                return Outcome.UNDELIVERED
            if outcome is Outcome.DROPPED:
                worst = Outcome.DROPPED
        return worst

    def _deliver_reopened(self, req: SpooledRequest, give_up, sleep, on_error) -> Outcome:
        """The run was finished meanwhile: land the points anyway, then restore its status."""
        run_path = req.path.rsplit("/metrics", 1)[0]
        try:
            run = self.call("GET", run_path, give_up=give_up)
        except ConnectionError:
            return Outcome.UNDELIVERED
        if run.status_code != 200:
            on_error(f"{req.method} {req.path}: dropped, the run could not be read ({_problem(run)})")
            return Outcome.DROPPED
        status = run.json().get("status", "finished")
        reopened = SpooledRequest(req.url, req.method, req.path, '{"reopen":true,' + req.body[1:], "points", req.points)
        outcome = self.deliver(reopened, give_up, sleep, on_error)
        if outcome is Outcome.DELIVERED and status != "running":
            try:
                self.call("PATCH", run_path, {"status": status}, give_up=give_up)
            except ConnectionError:
                # The PATCH is lost only if the server vanished just now; the points are in.
                on_error(f"PATCH {run_path}: could not restore status {status!r}")
        return outcome


_COLUMNS = ("steps", "values", "epochs", "times")


def split_batch(data: dict) -> list:
    """An ingest body (point or columnar form) cut into two bodies of half its points each,
    with their point counts; a series cut in two keeps its points' order."""
    if "points" in data:
        points = data["points"]
        mid = len(points) // 2
        return [(dict(data, points=part), len(part)) for part in (points[:mid], points[mid:])]
    total = sum(len(s["steps"]) for s in data["series"])
    mid = total // 2
    first: list = []
    second: list = []
    seen = 0
    for s in data["series"]:
        n = len(s["steps"])
        cut = min(max(mid - seen, 0), n)
        if cut > 0:
            first.append(dict(s, **{k: s[k][:cut] for k in _COLUMNS if k in s}))
        if cut < n:
            second.append(dict(s, **{k: s[k][cut:] for k in _COLUMNS if k in s}))
        seen += n
    return [(dict(data, series=first), mid), (dict(data, series=second), total - mid)]
