"""One HTTP POST to a checked webhook target: pinned address, bounded time and size, no redirects.

``http.client`` is used directly because it never follows redirects and lets the connection go to the address
that :func:`api.webhooks.targets.resolve_target` checked, while the ``Host`` header and the TLS server name
(and certificate check) still use the host name from the URL.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass

from .targets import ResolvedTarget

MAX_RESPONSE_BYTES = 64 * 1024
RESPONSE_EXCERPT_CHARS = 500


@dataclass(frozen=True)
class SendResult:
    status: int | None  # HTTP status, None when no response arrived
    error: str  # empty on any HTTP response
    excerpt: str  # the first characters of the response body
    duration_ms: int

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: ResolvedTarget, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self._address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, target: ResolvedTarget, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout, context=ssl.create_default_context())
        self._address = target.address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post(target: ResolvedTarget, body: bytes, headers: dict[str, str], timeout: float) -> SendResult:
    """POST ``body``; any outcome (including timeouts and refusals) comes back as a SendResult."""
    connection_class = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(target, timeout)
    started = time.monotonic()
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        response = connection.getresponse()
        payload = response.read(MAX_RESPONSE_BYTES)
        excerpt = payload.decode("utf-8", errors="replace")[:RESPONSE_EXCERPT_CHARS]
        return SendResult(response.status, "", excerpt, _elapsed_ms(started))
    except TimeoutError:
        return SendResult(None, f"Timed out after {timeout:g} s.", "", _elapsed_ms(started))
    except ConnectionRefusedError:
        return SendResult(None, "Connection refused.", "", _elapsed_ms(started))
    except ssl.SSLError as error:
        return SendResult(None, f"TLS error: {error}.", "", _elapsed_ms(started))
    except (OSError, http.client.HTTPException) as error:
        return SendResult(None, f"{type(error).__name__}: {error}", "", _elapsed_ms(started))
    finally:
        connection.close()


def _elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
