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


STALE_MESSAGE = "This revision changed after you opened it: review the new version"
UNSEEN_MESSAGE = "The sign-off did not say which version you reviewed: open the review again and sign from there"


class StaleRevisionError(ReviewError):
    """The revision's content (or the revision itself) is not the one the reviewer was shown (W6)."""

    def __init__(self, message: str = STALE_MESSAGE) -> None:
        super().__init__(message)
