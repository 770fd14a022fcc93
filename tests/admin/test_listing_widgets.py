"""Centers list programs with their modality; vocabularies are offered as checkboxes, not Ctrl-click selects."""

from __future__ import annotations

import pytest
from django.urls import reverse

from providers.models import LevelOfCare
from tests.factories.pages import ArticlePageFactory
from tests.factories.providers import CenterProgramFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db


def test_the_centers_list_shows_each_programs_modality(client, admin_user):
    center = TreatmentCenterFactory(name="Arizona IOP")
    iop = LevelOfCare.objects.get(slug="intensive-outpatient")
    CenterProgramFactory(center=center, level_of_care=iop, modality="in_person", sort_order=0)
    CenterProgramFactory(center=center, level_of_care=iop, modality="telehealth", sort_order=1)
    client.force_login(admin_user)
    html = client.get(reverse("wagtailsnippets_providers_treatmentcenter:list")).content.decode()
    assert f"{iop.name} — in person, {iop.name} — telehealth" in html


def test_article_topics_and_levels_of_care_are_checkboxes(client, admin_user):
    article = ArticlePageFactory()
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert 'type="checkbox" name="topics"' in html
    assert 'type="checkbox" name="levels_of_care"' in html
    assert '<select name="topics"' not in html and "multiple" not in html.split('name="levels_of_care"')[0][-200:]
