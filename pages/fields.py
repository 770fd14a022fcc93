"""A StreamField whose block definitions stay out of migrations.

Block definitions change often; serialising them into every migration makes migrations huge and churny
without protecting any data (StreamField content is JSON either way). See ONSdigital/dis-wagtail
``cms/core/fields.py`` for the same approach.
"""

from __future__ import annotations

from wagtail.fields import StreamField as WagtailStreamField


class StreamField(WagtailStreamField):
    def deconstruct(self):
        name, path, _, kwargs = super().deconstruct()
        kwargs["block_lookup"] = {}
        return name, "wagtail.fields.StreamField", [[]], kwargs
