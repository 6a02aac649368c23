"""What the Python benchmarks beside AIM and MLflow share (bench/peers-first-read.py,
bench/sdk-read.py, bench/mlflow-client.py): a free loopback port for a server they start, and
the interpreter that has AIM (AIM does not install beside runcamp's .venv)."""

from __future__ import annotations

import os
import socket
import sys


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def aim_python() -> str | None:
    """AIM_PYTHON, else this interpreter if it imports aim; None: AIM is left out."""
    explicit = os.environ.get("AIM_PYTHON")
    if explicit:
        return explicit
    try:
        import aim  # noqa: F401

        return sys.executable
    except ImportError:
        return None
