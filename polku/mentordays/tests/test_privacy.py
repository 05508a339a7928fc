"""The mentor days privacy handlers: export, anonymisation and erasure against the real database."""

import json

import pytest

from polku.mentordays import privacy
from polku.mentordays.models import Booking, WaitlistEntry
from polku.mentordays.tests.factories import privacy_data
from polku.privacy.selectors import person_export
from polku.privacy.services import person_anonymise

pytestmark = pytest.mark.django_db


def test_export_has_the_persons_bookings_and_waitlist_entries_only(world):
    day = privacy_data(world.part_a, text="Amina")
    privacy_data(world.part_b, text="Bogdan")
    sections = person_export(person=world.part_a.person)["sections"]
    text = json.dumps({k: v for k, v in sections.items() if k.startswith("mentordays.")})
    assert "Bogdan" not in text
    bookings = sections["mentordays.bookings"]["records"]
    assert sorted(b["topic"] for b in bookings) == ["Amina topic 1", "Amina topic 2"]
    assert {b["mentor_day"] for b in bookings} == {day.name}
    assert sections["mentordays.bookings"]["choices"]["status"]["attended"] == "Attended"
    assert len(sections["mentordays.waitlist"]["records"]) == 2


def test_anonymise_empties_the_topics_and_keeps_bookings_and_attendance(world):
    privacy_data(world.part_a, text="Amina")
    privacy_data(world.part_b, text="Bogdan")
    before = (Booking.objects.count(), WaitlistEntry.objects.count())
    person_anonymise(person=world.part_a.person)
    assert (Booking.objects.count(), WaitlistEntry.objects.count()) == before
    mine = Booking.objects.filter(participation=world.part_a)
    assert set(mine.values_list("topic", flat=True)) == {""}
    assert mine.filter(status="attended").count() == 1
    assert set(WaitlistEntry.objects.filter(participation=world.part_a).values_list("topic", flat=True)) == {
        ""
    }
    assert Booking.objects.filter(participation=world.part_b, topic__startswith="Bogdan").count() == 2


def test_erase_removes_topics_and_waitlist_history_and_keeps_bookings_with_a_reason(world):
    privacy_data(world.part_a, text="Amina")
    result = privacy.erase(world.part_a.person)
    assert len(result.erased) == 2
    assert [item for item, _reason in result.kept] == [
        "Mentor day bookings and attendance",
        "Places on a mentor day waitlist",
    ]
    assert all(reason for _item, reason in result.kept)
    assert Booking.objects.filter(participation=world.part_a).count() == 2
    assert set(Booking.objects.filter(participation=world.part_a).values_list("topic", flat=True)) == {""}
    assert list(WaitlistEntry.objects.filter(participation=world.part_a).values_list("status", "topic")) == [
        ("waiting", "")
    ]
