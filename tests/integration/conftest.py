"""Fixtures for frontend-integration tests: a local webhook receiver and webhook endpoints pointing at it."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from api.webhooks.models import WebhookEndpoint
from api.webhooks.signing import generate_secret


@dataclass
class ReceivedRequest:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 answering each POST with the next scripted behaviour.

    Behaviours: an int status (``200``, ``500``, ``410``, ``302``), or ``"hang"`` (sleep past the client's
    timeout before answering 200). When the script runs out, it answers 200.
    """

    server: ThreadingHTTPServer
    script: deque = field(default_factory=deque)
    received: list[ReceivedRequest] = field(default_factory=list)
    hang_seconds: float = 3.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/verity"

    def answer(self, *behaviours) -> None:
        self.script.extend(behaviours)


def _handler_for(receiver_ref: list[Receiver]):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server API
            receiver = receiver_ref[0]
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            receiver.received.append(ReceivedRequest(self.path, dict(self.headers.items()), body))
            behaviour = receiver.script.popleft() if receiver.script else 200
            if behaviour == "hang":
                time.sleep(receiver.hang_seconds)
                behaviour = 200
            self.send_response(int(behaviour))
            if int(behaviour) in {301, 302, 307, 308}:
                self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            payload = b"gone" if behaviour == 410 else b"ok"
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                self.wfile.write(payload)

        def log_message(self, format, *args) -> None:  # silence the test output
            return

    return Handler


@pytest.fixture
def receiver():
    ref: list[Receiver] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(ref))
    server.daemon_threads = True
    ref.append(Receiver(server=server))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield ref[0]
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/hooks"


@pytest.fixture
def private_targets_allowed(settings):
    """Receivers run on loopback, which production refuses; this is the development setting."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
    settings.WEBHOOKS_TIMEOUT_SECONDS = 1
    settings.WEBHOOKS_MAX_ATTEMPTS = 4
    return settings


@pytest.fixture
def endpoint(receiver, private_targets_allowed, db) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(url=receiver.url, secret=generate_secret(), description="test receiver")
