"""``runcamp import-aim``: an AIM repository's runs into a runcamp repo (``pip install runcamp[aim]``).

Each AIM run becomes the runcamp run whose id is its hash: name, experiment, description,
tags, archived, params (every run attribute but AIM's own ``__system_params``), creation
and end times, and every metric sequence with its context, steps, epochs, values (NaN and
±Infinity kept) and times. A run AIM never finalised (its process died) stays running, with
no end time. Object sequences (images, texts, figures, distributions, audio) have no runcamp
form: they are skipped and counted in the summary. ``campaign_from`` names a run param
(``campaign_id``, or a dotted path such as ``hparams.campaign``) whose value groups the runs
into campaigns, as tcbench lays its campaigns out.

AIM keeps unfinished and not yet indexed runs out of its index; the importer indexes the
repository first (what ``aim up`` does in the background), which rewrites only AIM's index.
Importing again skips the runs already there unchanged and brings over what a run gained.
"""

from __future__ import annotations

import json
import math
import re
import sys
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Optional
from urllib.parse import quote

import click

from .._errors import RuncampError
from .._read import Repo
from .common import Ctx, Failure, fail
from .export import Counts, OneAtATime, Progress, RunWriter, checked, summaries_key
from .export_file import context_json

OBJECT_SEQUENCES = {"images": "Image", "texts": "Text", "figures": "Figure", "distributions": "Distribution", "audios": "Audio", "figures3d": "Figure3D"}
_ID = re.compile(r"[^A-Za-z0-9_-]")
_TAG = re.compile(r"[^A-Za-z0-9_.:/-]")


class AimImportError(Exception):
    """The AIM repository cannot be read (or the aim package is missing)."""


@dataclass
class AimReport:
    repo: str
    imported: Counts = field(default_factory=Counts)
    unchanged_runs: int = 0
    campaigns: int = 0
    skipped: list = field(default_factory=list)  # (run, sequence, context, reason)

    def text(self) -> str:
        c = self.imported
        lines = [
            f"imported {c.runs} AIM runs ({c.series} series, {c.points} points) into repo {self.repo}; "
            f"{self.unchanged_runs} runs already there unchanged; {self.campaigns} campaigns"
        ]
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} object sequences:")
            lines += [f"  run {run} {name} {ctx}: {reason}" for run, name, ctx, reason in self.skipped]
        return "\n".join(lines)


def _iso(seconds: Optional[float]) -> Optional[str]:
    if seconds is None:
        return None
    ms = math.floor(seconds * 1000)
    return datetime.fromtimestamp(ms / 1000, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _wire(x: Any) -> Any:
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def _plain(value: Any) -> Any:
    """AIM attributes as JSON (tuples → lists, non-finite floats → wire strings)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return _wire(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _context(ctx: dict) -> dict:
    """A runcamp context is flat (strings, numbers, booleans): anything else becomes its text."""

    return {
        str(k): v if isinstance(v, (str, bool, int, float)) and not (isinstance(v, float) and not math.isfinite(v)) else json.dumps(_plain(v))
        for k, v in ctx.items()
    }


def _lookup(params: dict, path: str) -> Any:
    node: Any = params
    for key in path.removeprefix("params.").split("."):
        if not isinstance(node, dict) or key not in node:
            return params.get(path) if isinstance(params, dict) else None
        node = node[key]
    return node


def campaign_id(value: Any) -> str:
    """A campaign id from a param's value (ids are 1-64 of A-Z a-z 0-9 _ -)."""
    return _ID.sub("-", str(value))[:64] or "campaign"


def _open(path: str):
    try:  # aim is optional and heavy (runcamp[aim]): imported only by an import from AIM
        import aim  # noqa: F401
    except ImportError:
        raise AimImportError("reading AIM repositories needs the aim package: pip install 'runcamp[aim]'") from None
    from aim import Repo as AimRepo

    if not AimRepo.exists(path):
        raise AimImportError(f"{path}: not an AIM repository (no .aim directory)")
    try:
        repo = AimRepo.from_path(path)
        # Unfinished runs stay out of AIM's index until it is rebuilt (what `aim storage reindex` does).
        repo._recreate_index()
        return repo
    except Exception as e:  # AIM raises plain exceptions for a damaged repo
        raise AimImportError(f"{path}: the AIM repository cannot be read ({e})") from None


def _read_run(aim_repo: Any, path: str, run_hash: str, report: AimReport) -> Optional[dict]:
    from aim import Run as AimRun  # optional and heavy, as in _open

    run = AimRun(run_hash=run_hash, repo=path, read_only=True)
    try:
        params = _plain(run[...])
    except KeyError:  # a run with no attributes at all
        params = {}
    params = {k: v for k, v in params.items() if not k.startswith("__")}
    series = []
    last_time = run.creation_time
    for name, ctx, _ in run.iter_metrics_info():
        m = run.get_metric(name, ctx)
        steps, (values, epochs, times) = m.data.items_list()
        epochs = [None if e is None or (isinstance(e, float) and math.isnan(e)) else int(e) for e in epochs]
        series.append(
            {
                "name": name,
                "context": _context(ctx.to_dict()),
                "steps": [int(s) for s in steps],
                "values": [_wire(v) for v in values],
                "epochs": epochs,
                "times": [float(t) for t in times],
            }
        )
        if times:
            last_time = max(last_time, max(times))
    try:
        typed = run.meta_run_tree.subtree("typed_traces").collect()
    except (KeyError, StopIteration):
        typed = {}
    for kind, by_context in typed.items():
        if kind == "metric":
            continue
        for ctx_idx, names in by_context.items():
            for name in names:
                cls = OBJECT_SEQUENCES.get(kind, kind)
                report.skipped.append((run_hash, name, _context(run.idx_to_ctx(ctx_idx).to_dict()), f"{cls} sequence: runcamp series hold numbers only"))
    end = run.end_time
    last = max(filter(None, (run.creation_time, end, last_time)))
    tags = [t for t in (_TAG.sub("_", str(tag))[:128] for tag in run.tags) if t]
    record = {
        "id": run_hash,
        "name": (run.name or "")[:255],
        "experiment": (run.experiment or "")[:255],
        "description": run.description or "",
        "status": "finished" if end is not None else "running",
        "archived": bool(run.archived),
        "campaign": None,
        "params": params,
        "tags": list(dict.fromkeys(tags)),
        "provenance": {"source": "aim", "hash": run_hash},
        "created_at": _iso(run.creation_time),
        "updated_at": _iso(last),
        "ended_at": _iso(end),
        "last_activity_at": _iso(last),
    }
    return {"run": record, "series": series}


def _unchanged(target: Repo, rec: dict, series: list) -> bool:
    have = target._call("GET", f"runs/{quote(rec['id'], safe='')}", missing_ok=True)
    if have is None or any(have.get(k) != v for k, v in rec.items()):
        return False
    mine = sorted((s["name"], context_json(s["context"]), len(s["steps"]), s["steps"][-1] if s["steps"] else None) for s in series)
    theirs = [(s["name"], s["context"], s["count"], s["last_step"]) for s in summaries_key(have["metrics"])]
    return mine == theirs


def import_aim(path: str, target: Repo, *, campaign_from: Optional[str] = None, progress: bool = False) -> AimReport:
    """Imports every run of the AIM repository at ``path`` into ``target``."""
    aim_repo = _open(path)
    report = AimReport(target.name)
    hashes = list(aim_repo.list_all_runs())
    runs = []
    for h in hashes:
        read = _read_run(aim_repo, path, h, report)
        if read is not None:
            runs.append(read)
    campaigns: dict = {}
    if campaign_from:
        for r in runs:
            value = _lookup(r["run"]["params"], campaign_from)
            if value is None:
                continue
            cid = campaign_id(value)
            r["run"]["campaign"] = cid
            k = campaigns.setdefault(
                cid,
                {
                    "id": cid,
                    "name": str(value)[:255],
                    "description": f"imported from AIM ({campaign_from})",
                    "params": {},
                    "created_at": r["run"]["created_at"],
                },
            )
            k["created_at"] = min(k["created_at"], r["run"]["created_at"])
    head: dict = {"campaigns": list(campaigns.values())}
    checked(target._transport.call("POST", f"/v1/repos/{target.name}/import", head), "creating the repo and campaigns")
    report.campaigns = len(campaigns)
    total = sum(len(s["steps"]) for r in runs for s in r["series"])
    with Progress(progress, f"AIM → {target.name}", total) as bar, closing(OneAtATime()) as sender:
        for r in runs:
            rec, series = r["run"], r["series"]
            if _unchanged(target, rec, series):
                report.unchanged_runs += 1
                bar.advance(sum(len(s["steps"]) for s in series))
                continue
            writer = RunWriter(target, {"run": rec, "values": [], "series": series, "artifacts": []}, bar, report.imported, sender)
            for s in series:
                writer.points(s)
            writer.finish()
    return report


@click.command("import-aim")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--repo", "into", help="Import into this repo (default: --repo/RUNCAMP_REPO or default).")
@click.option("--campaign-from", help="A run param holding the campaign id (tcbench: campaign_id); its runs go to that campaign.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.pass_context
def import_aim_cmd(click_ctx: click.Context, path: str, into: Optional[str], campaign_from: Optional[str], progress: Optional[bool]) -> None:
    """Import the runs of an AIM repository (needs `pip install runcamp[aim]`)."""
    ctx: Ctx = click_ctx.obj
    try:
        report = import_aim(path, ctx.repo(into or ctx.repo_name), campaign_from=campaign_from, progress=sys.stderr.isatty() if progress is None else progress)
    except AimImportError as e:
        raise Failure(str(e)) from None
    except (RuncampError, ConnectionError) as e:
        raise fail(e) from None
    click.echo(report.text())
