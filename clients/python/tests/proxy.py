"""A fault-injecting HTTP proxy between the SDK and the server."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

import httpx

HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"}


class FlakyProxy:
    """``fault(n, method, path)`` decides request n's fate: None (forward), "refuse" (close
    the connection unanswered), "lost" (forward, then close without the answer: the server
    applied it but the client never hears), or a status code answered without forwarding."""

    def __init__(self, upstream: str, fault: Callable[[int, str, str], object]) -> None:
        self.upstream = upstream
        self.count = 0
        self.injected = 0
        self.bodies: list = []  # (method, path, body bytes) of every request, in order
        lock = threading.Lock()
        proxy = self
        client = httpx.Client(base_url=upstream, timeout=60)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _handle(self):
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else None
                with lock:
                    proxy.count += 1
                    n = proxy.count
                    proxy.bodies.append((self.command, self.path, body))
                action = fault(n, self.command, self.path)
                if action is not None:
                    with lock:
                        proxy.injected += 1
                if action == "refuse":
                    self.close_connection = True
                    return
                if isinstance(action, int):
                    data = b'{"title":"injected"}'
                    self.send_response(action)
                    if action == 429:
                        self.send_header("retry-after", "0")
                    self.send_header("content-type", "application/problem+json")
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP and k.lower() != "host"}
                r = client.request(self.command, self.path, content=body, headers=headers)
                if action == "lost":
                    self.close_connection = True
                    return
                self.send_response(r.status_code)
                for k, v in r.headers.items():
                    if k.lower() not in HOP:
                        self.send_header(k, v)
                self.send_header("content-length", str(len(r.content)))
                self.end_headers()
                self.wfile.write(r.content)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
