"""The local spool: requests the server could not take, kept on disk until it can.

Layout: ``<spool>/<repo>/<run>/<time_ns>-<pid>-<seq>.json``, one file per request (a batch
of points, a params patch, the final status...). An artifact upload's bytes sit beside its
record as ``<same name>.blob`` (written first), so a spooled upload never depends on the
file it was logged from. Names sort in the order the requests were
made, also across processes that logged to the same run, so re-sending them in name order
replays the run's history in order. Each file is written to a temporary name and renamed,
so a reader never sees half a file. A run's directory is locked (``flock`` on ``.lock``)
by the process that owns it; another process (the next run, or ``python -m runcamp sync``)
only re-sends directories whose lock it can take, i.e. those left by a process that ended.

Kinds of request (``kind``): ``request`` (sent as is), ``points`` (an ingest batch),
``logs`` (a batch of captured log lines, sent as is: version 1, an older SDK sends it too),
``campaign`` (get-or-create of a campaign: a 409 means it exists), and, for a run resumed
while the server was away, ``resolve-steps`` (read where each series of the run stopped and
keep it in ``.bases.json``) and ``points-relative`` (a batch whose automatic steps are
relative to those bases: step ``-1 - k`` is the k-th step after the series' last one on the
server). The last two are format version 2; version 1 files are read as before.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .bodies import copy_body

try:  # POSIX; elsewhere directories are not locked (best effort).
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

SPOOL_ENV = "RUNCAMP_SPOOL_DIR"
FORMAT_VERSION = 1
# Kinds a version-1 reader does not know: written as version 2, so an older SDK leaves
# them in place instead of sending relative steps as they are.
_V2_KINDS = ("resolve-steps", "points-relative")
BASES_FILE = ".bases.json"


def default_spool_dir() -> Path:
    """``$RUNCAMP_SPOOL_DIR``, else the user's cache dir: ``~/.cache/runcamp/spool``."""
    env = os.environ.get(SPOOL_ENV)
    if env:
        return Path(env)
    if os.name == "nt":  # pragma: no cover
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "runcamp" / "spool"


@dataclass
class SpooledRequest:
    """One request as it would have been sent. ``body`` is the JSON text."""

    url: str
    method: str
    path: str
    body: Optional[str]
    kind: str = "request"  # "points" for an ingest batch, "logs" for log lines, "artifact" for an upload
    points: int = 0
    file: Optional[Path] = None
    # Artifacts: the body is bytes in memory (``data``) or a file read when sent (``body_file``).
    content_type: Optional[str] = None
    data: Optional[bytes] = None
    body_file: Optional[Path] = None

    def remove(self) -> None:
        """Deletes the spooled record (after delivery), its bytes file included."""
        if self.file is not None:
            self.file.unlink(missing_ok=True)
            if self.body_file is not None and self.body_file.parent == self.file.parent:
                self.body_file.unlink(missing_ok=True)

    def to_json(self) -> str:
        # The body is embedded as text: the points were encoded once, in the sender.
        head = json.dumps(
            {
                "v": 2 if self.kind in _V2_KINDS else FORMAT_VERSION,
                "url": self.url,
                "method": self.method,
                "path": self.path,
                "kind": self.kind,
                "points": self.points,
            },
            separators=(",", ":"),
        )
        if self.kind == "artifact":
            assert self.body_file is not None
            head = head[:-1] + "," + json.dumps({"content_type": self.content_type, "body_file": self.body_file.name})[1:]
        return head[:-1] + ',"body":' + json.dumps(self.body) + "}"

    @classmethod
    def from_file(cls, file: Path) -> SpooledRequest:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("v") not in (1, 2):
            raise ValueError(f"{file}: unknown spool format {data.get('v')!r}")
        return cls(
            url=data["url"],
            method=data["method"],
            path=data["path"],
            body=data["body"],
            kind=data.get("kind", "request"),
            points=data.get("points", 0),
            file=file,
            content_type=data.get("content_type"),
            body_file=file.parent / data["body_file"] if data.get("body_file") else None,
        )


class RunSpool:
    """The spool directory of one run, owned (locked) by this process once opened."""

    def __init__(self, root: Path, repo: str, run: str) -> None:
        self.dir = Path(root) / repo / run
        self._lock_fd: Optional[int] = None
        self._seq = 0

    def acquire(self, blocking: bool = False) -> bool:
        """Takes the directory's lock (creating it). False when another live process holds it."""
        if self._lock_fd is not None:
            return True
        self.dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.dir / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                return False
        self._lock_fd = fd
        return True

    def release(self, remove_if_empty: bool = True) -> None:
        if self._lock_fd is None:
            return
        if remove_if_empty and not self.files():
            try:  # unlink while locked, so no one else sees an empty dir as theirs
                for marker in (BASES_FILE, ".node"):  # .node: written by the TypeScript SDK
                    try:
                        os.unlink(self.dir / marker)
                    except FileNotFoundError:
                        pass
                os.unlink(self.dir / ".lock")
                self.dir.rmdir()
                self.dir.parent.rmdir()  # the repo dir, when it was the last run
            except OSError:
                pass
        os.close(self._lock_fd)
        self._lock_fd = None

    def write(self, request: SpooledRequest) -> Path:
        """Writes one request atomically (temporary file, fsync, rename)."""
        self.acquire(blocking=True)
        self._seq += 1
        name = f"{time.time_ns():020d}-{os.getpid()}-{self._seq:08d}.json"
        tmp = self.dir / f".{name}.tmp"
        if request.kind == "artifact":
            blob = self.dir / f"{name[:-5]}.blob"
            copy_body(request.data, request.body_file, blob)
            request.data, request.body_file = None, blob
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(request.to_json())
            f.flush()
            os.fsync(f.fileno())
        final = self.dir / name
        os.replace(tmp, final)
        request.file = final
        return final

    def acquire_within(self, seconds: float) -> bool:
        """Takes the lock, waiting up to ``seconds`` for its holder (e.g. this process's
        background re-send of an earlier spool of the same run) to let go."""
        deadline = time.monotonic() + seconds
        while not self.acquire():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True

    def read_bases(self) -> Optional[dict]:
        """The step bases a ``resolve-steps`` request stored, or None."""
        try:
            return json.loads((self.dir / BASES_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None

    def write_bases(self, bases: dict) -> None:
        tmp = self.dir / f".{BASES_FILE}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(bases, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.dir / BASES_FILE)

    def files(self) -> list[Path]:
        try:
            return sorted(p for p in self.dir.iterdir() if p.suffix == ".json" and not p.name.startswith("."))
        except FileNotFoundError:
            return []

    def __len__(self) -> int:
        return len(self.files())


def iter_run_dirs(root: Path) -> Iterator[tuple[str, str]]:
    """(repo, run) of every run directory in the spool, in name order."""
    root = Path(root)
    if not root.is_dir():
        return
    for repo_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        for run_dir in sorted(p for p in repo_dir.iterdir() if p.is_dir()):
            yield repo_dir.name, run_dir.name
