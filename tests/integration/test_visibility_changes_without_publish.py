"""What stops (or starts) being public without an announced publish must not linger in cached responses.

* an article whose ``expire_at`` passes is hidden at once, before ``publish_scheduled`` runs (P5), and cached
  responses containing it — and the Cache-Control shared caches get — end at that moment;
* adding a view restriction above a live article hides it everywhere and announces ``article.unpublished``
  (P4); removing it announces ``article.published`` again;
* unpublishing a clinician that was never announced (created live by an import) still purges cached lists.
"""

from __future__ import annotations

import datetime
import re
import time

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from api.events.models import ContentEvent
from tests.factories import public_article, publish
from tests.factories.providers import ProviderFactory

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    return [item["slug"] for item in response.json()["results"]]


# Long enough for a signed publish on a loaded 2-core machine to finish with the article still live (3 s was
# not, with other suites running beside this one).
EXPIRES_IN = 8


def test_an_article_leaves_cached_detail_and_lists_the_moment_it_expires(
    api_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = public_article(title="Expiring soon")
        article.expire_at = timezone.now() + datetime.timedelta(seconds=EXPIRES_IN)
        article = publish(article)
    url = f"/api/v1/articles/{article.slug}/"

    first = api_client.get(url)
    assert (first.status_code, first["X-Cache"]) == (200, "stored")
    max_age = int(re.search(r"max-age=(\d+)", first["Cache-Control"]).group(1))
    assert max_age <= EXPIRES_IN and "stale-while-revalidate" not in first["Cache-Control"]
    listing = api_client.get("/api/v1/articles/")  # shared caches must not keep the list past the expiry either
    assert article.slug in slugs(listing)
    assert int(re.search(r"max-age=(\d+)", listing["Cache-Control"]).group(1)) <= EXPIRES_IN
    route = api_client.get("/api/v1/routes/", {"path": first.json()["path"]})  # response store, same rule
    assert (route.status_code, api_client.get("/api/v1/routes/", {"path": first.json()["path"]})["X-Cache"]) == (
        200,
        "hit",
    )

    time.sleep(max(0.0, (article.expire_at - timezone.now()).total_seconds()) + 0.2)

    gone = api_client.get(url)
    assert gone.status_code == 404
    assert gone.json() == api_client.get("/api/v1/articles/no-such-article/").json()
    assert article.slug not in slugs(api_client.get("/api/v1/articles/"))
    assert api_client.get("/api/v1/routes/", {"path": first.json()["path"]}).status_code == 404


def test_responses_without_scheduled_changes_keep_the_configured_cache_control(api_client, settings):
    article = public_article(title="Evergreen")
    response = api_client.get(f"/api/v1/articles/{article.slug}/")
    assert response["Cache-Control"] == settings.API_CACHE_CONTROL


def test_a_view_restriction_hides_cached_articles_and_announces_it(api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = public_article(title="Soon members only")
    url = f"/api/v1/articles/{article.slug}/"
    assert api_client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=article.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="members"
        )
    assert api_client.get(url).status_code == 404
    assert article.slug not in slugs(api_client.get("/api/v1/articles/"))
    events = ContentEvent.objects.filter(object_id=str(article.pk)).order_by("id")
    assert events.last().event_type == "article.unpublished"

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert api_client.get(url).status_code == 200
    assert events.last().event_type == "article.published"


def test_unpublishing_a_never_announced_clinician_purges_cached_lists(api_client, django_capture_on_commit_callbacks):
    provider = ProviderFactory(name="Imported Clinician")  # live from the start: no publish was ever announced
    assert provider.live
    assert provider.slug in slugs(api_client.get("/api/v1/providers/"))
    assert provider.slug in api_client.get("/api/v1/sitemap/").content.decode()
    assert api_client.get("/api/v1/sitemap/")["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        provider.unpublish()

    assert provider.slug not in slugs(api_client.get("/api/v1/providers/"))
    assert provider.slug not in api_client.get("/api/v1/sitemap/").content.decode()
    assert api_client.get(f"/api/v1/providers/{provider.slug}/").status_code == 404
    assert not ContentEvent.objects.filter(object_id=str(provider.pk)).exists()  # nothing public to withdraw


def test_a_clinicians_articles_reviewed_drop_an_article_the_moment_it_expires(
    api_client, django_capture_on_commit_callbacks
):
    """The clinician's stored profile lists the article; it is rebuilt when the article's window closes, on the
    next read, without waiting for ``publish_scheduled`` to unpublish it."""
    from tests import factories

    reviewer = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    expire_at = timezone.now() + datetime.timedelta(seconds=3)
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.published_article(reviewer, slug="soon-gone", expire_at=expire_at)
    url = "/api/v1/providers/michael-vines/"
    assert [item["slug"] for item in api_client.get(url).json()["articles_reviewed"]] == [article.slug]

    time.sleep(max(0.0, (expire_at - timezone.now()).total_seconds()) + 0.2)

    assert api_client.get(url).json()["articles_reviewed"] == []
