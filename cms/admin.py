from django.contrib import admin

from cms.models import ScheduledJob


@admin.register(ScheduledJob)
class ScheduledJobAdmin(admin.ModelAdmin):
    """Read-only: when each scheduled job last ran and how it ended (the worker writes these rows)."""

    list_display = ("name", "last_started_at", "last_finished_at", "last_error")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
