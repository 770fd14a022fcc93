"""Admin for frontend integration: webhook endpoints and their delivery log, and "Preview on frontend" buttons.

* Settings → Webhooks: endpoints (create, edit, disable, delete) and the delivery log (read-only: every
  delivery with its attempts, response codes and errors).
* "Preview on frontend": page header and listing buttons for articles, listing buttons and an action-menu item
  for clinicians and centers. Each opens ``api_frontend_preview``, which mints a token for the latest saved
  revision when the user may edit the object (403 otherwise) and redirects to ``FRONTEND_PREVIEW_URL``.
"""

from __future__ import annotations

from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button, HeaderButton, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import ActionMenuItem

from .admin_views import frontend_preview, frontend_preview_url
from .events.subjects import subject_for
from .preview import user_can_preview
from .webhooks.forms import WebhookEndpointForm
from .webhooks.models import WebhookDelivery, WebhookEndpoint

PREVIEW_LABEL = "Preview on frontend"
NEW_TAB = {"target": "_blank", "rel": "noopener"}


# --- Webhooks -------------------------------------------------------------------------------------


class DeliveryLogPermissionPolicy(ModelPermissionPolicy):
    """The delivery log is written by the worker only: nobody adds or edits entries in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)


register_permission_policy(WebhookDelivery, DeliveryLogPermissionPolicy(WebhookDelivery))


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = "Endpoints"
    add_to_admin_menu = False
    edit_handler = ObjectList(
        [
            FieldPanel("url"),
            FieldPanel("description"),
            FieldPanel("secret"),
            FieldPanel("event_types"),
            FieldPanel("is_active"),
        ],
        base_form_class=WebhookEndpointForm,
    )
    list_display = ["url", "description", "is_active", "disabled_reason", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "description"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["url", "description", "event_types", "is_active", "disabled_reason", "disabled_at"]


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "list-ul"
    menu_label = "Delivery log"
    add_to_admin_menu = False
    form_fields = ["status"]  # never rendered: add/change are refused by the permission policy
    list_display = [
        Column("event", label="Event", accessor="event"),
        Column("endpoint", label="Endpoint", accessor="endpoint"),
        StatusTagColumn(
            "status", label="Status", accessor="get_status_display", primary=lambda d: d.status == "succeeded"
        ),
        "attempts",
        "last_response_code",
        "last_error",
        "next_attempt_at",
        "updated_at",
    ]
    list_filter = ["status", "endpoint"]
    search_fields = ["message_id", "last_error"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "message_id",
        "event",
        "endpoint",
        "status",
        "attempts",
        "last_response_code",
        "last_error",
        "next_attempt_at",
        "delivered_at",
        "created_at",
        "attempt_history",
    ]

    def get_queryset(self, request):
        return WebhookDelivery.objects.select_related("event", "endpoint")


class WebhooksViewSetGroup(ModelViewSetGroup):
    menu_label = "Webhooks"
    menu_icon = "link-external"
    menu_order = 900
    items = (WebhookEndpointViewSet("webhook_endpoints"), WebhookDeliveryViewSet("webhook_deliveries"))


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return WebhooksViewSetGroup()


# --- Preview on frontend -----------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_frontend_preview_url():
    return [
        path(
            "frontend-preview/<int:content_type_id>/<str:object_id>/",
            frontend_preview,
            name="api_frontend_preview",
        )
    ]


def _previewable(obj, user) -> bool:
    return obj is not None and obj.pk is not None and subject_for(obj) is not None and user_can_preview(user, obj)


@hooks.register("register_page_header_buttons")
def page_header_preview_button(page, user, next_url=None, view_name=None):
    page = page.specific_deferred if page is not None else None
    if _previewable(page, user):
        yield HeaderButton(PREVIEW_LABEL, url=frontend_preview_url(page), icon_name="view", attrs=NEW_TAB, priority=60)


@hooks.register("register_page_listing_more_buttons")
def page_listing_preview_button(page, user, next_url=None):
    page = page.specific_deferred
    if _previewable(page, user):
        yield Button(PREVIEW_LABEL, url=frontend_preview_url(page), icon_name="view", attrs=NEW_TAB, priority=60)


@hooks.register("register_snippet_listing_buttons")
def snippet_listing_preview_button(snippet, user, next_url=None):
    if _previewable(snippet, user):
        yield ListingButton(PREVIEW_LABEL, url=frontend_preview_url(snippet), attrs=NEW_TAB, priority=60)


class FrontendPreviewMenuItem(ActionMenuItem):
    name = "action-frontend-preview"
    label = PREVIEW_LABEL
    icon_name = "view"
    template_name = "api/admin/frontend_preview_menu_item.html"

    def is_shown(self, context):
        return context.get("view") == "edit" and _previewable(context.get("instance"), context["request"].user)

    def get_url(self, parent_context):
        return frontend_preview_url(parent_context["instance"])


@hooks.register("register_snippet_action_menu_item")
def snippet_preview_menu_item(model):
    if subject_for(model) is not None:
        return FrontendPreviewMenuItem(order=90)
    return None
