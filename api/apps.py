from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Content API"

    def ready(self) -> None:
        from .events.handlers import connect

        connect()
