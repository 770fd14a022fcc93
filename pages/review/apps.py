from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "pages.review"
    label = "review"
    verbose_name = "Clinical review"

    def ready(self) -> None:
        from . import signals

        signals.connect()
