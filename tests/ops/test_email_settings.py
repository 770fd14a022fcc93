"""E-mail comes from one EMAIL_URL; development prints to the console instead of trying SMTP on localhost."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.email import email_settings


def test_development_default_is_the_console():
    from cms.settings import base

    assert base.EMAIL_URL == "console://"
    assert base.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"


def test_smtp_with_starttls_credentials_and_port():
    config = email_settings("smtp+tls://mailer:p%40ss%2Fword@mail.example.com:2525")
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"]) == ("mail.example.com", 2525)
    assert (config["EMAIL_HOST_USER"], config["EMAIL_HOST_PASSWORD"]) == ("mailer", "p@ss/word")
    assert (config["EMAIL_USE_TLS"], config["EMAIL_USE_SSL"]) == (True, False)


def test_smtps_defaults_to_port_465_over_tls():
    config = email_settings("smtps://relay.example.com")
    assert (config["EMAIL_PORT"], config["EMAIL_USE_SSL"], config["EMAIL_USE_TLS"]) == (465, True, False)


@pytest.mark.parametrize("url", ["http://mail.example.com", "mail.example.com", "smtp://host:notaport"])
def test_a_bad_url_is_a_configuration_error_naming_the_variable(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email_settings(url)
