"""One query for the small related rows of a batch of articles: topics, levels of care and references.

Three tables, one round trip: a ``UNION ALL`` of same-shaped value rows (kind, owner, slug, name, a, b, c, d,
sort), regrouped in Python; term labels in the articles' locale (``providers.models.translations``). Crisis
resources (:func:`crisis_resources`, one more query) are attached only to articles with a topic whose
``shows_crisis_resources`` is set. Everything here is portable SQL (PostgreSQL and SQLite).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast

from pages.models import ArticlePage, ArticleReference
from providers.models import CrisisResource, CrisisResourceTranslation, LevelOfCare, Topic
from providers.models.translations import text_in, text_in_sql

from .vocabularies import level_of_care, term

COLUMNS = ("kind", "owner", "r_slug", "r_name", "r_a", "r_b", "r_c", "r_d", "r_sort")
TRUE_VALUES = {"1", "true", "t", "True"}


@dataclass
class ArticleRelated:
    topics: list[dict] = field(default_factory=list)
    levels_of_care: list[dict] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)
    shows_crisis_resources: bool = False
    topic_ids: list[int] = field(default_factory=list)


def _text(expression: Any) -> Cast:
    return Cast(expression, output_field=CharField())


def _blank() -> Value:
    return Value("", output_field=CharField())


def union_rows(queryset: Any, kind: str, owner: Any, **columns: Any) -> Any:
    """``queryset`` as same-shaped named rows (``kind``, ``owner``, ``r_slug``, ``r_name``, ``r_a``…``r_d``,
    ``r_sort``) for a ``UNION ALL`` with other such rows; unused columns are blank."""
    annotations = {"kind": Value(kind, output_field=CharField()), "owner": owner}
    for name in COLUMNS[2:-1]:
        annotations[name] = _text(columns[name]) if name in columns else _blank()
    annotations["r_sort"] = Cast(columns.get("r_sort", Value(0)), output_field=IntegerField())
    return queryset.annotate(**annotations).values_list(*COLUMNS, named=True).order_by()


def sort_key(row: Any) -> tuple:
    """Editorial order of union rows: sort order, then name."""
    return (row.r_sort if row.r_sort is not None else 0, row.r_name or "")


def crisis_resources(locale: str | None = None) -> list[dict[str, Any]]:
    """The public crisis lines in ``locale`` (one query): name, description, the numbers, and the locale's way in
    — a menu option after calling (988: press 2 for Spanish), a keyword to text, its chat site."""
    texts = CrisisResourceTranslation.translated_fields
    rows = (
        CrisisResource.objects.public()
        .order_by("sort_order", "name", "pk")
        .values("call", "text", **{f"t_{name}": text_in_sql(CrisisResource, name, locale) for name in texts})
    )
    return [
        {
            "name": row["t_name"],
            "description": row["t_description"] or None,
            "call": row["call"] or None,
            "call_option": row["t_call_option"] or None,
            "text": row["text"] or None,
            "text_keyword": row["t_text_keyword"] or None,
            "chat_url": row["t_chat_url"] or None,
            "how_to_reach": row["t_how_to_reach"] or None,
        }
        for row in rows
    ]


def load_article_related(
    article_ids: list[int], locale: str | None = None, *, crisis: bool = True
) -> tuple[dict[int, ArticleRelated], list[dict]]:
    """Related rows per article id (one query; term labels in ``locale``), and (``crisis``) the public crisis
    resources in ``locale`` when one of the articles shows them (one more query)."""
    topics = ArticlePage.topics.through.objects.filter(articlepage_id__in=article_ids)
    levels = ArticlePage.levels_of_care.through.objects.filter(articlepage_id__in=article_ids)
    references = ArticleReference.objects.filter(page_id__in=article_ids)
    union = union_rows(
        topics,
        "topic",
        F("articlepage_id"),
        r_slug=F("topic__slug"),
        r_name=text_in_sql(Topic, "name", locale, "topic"),
        r_a=F("topic__shows_crisis_resources"),
        r_d=F("topic_id"),
        r_sort=F("topic__sort_order"),
    ).union(
        union_rows(
            levels,
            "level",
            F("articlepage_id"),
            r_slug=F("levelofcare__slug"),
            r_name=text_in_sql(LevelOfCare, "name", locale, "levelofcare"),
            r_a=F("levelofcare__samhsa_code"),
            r_b=F("levelofcare__asam_level"),
            r_sort=F("levelofcare__sort_order"),
        ),
        union_rows(
            references,
            "reference",
            F("page_id"),
            r_name=F("title"),
            r_a=F("publisher"),
            r_b=F("url"),
            r_c=F("accessed_on"),
            r_d=F("year"),
            r_sort=F("sort_order"),
        ),
        all=True,
    )
    related: dict[int, ArticleRelated] = defaultdict(ArticleRelated)
    grouped: dict[tuple[str, int], list] = defaultdict(list)
    for row in union:
        grouped[(row.kind, row.owner)].append(row)
    for (kind, owner), rows in grouped.items():
        rows.sort(key=sort_key)
        entry = related[owner]
        if kind == "topic":
            entry.topics = [{"slug": r.r_slug, "name": r.r_name} for r in rows]
            entry.shows_crisis_resources = any(str(r.r_a) in TRUE_VALUES for r in rows)
            entry.topic_ids = [int(r.r_d) for r in rows]
        elif kind == "level":
            entry.levels_of_care = [
                {"slug": r.r_slug, "name": r.r_name, "samhsa_code": r.r_a or None, "asam_level": r.r_b or None}
                for r in rows
            ]
        else:
            entry.references = [
                reference_dict(number, r.r_name, r.r_a, r.r_b, r.r_c, r.r_d) for number, r in enumerate(rows, start=1)
            ]
    shows = any(entry.shows_crisis_resources for entry in related.values())
    return related, crisis_resources(locale) if crisis and shows else []


def reference_dict(number: int, title: str, publisher: str, url: str, accessed: Any, year: Any) -> dict[str, Any]:
    if isinstance(accessed, datetime.date):
        accessed = accessed.isoformat()
    return {
        "number": number,
        "title": title,
        "publisher": publisher or None,
        "url": url or None,
        "year": int(year) if year not in (None, "") else None,
        "accessed": (accessed or None) and str(accessed)[:10],
    }


def related_from_object(article: Any, locale: str | None = None) -> tuple[ArticleRelated, list[dict]]:
    """The same data read from an (unsaved, e.g. preview) article object's relations."""
    topics = list(article.topics.all())
    levels = list(article.levels_of_care.all())
    references = sorted(article.references.all(), key=lambda ref: ref.sort_order or 0)
    entry = ArticleRelated(
        topics=[term(t, locale) for t in sorted(topics, key=lambda t: (t.sort_order, text_in(t, "name", locale)))],
        levels_of_care=[
            level_of_care(lv, locale)
            for lv in sorted(levels, key=lambda lv: (lv.sort_order, text_in(lv, "name", locale)))
        ],
        references=[
            reference_dict(number, ref.title, ref.publisher, ref.url, ref.accessed_on, ref.year)
            for number, ref in enumerate(references, start=1)
        ],
        shows_crisis_resources=any(topic.shows_crisis_resources for topic in topics),
        topic_ids=[topic.pk for topic in topics],
    )
    return entry, crisis_resources(locale) if entry.shows_crisis_resources else []
