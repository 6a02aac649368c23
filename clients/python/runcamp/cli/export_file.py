"""The export file as ``runcamp import`` reads it: every line read with a bound, and the rules
its records follow, checked before anything of the file is written.

An export file may come from anywhere (another lab, a download, an attachment), so import
treats it as the server treats a request body: hostile until checked. A file that breaks one
of these rules is refused with one message naming the line, and nothing of it is written:

==================  ================================================================================
what                rule
==================  ================================================================================
every line          at most ``MAX_LINE_BYTES`` once decompressed, measured by a bounded readline
                    before anything parses it (a gzip bomb is refused after the bound is read);
                    one JSON object; NaN, Infinity and numbers past float64 refused by the parser
order               header, repo, campaigns, then per run: its record, its points, logs and
                    artifact parts, its ``run_end``; the ``end`` line last and nothing after it
run record          fields of ``RUN_FIELDS`` only; ``failure`` null or {type, message} strings;
                    ``inputs`` (absent in files written before inputs) a list of objects
ids and names       run and campaign ids, series and value names, contexts, artifact paths and
                    content types by the server's own rules (``src/http/schemas.ts``,
                    ``src/api/artifacts/schemas.ts``); no run, series or artifact path twice
points              of the current run and of a series its record lists; four columns of one
                    length; steps integers 0..2^53-1 rising within the series; values numbers or
                    "NaN"/"Infinity"/"-Infinity"; epochs integers or null; times numbers in the
                    server's range; each series holds as many points as its summary's count
artifacts           parts of a path the record lists, each path's parts together and numbered
                    from 0, valid base64; the bytes have the listed size and SHA-256; every
                    listed artifact has its parts; its step null or an integer 0..2^53-1 and its
                    context a context (both absent in files written before artifacts had them)
logs                of the current run, 1 to ``MAX_LOG_LINES`` lines a record, each exactly {seq,
                    stream, time, text}: seq an integer 0..2^53-1 rising through the run (no
                    seq twice: the server would drop the repeat), stream "stdout" or "stderr",
                    time a number, text a string without NUL or unpaired surrogates of at most
                    ``MAX_LOG_TEXT`` UTF-16 code units (the server's rules)
end line            its runs, series, points and artifacts are what the file holds; so are its
                    logs when it counts them (a file written before logs has no such count)
==================  ================================================================================

What the server checks anyway and answers for in one atomic write (instants, statuses, tags,
params size and depth, values, inputs) is left to it: the first request that writes a run carries
its whole record, values included, so a refusal there writes nothing of the run.

Why one pass over the whole file before the write pass, not buffering each run: a run may hold
10^7 points (gigabytes as Python objects) and the end line, which must agree with the whole
file, comes last. The check holds one line, per run a counter per series and one running
SHA-256, and the file's run and campaign ids (to refuse one twice): memory bounded by the
longest line, not by the size of a run. Import reads the file twice anyway (to plan, then to
write); the check adds parsing the points in the planning pass. The write pass checks every
line again, so a file changed between the passes cannot write a bad run.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import math
import operator
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import IO, Any, Callable, NoReturn, Optional

from .._artifacts import check_artifact_path, name_issue, utf16_len

FORMAT = "runcamp-export"
VERSION = 1
RUN_FIELDS = (
    "id", "name", "experiment", "description", "status", "archived", "campaign", "params", "tags", "provenance",
    "created_at", "updated_at", "ended_at", "last_activity_at", "failure",
)  # fmt: skip
CAMPAIGN_FIELDS = ("id", "name", "description", "params", "created_at")
ARTIFACT_FIELDS = ("path", "size", "content_type", "sha256", "created_at", "step", "context")
# What an artifact listed in a file written before artifacts had a step and context stands for.
ARTIFACT_DEFAULTS = {"step": None, "context": {}}
POINT_COLUMNS = ("steps", "values", "epochs", "times")
LOG_FIELDS = ("seq", "stream", "time", "text")
LOG_STREAMS = frozenset({"stdout", "stderr"})
MAX_LOG_LINES = 10_000  # lines per logs record: the server's page and append limits
MAX_LOG_TEXT = 65_536  # a log line's text, in UTF-16 code units (the server's Text rule)

# The server's default request body limit. No line of a file export writes comes near it (a
# points line holds at most 100,000 points, about 8 MB at the longest; an artifact part 1 MiB,
# 1.4 MB as base64), and a run's record travels to POST .../import in one request, which this
# limit caps anyway. Export refuses to write a longer line, import to read one.
MAX_LINE_BYTES = 32 * 1024 * 1024
MAX_NAME_LENGTH = 255  # UTF-16 code units, as the server counts them
MAX_STEP = 2**53 - 1  # steps and epochs: JavaScript's safe integers
MAX_TIME = (2**52 - 1) / 1000  # seconds: the server's MAX_TIME_MS
WIRE_NUMBERS = frozenset({"NaN", "Infinity", "-Infinity"})
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_REPO = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
# The upload route's media type rule, without the line breaks its `\s` would let into a header.
_MEDIA_TYPE = re.compile(r"[\w!#$&^.+-]+/[\w!#$&^.+-]+(?:[ \t]*;[\x20-\x7e\t]*)?", re.ASCII)


class ExportError(Exception):
    """An export or import that cannot go on (bad file, conflicts, a refused request)."""


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"number {text[:20]} is out of range")
    return number


def _loads_json(raw: Any) -> Any:
    """json.loads refusing what orjson refuses: NaN and Infinity literals, floats past float64."""
    return json.loads(raw, parse_constant=_no_constant, parse_float=_finite)


try:  # orjson is optional (runcamp[pandas]); about 3x faster on long pages of points
    import orjson

    def dumps(obj: Any) -> bytes:
        return orjson.dumps(obj)

    loads: Callable[[Any], Any] = orjson.loads
except ImportError:  # pragma: no cover - exercised where orjson is absent

    def dumps(obj: Any) -> bytes:
        return json.dumps(obj, separators=(",", ":"), allow_nan=False).encode()

    loads = _loads_json


def context_json(context: dict) -> str:
    return json.dumps(context, separators=(",", ":"), sort_keys=True)


def _excerpt(value: Any) -> str:
    """A value of the file in a message: repr (control characters escaped), at most 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _Bad(Exception):
    """A rule the line breaks; the caller adds the file and the line number."""


def _fail(message: str) -> NoReturn:
    raise _Bad(message)


def _read_line(f: IO[bytes]) -> Optional[dict]:
    """The next line as an object (None at the end of the file); a line longer than
    MAX_LINE_BYTES is refused before anything parses it: readline stops reading there."""
    try:
        raw = f.readline(MAX_LINE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as e:
        _fail(f"damaged or truncated ({e})")
    if not raw:
        return None
    if len(raw) - raw.endswith(b"\n") > MAX_LINE_BYTES:
        _fail(f"longer than {MAX_LINE_BYTES // 2**20} MiB decompressed, the limit of a line (a damaged or crafted file)")
    try:
        obj = loads(raw)
    except RecursionError:
        _fail("not valid JSON (nested too deep)")
    except ValueError as e:
        pos = getattr(e, "pos", None)
        _fail(f"not valid JSON{f' at byte {pos}' if isinstance(pos, int) else ''}")
    if not isinstance(obj, dict):
        _fail("not a JSON object")
    return obj


def _open(path: str) -> tuple:
    """The file opened, and its header (line 1) checked."""
    try:
        f = gzip.open(path, "rb")
    except OSError as e:
        raise ExportError(f"{path}: not a runcamp export file ({e})") from None
    try:
        header = _read_line(f)
        if header is None or header.get("kind") != FORMAT:
            _fail(f"no {FORMAT} header")
    except _Bad as e:
        f.close()
        raise ExportError(f"{path}: not a runcamp export file ({e})") from None
    if header.get("version") != VERSION:
        f.close()
        raise ExportError(f"{path}: export format version {_excerpt(header.get('version'))}; this runcamp reads version {VERSION}")
    return f, header


@contextmanager
def export_lines(path: str) -> Iterator[Iterator[tuple]]:
    """The lines after the header as (line number, object), each read with a bound."""
    f, _ = _open(path)

    def lines() -> Iterator[tuple]:
        number = 1
        while True:
            number += 1
            try:
                obj = _read_line(f)
            except _Bad as e:
                raise ExportError(f"{path}, line {number}: {e}") from None
            if obj is None:
                return
            yield number, obj

    try:
        yield lines()
    finally:
        f.close()


def source_repo(path: str) -> str:
    """The repo the file was exported from (the import's default target)."""
    f, header = _open(path)
    f.close()
    source = header.get("source")
    repo = source.get("repo") if isinstance(source, dict) else None
    if not isinstance(repo, str) or not _REPO.fullmatch(repo):
        raise ExportError(f"{path}: the header names no valid source repo; choose the target with --repo")
    return repo


def _dict(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        _fail(f"{what} is not an object")
    return value


def _list(value: Any, what: str) -> list:
    if not isinstance(value, list):
        _fail(f"{what} is not a list")
    return value


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        _fail(f"{what} is not a string")
    return value


def _count(value: Any, what: str) -> int:
    if type(value) is not int or value < 0:
        _fail(f"{what} is not a count (an integer from 0)")
    return value


def _id(value: Any, what: str) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        _fail(f"{what} {_excerpt(value)} is not an id (1-64 characters of A-Z, a-z, 0-9, '_' or '-')")
    return value


def _name(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value or utf16_len(value) > MAX_NAME_LENGTH:
        _fail(f"{what} {_excerpt(value)} is not a name (1-{MAX_NAME_LENGTH} characters)")
    issue = name_issue(value)
    if issue:
        _fail(f"{what} {_excerpt(value)} {issue}")
    return value


def _context(value: Any, what: str) -> dict:
    """A flat object of strings, numbers and booleans, without control characters."""
    for key, item in _dict(value, what).items():
        if name_issue(key) or not isinstance(item, (str, int, float)) or (isinstance(item, str) and name_issue(item)):
            _fail(f"{what} {_excerpt(value)} is not a context (keys and string values without control characters; values strings, numbers or booleans)")
    return value


def _artifact_path(value: Any, what: str) -> str:
    try:
        return check_artifact_path(value)
    except (TypeError, ValueError) as e:
        _fail(f"{what} {_excerpt(value)}: {str(e).removeprefix('runcamp: ')}")


@dataclass
class _Series:
    count: int  # as the record's summary gives it
    seen: int = 0
    last_step: int = -1


@dataclass
class _Artifact:
    size: int
    sha256: str
    seen: int = 0  # bytes
    parts: int = 0
    digest: Any = field(default_factory=hashlib.sha256)
    complete: bool = False


@dataclass
class _Run:
    id: str
    series: dict  # (name, context JSON) -> _Series
    artifacts: dict  # path -> _Artifact
    part_of: Optional[str] = None  # the path whose parts are coming
    last_seq: int = -1  # of its log lines


class FileCheck:
    """Checks the lines of one file in order (see the module doc); ``line`` raises ExportError
    naming the file, the line and the rule, ``done`` at the end of the file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stage = "head"  # head (repo, campaigns) → runs → run (inside one) → ... → ended
        self.run: Optional[_Run] = None
        self.run_ids: set = set()  # one short id per run of the file: the only state that grows
        self.campaign_ids: set = set()
        self.repo_seen = False
        self.totals = {"runs": 0, "series": 0, "points": 0, "artifacts": 0, "logs": 0}
        self._kinds: dict = {
            "repo": self._repo,
            "campaign": self._campaign,
            "run": self._run,
            "points": self._points,
            "artifact": self._artifact,
            "logs": self._logs,
            "run_end": self._run_end,
            "end": self._end,
        }

    def line(self, number: int, obj: dict) -> None:
        try:
            if self.stage == "ended":
                _fail("a line after the end line")
            kind = obj.get("kind")
            check = self._kinds.get(kind) if isinstance(kind, str) else None
            if check is None:
                _fail(f"unknown kind of line {_excerpt(kind)}")
            check(obj)
        except _Bad as e:
            raise ExportError(f"{self.path}, line {number}: {e}") from None

    def done(self) -> None:
        if self.stage != "ended":
            raise ExportError(f"{self.path}: truncated (no end line); export it again")

    # ---- records

    def _repo(self, obj: dict) -> None:
        if self.stage != "head" or self.repo_seen:
            _fail("a repo line out of place (one, right after the header)")
        self.repo_seen = True
        _text(obj.get("description"), "the repo's description")
        _text(obj.get("created_at"), "the repo's created_at")

    def _campaign(self, obj: dict) -> None:
        if self.stage != "head":
            _fail("a campaign line after the runs began")
        for key in CAMPAIGN_FIELDS:
            if key not in obj:
                _fail(f"a campaign without {key}")
        cid = _id(obj["id"], "campaign id")
        if cid in self.campaign_ids:
            _fail(f"campaign {cid} appears twice")
        self.campaign_ids.add(cid)
        _name(obj["name"], f"campaign {cid}: name")
        _text(obj["description"], f"campaign {cid}: description")
        _dict(obj["params"], f"campaign {cid}: params")
        _text(obj["created_at"], f"campaign {cid}: created_at")

    def _run(self, obj: dict) -> None:
        self._not_in_run("a run line")
        record = _dict(obj.get("run"), "a run line's run")
        run_id = _id(record.get("id"), "run id")
        if run_id in self.run_ids:
            _fail(f"run {run_id} appears twice")
        unknown = [key for key in record if key not in RUN_FIELDS]
        if unknown:
            _fail(f"run {run_id}: unknown field {_excerpt(unknown[0])}")
        if record.get("campaign") is not None:
            _id(record["campaign"], f"run {run_id}: campaign")
        failure = record.get("failure")
        if failure is not None and (
            not isinstance(failure, dict) or set(failure) != {"type", "message"} or not all(isinstance(v, str) for v in failure.values())
        ):
            _fail(f"run {run_id}: failure {_excerpt(failure)} is neither null nor {{type, message}} strings")
        for i, value in enumerate(_list(obj.get("values"), f"run {run_id}: values")):
            what = f"run {run_id}: value {i}"
            _dict(value, what)
            _name(value.get("name"), f"{what}: name")
            _context(value.get("context"), f"{what}: context")
            if "value" not in value:
                _fail(f"{what} has no value")
            _text(value.get("updated_at"), f"{what}: updated_at")
        # Inputs, like values, are checked field by field by the server in the run's first write.
        for i, item in enumerate(_list(obj.get("inputs", []), f"run {run_id}: inputs")):
            _dict(item, f"run {run_id}: input {i}")
        series: dict = {}
        for i, summary in enumerate(_list(obj.get("series"), f"run {run_id}: series")):
            what = f"run {run_id}: series {i}"
            _dict(summary, what)
            name = _name(summary.get("name"), f"{what}: name")
            key = (name, context_json(_context(summary.get("context"), f"{what}: context")))
            if key in series:
                _fail(f"{what} repeats the series {_excerpt(name)} {key[1]}")
            series[key] = _Series(_count(summary.get("count"), f"{what}: count"))
        artifacts: dict = {}
        for i, meta in enumerate(_list(obj.get("artifacts"), f"run {run_id}: artifacts")):
            what = f"run {run_id}: artifact {i}"
            _dict(meta, what)
            path = _artifact_path(meta.get("path"), f"{what}: path")
            if path in artifacts:
                _fail(f"{what} repeats the path {_excerpt(path)}")
            sha256 = meta.get("sha256")
            if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
                _fail(f"{what}: sha256 {_excerpt(sha256)} is not 64 lowercase hex digits")
            content_type = meta.get("content_type")
            if not isinstance(content_type, str) or len(content_type) > 255 or not _MEDIA_TYPE.fullmatch(content_type):
                _fail(f"{what}: content_type {_excerpt(content_type)} is not a media type (type/subtype)")
            _text(meta.get("created_at"), f"{what}: created_at")
            step = meta.get("step")
            if step is not None and (isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= MAX_STEP):
                _fail(f"{what}: step {_excerpt(step)} is not null or an integer from 0 to 2^53-1")
            _context(meta.get("context", {}), f"{what}: context")
            artifacts[path] = _Artifact(_count(meta.get("size"), f"{what}: size"), sha256)
        self.run_ids.add(run_id)
        self.run = _Run(run_id, series, artifacts)
        self.stage = "run"
        self.totals["runs"] += 1
        self.totals["series"] += len(series)
        self.totals["artifacts"] += len(artifacts)

    def _points(self, obj: dict) -> None:
        run = self._current(obj, "points")
        name, context = obj.get("name"), obj.get("context")
        if not isinstance(name, str) or not isinstance(context, dict):
            _fail(f"run {run.id}: a points line without a name and a context")
        series = run.series.get((name, context_json(context)))
        if series is None:
            _fail(f"run {run.id}: points of a series its record does not list ({_excerpt(name)} {context_json(context)[:40]})")
        what = f"run {run.id}, series {_excerpt(name)}"
        steps, values, epochs, times = (obj.get(c) for c in POINT_COLUMNS)
        if not all(isinstance(c, list) for c in (steps, values, epochs, times)):
            _fail(f"{what}: a points line without its four columns ({', '.join(POINT_COLUMNS)})")
        n = len(steps)
        if n == 0 or len(values) != n or len(epochs) != n or len(times) != n:
            _fail(f"{what}: the columns of a page of points are empty or differ in length")
        # Checked a column at a time (set of types, min and max), not point by point: a page
        # holds 100,000 points.
        if set(map(type, steps)) != {int} or steps[0] <= series.last_step or steps[-1] > MAX_STEP or not all(map(operator.lt, steps, islice(steps, 1, None))):
            _fail(f"{what}: steps are not integers from 0 to 2^53-1 rising through the series")
        kinds = set(map(type, values))
        if not kinds <= {int, float, str} or (str in kinds and not {v for v in values if type(v) is str} <= WIRE_NUMBERS):
            _fail(f'{what}: a value is neither a number nor "NaN", "Infinity" or "-Infinity"')
        epoch_numbers = [e for e in epochs if e is not None]
        if epoch_numbers and (set(map(type, epoch_numbers)) != {int} or min(epoch_numbers) < 0 or max(epoch_numbers) > MAX_STEP):
            _fail(f"{what}: an epoch is neither null nor an integer from 0 to 2^53-1")
        if not set(map(type, times)) <= {int, float} or min(times) < 0 or max(times) > MAX_TIME:
            _fail(f"{what}: a time is not a number of seconds from 0 to {MAX_TIME:.0f}")
        series.seen += n
        series.last_step = steps[-1]
        if series.seen > series.count:
            _fail(f"{what}: more points than the {series.count} its summary counts")
        self.totals["points"] += n

    def _artifact(self, obj: dict) -> None:
        run = self._current(obj, "artifact")
        path = obj.get("path")
        artifact = run.artifacts.get(path) if isinstance(path, str) else None
        if artifact is None:
            _fail(f"run {run.id}: bytes of an artifact its record does not list ({_excerpt(path)})")
        what = f"run {run.id}, artifact {_excerpt(path)}"
        if run.part_of != path:
            self._close_artifact(run)
            if artifact.parts:
                _fail(f"{what}: its parts are not together")
            run.part_of = path
        if type(obj.get("seq")) is not int or obj["seq"] != artifact.parts:
            _fail(f"{what}: part {_excerpt(obj.get('seq'))} where part {artifact.parts} was due")
        data = obj.get("data")
        try:
            chunk = base64.b64decode(_text(data, f"{what}: data"), validate=True)
        except (binascii.Error, ValueError):
            _fail(f"{what}: part {artifact.parts} is not base64")
        artifact.parts += 1
        artifact.seen += len(chunk)
        if artifact.seen > artifact.size:
            _fail(f"{what}: more bytes than the {artifact.size} its record lists")
        artifact.digest.update(chunk)

    def _logs(self, obj: dict) -> None:
        run = self._current(obj, "logs")
        lines = obj.get("lines")
        if not isinstance(lines, list) or not 1 <= len(lines) <= MAX_LOG_LINES:
            _fail(f"run {run.id}: a logs line without 1 to {MAX_LOG_LINES:,} lines")
        for line in lines:
            if not isinstance(line, dict) or line.keys() != set(LOG_FIELDS):
                _fail(f"run {run.id}: a log line {_excerpt(line)} is not exactly {{{', '.join(LOG_FIELDS)}}}")
            seq, stream, time, text = (line[k] for k in LOG_FIELDS)
            what = f"run {run.id}, log line {_excerpt(seq)}"
            if type(seq) is not int or seq <= run.last_seq or seq > MAX_STEP:
                _fail(f"{what}: seq is not an integer from 0 to 2^53-1 rising through the run's logs")
            run.last_seq = seq
            if stream not in LOG_STREAMS:
                _fail(f"{what}: stream {_excerpt(stream)} is neither 'stdout' nor 'stderr'")
            if type(time) not in (int, float):
                _fail(f"{what}: time {_excerpt(time)} is not a number")
            if not isinstance(text, str):
                _fail(f"{what}: text is not a string")
            if "\x00" in text:
                _fail(f"{what}: text contains NUL")
            try:
                length = utf16_len(text)
            except UnicodeEncodeError:
                _fail(f"{what}: text contains unpaired surrogates (not Unicode)")
            if length > MAX_LOG_TEXT:
                _fail(f"{what}: text longer than {MAX_LOG_TEXT:,} characters")
        self.totals["logs"] += len(lines)

    def _run_end(self, obj: dict) -> None:
        run = self._current(obj, "run_end")
        self._close_artifact(run)
        for path, artifact in run.artifacts.items():
            if not artifact.complete:
                _fail(f"run {run.id}, artifact {_excerpt(path)}: no bytes in the file")
        for (name, context), series in run.series.items():
            if series.seen != series.count:
                _fail(f"run {run.id}, series {_excerpt(name)} {context[:40]}: {series.seen} points in the file, {series.count} in its summary")
        self.run = None
        self.stage = "runs"

    def _end(self, obj: dict) -> None:
        self._not_in_run("the end line")
        wrong = [
            f"{key} {_excerpt(obj.get(key))} (the file holds {held})"
            for key, held in self.totals.items()
            if (type(obj.get(key)) is not int or obj.get(key) != held) and (key != "logs" or "logs" in obj)  # no logs count: written before logs
        ]
        if wrong:
            _fail(f"the end line's counts are not the file's: {', '.join(wrong)}")
        self.stage = "ended"

    # ---- helpers

    def _not_in_run(self, what: str) -> None:
        if self.run is not None:
            _fail(f"{what} before run {self.run.id} ended (no run_end line)")
        self.stage = "runs"

    def _current(self, obj: dict, kind: str) -> _Run:
        if self.run is None:
            _fail(f"a {kind} line outside a run")
        if obj.get("run") != self.run.id:
            _fail(f"a {kind} line of run {_excerpt(obj.get('run'))} inside run {self.run.id}")
        return self.run

    def _close_artifact(self, run: _Run) -> None:
        """The artifact whose parts just ended: its bytes must be the listed ones."""
        if run.part_of is None:
            return
        artifact = run.artifacts[run.part_of]
        what = f"run {run.id}, artifact {_excerpt(run.part_of)}"
        run.part_of = None
        if artifact.seen != artifact.size:
            _fail(f"{what}: {artifact.seen} bytes in the file, {artifact.size} in its record")
        if artifact.digest.hexdigest() != artifact.sha256:
            _fail(f"{what}: the bytes' SHA-256 is not the one its record lists")
        artifact.complete = True
        artifact.digest = None  # done with it
