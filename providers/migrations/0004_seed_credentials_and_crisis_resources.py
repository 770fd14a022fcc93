"""Seed the credential vocabulary (degrees, licenses, designations, certifications) and the 988 crisis line.

The 988 Suicide & Crisis Lifeline is created live: articles on crisis topics must be able to show it from the
first deploy. Re-running is safe (matched on code / name and updated); reversing deletes what was seeded.
"""

from django.db import migrations
from django.utils import timezone

STATE_BOARD = "State licensing board"
NURSING_BOARD = "State board of nursing"
AZ_BEHAVIORAL_BOARD = "Arizona Board of Behavioral Health Examiners"
ACCREDITED_SCHOOL = "Accredited college or university"

# code, name, kind, issuer
CREDENTIALS = [
    ("MD", "Doctor of Medicine", "degree", "LCME-accredited medical school"),
    ("DO", "Doctor of Osteopathic Medicine", "degree", "COCA-accredited college of osteopathic medicine"),
    ("PhD", "Doctor of Philosophy", "degree", ACCREDITED_SCHOOL),
    ("PsyD", "Doctor of Psychology", "degree", ACCREDITED_SCHOOL),
    ("DNP", "Doctor of Nursing Practice", "degree", ACCREDITED_SCHOOL),
    ("MS", "Master of Science", "degree", ACCREDITED_SCHOOL),
    ("MA", "Master of Arts", "degree", ACCREDITED_SCHOOL),
    ("MSW", "Master of Social Work", "degree", "CSWE-accredited program"),
    ("MSN", "Master of Science in Nursing", "degree", ACCREDITED_SCHOOL),
    ("MEd", "Master of Education", "degree", ACCREDITED_SCHOOL),
    ("RN", "Registered Nurse", "license", NURSING_BOARD),
    ("NP", "Nurse Practitioner", "license", NURSING_BOARD),
    ("APRN", "Advanced Practice Registered Nurse", "license", NURSING_BOARD),
    ("LPC", "Licensed Professional Counselor", "license", STATE_BOARD),
    ("LPC-S", "Licensed Professional Counselor – Supervisor", "license", STATE_BOARD),
    ("LCSW", "Licensed Clinical Social Worker", "license", STATE_BOARD),
    ("LMSW", "Licensed Master Social Worker", "license", STATE_BOARD),
    ("LMFT", "Licensed Marriage and Family Therapist", "license", STATE_BOARD),
    ("LISAC", "Licensed Independent Substance Abuse Counselor", "license", AZ_BEHAVIORAL_BOARD),
    ("LASAC", "Licensed Associate Substance Abuse Counselor", "license", AZ_BEHAVIORAL_BOARD),
    ("LAC", "Licensed Associate Counselor", "license", STATE_BOARD),
    ("FNP", "Family Nurse Practitioner", "designation", NURSING_BOARD),
    ("PMHNP", "Psychiatric–Mental Health Nurse Practitioner", "designation", NURSING_BOARD),
    (
        "PMHNP-BC",
        "Psychiatric–Mental Health Nurse Practitioner – Board Certified",
        "certification",
        "American Nurses Credentialing Center (ANCC)",
    ),
    ("FNP-BC", "Family Nurse Practitioner – Board Certified", "certification", "American Nurses Credentialing Center (ANCC)"),
    (
        "FNP-C",
        "Family Nurse Practitioner – Certified",
        "certification",
        "American Academy of Nurse Practitioners Certification Board (AANPCB)",
    ),
    (
        "CARN-AP",
        "Certified Addictions Registered Nurse – Advanced Practice",
        "certification",
        "Addictions Nursing Certification Board (ANCB)",
    ),
    ("PA-C", "Physician Assistant – Certified", "certification", "National Commission on Certification of Physician Assistants (NCCPA)"),
    ("CADC", "Certified Alcohol and Drug Counselor", "certification", "State certification board (IC&RC member)"),
    ("NCC", "National Certified Counselor", "certification", "National Board for Certified Counselors (NBCC)"),
]

CRISIS_RESOURCES = [
    {
        "name": "988 Suicide & Crisis Lifeline",
        "call": "988",
        "text": "988",
        "chat_url": "https://988lifeline.org/chat/",
        "sort_order": 0,
    },
]


def seed(apps, schema_editor):
    Credential = apps.get_model("providers", "Credential")
    CrisisResource = apps.get_model("providers", "CrisisResource")
    for code, name, kind, issuer in CREDENTIALS:
        Credential.objects.update_or_create(code=code, defaults={"name": name, "kind": kind, "issuer": issuer})
    now = timezone.now()
    for resource in CRISIS_RESOURCES:
        obj, created = CrisisResource.objects.update_or_create(
            name=resource["name"], defaults={**resource, "live": True, "has_unpublished_changes": False}
        )
        if created or obj.first_published_at is None:
            obj.first_published_at = obj.first_published_at or now
            obj.last_published_at = now
            obj.save(update_fields=["first_published_at", "last_published_at"])


def unseed(apps, schema_editor):
    Credential = apps.get_model("providers", "Credential")
    CrisisResource = apps.get_model("providers", "CrisisResource")
    Credential.objects.filter(code__in=[row[0] for row in CREDENTIALS], holdings__isnull=True).delete()
    CrisisResource.objects.filter(name__in=[resource["name"] for resource in CRISIS_RESOURCES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0003_seed_vocabularies"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
