from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Content API"

    def ready(self) -> None:
        from .caching import signals as caching_signals
        from .events import handlers as event_handlers

        event_handlers.connect()
        caching_signals.connect()
