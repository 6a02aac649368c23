"""Warn once per kind of unsupported call: a training script that calls into the wandb API
runcamp does not cover keeps running and is told once, not every step."""

from __future__ import annotations

import logging
import threading

log = logging.getLogger("runcamp.wandb")
_said: set = set()
_lock = threading.Lock()


def warn_once(what: str, message: str) -> None:
    """Logs ``message`` the first time ``what`` is met in this process."""
    with _lock:
        if what in _said:
            return
        _said.add(what)
    log.warning("runcamp.wandb: %s", message)


def unsupported(name: str):
    """A stand-in for the wandb call ``name``: does nothing and says so once."""

    def ignored(*args, **kwargs):
        warn_once(name, f"{name}() is not supported by runcamp; ignored")

    ignored.__name__ = name.rsplit(".", 1)[-1]
    return ignored
