"""The background worker: django-tasks-db's task loop made to survive database faults, plus a scheduler."""
