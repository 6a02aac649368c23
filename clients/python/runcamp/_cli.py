"""The ``runcamp`` command line (Click + Rich), built on the SDK's read API.

Exit codes: 0 done; 1 the thing asked for is not there or could not be done (unknown run,
conflicts, server unreachable); 2 the request was wrong (bad option, a filter the server
refuses: its message is printed). Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from typing import Any, Optional
from urllib.parse import quote

import click

from ._read import Repo
from ._run import RuncampError

_EPILOG = "Server, token and repo come from --url/--token/--repo or RUNCAMP_URL, RUNCAMP_TOKEN, RUNCAMP_REPO."


class Failure(click.ClickException):
    """An error the user should read, with the exit code it deserves."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = code

    def show(self, file: Any = None) -> None:
        message = self.message[len("runcamp: ") :] if self.message.startswith("runcamp: ") else self.message
        click.echo(f"runcamp: {message}", err=True)


def _fail(err: Exception, what: str = "") -> Failure:
    """Maps an SDK error to a message and an exit code (400 → 2, anything else → 1)."""
    status = getattr(err, "status", None)
    message = str(err)
    if isinstance(err, RuncampError) and ": " in message:
        message = message.split(": ", 1)[1]  # the problem's detail, without the request line
    if status is not None:
        message = message.split(" ", 1)[1] if message[:3].isdigit() else message
    return Failure(f"{what}{message}", 2 if status == 400 else 1)


class _Ctx:
    def __init__(self, url: Optional[str], token: Optional[str], repo: Optional[str]) -> None:
        self.url, self.token, self.repo_name = url, token, repo
        self._repo: Optional[Repo] = None
        self.url_given = False

    def repo(self, name: Optional[str] = None) -> Repo:
        if name is not None:
            return Repo(name, url=self.url, token=self.token, retry_for=2.0)
        if self._repo is None:
            self._repo = Repo(self.repo_name, url=self.url, token=self.token, retry_for=2.0)
        return self._repo


def _console(err: bool = False):
    from rich.console import Console

    return Console(stderr=err, highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 200)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return ("Infinity" if value > 0 else "-Infinity") if math.isinf(value) else f"{value:.6g}"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def _table(columns: list, rows: list, title: Optional[str] = None) -> None:
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(v) for v in row))
    _console().print(table)


# Spreadsheets run a cell starting with one of these as a formula (SECURITY.md, "CSV").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading ' (OWASP's
    rule, as in the server's CSVs). Text or number follows the value's type, not its look:
    the float -0.5 stays -0.5, the string "-5" becomes '-5."""
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return _cell(value)


def _csv(columns: list, rows: list) -> None:
    out = io.StringIO()
    # RFC 4180's CRLF: the writer then quotes a field holding a lone CR too (with "\n" it did
    # not, and a CR inside a cell broke the line).
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([_csv_cell(c) for c in columns])
    for row in rows:
        w.writerow([_csv_cell(v) for v in row])
    click.echo(out.getvalue(), nl=False)


def split_fields(text: Optional[str]) -> list:
    """Comma-separated filter fields; commas inside {contexts} or quotes do not split."""
    if not text:
        return []
    fields, depth, quote_char, current = [], 0, "", ""
    for ch in text:
        if quote_char:
            quote_char = "" if ch == quote_char else quote_char
        elif ch in "\"'":
            quote_char = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            fields.append(current.strip())
            current = ""
            continue
        current += ch
    if current.strip():
        fields.append(current.strip())
    return fields


@click.group(epilog=_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--url", envvar="RUNCAMP_URL", help="Server URL (default http://127.0.0.1:8787).")
@click.option("--token", envvar="RUNCAMP_TOKEN", help="API token.")
@click.option("--repo", envvar="RUNCAMP_REPO", help="Repo (default: default).")
@click.version_option(package_name="runcamp", prog_name="runcamp")
@click.pass_context
def cli(ctx: click.Context, url: Optional[str], token: Optional[str], repo: Optional[str]) -> None:
    """runcamp: list, show, summarise, export and import experiment runs."""
    ctx.obj = _Ctx(url, token, repo)
    # sync sends to the server each run logged to unless a URL is named on the command line.
    ctx.obj.url_given = ctx.get_parameter_source("url") == click.core.ParameterSource.COMMANDLINE


pass_ctx = click.make_pass_decorator(_Ctx)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@pass_ctx
def repos(ctx: _Ctx, as_json: bool) -> None:
    """The server's repos with their run and campaign counts."""
    repo = ctx.repo()
    try:
        r = repo._transport.call("GET", "/v1/repos?limit=1000")
    except ConnectionError as e:
        raise Failure(str(e)) from None
    if r.status_code >= 400:
        from ._transport import _problem

        raise Failure(_problem(r).split(" ", 1)[1], 2 if r.status_code == 400 else 1)
    items = r.json()["items"]
    if as_json:
        click.echo(json.dumps(items, indent=2))
        return
    _table(["repo", "runs", "campaigns", "created_at", "description"], [[i["name"], i["run_count"], i["campaign_count"], i["created_at"], i["description"]] for i in items])


_LS_FIXED = ["run", "name", "experiment", "status", "campaign", "created_at"]


@cli.command("ls")
@click.option("--filter", "-f", "filter_", help='Run filter, e.g. \'params.lr > 1e-3 and metrics.loss{subset:"val"}.min < 0.2\'.')
@click.option("--sort", "-s", help="Sort field [asc|desc], e.g. 'metrics.acc.last desc'.")
@click.option("--columns", "-c", help='Comma-separated fields to show, e.g. \'params.lr,values.acc{subset:"test"},metrics.loss.min\'.')
@click.option("--limit", "-n", type=click.IntRange(min=1), help="At most this many runs.")
@click.option("--json", "as_json", is_flag=True, help="JSON lines, one run a line.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV.")
@pass_ctx
def ls(ctx: _Ctx, filter_: Optional[str], sort: Optional[str], columns: Optional[str], limit: Optional[int], as_json: bool, as_csv: bool) -> None:
    """Search runs (archived ones only when the filter names `archived`)."""
    if as_json and as_csv:
        raise Failure("--json and --csv exclude each other", 2)
    fields = split_fields(columns)
    try:
        runs = ctx.repo().runs(filter_ or None, sort=sort, limit=limit, columns=fields or None)
    except (RuncampError, ConnectionError) as e:
        raise _fail(e) from None
    if as_json:
        for r in runs:
            click.echo(json.dumps({k: v for k, v in r._raw.items() if k != "provenance"}))
        return
    header = _LS_FIXED + fields
    rows = [[r.id, r.name, r.experiment, r.status + (" (stale)" if r.stale else ""), r.campaign, r._raw.get("created_at"), *(r.columns.get(f) for f in fields)] for r in runs]
    if as_csv:
        _csv(header, rows)
    else:
        _table(header, rows)


def _flatten(prefix: str, value: Any, out: list) -> None:
    if isinstance(value, dict) and value:
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else k, v, out)
    else:
        out.append((prefix, value))


@cli.command()
@click.argument("run")
@click.option("--json", "as_json", is_flag=True, help="The run as the API gives it, with its artifacts.")
@pass_ctx
def show(ctx: _Ctx, run: str, as_json: bool) -> None:
    """A run: fields, params, values, series summaries, artifacts."""
    repo = ctx.repo()
    try:
        record = repo.run(run)
        detail = record._full()
        series = record.metrics
        artifacts = list(repo._pages(f"runs/{quote(run, safe='')}/artifacts", {}))
    except (RuncampError, ConnectionError) as e:
        raise _fail(e) from None
    if as_json:
        click.echo(json.dumps({**detail, "metrics": [{**s} for s in detail["metrics"]], "artifacts": artifacts}, indent=2))
        return
    fields = ["id", "name", "experiment", "description", "status", "stale", "archived", "campaign", "tags", "created_at", "updated_at", "ended_at", "last_activity_at"]
    _table(["field", "value"], [[f, detail.get(f)] for f in fields], title=f"run {run} (repo {repo.name})")
    params: list = []
    _flatten("", detail.get("params") or {}, params)
    if params:
        _table(["param", "value"], params, title="params")
    if detail["values"]:
        _table(["value", "context", "value", "updated_at"], [[v["name"], v["context"], v["value"], v["updated_at"]] for v in detail["values"]], title="values")
    if series:
        _table(
            ["series", "context", "count", "steps", "last", "min", "max"],
            [[s["name"], s["context"], s["count"], f"{s['first_step']}–{s['last_step']}", s["last"], s["min"], s["max"]] for s in series],
            title="series",
        )
    if artifacts:
        _table(["artifact", "size", "content_type", "sha256", "created_at"], [[a["path"], a["size"], a["content_type"], a["sha256"][:12], a["created_at"]] for a in artifacts], title="artifacts")
    if detail.get("provenance"):
        prov: list = []
        _flatten("", detail["provenance"], prov)
        _table(["provenance", "value"], prov, title="provenance")


def _pm(mean: Any, ci: Any) -> str:
    if mean is None:
        return ""
    m = _cell(float(mean) if not isinstance(mean, str) else float(mean))
    return m if ci is None else f"{m} ± {_cell(float(ci))}"


@cli.command()
@click.argument("campaign")
@click.option("--group-by", "-g", help="Comma-separated param paths to group by, e.g. params.aug,params.model.")
@click.option("--metrics", "-m", help="Comma-separated names of values or series (default: every one).")
@click.option("--select", type=click.Choice(["last", "min", "max"]), default="last", show_default=True, help="Which point of a series stands for a run.")
@click.option("--status", help="Comma-separated statuses counted (default: finished), or 'any'.")
@click.option("--filter", "-f", "filter_", help="Run filter narrowing the campaign's runs.")
@click.option("--csv", "as_csv", is_flag=True, help="The server's CSV.")
@pass_ctx
def summary(ctx: _Ctx, campaign: str, group_by: Optional[str], metrics: Optional[str], select: str, status: Optional[str], filter_: Optional[str], as_csv: bool) -> None:
    """A campaign's mean ± 95% CI per group × metric × context."""
    repo = ctx.repo()
    query = {"select": select, "metrics": metrics, "group_by": group_by, "status": status, "filter": filter_}
    query = {k: v for k, v in query.items() if v is not None}
    try:
        ref = repo.campaign(campaign).id
        if as_csv:
            from urllib.parse import urlencode

            r = repo._transport._client.get(f"/v1/repos/{repo.name}/campaigns/{ref}/summary?{urlencode(query)}", headers={"accept": "text/csv"})
            if r.status_code >= 400:
                from ._transport import _problem

                raise RuncampError(f"summary: {_problem(r)}", r.status_code)
            click.echo(r.text, nl=False)
            return
        body = repo._call("GET", f"campaigns/{ref}/summary", params=query)
    except (RuncampError, ConnectionError) as e:
        raise _fail(e) from None
    groups = list(body["group_by"])
    keys = sorted({k for row in body["rows"] for k in row["context"]})
    header = [f"params.{g}" for g in groups] + ["metric"] + keys + ["n", "nan", "mean ± ci95", "std", "min", "max"]
    rows = [
        [*(row["group"].get(g) for g in groups), row["metric"], *(row["context"].get(k) for k in keys), row["n"], row["nan"], _pm(row["mean"], row["ci95"]), row["std"], row["min"], row["max"]]
        for row in body["rows"]
    ]
    _table(header, rows, title=f"campaign {campaign}: {select} of each run ({body['selection'].get('runs', '?')} runs)" if isinstance(body.get("selection"), dict) else None)


@cli.group()
def runs() -> None:
    """Run maintenance."""


@runs.command("close")
@click.argument("run", required=False)
@click.option("--stale", is_flag=True, help="Every stale run of the repo (running, silent past the server's staleness time).")
@click.option("--status", type=click.Choice(["killed", "failed", "finished"]), default="killed", show_default=True, help="Status for RUN.")
@pass_ctx
def runs_close(ctx: _Ctx, run: Optional[str], stale: bool, status: str) -> None:
    """Close RUN (set its status, ended now), or with --stale every stale run (killed)."""
    if bool(run) == stale:
        raise Failure("name a RUN or pass --stale (one of them)", 2)
    repo = ctx.repo()
    try:
        if stale:
            closed = repo.close_stale_runs()
            for r in closed:
                click.echo(f"closed {r.id} (killed, last active {r._raw.get('last_activity_at')})")
            click.echo(f"{len(closed)} stale run(s) closed in repo {repo.name}")
            return
        body = repo._call("PATCH", f"runs/{quote(run, safe='')}", body={"status": status})
    except (RuncampError, ConnectionError) as e:
        raise _fail(e) from None
    click.echo(f"closed {run}: {body['status']}, ended {body['ended_at']}")


@cli.command("rm")
@click.argument("run_ids", metavar="RUN...", nargs=-1, required=True)
@click.option("--yes", "-y", is_flag=True, help="Do not ask.")
@pass_ctx
def rm(ctx: _Ctx, run_ids: tuple, yes: bool) -> None:
    """Delete runs with their values, series and artifacts."""
    repo = ctx.repo()
    if not yes and not click.confirm(f"delete {len(run_ids)} run(s) from repo {repo.name}?", default=False):
        raise Failure("nothing deleted", 1)
    missing = []
    for run in run_ids:
        try:
            repo._call("DELETE", f"runs/{quote(run, safe='')}")
            click.echo(f"deleted {run}")
        except RuncampError as e:
            if e.status != 404:
                raise _fail(e) from None
            missing.append(run)
            click.echo(f"runcamp: run {run} does not exist in repo {repo.name}", err=True)
        except ConnectionError as e:
            raise _fail(e) from None
    if missing:
        sys.exit(1)


@cli.command()
@click.option("--spool", type=click.Path(file_okay=False), help="Spool directory (default: $RUNCAMP_SPOOL_DIR or ~/.cache/runcamp/spool).")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds to keep retrying one request.")
@click.option("--url", "sync_url", help="Send to this server instead of the one each run logged to.")
@click.option("--token", "sync_token", help="API token (default: --token or $RUNCAMP_TOKEN).")
@pass_ctx
def sync(ctx: _Ctx, spool: Optional[str], timeout: float, sync_url: Optional[str], sync_token: Optional[str]) -> None:
    """Re-send what runs left in the spool (server unreachable at the time)."""
    from pathlib import Path

    from ._spool import default_spool_dir
    from ._sync import sync_spool

    where = Path(spool) if spool else default_spool_dir()
    url = sync_url or (ctx.url if ctx.url_given else None)
    report = sync_spool(where, url=url, token=sync_token if sync_token is not None else ctx.token, give_up_after=timeout)
    for error in report.errors:
        click.echo(f"runcamp sync: {error}", err=True)
    click.echo(
        f"runcamp sync: re-sent {report.requests} requests ({report.points} points) of {report.runs} runs from {where}; "
        f"{report.dropped} rejected, {report.left} left, {report.busy} runs busy (owned by a live process)"
    )
    if report.left:
        sys.exit(1)


@cli.command("export")
@click.option("--campaign", help="The runs of this campaign (id or name).")
@click.option("--filter", "-f", "filter_", help="The runs this filter selects (archived ones included).")
@click.option("--repo", "whole_repo", is_flag=True, help="Every run of the repo.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, writable=True), help="File to write (gzip'd JSON Lines).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@pass_ctx
def export_cmd(ctx: _Ctx, campaign: Optional[str], filter_: Optional[str], whole_repo: bool, output: str, progress: Optional[bool]) -> None:
    """Write a campaign, a run selection or the whole repo to one file."""
    from ._export import ExportError, export_runs

    if sum(x is not None and x is not False for x in (campaign, filter_, whole_repo or None)) != 1:
        raise Failure("choose what to export: one of --campaign, --filter, --repo", 2)
    repo = ctx.repo()
    try:
        counts = export_runs(repo, output, campaign=campaign, filter=filter_, progress=sys.stderr.isatty() if progress is None else progress)
    except ExportError as e:
        raise Failure(str(e)) from None
    except (RuncampError, ConnectionError) as e:
        raise _fail(e) from None
    click.echo(f"exported {counts.runs} runs, {counts.series} series, {counts.points} points, {counts.artifacts} artifacts from repo {repo.name} to {output}")


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--repo", "into", help="Import into this repo (default: --repo/RUNCAMP_REPO, else the repo the file came from).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.pass_context
def import_cmd(click_ctx: click.Context, file: str, into: Optional[str], progress: Optional[bool]) -> None:
    """Import an export file; importing it again changes nothing; conflicts and bad files are refused."""
    from ._export import import_file
    from ._export_file import ExportError, source_repo

    ctx: _Ctx = click_ctx.obj
    try:
        name = into or ctx.repo_name or source_repo(file)
        report = import_file(file, ctx.repo(name), progress=sys.stderr.isatty() if progress is None else progress)
    except ExportError as e:
        raise Failure(str(e)) from None
    except (RuncampError, ConnectionError) as e:
        raise _fail(e) from None
    c = report.imported
    click.echo(
        f"imported {c.runs} runs ({c.series} series, {c.points} points, {c.artifacts} artifacts) and {report.campaigns_imported} campaigns into repo {report.repo}; "
        f"{report.skipped_runs} runs and {report.campaigns_skipped} campaigns already there unchanged"
    )


@cli.command("import-aim")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--repo", "into", help="Import into this repo (default: --repo/RUNCAMP_REPO or default).")
@click.option("--campaign-from", help="A run param holding the campaign id (tcbench: campaign_id); its runs go to that campaign.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.pass_context
def import_aim_cmd(click_ctx: click.Context, path: str, into: Optional[str], campaign_from: Optional[str], progress: Optional[bool]) -> None:
    """Import the runs of an AIM repository (needs `pip install runcamp[aim]`)."""
    from ._aim import AimImportError, import_aim

    ctx: _Ctx = click_ctx.obj
    try:
        report = import_aim(path, ctx.repo(into or ctx.repo_name), campaign_from=campaign_from, progress=sys.stderr.isatty() if progress is None else progress)
    except AimImportError as e:
        raise Failure(str(e)) from None
    except (RuncampError, ConnectionError) as e:
        raise _fail(e) from None
    click.echo(report.text())


def main(argv: Optional[list] = None) -> int:
    try:
        cli.main(args=argv, prog_name="runcamp", standalone_mode=True)
    except SystemExit as e:
        return int(e.code or 0) if not isinstance(e.code, str) else 1
    return 0
