"""The mentoring privacy handlers: export, anonymisation and erasure against the real database."""

import json

import pytest

from polku.mentoring import privacy
from polku.mentoring.models import CheckIn, Feedback, Goal, MenteeRequest, Mentorship, Session
from polku.mentoring.tests.factories import MentorProfileFactory, privacy_data
from polku.privacy.selectors import person_export
from polku.privacy.services import person_anonymise

pytestmark = pytest.mark.django_db


def _counts():
    return [m.objects.count() for m in (MenteeRequest, Mentorship, Goal, Session, CheckIn, Feedback)]


def test_export_has_the_persons_mentoring_rows_and_only_theirs(world):
    privacy_data(world.part_a, text="Amina")
    privacy_data(world.part_b, text="Bogdan")
    sections = person_export(person=world.part_a.person)["sections"]
    text = json.dumps({k: v for k, v in sections.items() if k.startswith("mentoring.")})
    assert "Bogdan" not in text
    assert sections["mentoring.requests"]["records"][0]["wishes"] == "Amina wishes"
    assert len(sections["mentoring.mentorships"]["records"]) == 1
    assert sections["mentoring.mentorships"]["records"][0]["role"] == "Mentee"
    assert [g["text"] for g in sections["mentoring.goals"]["records"]] == ["Amina goal"]
    sessions = sections["mentoring.sessions"]["records"]
    assert len(sessions) == 2
    # Their own notes and topics, not the mentor's.
    assert sorted(s["notes"] for s in sessions) == ["", "Amina notes by mentee"]
    assert "Amina notes by mentor" not in text
    assert [c["text"] for c in sections["mentoring.checkins"]["records"]] == ["Amina check-in mentee"]
    assert [c["text"] for c in sections["mentoring.feedback"]["records"]] == ["Amina feedback mentee"]
    assert "mentoring.mentor_profile" not in sections


def test_export_of_a_mentor_login_has_the_profile_and_their_side(world):
    MentorProfileFactory(user=world.user_a, bio="Nurse for ten years")
    sections = person_export(person=world.part_a.person)["sections"]
    assert sections["mentoring.mentor_profile"]["records"][0]["bio"] == "Nurse for ten years"


def test_anonymise_empties_the_free_text_and_keeps_every_row(world):
    privacy_data(world.part_a, text="Amina")
    other = privacy_data(world.part_b, text="Bogdan")
    before = _counts()
    assert person_anonymise(person=world.part_a.person) > 0
    assert _counts() == before
    mine = {"mentorship__mentee__participation": world.part_a}
    assert MenteeRequest.objects.get(participation=world.part_a).wishes == ""
    assert MenteeRequest.objects.get(participation=world.part_a).employer == ""
    assert set(Goal.objects.filter(**mine).values_list("text", flat=True)) == {""}
    assert set(Session.objects.filter(**mine).values_list("notes", "topics")) == {("", "")}
    assert set(CheckIn.objects.filter(**mine).values_list("text", flat=True)) == {""}
    assert set(Feedback.objects.filter(**mine).values_list("text", flat=True)) == {""}
    # Coded facts stay; another person's texts are untouched.
    assert set(Feedback.objects.filter(**mine).values_list("rating", flat=True)) == {5}
    assert Session.objects.filter(mentorship=other, notes__startswith="Bogdan").count() == 2


def test_erase_removes_what_the_person_wrote_and_keeps_the_mentorship_with_a_reason(world):
    mentorship = privacy_data(world.part_a, text="Amina")
    MentorProfileFactory(user=world.user_a)
    before = _counts()
    result = privacy.erase(world.part_a.person)
    assert _counts() == before
    assert len(result.erased) == 3
    assert {item for item, _reason in result.kept} == {
        "Mentorships, goals, session dates and ratings",
        "Mentor profile",
    }
    assert all(reason for _item, reason in result.kept)
    request = MenteeRequest.objects.get(participation=world.part_a)
    assert (request.wishes, request.employer) == ("", "")
    sessions = dict(Session.objects.filter(mentorship=mentorship).values_list("logged_by", "notes"))
    assert sessions == {"mentee": "", "mentor": "Amina notes by mentor"}  # the mentor's notes are theirs
    assert CheckIn.objects.get(mentorship=mentorship, side="mentee").text == ""
    assert CheckIn.objects.get(mentorship=mentorship, side="mentor").text == "Amina check-in mentor"
    assert Feedback.objects.get(mentorship=mentorship, side="mentee").text == ""
    # Nothing left to erase the second time; what is kept still says why.
    again = privacy.erase(world.part_a.person)
    assert again.erased == [] and len(again.kept) == 2


def test_a_participant_who_mentors_exports_and_erases_their_mentor_side_only(world):
    mentorship = privacy_data(world.part_b, text="Bogdan")
    profile = mentorship.mentor
    profile.user = world.user_a  # Amina mentors Bogdan
    profile.save(update_fields=["user"])
    sections = person_export(person=world.part_a.person)["sections"]
    [row] = sections["mentoring.mentorships"]["records"]
    assert row["role"] == "Mentor"
    assert sorted(s["notes"] for s in sections["mentoring.sessions"]["records"]) == [
        "",
        "Bogdan notes by mentor",
    ]
    assert [c["side"] for c in sections["mentoring.checkins"]["records"]] == ["mentor"]
    assert "mentoring.requests" not in sections  # Bogdan's request is his
    privacy.erase(world.part_a.person)
    notes = dict(Session.objects.filter(mentorship=mentorship).values_list("logged_by", "notes"))
    assert notes == {"mentee": "Bogdan notes by mentee", "mentor": ""}
    assert Feedback.objects.get(mentorship=mentorship, side="mentor").text == ""
    assert Feedback.objects.get(mentorship=mentorship, side="mentee").text == "Bogdan feedback mentee"
    assert MenteeRequest.objects.get(participation=world.part_b).wishes == "Bogdan wishes"
