"""The ``runcamp`` command line (Click + Rich), built on the SDK's read API: the root group
and its options, with the commands of each group from their own module (``common.py`` has
the exit codes)."""

from __future__ import annotations

from typing import Optional

import click

from . import read, runs, sync
from .aim import import_aim_cmd
from .common import Ctx
from .compare import compare
from .export import export_cmd, import_cmd
from .tensorboard import import_tensorboard_cmd

_EPILOG = "Server, token and repo come from --url/--token/--repo or RUNCAMP_URL, RUNCAMP_TOKEN, RUNCAMP_REPO."


@click.group(epilog=_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--url", envvar="RUNCAMP_URL", help="Server URL (default http://127.0.0.1:8787).")
@click.option("--token", envvar="RUNCAMP_TOKEN", help="API token.")
@click.option("--repo", envvar="RUNCAMP_REPO", help="Repo (default: default).")
@click.version_option(package_name="runcamp", prog_name="runcamp")
@click.pass_context
def cli(ctx: click.Context, url: Optional[str], token: Optional[str], repo: Optional[str]) -> None:
    """runcamp: list, show, summarise, export and import experiment runs."""
    ctx.obj = Ctx(url, token, repo)
    # sync sends to the server each run logged to unless a URL is named on the command line.
    ctx.obj.url_given = ctx.get_parameter_source("url") == click.core.ParameterSource.COMMANDLINE


for command in (
    read.repos,
    read.ls,
    read.show,
    read.summary,
    compare,
    runs.runs,
    runs.rm,
    sync.sync,
    export_cmd,
    import_cmd,
    import_aim_cmd,
    import_tensorboard_cmd,
):
    cli.add_command(command)


def main(argv: Optional[list] = None) -> int:
    try:
        cli.main(args=argv, prog_name="runcamp", standalone_mode=True)
    except SystemExit as e:
        return int(e.code or 0) if not isinstance(e.code, str) else 1
    return 0
