"""Vocabulary and crisis-resource admin: small editable lists seeded by migration."""

from __future__ import annotations

from django import forms
from django.db import models
from django.db.models import QuerySet
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import CrisisResource, Language, LevelOfCare, Payer, Population, Service, Topic
from .columns import PublicationStatusColumn, with_publication_status

# Vocabulary terms (topics, levels of care, services, languages…) are short lists: every admin form offers them
# as checkboxes rather than a multi-select that needs Ctrl-click. Covers ParentalManyToManyField (a subclass).
register_form_field_override(models.ManyToManyField, override={"widget": forms.CheckboxSelectMultiple})


class VocabularyViewSet(SnippetViewSet):
    """Shared listing of a vocabulary: name, slug, SAMHSA code and order, searchable by any of them."""

    icon = "tag"
    list_display = ["name", "slug", "samhsa_code", "sort_order"]
    search_fields = ["name", "slug", "samhsa_code"]
    search_backend_name = None  # seeded terms are not in the search index; the database is always current
    ordering = ["sort_order", "name"]
    copy_view_enabled = False


class TopicViewSet(VocabularyViewSet):
    """Topics and conditions; the flag decides which articles show the 988 crisis line."""

    model = Topic
    menu_label = "Topics"
    menu_name = "topics"
    url_prefix = "providers/topics"
    list_display = ["name", "slug", "samhsa_code", "shows_crisis_resources", "sort_order"]
    list_filter = ["shows_crisis_resources"]


class LevelOfCareViewSet(VocabularyViewSet):
    """Levels of care with their SAMHSA code and ASAM level."""

    model = LevelOfCare
    icon = "list-ol"
    menu_label = "Levels of care"
    menu_name = "levels_of_care"
    url_prefix = "providers/levels-of-care"
    list_display = ["name", "slug", "samhsa_code", "asam_level", "sort_order"]
    search_fields = ["name", "slug", "samhsa_code", "asam_level"]


class ServiceViewSet(VocabularyViewSet):
    """Services and therapies (DBT, CBT, group therapy…)."""

    model = Service
    icon = "list-ul"
    menu_label = "Services and therapies"
    menu_name = "services"
    url_prefix = "providers/services"


class PayerViewSet(VocabularyViewSet):
    """Payers a center can accept."""

    model = Payer
    icon = "key"
    menu_label = "Payers"
    menu_name = "payers"
    url_prefix = "providers/payers"


class PopulationViewSet(VocabularyViewSet):
    """Populations and age groups served."""

    model = Population
    icon = "group"
    menu_label = "Populations"
    menu_name = "populations"
    url_prefix = "providers/populations"
    list_display = ["name", "slug", "samhsa_code", "is_age_group", "sort_order"]
    list_filter = ["is_age_group"]


class LanguageViewSet(VocabularyViewSet):
    """Languages services are offered in."""

    model = Language
    icon = "globe"
    menu_label = "Languages"
    menu_name = "languages"
    url_prefix = "providers/languages"
    list_display = ["name", "code", "slug", "samhsa_code", "sort_order"]
    search_fields = ["name", "slug", "code", "samhsa_code"]


class CrisisResourceViewSet(SnippetViewSet):
    """Crisis lines (988), versioned with drafts so a changed number goes live deliberately."""

    model = CrisisResource
    icon = "warning"
    menu_label = "Crisis resources"
    menu_name = "crisis_resources"
    url_prefix = "providers/crisis-resources"
    list_display = ["name", "call", "text", "chat_url", PublicationStatusColumn(), UpdatedAtColumn()]
    list_filter = ["live"]
    search_fields = ["name", "call", "text"]
    search_backend_name = None
    ordering = ["sort_order", "name"]

    def get_queryset(self, request) -> QuerySet[CrisisResource]:
        return with_publication_status(CrisisResource.objects.all())
