"""The seed article "IOP for Depression: What to Expect and How It Works", as data.

Every heading, paragraph, bullet and call-to-action label of ``tests/demo/seed/iop-for-depression.txt`` appears
below in the seed's order. The byline and "Last Updated" line are not typed here: they are derived from the
clinicians' sign-offs (``SIGNOFFS``) and the publication history (``PUBLICATION``).

Body items are ``(kind, …)`` tuples the loader turns into blocks:

* ``("heading", text)`` — an h2;
* ``("paragraph", text)`` — plain text (escaped and wrapped in ``<p>``);
* ``("bullets", [text, …])``;
* ``("cta", primary, secondary)`` — each action a dict with ``label``, ``kind`` and the target it needs
  (``phone``, or ``page`` naming a demo page: ``"resources"``);
* ``("statistic", value, text, [reference numbers])``;
* ``("treatment_centers", heading, [center slugs])``;
* ``("spotlight", center slug, heading, [paragraph texts])``.
"""

from __future__ import annotations

import datetime
from typing import Any

INTAKE_PHONE = "(602) 555-0101"  # the Phoenix sample listing's intake line (555-01xx numbers are fictional)

SLUG = "iop-for-depression"
TITLE = "IOP for Depression: What to Expect and How It Works"
SUMMARY = (
    "Living with depression can feel exhausting, especially when your usual coping tools no longer work. "
    "What an intensive outpatient program (IOP) for depression is, how it works, what the first week looks like "
    "and who it suits best."
)
SEO_TITLE = "IOP for Depression: What to Expect and How It Works"
SEARCH_DESCRIPTION = (
    "How an intensive outpatient program (IOP) for depression works: schedule, therapies such as DBT and group "
    "therapy, your first week, and signs you may need a higher level of care."
)
TOPICS = ["depression"]
LEVELS_OF_CARE = ["intensive-outpatient"]

REFERENCES = [
    {
        "title": "Major Depression",
        "publisher": "National Institute of Mental Health",
        "url": "https://www.nimh.nih.gov/health/statistics/major-depression",
        "year": None,
        "accessed_on": datetime.date(2025, 12, 20),
    },
]

# The live revision is signed off by the three clinicians and published on the seed's "Last Updated" date; the
# article was first published before Verity existed (imported history).
PUBLICATION = {
    "first_published_at": datetime.datetime(2025, 6, 2, 16, 0, tzinfo=datetime.UTC),
    "published_at": datetime.datetime(2025, 12, 22, 18, 0, tzinfo=datetime.UTC),
}
SIGNOFFS = [
    # (clinician slug, time, note) — in the byline's order: medical, then clinical.
    (
        "michael-vines",
        datetime.datetime(2025, 12, 22, 15, 0, tzinfo=datetime.UTC),
        "Reviewed in full; medically accurate.",
    ),
    (
        "alex-spritzer",
        datetime.datetime(2025, 12, 22, 16, 0, tzinfo=datetime.UTC),
        "Reviewed in full; medication and nursing content accurate.",
    ),
    (
        "natalie-foster",
        datetime.datetime(2025, 12, 22, 17, 0, tzinfo=datetime.UTC),
        "Reviewed in full; therapy descriptions accurate.",
    ),
]


def _action(label: str, kind: str, **target: str) -> dict[str, str]:
    return {"label": label, "kind": kind, **target}


BODY: list[tuple[Any, ...]] = [
    (
        "paragraph",
        "Living with depression can feel exhausting, especially when your usual coping tools no longer work. "
        "Recent reports show that about 21 million adults in the U.S.—around 8.3% of all adults—experience at least "
        "one major depressive episode, which means you’re far from alone in what you’re feeling. Many people reach a "
        "point where weekly therapy isn’t enough, but a full inpatient program feels too intense. That’s where an IOP "
        "for depression can make a meaningful difference.",
    ),
    ("statistic", "21 million", "adults in the U.S. experience at least one major depressive episode", [1]),
    (
        "paragraph",
        "An Intensive Outpatient Program (IOP) offers structure, support, and guidance while still letting you live "
        "your life. It helps you rebuild healthy routines, understand your symptoms, and practice coping skills in "
        "real time.",
    ),
    (
        "treatment_centers",
        "Our Treatment Centers",
        [
            "arizona-iop-phoenix-sample",
            "arizona-iop-scottsdale-sample",
            "arizona-iop-tempe-sample",
            "arizona-iop-mesa-sample",
            "arizona-iop-tucson-sample",
        ],
    ),
    (
        "cta",
        _action("Start personalized outpatient care", "intake"),
        _action("Get support that fits you", "center_locator"),
    ),
    ("heading", "What an IOP for Depression Really Is"),
    (
        "paragraph",
        "An IOP program for depression is a form of outpatient depression treatment designed for people who need more "
        "support than weekly therapy can provide. You attend several sessions each week, but you continue sleeping at "
        "home and staying connected to your daily life.",
    ),
    (
        "paragraph",
        "This approach sits between standard outpatient therapy and partial hospitalization or an inpatient program. "
        "It gives you a higher level of care without the pressure of round-the-clock monitoring.",
    ),
    (
        "paragraph",
        "A quality intensive outpatient program for depression offers steady guidance, emotional stabilization, and a "
        "supportive environment where you can safely practice new coping skills. Each step is designed to reduce "
        "symptoms and help you feel more in control.",
    ),
    ("heading", "How an Intensive Outpatient Program Works"),
    (
        "paragraph",
        "Most programs meet 3–5 times a week for a few hours each day. During these sessions, you’ll join a mix of "
        "therapies such as behavioral therapy, dialectical behavior therapy, group therapy, and skills training.",
    ),
    (
        "paragraph",
        "The purpose is to help you understand your depression, recognize patterns, and build healthier ways to "
        "respond to stress. This intensive treatment provides structure, but it still allows you to work, study, or "
        "manage family responsibilities.",
    ),
    (
        "paragraph",
        "Each therapy session focuses on tools you can apply immediately—whether it’s grounding techniques, emotional "
        "regulation, or communication skills that support your mental health outside the program.",
    ),
    (
        "cta",
        _action("Explore outpatient rehab options", "center_locator"),
        _action("Start a treatment program today", "intake"),
    ),
    ("heading", "What to Expect During Your First Week"),
    (
        "paragraph",
        "Your first week of IOP therapy for depression usually begins with assessments, conversations, and "
        "goal-setting. The treatment team takes time to understand your history, challenges, and strengths so they "
        "can build a treatment program that fits your needs.",
    ),
    (
        "paragraph",
        "You’re not rushed through the process. Instead, you’re guided with patience and respect—because healing "
        "takes time, trust, and the right support.",
    ),
    (
        "paragraph",
        "By the end of the week, many people feel a sense of relief. For the first time in a long time, they have "
        "structure, direction, and a place where their struggles are taken seriously.",
    ),
    ("heading", "Types of Therapy You May Experience"),
    (
        "paragraph",
        "Most treatment options in an IOP combine practical tools with evidence-based therapies. You may experience a "
        "variety of approaches, such as:",
    ),
    (
        "bullets",
        [
            "Dialectical behavior therapy (DBT) for regulating emotions",
            "Cognitive-based strategies to shift harmful thoughts",
            "Behavioral therapy (DBT-informed) to build positive habits",
            "Group therapy for connection and communication",
            "Individual therapy for personal insight",
            "Coping skills training for daily challenges",
        ],
    ),
    (
        "paragraph",
        "These approaches help you calm your nervous system, manage stress, and slowly rebuild confidence in yourself "
        "and your ability to cope.",
    ),
    (
        "cta",
        _action("Begin structured mental health care", "intake"),
        _action("Find an intensive outpatient program", "center_locator"),
    ),
    ("heading", "How IOPs Support Daily Life"),
    (
        "paragraph",
        "One of the biggest advantages of an IOP is flexibility. You receive the support of a structured program, but "
        "still return home at the end of each day.",
    ),
    (
        "paragraph",
        "This makes it easier to apply your new coping strategies immediately—at work, at school, or in your personal "
        "relationships. The balance between treatment and real life helps your progress feel natural and sustainable.",
    ),
    (
        "paragraph",
        "Most programs offer guidance on everyday struggles like stress management, communication, and building "
        "healthier routines. Over time, these small changes can create major improvements in how you move through the "
        "world.",
    ),
    ("heading", "Who IOP for Depression Works Best For"),
    (
        "paragraph",
        "An IOP is a strong fit for people who need more than once-a-week therapy but don’t require the structure of "
        "inpatient care. It may be right for you if:",
    ),
    (
        "bullets",
        [
            "Your depression disrupts daily routines",
            "You feel stuck or overwhelmed",
            "You want more structure but still need flexibility",
            "You prefer staying at home while getting support",
            "You’re seeking help before symptoms worsen",
        ],
    ),
    (
        "paragraph",
        "If you’re unsure where you fit in the levels of care, an IOP often provides the middle ground that helps "
        "people regain stability without stepping away from life.",
    ),
    ("heading", "How to Know if You Need a Higher Level of Care"),
    (
        "paragraph",
        "Sometimes depression begins affecting work, relationships, and daily functioning. When that happens, a higher "
        "level of care like an IOP can create the structure you need to feel safe and supported again.",
    ),
    (
        "paragraph",
        "You might notice heavier sadness, increased numbness, withdrawal from loved ones, or growing difficulty "
        "managing simple tasks. These signs don’t mean you’re failing—they simply mean you may need more help than "
        "you’re getting.",
    ),
    (
        "paragraph",
        "An IOP gives you a steady, compassionate space to rebuild your emotional strength and develop healthy habits "
        "that support long-term healing.",
    ),
    (
        "cta",
        _action("Talk to an outpatient specialist", "phone", phone=INTAKE_PHONE),
        _action("Learn your treatment options", "page", page="resources"),
    ),
    (
        "spotlight",
        "arizona-iop-phoenix-sample",
        "Choosing the Right Program: Arizona IOP",
        [
            "If you’re looking for an outpatient rehab that combines compassion, structure, and evidence-based care, "
            "Arizona IOP offers a supportive environment where you can heal at your own pace.",
            "Their programs are built around your needs, your schedule, and your goals. With a mix of therapy for "
            "depression, coping skills, and real-world support, Arizona IOP helps you feel grounded and understood "
            "throughout your journey.",
            "Their team knows healing doesn’t look the same for everyone—and they’re ready to meet you exactly where "
            "you are.",
        ],
    ),
    (
        "cta",
        _action("Start recovery with Arizona IOP", "intake"),
        _action("Your healing can begin today", "phone", phone=INTAKE_PHONE),
    ),
]
