"""The worker runs the scheduled jobs itself: due articles go live, expired ones go offline, no cron needed."""

from __future__ import annotations

import datetime

import psycopg
import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Revision

from cms.models import ScheduledJob
from cms.worker.loop import ResilientWorker
from cms.worker.schedule import JOBS, Job, claim
from pages.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db

PUBLISH = next(job for job in JOBS if job.name == "publish_scheduled")
DAILY = next(job for job in JOBS if job.name == "daily_checks")


@pytest.fixture
def medical_reviewer(db):
    return factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")


def run_worker_once() -> None:
    """One pass of the real worker loop: scheduled jobs, then queued tasks until none is left."""
    worker = ResilientWorker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    worker.run()


def a_minute_passes() -> None:
    earlier = timezone.now() - datetime.timedelta(minutes=2)
    ScheduledJob.objects.filter(name="publish_scheduled").update(last_started_at=earlier)


@pytest.mark.django_db(transaction=True)  # the worker loop manages its connections like a real worker
def test_the_worker_publishes_a_due_article_and_later_unpublishes_it_when_it_expires(medical_reviewer):
    page = factories.draft_article(title="Scheduled article")
    revision = page.get_latest_revision()
    factories.sign(revision, medical_reviewer)
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))

    run_worker_once()

    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live and page.live_revision_id == revision.pk

    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
    run_worker_once()
    assert ArticlePage.objects.get(pk=page.pk).live, "publish_scheduled ran again within its minute"

    a_minute_passes()
    run_worker_once()
    page = ArticlePage.objects.get(pk=page.pk)
    assert not page.live and page.expired


def test_each_job_runs_once_per_period():
    now = timezone.now()
    assert claim(PUBLISH, now) and claim(DAILY, now)
    assert not claim(PUBLISH, now + datetime.timedelta(seconds=59))
    assert claim(PUBLISH, now + datetime.timedelta(seconds=61))
    assert not claim(DAILY, now + datetime.timedelta(seconds=61))
    tomorrow = timezone.localtime(now).replace(hour=0, minute=0, second=1) + datetime.timedelta(days=1)
    assert claim(DAILY, tomorrow)


@pytest.mark.django_db(transaction=True)
def test_a_failing_job_is_recorded_and_does_not_stop_the_others(monkeypatch):
    def explode(out):
        raise RuntimeError("mail server on fire")

    monkeypatch.setattr("cms.worker.schedule.JOBS", (Job("daily_checks", explode, daily=True), PUBLISH))
    run_worker_once()
    assert ScheduledJob.objects.get(name="daily_checks").last_error == "RuntimeError: mail server on fire"
    assert ScheduledJob.objects.get(name="publish_scheduled").last_finished_at is not None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_job_locked_by_another_worker_is_skipped():
    assert claim(PUBLISH, timezone.now())
    later = timezone.now() + datetime.timedelta(minutes=5)
    params = connection.get_connection_params()
    with psycopg.connect(
        host=params.get("host"), port=params.get("port"), user=params.get("user"), dbname=params["dbname"]
    ) as other_worker:
        other_worker.execute("SELECT 1 FROM cms_scheduledjob WHERE name = 'publish_scheduled' FOR UPDATE")
        assert not claim(PUBLISH, later), "ran the job while another worker held it"
    assert claim(PUBLISH, later)
