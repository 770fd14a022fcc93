"""Service functions other code calls to record sign-offs and publish signed revisions.

    record_signoff(revision, reviewer, decision, attestation, note="", *, at=None, task_state=None,
                   fingerprint=None) -> SignOff
        Record one reviewer's decision ("approved" or "changes_requested") on exactly this article revision.
        ``fingerprint`` is the revision fingerprint the reviewer was shown (``hashing.revision_fingerprint``);
        when given and the stored revision no longer matches it, raises ``StaleRevisionError`` (W6).
        Checks the reviewer (``eligibility.check_reviewer``: "Clinical reviewers" group, published clinician
        profile with category medical/clinical, byline credentials active, unexpired and verified, not their own
        revision); an approval requires ``attestation=True``. Stores the content fingerprint and a credential
        snapshot; ``at`` backdates the record (imports, demo content). Recomputes the article's stamps.
        Raises ``ReviewerNotEligibleError`` or ``ValueError``.

    publish_signed(revision, user=None, *, at=None) -> None
        Publish an article revision through Wagtail's normal path (so the gate applies: raises
        ``UnsignedRevisionError`` if it is not signed off). ``at`` backdates the publication
        (``Publication.published_at`` and the page's first/last published timestamps), for demo and imported
        content whose history predates Verity. Recomputes the stamps.

Example (what ``load_demo`` does)::

    at = datetime.datetime(2025, 12, 22, 15, 0, tzinfo=datetime.UTC)
    revision = article.save_revision(user=editor)
    for user in (vines_user, spritzer_user, foster_user):
        record_signoff(revision, user, "approved", attestation=True, note="Reviewed in full.", at=at)
    publish_signed(revision, at=at)
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from pages.models import is_article

from .eligibility import check_reviewer, content_language, credential_snapshot
from .errors import StaleRevisionError
from .forms import ATTESTATION_LABEL
from .hashing import content_hash
from .models import Publication, SignOff
from .stamps import recompute

if TYPE_CHECKING:
    from wagtail.models import Revision


@transaction.atomic
def record_signoff(
    revision: Revision,
    reviewer: Any,
    decision: str,
    attestation: bool,
    note: str = "",
    *,
    at: datetime.datetime | None = None,
    task_state: Any = None,
    fingerprint: str | None = None,
) -> SignOff:
    if not is_article(revision):
        raise ValueError("Only article revisions are clinically reviewed.")
    if decision not in SignOff.Decision.values:
        raise ValueError(f"Unknown decision {decision!r}; expected one of {', '.join(SignOff.Decision.values)}.")
    if decision == SignOff.Decision.APPROVED and not attestation:
        raise ValueError("An approval needs the attestation that the whole article was reviewed.")
    provider = check_reviewer(reviewer, revision)
    signed_hash = content_hash(revision.content)
    if fingerprint is not None and fingerprint != signed_hash:
        raise StaleRevisionError()
    signoff = SignOff.objects.create(
        page_id=int(revision.object_id),
        revision=revision,
        content_hash=signed_hash,
        reviewer=reviewer,
        provider=provider,
        role=provider.category,
        decision=decision,
        attestation=bool(attestation),
        attestation_text=ATTESTATION_LABEL if attestation else "",
        note=note or "",
        signed_at=at or timezone.now(),
        credentials={
            **credential_snapshot(provider),
            "account": {"id": reviewer.pk, "username": reviewer.get_username()},
            "content_language": content_language(revision)[0],  # what the reviewer attested they read
        },
        task_state=task_state,
    )
    recompute(revision.content_object)
    return signoff


@transaction.atomic
def publish_signed(revision: Revision, user: Any = None, *, at: datetime.datetime | None = None) -> None:
    revision.publish(user=user, skip_permission_checks=True)
    if at is not None:
        page_id = int(revision.object_id)
        Publication.objects.filter(pk=Publication.objects.filter(page_id=page_id).latest("pk").pk).update(
            published_at=at
        )
        page = Page.objects.get(pk=page_id)
        updates: dict[str, Any] = {"last_published_at": at}
        if not Publication.objects.filter(page_id=page_id, published_at__lt=at).exists():
            updates["first_published_at"] = at
        Page.objects.filter(pk=page.pk).update(**updates)
    recompute(revision.content_object)
