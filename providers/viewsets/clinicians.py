"""Clinician and credential-vocabulary admin: listings show derived stamps and compliance flags."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import Credential, Provider
from .columns import (
    CanSignOffColumn,
    CredentialFlagsColumn,
    CredentialsLastVerifiedColumn,
    PublicationStatusColumn,
    with_publication_status,
)
from .filters import ProviderFilterSet


class ProviderViewSet(SnippetViewSet):
    """Clinicians, with drafts, revisions, locking and preview (from the model's mixins)."""

    model = Provider
    icon = "user"
    menu_label = "Clinicians"
    menu_name = "clinicians"
    url_prefix = "providers/clinicians"
    list_display = [
        "display_name",
        Column("category", label="Category", accessor="get_category_display", sort_key="category"),
        CredentialsLastVerifiedColumn(),
        CredentialFlagsColumn(),
        CanSignOffColumn(),
        PublicationStatusColumn(),
        UpdatedAtColumn(),
    ]
    filterset_class = ProviderFilterSet
    search_fields = ["name", "slug", "job_title", "npi"]
    search_backend_name = None  # plain database search: always current, no index to rebuild
    ordering = ["name"]
    inspect_view_enabled = True

    def get_queryset(self, request) -> QuerySet[Provider]:
        # Display names, flags and stamps come from the holdings: fetch them once for the whole page.
        return with_publication_status(Provider.objects.prefetch_related("credential_holdings__credential"))


class CredentialViewSet(SnippetViewSet):
    """The credential vocabulary (MD, LPC-S, PMHNP-BC…) that clinicians' holdings point at."""

    model = Credential
    icon = "clipboard-list"
    menu_label = "Credentials"
    menu_name = "credentials"
    url_prefix = "providers/credentials"
    list_display = [
        "code",
        "name",
        Column("kind", label="Kind", accessor="get_kind_display", sort_key="kind"),
        "issuer",
    ]
    list_filter = ["kind"]
    search_fields = ["code", "name", "issuer"]
    search_backend_name = None
    ordering = ["code"]
