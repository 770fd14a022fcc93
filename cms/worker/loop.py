"""django-tasks-db's ``Worker`` with a loop that never exits on a database error.

Upstream's loop re-raises any ``OperationalError`` other than "database is locked", so a PostgreSQL restart
kills the worker. Here each pass (scheduled jobs, then at most one task) runs under a guard: a database error is
logged, the broken connections are dropped, and the worker waits (1 s, doubling up to 30 s) before trying again
with fresh connections. Signals keep upstream's meaning: the first SIGTERM/SIGINT stops after the current task.
"""

from __future__ import annotations

import contextlib
import logging
import time

from django.db import DatabaseError, OperationalError, close_old_connections, connections
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from cms.worker.schedule import run_due_jobs

logger = logging.getLogger("verity.worker")

MAX_BACKOFF_SECONDS = 30.0


class ResilientWorker(Worker):
    def __init__(self, *, scheduler: bool = True, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.scheduler = scheduler

    def run(self) -> None:
        logger.info("Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names))
        backoff = 1.0
        while self.running:
            try:
                close_old_connections()
                if self.scheduler:
                    run_due_jobs()
                ran_task = self.run_next_task()
                close_old_connections()
            except DatabaseError as exc:
                if self.batch:
                    raise  # a one-off run reports the error instead of waiting for the database
                logger.warning("Database error in the worker loop, retrying in %.0fs: %s", backoff, exc)
                drop_connections()
                time.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
                continue
            backoff = 1.0
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                logger.info("Ran the maximum of %d tasks; exiting.", self._run_tasks)
                return
            if self.batch and not ran_task:
                logger.info("No more tasks to run; exiting.")
                return
            if self.running and not ran_task:
                time.sleep(self.interval)

    def run_next_task(self) -> bool:
        """Claim and run one ready task; False when there was none (or the queue is locked on SQLite)."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)  # so no other worker runs it
        except DatabaseError as exc:
            if isinstance(exc, OperationalError) and exc.args and is_locked_database_exception(exc):
                return False  # SQLite is busy; it unlocks eventually
            raise
        if task_result is None:
            return False
        self.run_task(task_result)
        return True


def drop_connections() -> None:
    """Close every database connection, ignoring errors from ones that are already broken."""
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(DatabaseError):
            connection.close()
