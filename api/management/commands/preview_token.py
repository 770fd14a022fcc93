"""Print a frontend preview URL (with ``token=…``) for an article's latest saved revision.

    manage.py preview_token 12
    manage.py preview_token iop-for-depression
    manage.py preview_token alex-spritzer --type provider

For frontend developers working from a terminal. Whoever can run manage.py already has full access, so no
per-user permission check applies here (the admin button checks edit permission).
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from api.preview import latest_revision, mint_preview_token, preview_api_path, preview_url
from api.published.registry import BY_KEY


class Command(BaseCommand):
    help = "Print a frontend preview URL for the latest revision of an article (or clinician/center)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("identifier", help="Page id or slug (or clinician/center id or slug with --type).")
        parser.add_argument("--type", choices=sorted(BY_KEY), default="article")
        parser.add_argument("--token-only", action="store_true", help="Print only the token.")

    def handle(self, *args, identifier: str, type: str, token_only: bool, **options) -> None:
        model = BY_KEY[type].model
        lookup = {"pk": int(identifier)} if identifier.isdigit() else {"slug": identifier}
        matches = list(model._default_manager.filter(**lookup)[:2])
        if not matches:
            raise CommandError(f"No {type} with {'id' if identifier.isdigit() else 'slug'} {identifier!r}.")
        if len(matches) > 1:
            raise CommandError(f"Several {type}s have slug {identifier!r}; pass the id instead.")
        obj = matches[0]
        revision = latest_revision(obj)
        if revision is None:
            raise CommandError(f"{obj} has no saved revision to preview.")
        token = mint_preview_token(obj, revision)
        self.stdout.write(
            token if token_only else preview_url(token) or settings.WAGTAILADMIN_BASE_URL + preview_api_path(token)
        )
