"""Wagtail admin viewsets for the providers app, grouped under one "Providers & centers" menu."""

from __future__ import annotations

from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .centers import TreatmentCenterViewSet
from .clinicians import CredentialViewSet, ProviderViewSet
from .vocabularies import (
    CrisisResourceViewSet,
    LanguageViewSet,
    LevelOfCareViewSet,
    PayerViewSet,
    PopulationViewSet,
    ServiceViewSet,
    TopicViewSet,
)


class ProvidersViewSetGroup(SnippetViewSetGroup):
    """The "Providers & centers" admin menu: clinicians, centers, credentials, vocabularies and crisis lines."""

    menu_label = "Providers & centers"
    menu_icon = "group"
    menu_name = "providers"
    menu_order = 250
    items = (
        ProviderViewSet,
        TreatmentCenterViewSet,
        CredentialViewSet,
        LevelOfCareViewSet,
        ServiceViewSet,
        TopicViewSet,
        PayerViewSet,
        PopulationViewSet,
        LanguageViewSet,
        CrisisResourceViewSet,
    )


__all__ = [
    "CredentialViewSet",
    "CrisisResourceViewSet",
    "LanguageViewSet",
    "LevelOfCareViewSet",
    "PayerViewSet",
    "PopulationViewSet",
    "ProviderViewSet",
    "ProvidersViewSetGroup",
    "ServiceViewSet",
    "TopicViewSet",
    "TreatmentCenterViewSet",
]
