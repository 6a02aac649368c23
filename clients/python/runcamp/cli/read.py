"""``runcamp repos``, ``ls``, ``show``, ``summary``: reading runs and campaigns."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Optional
from urllib.parse import quote, urlencode

import click
import httpx

from .._delivery.transport import _problem
from .._errors import RuncampError
from .._read import RUN_FIELDS
from .common import Ctx, Failure, campaign_report, cell, fail, pass_ctx, print_table, split_fields


@click.command()
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@pass_ctx
def repos(ctx: Ctx, as_json: bool) -> None:
    """The server's repos with their run and campaign counts."""
    repo = ctx.repo()
    try:
        r = repo._transport.call("GET", "/v1/repos?limit=1000")
    except ConnectionError as e:
        raise Failure(str(e)) from None
    if r.status_code >= 400:
        raise Failure(_problem(r).split(" ", 1)[1], 2 if r.status_code == 400 else 1)
    items = r.json()["items"]
    if as_json:
        click.echo(json.dumps(items, indent=2))
        return
    print_table(
        ["repo", "runs", "campaigns", "created_at", "description"],
        [[i["name"], i["run_count"], i["campaign_count"], i["created_at"], i["description"]] for i in items],
    )


_LS_FIXED = ["run", "name", "experiment", "status", "campaign", "created_at"]


@click.command("ls")
@click.option("--filter", "-f", "filter_", help="Run filter, e.g. 'params.lr > 1e-3 and metrics.loss{subset:\"val\"}.min < 0.2'.")
@click.option("--sort", "-s", help="Sort field [asc|desc], e.g. 'metrics.acc.last desc'.")
@click.option("--columns", "-c", help="Comma-separated fields to show, e.g. 'params.lr,values.acc{subset:\"test\"},metrics.loss.min'.")
@click.option("--limit", "-n", type=click.IntRange(min=1), help="At most this many runs.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines, one run a line.")
@click.option("--csv", "as_csv", is_flag=True, help="The server's CSV (the web UI's download): every matching run, streamed.")
@pass_ctx
def ls(ctx: Ctx, filter_: Optional[str], sort: Optional[str], columns: Optional[str], limit: Optional[int], as_json: bool, as_csv: bool) -> None:
    """Search runs (archived ones only when the filter names `archived`)."""
    if as_json and as_csv:
        raise Failure("--json and --csv exclude each other", 2)
    fields = split_fields(columns)
    try:
        if as_csv:
            query = {"filter": filter_, "sort": sort, "columns": ",".join(fields) or None}
            _stream_runs_csv(ctx.repo(), {k: v for k, v in query.items() if v}, limit)
            return
        runs = ctx.repo().runs(filter_ or None, sort=sort, limit=limit, columns=fields or None)
    except (RuncampError, ConnectionError) as e:
        raise fail(e) from None
    if as_json:
        for r in runs:
            click.echo(json.dumps({k: v for k, v in r._raw.items() if k != "provenance"}))
        return
    header = _LS_FIXED + fields
    rows = [
        [r.id, r.name, r.experiment, r.status + (" (stale)" if r.stale else ""), r.campaign, r._raw.get("created_at"), *(r.columns.get(f) for f in fields)]
        for r in runs
    ]
    print_table(header, rows)


def _lines(chunks: Iterator[str]) -> Iterator[str]:
    """Text chunks as lines ending in "\n" (a CR inside a quoted cell stays in its line), for csv.reader."""
    rest = ""
    for chunk in chunks:
        rest += chunk
        *lines, rest = rest.split("\n")
        yield from (line + "\n" for line in lines)
    if rest:
        yield rest


def _stream_runs_csv(repo: Any, query: dict, limit: Optional[int]) -> None:
    """The server's CSV of the runs written as it arrives; with `limit`, its header and first `limit` runs."""
    url = f"/v1/repos/{quote(repo.name, safe='')}/runs?{urlencode(query)}"
    try:
        with repo._transport._client.stream("GET", url, headers={"accept": "text/csv"}) as r:
            if r.status_code >= 400:
                r.read()
                raise RuncampError(f"ls: {_problem(r)}", r.status_code)
            if limit is None:
                for text in r.iter_text():
                    click.echo(text, nl=False)
                return
            for i, row in enumerate(csv.reader(_lines(r.iter_text()))):
                if i > limit:
                    break
                out = io.StringIO()
                csv.writer(out, lineterminator="\r\n").writerow(row)
                click.echo(out.getvalue(), nl=False)
    except httpx.TransportError as e:
        raise ConnectionError(f"runcamp: GET {url} failed: {e}") from e


def _flatten(prefix: str, value: Any, out: list) -> None:
    if isinstance(value, dict) and value:
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else k, v, out)
    else:
        out.append((prefix, value))


@click.command()
@click.argument("run")
@click.option("--json", "as_json", is_flag=True, help="The run as the API gives it, with its artifacts.")
@pass_ctx
def show(ctx: Ctx, run: str, as_json: bool) -> None:
    """A run: fields, params, values, series summaries, artifacts."""
    repo = ctx.repo()
    try:
        record = repo.run(run)
        detail = record._full()
        series = record.metrics
        artifacts = list(repo._pages(f"runs/{quote(run, safe='')}/artifacts", {}))
    except (RuncampError, ConnectionError) as e:
        raise fail(e) from None
    if as_json:
        click.echo(json.dumps({**detail, "metrics": [{**s} for s in detail["metrics"]], "artifacts": artifacts}, indent=2))
        return
    fields = ["id", *RUN_FIELDS]
    print_table(["field", "value"], [[f, detail.get(f)] for f in fields], title=f"run {run} (repo {repo.name})")
    params: list = []
    _flatten("", detail.get("params") or {}, params)
    if params:
        print_table(["param", "value"], params, title="params")
    if detail.get("tag_values"):
        print_table(["key", "value"], sorted(detail["tag_values"].items()), title="key/value tags")
    if detail["values"]:
        print_table(
            ["value", "context", "value", "updated_at"], [[v["name"], v["context"], v["value"], v["updated_at"]] for v in detail["values"]], title="values"
        )
    if series:
        print_table(
            ["series", "context", "count", "steps", "last", "min", "max"],
            [[s["name"], s["context"], s["count"], f"{s['first_step']}–{s['last_step']}", s["last"], s["min"], s["max"]] for s in series],
            title="series",
        )
    if artifacts:
        print_table(
            ["artifact", "size", "content_type", "sha256", "created_at"],
            [[a["path"], a["size"], a["content_type"], a["sha256"][:12], a["created_at"]] for a in artifacts],
            title="artifacts",
        )
    if detail.get("provenance"):
        prov: list = []
        _flatten("", detail["provenance"], prov)
        print_table(["provenance", "value"], prov, title="provenance")


def _pm(mean: Any, ci: Any) -> str:
    if mean is None:
        return ""
    m = cell(float(mean) if not isinstance(mean, str) else float(mean))
    return m if ci is None else f"{m} ± {cell(float(ci))}"


@click.command()
@click.argument("campaign")
@click.option("--group-by", "-g", help="Comma-separated param paths to group by, e.g. params.aug,params.model.")
@click.option("--metrics", "-m", help="Comma-separated names of values or series (default: every one).")
@click.option("--select", type=click.Choice(["last", "min", "max"]), default="last", show_default=True, help="Which point of a series stands for a run.")
@click.option("--status", help="Comma-separated statuses counted (default: finished), or 'any'.")
@click.option("--filter", "-f", "filter_", help="Run filter narrowing the campaign's runs.")
@click.option("--csv", "as_csv", is_flag=True, help="The server's CSV.")
@pass_ctx
def summary(
    ctx: Ctx, campaign: str, group_by: Optional[str], metrics: Optional[str], select: str, status: Optional[str], filter_: Optional[str], as_csv: bool
) -> None:
    """A campaign's mean ± 95% CI per group × metric × context."""
    repo = ctx.repo()
    query = {"select": select, "metrics": metrics, "group_by": group_by, "status": status, "filter": filter_}
    query = {k: v for k, v in query.items() if v is not None}
    try:
        body = campaign_report(repo, campaign, "summary", query, as_csv)
        if body is None:
            return
    except (RuncampError, ConnectionError) as e:
        raise fail(e) from None
    groups = list(body["group_by"])
    keys = sorted({k for row in body["rows"] for k in row["context"]})
    header = [f"params.{g}" for g in groups] + ["metric"] + keys + ["n", "nan", "mean ± ci95", "std", "min", "max"]
    rows = [
        [
            *(row["group"].get(g) for g in groups),
            row["metric"],
            *(row["context"].get(k) for k in keys),
            row["n"],
            row["nan"],
            _pm(row["mean"], row["ci95"]),
            row["std"],
            row["min"],
            row["max"],
        ]
        for row in body["rows"]
    ]
    # The server pools repetition params (seed, split, fold) when no --group-by is given: say which.
    pooled = f"; pooling {', '.join(body['pooled'])}" if body.get("pooled") else ""
    selection = body.get("selection")
    title = f"campaign {campaign}: {select} of each run ({selection.get('runs', '?')} runs{pooled})" if isinstance(selection, dict) else None
    print_table(header, rows, title=title)
