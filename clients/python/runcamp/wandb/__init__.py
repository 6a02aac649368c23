"""The part of the wandb API that training scripts use, logging to runcamp::

    import runcamp.wandb as wandb

    run = wandb.init(project="cifar", group="augment-grid", config={"lr": 1e-3}, tags=["baseline"])
    for epoch in range(10):
        wandb.log({"train/loss": loss, "val/loss": val_loss, "epoch": epoch})
    run.summary["best_acc"] = 0.93
    wandb.log({"samples": wandb.Image(array), "predictions": wandb.Table(columns=["x", "y"], data=rows)})
    wandb.finish()

``project`` is the repo, ``group`` the campaign, ``config`` the params, ``notes`` the
description, ``id`` the run id (an existing run is resumed); ``val/loss`` is the series
``loss`` with context ``{"subset": "val"}`` (runcamp/_metric_keys.py). The server, token and
defaults come from RUNCAMP_URL, RUNCAMP_TOKEN, RUNCAMP_REPO as for ``runcamp.Run``. Any
other call of the wandb API warns once and does nothing. docs/wandb.md has the whole map.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, Optional

from .._params_json import params_json
from .._read import Repo
from .._run import Run
from .config import Config
from .media import Image, Table
from .run import WandbRun, resume_check
from .warnings import unsupported, warn_once

__all__ = ["init", "log", "finish", "define_metric", "alert", "config", "summary", "run", "Image", "Table", "AlertLevel", "WandbRun"]

run: Optional[WandbRun] = None
config = Config()  # before init: what is set here is sent as params when init comes
summary = None

# Arguments of wandb.init that runcamp has no counterpart for; set, each warns once.
_IGNORED_INIT = (
    "entity",
    "dir",
    "mode",
    "reinit",
    "save_code",
    "anonymous",
    "sync_tensorboard",
    "monitor_gym",
    "settings",
    "fork_from",
    "resume_from",
    "allow_val_change",
)


def init(
    project: Optional[str] = None,
    name: Optional[str] = None,
    group: Optional[str] = None,
    config: Any = None,
    tags: Optional[Sequence[str]] = None,
    notes: Optional[str] = None,
    resume: Any = None,
    id: Optional[str] = None,
    job_type: Optional[str] = None,
    config_exclude_keys: Optional[Sequence[str]] = None,
    config_include_keys: Optional[Sequence[str]] = None,
    **more: Any,
) -> WandbRun:
    """Starts a run (finishing the one this process had open) and makes it ``wandb.run``.

    ``resume`` with an ``id``: "must" refuses a run that does not exist, "never" one that does;
    any other value opens the run whether it exists or not, and an existing one goes on
    from its highest step + 1. ``job_type`` becomes the tag ``job_type:<value>``."""
    global run, summary
    for key in more:
        if key in _IGNORED_INIT:
            warn_once(f"init:{key}", f"wandb.init({key}=...) has no runcamp counterpart: ignored")
        else:
            raise TypeError(f"runcamp.wandb.init() got an unexpected keyword argument {key!r}")
    if resume not in (None, False, True, "allow", "auto", "must", "never"):
        raise ValueError(f"runcamp.wandb.init: resume is one of 'allow', 'must', 'never', 'auto' or a bool, not {resume!r}")
    if resume in (True, "allow", "auto", "must") and id is None:
        raise ValueError("runcamp.wandb.init: resume needs the id of the run to resume (runcamp keeps no local record of the last run)")
    if run is not None and not run.finished:
        run.finish()

    # The module's config (what was set before init, or since the last run finished) under
    # the parameter's name.
    params = {**globals()["config"].as_dict(), **_config_dict(config, config_include_keys, config_exclude_keys)}
    run_tags = list(tags or []) + ([f"job_type:{job_type}"] if job_type else [])
    start_step = 0
    if id is not None:
        found = resume_check(Repo(project), id, resume)
        start_step = found or 0
    # Sent as JSON by the integrations' rule (numpy scalars, tensors, paths, NaN); the config keeps the objects.
    runcamp_run = Run(id, repo=project, name=name, description=notes, params=params_json(params) or None, tags=run_tags or None, campaign=group)
    new_config = Config()
    new_config._items.update(params)
    run = WandbRun(runcamp_run, new_config, start_step, on_finish=_unbind)
    globals()["config"] = run.config
    summary = run.summary
    return run


def _unbind(finished: WandbRun) -> None:
    """As in wandb, a finished run's config and summary leave the module: what a sweep's loop
    sets next is for its next init, never sent to the finished run (which would refuse it)."""
    global summary
    if run is finished:
        globals()["config"] = Config()
        summary = None


class AlertLevel(Enum):
    INFO = "INFO"
    WARN = "WARN"
    ERROR = "ERROR"


def _config_dict(config: Any, include: Optional[Sequence[str]], exclude: Optional[Sequence[str]]) -> dict:
    if config is None:
        return {}
    if isinstance(config, str):
        raise TypeError("runcamp.wandb.init: config from a YAML file is not supported; load it and pass the dict")
    items = Config()
    items.update(config)
    out = items.as_dict()
    if include:
        out = {k: v for k, v in out.items() if k in include}
    if exclude:
        out = {k: v for k, v in out.items() if k not in exclude}
    return out


def _live() -> Optional[WandbRun]:
    if run is None or run.finished:
        warn_once("no-run", "there is no open run (call wandb.init() first): ignored")
        return None
    return run


def log(data: dict, step: Optional[int] = None, commit: Optional[bool] = None) -> None:
    live = _live()
    if live is not None:
        live.log(data, step=step, commit=commit)


def define_metric(name: str, step_metric: Optional[str] = None, **more: Any) -> None:
    live = _live()
    if live is not None:
        live.define_metric(name, step_metric=step_metric, **more)


def alert(title: str, text: str, level: Any = None, wait_duration: Any = None) -> None:
    live = _live()
    if live is not None:
        live.alert(title, text, level=level)


def finish(exit_code: Optional[int] = None, quiet: Any = None) -> None:
    if run is not None:
        run.finish(exit_code=exit_code)


def __getattr__(attr: str) -> Any:
    """Any other public name of the wandb module (watch, save, login, Histogram, Artifact...):
    a stand-in that warns once and does nothing."""
    if attr.startswith("_"):
        raise AttributeError(attr)
    return unsupported(f"wandb.{attr}")
