"""H3: webhook targets on loopback, private, link-local or reserved addresses are refused (save and send time)."""

from __future__ import annotations

import socket

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from api.webhooks.models import WebhookEndpoint
from api.webhooks.targets import TargetRefused, non_public_reason, resolve_target

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_targets(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False


def fake_dns(monkeypatch, answers: dict[str, list[str]]):
    """Make getaddrinfo answer ``answers`` for the given names (and refuse everything else)."""

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in answers[host]]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:5432",
        "http://169.254.169.254/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.8/hook",
        "http://192.168.1.10/hook",
        "http://172.16.0.1/hook",
        "http://100.64.0.1/hook",  # carrier-grade NAT
        "http://0.0.0.0/",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",  # IPv4-mapped loopback
        "http://[fe80::1]/hook",
        "http://[fd00::1]/hook",
        "http://240.0.0.1/",  # reserved
        "http://localhost:8000/",
    ],
)
def test_private_and_reserved_targets_are_refused(production_targets, url):
    with pytest.raises(TargetRefused, match="address"):
        resolve_target(url)


def test_a_name_resolving_to_a_private_address_is_refused(production_targets, monkeypatch):
    fake_dns(monkeypatch, {"hooks.example.com": ["10.1.2.3"]})
    with pytest.raises(TargetRefused, match=r"hooks\.example\.com \(10\.1\.2\.3\) is a private address"):
        resolve_target("https://hooks.example.com/verity")


def test_a_name_resolving_to_public_and_private_addresses_is_refused(production_targets, monkeypatch):
    fake_dns(monkeypatch, {"mixed.example.com": ["93.184.215.14", "127.0.0.1"]})
    with pytest.raises(TargetRefused, match="loopback"):
        resolve_target("https://mixed.example.com/")


def test_a_public_target_resolves_to_the_checked_address(production_targets, monkeypatch):
    fake_dns(monkeypatch, {"hooks.example.com": ["93.184.215.14"]})
    target = resolve_target("https://hooks.example.com/in?x=1")
    assert (target.scheme, target.host, target.port, target.path, target.address) == (
        "https",
        "hooks.example.com",
        443,
        "/in?x=1",
        "93.184.215.14",
    )


@pytest.mark.parametrize(
    "url, message",
    [
        ("ftp://example.com/", "http or https"),
        ("file:///etc/passwd", "http or https"),
        ("http://user:pass@example.com/", "Credentials"),
        ("http:///nohost", "no host"),
        ("http://example.com:99999/", "valid URL"),
    ],
)
def test_malformed_or_non_http_urls_are_refused(production_targets, url, message):
    with pytest.raises(TargetRefused, match=message):
        resolve_target(url)


def test_unresolvable_names_are_refused(production_targets, monkeypatch):
    fake_dns(monkeypatch, {})
    with pytest.raises(TargetRefused, match="does not resolve"):
        resolve_target("https://nowhere.invalid/")


def test_the_development_setting_allows_loopback(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
    assert resolve_target("http://127.0.0.1:8106/hook").address == "127.0.0.1"


def test_public_addresses_have_no_refusal_reason():
    assert non_public_reason("93.184.215.14") is None
    assert non_public_reason("2606:2800:220:1:248:1893:25c8:1946") is None


def test_saving_an_endpoint_refuses_private_targets_on_every_save_path(production_targets):
    with pytest.raises(ValidationError, match="link-local"):
        WebhookEndpoint(url="http://169.254.169.254/").full_clean()
    with pytest.raises(ValidationError, match="loopback"):
        WebhookEndpoint.objects.create(url="http://127.0.0.1:5432")
    with pytest.raises(CommandError, match="private"):
        call_command("webhooks", "add", "http://192.168.0.5/hook")
    assert not WebhookEndpoint.objects.exists()
