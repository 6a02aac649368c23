"""A real runcamp server (the Node host) in a subprocess, on a free port and a temp database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Optional

import httpx

REPO_ROOT = Path(__file__).resolve().parents[3]


def node_binary() -> str:
    explicit = os.environ.get("RUNCAMP_NODE")
    if explicit:
        return explicit
    local = REPO_ROOT / "node_modules" / ".bin" / "node"
    return str(local) if local.exists() else "node"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db_file: Path, port: Optional[int] = None, env: Optional[dict] = None) -> None:
        self.db_file = db_file
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = env or {}
        self.proc: Optional[subprocess.Popen] = None

    def start(self, timeout: float = 30.0) -> Server:
        env = {**os.environ, "PORT": str(self.port), "HOST": "127.0.0.1", "LIBSQL_URL": f"file:{self.db_file}", **self.env}
        self.proc = subprocess.Popen(
            [node_binary(), str(REPO_ROOT / "src" / "hosts" / "node.ts")],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + timeout
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"the server exited ({self.proc.wait()}) before listening")
            if "runcamp listening on" in line:
                # Keep draining its output so it never blocks on a full pipe.
                threading.Thread(target=self.proc.stdout.read, daemon=True).start()
                return self
        raise TimeoutError("the server did not start")

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def http(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60)
