"""WSGI entry point (gunicorn cms.wsgi)."""

from cms.bootstrap import load_settings

load_settings("cms.settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

from cms.heap import settle  # noqa: E402

application = get_wsgi_application()
settle()
