"""The background worker: webhook deliveries and other queued tasks, plus the scheduled jobs.

    manage.py run_worker                  # what `make run` and docker-compose start
    manage.py run_worker --no-scheduler   # tasks only (when another process runs the schedule)

Takes django-tasks-db's ``db_worker`` options. Unlike ``db_worker`` it never exits on a database error: it
waits and reconnects (see cms/worker/loop.py). It also runs ``publish_scheduled`` every minute and
``daily_checks`` once a day (cms/worker/schedule.py); the last run is kept in the database, so any number of
workers run each job once.
"""

from __future__ import annotations

import os
from argparse import ArgumentParser
from typing import Any

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from cms.worker.loop import ResilientWorker


class Command(DbWorkerCommand):
    help = "Run queued tasks and the scheduled jobs; rides out database restarts."
    requires_system_checks: list[str] = []  # start even while the database is still down

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--no-scheduler",
            action="store_false",
            dest="scheduler",
            help="Only run queued tasks; leave publish_scheduled and daily_checks to another worker.",
        )

    def handle(self, **options: Any) -> None:
        reload, batch, scheduler = options["reload"], options["batch"], options["scheduler"]
        self.configure_logging(options["verbosity"])
        exclude = options.pop("exclude_queues")
        worker = ResilientWorker(
            scheduler=scheduler,
            queue_names=options["queue_name"].split(","),
            excluded_queue_names=exclude.split(",") if exclude else [],
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
