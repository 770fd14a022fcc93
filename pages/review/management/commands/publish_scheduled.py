"""Wagtail's ``publish_scheduled``, made to respect the clinical review gate without aborting.

Wagtail's command publishes every due scheduled revision in one loop; a revision the gate refuses would raise
and stop the run, leaving other due content (and expiries already applied) half done. Scheduling an unsigned
article revision is refused in the first place (``gate.check_revision_schedule``), but a schedule written
around Django (imports, raw SQL) could still exist, so before Wagtail's loop runs this command unschedules any
due article revision that is not signed off and says so. Everything else is Wagtail's own command.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled
from wagtail.models import Revision

from pages.models import is_article

from ...gate import revision_is_signed_off


class Command(WagtailPublishScheduled):
    help = "Publish scheduled revisions and unpublish expired content; article revisions must be signed off."

    def handle(self, *args: Any, **options: Any) -> None:
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).order_by("approved_go_live_at")
        for revision in due:
            if is_article(revision) and not revision_is_signed_off(revision):
                self.stderr.write(
                    f"Not publishing “{revision.object_str}” (revision {revision.pk}): "
                    "This revision has not been signed off by a clinical reviewer. Its schedule was cancelled."
                )
                if not options.get("dryrun"):
                    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        super().handle(*args, **options)
