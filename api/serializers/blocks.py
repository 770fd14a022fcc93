"""The article body as a typed union of block shapes (one schema component per block type)."""

from __future__ import annotations

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from .common import CenterReferenceSerializer, ImageSerializer, ProviderReferenceSerializer

HTML_HELP = "Resolved, sanitised HTML: internal links are frontend paths; images are rendition <img> tags."


class ActionSerializer(serializers.Serializer):
    label = serializers.CharField()
    kind = serializers.ChoiceField(choices=["intake", "phone", "center_locator", "page", "external"])
    url = serializers.CharField(help_text="Absolute frontend URL, frontend path (pages), tel: URL or external URL.")


class HeadingValueSerializer(serializers.Serializer):
    text = serializers.CharField()
    level = serializers.ChoiceField(choices=[2, 3])
    anchor = serializers.SlugField()


class ListValueSerializer(serializers.Serializer):
    style = serializers.ChoiceField(choices=["bulleted", "numbered"])
    items = serializers.ListField(child=serializers.CharField(help_text=HTML_HELP))


class CallToActionValueSerializer(serializers.Serializer):
    primary = ActionSerializer()
    secondary = ActionSerializer(allow_null=True)


class StatisticValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    text = serializers.CharField()
    citations = serializers.ListField(child=serializers.IntegerField(), help_text="Numbers of `references`.")


class TreatmentCentersValueSerializer(serializers.Serializer):
    heading = serializers.CharField()
    centers = CenterReferenceSerializer(many=True)


class ProgramSpotlightValueSerializer(serializers.Serializer):
    heading = serializers.CharField()
    center = CenterReferenceSerializer()
    body = serializers.CharField(help_text=HTML_HELP)
    action = ActionSerializer(allow_null=True)
    promotion = serializers.ChoiceField(choices=["first_party"], help_text="Labels first-party promotion.")


class QuestionAnswerSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField(help_text=HTML_HELP)


class FaqValueSerializer(serializers.Serializer):
    heading = serializers.CharField(allow_null=True)
    items = QuestionAnswerSerializer(many=True)


class QuoteValueSerializer(serializers.Serializer):
    quote = serializers.CharField()
    attribution = serializers.CharField(allow_null=True)
    provider = ProviderReferenceSerializer(allow_null=True)


class ImageValueSerializer(serializers.Serializer):
    image = ImageSerializer()
    caption = serializers.CharField(allow_blank=True)
    decorative = serializers.BooleanField()


def block_type_field(name: str) -> serializers.Field:
    """The discriminator of one variant: a string fixed to ``name`` (``const``), so generated clients can tell
    the variants apart instead of taking the first one whose other fields happen to fit."""
    field_class = extend_schema_field({"type": "string", "const": name})(
        type(f"{name.title().replace('_', '')}TypeField", (serializers.CharField,), {})
    )
    return field_class(help_text=f'Always "{name}" (the union\'s discriminator).')


def _block(name: str, value_field: serializers.Field) -> type[serializers.Serializer]:
    component = "".join(part.capitalize() for part in name.split("_")) + "Block"
    attrs = {
        "type": block_type_field(name),
        "id": serializers.CharField(help_text="Stable block id (UUID)."),
        "value": value_field,
        "Meta": type("Meta", (), {"ref_name": component}),
    }
    return type(component + "Serializer", (serializers.Serializer,), attrs)


BLOCK_SERIALIZERS = {
    "heading": _block("heading", HeadingValueSerializer()),
    "paragraph": _block("paragraph", serializers.CharField(help_text=HTML_HELP)),
    "list": _block("list", ListValueSerializer()),
    "call_to_action": _block("call_to_action", CallToActionValueSerializer()),
    "statistic": _block("statistic", StatisticValueSerializer()),
    "treatment_centers": _block("treatment_centers", TreatmentCentersValueSerializer()),
    "program_spotlight": _block("program_spotlight", ProgramSpotlightValueSerializer()),
    "faq": _block("faq", FaqValueSerializer()),
    "quote": _block("quote", QuoteValueSerializer()),
    "image": _block("image", ImageValueSerializer()),
}

BodyBlockSerializer = PolymorphicProxySerializer(
    component_name="BodyBlock",
    serializers=BLOCK_SERIALIZERS,
    resource_type_field_name="type",
    many=True,
)
