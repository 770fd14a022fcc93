"""The sign-off: one reviewer's decision on exactly one revision of an article. Immutable once made."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models


class SignOffImmutableError(Exception):
    """Raised on any attempt to change or delete a recorded sign-off (it is an audit record)."""


class SignOffQuerySet(models.QuerySet):
    def approved(self) -> SignOffQuerySet:
        return self.filter(decision=SignOff.Decision.APPROVED)

    def update(self, **kwargs: Any) -> NoReturn:
        raise SignOffImmutableError("Sign-offs are audit records and cannot be changed.")

    def delete(self) -> NoReturn:
        raise SignOffImmutableError("Sign-offs are audit records and cannot be deleted.")


class SignOff(models.Model):
    """A clinician's review of one article revision.

    ``content_hash`` is the fingerprint of the revision's content at the moment of sign-off
    (``pages.review.hashing.content_hash``); the gate compares it with the content that is about to go live,
    so the sign-off covers exactly what the reviewer read and nothing saved afterwards.
    ``credentials`` is a snapshot of the reviewer's name, post-nominals, account and credential holdings with
    their verification records (date, method, source and who verified) as they stood: the audit record
    (``pages.review.audit``) is read from the sign-off alone.

    The foreign keys are nullable (SET_NULL) so that deleting a page, a pruned revision or a user account
    never deletes the audit trail; everything needed to read the record later is stored on it.
    """

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"

    class Role(models.TextChoices):
        MEDICAL = "medical", "Medical reviewer"
        CLINICAL = "clinical", "Clinical reviewer"

    page = models.ForeignKey(
        "pages.ArticlePage", null=True, on_delete=models.SET_NULL, related_name="signoffs", editable=False
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="signoffs", editable=False
    )
    content_hash = models.CharField(max_length=64, db_index=True, editable=False)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="signoffs", editable=False
    )
    provider = models.ForeignKey(
        "providers.Provider", null=True, on_delete=models.SET_NULL, related_name="signoffs", editable=False
    )
    role = models.CharField(max_length=12, choices=Role.choices, editable=False)
    decision = models.CharField(max_length=20, choices=Decision.choices, editable=False)
    attestation = models.BooleanField(
        default=False,
        editable=False,
        help_text="The reviewer attested that they reviewed the whole article in this revision.",
    )
    attestation_text = models.TextField(
        blank=True, editable=False, help_text="The attestation exactly as the reviewer was shown it and confirmed."
    )
    note = models.TextField(blank=True, editable=False)
    signed_at = models.DateTimeField(db_index=True, editable=False)
    credentials = models.JSONField(default=dict, editable=False)
    task_state = models.ForeignKey(
        "review.ClinicalReviewTaskState", null=True, on_delete=models.SET_NULL, related_name="signoffs", editable=False
    )

    objects = SignOffQuerySet.as_manager()

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = "sign-off"
        indexes = [models.Index(fields=["page", "decision", "content_hash"], name="review_signoff_gate_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(decision="approved") | models.Q(attestation=True),
                name="review_signoff_approval_attested",
            )
        ]

    def __str__(self) -> str:
        who = self.credentials.get("display_name") or "unknown reviewer"
        return f"{who}: {self.get_decision_display()} (revision {self.revision_id})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise SignOffImmutableError("Sign-offs are audit records and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise SignOffImmutableError("Sign-offs are audit records and cannot be deleted.")

    @property
    def display_name(self) -> str:
        return self.credentials.get("display_name", "")
