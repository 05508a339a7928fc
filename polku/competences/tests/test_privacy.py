"""Export, anonymisation and erasure of competence profiles."""

import pytest

from polku.competences import privacy
from polku.competences.models import (
    Education,
    OccupationHeld,
    OccupationSuggestion,
    ProfileSkill,
    SkillEvidence,
)
from polku.esco.tests import factories as ef
from polku.participants.models import LanguageSkill
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def _profile():
    person = f.PersonFactory()
    other = f.PersonFactory()
    for p in (person, other):
        row = ProfileSkill.objects.create(person=p, skill=ef.skill("welding"), status="confirmed")
        SkillEvidence.objects.create(profile_skill=row, kind="cv", text="welded ships in Gdańsk")
        Education.objects.create(person=p, level="6", isced_field="07", title="BEng", institution="TU Gdańsk")
        OccupationHeld.objects.create(
            person=p, occupation=ef.occupation("welder"), title="Welder", employer="Yard"
        )
        OccupationHeld.objects.create(person=p, title="Night guard at Hotel X")
        OccupationSuggestion.objects.create(
            person=p, occupation=ef.occupation("cook"), source="text", evidence="cook"
        )
        LanguageSkill.objects.create(person=p, language="pl", level="native", writing="C2")
    return person, other


def test_export_has_every_part():
    person, _other = _profile()
    sections = privacy.export(person)
    assert set(sections) == {
        "competences.skills",
        "competences.education",
        "competences.occupations",
        "competences.occupation_suggestions",
        "competences.language_levels",
    }
    assert sections["competences.skills"]["records"][0]["evidence"] == ["CV: welded ships in Gdańsk"]
    assert sections["competences.language_levels"]["records"][0]["writing"] == "C2"


def test_anonymise_keeps_coded_facts_and_empties_free_text():
    person, other = _profile()
    assert privacy.anonymise(person) > 0
    assert SkillEvidence.objects.get(profile_skill__person=person).text == ""
    edu = Education.objects.get(person=person)
    assert (edu.level, edu.isced_field, edu.title, edu.institution) == ("6", "07", "", "")
    held = OccupationHeld.objects.get(person=person)
    assert held.occupation is not None and held.title == "" and held.employer == ""
    assert SkillEvidence.objects.get(profile_skill__person=other).text == "welded ships in Gdańsk"


def test_erase_removes_the_profile_of_the_person_only():
    person, other = _profile()
    result = privacy.erase(person)
    assert len(result.erased) == 3
    assert not ProfileSkill.objects.filter(person=person).exists()
    assert not Education.objects.filter(person=person).exists()
    assert not OccupationHeld.objects.filter(person=person).exists()
    assert ProfileSkill.objects.filter(person=other).exists()
