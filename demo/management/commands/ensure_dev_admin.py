"""Create (once) local accounts for trying Verity in development and print how to sign in.

* an administrator (``DEV_ADMIN_USERNAME`` / ``DEV_ADMIN_PASSWORD``, default ``admin`` / ``verity-admin``);
* an editor in the "Editors" group (``editor`` / ``verity-editor``), not ``is_staff`` unless ``EDITORS_ARE_STAFF``
  (the Wagtail admin needs only the group's ``access_admin`` permission; the Django admin is for superusers);
* a password (``verity-reviewer``) for the demo clinicians' reviewer accounts, which the demo loader creates
  without one, so the whole write → submit → sign off → publish flow can be tried at once.

Refused when DEBUG is off: these are well-known passwords.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from pages.review.eligibility import EDITORS_GROUP, REVIEWERS_GROUP

EDITOR = ("editor", "verity-editor")
REVIEWER_PASSWORD = "verity-reviewer"


class Command(BaseCommand):
    help = "Create local development accounts (admin, editor, demo reviewers) and print their credentials."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin is for local development only (DEBUG is off).")
        User = get_user_model()
        admin_name = os.environ.get("DEV_ADMIN_USERNAME", "admin")
        admin_password = os.environ.get("DEV_ADMIN_PASSWORD", "verity-admin")
        lines = [
            self._ensure(User, admin_name, admin_password, is_staff=True, is_superuser=True),
            self._ensure(User, *EDITOR, group=EDITORS_GROUP, is_staff=settings.EDITORS_ARE_STAFF),
        ]
        reviewers = User.objects.filter(groups__name=REVIEWERS_GROUP, provider__isnull=False).order_by("username")
        for reviewer in reviewers:
            if not reviewer.has_usable_password():
                reviewer.set_password(REVIEWER_PASSWORD)
                reviewer.save(update_fields=["password"])
                lines.append(f"  reviewer  {reviewer.username} / {REVIEWER_PASSWORD}")
            else:
                lines.append(f"  reviewer  {reviewer.username} / (password unchanged)")
        port = os.environ.get("PORT", "8000")
        self.stdout.write(self.style.SUCCESS(f"Local accounts for http://127.0.0.1:{port}/admin/ (development only):"))
        self.stdout.write("\n".join(lines))

    def _ensure(self, User, username: str, password: str, *, group: str | None = None, **flags) -> str:
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.com", **flags}
        )
        if created:
            user.set_password(password)
            user.save()
        elif not user.is_superuser and user.is_staff != flags.get("is_staff", False):
            user.is_staff = flags.get("is_staff", False)  # older setups made editors staff
            user.save(update_fields=["is_staff"])
        if group:
            user.groups.add(Group.objects.get(name=group))
        role = "admin" if flags.get("is_superuser") else "editor"
        return f"  {role:<9} {username} / {password if created else '(password unchanged)'}"
