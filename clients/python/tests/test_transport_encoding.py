"""The SDK asks a server on this machine for answers as they are: the server gzips for clients
that accept it, which on loopback costs CPU on both ends and saves nothing."""

from __future__ import annotations

import httpx

import runcamp
from runcamp._delivery.transport import Transport, _loopback


def test_loopback_urls_are_recognised():
    assert [_loopback(u) for u in ("http://127.0.0.1:8787", "http://localhost:1", "http://[::1]:5", "http://127.1.2.3")] == [True] * 4
    assert [_loopback(u) for u in ("https://runcamp.example.org", "http://10.0.0.1:8787", "http://[2001:db8::1]")] == [False] * 3


def test_the_sdk_reads_a_local_server_uncompressed_where_a_plain_client_gets_gzip(server):
    run = runcamp.Run(repo="encoding", url=server.url, system_metrics=False, capture_logs=False)
    for step in range(5000):  # an answer well above the server's 1 KiB threshold
        run.track(step / 7, name="loss", step=step)
    run.finish()
    path = f"/v1/repos/encoding/runs/{run.id}/metrics/loss?format=columnar&limit=5000"
    plain = httpx.get(server.url + path)  # httpx accepts gzip by default
    assert plain.headers.get("content-encoding") == "gzip"
    transport = Transport(server.url)
    try:
        answer = transport.request("GET", path)
    finally:
        transport.close()
    assert answer.status_code == 200 and "content-encoding" not in answer.headers
    assert answer.json()["values"] == plain.json()["values"]
