"""Where a run came from: git commit and dirty flag, command line, host, Python, packages."""

from __future__ import annotations

import getpass
import os
import platform
import socket
import subprocess
import sys
from collections.abc import Mapping
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Optional


def _git(args: list, cwd: Path) -> Optional[str]:
    try:
        out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def git_info(cwd: Optional[Path] = None) -> Optional[dict]:
    """Commit, branch, dirty flag (tracked files only) and origin of the script's repository."""
    if cwd is None:
        script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
        cwd = script.resolve().parent if script is not None and script.is_file() else Path.cwd()
    commit = _git(["rev-parse", "HEAD"], cwd)
    if commit is None:
        return None
    status = _git(["status", "--porcelain", "--untracked-files=no"], cwd)
    info = {"commit": commit, "dirty": bool(status), "branch": _git(["rev-parse", "--abbrev-ref", "HEAD"], cwd)}
    remote = _git(["remote", "get-url", "origin"], cwd)
    if remote:
        info["remote"] = remote
    return info


def installed_packages() -> dict:
    packages = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            packages[name] = dist.version
    return dict(sorted(packages.items(), key=lambda kv: kv[0].lower()))


def capture_provenance(extra: Optional[Mapping[str, Any]] = None) -> dict:
    try:
        user = getpass.getuser()
    except Exception:
        user = None
    provenance: dict = {
        "argv": list(sys.argv),
        "cwd": os.getcwd(),
        "host": socket.gethostname(),
        "user": user,
        "pid": os.getpid(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "executable": sys.executable,
        "platform": platform.platform(),
        "started_at": datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "git": git_info(),
        "packages": installed_packages(),
    }
    if extra:
        provenance.update(extra)
    return provenance
