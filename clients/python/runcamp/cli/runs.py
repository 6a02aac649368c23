"""``runcamp runs close`` and ``runcamp rm``: run maintenance."""

from __future__ import annotations

import sys
from typing import Optional
from urllib.parse import quote

import click

from .._errors import RuncampError
from .common import Ctx, Failure, fail, pass_ctx


@click.group()
def runs() -> None:
    """Run maintenance."""


@runs.command("close")
@click.argument("run", required=False)
@click.option("--stale", is_flag=True, help="Every stale run of the repo (running, silent past the server's staleness time).")
@click.option("--status", type=click.Choice(["killed", "failed", "finished"]), default="killed", show_default=True, help="Status for RUN.")
@pass_ctx
def runs_close(ctx: Ctx, run: Optional[str], stale: bool, status: str) -> None:
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
        raise fail(e) from None
    click.echo(f"closed {run}: {body['status']}, ended {body['ended_at']}")


@click.command("rm")
@click.argument("run_ids", metavar="RUN...", nargs=-1, required=True)
@click.option("--yes", "-y", is_flag=True, help="Do not ask.")
@pass_ctx
def rm(ctx: Ctx, run_ids: tuple, yes: bool) -> None:
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
                raise fail(e) from None
            missing.append(run)
            click.echo(f"runcamp: run {run} does not exist in repo {repo.name}", err=True)
        except ConnectionError as e:
            raise fail(e) from None
    if missing:
        sys.exit(1)
