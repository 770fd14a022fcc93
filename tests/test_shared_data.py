"""``tests.shared_data``: data built once per module, each test in its own savepoint, rolled back afterwards."""

from __future__ import annotations

import pytest

from providers.models import Topic
from tests.factories.providers import TopicFactory
from tests.shared_data import shared_transaction

pytestmark = pytest.mark.django_db

SLUG = "built-once-for-this-module"


def build() -> Topic:
    return TopicFactory(slug=SLUG, name="As built")


@pytest.fixture(scope="module")
def shared_topic(django_db_setup, django_db_blocker):
    yield from shared_transaction(django_db_blocker, build)


def test_a_test_changes_and_adds_to_the_shared_data(shared_topic):
    Topic.objects.filter(pk=shared_topic.pk).update(name="Changed by a test")
    TopicFactory(slug="added-by-a-test")
    assert Topic.objects.get(slug=SLUG).name == "Changed by a test"


def test_the_next_test_finds_it_as_built(shared_topic):
    assert Topic.objects.get(pk=shared_topic.pk).name == "As built"
    assert not Topic.objects.filter(slug="added-by-a-test").exists()


def test_closing_the_shared_transaction_removes_what_it_built(django_db_blocker):
    """The module's end, replayed inside this test (whose own savepoint keeps the module's topic out of it)."""
    Topic.objects.filter(slug=SLUG).delete()
    shared = shared_transaction(django_db_blocker, lambda: TopicFactory(slug=SLUG, name="Another"))
    assert next(shared).name == "Another" and Topic.objects.filter(slug=SLUG).exists()
    shared.close()
    assert not Topic.objects.filter(slug=SLUG).exists()
