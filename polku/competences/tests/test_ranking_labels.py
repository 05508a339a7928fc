"""ESCO labels imported into the database (`polku esco import`) reach the ranker of the suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from polku.competences import ranking, services
from polku.competences.models import ProfileSkill
from polku.esco.models import Label, Release
from polku.testing import factories as f

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "esco" / "tests" / "fixtures"
LIFT_HEAVY_WEIGHTS = "http://data.europa.eu/esco/skill/ab2bb44a-3956-4028-8715-8b70b1960b99"
# "painavia kuormia" / "tunga laster" are only in the fixture's labels, not in the shipped glossaries.
FINNISH = "Olen nostanut työssäni painavia kuormia."
SWEDISH = "Jag har lyft tunga laster."


def _suggested(person) -> dict[str, ProfileSkill]:
    rows = ProfileSkill.objects.filter(person=person, status=ProfileSkill.Status.SUGGESTED)
    return {row.skill.uri: row for row in rows.select_related("skill")}


def _import(folder: str) -> None:
    call_command("esco", "import", str(FIXTURES / folder), verbosity=0)


@pytest.mark.parametrize(
    ("folder", "language", "text", "words"),
    [
        ("v1.1.1-fi", "fi", FINNISH, ("painavia", "kuormia")),
        ("v1.1.1-sv", "sv", SWEDISH, ("tunga", "laster")),
    ],
)
def test_an_imported_label_is_suggested_from_a_text_in_its_language(
    esco_loaded, folder, language, text, words
):
    person = f.PersonFactory()
    services.suggest_from_text(person=person, text=text, language=language, actor=None)
    assert LIFT_HEAVY_WEIGHTS not in _suggested(person)  # the shipped English data alone does not know it

    _import(folder)
    services.suggest_from_text(person=person, text=text, language=language, actor=None)

    suggested = _suggested(person)
    assert LIFT_HEAVY_WEIGHTS in suggested
    evidence = suggested[LIFT_HEAVY_WEIGHTS].evidence.get().text
    assert all(word in evidence for word in words)


def test_labels_follow_the_database_when_they_go_and_come_back(esco_loaded):
    assert ranking.taxonomy_key("fi") is None
    _import("v1.1.1-fi")
    key = ranking.taxonomy_key("fi")
    assert key is not None and key[0] == 1
    found = ranking.rank(FINNISH, language="fi", skip_skills=set(), skip_occupations=set())
    assert LIFT_HEAVY_WEIGHTS in {s.uri for s in found.skills}
    assert "fi" in ranking.ranker().skills.native

    # Gone from the database (another process removed them): the ranker drops them on the next call.
    Label.objects.filter(language="fi").delete()
    Release.objects.filter(language="fi").delete()
    found = ranking.rank(FINNISH, language="fi", skip_skills=set(), skip_occupations=set())
    assert LIFT_HEAVY_WEIGHTS not in {s.uri for s in found.skills}
    assert "fi" not in ranking.ranker().skills.native

    _import("v1.1.1-fi")  # and back: a new Release row, a new key
    assert ranking.taxonomy_key("fi") != key
    found = ranking.rank(FINNISH, language="fi", skip_skills=set(), skip_occupations=set())
    assert LIFT_HEAVY_WEIGHTS in {s.uri for s in found.skills}


def test_an_english_text_leaves_other_languages_unindexed(esco_loaded):
    ranking.reset()
    _import("v1.1.1-sv")
    ranking.rank("I lifted heavy loads.", language="en", skip_skills=set(), skip_occupations=set())
    assert "sv" not in ranking.ranker().skills.native  # indexed on the first Swedish text, not before
    ranking.rank(SWEDISH, language="sv", skip_skills=set(), skip_occupations=set())
    assert "sv" in ranking.ranker().skills.native
