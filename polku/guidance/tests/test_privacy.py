"""Guidance in the person's data: the export (with the notes, the person's right of access), anonymisation
(free text emptied, counted facts kept) and erasure (sessions and steps removed)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from polku.guidance import privacy
from polku.guidance.models import GuidanceSession, NextStep
from polku.guidance.tests.factories import GuidanceSessionFactory, NextStepFactory

pytestmark = pytest.mark.django_db


def test_export_holds_sessions_with_notes_and_next_steps(world):
    session = GuidanceSessionFactory(participation=world.part_a, staff=world.coord_a, topics=["studies"])
    NextStepFactory(session=session, text="Apply to the path studies")
    GuidanceSessionFactory(participation=world.part_b, notes="Someone else's")
    sections = privacy.export(world.part_a.person)
    (record,) = sections["guidance.sessions"]["records"]
    assert record["notes"] == session.notes and record["kind"] == "career_guidance"
    assert record["topic_tags"] == ["Studies and applying to them"]
    assert record["project"] == world.project.name
    (step,) = sections["guidance.next_steps"]["records"]
    assert step["text"] == "Apply to the path studies"
    assert privacy.export(world.user_a.person) == sections


def test_the_participant_reads_the_notes_in_their_own_export(client, world):
    GuidanceSessionFactory(participation=world.part_a, notes="Notes about Amina")
    client.force_login(world.user_a)
    assert "Notes about Amina" in client.get(reverse("privacy:my_data")).content.decode()


def test_anonymise_empties_free_text_and_keeps_counted_facts(world):
    session = GuidanceSessionFactory(participation=world.part_a, other_topics="Her divorce")
    NextStepFactory(session=session)
    assert privacy.anonymise(world.part_a.person) == 2
    session.refresh_from_db()
    assert (session.notes, session.other_topics, session.kind, session.duration_minutes) == (
        "",
        "",
        "career_guidance",
        60,
    )
    assert NextStep.objects.get().text == ""
    assert privacy.anonymise(world.part_a.person) == 0


def test_erase_removes_sessions_and_steps_of_the_person_only(world):
    session = GuidanceSessionFactory(participation=world.part_a)
    NextStepFactory(session=session)
    other = GuidanceSessionFactory(participation=world.part_b)
    result = privacy.erase(world.part_a.person)
    assert list(GuidanceSession.objects.all()) == [other] and not NextStep.objects.exists()
    assert result.erased and "(1)" in result.erased[0]
    assert not privacy.erase(world.part_a.person).erased
