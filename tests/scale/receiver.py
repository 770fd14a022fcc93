"""A threaded local HTTP server recording every request exactly (method, path, headers, body)."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Recorder:
    server: ThreadingHTTPServer
    statuses: deque = field(default_factory=deque)  # answers in order, then 200
    requests: list[Request] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start_recorder() -> Recorder:
    holder: list[Recorder] = []

    class Handler(BaseHTTPRequestHandler):
        def _record(self) -> None:
            recorder = holder[0]
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            recorder.requests.append(Request(self.command, self.path, dict(self.headers.items()), body))
            status = recorder.statuses.popleft() if recorder.statuses else 200
            payload = b'{"success": true}' if status < 300 else b'{"success": false}'
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_POST = do_GET = do_PUT = do_DELETE = _record  # noqa: N815 - http.server API

        def log_message(self, format, *args) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    holder.append(Recorder(server))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return holder[0]
