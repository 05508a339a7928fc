"""The surveys privacy handlers: export, anonymisation and erasure against the real database."""

import json

import pytest

from polku.privacy.selectors import person_export
from polku.privacy.services import person_anonymise
from polku.surveys import privacy
from polku.surveys.models import FeedbackResponse
from polku.surveys.tests.factories import privacy_data

pytestmark = pytest.mark.django_db


def test_export_has_the_persons_answers_with_their_questions_only(world):
    response = privacy_data(world.part_a, text="Amina")
    privacy_data(world.part_b, text="Bogdan")
    sections = person_export(person=world.part_a.person)["sections"]
    assert "Bogdan" not in json.dumps(sections["surveys.responses"])
    [record] = sections["surveys.responses"]["records"]
    assert record["satisfaction"] == 4
    assert record["form"] == response.form.title
    assert record["answers"] == ["What was most useful?: Amina answer"]


def test_anonymise_empties_the_answers_and_keeps_the_scores(world):
    privacy_data(world.part_a, text="Amina")
    privacy_data(world.part_b, text="Bogdan")
    person_anonymise(person=world.part_a.person)
    assert FeedbackResponse.objects.count() == 2
    mine = FeedbackResponse.objects.get(participation=world.part_a)
    assert (mine.answers, mine.satisfaction) == ([], 4)
    assert FeedbackResponse.objects.get(participation=world.part_b).answers == ["Bogdan answer", ""]


def test_erase_removes_the_free_text_and_keeps_the_score_with_a_reason(world):
    privacy_data(world.part_a, text="Amina")
    result = privacy.erase(world.part_a.person)
    assert result.erased == ["Free-text feedback answers (1)"]
    [(item, reason)] = result.kept
    assert item == "Satisfaction scores of feedback answers" and reason
    assert FeedbackResponse.objects.get(participation=world.part_a).answers == []
    assert privacy.erase(world.part_a.person).erased == []
