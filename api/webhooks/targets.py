"""Webhook target checks against server-side request forgery (SSRF).

A webhook URL is attacker-influenced input: an admin account (or a stolen one) could point it at the
database (``http://127.0.0.1:5432``), the cloud metadata service (``http://169.254.169.254/``) or an intranet
host. :func:`resolve_target` resolves the host once and refuses unless *every* address it resolves to is a
public unicast address; the sender then connects to exactly the checked address (see
:mod:`api.webhooks.transport`), so a DNS answer that changes between check and connect (DNS rebinding)
cannot redirect the request. The check runs when an endpoint is saved and again before every attempt.

``settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS`` (development only) turns the address check off.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

ALLOWED_SCHEMES = {"http": 80, "https": 443}


class TargetRefused(ValueError):
    """The URL may not be used as a webhook target; the message says why, for an admin to read."""


@dataclass(frozen=True)
class ResolvedTarget:
    scheme: str
    host: str  # as written in the URL, for the Host header and TLS server name
    port: int
    path: str  # path and query string
    address: str  # the checked IP address to connect to


def resolve_target(url: str, *, allow_private: bool | None = None) -> ResolvedTarget:
    """Parse and resolve ``url``; TargetRefused unless it is an http(s) URL whose host is public."""
    if allow_private is None:
        allow_private = settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise TargetRefused(f"Not a valid URL: {error}.") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise TargetRefused("Webhook URLs must use http or https.")
    if not parts.hostname:
        raise TargetRefused("The URL has no host name.")
    if parts.username or parts.password:
        raise TargetRefused("Credentials in the URL are not accepted; receivers verify the signature instead.")
    host = parts.hostname
    port = port or ALLOWED_SCHEMES[scheme]
    addresses = _resolve(host, port)
    if not allow_private:
        for address in addresses:
            reason = non_public_reason(address)
            if reason:
                shown = host if host == address else f"{host} ({address})"
                raise TargetRefused(f"{shown} is a {reason} address; webhooks may only target public addresses.")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return ResolvedTarget(scheme=scheme, host=host, port=port, path=path, address=addresses[0])


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise TargetRefused(f"The host name {host!r} does not resolve ({error}).") from None
    addresses: list[str] = []
    for _family, _type, _proto, _canonname, sockaddr in infos:
        address = str(sockaddr[0]).split("%", 1)[0]  # drop an IPv6 zone id
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise TargetRefused(f"The host name {host!r} does not resolve.")
    return addresses


def non_public_reason(address: str) -> str | None:
    """Why ``address`` is not a public unicast address (e.g. "loopback"), or None when it is one."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return non_public_reason(str(embedded))
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("non-global", not ip.is_global),
    )
    for reason, applies in checks:
        if applies:
            return reason
    return None
