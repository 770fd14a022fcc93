"""Content events: the change-feed log and the source of webhooks and cache purges.

``record_event(event_type, obj)`` is the only writer of :class:`ContentEvent`; signal handlers in
:mod:`api.events.handlers` call it on publish, unpublish and delete, and ``manage.py daily_checks`` on
compliance notices.
"""

from .recording import record_event

__all__ = ["record_event"]
