"""Clinicians, credentials, treatment centers and the controlled vocabularies they use."""

from .center_contacts import CenterAccreditation, CenterContact
from .centers import CenterHours, CenterLicense, CenterProgram, TreatmentCenter
from .clinicians import Provider
from .credentials import Credential, CredentialHolding
from .crisis import CrisisResource
from .translations import (
    CrisisResourceTranslation,
    LanguageTranslation,
    LevelOfCareTranslation,
    PayerTranslation,
    PopulationTranslation,
    ProviderTranslation,
    ServiceTranslation,
    TopicTranslation,
    TreatmentCenterTranslation,
)
from .vocabularies import Language, LevelOfCare, Payer, Population, Service, Topic

__all__ = [
    "CenterAccreditation",
    "CenterContact",
    "CenterHours",
    "CenterLicense",
    "CenterProgram",
    "Credential",
    "CredentialHolding",
    "CrisisResource",
    "CrisisResourceTranslation",
    "Language",
    "LanguageTranslation",
    "LevelOfCare",
    "LevelOfCareTranslation",
    "Payer",
    "PayerTranslation",
    "Population",
    "PopulationTranslation",
    "Provider",
    "ProviderTranslation",
    "Service",
    "ServiceTranslation",
    "Topic",
    "TopicTranslation",
    "TreatmentCenter",
    "TreatmentCenterTranslation",
]
