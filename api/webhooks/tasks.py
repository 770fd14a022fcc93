"""Background tasks (django-tasks; the database backend's worker is ``manage.py db_worker``)."""

from __future__ import annotations

from django_tasks import task


@task(queue_name="default")
def deliver_webhook(delivery_id: int) -> str | None:
    """Make the next attempt of one webhook delivery; returns its status afterwards."""
    from .delivery import attempt_delivery

    delivery = attempt_delivery(delivery_id)
    return delivery.status if delivery is not None else None
