"""``runcamp import-tensorboard``: a TensorBoard log directory into a runcamp repo
(``pip install runcamp[tensorboard]``: TensorBoard's own event-file reader).

Every directory under DIR (DIR too) holding event files (``*tfevents*``) is a run, named by
its path relative to DIR (DIR's own name for DIR). Its event files are read in name order
(their names begin with the time they were created) with TensorBoard's ``EventFileLoader``,
which also brings old-style summaries to today's tensors:

- scalars become series: the tag gives the name and context by the subset rule
  (runcamp/_metric_keys.py: ``Loss/train`` is ``Loss {"subset": "train"}``), the step and wall
  time are the event's; the value is the exact float64 of the logged float32 (or float64).
  A step logged twice keeps its last value. Two tags the rule would make one series are both
  kept whole, with no context.
- hparams (the HParams plugin's session start info) become params; a whole number is an int.
  PyTorch's ``SummaryWriter.add_hparams`` writes them, with its metric, into a child directory
  named by the time (``run/1712345678.9``): such a child is part of its parent's run.
- text and images become artifacts: ``tensorboard/text/<tag>/<step>.md`` and
  ``tensorboard/images/<tag>/<step>.png`` (several images at one step: ``<step>_<i>.png``).
- anything else (histograms, audio, PR curves, graphs) is skipped and reported.

A run's id is ``tb-`` and a hash of its relative path and its first event file's name (which
holds the time, host and process that wrote it): moving the log directory keeps the ids, two
log directories with a run of the same name do not collide. Importing again skips each run
whose record, series lengths and artifacts are there unchanged, and brings over what a run
gained (points are sent again and land once: a step is a point). ``--campaign-per-parent``
puts each run in the campaign named for its parent directory (DIR's name for the runs at its
top).
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import click

from .._artifacts import artifact_url, list_artifacts
from .._errors import RuncampError
from .._metric_keys import split_subset
from .._read import Repo
from .aim import campaign_id
from .common import Ctx, Failure, fail
from .export import Counts, OneAtATime, Progress, RunWriter, checked, iso_seconds, run_unchanged
from .export_file import context_json

_TIME_DIR = re.compile(r"^\d{9,}(\.\d+)?$")  # add_hparams' child directory: str(time.time())
_UNSAFE = re.compile(r"[^A-Za-z0-9._/-]")
_IMAGE_TYPES = ((b"\x89PNG", ".png", "image/png"), (b"GIF8", ".gif", "image/gif"), (b"\xff\xd8", ".jpg", "image/jpeg"))


class TensorBoardImportError(Exception):
    """The log directory cannot be read (or the tensorboard package is missing)."""


@dataclass
class TensorBoardReport:
    repo: str
    imported: Counts = field(default_factory=Counts)
    unchanged_runs: int = 0
    campaigns: int = 0
    skipped: dict = field(default_factory=dict)  # (run name, plugin) -> number of values
    notes: list = field(default_factory=list)

    def text(self) -> str:
        c = self.imported
        lines = [
            f"imported {c.runs} TensorBoard runs ({c.series} series, {c.points} points, {c.artifacts} artifacts) into repo {self.repo}; "
            f"{self.unchanged_runs} runs already there unchanged; {self.campaigns} campaigns"
        ]
        lines += [f"  {note}" for note in self.notes]
        if self.skipped:
            lines.append("skipped (no runcamp form):")
            lines += [f"  run {run}: {n} {plugin} values" for (run, plugin), n in sorted(self.skipped.items())]
        return "\n".join(lines)


def _loader():
    try:  # tensorboard is optional and heavy (runcamp[tensorboard]): imported only by this import
        from tensorboard.backend.event_processing.event_file_loader import EventFileLoader
        from tensorboard.plugins.hparams.plugin_data_pb2 import HParamsPluginData
        from tensorboard.util.tensor_util import make_ndarray
    except ImportError:
        raise TensorBoardImportError("reading TensorBoard logs needs the tensorboard package: pip install 'runcamp[tensorboard]'") from None
    return EventFileLoader, HParamsPluginData, make_ndarray


def _event_files(directory: Path) -> list:
    return sorted(p for p in directory.iterdir() if p.is_file() and "tfevents" in p.name)


def run_directories(root: Path) -> dict:
    """Each run directory (relative path -> its directories, the run's own first and then an
    add_hparams child merged into it)."""
    found = sorted(Path(d) for d, _, files in os.walk(root) if any("tfevents" in f for f in files))
    runs: dict = {}
    for d in found:
        rel = d.relative_to(root).as_posix()
        parent = d.parent.relative_to(root).as_posix() if d != root else None
        if parent is not None and parent in runs and _TIME_DIR.match(d.name):
            runs[parent].append(d)
        else:
            runs[rel] = [d]
    return runs


def _wire(x: float) -> Any:
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def _param(value: Any) -> Any:
    """A google.protobuf.Value of the hparams plugin as JSON."""
    kind = value.WhichOneof("kind")
    if kind == "number_value":
        x = value.number_value
        return int(x) if x.is_integer() and abs(x) <= 2**53 else _wire(x)
    if kind == "string_value":
        return value.string_value
    if kind == "bool_value":
        return value.bool_value
    return None


def _safe(tag: str) -> str:
    return "/".join(p for p in _UNSAFE.sub("_", tag).split("/") if p not in ("", ".", "..")) or "_"


def _read_run(name: str, directories: list, report: TensorBoardReport) -> Optional[dict]:
    EventFileLoader, HParamsPluginData, make_ndarray = _loader()
    scalars: dict = {}  # tag -> {step: (value, time)}
    params: dict = {}
    artifacts: dict = {}  # path -> (bytes, content type)
    times: list = []
    files = [f for d in directories for f in _event_files(d)]
    for path in files:
        for event in EventFileLoader(str(path)).Load():
            if not event.HasField("summary"):
                continue
            times.append(event.wall_time)
            for v in event.summary.value:
                plugin = v.metadata.plugin_data.plugin_name
                if plugin == "scalars":
                    scalars.setdefault(v.tag, {})[event.step] = (float(make_ndarray(v.tensor).item()), event.wall_time)
                elif plugin == "hparams":
                    data = HParamsPluginData.FromString(v.metadata.plugin_data.content)
                    if data.WhichOneof("data") == "session_start_info":
                        params.update({k: _param(p) for k, p in data.session_start_info.hparams.items()})
                elif plugin == "text":
                    texts = [t.decode("utf-8", "replace") for t in make_ndarray(v.tensor).flatten()]
                    artifacts[f"tensorboard/text/{_safe(v.tag)}/{event.step}.md"] = ("\n\n".join(texts).encode("utf-8"), "text/markdown")
                elif plugin == "images":
                    encoded = list(make_ndarray(v.tensor).flatten())[2:]  # width, height, then the images
                    for i, data in enumerate(encoded):
                        suffix, ctype = next(((s, t) for magic, s, t in _IMAGE_TYPES if data.startswith(magic)), (".bin", "application/octet-stream"))
                        index = "" if len(encoded) == 1 else f"_{i}"
                        artifacts[f"tensorboard/images/{_safe(v.tag)}/{event.step}{index}{suffix}"] = (data, ctype)
                else:
                    key = (name, plugin or "untyped")
                    report.skipped[key] = report.skipped.get(key, 0) + 1
    if not times:
        report.notes.append(f"run {name}: its event files hold no summaries; not imported")
        return None
    keys = {tag: split_subset(tag) for tag in scalars}
    seen: dict = {}
    for tag, (series_name, context) in keys.items():
        seen.setdefault((series_name, context_json(context or {})), []).append(tag)
    for tags in seen.values():
        if len(tags) > 1:
            report.notes.append(f"run {name}: tags {', '.join(sorted(tags))} would be one series; each kept as its whole tag")
            keys.update({tag: (tag, None) for tag in tags})
    series = []
    for tag, points in scalars.items():
        steps = sorted(points)
        series.append(
            {
                "name": keys[tag][0],
                "context": keys[tag][1] or {},
                "steps": steps,
                "values": [_wire(points[s][0]) for s in steps],
                "epochs": [None] * len(steps),
                "times": [points[s][1] for s in steps],
            }
        )
    first_file = files[0]
    digest = hashlib.sha256(f"{name}\0{first_file.name}".encode()).hexdigest()[:40]
    record = {
        "id": f"tb-{digest}",
        "name": name[:255],
        "experiment": "",
        "description": "",
        "status": "finished",
        "archived": False,
        "campaign": None,
        "params": params,
        "tags": [],
        "provenance": {"source": "tensorboard", "path": name, "event_file": first_file.name},
        "created_at": iso_seconds(min(times)),
        "updated_at": iso_seconds(max(times)),
        "ended_at": iso_seconds(max(times)),
        "last_activity_at": iso_seconds(max(times)),
    }
    return {"run": record, "series": series, "artifacts": artifacts}


def _artifacts_unchanged(target: Repo, run_id: str, artifacts: dict) -> bool:
    have = {a["path"]: a["sha256"] for a in list_artifacts(run_id, repo=target.name, url=target.url, token=target.token)}
    return have == {path: hashlib.sha256(data).hexdigest() for path, (data, _) in artifacts.items()}


def import_tensorboard(path: str, target: Repo, *, campaign_per_parent: bool = False, progress: bool = False) -> TensorBoardReport:
    """Imports every run of the TensorBoard log directory ``path`` into ``target``."""
    _loader()
    root = Path(path).resolve()
    report = TensorBoardReport(target.name)
    runs = []
    for rel, directories in run_directories(root).items():
        read = _read_run(root.name if rel == "." else rel, directories, report)
        if read is not None:
            runs.append(read)
    if not runs and not report.notes:
        raise TensorBoardImportError(f"{path}: no TensorBoard event files (*tfevents*) in it or below it")
    campaigns: dict = {}
    if campaign_per_parent:
        for r in runs:
            parent = r["run"]["name"].rpartition("/")[0] or root.name
            cid = campaign_id(parent)
            r["run"]["campaign"] = cid
            k = campaigns.setdefault(
                cid, {"id": cid, "name": parent[:255], "description": "imported from TensorBoard", "params": {}, "created_at": r["run"]["created_at"]}
            )
            k["created_at"] = min(k["created_at"], r["run"]["created_at"])
    checked(target._transport.call("POST", f"/v1/repos/{target.name}/import", {"campaigns": list(campaigns.values())}), "creating the repo and campaigns")
    report.campaigns = len(campaigns)
    total = sum(len(s["steps"]) for r in runs for s in r["series"])
    with Progress(progress, f"TensorBoard → {target.name}", total) as bar, closing(OneAtATime()) as sender:
        for r in runs:
            rec, series, artifacts = r["run"], r["series"], r["artifacts"]
            if run_unchanged(target, rec, series, []) and _artifacts_unchanged(target, rec["id"], artifacts):
                report.unchanged_runs += 1
                bar.advance(sum(len(s["steps"]) for s in series))
                continue
            writer = RunWriter(target, {"run": rec, "values": [], "series": series, "artifacts": []}, bar, report.imported, sender)
            for s in series:
                writer.points(s)
            writer.flush()
            sender.drain()
            for artifact_path, (data, content_type) in artifacts.items():
                r_put = target._transport._client.put(artifact_url(target.name, rec["id"], artifact_path), content=data, headers={"content-type": content_type})
                checked(r_put, f"uploading artifact {artifact_path!r} of run {rec['name']}")
                report.imported.artifacts += 1
            writer.finish()
    return report


@click.command("import-tensorboard")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--repo", "into", help="Import into this repo (default: --repo/RUNCAMP_REPO or default).")
@click.option("--campaign-per-parent", is_flag=True, help="Put each run in a campaign named for its parent directory.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.pass_context
def import_tensorboard_cmd(click_ctx: click.Context, path: str, into: Optional[str], campaign_per_parent: bool, progress: Optional[bool]) -> None:
    """Import the runs of a TensorBoard log directory (needs `pip install runcamp[tensorboard]`)."""
    ctx: Ctx = click_ctx.obj
    try:
        report = import_tensorboard(
            path, ctx.repo(into or ctx.repo_name), campaign_per_parent=campaign_per_parent, progress=sys.stderr.isatty() if progress is None else progress
        )
    except TensorBoardImportError as e:
        raise Failure(str(e)) from None
    except (RuncampError, ConnectionError) as e:
        raise fail(e) from None
    click.echo(report.text())
