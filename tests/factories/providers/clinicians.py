"""Credential, clinician and credential-holding factories."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from django.utils.timezone import now
from factory.django import DjangoModelFactory

from providers.models import Credential, CredentialHolding, Provider, TreatmentCenter
from providers.validators import npi_with_check_digit

from .base import days_ago, publish_if_asked, terms
from .vocabularies import TopicFactory


class CredentialFactory(DjangoModelFactory):
    """A credential of the vocabulary, looked up by code (the seeded MD, LPC-S, PMHNP… are reused)."""

    code = factory.Sequence(lambda n: f"CRED{n}")
    name = factory.LazyAttribute(lambda credential: f"Credential {credential.code}")
    kind = Credential.Kind.LICENSE
    issuer = ""

    class Meta:
        model = Credential
        django_get_or_create = ("code",)


class ClinicianUserFactory(DjangoModelFactory):
    """An admin user account a clinician signs off with (``ProviderFactory(with_user=True)``)."""

    username = factory.Sequence(lambda n: f"clinician{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    first_name = "Clinician"
    password = factory.django.Password("clinician-password")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class ProviderFactory(DjangoModelFactory):
    """A live clinician. Keyword helpers (all optional):

    - ``credentials=["FNP", "CARN-AP"]`` — holdings in that display order, active and verified 30 days ago;
    - ``specialties=["depression"]``, ``centers=[center]`` — topics by slug or instance, centers by instance or slug;
    - ``with_user=True`` — links a new admin user; ``publish=True`` — saves and publishes a revision.
    """

    honorific = ""
    name = factory.Sequence(lambda n: f"Clinician {n}")
    slug = factory.LazyAttribute(lambda provider: slugify(provider.name))
    category = Provider.Category.CLINICAL
    job_title = ""
    bio = ""
    npi = ""
    live = True
    first_published_at = factory.LazyFunction(now)
    last_published_at = factory.LazyAttribute(lambda provider: provider.first_published_at)

    class Meta:
        model = Provider
        skip_postgeneration_save = True  # the hooks below save when they change the instance

    class Params:
        with_user = factory.Trait(user=factory.SubFactory(ClinicianUserFactory))
        medical = factory.Trait(category=Provider.Category.MEDICAL)
        draft = factory.Trait(live=False, first_published_at=None, last_published_at=None)
        with_npi = factory.Trait(npi=factory.Sequence(lambda n: npi_with_check_digit(f"{100000000 + n:09d}")))

    @factory.post_generation
    def credentials(provider: Provider, create: bool, extracted: Iterable[str] | None, **kwargs: Any) -> None:
        """Holdings for the given credential codes, in display order; ``credentials__verified_on`` etc. apply to all."""
        if not create or not extracted:
            return
        for position, code in enumerate(extracted):
            CredentialHoldingFactory(
                provider=provider, credential=CredentialFactory(code=code), sort_order=position, **kwargs
            )

    @factory.post_generation
    def specialties(provider: Provider, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            provider.specialties.set(terms(TopicFactory, extracted))
            provider.save()

    @factory.post_generation
    def centers(provider: Provider, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            centers = [TreatmentCenter.objects.get(slug=c) if isinstance(c, str) else c for c in extracted]
            provider.centers.set(centers)
            provider.save()

    # Declared last so the published revision contains the credentials and relations above.
    publish = factory.PostGeneration(publish_if_asked)


class CredentialHoldingFactory(DjangoModelFactory):
    """A clinician's credential: active, shown on the byline, verified 30 days ago, expiring in two years."""

    provider = factory.SubFactory(ProviderFactory)
    credential = factory.SubFactory(CredentialFactory)
    jurisdiction = "AZ"
    number = factory.Sequence(lambda n: f"LIC-{n:05d}")
    number_is_public = False
    issued_on = factory.LazyFunction(lambda: days_ago(3 * 365))
    expires_on = factory.LazyFunction(lambda: days_ago(-2 * 365))
    status = CredentialHolding.Status.ACTIVE
    show_on_byline = True
    verified_on = factory.LazyFunction(lambda: days_ago(30))
    verification_method = CredentialHolding.VerificationMethod.PRIMARY_SOURCE
    verification_source = "https://azbbhe.us/verify"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = CredentialHolding

    class Params:
        unverified = factory.Trait(verified_on=None, verification_method="", verification_source="")
        expired = factory.Trait(expires_on=factory.LazyFunction(lambda: days_ago(1)))
        stale = factory.Trait(verified_on=factory.LazyFunction(lambda: days_ago(2 * 365)))
