"""Admin listing filters for clinicians and centers, including compliance filters on credential problems."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet

from ..models import CredentialHolding, LevelOfCare, Provider, Topic, TreatmentCenter
from ..models.credentials import expired_q, expiring_q, stale_before
from ..validators import US_STATE_CODES


def credential_problem_q(problem: str, today: datetime.date | None = None) -> Q:
    """A condition on ``CredentialHolding`` matching the same problems ``CredentialHolding.flags()`` reports."""
    today = today or timezone.localdate()
    if problem == "expired":
        return expired_q(today)
    if problem == "expiring":
        return expiring_q(today)
    if problem == "unverified":
        return Q(verified_on__isnull=True)
    if problem == "stale":
        return Q(verified_on__lt=stale_before(today))
    if problem == "inactive":
        return Q(status__in=[CredentialHolding.Status.INACTIVE, CredentialHolding.Status.REVOKED])
    raise ValueError(f"Unknown credential problem {problem!r}")


class ProviderFilterSet(WagtailFilterSet):
    """Clinician listing filters: category, published state, specialty and credential problems."""

    PROBLEMS = [
        ("expired", "Expired"),
        ("expiring", "Expiring soon"),
        ("unverified", "Unverified"),
        ("stale", "Verification is stale"),
        ("inactive", "Inactive or revoked"),
    ]

    category = django_filters.ChoiceFilter(choices=Provider.Category.choices, empty_label="All")
    live = django_filters.BooleanFilter(label="Published")
    specialties = django_filters.ModelChoiceFilter(queryset=Topic.objects.all(), label="Specialty")
    credential_problem = django_filters.ChoiceFilter(
        label="Credential problem", choices=PROBLEMS, method="filter_credential_problem", empty_label="Any"
    )

    class Meta:
        model = Provider
        fields = ["category", "live", "specialties"]

    def filter_credential_problem(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        holdings = CredentialHolding.objects.filter(credential_problem_q(value))
        return queryset.filter(pk__in=holdings.values("provider_id"))


class TreatmentCenterFilterSet(WagtailFilterSet):
    """Center listing filters: state, intake status, published state, sample listings and levels of care."""

    state = django_filters.ChoiceFilter(
        choices=sorted(US_STATE_CODES.items(), key=lambda item: item[1]), empty_label="All"
    )
    accepting_new_patients = django_filters.BooleanFilter(label="Accepting new patients")
    live = django_filters.BooleanFilter(label="Published")
    is_sample_listing = django_filters.BooleanFilter(label="Sample listing")
    level_of_care = django_filters.ModelChoiceFilter(
        queryset=LevelOfCare.objects.all(), field_name="programs__level_of_care", label="Level of care", distinct=True
    )

    class Meta:
        model = TreatmentCenter
        fields = ["state", "accepting_new_patients", "live", "is_sample_listing"]
