"""Listing columns for the providers admin: derived stamps and flags computed by the models, never stored."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.formats import date_format
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.models import Revision

from ..models import Provider, TreatmentCenter


def _date(value: datetime.date | None, missing: str) -> str:
    return date_format(value, "N j, Y") if value else missing


def with_publication_status(queryset: QuerySet) -> QuerySet:
    """Prefetch scheduled revisions so ``PublicationStatusColumn`` costs one query per page, not one per row."""
    scheduled = Revision.objects.filter(approved_go_live_at__isnull=False).order_by("-created_at", "-id")
    return queryset.prefetch_related(Prefetch("_revisions", queryset=scheduled, to_attr="prefetched_scheduled"))


class PublicationStatusColumn(LiveStatusTagColumn):
    """Wagtail's live/draft/scheduled status tag, fed from ``with_publication_status`` instead of a query per row."""

    def get_value(self, instance: Any) -> Any:
        prefetched = getattr(instance, "prefetched_scheduled", None)
        if prefetched is not None and "scheduled_revision" not in instance.__dict__:
            # Same answer as DraftStateMixin.scheduled_revision (a cached_property), already fetched.
            instance.__dict__["scheduled_revision"] = prefetched[0] if prefetched else None
        return super().get_value(instance)


class CredentialsLastVerifiedColumn(Column):
    """The oldest verification among the credentials a clinician's byline prints ("Not verified" if one is not)."""

    def __init__(self, name: str = "credentials_last_verified", **kwargs: Any) -> None:
        super().__init__(name, label=kwargs.pop("label", "Credentials last verified"), **kwargs)

    def get_value(self, instance: Provider) -> str:
        if not instance.byline_holdings():
            return "No credentials shown"
        return _date(instance.credentials_last_verified(), "Not verified")


class CredentialFlagsColumn(Column):
    """Problems compliance should act on, per credential: "PMHNP-BC: expired · LPC: unverified"."""

    def __init__(self, name: str = "credential_flags", **kwargs: Any) -> None:
        super().__init__(name, label=kwargs.pop("label", "Credential flags"), **kwargs)

    def get_value(self, instance: Provider) -> str:
        flags = instance.credential_flags()
        return " · ".join(f"{code}: {', '.join(problems)}" for code, problems in flags.items())


class CanSignOffColumn(Column):
    """Whether this clinician's credentials currently allow a clinical sign-off."""

    def __init__(self, name: str = "can_sign_off", **kwargs: Any) -> None:
        super().__init__(name, label=kwargs.pop("label", "Can sign off"), **kwargs)

    def get_value(self, instance: Provider) -> str:
        if instance.category == Provider.Category.OTHER:
            return "—"
        return "Yes" if instance.can_sign_off() else "No"


class ProgramsColumn(Column):
    """A center's programs in display order: level of care and modality, "Intensive outpatient (IOP) — telehealth"."""

    def __init__(self, name: str = "programs", **kwargs: Any) -> None:
        super().__init__(name, label=kwargs.pop("label", "Programs"), **kwargs)

    def get_value(self, instance: TreatmentCenter) -> str:
        programs = sorted(instance.programs.all(), key=lambda program: program.sort_order or 0)
        return ", ".join(
            f"{program.level_of_care.name} — {program.get_modality_display().lower()}" for program in programs
        )


class LocationColumn(Column):
    """City and state of a center."""

    def __init__(self, name: str = "location", **kwargs: Any) -> None:
        super().__init__(name, label=kwargs.pop("label", "Location"), sort_key=kwargs.pop("sort_key", "city"), **kwargs)

    def get_value(self, instance: TreatmentCenter) -> str:
        return f"{instance.city}, {instance.state}"


class AcceptingColumn(Column):
    """Whether a center accepts new patients, with the date that was confirmed."""

    def __init__(self, name: str = "accepting_new_patients", **kwargs: Any) -> None:
        super().__init__(name, label=kwargs.pop("label", "Accepting new patients"), **kwargs)

    def get_value(self, instance: TreatmentCenter) -> str:
        answer = "Yes" if instance.accepting_new_patients else "No"
        if instance.accepting_as_of:
            return f"{answer} (as of {_date(instance.accepting_as_of, '')})"
        return answer
