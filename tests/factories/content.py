"""Content scenes for API tests: the seed article with its byline, centers and crisis line, and a body using
every block type.

``seed_content()`` is a compact version of the demo's seed article (``demo.article``): the same title, slug,
topic, level of care, clinicians (names, credentials, byline order) and sign-off date, taken from the demo data,
with a short body that touches each block kind the golden files pin. The full article is what ``load_demo()``
builds; ``tests/demo`` checks it against the seed text.
"""

from __future__ import annotations

import datetime
from typing import Any

from wagtail_factories import ImageFactory

from demo import article as demo_article
from demo import images as demo_images
from demo.clinicians import CLINICIANS
from pages.models import ArticlePage
from providers.models import CenterAccreditation, CenterContact, CrisisResource

from .accounts import make_reviewer
from .pages import ArticleIndexPageFactory, reference_data, rich
from .providers import (
    CrisisResourceFactory,
    LevelOfCareFactory,
    ProviderFactory,
    TopicFactory,
    TreatmentCenterFactory,
)
from .publishing import public_article

# When the seed's first clinician signed off (2025-12-22): the seed's "Last Updated" date.
SEED_SIGNED_AT: datetime.datetime = demo_article.SIGNOFFS[0][1]


def demo_clinician(slug: str, **fields: Any) -> Any:
    """A live clinician with the demo clinician's identity: honorific, name, slug, category and credential codes."""
    data = next(clinician for clinician in CLINICIANS if clinician["slug"] == slug)
    return ProviderFactory(
        honorific=data["honorific"],
        name=data["name"],
        slug=data["slug"],
        category=data["category"],
        credentials=[holding["code"] for holding in data["credentials"]],
        **fields,
    )


def seed_content() -> dict[str, Any]:
    """The seed article (compact) with its byline, a center, topic, level of care and crisis line, and a second
    public article (``levels-of-care``) it links to; returns them by name."""
    (topic,), (level,) = demo_article.TOPICS, demo_article.LEVELS_OF_CARE
    depression = TopicFactory(slug=topic, name="Depression", shows_crisis_resources=True)
    iop = LevelOfCareFactory(slug=level)
    if not CrisisResource.objects.public().exists():  # normally seeded by migration
        CrisisResourceFactory(name="988 Suicide & Crisis Lifeline", call="988", text="988", sort_order=0)
    center = TreatmentCenterFactory(
        name="Arizona IOP Phoenix",
        slug="arizona-iop-phoenix",
        street="3030 N Central Ave",
        programs=[iop],
        hours=True,
        services=["dbt", "group-therapy"],
        licenses=True,
    )
    CenterContact.objects.create(center=center, kind="phone", purpose="admissions", value="(602) 555-0101")
    CenterContact.objects.create(
        center=center, kind="email", purpose="general", value="phoenix@example.com", sort_order=1
    )
    CenterAccreditation.objects.create(
        center=center, body="joint_commission", identifier="12345", accredited_on=datetime.date(2024, 3, 1)
    )
    vines = demo_clinician("michael-vines", centers=[center])
    spritzer = demo_clinician("alex-spritzer", photo=demo_images.ensure_image(demo_images.CLINICIAN_PORTRAIT))
    foster = demo_clinician("natalie-foster")
    reviewers = [make_reviewer(vines), make_reviewer(spritzer), make_reviewer(foster)]
    index = ArticleIndexPageFactory()
    support = public_article(
        reviewers=[reviewers[0]],
        at=SEED_SIGNED_AT,
        title="Get support that fits you",
        slug="levels-of-care",
        parent=index,
        summary="How to choose between outpatient, IOP and inpatient care.",
    )
    body = [
        (
            "paragraph",
            rich(
                "<p>Living with depression can feel exhausting, especially when your usual coping tools no longer work.</p>"
            ),
        ),
        (
            "call_to_action",
            {
                "primary": {"label": "Start personalized outpatient care", "kind": "intake"},
                "secondary": {"label": "Get support that fits you", "kind": "page", "page": support},
            },
        ),
        ("heading", {"text": "What an IOP for Depression Really Is", "level": "2", "anchor": ""}),
        (
            "statistic",
            {
                "value": "21 million",
                "text": "adults in the U.S. experience at least one major depressive episode",
                "citations": [1],
            },
        ),
        (
            "paragraph",
            rich(
                f'<p>An <a linktype="page" id="{support.pk}">intensive outpatient program</a> offers structure, '
                "support, and guidance while still letting you live your life.</p>"
            ),
        ),
        (
            "list",
            {
                "style": "bulleted",
                "items": [
                    rich("<p>Dialectical behavior therapy (DBT) for regulating emotions</p>"),
                    rich("<p>Group therapy for connection and communication</p>"),
                ],
            },
        ),
        ("treatment_centers", {"heading": "Our Treatment Centers", "centers": [center], "state": ""}),
        (
            "program_spotlight",
            {
                "center": center,
                "heading": "Choosing the Right Program: Arizona IOP",
                "body": rich("<p>Arizona IOP offers a supportive environment where you can heal at your own pace.</p>"),
                "action": {"label": "Start recovery with Arizona IOP", "kind": "intake"},
            },
        ),
    ]
    article = public_article(
        reviewers=reviewers,
        at=SEED_SIGNED_AT,
        title=demo_article.TITLE,
        slug=demo_article.SLUG,
        parent=index,
        hero_image=demo_images.ensure_image(demo_images.SEED_HERO),
        summary="Living with depression can feel exhausting. An intensive outpatient program (IOP) offers "
        "structure and support while you keep living your life.",
        body=body,
        topics=[depression],
        levels_of_care=[iop],
        references=[reference_data(1)],
    )
    return {
        "article": article,
        "support": support,
        "center": center,
        "providers": {"vines": vines, "spritzer": spritzer, "foster": foster},
        "topic": depression,
        "level": iop,
    }


def image(title: str = "Photo") -> Any:
    """A real (tiny) image file, so renditions can be generated."""
    return ImageFactory(title=title)


def every_block_body(center: Any, provider: Any, linked: ArticlePage, picture: Any) -> list[tuple[str, Any]]:
    """A body using every block type, with rich-text links and an inline image embed."""
    return [
        ("heading", {"text": "All blocks", "level": "3", "anchor": "all"}),
        (
            "paragraph",
            rich(
                f'<p>See <a linktype="page" id="{linked.pk}">this</a>.</p>'
                f'<embed embedtype="image" id="{picture.pk}" format="fullwidth" alt="Inline picture"/>'
            ),
        ),
        ("list", {"style": "numbered", "items": [rich("<p>One</p>"), rich("<p>Two</p>")]}),
        (
            "call_to_action",
            {
                "primary": {"label": "Call us", "kind": "phone", "phone": "(602) 555-0100"},
                "secondary": {"label": "Read more", "kind": "page", "page": linked},
            },
        ),
        ("statistic", {"value": "8.3%", "text": "of adults", "citations": [1]}),
        ("treatment_centers", {"heading": "Centers", "centers": [center], "state": ""}),
        ("treatment_centers", {"heading": "All Arizona", "centers": [], "state": "AZ"}),
        ("program_spotlight", {"center": center, "heading": "Spotlight", "body": rich("<p>Care.</p>")}),
        ("faq", {"heading": "Questions", "items": [{"question": "How long?", "answer": rich("<p>Weeks.</p>")}]}),
        ("quote", {"quote": "Healing takes time.", "attribution": "", "provider": provider}),
        ("image", {"image": {"image": picture, "alt_text": "A calm room", "decorative": False}, "caption": "Room"}),
    ]


__all__ = ["SEED_SIGNED_AT", "demo_clinician", "every_block_body", "image", "seed_content"]
