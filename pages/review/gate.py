"""The publish gate (invariant 3): an article revision goes live only if clinical reviewers signed it off.

The rule
    A revision R of an ``ArticlePage`` may become the page's live revision only if the page has approved
    sign-offs whose ``content_hash`` equals the fingerprint of R's content (R itself, or an earlier revision
    with identical content), satisfying the role policy: at least one medical or clinical approval, or both
    roles when ``settings.REVIEW_REQUIRE_BOTH_ROLES``. ``signed_off_condition`` is that rule as a SQL
    condition; the gate, the workflow task and ``visibility.public_articles`` all use it, so "may go live"
    and "is public" cannot drift apart. Because the comparison is by content, a sign-off of R1 never covers a
    later R2 with different text (W2), and a revision whose content is overwritten after sign-off
    (Wagtail's autosave ``overwrite_revision``) loses its cover.

Where it is enforced, and why there
    Every publish path in Wagtail 8 — admin publish (create/edit views), workflow approval
    (``publish_workflow_state``), bulk publish, ``publish_scheduled``, ``revision.publish()``, ``page.publish()``
    and ``PublishRevisionAction(...).execute()`` — ends in ``PublishRevisionAction._publish_revision``, which
    sets ``live_revision`` on ``revision.as_object()`` and calls ``save()``; scheduling instead saves the
    revision with ``approved_go_live_at``. Subclassing or patching the action is fragile: the edit view and
    ``Page.publish`` import ``PublishPageRevisionAction`` directly (the action registry is bypassed) and a
    patch of private methods breaks silently on upgrade. So the gate sits on the model layer, in
    ``pre_save`` receivers (``pages.review.signals``):

    * a page save that makes an article live on a *different* live revision than the database holds is
      refused unless that revision passes the rule (``check_page_save``);
    * a revision save that schedules an article revision (``approved_go_live_at`` set) is refused likewise
      (``check_revision_schedule``), so an unsigned revision cannot even be queued for ``publish_scheduled``.

    The receivers raise ``UnsignedRevisionError`` before the row is written, so the live revision is left
    unchanged. Admin paths check earlier too (``before_publish_page``, ``before_bulk_action`` and
    ``before_copy_page`` hooks) so editors get the message without side effects, and
    ``pages.review.middleware.ReviewErrorMiddleware`` turns any refusal that still reaches an admin view
    into an error message instead of a 500. ``publish_scheduled`` is overridden to skip (and unschedule)
    refused revisions instead of aborting the whole run.

What it does not cover
    A raw SQL ``UPDATE`` of ``live_revision_id`` bypasses Django entirely; ``public_articles`` re-checks the
    rule in SQL, so such a page is still not public (P10). A page created with ``live=True`` and no live
    revision (fixtures, aliases) is likewise never public.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Exists, Q

from pages.models import ArticlePage, is_article

from .errors import UnsignedRevisionError
from .hashing import content_hash
from .models import SignOff

if TYPE_CHECKING:
    from wagtail.models import Page, Revision


def signed_off_condition(page_id: Any, content_hash_value: Any) -> Q:
    """SQL condition: approved sign-offs of ``page_id`` for content ``content_hash_value`` satisfy the policy.

    Both arguments may be plain values or expressions (``OuterRef``) so that querysets can use the same rule.
    """
    approvals = SignOff.objects.approved().filter(page_id=page_id, content_hash=content_hash_value)
    if getattr(settings, "REVIEW_REQUIRE_BOTH_ROLES", False):
        return Q(Exists(approvals.filter(role=SignOff.Role.MEDICAL))) & Q(
            Exists(approvals.filter(role=SignOff.Role.CLINICAL))
        )
    return Q(Exists(approvals.filter(role__in=[SignOff.Role.MEDICAL, SignOff.Role.CLINICAL])))


def content_is_signed_off(page_id: int, content_hash_value: str) -> bool:
    """The rule for one page and one content fingerprint, evaluated in Python callers (gate, task, stamps)."""
    return ArticlePage.objects.filter(pk=page_id).filter(signed_off_condition(page_id, content_hash_value)).exists()


def revision_is_signed_off(revision: Revision) -> bool:
    """True if this article revision may go live under the rule (computed from its current content)."""
    return content_is_signed_off(int(revision.object_id), content_hash(revision.content))


def check_revision_may_go_live(revision: Revision) -> None:
    """Raise ``UnsignedRevisionError`` unless the revision is not an article's, or is signed off."""
    if is_article(revision) and not revision_is_signed_off(revision):
        raise UnsignedRevisionError()


def check_page_save(page: Page) -> None:
    """pre_save rule: an article may only become live on a signed-off revision. Other saves pass untouched."""
    if not is_article(page) or not page.live or page.live_revision_id is None or page.pk is None:
        return
    stored = type(page).objects.filter(pk=page.pk).values_list("live", "live_revision_id").first()
    if stored is not None and stored == (True, page.live_revision_id):
        return  # the live revision is not changing (ordinary draft saves, locks, moves…)
    check_revision_may_go_live(page.live_revision)


def check_revision_schedule(revision: Revision) -> None:
    """pre_save rule: an article revision may only be scheduled to go live if it is signed off."""
    if revision.approved_go_live_at is None:
        return
    check_revision_may_go_live(revision)
