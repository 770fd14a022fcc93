"""Locales in the API: the ``?locale=`` parameter, ``Content-Language`` and locale-prefixed frontend paths.

The locales are ``settings.LANGUAGES`` (the first is the default content locale, the one whose frontend paths
carry no prefix: ``/resources/x/`` in English, ``/es/resources/x/`` in Spanish). A request names its locale with
``?locale=`` (``settings.API_DEFAULT_LOCALE`` when absent); an unknown one is a 400 naming the allowed ones.
The locale is chosen by the URL, never negotiated from ``Accept-Language``, so responses need no
``Vary: Accept-Language`` and every cache keys them by URL already.

Articles are translated (each translation its own page, signed off on its own). Clinicians, centers, vocabulary
terms and crisis lines are one object in every language whose reader-facing text has translation rows
(``providers.models.translations``): they are served in the locale asked for, each field falling back to the
default language's text where it has no translation.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from .errors import InvalidParameter

PARAMETER = "locale"
_codes_by_locale_id: dict[int, str] = {}


def allowed() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def default_content_locale() -> str:
    """The language of untranslated content and of unprefixed frontend paths."""
    return settings.LANGUAGES[0][0]


def requested(request: Any) -> str:
    """The locale the request asks for (``?locale=``), or the API's default; 400 for an unknown one."""
    value = request.query_params.get(PARAMETER) if request is not None else None
    if value is None:
        return str(settings.API_DEFAULT_LOCALE)
    if value not in allowed():
        raise InvalidParameter(PARAMETER, f"Unknown locale {value!r}. Allowed: {', '.join(allowed())}.")
    return value


def content_locale(kind: str, locale: str | None) -> str:
    """The language ``kind``'s content is served in when ``locale`` is asked for (every kind is translated;
    untranslated fields fall back to the default language, but the response is the locale's)."""
    return locale or default_content_locale()


def code_of(locale_id: int | None) -> str:
    """Language code of a Wagtail locale id (locales are few and never renumbered: kept per process)."""
    if locale_id is None:
        return default_content_locale()
    if locale_id not in _codes_by_locale_id:
        from wagtail.models import Locale

        _codes_by_locale_id.update(Locale.objects.values_list("pk", "language_code"))
    return _codes_by_locale_id.get(locale_id, default_content_locale())


def prefix(code: str) -> str:
    """Frontend path prefix of a locale: none for the default locale, ``/es`` for Spanish."""
    return "" if code == default_content_locale() else f"/{code}"


def split_prefix(path: str) -> tuple[str, str]:
    """(locale, path without its prefix) of a frontend path: ``/es/resources/x/`` → (``es``, ``/resources/x/``)."""
    first, _, rest = path.lstrip("/").partition("/")
    if first in allowed() and first != default_content_locale():
        return first, "/" + rest
    return default_content_locale(), path


def with_locale(url: str, code: str) -> str:
    """An API URL for content in ``code`` (``?locale=`` added unless it is the API's default)."""
    return url if code == settings.API_DEFAULT_LOCALE else f"{url}?{PARAMETER}={code}"


def set_content_language(response: Any, code: str) -> None:
    response["Content-Language"] = code
