"""Which MLflow REST calls does the real `mlflow` client make? Runs a real `mlflow server`
(SQLite backend, a temporary folder) behind a recording proxy, drives the client through the
tracking script of tools/mlflow/workload.py, and prints every call (method, path, status,
request and answer bodies, cut short). How runcamp's MLflow endpoints were chosen; run it
again after upgrading the pinned mlflow:  .venv/bin/python tools/mlflow/record.py [--target URL]
(--target records against another server, e.g. runcamp at http://127.0.0.1:8787)."""
import argparse, http.client, json, os, socket, subprocess, sys, tempfile, threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

calls = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proxy_to(target):
    url = urllib.parse.urlsplit(target)

    class Proxy(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def handle_any(self):
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
            conn.request(self.command, self.path, body=body, headers=headers)
            res = conn.getresponse()
            data = res.read()
            calls.append((self.command, self.path, res.status, body[:300], data[:300]))
            self.send_response(res.status)
            for k, v in res.getheaders():
                if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(k, v)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any

    return Proxy


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", help="record against this server instead of a fresh mlflow server")
    args = parser.parse_args()
    server = None
    target = args.target
    if not target:
        tmp = tempfile.mkdtemp(prefix="mlflow-record-")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "mlflow", "server", "--host", "127.0.0.1", "--port", str(port),
             "--backend-store-uri", f"sqlite:///{tmp}/mlflow.db", "--artifacts-destination", f"{tmp}/artifacts", "--workers", "1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        target = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/health")
                break
            except OSError:
                time.sleep(0.1)
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), proxy_to(target))
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    env = dict(os.environ, MLFLOW_TRACKING_URI=f"http://127.0.0.1:{proxy.server_address[1]}")
    try:
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "workload.py"), "--steps", "5"], env=env, check=False)
    finally:
        proxy.shutdown()
        if server:
            server.terminate()
            server.wait()
    for method, path, status, req, res in calls:
        print(f"{method} {path} -> {status}\n    req {req!r}\n    res {res!r}")


if __name__ == "__main__":
    main()
