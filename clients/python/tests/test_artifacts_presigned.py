"""Large artifact files go straight to the object store in presigned parts (a real server on a
real S3-compatible one, moto's), and fall back to a PUT of the body where the server's store
signs no URLs (libSQL)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

import runcamp
from runcamp._delivery import transport
from server import Server

MiB = 1 << 20


@pytest.fixture
def presign_spy(monkeypatch):
    """Files from 1 MiB go presigned; records what each presigned attempt answered (None: refused)."""
    answers = []
    real = transport.send_presigned

    def spy(*args):
        response = real(*args)
        answers.append(None if response is None else response.status_code)
        return response

    monkeypatch.setattr(transport, "PRESIGNED_FROM", MiB)
    monkeypatch.setattr(transport, "send_presigned", spy)
    return answers


def _file(tmp_path: Path, size: int) -> tuple[Path, str]:
    path = tmp_path / "weights.bin"
    data = os.urandom(size)
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


def test_a_large_file_goes_to_the_object_store_in_presigned_parts(s3_endpoint, presign_spy, tmp_path):
    env = {
        "RUNCAMP_S3": "s3://runcamp-py/artifacts",
        "RUNCAMP_S3_ENDPOINT": s3_endpoint,
        "RUNCAMP_S3_ACCESS_KEY_ID": "test",
        "RUNCAMP_S3_SECRET_ACCESS_KEY": "test-secret",
        "RUNCAMP_MAX_ARTIFACT_BYTES": str(64 * MiB),
    }
    server = Server(tmp_path / "s3.db", env=env).start()
    try:
        src, digest = _file(tmp_path, 17 * MiB + 3)  # three parts of 8 MiB, the last one short
        run = runcamp.Run(repo="py-presigned", url=server.url)
        run.log_artifact(src, name="ckpt/weights.bin")
        assert run.flush(120)
        run.finish()
        assert run.errors == []
        assert presign_spy == [201]
        [item] = run.list_artifacts()
        assert (item["path"], item["size"], item["sha256"]) == ("ckpt/weights.bin", 17 * MiB + 3, digest)
        assert hashlib.sha256(run.download_artifact("ckpt/weights.bin")).hexdigest() == digest
    finally:
        server.stop()


def test_a_server_whose_store_signs_no_urls_gets_the_body(server, presign_spy, tmp_path):
    src, digest = _file(tmp_path, 2 * MiB)
    run = runcamp.Run(repo="py-presigned-libsql", url=server.url)
    run.log_artifact(src, name="a.bin")
    run.log_artifact(src, name="b.bin")
    assert run.flush(60)
    run.finish()
    assert run.errors == []
    assert presign_spy == [None]  # asked once (409), then the body for both
    assert [(a["path"], a["sha256"]) for a in run.list_artifacts()] == [("a.bin", digest), ("b.bin", digest)]
