"""Content negotiation that never refuses: an ``Accept`` header the API cannot satisfy gets its default (JSON).

The API speaks JSON (plus the browsable HTML view in development). Answering ``406`` to ``Accept: text/html``
or ``image/png`` would turn every client input error into a negotiation error instead of naming the bad
parameter, so, as HTTP allows, an unsatisfiable ``Accept`` is answered with the first configured renderer.
"""

from __future__ import annotations

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class JSONFallbackNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            return renderers[0], renderers[0].media_type
