"""The 988 Lifeline's description and ways in, and its Spanish option.

Facts (988lifeline.org, 988lineadevida.org): free, confidential support 24/7 by call, text or chat; in Spanish,
call 988 and press 2, text AYUDA to 988, or chat in Spanish at 988lineadevida.org. Written on the live row (the
line is seeded live) and its Spanish translation row, only where the fields are still blank, so an editor's
changes are kept. The Spanish row is added only when Spanish is among ``LANGUAGES``.
"""

from django.conf import settings
from django.db import migrations

LIFELINE = "988 Suicide & Crisis Lifeline"
ENGLISH = {
    "description": "Free, confidential support for anyone in emotional distress or a suicidal crisis, 24/7.",
    "how_to_reach": "Call or text 988, or chat at 988lifeline.org.",
}
SPANISH = {
    "name": "988 Línea de Prevención del Suicidio y Crisis",
    "description": "Apoyo gratuito y confidencial, las 24 horas, para cualquier persona en crisis emocional o "
    "con pensamientos suicidas.",
    "how_to_reach": "Llame al 988 y marque 2 para español, envíe AYUDA por mensaje de texto al 988 o chatee en "
    "español en 988lineadevida.org.",
    "call_option": "2",
    "text_keyword": "AYUDA",
    "chat_url": "https://988lineadevida.org/",
}


def add_spanish_option(apps, schema_editor):
    CrisisResource = apps.get_model("providers", "CrisisResource")
    Translation = apps.get_model("providers", "CrisisResourceTranslation")
    Locale = apps.get_model("wagtailcore", "Locale")
    lifeline = CrisisResource.objects.filter(name=LIFELINE).first()
    if lifeline is None:
        return
    blank = [field for field, value in ENGLISH.items() if not getattr(lifeline, field)]
    for field in blank:
        setattr(lifeline, field, ENGLISH[field])
    if blank:
        lifeline.save(update_fields=blank)
    if "es" not in dict(settings.LANGUAGES):
        return
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    row, _ = Translation.objects.get_or_create(resource=lifeline, locale=spanish)
    blank = [field for field, value in SPANISH.items() if not getattr(row, field)]
    for field in blank:
        setattr(row, field, SPANISH[field])
    if blank:
        row.save(update_fields=blank)


def remove_spanish_option(apps, schema_editor):
    Translation = apps.get_model("providers", "CrisisResourceTranslation")
    Translation.objects.filter(resource__name=LIFELINE, locale__language_code="es").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0009_translations"),
    ]

    operations = [migrations.RunPython(add_spanish_option, remove_spanish_option)]
