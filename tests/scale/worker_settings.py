"""Settings for a real ``db_worker`` subprocess started by a test: the test settings with the database queue."""

from cms.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
WEBHOOKS_TIMEOUT_SECONDS = 1
WEBHOOKS_STALE_CLAIM_SECONDS = 3
WEBHOOKS_SWEEP_SECONDS = 1
