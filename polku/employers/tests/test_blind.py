"""The blind profile, field by field: exactly these keys, and nothing that identifies the person anywhere
in what an employer receives (the selector's output, the API's JSON, the need page's HTML)."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone, translation

from polku.employers.selectors import BLIND_KEYS, blind_profile, candidate_ref
from polku.employers.tests.factories import scene
from polku.participants.models import EntryData
from polku.testing import factories as f


@pytest.fixture
def s(world):
    world.employer = f.UserFactory(email="rep@example.org")
    f.membership(world.employer, f.Role.EMPLOYER, partner=world.a)
    world.scene = scene(world)
    EntryData.objects.update_or_create(
        participation=world.part_a,
        defaults={"date_of_birth": "1990-04-03", "gender": "woman", "citizenship": "non_eu"},
    )
    return world


def _identifying(world) -> list[str]:
    person = world.part_a.person
    return [
        person.first_name,
        person.last_name,
        person.email,
        person.phone,
        "1990",
        "Secret Employer",
        "Tampere",  # where they live
        "Syria",
        "woman",
    ]


def test_the_exact_keys_and_values(s):
    with translation.override("fi"):
        profile = blind_profile(
            participation=s.part_a, employer_id=s.scene.employer.pk, language="fi", today=timezone.localdate()
        )
    assert (
        set(profile) == BLIND_KEYS == {"ref", "skills", "languages", "education", "experience_years", "goals"}
    )
    assert profile["skills"] == ["käyttää Pythonia"]  # the reader's language, never a URI
    assert [row["language"] for row in profile["languages"]] == ["Arabia", "Suomi"]
    assert profile["languages"][1]["level"].endswith("(B2)")
    assert profile["experience_years"] == 5
    assert profile["ref"] == candidate_ref(participation_id=s.part_a.pk, employer_id=s.scene.employer.pk)
    assert len(profile["goals"]) == 1
    text = json.dumps(profile, ensure_ascii=False)
    for value in _identifying(s):
        assert value not in text, value
    assert "esco" not in text


def test_refs_differ_between_employers(s):
    assert candidate_ref(participation_id=s.part_a.pk, employer_id=1) != candidate_ref(
        participation_id=s.part_a.pk, employer_id=2
    )


def test_nothing_identifying_in_the_api_or_the_page(s, client):
    client.force_login(s.employer)
    api = client.get(f"/api/v1/talent-needs/{s.scene.need.pk}/candidates/")
    assert api.status_code == 200
    rows = api.json()
    assert len(rows) == 1 and set(rows[0]["profile"]) == BLIND_KEYS
    page = client.get(f"/employers/needs/{s.scene.need.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert rows[0]["profile"]["ref"] in html
    body = json.dumps(rows, ensure_ascii=False)
    for value in _identifying(s):
        if value == "Tampere":  # the need's own place is on its page; the person's is never said
            assert "Lives where the work is" in body
            continue
        assert value not in body, value
        assert value not in html, value
