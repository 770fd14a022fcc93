from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Content API"

    def ready(self) -> None:
        from .caching import signals as caching_signals
        from .events import handlers as event_handlers
        from .published import signals as published_signals
        from .published.prepared import configure_session

        event_handlers.connect()
        caching_signals.connect()
        published_signals.connect()
        connection_created.connect(configure_session, dispatch_uid="api.published.prepared")
        post_migrate.connect(_complete_stored_representations, sender=self, dispatch_uid="api.published.fill")


def _complete_stored_representations(sender, using: str = "default", **kwargs) -> None:
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor

    from .published import triggers
    from .published.maintenance import fill_empty_kinds

    # Today's code builds the rows, so it needs today's tables: after a migrate that stops short of the head (a
    # rollback, `migrate api 0002`, one app at a time) they may not exist. The migrate that reaches the head fills.
    executor = MigrationExecutor(connections[using])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    triggers.install(using)
    fill_empty_kinds()
