"""Clinical review records: sign-offs, publications, revision fingerprints, derived stamps, the workflow task
and which source revision a translation follows."""

from .records import Publication, RevisionFingerprint
from .signoffs import SignOff, SignOffImmutableError
from .stamps import ArticleStamps
from .tasks import ClinicalReviewTask, ClinicalReviewTaskState
from .translations import TranslationOrigin

__all__ = [
    "ArticleStamps",
    "ClinicalReviewTask",
    "ClinicalReviewTaskState",
    "Publication",
    "RevisionFingerprint",
    "SignOff",
    "SignOffImmutableError",
    "TranslationOrigin",
]
