"""Seed the controlled vocabularies: levels of care, services and therapies, payers, populations, languages, topics.

Codes are those of SAMHSA's treatment locator (FindTreatment.gov) where one exists; ASAM levels follow the ASAM
Criteria. The data is frozen here (not imported from app code) so this migration means the same thing forever.
Re-running is safe: terms are matched on slug and updated; reversing deletes the seeded slugs.
"""

from django.db import migrations
from django.db.models import ProtectedError

# slug, name, samhsa_code, asam_level, description
LEVELS_OF_CARE = [
    ("outpatient", "Outpatient", "OP", "1", "Regular outpatient therapy, usually fewer than 9 hours a week."),
    (
        "intensive-outpatient",
        "Intensive outpatient (IOP)",
        "OIT",
        "2.1",
        "Structured treatment several days a week, usually 9–19 hours, while living at home.",
    ),
    (
        "partial-hospitalization",
        "Partial hospitalization (PHP)",
        "PH",
        "2.5",
        "Day treatment of 20 or more hours a week, returning home at night.",
    ),
    ("residential", "Residential", "RES", "3.5", "Living on site with 24-hour structure and support."),
    ("inpatient", "Inpatient (hospital)", "HI", "4", "Medically managed, 24-hour hospital care."),
    (
        "detox",
        "Detox / withdrawal management",
        "DT",
        "",
        "Medically supervised withdrawal; offered at several ASAM levels (1-WM to 4-WM).",
    ),
    ("telehealth-outpatient", "Telehealth outpatient", "TELE", "", "Outpatient care delivered by video or phone."),
]

# slug, name, samhsa_code
SERVICES = [
    ("dbt", "Dialectical behavior therapy", "DBT"),
    ("cbt", "Cognitive behavioral therapy", "CBT"),
    ("group-therapy", "Group therapy", "GT"),
    ("individual-therapy", "Individual therapy", "IPT"),
    ("family-therapy", "Couples and family therapy", "CFT"),
    ("skills-training", "Coping skills training", ""),
    ("medication-management", "Medication management", ""),
    ("trauma-focused-therapy", "Trauma-focused therapy", ""),
    ("emdr", "Eye movement desensitization and reprocessing (EMDR)", "EMDR"),
    ("integrated-dual-diagnosis", "Integrated mental health and substance use treatment", "IDD"),
    ("medication-assisted-treatment", "Medication for addiction treatment (MAT)", ""),
    ("motivational-interviewing", "Motivational interviewing", ""),
    ("case-management", "Case management", ""),
    ("peer-support", "Peer support", ""),
    ("tms", "Transcranial magnetic stimulation (TMS)", "TMS"),
]

# slug, name, samhsa_code
PAYERS = [
    ("medicaid", "Medicaid (AHCCCS in Arizona)", "MD"),
    ("medicare", "Medicare", "MC"),
    ("private-insurance", "Private health insurance", "PI"),
    ("military-insurance", "Military insurance (TRICARE)", "MI"),
    ("va", "U.S. Department of Veterans Affairs funds", "VAF"),
    ("self-pay", "Cash or self-payment", "SF"),
    ("sliding-scale", "Sliding fee scale", "SS"),
    ("payment-assistance", "Payment assistance", "PA"),
]

# slug, name, samhsa_code, is_age_group
POPULATIONS = [
    ("children", "Children", "", True),
    ("adolescents", "Adolescents", "", True),
    ("young-adults", "Young adults", "TAY", True),
    ("adults", "Adults", "", True),
    ("older-adults", "Older adults", "SE", True),
    ("veterans", "Veterans", "VET", False),
    ("active-duty-military", "Active-duty military", "ADM", False),
    ("military-families", "Military families", "MF", False),
    ("lgbtq", "LGBTQ+", "GL", False),
    ("co-occurring", "People with co-occurring mental health and substance use disorders", "CO", False),
    ("criminal-justice", "People involved with the criminal justice system", "CJ", False),
    ("domestic-violence-survivors", "Survivors of intimate partner or domestic violence", "DV", False),
]

# slug, name, BCP 47 code, samhsa_code (English is the locator's default and has none)
LANGUAGES = [
    ("english", "English", "en", ""),
    ("spanish", "Spanish", "es", "SP"),
    ("asl", "American Sign Language", "ase", "AH"),
    ("arabic", "Arabic", "ar", "F4"),
    ("chinese", "Chinese", "zh", "F17"),
    ("french", "French", "fr", "F28"),
    ("korean", "Korean", "ko", "F47"),
    ("russian", "Russian", "ru", "F70"),
    ("tagalog", "Tagalog", "tl", "F81"),
    ("vietnamese", "Vietnamese", "vi", "F92"),
]

# slug, name, samhsa_code, shows_crisis_resources
TOPICS = [
    ("depression", "Depression", "", True),
    ("anxiety", "Anxiety", "", False),
    ("suicide-prevention", "Suicide prevention", "", True),
    ("substance-use", "Substance use", "", True),
    ("alcohol-use", "Alcohol use", "", True),
    ("opioid-use", "Opioid use", "", True),
    ("bipolar-disorder", "Bipolar disorder", "", False),
    ("ptsd-trauma", "PTSD and trauma", "PTSD", False),
    ("ocd", "Obsessive-compulsive disorder (OCD)", "", False),
    ("eating-disorders", "Eating disorders", "PED", False),
    ("co-occurring-disorders", "Co-occurring disorders", "CO", False),
    ("psychosis", "Psychosis", "PEFP", False),
    ("adhd", "ADHD", "", False),
    ("self-harm", "Self-harm", "", True),
]


def _rows(apps):
    """(model, lookup slug, defaults) for every seeded term, in sort order within each vocabulary."""
    get = apps.get_model
    for position, (slug, name, samhsa, asam, description) in enumerate(LEVELS_OF_CARE):
        yield get("providers", "LevelOfCare"), slug, {
            "name": name,
            "samhsa_code": samhsa,
            "asam_level": asam,
            "description": description,
            "sort_order": position * 10,
        }
    for model_name, rows in (("Service", SERVICES), ("Payer", PAYERS)):
        for position, (slug, name, samhsa) in enumerate(rows):
            yield get("providers", model_name), slug, {"name": name, "samhsa_code": samhsa, "sort_order": position * 10}
    for position, (slug, name, samhsa, is_age_group) in enumerate(POPULATIONS):
        yield get("providers", "Population"), slug, {
            "name": name,
            "samhsa_code": samhsa,
            "is_age_group": is_age_group,
            "sort_order": position * 10,
        }
    for position, (slug, name, code, samhsa) in enumerate(LANGUAGES):
        yield get("providers", "Language"), slug, {
            "name": name,
            "code": code,
            "samhsa_code": samhsa,
            "sort_order": position * 10,
        }
    for position, (slug, name, samhsa, crisis) in enumerate(TOPICS):
        yield get("providers", "Topic"), slug, {
            "name": name,
            "samhsa_code": samhsa,
            "shows_crisis_resources": crisis,
            "sort_order": position * 10,
        }


def seed(apps, schema_editor):
    for model, slug, defaults in _rows(apps):
        model.objects.update_or_create(slug=slug, defaults=defaults)


def unseed(apps, schema_editor):
    for model, slug, _defaults in _rows(apps):
        try:
            model.objects.filter(slug=slug).delete()
        except ProtectedError:
            pass  # a level of care a program still uses stays: deleting it would break that listing


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0002_validation_and_topic_samhsa_code"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
