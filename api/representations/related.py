"""One query for the small related rows of a batch of articles: topics, levels of care, references, crisis lines.

Four tables, one round trip: a ``UNION ALL`` of same-shaped value rows (kind, owner, slug, name, a, b, c, d,
sort), regrouped in Python. Crisis resources are few and always fetched with them; they are attached only to
articles with a topic whose ``shows_crisis_resources`` is set. Everything here is portable SQL (PostgreSQL and
SQLite).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast

from pages.models import ArticlePage, ArticleReference
from providers.models import CrisisResource

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


def load_article_related(article_ids: list[int]) -> tuple[dict[int, ArticleRelated], list[dict]]:
    """Related rows per article id, and the public crisis resources (one query)."""
    topics = ArticlePage.topics.through.objects.filter(articlepage_id__in=article_ids)
    levels = ArticlePage.levels_of_care.through.objects.filter(articlepage_id__in=article_ids)
    references = ArticleReference.objects.filter(page_id__in=article_ids)
    union = union_rows(
        topics,
        "topic",
        F("articlepage_id"),
        r_slug=F("topic__slug"),
        r_name=F("topic__name"),
        r_a=F("topic__shows_crisis_resources"),
        r_d=F("topic_id"),
        r_sort=F("topic__sort_order"),
    ).union(
        union_rows(
            levels,
            "level",
            F("articlepage_id"),
            r_slug=F("levelofcare__slug"),
            r_name=F("levelofcare__name"),
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
        union_rows(
            CrisisResource.objects.public(),
            "crisis",
            Value(0, output_field=IntegerField()),
            r_name=F("name"),
            r_a=F("call"),
            r_b=F("text"),
            r_c=F("chat_url"),
            r_sort=F("sort_order"),
        ),
        all=True,
    )
    related: dict[int, ArticleRelated] = defaultdict(ArticleRelated)
    grouped: dict[tuple[str, int], list] = defaultdict(list)
    for row in union:
        grouped[(row.kind, row.owner)].append(row)
    crisis = [
        {"name": r.r_name, "call": r.r_a or None, "text": r.r_b or None, "chat_url": r.r_c or None}
        for r in sorted(grouped.get(("crisis", 0), []), key=sort_key)
    ]
    for (kind, owner), rows in grouped.items():
        if kind == "crisis":
            continue
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
    return related, crisis


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


def related_from_object(article: Any) -> tuple[ArticleRelated, list[dict]]:
    """The same data read from an (unsaved, e.g. preview) article object's relations."""
    topics = list(article.topics.all())
    levels = list(article.levels_of_care.all())
    references = sorted(article.references.all(), key=lambda ref: ref.sort_order or 0)
    entry = ArticleRelated(
        topics=[{"slug": t.slug, "name": t.name} for t in sorted(topics, key=lambda t: (t.sort_order, t.name))],
        levels_of_care=[
            {
                "slug": lv.slug,
                "name": lv.name,
                "samhsa_code": lv.samhsa_code or None,
                "asam_level": lv.asam_level or None,
            }
            for lv in sorted(levels, key=lambda lv: (lv.sort_order, lv.name))
        ],
        references=[
            reference_dict(number, ref.title, ref.publisher, ref.url, ref.accessed_on, ref.year)
            for number, ref in enumerate(references, start=1)
        ],
        shows_crisis_resources=any(topic.shows_crisis_resources for topic in topics),
        topic_ids=[topic.pk for topic in topics],
    )
    crisis = []
    if entry.shows_crisis_resources:
        crisis = [
            {"name": c.name, "call": c.call or None, "text": c.text or None, "chat_url": c.chat_url or None}
            for c in CrisisResource.objects.public()
        ]
    return entry, crisis
