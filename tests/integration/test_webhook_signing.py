"""H1: our Standard Webhooks signature is accepted by the reference verifier, and only for the exact message."""

from __future__ import annotations

import base64
import json
import time

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from api.webhooks.signing import generate_secret, secret_key, sign, signature_headers


@pytest.fixture
def secret() -> str:
    return generate_secret()


def test_generated_secrets_are_whsec_base64_with_32_bytes_of_key(secret):
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    assert generate_secret() != secret


def test_reference_verifier_accepts_our_signature(secret):
    body = json.dumps({"type": "article.published", "data": {"slug": "iop-for-depression"}}).encode()
    headers = signature_headers(secret, "msg_1", int(time.time()), body)

    assert Webhook(secret).verify(body, headers) == json.loads(body)


def test_reference_verifier_rejects_a_changed_body(secret):
    body = b'{"type":"article.published","data":{"slug":"a"}}'
    headers = signature_headers(secret, "msg_1", int(time.time()), body)

    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body.replace(b'"a"', b'"b"'), headers)


def test_reference_verifier_rejects_a_stale_timestamp(secret):
    body = b'{"type":"article.published"}'
    ten_minutes_ago = int(time.time()) - 600
    headers = signature_headers(secret, "msg_1", ten_minutes_ago, body)

    with pytest.raises(WebhookVerificationError, match="too old"):
        Webhook(secret).verify(body, headers)


def test_reference_verifier_rejects_another_secret_or_message_id(secret):
    body = b"{}"
    now = int(time.time())
    headers = signature_headers(secret, "msg_1", now, body)

    with pytest.raises(WebhookVerificationError):
        Webhook(generate_secret()).verify(body, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body, {**headers, "webhook-id": "msg_2"})


def test_signature_format_is_v1_comma_base64_hmac_sha256(secret):
    signature = sign(secret, "msg_1", 1700000000, b"{}")
    version, encoded = signature.split(",")
    assert version == "v1"
    assert len(base64.b64decode(encoded)) == 32


@pytest.mark.parametrize(
    "bad", ["", "secret", "whsec_", "whsec_!!!notbase64", "whsec_" + base64.b64encode(b"short").decode()]
)
def test_malformed_secrets_are_refused(bad):
    with pytest.raises(ValueError):
        secret_key(bad)
