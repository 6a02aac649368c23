"""ruff keeps the SDK and its tests linted and formatted ([tool.ruff] in pyproject.toml);
a failure prints what ruff found (fix with `ruff check --fix` and `ruff format`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
TARGETS = ["runcamp", "tests"]


def _ruff() -> str:
    for candidate in (Path(sys.executable).parent / "ruff", shutil.which("ruff")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    pytest.fail("ruff is not installed: pip install -e 'clients/python[test]'")


@pytest.mark.parametrize("command", [["check", "--no-cache"], ["format", "--check", "--no-cache"]], ids=["check", "format"])
def test_ruff(command):
    r = subprocess.run([_ruff(), *command, *TARGETS], cwd=PROJECT, capture_output=True, text=True)
    assert r.returncode == 0, f"ruff {' '.join(command)}:\n{r.stdout}{r.stderr}"
