from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project package as an app: operational models and commands (the worker and its scheduler)."""

    name = "cms"
    verbose_name = "Operations"
    default_auto_field = "django.db.models.BigAutoField"
