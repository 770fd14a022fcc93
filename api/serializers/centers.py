"""Center contacts and accreditations (parts of the center detail)."""

from __future__ import annotations

from rest_framework import serializers

from providers.models.center_contacts import CenterAccreditation, CenterContact


class ContactSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=CenterContact.Kind.choices, help_text="How to reach: phone, e-mail or intake form."
    )
    purpose = serializers.ChoiceField(choices=CenterContact.Purpose.choices)
    # The contract's field is called "label", which the stubs also know as Field.label (the serializer's own
    # caption); DRF's metaclass moves declared fields off the class, so at run time the two never meet.
    label = serializers.CharField(  # type: ignore[assignment]
        allow_null=True, help_text="Shown next to the value, e.g. “Admissions”."
    )
    value = serializers.CharField(help_text="Phone number, e-mail address or intake URL, as shown.")
    url = serializers.CharField(help_text="`tel:`, `mailto:` or https URL to act on it.")


class AccreditationSerializer(serializers.Serializer):
    body = serializers.ChoiceField(choices=CenterAccreditation.Body.choices, help_text="Accrediting organization.")
    body_name = serializers.CharField(help_text="The body's full name, e.g. The Joint Commission.")
    program = serializers.CharField(allow_null=True, help_text="What is accredited, e.g. Behavioral Health Care.")
    identifier = serializers.CharField(allow_null=True, help_text="The body's id for the organization or site.")
    accredited_on = serializers.DateField(allow_null=True)
    expires = serializers.DateField(allow_null=True)
    url = serializers.URLField(allow_null=True, help_text="Public verification page at the accrediting body.")
