from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Content API"

    def ready(self) -> None:
        from .caching import signals as caching_signals
        from .events import handlers as event_handlers
        from .published import signals as published_signals

        event_handlers.connect()
        caching_signals.connect()
        published_signals.connect()
        post_migrate.connect(_fill_stored_representations, sender=self, dispatch_uid="api.published.fill")


def _fill_stored_representations(sender, **kwargs) -> None:
    from .published.maintenance import fill_empty_kinds

    fill_empty_kinds()
