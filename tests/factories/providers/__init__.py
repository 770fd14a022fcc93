"""factory_boy factories for every model of the ``providers`` app.

Vocabulary factories look terms up by slug (``django_get_or_create``), so ``LevelOfCareFactory(slug="intensive-outpatient")``
returns the term seeded by migration instead of clashing with it. Wherever a factory takes related terms
(``programs``, ``services``, ``specialties``…) it accepts model instances or slugs; credentials are given by code.

Examples::

    ProviderFactory(honorific="Dr.", name="Michael Vines", category="medical", credentials=["MD"])
    ProviderFactory(name="Alex Spritzer", credentials=["FNP", "CARN-AP", "PMHNP"], live=False)
    TreatmentCenterFactory(programs=["intensive-outpatient"], hours=True, services=["dbt", "group-therapy"])
    ProviderFactory(credentials=["LPC-S"], publish=True)   # saves a revision and publishes it
"""

from .base import days_ago
from .centers import CenterHoursFactory, CenterLicenseFactory, CenterProgramFactory, TreatmentCenterFactory
from .clinicians import ClinicianUserFactory, CredentialFactory, CredentialHoldingFactory, ProviderFactory
from .vocabularies import (
    CrisisResourceFactory,
    LanguageFactory,
    LevelOfCareFactory,
    PayerFactory,
    PopulationFactory,
    ServiceFactory,
    TopicFactory,
    VocabularyTermFactory,
)

__all__ = [
    "CenterHoursFactory",
    "CenterLicenseFactory",
    "CenterProgramFactory",
    "ClinicianUserFactory",
    "CredentialFactory",
    "CredentialHoldingFactory",
    "CrisisResourceFactory",
    "LanguageFactory",
    "LevelOfCareFactory",
    "PayerFactory",
    "PopulationFactory",
    "ProviderFactory",
    "ServiceFactory",
    "TopicFactory",
    "TreatmentCenterFactory",
    "VocabularyTermFactory",
    "days_ago",
]
