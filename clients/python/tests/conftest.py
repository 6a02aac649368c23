from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

# The generated client (readback.py, test_generated.py) is its own distribution,
# clients/python-lowlevel, which CI installs (.ci/run); without it, the tests import it from
# that folder (plain source; it needs httpx, attrs and python-dateutil).
try:
    import runcamp_lowlevel  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "python-lowlevel"))

from mlflow_server import MlflowServer  # noqa: E402
from server import Server  # noqa: E402


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """One real runcamp server (Node host, temp database) shared by the tests that do not stop it."""
    s = Server(tmp_path_factory.mktemp("server") / "runcamp.db").start()
    yield s
    s.stop()


@pytest.fixture(scope="session")
def mlflow_server(tmp_path_factory):
    """One real `mlflow server` (mlflow_server.py) shared by the tests that compare runcamp with
    MLflow itself; skipped where mlflow is not installed (CI installs it)."""
    if not os.environ.get("CI"):  # CI installs the extra: a missing mlflow must fail, not skip
        pytest.importorskip("mlflow")
    s = MlflowServer(tmp_path_factory.mktemp("mlflow-server")).start()
    yield s
    s.stop()


@pytest.fixture
def own_server(tmp_path):
    """A server of the test's own, which the test may stop and restart."""
    s = Server(tmp_path / "own.db")
    yield s
    s.stop()


@pytest.fixture(autouse=True)
def no_capture_by_default(monkeypatch):
    """Runs in the tests capture no output and sample no system metrics unless a test asks
    (capture_logs=True, system_metrics=True, or the environment of a subprocess it starts)."""
    monkeypatch.setenv("RUNCAMP_CAPTURE_LOGS", "0")
    monkeypatch.setenv("RUNCAMP_SYSTEM_METRICS", "0")


@pytest.fixture(autouse=True)
def spool_dir(tmp_path, monkeypatch):
    """Every test spools to its own directory (never the user's cache)."""
    d = tmp_path / "spool"
    monkeypatch.setenv("RUNCAMP_SPOOL_DIR", str(d))
    return d


MOTO = Path(sys.executable).parent / "moto_server"


@pytest.fixture
def s3_endpoint():
    """A real S3-compatible server (moto's, its own process) with the bucket runcamp-py; its URL.
    Required under CI (scripts/test-all.ts installs it), skipped elsewhere without it."""
    if not MOTO.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no S3-compatible server at {MOTO}: CI installs moto[server] into .venv")
        pytest.skip(f"no S3-compatible server at {MOTO} (.venv/bin/pip install 'moto[server]')")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(MOTO), "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                # moto's server takes unsigned requests: enough to make the bucket.
                if httpx.put(f"{endpoint}/runcamp-py").status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield endpoint
    finally:
        proc.terminate()
        proc.wait(10)
