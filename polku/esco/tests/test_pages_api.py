"""ESCO pages and API on the shipped data (loaded in the test database at creation)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from polku.esco.models import Concept
from polku.esco.tests.test_import import FI, FORKLIFT, WAREHOUSE
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return f.UserFactory(email="reader@example.org")


@pytest.fixture
def finnish(esco_loaded):
    call_command("esco", "import", str(FI), verbosity=0)


def test_search_in_finnish_with_english_fallback_marked(client, user, finnish):
    client.force_login(user)
    with translation.override("fi"):
        page = client.get(reverse("esco:search"), {"q": "trukki"}, HTTP_ACCEPT_LANGUAGE="fi")
    html = page.content.decode()
    assert page.status_code == 200
    assert "käyttää haarukkatrukkia" in html
    assert "ESCO" in html and "CC BY 4.0" in html
    # A skill without a Finnish label shows its English label, marked as English.
    page = client.get(reverse("esco:search"), {"q": "forklift", "kind": "skill"}, HTTP_ACCEPT_LANGUAGE="fi")
    assert 'lang="en"' in page.content.decode()


def test_concept_page_of_an_occupation(client, user, finnish):
    client.force_login(user)
    warehouse = Concept.objects.get(uri=WAREHOUSE)
    html = client.get(
        reverse("esco:concept", args=[warehouse.pk]), HTTP_ACCEPT_LANGUAGE="sv"
    ).content.decode()
    assert "warehouse worker" in html and "varastotyöntekijä" in html  # every loaded language
    assert "lift heavy weights" in html  # an essential skill
    assert "Freight handlers" in html  # its ISCO group
    assert "CC BY 4.0" in html


def test_concept_page_of_a_skill(client, user, esco_loaded):
    client.force_login(user)
    python = Concept.objects.get(uri="http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")
    html = client.get(reverse("esco:concept", args=[python.pk])).content.decode()
    assert "software developer" in html  # an occupation that needs it
    assert "Digital skills" in html
    assert client.get(reverse("esco:concept", args=[999999999])).status_code == 404


def test_releases_page(client, user, finnish):
    client.force_login(user)
    html = client.get(reverse("esco:releases")).content.decode()
    assert "v1.1.1" in html and "13896" in html.replace(",", "").replace("\xa0", "")
    assert ">fi<" in html


def test_api_search_detail_and_releases(user, finnish):
    api = APIClient()
    api.force_authenticate(user)
    body = api.get("/api/v1/esco/concepts/", {"q": "trukki", "lang": "fi"}).json()
    assert body["count"] >= 1
    assert body["results"][0] == {
        "id": Concept.objects.get(uri=FORKLIFT).pk,
        "uri": FORKLIFT,
        "kind": "skill",
        "label": "käyttää haarukkatrukkia",
        "language": "fi",
    }
    page = api.get("/api/v1/esco/concepts/", {"q": "operate", "kind": "skill", "page_size": "5"}).json()
    assert page["count"] > 5 and len(page["results"]) == 5 and page["next"]
    assert api.get("/api/v1/esco/concepts/", {"q": "x", "kind": "planet"}).status_code == 400

    detail = api.get("/api/v1/esco/concepts/by-uri/", {"uri": WAREHOUSE, "lang": "fi"}).json()
    assert detail["label"] == "varastotyöntekijä"
    assert {lab["language"] for lab in detail["labels"]} == {"en", "fi"}
    assert any(s["label"] == "nostaa raskaita taakkoja" for s in detail["essential"])
    assert api.get(f"/api/v1/esco/concepts/{detail['id']}/").json()["uri"] == WAREHOUSE
    assert api.get("/api/v1/esco/concepts/by-uri/", {"uri": "http://example.org/x"}).status_code == 404
    releases = api.get("/api/v1/esco/releases/").json()
    assert {(r["version"], r["language"]) for r in releases} >= {("v1.1.1", "en"), ("v1.1.1", "fi")}
