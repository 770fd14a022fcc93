"""Mixed public API traffic for `make loadtest` (run by loadtest/run.py; usable with plain `locust -f` too).

Weights follow a typical frontend: article lists and details dominate, then search, centers near a point and
conditional requests that should answer 304 from the cache.
"""

from __future__ import annotations

import random

from locust import HttpUser, between, events, task

SLUGS: list[str] = []
LIST_PAGES = [1]
ETAGS: dict[str, str] = {}
POINTS = [(33.509, -112.07), (40.71, -74.0), (34.05, -118.24), (41.88, -87.63)]
TERMS = ["depression", "anxiety", "outpatient", "therapy", "treatment", "sleep"]


@events.test_start.add_listener
def load_slugs(environment, **kwargs) -> None:
    """A sample of article slugs to request (the first pages of the list)."""
    import json
    import urllib.request

    for page in range(1, 6):
        url = f"{environment.host}/api/v1/articles/?page_size=100&page={page}"
        with urllib.request.urlopen(url, timeout=30) as response:
            body = json.loads(response.read())
        SLUGS.extend(item["slug"] for item in body["results"])
        LIST_PAGES[0] = max(1, min(50, body["count"] // 20))
        if not body.get("next"):
            break


class ApiReader(HttpUser):
    wait_time = between(0.05, 0.2)

    @task(4)
    def article_list(self) -> None:
        self.client.get(f"/api/v1/articles/?page={random.randint(1, LIST_PAGES[0])}", name="/api/v1/articles/?page=N")

    @task(6)
    def article_detail(self) -> None:
        self.client.get(f"/api/v1/articles/{random.choice(SLUGS)}/", name="/api/v1/articles/{slug}/")

    @task(2)
    def search(self) -> None:
        self.client.get(f"/api/v1/search/?q={random.choice(TERMS)}", name="/api/v1/search/?q=…")

    @task(2)
    def centers_near(self) -> None:
        lat, lng = random.choice(POINTS)
        self.client.get(f"/api/v1/centers/?near={lat},{lng}&radius_km=100", name="/api/v1/centers/?near=…")

    @task(3)
    def conditional(self) -> None:
        slug = random.choice(SLUGS[:20])
        url = f"/api/v1/articles/{slug}/"
        headers = {"If-None-Match": ETAGS[slug]} if slug in ETAGS else {}
        with self.client.get(
            url, headers=headers, name="/api/v1/articles/{slug}/ (conditional)", catch_response=True
        ) as r:
            if r.status_code == 200 and r.headers.get("ETag"):
                ETAGS[slug] = r.headers["ETag"]
                r.success()
            elif r.status_code == 304:
                r.success()
