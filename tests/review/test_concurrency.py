"""W4: two reviewers approve and reject the same task at the same moment: one wins, the other is told, no 500."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from wagtail.models import TaskState

from pages.models import ArticlePage
from pages.review.errors import ReviewConflictError
from pages.review.hashing import revision_fingerprint
from pages.review.models import SignOff
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_concurrent_approve_and_reject_have_exactly_one_winner(editor_user, medical_reviewer, clinical_reviewer):
    page = factories.draft_article()
    page.get_workflow().start(page, editor_user)
    task_state = ArticlePage.objects.get(pk=page.pk).current_workflow_task_state
    task_state_id = task_state.pk
    shown = {"revision": task_state.revision_id, "fingerprint": revision_fingerprint(task_state.revision)}

    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def review(name: str, user, action: str, data: dict) -> None:
        try:
            task_state = TaskState.objects.get(pk=task_state_id).specific  # both read "in progress"
            barrier.wait(timeout=10)
            task_state.task.specific.on_action(task_state, user, action, **data)
            outcomes[name] = "won"
        except ReviewConflictError:
            outcomes[name] = "conflict"
        except Exception as error:  # noqa: BLE001 - anything else is the bug this test exists to catch
            outcomes[name] = f"error: {error!r}"
        finally:
            connection.close()

    threads = [
        threading.Thread(
            target=review,
            args=(
                "approve",
                medical_reviewer,
                "approve",
                {**shown, "decision": "approved", "attestation": True, "note": ""},
            ),
        ),
        threading.Thread(
            target=review,
            args=(
                "reject",
                clinical_reviewer,
                "reject",
                {"decision": "changes_requested", "note": "Fix the statistic."},
            ),
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["conflict", "won"], outcomes
    assert SignOff.objects.count() == 1
    winner = SignOff.objects.get()
    page = ArticlePage.objects.get(pk=page.pk)
    if winner.decision == "approved":
        assert page.live and outcomes["approve"] == "won"
    else:
        assert not page.live and outcomes["reject"] == "won"
    assert TaskState.objects.get(pk=task_state_id).status in (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED)
