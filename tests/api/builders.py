"""Builders for API tests: public (signed-off, live) articles and the seed-like content.

Articles become public only the way they do in production: a revision signed off by an eligible clinical
reviewer, published through ``publish_signed`` (so the gate and the derived stamps apply).
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.rich_text import RichText

from pages.demo import images as demo_images
from pages.models import ArticlePage
from pages.review.eligibility import REVIEWERS_GROUP
from pages.review.services import publish_signed, record_signoff
from providers.models import CenterAccreditation, CenterContact, CrisisResource, Provider
from tests.factories.pages import ArticleIndexPageFactory, ArticlePageFactory, reference_data
from tests.factories.providers import (
    CrisisResourceFactory,
    LevelOfCareFactory,
    ProviderFactory,
    TopicFactory,
    TreatmentCenterFactory,
)

_counter = itertools.count(1)
SEED_SIGNED_AT = datetime.datetime(2025, 12, 22, 15, 0, tzinfo=datetime.UTC)


def make_reviewer(provider: Provider) -> Any:
    """Link ``provider`` to a new account in the reviewers group and return the account."""
    account = get_user_model().objects.create_user(username=f"reviewer{next(_counter)}", password="x-" * 8)
    account.groups.add(Group.objects.get_or_create(name=REVIEWERS_GROUP)[0])
    provider.user = account
    provider.save(update_fields=["user"])
    return account


def default_reviewer() -> Any:
    provider = ProviderFactory(name=f"Reviewer {next(_counter)}", category="medical", credentials=["MD"])
    return make_reviewer(provider)


def publish(page: ArticlePage, reviewers: list[Any] | None = None, at: datetime.datetime | None = None) -> ArticlePage:
    """Sign off the page's current content by ``reviewers`` and publish it; returns the fresh page."""
    revision = page.save_revision()
    for account in reviewers or [default_reviewer()]:
        record_signoff(revision, account, "approved", attestation=True, note="Reviewed in full.", at=at)
    publish_signed(revision, at=at)
    return ArticlePage.objects.get(pk=page.pk)


def public_article(
    reviewers: list[Any] | None = None, at: datetime.datetime | None = None, **fields: Any
) -> ArticlePage:
    """A live, signed-off article (``ArticlePageFactory`` fields accepted)."""
    fields.setdefault("live", False)
    return publish(ArticlePageFactory(**fields), reviewers, at)


def draft_article(**fields: Any) -> ArticlePage:
    """A never-published article with a saved revision."""
    page = ArticlePageFactory(live=False, **fields)
    page.save_revision()
    return page


def rich(html: str) -> RichText:
    return RichText(html)


def seed_content() -> dict[str, Any]:
    """The seed article (``seed/iop-for-depression.txt``) with its byline, centers, topics and crisis line."""
    depression = TopicFactory(slug="depression", name="Depression", shows_crisis_resources=True)
    iop = LevelOfCareFactory(slug="intensive-outpatient")
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
    vines = ProviderFactory(
        honorific="Dr.",
        name="Michael Vines",
        slug="michael-vines",
        category="medical",
        credentials=["MD"],
        centers=[center],
    )
    spritzer = ProviderFactory(
        photo=demo_images.ensure_image(demo_images.CLINICIAN_PORTRAIT),
        name="Alex Spritzer",
        slug="alex-spritzer",
        category="medical",
        credentials=["FNP", "CARN-AP", "PMHNP"],
    )
    foster = ProviderFactory(
        name="Natalie Foster", slug="natalie-foster", category="clinical", credentials=["LPC-S", "MS"]
    )
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
        title="IOP for Depression: What to Expect and How It Works",
        slug="iop-for-depression",
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
    from wagtail_factories import ImageFactory

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
