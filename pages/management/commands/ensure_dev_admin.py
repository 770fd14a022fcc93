"""Create (once) a local superuser for development and print its credentials."""

from __future__ import annotations

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create a local admin user for development (refused when DEBUG is off) and print its credentials."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin is for local development only (DEBUG is off).")
        username = os.environ.get("DEV_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEV_ADMIN_PASSWORD", "verity-admin")
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.com", "is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(password)
            user.save()
        state = "created" if created else "exists"
        self.stdout.write(
            self.style.SUCCESS(f"Local admin ({state}): http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/ ")
            + f"username={username} password={password if created else '(unchanged)'}"
        )
