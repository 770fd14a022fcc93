"""Create a Wagtail locale for every content language in ``settings.WAGTAIL_CONTENT_LANGUAGES`` (English and
Spanish by default). Existing pages keep the default locale Wagtail gave them. Re-running (or a later setting
with more languages and ``manage.py migrate pages 0001`` + ``migrate``) only adds what is missing."""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
