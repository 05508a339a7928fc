"""The peer-group privacy handlers: export, anonymisation and erasure against the real database."""

import json

import pytest

from polku.peergroups import privacy
from polku.peergroups.models import MeetingAttendance, MeetingReflection, PeerGroupMembership, PeerGroupOptIn
from polku.peergroups.tests.factories import privacy_data
from polku.privacy.selectors import person_export
from polku.privacy.services import person_anonymise

pytestmark = pytest.mark.django_db


def _counts():
    return [
        m.objects.count() for m in (PeerGroupOptIn, PeerGroupMembership, MeetingAttendance, MeetingReflection)
    ]


def test_export_has_the_persons_opt_ins_groups_attendance_and_reflections_only(world):
    peer_round = privacy_data(world.part_a, text="Amina")
    privacy_data(world.part_b, text="Bogdan")
    sections = person_export(person=world.part_a.person)["sections"]
    text = json.dumps({k: v for k, v in sections.items() if k.startswith("peergroups.")})
    assert "Bogdan" not in text
    assert [o["round"] for o in sections["peergroups.opt_ins"]["records"]] == [peer_round.name]
    assert len(sections["peergroups.memberships"]["records"]) == 1
    assert [a["present"] for a in sections["peergroups.attendance"]["records"]] == [True]
    assert [r["text"] for r in sections["peergroups.reflections"]["records"]] == ["Amina reflection"]


def test_anonymise_empties_reflections_and_keeps_every_row(world):
    privacy_data(world.part_a, text="Amina")
    privacy_data(world.part_b, text="Bogdan")
    before = _counts()
    person_anonymise(person=world.part_a.person)
    assert _counts() == before
    assert MeetingReflection.objects.get(participation=world.part_a).text == ""
    assert MeetingReflection.objects.get(participation=world.part_b).text == "Bogdan reflection"
    assert MeetingAttendance.objects.get(participation=world.part_a).present is True


def test_erase_deletes_reflections_and_keeps_groups_and_attendance_with_a_reason(world):
    privacy_data(world.part_a, text="Amina")
    privacy_data(world.part_b, text="Bogdan")
    result = privacy.erase(world.part_a.person)
    assert result.erased == ["Peer-group reflections (1)"]
    assert [item for item, _reason in result.kept] == ["Peer-group opt-ins, memberships and attendance"]
    assert all(reason for _item, reason in result.kept)
    assert not MeetingReflection.objects.filter(participation=world.part_a).exists()
    assert MeetingReflection.objects.filter(participation=world.part_b).exists()
    assert MeetingAttendance.objects.filter(participation=world.part_a).count() == 1
    assert PeerGroupMembership.objects.filter(participation=world.part_a).count() == 1
