"""Exceptions of the clinical review domain. Their messages are shown to editors as they are."""

from __future__ import annotations

UNSIGNED_MESSAGE = "This revision has not been signed off by a clinical reviewer"


class ReviewError(Exception):
    """Base class: a review rule refused an action. ``str(error)`` is a message fit for the admin."""


class UnsignedRevisionError(ReviewError):
    """The publish gate refused to make an article revision live."""

    def __init__(self, message: str = UNSIGNED_MESSAGE) -> None:
        super().__init__(message)


class ReviewerNotEligibleError(ReviewError):
    """The user may not sign off (not a clinical reviewer, no clinician profile, credentials not in good standing)."""


class ReviewConflictError(ReviewError):
    """Another reviewer completed this review first (concurrent approve/reject)."""
