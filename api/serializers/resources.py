"""Response components of the article, clinician and center endpoints."""

from __future__ import annotations

from rest_framework import serializers

from ..representations.providers import REVIEWED_ARTICLES_SHOWN
from .blocks import BodyBlockSerializer
from .centers import AccreditationSerializer, ContactSerializer
from .common import CenterReferenceSerializer, ImageSerializer, JsonLdField, LevelOfCareSerializer, TermSerializer

# "draft": only in preview responses, for a revision that is not the live one (its byline names only sign-offs of
# that exact revision).
REVIEW_STATUSES = ["current", "due", "overdue", "not_reviewed", "draft"]
# Named in SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] (two different "kind" choice sets).
CREDENTIAL_KINDS = ["degree", "license", "designation", "certification"]
LICENSE_KINDS = ["license", "accreditation"]


class ArticleSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    locale = serializers.CharField(help_text="Language of this article (a locale of `?locale=`), e.g. en or es.")
    path = serializers.CharField(help_text="Frontend path, e.g. /resources/iop-for-depression/.")
    api_url = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    topics = TermSerializer(many=True)
    levels_of_care = LevelOfCareSerializer(many=True)
    hero_image = ImageSerializer(allow_null=True)
    first_published = serializers.DateField(allow_null=True)
    last_updated = serializers.DateField(allow_null=True)
    last_reviewed = serializers.DateField(allow_null=True)
    review_status = serializers.ChoiceField(choices=REVIEW_STATUSES)


class BylineReviewerSerializer(serializers.Serializer):
    slug = serializers.SlugField(allow_null=True)
    name = serializers.CharField(allow_null=True)
    display_name = serializers.CharField(allow_null=True)
    signed_off = serializers.DateField(allow_null=True)
    credentials_current = serializers.BooleanField()


class BylineAuthorSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    display_name = serializers.CharField()


class BylineSerializer(serializers.Serializer):
    medical_providers = BylineReviewerSerializer(many=True)
    clinical_providers = BylineReviewerSerializer(many=True)
    authors = BylineAuthorSerializer(many=True)
    credentials_last_verified = serializers.DateField(allow_null=True)


class ReferenceSerializer(serializers.Serializer):
    number = serializers.IntegerField(min_value=1)
    title = serializers.CharField()
    publisher = serializers.CharField(allow_null=True)
    url = serializers.URLField(allow_null=True)
    year = serializers.IntegerField(allow_null=True)
    accessed = serializers.DateField(allow_null=True)


class CrisisResourceSerializer(serializers.Serializer):
    """A crisis line in the response's locale: the numbers are shared, the words and the way in are the
    locale's (e.g. 988 in Spanish: call 988 and press 2, text AYUDA to 988, chat at 988lineadevida.org)."""

    name = serializers.CharField()
    description = serializers.CharField(allow_null=True)
    call = serializers.CharField(allow_null=True, help_text="Number to call, e.g. 988.")
    call_option = serializers.CharField(
        allow_null=True, help_text="Menu option to press once the call connects, in this locale (988 Spanish: 2)."
    )
    text = serializers.CharField(allow_null=True, help_text="Number to text.")
    text_keyword = serializers.CharField(
        allow_null=True, help_text="Word to text to that number, in this locale (988 Spanish: AYUDA)."
    )
    chat_url = serializers.URLField(allow_null=True, help_text="Chat site, in this locale's language.")
    how_to_reach = serializers.CharField(
        allow_null=True, help_text="How to reach the line, as a sentence to show readers in this locale."
    )


class SeoSerializer(serializers.Serializer):
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    canonical_url = serializers.URLField()
    og_image = ImageSerializer(allow_null=True)


class ReadingSectionSerializer(serializers.Serializer):
    anchor = serializers.CharField(help_text="The section's h2 heading anchor.")
    heading = serializers.CharField()
    grade = serializers.FloatField(allow_null=True)


class ReadingLevelSerializer(serializers.Serializer):
    grade = serializers.FloatField(allow_null=True, help_text="Flesch-Kincaid grade of the whole body text.")
    target = serializers.IntegerField(help_text="The site's target grade (READING_GRADE_TARGET).")
    above_target = serializers.BooleanField()
    sections = ReadingSectionSerializer(many=True)
    words = serializers.IntegerField()
    sentences = serializers.IntegerField()
    long_sentences = serializers.IntegerField(help_text="Sentences longer than 25 words.")
    long_paragraphs = serializers.IntegerField(help_text="Paragraphs longer than 100 words.")
    vague_link_texts = serializers.ListField(child=serializers.CharField(), help_text="e.g. “click here”.")
    heading_order_problems = serializers.ListField(child=serializers.CharField())


class TranslationSerializer(serializers.Serializer):
    locale = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path, prefixed with the locale unless it is the default one.")
    api_url = serializers.CharField()


class ArticleDetailSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    locale = serializers.CharField(help_text="Language of this article, e.g. en or es.")
    path = serializers.CharField()
    api_url = serializers.CharField()
    translations = TranslationSerializer(
        many=True, help_text="Public translations in other locales, each clinically signed off on its own."
    )
    title = serializers.CharField()
    summary = serializers.CharField()
    hero_image = ImageSerializer(allow_null=True)
    topics = TermSerializer(many=True)
    levels_of_care = LevelOfCareSerializer(many=True)
    byline = BylineSerializer()
    first_published = serializers.DateField(allow_null=True)
    last_updated = serializers.DateField(allow_null=True)
    last_reviewed = serializers.DateField(allow_null=True)
    next_review_due = serializers.DateField(allow_null=True)
    review_status = serializers.ChoiceField(choices=REVIEW_STATUSES)
    reading_level = ReadingLevelSerializer()
    body = BodyBlockSerializer
    references = ReferenceSerializer(many=True)
    crisis_resources = CrisisResourceSerializer(many=True, help_text="On depression, suicide and substance-use topics.")
    seo = SeoSerializer()
    json_ld = JsonLdField()


class ProviderSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    path = serializers.CharField(help_text="Frontend path, /providers/<slug>/.")
    api_url = serializers.CharField()
    name = serializers.CharField()
    display_name = serializers.CharField(help_text="Honorific, name and post-nominals, e.g. Dr. Michael Vines, MD.")
    category = serializers.ChoiceField(choices=["medical", "clinical", "other"])
    job_title = serializers.CharField(allow_null=True)
    photo = ImageSerializer(allow_null=True)


class CredentialSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=CREDENTIAL_KINDS)
    issuer = serializers.CharField(allow_null=True)
    jurisdiction = serializers.CharField(allow_null=True)
    status = serializers.ChoiceField(choices=["active", "inactive", "expired", "revoked"])
    issued = serializers.DateField(allow_null=True)
    expires = serializers.DateField(allow_null=True)
    verified_on = serializers.DateField(allow_null=True)
    shown_on_byline = serializers.BooleanField()
    number = serializers.CharField(required=False, help_text="Present only when the clinician made it public.")


class ArticleReferenceSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    path = serializers.CharField()


class ProviderDetailSerializer(ProviderSummarySerializer):
    honorific = serializers.CharField(allow_null=True)
    post_nominals = serializers.ListField(child=serializers.CharField())
    bio = serializers.CharField(allow_blank=True, help_text="Resolved, sanitised HTML.")
    npi = serializers.CharField(allow_null=True)
    credentials = CredentialSerializer(many=True)
    credentials_last_verified = serializers.DateField(allow_null=True)
    specialties = TermSerializer(many=True)
    centers = CenterReferenceSerializer(many=True)
    articles_reviewed = ArticleReferenceSerializer(
        many=True,
        help_text=f"The {REVIEWED_ARTICLES_SHOWN} articles this clinician most recently signed off that are live now, "
        "newest first.",
    )
    json_ld = JsonLdField()


class AddressSerializer(serializers.Serializer):
    street = serializers.CharField()
    city = serializers.CharField()
    state = serializers.CharField()
    postal_code = serializers.CharField()


class GeoSerializer(serializers.Serializer):
    lat = serializers.FloatField()
    lng = serializers.FloatField()


class PhonesSerializer(serializers.Serializer):
    main = serializers.CharField(allow_null=True)
    intake = serializers.CharField(allow_null=True)
    after_hours = serializers.CharField(allow_null=True)


class CenterSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    path = serializers.CharField(help_text="Frontend path, /locations/<slug>/.")
    api_url = serializers.CharField()
    name = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    is_sample_listing = serializers.BooleanField(help_text="Demo data, not a real facility.")
    address = AddressSerializer()
    geo = GeoSerializer()
    phones = PhonesSerializer()
    levels_of_care = LevelOfCareSerializer(many=True)
    accepting_new_patients = serializers.BooleanField()
    distance_km = serializers.FloatField(required=False, help_text="Only with `near`: great-circle distance.")


class HoursSerializer(serializers.Serializer):
    day = serializers.ChoiceField(
        choices=["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
    opens = serializers.CharField(help_text="HH:MM, local time of the center's timezone.")
    closes = serializers.CharField()


class ProgramSerializer(serializers.Serializer):
    level_of_care = LevelOfCareSerializer()
    days_per_week = serializers.IntegerField(allow_null=True)
    hours_per_week = serializers.IntegerField(allow_null=True)
    schedule = serializers.CharField(allow_null=True)
    modality = serializers.ChoiceField(choices=["in_person", "telehealth", "hybrid"])


class LanguageTermSerializer(TermSerializer):
    code = serializers.CharField(help_text="BCP 47 code.")


class LicenseSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=LICENSE_KINDS)
    name = serializers.CharField()
    issuer = serializers.CharField(allow_null=True)
    number = serializers.CharField(allow_null=True)
    expires = serializers.DateField(allow_null=True)


class CenterDetailSerializer(CenterSummarySerializer):
    timezone = serializers.CharField()
    website = serializers.URLField(allow_null=True)
    hours = HoursSerializer(many=True)
    programs = ProgramSerializer(many=True)
    services = TermSerializer(many=True)
    conditions = TermSerializer(many=True)
    populations = TermSerializer(many=True)
    languages = LanguageTermSerializer(many=True)
    payers = TermSerializer(many=True)
    accepting_as_of = serializers.DateField(allow_null=True)
    listing_verified = serializers.DateField(allow_null=True)
    contacts = ContactSerializer(many=True)
    licenses = LicenseSerializer(many=True)
    accreditations = AccreditationSerializer(many=True)
    json_ld = JsonLdField()
