"""Clinical review records: sign-offs, publications, revision fingerprints, derived stamps and the workflow task."""

from .records import Publication, RevisionFingerprint
from .signoffs import SignOff, SignOffImmutableError
from .stamps import ArticleStamps
from .tasks import ClinicalReviewTask, ClinicalReviewTaskState

__all__ = [
    "ArticleStamps",
    "ClinicalReviewTask",
    "ClinicalReviewTaskState",
    "Publication",
    "RevisionFingerprint",
    "SignOff",
    "SignOffImmutableError",
]
