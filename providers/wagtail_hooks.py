"""Register the providers admin: one "Providers & centers" menu holding every providers snippet."""

from wagtail.snippets.models import register_snippet

from .viewsets import ProvidersViewSetGroup

register_snippet(ProvidersViewSetGroup)
