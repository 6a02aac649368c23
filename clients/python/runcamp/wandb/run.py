"""The run object of the wandb API (``wandb.init`` returns it; ``wandb.run`` is the live one)
over a ``runcamp.Run``. What each call becomes is the table of docs/wandb.md; the rules that
need a reason:

- Steps are wandb's: one step counter for the run, advanced by each committed ``log``. A
  ``log(step=n)`` with n ahead of the counter commits what was pending and moves to n; one
  behind it is dropped with a warning (wandb does the same). ``commit=False`` gathers keys
  into the current step until a committing ``log``, a later step or ``finish``.
- ``define_metric(name, step_metric=x)``: the points of ``name`` (a glob such as ``val/*``
  too) take as step the value ``x`` has in the same commit, or its last value before; a value
  that is not a whole number ≥ 0 falls back to the run's step (warned once).
- An ``epoch`` key holding a whole number is the epoch of every point of its commit, not a
  series of its own.
- Keys become a name and a context by ``split_subset`` (runcamp/_metric_keys.py); nested dicts
  are flattened with ``/`` first (``{"val": {"loss": 1}}`` is ``val/loss``).
- A value that is no number, Image or Table (a string, a histogram...) is skipped, warned
  once per key; nothing logged ever raises into the training loop.
"""

from __future__ import annotations

import fnmatch
import math
import sys
from typing import Any, Callable, Optional

from .._errors import RuncampError
from .._metric_keys import split_subset
from .._params_json import params_json
from .._read import Repo
from .._run import Run
from .config import Config, Summary, summary_writer
from .media import Image, Table
from .warnings import unsupported, warn_once


def _flatten(data: dict, prefix: str = "") -> dict:
    out: dict = {}
    for key, value in data.items():
        key = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, key + "/"))
        else:
            out[key] = value
    return out


def _whole(value: Any) -> Optional[int]:
    """A whole number ≥ 0 (an int, or a float such as 3.0), else None."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number) or number < 0 or not number.is_integer() or number > 2**53 - 1:
        return None
    return int(number)


class WandbRun:
    """What ``wandb.init`` returns. ``runcamp`` is the runcamp.Run underneath."""

    def __init__(self, runcamp_run: Run, config: Config, start_step: int = 0, on_finish: Optional[Callable[[WandbRun], None]] = None) -> None:
        self.runcamp = runcamp_run
        self.id = runcamp_run.id
        self.project = runcamp_run.repo
        self.config = config
        config._bind(lambda items: self.runcamp.set_params(params_json(items)))
        self.summary = Summary(summary_writer(self.runcamp.set_value))
        self.step = start_step
        self._pending: dict = {}
        self._step_metrics: dict = {}  # name or glob -> the key whose value is its step
        self._last: dict = {}  # the last value of each key logged, for step metrics
        self.finished = False
        self._on_finish = on_finish

    @property
    def name(self) -> Optional[str]:
        return self.runcamp.name

    @property
    def url(self) -> str:
        return f"{self.runcamp.url}/repos/{self.runcamp.repo}/runs/{self.id}"

    def __getattr__(self, attr: str) -> Any:
        """Any other public name of wandb's run (watch, save, log_artifact, log_code...): a
        stand-in that warns once and does nothing."""
        if attr.startswith("_"):
            raise AttributeError(attr)
        return unsupported(f"run.{attr}")

    # ---- logging --------------------------------------------------------------------------

    def log(self, data: dict, step: Optional[int] = None, commit: Optional[bool] = None) -> None:
        if self.finished:
            warn_once("log-after-finish", "log() after finish(): ignored")
            return
        if not isinstance(data, dict):
            warn_once("log-not-dict", f"log() takes a dict, not {type(data).__name__}: ignored")
            return
        if step is not None:
            wanted = _whole(step)
            if wanted is None:
                warn_once("log-bad-step", f"log(step={step!r}): a step is a whole number ≥ 0; the run's step is used")
            elif wanted < self.step:
                warn_once("log-step-behind", f"log(step={wanted}) is behind the run's step {self.step}: dropped (as wandb drops it)")
                return
            elif wanted > self.step:
                self._commit()
                self.step = wanted
        self._pending.update(_flatten(data))
        if commit or (commit is None and step is None):
            self._commit()

    def _commit(self) -> None:
        """Writes the pending keys at the current step and advances it (nothing pending: nothing)."""
        if not self._pending:
            return
        data, self._pending = self._pending, {}
        step = self.step
        self.step += 1
        self._last.update(data)
        epoch = _whole(data.get("epoch")) if "epoch" in data else None
        for key, value in data.items():
            if key == "epoch" and epoch is not None:
                continue
            try:
                self._write(key, value, step, epoch)
            except Exception as e:  # never into the training loop
                warn_once(f"log:{key}", f"{key!r} is not logged: {e}")
        self.summary._note_logged({k: v for k, v in data.items() if not isinstance(v, (Image, Table, list))})

    def _write(self, key: str, value: Any, step: int, epoch: Optional[int]) -> None:
        # Logged with their step (stored at media/<key>/<step><suffix>): the web UI shows them as a strip.
        if isinstance(value, Image):
            self.runcamp.log_artifact(value.data, name=f"media/{key}{value.suffix}", step=step)
            return
        if isinstance(value, list) and value and all(isinstance(v, Image) for v in value):
            for i, image in enumerate(value):
                self.runcamp.log_artifact(image.data, name=f"media/{key}/{step}_{i}{image.suffix}")
            return
        if isinstance(value, Table):
            self.runcamp.log_artifact(value.csv_bytes(), name=f"media/{key}.csv", content_type="text/csv", step=step)
            return
        if isinstance(value, (str, bytes)) or not (isinstance(value, (int, float)) or hasattr(value, "__float__")):
            warn_once(f"type:{key}", f"{key!r} holds a {type(value).__name__}; runcamp series hold numbers: skipped")
            return
        name, context = split_subset(key)
        self.runcamp.track(value, name=name, step=self._step_for(key, step), epoch=epoch, context=context)

    def _step_for(self, key: str, step: int) -> int:
        for pattern, step_key in self._step_metrics.items():
            if key != step_key and fnmatch.fnmatchcase(key, pattern):
                own = _whole(self._last.get(step_key))
                if own is not None:
                    return own
                warn_once(f"step-metric:{key}", f"{key!r} has step metric {step_key!r} but no whole-number value of it was logged yet: the run's step is used")
        return step

    def define_metric(self, name: str, step_metric: Optional[str] = None, **_ignored: Any) -> None:
        """``step_metric`` is kept (see the module doc); summary, goal, hidden and the rest
        change nothing (a runcamp series keeps its last, min and max anyway)."""
        if step_metric is not None:
            self._step_metrics[name] = step_metric

    def alert(self, title: str, text: str, level: Any = None, wait_duration: Any = None) -> None:
        """A line on stderr, which the run's output capture (on unless turned off) keeps as a
        log line: ``wandb alert [WARN] title: text``."""
        level_name = getattr(level, "value", level) or "INFO"
        print(f"wandb alert [{level_name}] {title}: {text}", file=sys.stderr, flush=True)

    # ---- the end --------------------------------------------------------------------------

    def finish(self, exit_code: Optional[int] = None, quiet: Any = None) -> None:
        """Commits what is pending and ends the run: finished for exit code 0 (or none),
        failed otherwise."""
        if self.finished:
            return
        self.finished = True
        if self._on_finish is not None:
            self._on_finish(self)
        try:
            self._commit()
        finally:
            if exit_code:
                self.runcamp.finish("failed", failure={"type": "ExitCode", "message": f"wandb.finish(exit_code={exit_code})"})
            else:
                self.runcamp.finish()

    def __enter__(self) -> WandbRun:
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            self.finish()
        else:  # the runcamp run's own exit says what the script died of
            self._commit()
            self.finished = True
            if self._on_finish is not None:
                self._on_finish(self)
            self.runcamp.__exit__(exc_type, exc, tb)
        return False

    def __repr__(self) -> str:
        return f"<runcamp.wandb run {self.project}/{self.id}>"


def resume_check(repo: Repo, run_id: str, resume: Any) -> Optional[int]:
    """For ``resume`` "must" or "never", whether the run may be opened (raises when not); for
    any resume of an existing run, the step to go on from (its highest step + 1)."""
    try:
        existing = repo.run(run_id)
    except RuncampError as e:
        if e.status != 404:
            raise
        existing = None
    if resume == "must" and existing is None:
        raise RuncampError(f"wandb.init(resume='must'): run {run_id} does not exist in repo {repo.name!r}")
    if resume == "never" and existing is not None:
        raise RuncampError(f"wandb.init(resume='never'): run {run_id} exists in repo {repo.name!r}")
    if existing is None:
        return None
    steps = [s["last_step"] for s in existing.metrics if s.get("last_step") is not None]
    return max(steps) + 1 if steps else 0
