"""``runcamp import-aim``: an AIM repository's runs into a runcamp repo (``pip install runcamp[aim]``).

Each AIM run becomes the runcamp run whose id is its hash: name, experiment, description,
tags, archived, params (every run attribute but AIM's own ``__system_params``), creation
and end times, and every metric sequence with its context, steps, epochs, values (NaN and
±Infinity kept) and times. A run AIM never finalised (its process died) stays running, with
no end time. Object sequences (images, texts, figures, distributions, audio) have no runcamp
form: they are skipped and counted in the summary. ``campaign_from`` names a run param
(``campaign_id``, or a dotted path such as ``hparams.campaign``) whose value groups the runs
into campaigns, as tcbench lays its campaigns out.

AIM's system metrics (``__system__cpu`` ...) take runcamp's ``system/`` names
(``SYSTEM_NAMES``, the table of docs/system-metrics.md), values as they are (AIM's units are
the table's); an AIM GPU context ``{"gpu": 0}`` becomes ``{"gpu": "0"}``.

AIM's captured terminal output (``Run(capture_terminal_logs=True)``: a ``logs`` sequence of
``LogLine``, one step a line) becomes the run's log lines, in step order, seq 0, 1, 2, ...,
each with its step's time. AIM writes stdout and stderr into one buffer, so every line is
``stdout``. A line is what AIM stored: AIM kept only the text after a line's last carriage
return and dropped cursor-up/down codes (a rewritten progress bar is its last state); other
escapes (colours) and markup stay verbatim. Two runcamp rules change a line: a NUL becomes
U+FFFD, and a line past ``MAX_LOG_TEXT`` characters is split into lines that fit (both
counted in the summary). A log past the server's per-run limit is stored up to it and the
summary says how much.

AIM keeps unfinished and not yet indexed runs out of its index; the importer indexes the
repository first (what ``aim up`` does in the background), which rewrites only AIM's index.
Importing again skips the runs already there unchanged (their record, series and number of
log lines) and brings over what a run gained: lines are sent again with their seqs, so the
server keeps the ones it holds and stores the new ones. A run whose log was cut at the limit
is sent again each time and stays cut (nothing is stored twice).
"""

from __future__ import annotations

import json
import math
import re
import sys
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any, Optional

import click

from .._artifacts import utf16_len
from .._errors import RuncampError
from .._read import Repo
from .common import Ctx, Failure, fail
from .export import Counts, OneAtATime, Progress, RunWriter, checked, iso_seconds, log_records, run_unchanged
from .export_file import MAX_LOG_LINES, MAX_LOG_TEXT, context_json

OBJECT_SEQUENCES = {"images": "Image", "texts": "Text", "figures": "Figure", "distributions": "Distribution", "audios": "Audio", "figures3d": "Figure3D"}
AIM_SYSTEM = "__system__"
# AIM's system metrics by runcamp's table (docs/system-metrics.md); any other __system__x is system/x.
SYSTEM_NAMES = {
    "__system__cpu": "system/process_cpu_percent",
    "__system__memory_percent": "system/memory_percent",
    "__system__p_memory_percent": "system/process_memory_percent",
    "__system__disk_percent": "system/disk_usage_percent",
    "__system__gpu": "system/gpu_utilization_percent",
    "__system__gpu_memory_percent": "system/gpu_memory_percent",
    "__system__gpu_temp": "system/gpu_temperature_c",
    "__system__gpu_power_watts": "system/gpu_power_w",
}
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
    log_notes: list = field(default_factory=list)  # what became of a run's log lines, when not all went in as AIM holds them

    def text(self) -> str:
        c = self.imported
        lines = [
            f"imported {c.runs} AIM runs ({c.series} series, {c.points} points, {c.logs} log lines) into repo {self.repo}; "
            f"{self.unchanged_runs} runs already there unchanged; {self.campaigns} campaigns"
        ]
        lines += [f"  {note}" for note in self.log_notes]
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} object sequences:")
            lines += [f"  run {run} {name} {ctx}: {reason}" for run, name, ctx, reason in self.skipped]
        return "\n".join(lines)


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


def _series_key(name: str, ctx: dict) -> tuple:
    """The runcamp name and context of an AIM metric: AIM's system metrics by SYSTEM_NAMES,
    their GPU index as text; any other metric as it is."""
    if not name.startswith(AIM_SYSTEM):
        return name, _context(ctx)
    if isinstance(ctx.get("gpu"), int):
        ctx = {**ctx, "gpu": str(ctx["gpu"])}
    return SYSTEM_NAMES.get(name, "system/" + name.removeprefix(AIM_SYSTEM)), _context(ctx)


def _pieces(text: str) -> list:
    """A text cut into pieces of at most MAX_LOG_TEXT UTF-16 code units (the server's rule)."""
    if len(text) <= MAX_LOG_TEXT // 2 or utf16_len(text) <= MAX_LOG_TEXT:  # no character takes more than 2 units
        return [text]
    pieces, start, units = [], 0, 0
    for i, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > MAX_LOG_TEXT:
            pieces.append(text[start:i])
            start, units = i, 0
        units += width
    pieces.append(text[start:])
    return pieces


def _log_lines(run: Any, run_hash: str, report: AimReport) -> list:
    """AIM's terminal log of a run as runcamp log lines, in step order (see the module doc)."""
    logs = run.get_terminal_logs()
    if logs is None:
        return []
    steps, (texts, _, times) = logs.data.items_list()
    lines: list = []
    nul = split = 0
    for _, text, time in sorted(zip(steps, (t.data for t in texts), times), key=lambda x: x[0]):
        if "\x00" in text:
            nul += 1
            text = text.replace("\x00", "\ufffd")
        pieces = _pieces(text)
        split += len(pieces) > 1
        lines += [{"seq": len(lines) + i, "stream": "stdout", "time": float(time), "text": piece} for i, piece in enumerate(pieces)]
    if nul:
        report.log_notes.append(f"run {run_hash}: {nul} log lines held NUL characters, stored as U+FFFD")
    if split:
        report.log_notes.append(f"run {run_hash}: {split} log lines longer than {MAX_LOG_TEXT:,} characters, each stored as several lines")
    return lines


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
    seen: dict = {}  # (runcamp name, context) -> AIM name
    last_time = run.creation_time
    for name, ctx, _ in run.iter_metrics_info():
        m = run.get_metric(name, ctx)
        steps, (values, epochs, times) = m.data.items_list()
        epochs = [None if e is None or (isinstance(e, float) and math.isnan(e)) else int(e) for e in epochs]
        runcamp_name, context = _series_key(name, ctx.to_dict())
        key = (runcamp_name, context_json(context))
        if key in seen:
            raise AimImportError(f"run {run_hash}: AIM metrics {seen[key]!r} and {name!r} would both be runcamp series {runcamp_name} {key[1]}")
        seen[key] = name
        series.append(
            {
                "name": runcamp_name,
                "context": context,
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
            ctx = _context(run.idx_to_ctx(ctx_idx).to_dict())
            for name in names:
                if (kind, name, ctx) == ("sequence", "logs", {}):  # the terminal log, read below
                    continue
                what = "object sequence" if kind == "sequence" else f"{OBJECT_SEQUENCES.get(kind, kind)} sequence"  # not "sequence sequence"
                report.skipped.append((run_hash, name, ctx, f"{what}: runcamp series hold numbers only"))
    logs = _log_lines(run, run_hash, report)
    if logs:
        last_time = max(last_time, logs[-1]["time"])
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
        "created_at": iso_seconds(run.creation_time),
        "updated_at": iso_seconds(last),
        "ended_at": iso_seconds(end),
        "last_activity_at": iso_seconds(last),
    }
    return {"run": record, "series": series, "logs": logs}


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
            rec, series, logs = r["run"], r["series"], r["logs"]
            if run_unchanged(target, rec, series, logs):
                report.unchanged_runs += 1
                bar.advance(sum(len(s["steps"]) for s in series))
                continue
            writer = RunWriter(target, {"run": rec, "values": [], "series": series, "artifacts": []}, bar, report.imported, sender)
            for s in series:
                writer.points(s)
            for start in range(0, len(logs), MAX_LOG_LINES):
                for lines in log_records(logs[start : start + MAX_LOG_LINES]):
                    writer.logs({"lines": lines}, up_to_limit=True)
            writer.finish()
            if writer.log_full is not None:
                cut = f"stored its first {writer.log_lines:,} of {len(logs):,} lines; the server refused the next: {writer.log_full}"
                report.log_notes.append(f"run {rec['id']}: its log is past the server's per-run limit: {cut}")
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
