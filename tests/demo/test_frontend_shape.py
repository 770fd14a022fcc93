"""What a frontend gets from the demo: every call to action, images with renditions, contacts, listing routes."""

from __future__ import annotations

import pytest

from demo.article import BODY

pytestmark = pytest.mark.django_db

CTA_LABELS = [action["label"] for kind, *args in BODY if kind == "cta" for action in args]


def test_the_seed_has_ten_call_to_action_labels():
    assert len(CTA_LABELS) == 10


def test_every_seed_call_to_action_label_is_in_the_api(demo, api_client):
    article = api_client.get("/api/v1/articles/iop-for-depression/").json()
    actions = {
        action["label"]: action
        for block in article["body"]
        if block["type"] == "call_to_action"
        for action in (block["value"]["primary"], block["value"]["secondary"])
        if action
    }
    assert sorted(actions) == sorted(CTA_LABELS)
    assert actions["Learn your treatment options"]["url"] == "/resources/"
    assert api_client.get("/api/v1/routes/", {"path": "/resources/"}).json()["type"] == "article_index"


def test_demo_images_come_with_renditions_alt_and_focal_point(demo, api_client):
    hero = api_client.get("/api/v1/articles/iop-for-depression/").json()["hero_image"]
    assert (hero["width"], hero["height"]) == (1600, 900)
    assert hero["alt"] and hero["focal_point"]["x"] > 0
    assert set(hero["renditions"]) == {"thumbnail", "medium", "large"}
    photo = api_client.get("/api/v1/providers/alex-spritzer/").json()["photo"]
    assert photo["renditions"]["thumbnail"] == {**photo["renditions"]["thumbnail"], "width": 400, "height": 300}


def test_demo_centers_have_contacts_and_accreditations(demo, api_client):
    center = api_client.get("/api/v1/centers/arizona-iop-phoenix-sample/").json()
    assert {contact["kind"] for contact in center["contacts"]} == {"phone", "email", "intake"}
    assert [item["body_name"] for item in center["accreditations"]] == ["The Joint Commission", "CARF International"]
