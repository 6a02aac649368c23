"""Reading experiments back: ``runcamp.Repo``, its runs and their series, as DataFrames.

    repo = runcamp.Repo("cifar")
    runs = repo.runs('metrics.acc{subset:"val"}.max > 0.9', sort='values.acc{subset:"test"} desc')
    runs.dataframe()                       # one row per run: fields, params, values, series summaries
    repo.metrics(["loss", "acc"], filter='campaign = "grid"')     # long: run, name, subset, step, ...
    repo.campaign("grid").summary(metrics="acc", group_by="aug")
    runcamp.Campaign("grid", repo="cifar", params={"seeds": 3})   # get-or-create

Campaigns live here beside the Repo (each needs the other: ``Repo.campaign`` returns one,
a ``Campaign`` reads through its repo). Get-or-create is one idempotent request:
``POST .../campaigns`` with the name as the id when it is a valid id
(``[A-Za-z0-9_-]{1,64}``), else the name alone; 201 (created), 200 (that id exists) and 409
(that name exists under another id) all mean the campaign is there. With the server away, ``Campaign(...)`` does not fail: the request waits, and a
``Run(campaign=...)`` spools it before its own creation, so they replay in order.

Requests: a run listing is one request per 1,000 runs and per 100 columns (``columns="auto"``
adds one ``GET .../columns`` to learn which values and series the repo has). Downsampled
series (``points=N``) come from ``metrics/query``: one request per 1,000 runs × 100 series.
Raw series (``points=None``) are read page by page (100,000 points a page, ``format=columnar``),
four series at a time; ``iter_metrics`` yields them page by page without holding them all.
pandas is optional (``pip install runcamp[pandas]``): without it the same calls return lists
of dicts (and ``series`` columns as lists).
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Optional, Union
from urllib.parse import quote, urlencode

from . import _frames as F
from ._delivery.spool import SpooledRequest
from ._delivery.transport import Transport, _problem
from ._errors import DEFAULT_URL, RuncampError
from ._wire import dumps

log = logging.getLogger("runcamp")

DEFAULT_AGGS = ("last", "min", "max")
# A run's fields besides its id, in the order tables show them (the CLI's `show` too).
RUN_FIELDS = (
    "name",
    "experiment",
    "description",
    "status",
    "stale",
    "archived",
    "campaign",
    "parent",
    "tags",
    "created_at",
    "updated_at",
    "ended_at",
    "last_activity_at",
)
_INSTANTS = ("created_at", "updated_at", "ended_at", "last_activity_at")
_MAX_COLUMNS = 100  # per listing request (the server's limit)
_MAX_URL_COLUMNS_CHARS = 6000  # keeps a listing URL well under common 8 KiB limits
_PAGE = 1000
_RAW_PAGE = 100_000
_QUERY_RUNS = 1000
_QUERY_METRICS = 100
_METRIC_FIXED = ("run", "name", "step", "epoch", "time", "value", "count", "min", "max")


def _status_clause(status: Any) -> Optional[str]:
    if status is None or status == "any":
        return None
    statuses = [status] if isinstance(status, str) else list(status)
    return "status in (" + ", ".join(json.dumps(s) for s in statuses) + ")"


def _and(*parts: Optional[str]) -> Optional[str]:
    parts = tuple(p for p in parts if p)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else " and ".join(f"({p})" for p in parts)


class Repo:
    """A repo of a runcamp server, for reading. ``url``/``token`` default to
    ``$RUNCAMP_URL``/``$RUNCAMP_TOKEN``, the name to ``$RUNCAMP_REPO`` or ``default``."""

    def __init__(
        self, name: Optional[str] = None, *, url: Optional[str] = None, token: Optional[str] = None, timeout: float = 60.0, retry_for: float = 10.0
    ) -> None:
        self.name = name or os.environ.get("RUNCAMP_REPO") or "default"
        self.url = (url or os.environ.get("RUNCAMP_URL") or DEFAULT_URL).rstrip("/")
        self.token = token if token is not None else os.environ.get("RUNCAMP_TOKEN")
        self._transport = Transport(self.url, self.token, timeout)
        self._retry_for = retry_for
        self._base = f"/v1/repos/{self.name}"

    # ---- HTTP --------------------------------------------------------------------------

    def _give_up(self, seconds: float):
        started = time.monotonic()
        return lambda delay: time.monotonic() - started + delay > seconds

    def _call(self, method: str, path: str, *, params: Optional[dict] = None, body: Any = None, missing_ok: bool = False) -> Any:
        """One request under the repo (retried on connection errors, 429 and 5xx for
        ``retry_for`` seconds); the decoded JSON, or RuncampError naming the problem."""
        full = f"{self._base}/{path}" if path else self._base
        if params:
            full += "?" + urlencode({k: v for k, v in params.items() if v is not None})
        r = self._transport.call(method, full, body, give_up=self._give_up(self._retry_for))
        if r.status_code == 404 and missing_ok:
            return None
        if r.status_code >= 400:
            raise RuncampError(f"{method} {full.split('?')[0]}: {_problem(r)}", r.status_code)
        return _json(r)

    def _pages(self, path: str, params: dict, limit: Optional[int] = None) -> Iterator[dict]:
        cursor = None
        served = 0
        while True:
            page_size = _PAGE if limit is None else max(1, min(_PAGE, limit - served))
            body = self._call("GET", path, params={**params, "limit": str(page_size), "cursor": cursor})
            for item in body["items"]:
                yield item
                served += 1
                if limit is not None and served >= limit:
                    return
            cursor = body.get("next_cursor")
            if not cursor:
                return

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> Repo:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<runcamp.Repo {self.name} url={self.url}>"

    # ---- runs --------------------------------------------------------------------------

    def fields(self) -> dict:
        """The param paths, values, series and key/value tags the repo's runs have, as filter fields
        (``GET .../columns``): ``{"params": [...], "values": [{name, context, field}], "metrics": [...], "tag_values": [...]}``."""
        return self._call("GET", "columns")

    def _auto_columns(self, aggs: Sequence[str]) -> list:
        fields = self.fields()
        return [v["field"] for v in fields["values"]] + [f"{m['field']}.{agg}" for m in fields["metrics"] for agg in aggs]

    def runs(
        self,
        filter: Optional[str] = None,
        *,
        status: Any = None,
        sort: Optional[str] = None,
        limit: Optional[int] = None,
        columns: Any = "auto",
        aggs: Sequence[str] = DEFAULT_AGGS,
    ) -> RunList:
        """Runs matching ``filter`` (the run filter language) and ``status`` (one status or a
        list), sorted by ``sort``, all of them or the first ``limit``.

        ``columns``: ``"auto"`` evaluates every value and, for every series, the summaries
        in ``aggs`` (``last``, ``min``, ``max``, ``count``, ``last_step``) for each run, in
        the listing itself; a list of filter fields evaluates those; ``None`` none."""
        if columns == "auto":
            columns = self._auto_columns(aggs)
        columns = [c.strip() for c in (columns or [])]
        chunks = _column_chunks(columns)
        query = {"filter": _and(filter, _status_clause(status)), "sort": sort, "provenance": "false"}
        items: Optional[list] = None
        for chunk in chunks or [None]:
            params = dict(query, columns=",".join(chunk) if chunk else None)
            page = list(self._pages("runs", params, limit))
            if items is None:
                items = page
            else:  # the same runs in the same order, each with more columns
                by_id = {item["id"]: item for item in page}
                for item in items:
                    item.setdefault("columns", {}).update((by_id.get(item["id"]) or {}).get("columns") or {})
        return RunList(RunRecord(self, item) for item in items or [])

    def run(self, run_id: str) -> RunRecord:
        """One run, with its values and series summaries."""
        record = RunRecord(self, self._call("GET", f"runs/{run_id}"))
        record._detail = record._raw
        return record

    def campaign(self, ref: str):
        """An existing campaign (by id or name); ``runcamp.Campaign(...)`` creates one."""
        return Campaign._of(self, ref)

    def campaigns(self) -> list:
        return list(self._pages("campaigns", {}))

    def close_stale_runs(self, filter: Optional[str] = None) -> RunList:
        """Marks the repo's stale runs (running, silent past the server's staleness time) killed."""
        body = self._call("POST", "runs/close-stale", body={"filter": filter} if filter else {})
        return RunList(RunRecord(self, item) for item in body["items"])

    # ---- series ------------------------------------------------------------------------

    def _series_keys(self, names: Sequence[str], contexts: Optional[Sequence[dict]]) -> list:
        if contexts is not None:
            return [(n, dict(c)) for n in names for c in contexts]
        wanted = set(names)
        return [(m["name"], m["context"]) for m in self.fields()["metrics"] if m["name"] in wanted]

    def _run_ids(self, runs: Any, filter: Optional[str], status: Any) -> list:
        if runs is not None:
            if filter is not None or status is not None:
                raise ValueError("runcamp: name the runs (runs=) or select them (filter=, status=), not both")
            if isinstance(runs, (str, RunRecord)):
                runs = [runs]
            return [r.id if isinstance(r, RunRecord) else str(r) for r in runs]
        return [item["id"] for item in self._pages("runs", {"filter": _and(filter, _status_clause(status)), "provenance": "false"})]

    def iter_metrics(
        self,
        names: Union[str, Sequence[str]],
        *,
        filter: Optional[str] = None,
        runs: Any = None,
        status: Any = None,
        contexts: Optional[Sequence[dict]] = None,
        points: Optional[int] = None,
        threads: int = 4,
    ) -> Iterator[dict]:
        """The series page by page, each a dict: ``run``, ``name``, ``context`` and arrays
        (lists without numpy) ``steps``, ``epochs``, ``times``, ``values`` (floats, NaN and
        ±Infinity included) and, downsampled (``points=N``), ``count``, ``min``, ``max``."""
        names = [names] if isinstance(names, str) else list(names)
        keys = self._series_keys(names, contexts)
        ids = self._run_ids(runs, filter, status)
        if not keys or not ids:
            return
        if points is not None:
            yield from self._downsampled(ids, keys, int(points))
            return
        jobs = [(run_id, name, ctx) for run_id in ids for name, ctx in keys]
        with ThreadPoolExecutor(max(1, threads)) as pool:
            # A bounded window of series in flight: pages come back in order, memory stays flat.
            window: list = []
            for job in jobs:
                window.append(pool.submit(self._raw_series, *job))
                if len(window) >= 2 * threads:
                    yield from window.pop(0).result()
            for future in window:
                yield from future.result()

    def _raw_series(self, run_id: str, name: str, context: dict) -> list:
        pages = []
        cursor = None
        path = f"runs/{run_id}/metrics/{quote(name, safe='')}"
        while True:
            params = {"context": json.dumps(context, separators=(",", ":")), "limit": str(_RAW_PAGE), "format": "columnar", "cursor": cursor}
            body = self._call("GET", path, params=params, missing_ok=True)
            if body is None:  # the run has no such series
                return pages
            if body["steps"]:
                pages.append(_chunk(run_id, body))
            cursor = body.get("next_cursor")
            if not cursor:
                return pages

    def _downsampled(self, ids: list, keys: list, points: int) -> Iterator[dict]:
        metrics = [{"name": n, "context": c} for n, c in keys]
        for i in range(0, len(ids), _QUERY_RUNS):
            for j in range(0, len(metrics), _QUERY_METRICS):
                body = self._call(
                    "POST",
                    "metrics/query",
                    body={"runs": ids[i : i + _QUERY_RUNS], "metrics": metrics[j : j + _QUERY_METRICS], "points": points, "format": "columnar"},
                )
                for item in body["items"]:
                    if item["steps"]:
                        yield _chunk(item["run"], item)

    def metrics(
        self,
        names: Union[str, Sequence[str]],
        *,
        filter: Optional[str] = None,
        runs: Any = None,
        status: Any = None,
        contexts: Optional[Sequence[dict]] = None,
        points: Optional[int] = None,
        threads: int = 4,
    ):
        """Series of many runs as one long DataFrame: ``run``, ``name``, one column per
        context key (``subset``), ``step``, ``epoch``, ``time`` (Unix seconds), ``value``;
        downsampled (``points=N``: at most N buckets per series, each its last point) also
        ``count``, ``min``, ``max`` of the bucket. NaN and ±Infinity are floats. Runs by
        ``runs`` (ids or run objects) or by ``filter``/``status`` (default: every run, any
        status); every context of each name unless ``contexts`` lists them. Without pandas,
        a list of dicts (one per point)."""
        chunks = list(self.iter_metrics(names, filter=filter, runs=runs, status=status, contexts=contexts, points=points, threads=threads))
        return _long_table(chunks, downsampled=points is not None)


def _json(response) -> Any:
    if not response.content:  # 204
        return None
    try:
        import orjson  # optional, faster on long series

        return orjson.loads(response.content)
    except ImportError:
        return response.json()


def _column_chunks(columns: list) -> list:
    chunks: list = []
    current: list = []
    size = 0
    for c in columns:
        if current and (len(current) >= _MAX_COLUMNS or size + len(c) + 1 > _MAX_URL_COLUMNS_CHARS):
            chunks.append(current)
            current, size = [], 0
        current.append(c)
        size += len(c) + 1
    if current:
        chunks.append(current)
    return chunks


def _chunk(run_id: str, body: dict) -> dict:
    """One columnar page in Python form."""
    out = {"run": run_id, "name": body["name"], "context": body["context"]}
    buckets = body.get("buckets")
    if F.has_pandas():
        np = F.np
        out["steps"] = np.asarray(body["steps"], dtype=np.int64)
        out["values"] = F.float_array(body["values"])
        out["epochs"] = F.float_array(body["epochs"])
        out["times"] = F.float_array(body["times"])
        if buckets:
            out["count"] = np.asarray(buckets["count"], dtype=np.int64)
            out["min"] = F.float_array(buckets["min"])
            out["max"] = F.float_array(buckets["max"])
    else:
        out["steps"] = body["steps"]
        out["values"] = [F.float_or_nan(v) for v in body["values"]]
        out["epochs"] = body["epochs"]
        out["times"] = body["times"]
        if buckets:
            out["count"] = buckets["count"]
            out["min"] = [F.float_or_nan(v) for v in buckets["min"]]
            out["max"] = [F.float_or_nan(v) for v in buckets["max"]]
    return out


def _long_table(chunks: list, downsampled: bool):
    keys = sorted({k for c in chunks for k in c["context"]})
    names = F.context_columns(keys, _METRIC_FIXED)
    extra = ("count", "min", "max") if downsampled else ()
    columns = ["run", "name", *names.values(), "step", "epoch", "time", "value", *extra]
    if not F.has_pandas():
        records = []
        for c in chunks:
            fixed = {"run": c["run"], "name": c["name"], **{names[k]: c["context"].get(k) for k in keys}}
            for i, step in enumerate(c["steps"]):
                rec = dict(fixed, step=step, epoch=c["epochs"][i], time=c["times"][i], value=c["values"][i])
                for e in extra:
                    rec[e] = c[e][i]
                records.append(rec)
        return records
    np, pd = F.np, F.pd
    if not chunks:
        return pd.DataFrame({c: pd.Series(dtype="float64" if c in ("epoch", "time", "value", "min", "max") else "object") for c in columns})
    lengths = np.asarray([len(c["steps"]) for c in chunks])
    data: dict = {
        "run": np.repeat(np.asarray([c["run"] for c in chunks], dtype=object), lengths),
        "name": np.repeat(np.asarray([c["name"] for c in chunks], dtype=object), lengths),
    }
    for k in keys:
        data[names[k]] = np.repeat(np.asarray([c["context"].get(k) for c in chunks], dtype=object), lengths)
    data["step"] = np.concatenate([c["steps"] for c in chunks])
    data["epoch"] = np.concatenate([c["epochs"] for c in chunks])
    data["time"] = np.concatenate([c["times"] for c in chunks])
    data["value"] = np.concatenate([c["values"] for c in chunks])
    for e in extra:
        data[e] = np.concatenate([c[e] for c in chunks])
    return pd.DataFrame(data, columns=columns)


class RunRecord:
    """A stored run, as a listing or ``Repo.run`` returned it. ``values``, ``inputs`` and ``metrics``
    (series summaries) are read from the run itself on first use (one request, cached);
    ``columns`` holds what the listing evaluated; ``series(name, context)`` reads a series."""

    def __init__(self, repo: Repo, raw: dict) -> None:
        self.repo = repo
        self._raw = raw
        self._detail: Optional[dict] = None
        self.id: str = raw["id"]
        self.name: str = raw.get("name", "")
        self.experiment: str = raw.get("experiment", "")
        self.description: str = raw.get("description", "")
        self.status: str = raw.get("status", "")
        self.stale: bool = bool(raw.get("stale", False))
        self.archived: bool = bool(raw.get("archived", False))
        self.campaign: Optional[str] = raw.get("campaign")
        self.params: dict = raw.get("params") or {}
        self.tags: list = raw.get("tags") or []
        # MLflow's key/value tags and the run it is nested in (its mlflow.parentRunId tag).
        self.tag_values: dict = raw.get("tag_values") or {}
        self.parent: Optional[str] = raw.get("parent")
        self.created_at = F.instant(raw.get("created_at"))
        self.updated_at = F.instant(raw.get("updated_at"))
        self.ended_at = F.instant(raw.get("ended_at"))
        self.last_activity_at = F.instant(raw.get("last_activity_at"))
        self.columns: dict = {k: F.value(v) for k, v in (raw.get("columns") or {}).items()}

    def _full(self) -> dict:
        if self._detail is None:
            self._detail = self.repo._call("GET", f"runs/{self.id}")
        return self._detail

    @property
    def provenance(self) -> Optional[dict]:
        return self._full().get("provenance")

    @property
    def values(self) -> list:
        """Every value: dicts of name, context, value (wire strings back to floats)."""
        return [{"name": v["name"], "context": v["context"], "value": F.value(v["value"])} for v in self._full()["values"]]

    @property
    def inputs(self) -> list:
        """The datasets the run used (``log_input``, MLflow's ``log_input``): dicts of name, digest,
        source_type, source, schema, profile, context, tags, in the order first logged."""
        return self._full()["inputs"]

    def value(self, name: str, context: Optional[dict] = None, default: Any = None) -> Any:
        for v in self.values:
            if v["name"] == name and v["context"] == (context or {}):
                return v["value"]
        return default

    @property
    def metrics(self) -> list:
        """Every series' summary: name, context, count, first_step, last_step, last, min, max, last_time."""
        full = self._full()
        summaries = full["metrics"] if not full.get("metrics_next_cursor") else list(self.repo._pages(f"runs/{self.id}/metrics", {}))
        out = []
        for s in summaries:
            out.append({**s, "last": F.number(s["last"]), "min": F.number(s["min"]), "max": F.number(s["max"])})
        return out

    def series(self, name: str, context: Optional[dict] = None, *, points: Optional[int] = None):
        """One series: a DataFrame with step, epoch, time, value (and count, min, max when
        downsampled to ``points``), or a dict of lists without pandas."""
        if points is None:
            chunks = self.repo._raw_series(self.id, name, dict(context or {}))
        else:
            chunks = list(self.repo._downsampled([self.id], [(name, dict(context or {}))], points))
        frame = _long_table(chunks, downsampled=points is not None)
        keep = ["step", "epoch", "time", "value", *(("count", "min", "max") if points is not None else ())]
        if F.has_pandas():
            return frame[keep].reset_index(drop=True)
        return {k: [rec[k] for rec in frame] for k in keep}

    def refresh(self) -> RunRecord:
        return self.repo.run(self.id)

    def record(self) -> dict:
        """The run as one flat row (see ``RunList.dataframe``)."""
        row: dict = {"run": self.id}
        for field in RUN_FIELDS:
            row[field] = self._raw.get(field)
        row.update(F.flatten_params(self.params))
        row.update(self.columns)
        return row

    def __repr__(self) -> str:
        return f"<runcamp.RunRecord {self.repo.name}/{self.id} {self.status}>"


class RunList(list):
    """A list of RunRecord with ``dataframe()``."""

    def __init__(self, runs: Iterable[RunRecord] = ()) -> None:
        super().__init__(runs)

    @property
    def ids(self) -> list:
        return [r.id for r in self]

    def dataframe(self):
        """One row per run: ``run`` (the id), name, experiment, description, status, stale,
        archived, campaign, parent (the id of the run it is nested in), tags (a list), created_at, updated_at, ended_at,
        last_activity_at (UTC datetimes), the params flattened (``params.optimizer.lr``),
        then the listing's columns (``values.acc{subset: "test"}``,
        ``metrics.loss{subset: "val"}.min``) with NaN/±Infinity as floats and None where a
        run lacks one. A list of dicts without pandas (instants as datetimes)."""
        records = [r.record() for r in self]
        ordered: dict = {"run": None, **{f: None for f in RUN_FIELDS}}
        for rec in records:
            for k in rec:
                if k.startswith("params."):
                    ordered.setdefault(k, None)
        for rec in records:
            for k in rec:
                ordered.setdefault(k, None)
        columns = list(ordered)
        if not F.has_pandas():
            return [{c: (F.instant(rec.get(c)) if c in _INSTANTS else rec.get(c)) for c in columns} for rec in records]
        return F.table(records, columns=columns, datetimes=_INSTANTS)


# ---- campaigns ------------------------------------------------------------------------------

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_SUMMARY_FIXED = ("metric", "n", "nan", "mean", "std", "min", "max", "ci95")
_COMPARE_STATS = ("mean_diff", "ci95_low", "ci95_high", "p_ttest", "p_wilcoxon", "p_holm", "effect_size")


def campaign_ensure_request(url: str, repo: str, name: str, params: Optional[Mapping] = None, description: Optional[str] = None) -> SpooledRequest:
    body: dict = {"id": name, "name": name} if _ID.match(name) else {"name": name}
    if params is not None:
        body["params"] = dict(params)
    if description is not None:
        body["description"] = description
    return SpooledRequest(url, "POST", f"/v1/repos/{repo}/campaigns", dumps(body), "campaign")


class Campaign:
    """A campaign of a repo, created when missing.

    ``runcamp.Campaign("augment-grid", repo="cifar", params={"seeds": 3})``; then
    ``runcamp.Run(campaign=campaign, ...)``, ``campaign.runs()``, ``campaign.summary()``.
    """

    def __init__(
        self,
        name: str,
        *,
        repo: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        description: Optional[str] = None,
        url: Optional[str] = None,
        token: Optional[str] = None,
        create: bool = True,
    ) -> None:
        if not isinstance(name, str) or not 1 <= len(name) <= 255:
            raise ValueError("runcamp: a campaign name is a string of 1-255 characters")
        self.repo: Repo = repo if isinstance(repo, Repo) else Repo(repo, url=url, token=token)
        self.name = name
        self.id: Optional[str] = None
        self.params: Optional[dict] = dict(params) if params is not None else None
        self.description = description
        self._confirmed = False
        if create:
            self._get_or_create()
        else:
            self._load()

    @classmethod
    def _of(cls, repo: Any, ref: str) -> Campaign:
        """An existing campaign, by id or name (no creation)."""
        return cls(ref, repo=repo, create=False)

    # ---- creation ----------------------------------------------------------------------

    def ensure_request(self, url: str) -> Optional[SpooledRequest]:
        """The get-or-create request for a Run to send (or spool) first; None once confirmed."""
        if self._confirmed:
            return None
        return campaign_ensure_request(url, self.repo.name, self.name, self.params, self.description)

    def _get_or_create(self) -> None:
        req = self.ensure_request(self.repo.url)
        assert req is not None
        try:
            # As long as a Run waits at its start: then the creation waits for a Run to spool it.
            r = self.repo._transport.call("POST", req.path, json.loads(req.body), give_up=self.repo._give_up(1.0))
        except ConnectionError as e:
            log.warning("runcamp: %s; campaign %r is created when the server answers (a Run naming it spools its creation)", e, self.name)
            return
        if r.status_code in (200, 201):
            self._take(r.json())
        elif r.status_code == 409:
            self._load()
        else:
            raise RuncampError(f"creating campaign {self.name!r} in repo {self.repo.name!r} failed: {r.status_code} {r.text[:300]}")

    def _load(self) -> None:
        """Finds the campaign by id, else by name, in the repo's list."""
        if _ID.match(self.name):
            r = self.repo._call("GET", f"campaigns/{self.name}", missing_ok=True)
            if r is not None:
                self._take(r)
                return
        for item in self.repo._pages("campaigns", {}):
            if item["name"] == self.name or item["id"] == self.name:
                self._take(item)
                return
        raise RuncampError(f"campaign {self.name!r} does not exist in repo {self.repo.name!r}")

    def _take(self, body: dict) -> None:
        self.id = body["id"]
        self.name = body["name"]
        self.params = body.get("params")
        self.description = body.get("description")
        self._confirmed = True

    def _ref(self) -> str:
        if self.id is None:
            self._get_or_create()
            if self.id is None:
                raise ConnectionError(f"runcamp: the server at {self.repo.url} is unreachable; campaign {self.name!r} is not created yet")
        return self.id

    # ---- reading -----------------------------------------------------------------------

    def runs(self, filter: Optional[str] = None, *, status: Any = None, sort: Optional[str] = None, limit: Optional[int] = None, columns: Any = "auto"):
        """The campaign's runs (``Repo.runs`` with ``campaign = "<id>"`` added to the filter)."""
        own = f"campaign = {json.dumps(self._ref())}"
        return self.repo.runs(f"{own} and ({filter})" if filter else own, status=status, sort=sort, limit=limit, columns=columns)

    def summary(
        self,
        metrics: Union[str, list, None] = None,
        *,
        group_by: Union[str, list, None] = None,
        select: str = "last",
        status: Any = None,
        filter: Optional[str] = None,
        contexts: Optional[list] = None,
    ):
        """Statistics per group × metric × context: a DataFrame (list of dicts without pandas).

        Columns: one per group_by param (``params.<path>``), ``metric``, one per context key,
        then ``n``, ``nan``, ``mean``, ``std``, ``min``, ``max``, ``ci95`` (floats; NaN where
        the server says null, e.g. std for n < 2). ``status`` defaults to the server's
        default, finished runs only (``"any"`` counts every run); ``filter`` narrows further.
        ``df.attrs["selection"]`` says which runs were counted; ``df.attrs["pooled"]`` the
        repetition params (seed, split, fold) the default ``group_by`` pooled."""
        query: dict = {"select": select}
        if metrics is not None:
            query["metrics"] = metrics if isinstance(metrics, str) else ",".join(metrics)
        if group_by is not None:
            query["group_by"] = group_by if isinstance(group_by, str) else ",".join(group_by)
        if status is not None:
            query["status"] = status if isinstance(status, str) else ",".join(status)
        if filter is not None:
            query["filter"] = filter
        if contexts is not None:
            query["contexts"] = json.dumps(list(contexts))
        body = self.repo._call("GET", f"campaigns/{self._ref()}/summary", params=query)
        groups = [f"params.{p}" for p in body["group_by"]]
        keys = sorted({k for row in body["rows"] for k in row["context"]})
        names = F.context_columns(keys, (*_SUMMARY_FIXED, *groups))
        records = []
        for row in body["rows"]:
            rec: dict = {f"params.{p}": row["group"].get(p) for p in body["group_by"]}
            rec["metric"] = row["metric"]
            for k in keys:
                rec[names[k]] = row["context"].get(k)
            rec["n"] = row["n"]
            rec["nan"] = row["nan"]
            for stat in ("mean", "std", "min", "max", "ci95"):
                rec[stat] = F.float_or_nan(row[stat])
            records.append(rec)
        out = F.table(records, columns=[*groups, "metric", *names.values(), *_SUMMARY_FIXED[1:]])
        if F.has_pandas():
            out.attrs["selection"] = body["selection"]
            out.attrs["pooled"] = body["pooled"]
        return out

    def compare(
        self,
        metric: str,
        *,
        by: str,
        baseline: Any = None,
        pair_on: Union[str, list, None] = None,
        context: Optional[Mapping[str, Any]] = None,
        select: str = "last",
        better: str = "higher",
        status: Any = None,
        filter: Optional[str] = None,
    ):
        """Paired comparison of each group of ``by`` with the ``baseline`` group, across the
        runs that share the ``pair_on`` params (default: the varying seed/split/fold params).

        A DataFrame (list of dicts without pandas), one row per compared group: ``params.<by>``,
        ``n_pairs``, ``mean_diff`` (group − baseline), ``ci95_low``, ``ci95_high``, ``p_ttest``,
        ``p_wilcoxon``, ``p_holm``, ``effect_size`` (Cohen's d_z; floats, NaN where the server
        says null), ``wilcoxon_method``, ``reason`` (why a statistic is missing) and
        ``unpaired`` (the runs left without a partner). ``baseline`` is a value of ``by``
        (``"none"``, ``0.1``); default the first group. ``df.attrs`` holds ``baseline``,
        ``pair_on``, ``groups`` (runs, NaN and missing per group), ``friedman`` (with three or
        more groups: statistic, p, average ranks, Nemenyi critical difference) and
        ``selection``."""
        query: dict = {"metric": metric, "by": by, "select": select, "better": better}
        if baseline is not None:
            query["baseline"] = baseline if isinstance(baseline, str) else json.dumps(baseline)
        if pair_on is not None:
            query["pair_on"] = pair_on if isinstance(pair_on, str) else ",".join(pair_on)
        if context is not None:
            query["context"] = json.dumps(dict(context))
        if status is not None:
            query["status"] = status if isinstance(status, str) else ",".join(status)
        if filter is not None:
            query["filter"] = filter
        body = self.repo._call("GET", f"campaigns/{self._ref()}/compare", params=query)
        group = f"params.{body['by']}"
        records = []
        for row in body["rows"]:
            rec: dict = {group: row["group"], "n_pairs": row["n_pairs"]}
            for stat in _COMPARE_STATS:
                rec[stat] = F.float_or_nan(row[stat])
            rec["wilcoxon_method"] = row["wilcoxon_method"]
            rec["reason"] = row["reason"]
            rec["unpaired"] = [u["run"] for u in row["unpaired"]]
            records.append(rec)
        out = F.table(records, columns=[group, "n_pairs", *_COMPARE_STATS, "wilcoxon_method", "reason", "unpaired"])
        if F.has_pandas():
            out.attrs.update({k: body[k] for k in ("baseline", "pair_on", "groups", "friedman", "selection", "metric", "context")})
        return out

    def __repr__(self) -> str:
        return f"<runcamp.Campaign {self.repo.name}/{self.id or '?'} {self.name!r}>"
