"""``runcamp export`` / ``runcamp import``: a repo, campaign or run selection as one file.

The file is gzip'd JSON Lines, read and written as a stream (memory stays flat however many
points it holds). Every line is one JSON object whose first key is ``kind``::

    {"kind":"runcamp-export","version":1,"exported_at":..,"source":{url,repo},"selection":{..}}
    {"kind":"repo","name":..,"description":..,"created_at":..}
    {"kind":"campaign","id":..,"name":..,"description":..,"params":{..},"created_at":..}   (each)
    per run, in this order:
      {"kind":"run","run":{id,name,experiment,description,status,archived,campaign,params,tags,
        provenance,created_at,updated_at,ended_at,last_activity_at,failure},"values":[{name,context,value,
        updated_at}],"inputs":[dataset inputs as GET .../runs/{run} gives them],"series":[summaries as
        GET .../runs/{run} gives them],"artifacts":[{path,size,content_type,sha256,created_at,step,context}]}
      {"kind":"points","run":..,"name":..,"context":{..},"steps":[..],"values":[..],"epochs":[..],
        "times":[..]}            (pages of at most 100,000 points; NaN/±Infinity as wire strings)
      {"kind":"logs","run":..,"lines":[{"seq","stream","time","text"}]}
                                 (in seq order, pages of at most 10,000 lines and 16 MiB)
      {"kind":"artifact","run":..,"path":..,"seq":0,"data":"<base64 of at most 1 MiB>"}   (each part)
      {"kind":"run_end","run":..}
    {"kind":"end","runs":..,"series":..,"points":..,"artifacts":..,"logs":..}

A file written before logs were exported has no logs lines, no ``failure`` in its run records
and no ``logs`` count in its end line; one written before inputs has no ``inputs`` in its run
lines; one written before artifacts had a step and context has neither in its artifacts. They
all still import (their runs get no logs, no failure, no inputs; their artifacts no step).

Instants are the API's own text (``2026-01-31T12:00:00.000Z``), so they go back unchanged.

Import reads the file twice. The first pass checks every line (``export_file.py``: a
bad file is refused before anything is written) and compares each campaign and run with the
target repo: absent (imported), identical (skipped: importing twice changes nothing) or
different (a conflict: nothing is written and every conflict is reported). The second pass
writes: a run is created from its record with its values, inputs and failure, gets its points
(ingest with ``reopen``), log lines (``POST .../logs``, a logs line a request) and artifacts, and ``POST /v1/repos/{repo}/import`` then puts back its status,
times and values exactly. A run the server refuses half way is deleted again (it was absent
before), so the target never keeps part of a run; the runs written before it stay.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import os
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import IO, Any, Callable, Optional
from urllib.parse import quote

import click
import httpx
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

from .._artifacts import artifact_query, artifact_url
from .._delivery.transport import _problem
from .._errors import RuncampError
from .._read import Repo
from .common import Ctx, Failure, fail, pass_ctx
from .export_file import (
    ARTIFACT_DEFAULTS,
    ARTIFACT_FIELDS,
    CAMPAIGN_FIELDS,
    FORMAT,
    MAX_LINE_BYTES,
    MAX_LOG_LINES,
    RUN_FIELDS,
    VERSION,
    ExportError,
    FileCheck,
    context_json,
    export_lines,
    source_repo,
)
from .export_file import dumps as _dumps
from .export_file import loads as _loads

_PAGE = 100_000  # points per series read (the server's page limit) and per ingest request
_MAX_SERIES_PER_REQUEST = 10_000
_MAX_BODY_BYTES = 16 * 1024 * 1024  # half the server's default body limit
_ARTIFACT_PART = 1024 * 1024
_LOG_RECORD_BYTES = 16 * 1024 * 1024  # a logs line is one append request: under the body limit


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Counts:
    runs: int = 0
    series: int = 0
    points: int = 0
    artifacts: int = 0
    logs: int = 0


@dataclass
class ImportReport:
    repo: str
    imported: Counts = field(default_factory=Counts)
    skipped_runs: int = 0
    campaigns_imported: int = 0
    campaigns_skipped: int = 0


class Progress:
    """A Rich progress bar when asked for; otherwise nothing."""

    def __init__(self, enabled: bool, description: str, total: Optional[int]) -> None:
        self._bar = None
        if enabled:
            self._bar = RichProgress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("points"), TimeRemainingColumn(), transient=False
            )
            self._task = self._bar.add_task(description, total=total)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()


# ---- export -----------------------------------------------------------------------------


def selection_filter(campaign: Optional[str], filter: Optional[str]) -> str:
    """The runs an export takes, archived ones included (the listing hides them unless named)."""
    every = "(archived = true or archived = false)"
    if campaign is not None:
        return f"campaign = {json.dumps(campaign)} and {every}"
    if filter:
        return f"({filter}) and {every}"
    return every


def _series_summaries(repo: Repo, run_id: str, detail: dict) -> list:
    if not detail.get("metrics_next_cursor"):
        return detail["metrics"]
    return list(repo._pages(f"runs/{quote(run_id, safe='')}/metrics", {}))


def _series_pages(repo: Repo, run_id: str, name: str, context: dict) -> Iterator[dict]:
    """A series' pages of raw points; the next page is fetched while the caller writes this one."""
    path = f"runs/{quote(run_id, safe='')}/metrics/{quote(name, safe='')}"

    def fetch(cursor: Optional[str]) -> dict:
        return repo._call("GET", path, params={"context": context_json(context), "limit": str(_PAGE), "format": "columnar", "cursor": cursor})

    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(fetch, None)
        while True:
            body = pending.result()
            cursor = body.get("next_cursor")
            if cursor:
                pending = pool.submit(fetch, cursor)
            if body["steps"]:
                yield body
            if not cursor:
                return


def _log_pages(repo: Repo, run_id: str) -> Iterator[list]:
    """A run's log lines in seq order, a page (at most MAX_LOG_LINES) at a time."""
    path = f"runs/{quote(run_id, safe='')}/logs"
    after: Optional[int] = None
    while True:
        params = {"limit": str(MAX_LOG_LINES)}
        if after is not None:
            params["after"] = str(after)
        body = repo._call("GET", path, params=params)
        if body["items"]:
            yield body["items"]
        after = body.get("next_after")
        if after is None:
            return


def log_records(page: list) -> Iterator[list]:
    """A page of log lines cut into records of at most _LOG_RECORD_BYTES of JSON."""
    record: list = []
    size = 0
    for line in page:
        line = {"seq": line["seq"], "stream": line["stream"], "time": line["time"], "text": line["text"]}
        n = len(_dumps(line)) + 1
        if record and size + n > _LOG_RECORD_BYTES:
            yield record
            record, size = [], 0
        record.append(line)
        size += n
    if record:
        yield record


def export_runs(
    repo: Repo, out: str, *, campaign: Optional[str] = None, filter: Optional[str] = None, progress: bool = False, compresslevel: int = 3
) -> Counts:
    """Writes the runs of ``campaign`` (id or name), or those ``filter`` selects, or every run
    of the repo, to ``out`` (gzip'd JSON Lines, see the module doc); returns what it wrote."""
    info = repo._call("GET", "")
    campaigns = repo.campaigns()
    if campaign is not None:
        chosen = [k for k in campaigns if campaign in (k["id"], k["name"])]
        if not chosen:
            raise ExportError(f"campaign {campaign!r} does not exist in repo {repo.name!r}")
        campaign = chosen[0]["id"]
    runs = list(repo._pages("runs", {"filter": selection_filter(campaign, filter), "provenance": "true"}))
    if campaign is not None:
        campaigns = chosen
    elif filter:
        used = {r["campaign"] for r in runs}
        campaigns = [k for k in campaigns if k["id"] in used]
    counts = Counts()
    tmp = f"{out}.partial"
    with gzip.open(tmp, "wb", compresslevel=compresslevel) as f, Progress(progress, "export", None) as bar:
        selection = {"campaign": campaign} if campaign is not None else {"filter": filter} if filter else {"repo": repo.name}
        _line(f, {"kind": FORMAT, "version": VERSION, "exported_at": _now(), "source": {"url": repo.url, "repo": repo.name}, "selection": selection})
        _line(f, {"kind": "repo", "name": info["name"], "description": info["description"], "created_at": info["created_at"]})
        for k in campaigns:
            _line(f, {"kind": "campaign", **{key: k[key] for key in CAMPAIGN_FIELDS}})
        for item in runs:
            run_id = item["id"]
            detail = repo._call("GET", f"runs/{quote(run_id, safe='')}")
            series = _series_summaries(repo, run_id, detail)
            artifacts = list(repo._pages(f"runs/{quote(run_id, safe='')}/artifacts", {}))
            record = {key: item.get(key) for key in RUN_FIELDS}
            _line(
                f,
                {
                    "kind": "run",
                    "run": record,
                    "values": detail["values"],
                    "inputs": detail["inputs"],
                    "series": series,
                    "artifacts": [{k: a[k] for k in ARTIFACT_FIELDS} for a in artifacts],
                },
            )
            for s in series:
                counts.series += 1
                for page in _series_pages(repo, run_id, s["name"], s["context"]):
                    n = len(page["steps"])
                    _line(
                        f,
                        {
                            "kind": "points",
                            "run": run_id,
                            "name": s["name"],
                            "context": s["context"],
                            "steps": page["steps"],
                            "values": page["values"],
                            "epochs": page["epochs"],
                            "times": page["times"],
                        },
                    )
                    counts.points += n
                    bar.advance(n)
            for page in _log_pages(repo, run_id):
                for lines in log_records(page):
                    _line(f, {"kind": "logs", "run": run_id, "lines": lines})
                    counts.logs += len(lines)
            for a in artifacts:
                _export_artifact(repo, f, run_id, a["path"])
                counts.artifacts += 1
            _line(f, {"kind": "run_end", "run": run_id})
            counts.runs += 1
        _line(f, {"kind": "end", "runs": counts.runs, "series": counts.series, "points": counts.points, "artifacts": counts.artifacts, "logs": counts.logs})
    os.replace(tmp, out)
    return counts


def _line(f: IO[bytes], obj: dict) -> None:
    data = _dumps(obj)
    if len(data) > MAX_LINE_BYTES:  # import would refuse the file: say so here instead
        run = obj["run"]["id"] if obj["kind"] == "run" else obj.get("run")
        raise ExportError(
            f"the {obj['kind']} line{f' of run {run}' if run else ''} would take {len(data):,} bytes, past the file format's limit of {MAX_LINE_BYTES:,}"
        )
    f.write(data)
    f.write(b"\n")


def _export_artifact(repo: Repo, f: IO[bytes], run_id: str, path: str) -> None:
    client = repo._transport._client
    with client.stream("GET", artifact_url(repo.name, run_id, path)) as r:
        if r.status_code >= 400:
            r.read()
            raise RuncampError(f"downloading artifact {path!r} of run {run_id}: {r.status_code}", r.status_code)
        seq = 0
        for chunk in r.iter_bytes(_ARTIFACT_PART):
            _line(f, {"kind": "artifact", "run": run_id, "path": path, "seq": seq, "data": base64.b64encode(chunk).decode("ascii")})
            seq += 1
        if seq == 0:  # an empty artifact still has its part
            _line(f, {"kind": "artifact", "run": run_id, "path": path, "seq": 0, "data": ""})


# ---- import -----------------------------------------------------------------------------


def iso_seconds(seconds: Optional[float]) -> Optional[str]:
    """Unix seconds as the API writes instants (floored to the millisecond), None as None."""
    if seconds is None:
        return None
    ms = math.floor(seconds * 1000)
    return datetime.fromtimestamp(ms / 1000, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def run_unchanged(target: Repo, rec: dict, series: list, logs: list) -> bool:
    """The run is there with this record, these series' lengths and this many log lines (their
    seqs run 0, 1, 2, ...: the last one held says how many): what an importer (AIM,
    TensorBoard) takes for a run imported before and unchanged since."""
    run_path = f"runs/{quote(rec['id'], safe='')}"
    have = target._call("GET", run_path, missing_ok=True)
    if have is None or any(have.get(k) != v for k, v in rec.items()):
        return False
    mine = sorted((s["name"], context_json(s["context"]), len(s["steps"]), s["steps"][-1] if s["steps"] else None) for s in series)
    theirs = [(s["name"], s["context"], s["count"], s["last_step"]) for s in summaries_key(have["metrics"])]
    if mine != theirs:
        return False
    last = target._call("GET", f"{run_path}/logs", params={"tail": "1"})["items"]
    return [line["seq"] for line in last] == [line["seq"] for line in logs[-1:]]


def summaries_key(series: list) -> list:
    return sorted(({**s, "context": context_json(s["context"])} for s in series), key=lambda s: (s["name"], s["context"]))


def _run_differences(target: Repo, rec: dict) -> Optional[list]:
    """None when the run is absent from the target; else what differs ([] when nothing)."""
    run = rec["run"]
    have = target._call("GET", f"runs/{quote(run['id'], safe='')}", missing_ok=True)
    if have is None:
        return None
    diffs = [k for k in RUN_FIELDS if have.get(k) != run.get(k)]
    if have["values"] != rec["values"]:
        diffs.append("values")
    if have["inputs"] != rec.get("inputs", []):
        diffs.append("inputs")
    if summaries_key(_series_summaries(target, run["id"], have)) != summaries_key(rec["series"]):
        diffs.append("series")
    artifacts = [{k: a[k] for k in ARTIFACT_FIELDS} for a in target._pages(f"runs/{quote(run['id'], safe='')}/artifacts", {})]
    if artifacts != [{**ARTIFACT_DEFAULTS, **a} for a in rec["artifacts"]]:
        diffs.append("artifacts")
    return diffs


@dataclass
class _Plan:
    repo: Optional[dict] = None
    campaigns: list = field(default_factory=list)  # to import
    campaigns_same: int = 0
    runs: set = field(default_factory=set)  # ids to import
    runs_same: int = 0
    points: int = 0
    conflicts: list = field(default_factory=list)


def _plan(target: Repo, path: str) -> _Plan:
    """Checks every line of the file (FileCheck) and compares its campaigns and runs with the target."""
    plan = _Plan()
    check = FileCheck(path)
    with export_lines(path) as lines:
        for number, obj in lines:
            check.line(number, obj)
            kind = obj["kind"]
            if kind == "repo":
                plan.repo = {"description": obj["description"], "created_at": obj["created_at"]}
            elif kind == "campaign":
                k = {key: obj[key] for key in CAMPAIGN_FIELDS}
                have = target._call("GET", f"campaigns/{quote(k['id'], safe='')}", missing_ok=True)
                if have is None:
                    plan.campaigns.append(k)
                elif all(have.get(key) == k[key] for key in CAMPAIGN_FIELDS):
                    plan.campaigns_same += 1
                else:
                    differ = ", ".join(key for key in CAMPAIGN_FIELDS if have.get(key) != k[key])
                    plan.conflicts.append(f"campaign {k['id']}: exists in repo {target.name!r} with a different {differ}")
            elif kind == "run":
                diffs = _run_differences(target, obj)
                run_id = obj["run"]["id"]
                if diffs is None:
                    plan.runs.add(run_id)
                    plan.points += sum(s["count"] for s in obj["series"])
                elif not diffs:
                    plan.runs_same += 1
                else:
                    plan.conflicts.append(f"run {run_id}: exists in repo {target.name!r} with different {', '.join(diffs)}")
    check.done()
    return plan


def _tokens(column: list) -> list:
    """A column's items as JSON texts. Its items are numbers, null or the wire strings
    (no commas), so splitting the list's JSON at commas gives them."""
    text = _dumps(column)
    return text[1:-1].split(b",") if len(text) > 2 else []


def checked(response, what: str) -> Any:
    if response.status_code >= 400:
        raise RuncampError(f"{what}: {_problem(response)}", response.status_code)
    return _loads(response.content) if response.content else None


class OneAtATime:
    """Runs one request at a time in a worker thread, so the caller builds the next body
    meanwhile; a failure surfaces at the next submit or drain."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1)
        self._pending: Any = None

    def submit(self, fn: Callable[[], None]) -> None:
        self.drain()
        self._pending = self._pool.submit(fn)

    def drain(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()

    def close(self) -> None:
        try:
            self.drain()
        finally:
            self._pool.shutdown(wait=True)


class RunWriter:
    """Writes one run of the file into the target repo as its lines arrive."""

    def __init__(self, target: Repo, rec: dict, bar: Progress, counts: Counts, sender: Optional[OneAtATime] = None) -> None:
        self.sender = sender or OneAtATime()
        self.target = target
        self.rec = rec
        self.id = rec["run"]["id"]
        self.bar = bar
        self.counts = counts
        self.base = f"/v1/repos/{target.name}/runs/{quote(self.id, safe='')}"
        self.batch: list = []  # JSON text of runs of points, each of one series
        self.batch_count = 0
        self.batch_series: set = set()
        self.batch_bytes = 0
        self.artifact: Optional[tuple] = None  # (path, temp file)
        self.log_lines = 0  # log lines the server accepted from this writer
        self.log_full: Optional[str] = None  # why the server refused the run's further log lines
        # Created first, so that points and artifacts have a run to land in; with its whole
        # record (values too), so the server checks all of it in a write that lands or not
        # before any point does.
        self._import({**self.rec["run"], "values": self._values(), "inputs": self._inputs()})

    def _values(self) -> list:
        return [{"name": v["name"], "context": v["context"], "value": v["value"], "updated_at": v["updated_at"]} for v in self.rec["values"]]

    def _inputs(self) -> list:
        # A field a read gives as null (no schema, no context) is one a write leaves out.
        return [{k: v for k, v in i.items() if v is not None} for i in self.rec.get("inputs", [])]

    def _import(self, run: dict) -> None:
        body = {"runs": [run]}
        checked(self.target._transport.call("POST", f"/v1/repos/{self.target.name}/import", body), f"importing run {self.id}")

    def points(self, obj: dict) -> None:
        """Adds a page of points to the ingest batch, sending each full batch. The body is
        built as bytes from each column's JSON (no dict per point: three times faster)."""
        name, context = obj["name"], obj["context"]
        key = (name, context_json(context))
        per_point = len(name) + len(key[1]) + 80
        columns = [_tokens(obj[c]) for c in ("steps", "values", "epochs", "times")]
        n = len(columns[0])
        if any(len(c) != n for c in columns):
            raise ExportError(f"run {self.id}, series {name}: the columns of a page of points differ in length (a damaged file)")
        head = b'{"name":' + _dumps(name) + b',"context":' + _dumps(context) + b',"step":'
        done = 0
        while done < n:
            room = min(_PAGE - self.batch_count, (_MAX_BODY_BYTES - self.batch_bytes) // per_point)
            if room <= 0 or (key not in self.batch_series and len(self.batch_series) >= _MAX_SERIES_PER_REQUEST):
                self.flush()
                continue
            end = min(n, done + room)
            parts = [b'%s,"value":%s,"epoch":%s,"time":%s' % q for q in zip(*(c[done:end] for c in columns))]
            self.batch.append(head + (b"}," + head).join(parts) + b"}")
            self.batch_count += end - done
            self.batch_series.add(key)
            self.batch_bytes += (end - done) * per_point
            done = end

    def flush(self) -> None:
        """Sends the batch; one request stays in flight while the next batch is built."""
        if not self.batch:
            return
        body = b'{"reopen":true,"points":[' + b",".join(self.batch) + b"]}"
        count = self.batch_count
        self.batch, self.batch_series, self.batch_bytes, self.batch_count = [], set(), 0, 0

        def send() -> None:
            r = self.target._transport._client.post(f"{self.base}/metrics", content=body, headers={"content-type": "application/json"})
            checked(r, f"ingesting points of run {self.id}")
            self.counts.points += count
            self.bar.advance(count)

        self.sender.submit(send)

    def logs(self, obj: dict, *, up_to_limit: bool = False) -> None:
        """Sends a logs line's lines (at most 10,000, 16 MiB: one append request). With
        ``up_to_limit`` a 413 (the run's log limit) does not stop the import: a refused request
        stored nothing, so its halves are sent in turn down to the one line that does not fit;
        that line and every later one are dropped, and ``log_full`` keeps the server's reason.
        ``counts.logs`` counts the lines the server stored now (a seq it held already is kept
        as it was), ``log_lines`` the lines it accepted."""
        lines = obj["lines"]

        def append(part: list) -> None:
            if self.log_full is not None:
                return
            r = self.target._transport._client.post(f"{self.base}/logs", json={"lines": part})
            if r.status_code == 413 and up_to_limit:
                if len(part) == 1:
                    self.log_full = _problem(r)
                    return
                append(part[: len(part) // 2])
                append(part[len(part) // 2 :])
                return
            self.counts.logs += checked(r, f"appending log lines of run {self.id}")["lines"]
            self.log_lines += len(part)

        self.sender.submit(lambda: append(lines))

    def artifact_part(self, obj: dict) -> None:
        if self.artifact is None or self.artifact[0] != obj["path"]:
            self._upload_artifact()
            self.artifact = (obj["path"], tempfile.TemporaryFile())
        self.artifact[1].write(base64.b64decode(obj["data"]))

    def _upload_artifact(self) -> None:
        if self.artifact is None:
            return
        path, tmp = self.artifact
        self.artifact = None
        meta = next(a for a in self.rec["artifacts"] if a["path"] == path)
        with tmp:
            size = tmp.tell()
            tmp.seek(0)
            r = self.target._transport._client.put(
                artifact_url(self.target.name, self.id, path) + artifact_query(meta.get("step"), meta.get("context")),
                content=iter(lambda: tmp.read(_ARTIFACT_PART), b""),
                headers={"content-type": meta["content_type"], "content-length": str(size)},
            )
        stored = checked(r, f"uploading artifact {path!r} of run {self.id}")
        if stored.get("sha256") != meta["sha256"]:  # the bytes were checked while reading: this is a changed file or a broken transfer
            raise ExportError(f"run {self.id}, artifact {path!r}: the server stored bytes whose SHA-256 is not the one the file lists")
        self.counts.artifacts += 1

    def finish(self) -> None:
        self.flush()
        self.sender.drain()
        self._upload_artifact()
        artifacts = [{"path": a["path"], "created_at": a["created_at"]} for a in self.rec["artifacts"]]
        self._import({**self.rec["run"], "values": self._values(), "inputs": self._inputs(), "artifacts": artifacts})
        self.counts.runs += 1
        self.counts.series += len(self.rec["series"])


def _undo_run(target: Repo, sender: OneAtATime, run_id: str) -> str:
    """Deletes what the import wrote of ``run_id`` (absent from the target before: the plan
    imports only absent runs), after the request in flight; says what became of the run."""
    try:
        sender.drain()
    except Exception:  # the error that stopped the import is the one to report
        pass
    try:
        target._call("DELETE", f"runs/{quote(run_id, safe='')}", missing_ok=True)
    except (RuncampError, OSError, httpx.HTTPError):
        return f"run {run_id} may be half-written in repo {target.name!r}: delete it (runcamp rm {run_id}) before importing again"
    return f"nothing of run {run_id} was kept; the runs before it are imported"


def _noted(err: Exception, note: str) -> Exception:
    """The error that stopped the import, as the CLI reports it, with what became of the run."""
    if isinstance(err, RuncampError):
        return RuncampError(f"{err} ({note})", err.status)
    if isinstance(err, ExportError):
        return ExportError(f"{err} ({note})")
    return ConnectionError(f"{err} ({note})")


def import_file(path: str, target: Repo, *, progress: bool = False) -> ImportReport:
    """Imports an export file into ``target`` (a Repo; its name is the target repo). Raises
    ExportError, before writing anything, when a line of the file breaks the format's rules
    (``export_file.py``) or the target holds a campaign or run of the file with other
    content (listing every conflict). A run the server refuses while it is written is deleted
    again; the runs before it stay."""
    try:
        plan = _plan(target, path)
    except ExportError as e:
        raise ExportError(f"{e}; nothing was imported") from None
    if plan.conflicts:
        raise ExportError(
            f"refused: {len(plan.conflicts)} conflict(s) with repo {target.name!r}, nothing was written:\n  "
            + "\n  ".join(plan.conflicts)
            + "\n(the same id holds other content there; import into another repo with --repo, or delete those runs first."
            " A run left half-written by an interrupted import shows up here too.)"
        )
    report = ImportReport(target.name, campaigns_imported=len(plan.campaigns), campaigns_skipped=plan.campaigns_same, skipped_runs=plan.runs_same)
    head: dict = {"campaigns": plan.campaigns}
    if plan.repo:
        head["repo"] = plan.repo
    checked(target._transport.call("POST", f"/v1/repos/{target.name}/import", head), "importing the repo and campaigns")
    writer: Optional[RunWriter] = None
    writing: Optional[str] = None  # the run being written, from its first request to its last
    sender = OneAtATime()
    check = FileCheck(path)  # again: a file changed since the first pass must not write a bad run
    with export_lines(path) as lines, Progress(progress, f"import → {target.name}", plan.points) as bar, closing(sender):
        try:
            for number, obj in lines:
                check.line(number, obj)
                kind = obj["kind"]
                if kind == "run":
                    writer = None
                    if obj["run"]["id"] in plan.runs:
                        writing = obj["run"]["id"]
                        writer = RunWriter(target, obj, bar, report.imported, sender)
                elif writer is None:
                    continue
                elif kind == "points":
                    writer.points(obj)
                elif kind == "artifact":
                    writer.artifact_part(obj)
                elif kind == "logs":
                    writer.logs(obj)
                elif kind == "run_end":
                    writer.finish()
                    writer = writing = None
            check.done()
        except (ExportError, RuncampError, OSError, httpx.HTTPError) as e:
            if writing is not None:
                raise _noted(e, _undo_run(target, sender, writing)) from None
            if isinstance(e, httpx.HTTPError):  # from a raw request (ingest, upload): not retried, not mapped
                raise ConnectionError(str(e)) from None
            raise
    return report


# ---- the commands ---------------------------------------------------------------------------


@click.command("export")
@click.option("--campaign", help="The runs of this campaign (id or name).")
@click.option("--filter", "-f", "filter_", help="The runs this filter selects (archived ones included).")
@click.option("--repo", "whole_repo", is_flag=True, help="Every run of the repo.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, writable=True), help="File to write (gzip'd JSON Lines).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@pass_ctx
def export_cmd(ctx: Ctx, campaign: Optional[str], filter_: Optional[str], whole_repo: bool, output: str, progress: Optional[bool]) -> None:
    """Write a campaign, a run selection or the whole repo to one file."""
    if sum(x is not None and x is not False for x in (campaign, filter_, whole_repo or None)) != 1:
        raise Failure("choose what to export: one of --campaign, --filter, --repo", 2)
    repo = ctx.repo()
    try:
        counts = export_runs(repo, output, campaign=campaign, filter=filter_, progress=sys.stderr.isatty() if progress is None else progress)
    except ExportError as e:
        raise Failure(str(e)) from None
    except (RuncampError, ConnectionError) as e:
        raise fail(e) from None
    click.echo(
        f"exported {counts.runs} runs, {counts.series} series, {counts.points} points, {counts.artifacts} artifacts, {counts.logs} log lines"
        f" from repo {repo.name} to {output}"
    )


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--repo", "into", help="Import into this repo (default: --repo/RUNCAMP_REPO, else the repo the file came from).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.pass_context
def import_cmd(click_ctx: click.Context, file: str, into: Optional[str], progress: Optional[bool]) -> None:
    """Import an export file; importing it again changes nothing; conflicts and bad files are refused."""
    ctx: Ctx = click_ctx.obj
    try:
        name = into or ctx.repo_name or source_repo(file)
        report = import_file(file, ctx.repo(name), progress=sys.stderr.isatty() if progress is None else progress)
    except ExportError as e:
        raise Failure(str(e)) from None
    except (RuncampError, ConnectionError) as e:
        raise fail(e) from None
    c = report.imported
    click.echo(
        f"imported {c.runs} runs ({c.series} series, {c.points} points, {c.artifacts} artifacts, {c.logs} log lines) "
        f"and {report.campaigns_imported} campaigns into repo {report.repo}; "
        f"{report.skipped_runs} runs and {report.campaigns_skipped} campaigns already there unchanged"
    )
