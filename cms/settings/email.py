"""Outgoing e-mail (Wagtail's workflow notifications) configured from one ``EMAIL_URL``.

    console://                                   print messages to stdout (the development default)
    smtp://user:password@mail.example.com:25     plain SMTP
    smtp+tls://user:password@host:587            SMTP with STARTTLS
    smtps://user:password@host:465               SMTP over TLS
    dummy://                                     drop every message

User name and password are percent-decoded, so an ``@`` in a password is written ``%40``.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
}
DEFAULT_PORTS = {"smtp": 25, "smtp+tls": 587, "smtps": 465}


def email_settings(url: str) -> dict[str, object]:
    """Django's EMAIL_* settings for ``url``; a scheme it does not know is a configuration error."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in BACKENDS:
        known = ", ".join(f"{name}://" for name in BACKENDS)
        raise ImproperlyConfigured(f"EMAIL_URL must start with one of {known}; got {scheme or 'no scheme'}")
    config: dict[str, object] = {
        "EMAIL_BACKEND": BACKENDS[scheme],
        "EMAIL_HOST": "localhost",
        "EMAIL_PORT": 25,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
    }
    if scheme in DEFAULT_PORTS:
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured("EMAIL_URL has an invalid port") from None
        config.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=port or DEFAULT_PORTS[scheme],
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=scheme == "smtp+tls",
            EMAIL_USE_SSL=scheme == "smtps",
        )
    return config
