"""The data migration: groups with sensible permissions and the review workflow on every article index."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from pages.review.workflow_setup import review_workflow
from tests import factories

pytestmark = pytest.mark.django_db


def test_editors_can_edit_and_publish_pages_reviewers_cannot_publish():
    editors, reviewers = Group.objects.get(name="Editors"), Group.objects.get(name="Clinical reviewers")
    root = Page.get_first_root_node()
    editor_codenames = set(
        GroupPagePermission.objects.filter(group=editors, page=root).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page", "publish_page"} <= editor_codenames
    assert not GroupPagePermission.objects.filter(group=reviewers).exists()
    for group in (editors, reviewers):
        assert group.permissions.filter(codename="access_admin").exists()


def test_every_article_index_gets_the_workflow():
    index = factories.article_index()
    assert WorkflowPage.objects.get(page=index).workflow == review_workflow()
    other = index.get_parent().add_child(instance=type(index)(title="News", slug="news"))
    assert other.get_workflow() == review_workflow()


def test_review_workflow_exists_with_the_clinical_review_task():
    workflow = review_workflow()
    assert workflow is not None and workflow.active
    assert [task.specific.get_verbose_name() for task in workflow.tasks] == ["Clinical review task"]
