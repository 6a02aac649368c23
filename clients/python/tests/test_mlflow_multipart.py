"""MLflow's proxied multipart upload (MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD) against runcamp on
an S3-compatible store: the mlflow client sends the parts straight to the bucket, runcamp
completes, measures and hashes, and the artifact reads back through MLflow and runcamp."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import httpx
import pytest

if os.environ.get("CI"):
    import mlflow  # CI installs the extra: a missing mlflow must fail, not skip
else:
    mlflow = pytest.importorskip("mlflow")

from server import Server  # noqa: E402

MiB = 1 << 20


def test_mlflow_sends_a_large_file_in_parts_straight_to_the_store(s3_endpoint, tmp_path, monkeypatch):
    env = {
        "RUNCAMP_S3": "s3://runcamp-py/mlflow",
        "RUNCAMP_S3_ENDPOINT": s3_endpoint,
        "RUNCAMP_S3_ACCESS_KEY_ID": "test",
        "RUNCAMP_S3_SECRET_ACCESS_KEY": "test-secret",
    }
    db = tmp_path / "mpu.db"
    server = Server(db, env=env).start()
    monkeypatch.setenv("MLFLOW_TRACKING_URI", server.url)
    monkeypatch.setenv("MLFLOW_ENABLE_PROXY_MULTIPART_UPLOAD", "true")
    monkeypatch.setenv("MLFLOW_MULTIPART_UPLOAD_MINIMUM_FILE_SIZE", str(MiB))
    monkeypatch.setenv("MLFLOW_MULTIPART_UPLOAD_CHUNK_SIZE", str(5 * MiB))
    try:
        mlflow.set_tracking_uri(server.url)
        data = os.urandom(11 * MiB + 7)
        src = tmp_path / "weights.bin"
        src.write_bytes(data)
        mlflow.set_experiment("mpu")
        with mlflow.start_run() as run:
            mlflow.log_artifact(str(src), artifact_path="ckpt")
        got = mlflow.artifacts.download_artifacts(run_id=run.info.run_id, artifact_path="ckpt/weights.bin", dst_path=str(tmp_path / "out"))
        assert hashlib.sha256(open(got, "rb").read()).hexdigest() == hashlib.sha256(data).hexdigest()
        with sqlite3.connect(db) as con:
            store, key, sha = con.execute("SELECT store, object_key, sha256 FROM artifacts WHERE path = 'ckpt/weights.bin'").fetchone()
        assert (store, sha) == ("s3", hashlib.sha256(data).hexdigest())
        # Three parts of the client's 5 MiB (the server's own uploads use 8 MiB parts: two).
        etag = httpx.head(f"{s3_endpoint}/runcamp-py/{key}").headers["etag"]
        assert etag.strip('"').endswith("-3")
    finally:
        mlflow.set_tracking_uri(None)
        server.stop()
