"""Manage webhook endpoints from a terminal.

manage.py webhooks add URL [--secret whsec_…] [--events article.published,article.unpublished] [--description …]
manage.py webhooks list
manage.py webhooks remove ID
manage.py webhooks test ID        # send a signed webhook.test ping now and print the answer
manage.py webhooks retry          # attempt every delivery that is due (safety net for the worker)
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from api.webhooks.delivery import send_test
from api.webhooks.models import WebhookEndpoint, validate_event_types
from api.webhooks.tasks import deliver_due


class Command(BaseCommand):
    help = "Add, list, remove and test webhook endpoints; retry due deliveries."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Add an endpoint (prints its id and secret).")
        add.add_argument("url")
        add.add_argument("--secret", default="", help="whsec_<base64>; generated when omitted.")
        add.add_argument("--events", default="", help="Comma-separated event types; all events when omitted.")
        add.add_argument("--description", default="")
        actions.add_parser("list", help="List endpoints.")
        remove = actions.add_parser("remove", help="Delete an endpoint and its delivery log.")
        remove.add_argument("id", type=int)
        test = actions.add_parser("test", help="Send a signed webhook.test ping to an endpoint.")
        test.add_argument("id", type=int)
        actions.add_parser("retry", help="Attempt every delivery that is due now.")

    def handle(self, *args, action: str, **options) -> None:
        getattr(self, f"handle_{action}")(**options)

    def handle_add(self, url: str, secret: str, events: str, description: str, **options) -> None:
        event_types = [name.strip() for name in events.split(",") if name.strip()]
        endpoint = WebhookEndpoint(url=url, secret=secret, event_types=event_types, description=description)
        try:
            validate_event_types(event_types)
            endpoint.full_clean(exclude=["secret"] if not secret else None)
            endpoint.save()
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"Added endpoint {endpoint.pk}: {endpoint.url}")
        self.stdout.write(f"Events: {', '.join(endpoint.event_types) or 'all'}")
        self.stdout.write(f"Secret: {endpoint.secret}")

    def handle_list(self, **options) -> None:
        endpoints = WebhookEndpoint.objects.order_by("id")
        if not endpoints:
            self.stdout.write("No webhook endpoints.")
        for endpoint in endpoints:
            state = "active" if endpoint.is_active else f"disabled ({endpoint.disabled_reason or 'by an admin'})"
            events = ",".join(endpoint.event_types) or "all"
            self.stdout.write(f"{endpoint.pk}\t{endpoint.url}\t{state}\tevents={events}")

    def handle_remove(self, id: int, **options) -> None:
        deleted, _ = WebhookEndpoint.objects.filter(pk=id).delete()
        if not deleted:
            raise CommandError(f"No webhook endpoint with id {id}.")
        self.stdout.write(f"Removed endpoint {id}.")

    def handle_test(self, id: int, **options) -> None:
        try:
            endpoint = WebhookEndpoint.objects.get(pk=id)
        except WebhookEndpoint.DoesNotExist:
            raise CommandError(f"No webhook endpoint with id {id}.") from None
        result = send_test(endpoint)
        if not result.ok:
            answer = f"HTTP {result.status}" if result.status is not None else result.error
            raise CommandError(f"Test ping to {endpoint.url} failed: {answer}")
        self.stdout.write(f"Test ping delivered to {endpoint.url}: HTTP {result.status} in {result.duration_ms} ms")

    def handle_retry(self, **options) -> None:
        attempted = deliver_due()
        self.stdout.write(f"Attempted {attempted} due deliveries.")
