"""``runcamp sync``: re-sending what runs left in the spool."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from .._delivery.spool import default_spool_dir
from .._delivery.sync import sync_spool
from .common import Ctx, pass_ctx


@click.command()
@click.option("--spool", type=click.Path(file_okay=False), help="Spool directory (default: $RUNCAMP_SPOOL_DIR or ~/.cache/runcamp/spool).")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds to keep retrying one request.")
@click.option("--url", "sync_url", help="Send to this server instead of the one each run logged to.")
@click.option("--token", "sync_token", help="API token (default: --token or $RUNCAMP_TOKEN).")
@pass_ctx
def sync(ctx: Ctx, spool: Optional[str], timeout: float, sync_url: Optional[str], sync_token: Optional[str]) -> None:
    """Re-send what runs left in the spool (server unreachable at the time)."""
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
