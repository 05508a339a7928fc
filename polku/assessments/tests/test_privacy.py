"""Privacy handlers: export, anonymisation and erasure of self-assessments."""

import json

import pytest

from polku.assessments import privacy
from polku.assessments.models import Answer, SelfAssessment
from polku.assessments.tests.factories import assessment
from polku.privacy.selectors import person_export

pytestmark = pytest.mark.django_db


def test_export_has_the_persons_assessments_only(world):
    assessment(world.part_a.person, note="Amina wants Excel", levels={"1.1": 5})
    assessment(world.part_b.person, note="Bogdan note")
    sections = person_export(person=world.part_a.person)["sections"]
    section = sections["assessments.self_assessments"]
    assert "Bogdan" not in json.dumps(section)
    (record,) = section["records"]
    assert record["note"] == "Amina wants Excel"
    assert record["framework_version"] == "2.2"
    assert record["answers"]["digcomp-2.2:1.1"] == 5
    assert (
        privacy.export(world.part_b.person)["assessments.self_assessments"]["records"][0]["note"]
        == "Bogdan note"
    )


def test_export_is_empty_without_assessments(world):
    assert privacy.export(world.part_a.person) == {}


def test_anonymise_empties_the_note_and_keeps_levels(world):
    assessment(world.part_a.person, note="Amina")
    other = assessment(world.part_b.person, note="Bogdan")
    assert privacy.anonymise(world.part_a.person) == 1
    assert SelfAssessment.objects.get(person=world.part_a.person).note == ""
    assert Answer.objects.filter(assessment__person=world.part_a.person).count() == 21
    other.refresh_from_db()
    assert other.note == "Bogdan"


def test_erase_deletes_the_persons_assessments(world):
    assessment(world.part_a.person)
    assessment(world.part_a.person, days=30)
    assessment(world.part_b.person)
    result = privacy.erase(world.part_a.person)
    assert result.erased and not result.kept
    assert not SelfAssessment.objects.filter(person=world.part_a.person).exists()
    assert SelfAssessment.objects.filter(person=world.part_b.person).count() == 1
    assert privacy.erase(world.part_a.person).erased == []
