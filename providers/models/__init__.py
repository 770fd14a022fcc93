"""Clinicians, credentials, treatment centers and the controlled vocabularies they use."""

from .centers import CenterHours, CenterLicense, CenterProgram, TreatmentCenter
from .clinicians import Provider
from .credentials import Credential, CredentialHolding
from .crisis import CrisisResource
from .vocabularies import Language, LevelOfCare, Payer, Population, Service, Topic

__all__ = [
    "CenterHours",
    "CenterLicense",
    "CenterProgram",
    "Credential",
    "CredentialHolding",
    "CrisisResource",
    "Language",
    "LevelOfCare",
    "Payer",
    "Population",
    "Provider",
    "Service",
    "Topic",
    "TreatmentCenter",
]
