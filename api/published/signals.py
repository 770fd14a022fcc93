"""Signal receivers that keep stored rows in step with every change, inside the change's transaction.

:data:`OBJECT_SIGNALS` and :data:`REFERENCE_MODELS` are the rebuild rules; ``tests/api/test_stored_rules.py``
enumerates every relation the public representations embed and fails when one has no rule here.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.signals import request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, published, unpublished

from . import rebuild

_UID = "api.published"

# Child rows whose parent object's row they change: model label -> (kind, attribute holding the parent's pk).
CHILD_MODELS = {
    "providers.CredentialHolding": ("provider", "provider_id"),
    "providers.CenterProgram": ("center", "center_id"),
    "providers.CenterHours": ("center", "center_id"),
    "providers.CenterLicense": ("center", "center_id"),
    "providers.CenterContact": ("center", "center_id"),
    "providers.CenterAccreditation": ("center", "center_id"),
    "providers.ProviderTranslation": ("provider", "provider_id"),
    "providers.TreatmentCenterTranslation": ("center", "center_id"),
    "review.ArticleStamps": ("article", "page_id"),
}
# Shared records embedded in representations: a change rebuilds the rows that use them.
REFERENCE_MODELS = (
    "providers.Topic",
    "providers.LevelOfCare",
    "providers.Service",
    "providers.Payer",
    "providers.Population",
    "providers.Language",
    "providers.Credential",
    "providers.CrisisResource",
    "wagtailimages.Image",
)
# Child rows of shared records (their translations): model label -> attribute holding the record's pk. A change
# rebuilds the rows that use the record, as a change of the record does.
REFERENCE_CHILD_MODELS = {
    "providers.TopicTranslation": "term_id",
    "providers.LevelOfCareTranslation": "term_id",
    "providers.ServiceTranslation": "term_id",
    "providers.PayerTranslation": "term_id",
    "providers.PopulationTranslation": "term_id",
    "providers.LanguageTranslation": "term_id",
    "providers.CrisisResourceTranslation": "resource_id",
}
# Many-to-many relations of public objects (both directions rebuild the public side).
M2M_RELATIONS = (
    ("providers.Provider", "specialties"),
    ("providers.Provider", "centers"),
    ("providers.Provider", "languages"),
    ("providers.TreatmentCenter", "services"),
    ("providers.TreatmentCenter", "conditions"),
    ("providers.TreatmentCenter", "populations"),
    ("providers.TreatmentCenter", "languages"),
    ("providers.TreatmentCenter", "payers"),
)


def on_object_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        rebuild.rebuild_object(instance)


def on_child_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    kind, attribute = CHILD_MODELS[sender._meta.label]
    rebuild.defer(kind, [getattr(instance, attribute, None)])


def on_reference_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw and instance.pk is not None:
        rebuild.reference_changed(type(instance), [instance.pk])


def on_reference_child_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    parent_id = getattr(instance, REFERENCE_CHILD_MODELS[sender._meta.label], None)
    if not raw and parent_id is not None:
        parent = sender._meta.get_field(REFERENCE_CHILD_MODELS[sender._meta.label].removesuffix("_id"))
        rebuild.reference_changed(parent.related_model, [parent_id])


def _articles_below(page: Page) -> list[int]:
    model = apps.get_model("pages", "ArticlePage")
    return list(model.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def on_tree_changed(sender: Any, instance: Page, **kwargs: Any) -> None:
    """Slug change or move: the frontend paths of the page and everything below it changed."""
    rebuild.object_changed("article", _articles_below(instance))


def on_view_restriction_changed(sender: Any, instance: PageViewRestriction, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    try:
        page = instance.page
    except Page.DoesNotExist:  # pragma: no cover - page deleted in the same cascade
        return
    rebuild.object_changed("article", _articles_below(page))


def on_m2m_changed(
    sender: Any, instance: Any, action: str, reverse: bool, model: Any, pk_set: Any, **kwargs: Any
) -> None:
    if not action.startswith("post_"):
        return
    if not reverse:
        kind = rebuild.kind_for(instance)
        if kind is not None:
            rebuild.defer(kind.key, [instance.pk])
        return
    kind = rebuild.kind_for(model)
    if kind is not None:
        ids = pk_set if pk_set is not None else []
        rebuild.defer(kind.key, list(ids))


def on_request_started(sender: Any, environ: Any = None, **kwargs: Any) -> None:
    """Nothing deferred crosses into an API request: rows are current before the response cache reads its clock
    (only a connection whose transaction never committed, as in a test, can still hold deferred rebuilds)."""
    if str((environ or {}).get("PATH_INFO", "")).startswith("/api/"):
        rebuild.flush_pending()


def connect() -> None:
    """Connect the receivers (from ``ApiConfig.ready``); idempotent through dispatch uids."""
    for kind in rebuild.kinds():
        model = kind.model
        uid = f"{_UID}.{kind.model_label}"
        if issubclass(model, Page):
            page_published.connect(on_object_changed, sender=model, dispatch_uid=f"{uid}.published")
            page_unpublished.connect(on_object_changed, sender=model, dispatch_uid=f"{uid}.unpublished")
        else:
            published.connect(on_object_changed, sender=model, dispatch_uid=f"{uid}.published")
            unpublished.connect(on_object_changed, sender=model, dispatch_uid=f"{uid}.unpublished")
            post_save.connect(on_object_changed, sender=model, dispatch_uid=f"{uid}.saved")
        post_delete.connect(on_object_changed, sender=model, dispatch_uid=f"{uid}.deleted")
    for label in CHILD_MODELS:
        model = apps.get_model(label)
        post_save.connect(on_child_changed, sender=model, dispatch_uid=f"{_UID}.{label}.saved")
        post_delete.connect(on_child_changed, sender=model, dispatch_uid=f"{_UID}.{label}.deleted")
    for label in REFERENCE_MODELS:
        model = apps.get_model(label)
        post_save.connect(on_reference_changed, sender=model, dispatch_uid=f"{_UID}.{label}.saved")
        post_delete.connect(on_reference_changed, sender=model, dispatch_uid=f"{_UID}.{label}.deleted")
        published.connect(on_reference_changed, sender=model, dispatch_uid=f"{_UID}.{label}.published")
        unpublished.connect(on_reference_changed, sender=model, dispatch_uid=f"{_UID}.{label}.unpublished")
    for label in REFERENCE_CHILD_MODELS:
        model = apps.get_model(label)
        post_save.connect(on_reference_child_changed, sender=model, dispatch_uid=f"{_UID}.{label}.saved")
        post_delete.connect(on_reference_child_changed, sender=model, dispatch_uid=f"{_UID}.{label}.deleted")
    for label, name in M2M_RELATIONS:
        through = getattr(apps.get_model(label), name).through
        m2m_changed.connect(on_m2m_changed, sender=through, dispatch_uid=f"{_UID}.{label}.{name}")
    request_started.connect(on_request_started, dispatch_uid=f"{_UID}.request_started")
    page_slug_changed.connect(on_tree_changed, dispatch_uid=f"{_UID}.slug_changed")
    post_page_move.connect(on_tree_changed, dispatch_uid=f"{_UID}.moved")
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{_UID}.vr.saved")
    post_delete.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{_UID}.vr.deleted")
