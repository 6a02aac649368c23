"""What a user calls keeps its name whatever moves inside the package: the names of
``runcamp``, the ``runcamp`` command line's commands and options, and the entry points."""

from __future__ import annotations

import subprocess
import sys

import click

import runcamp
from runcamp.cli.main import cli

PUBLIC = {
    "Run",
    "Repo",
    "Campaign",
    "RunRecord",
    "RunList",
    "RuncampError",
    "list_artifacts",
    "download_artifact",
    "confusion_metrics",
    "DEFAULT_URL",
    "capture_provenance",
    "default_spool_dir",
    "sync_spool",
    "SyncReport",
    "__version__",
}

COMMANDS = {
    "runcamp": ["--repo", "--token", "--url", "--version"],
    "runcamp compare": [
        "--baseline",
        "--better",
        "--by",
        "--context",
        "--csv",
        "--filter",
        "--metric",
        "--pair-on",
        "--select",
        "--status",
        "-b",
        "-c",
        "-f",
        "-m",
        "-p",
        "campaign",
    ],
    "runcamp export": ["--campaign", "--filter", "--no-progress", "--output", "--progress", "--repo", "-f", "-o"],
    "runcamp import": ["--no-progress", "--progress", "--repo", "file"],
    "runcamp import-aim": ["--campaign-from", "--no-progress", "--progress", "--repo", "path"],
    "runcamp import-tensorboard": ["--campaign-per-parent", "--no-progress", "--progress", "--repo", "path"],
    "runcamp ls": ["--columns", "--csv", "--filter", "--json", "--limit", "--sort", "-c", "-f", "-n", "-s"],
    "runcamp repos": ["--json"],
    "runcamp rm": ["--yes", "-y", "run_ids"],
    "runcamp runs": [],
    "runcamp runs close": ["--stale", "--status", "run"],
    "runcamp show": ["--json", "run"],
    "runcamp summary": ["--csv", "--filter", "--group-by", "--metrics", "--select", "--status", "-f", "-g", "-m", "campaign"],
    "runcamp sync": ["--spool", "--timeout", "--token", "--url"],
}


def test_the_package_exports_the_same_names():
    assert set(runcamp.__all__) == PUBLIC
    assert all(hasattr(runcamp, name) for name in PUBLIC)


def _commands(cmd: click.Command, path: list, out: dict) -> dict:
    ctx = click.Context(cmd)
    out[" ".join(path)] = sorted(o for p in cmd.params for o in (*p.opts, *p.secondary_opts))
    if isinstance(cmd, click.Group):
        for name in cmd.list_commands(ctx):
            _commands(cmd.get_command(ctx, name), [*path, name], out)
    return out


def test_the_command_line_keeps_its_commands_and_options():
    assert _commands(cli, ["runcamp"], {}) == COMMANDS


def test_python_dash_m_runcamp_runs_the_command_line():
    r = subprocess.run([sys.executable, "-m", "runcamp", "--help"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "list, show, summarise, export and import" in r.stdout
