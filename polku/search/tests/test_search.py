"""The staff's global search: every kind found, partner isolation, a search too long, the API."""

from __future__ import annotations

from django.urls import reverse
from rest_framework.test import APIClient

from polku.accounts.access import access_for
from polku.search.selectors import global_search
from polku.testing import factories as f


def test_finds_people_of_the_readers_partners_only(world):
    coord_a = access_for(world.coord_a)
    assert [p.pk for p in global_search(access=coord_a, q="yusuf").people] == [world.part_a.pk]
    # Bogdan is a participant of partner b: never found by partner a's coordinator, by any word
    assert global_search(access=coord_a, q="Kovalenko").people == []
    assert [p.pk for p in global_search(access=access_for(world.coord_b), q="Kovalenko").people] == [
        world.part_b.pk
    ]
    assert global_search(access=coord_a, q="y").count == 0  # one letter: nothing yet


def test_finds_activities_and_organisations_by_every_word(world):
    activity = f.ActivityFactory(project=world.project, partner=world.a, name="Job club for welders")
    coord_a = access_for(world.coord_a)
    found = global_search(access=coord_a, q="welders club")
    assert found.activities == [activity]
    name = world.a.organisation.name
    assert world.a.organisation in global_search(access=coord_a, q=name.split()[0]).organisations


def test_page_lists_results_and_a_search_too_long_says_so(client, world):
    client.force_login(world.coord_a)
    html = client.get(reverse("search:search"), {"q": "Yusuf"}).content.decode()
    assert "Amina Yusuf" in html and reverse("participants:detail", args=[world.part_a.pk]) in html
    long_query = "Yusuf" + "x" * 100
    html = client.get(reverse("search:search"), {"q": long_query}).content.decode()
    assert "The search is too long (105 characters): use at most 100." in html
    assert f'value="{long_query}"' in html and "Amina Yusuf" not in html
    partial = client.get(
        reverse("search:search"), {"q": "Yusuf"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="search-results"
    ).content.decode()
    assert "Amina Yusuf" in partial and "<html" not in partial


def test_api(world):
    api = APIClient()
    api.force_authenticate(world.coord_b)
    body = api.get("/api/v1/search/", {"q": "Yusuf"}).json()
    assert body["people"] == []  # partner a's participant
    api.force_authenticate(world.coord_a)
    body = api.get("/api/v1/search/", {"q": "Yusuf"}).json()
    assert [p["id"] for p in body["people"]] == [world.part_a.pk]
    assert api.get("/api/v1/search/", {"q": "x" * 101}).status_code == 400
