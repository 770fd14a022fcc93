"""The Django admin's site: superusers only. Editors and reviewers work in the Wagtail admin.

Installed as the default site (``SuperuserAdminConfig`` in ``INSTALLED_APPS`` replaces ``django.contrib.admin``),
so ``admin.site`` and every ``@admin.register`` use it; imported while apps load, so no models here.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class SuperuserAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)


class SuperuserAdminConfig(AdminConfig):
    default_site = "cms.admin_site.SuperuserAdminSite"
