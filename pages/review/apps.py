from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "pages.review"
    label = "review"
    verbose_name = "Clinical review"

    def ready(self) -> None:
        from . import signals
        from .models import ClinicalReviewTask
        from .task import perform_action

        signals.connect()
        ClinicalReviewTask.bind_action_handler(perform_action)
