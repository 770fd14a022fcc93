"""ASGI entry point."""

from cms.bootstrap import load_settings

load_settings("cms.settings.production")

from django.core.asgi import get_asgi_application  # noqa: E402

application = get_asgi_application()
