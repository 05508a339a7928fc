"""Reading meetings back through the API: the round's coordinators get each group's meetings with
attendance and reflections in the round's detail (each reflection read audited); a member gets their
group's meetings with their own presence and the group's reflections; nobody else gets any."""

import pytest
from rest_framework.test import APIClient

from polku.accounts.access import Access
from polku.audit.models import AuditEvent
from polku.participants.models import Participation
from polku.peergroups import services
from polku.peergroups.models import MeetingReflection, PeerGroupMembership
from polku.peergroups.tests.factories import formed_round, meeting
from polku.testing import factories as f
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db
BASE = "/api/v1/peer-groups"
SYSTEM = Access(user_id=None, is_admin=True)


def api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


@pytest.fixture
def held(world):
    """A published round of partner a with Amina (part_a) in a group; a meeting of her group at which she
    was present and a groupmate absent, with Amina's and the groupmate's reflections."""
    peer_round = formed_round(world.a, extra=[world.part_a])
    services.round_publish(actor=None, access=SYSTEM, peer_round=peer_round)
    group = PeerGroupMembership.objects.get(round=peer_round, participation=world.part_a).group
    mate = present(group.memberships.exclude(participation=world.part_a).first()).participation
    mate.person.user = f.UserFactory(email="mate@example.org")
    mate.person.save()
    session = meeting(peer_round, group.number)
    for who, here in ((world.part_a, True), (mate, False)):
        services.attendance_record(
            actor=world.coord_a, access=SYSTEM, meeting=session, participation_id=who.pk, present=here
        )
    MeetingReflection.objects.create(meeting=session, participation=world.part_a, text="We set goals.")
    MeetingReflection.objects.create(meeting=session, participation=mate, text="Good to hear others.")
    return peer_round, group, session, mate


def test_the_round_detail_has_each_groups_meetings_with_attendance_and_reflections(world, held):
    peer_round, group, session, mate = held
    body = api(world.coord_a).get(f"{BASE}/rounds/{peer_round.pk}/").json()
    (row,) = [g for g in body["groups"] if g["number"] == group.number]
    (got,) = row["meetings"]
    assert (got["id"], got["topic"]) == (session.pk, "Goals")
    assert {(a["participation"], a["present"]) for a in got["attendance"]} == {
        (world.part_a.pk, True),
        (mate.pk, False),
    }
    assert [(r["first_name"], r["text"]) for r in got["reflections"]] == [
        ("Amina", "We set goals."),
        (mate.person.first_name, "Good to hear others."),
    ]
    others = [g for g in body["groups"] if g["number"] != group.number]
    assert all(g["meetings"] == [] for g in others)
    reads = AuditEvent.objects.filter(action="read", object_type="peergroups.meetingreflection")
    assert {(e.actor, e.person_id) for e in reads} == {
        (world.coord_a, world.part_a.person_id),
        (world.coord_a, mate.person_id),
    }


def test_others_do_not_get_the_round_nor_its_reflections(world, held):
    peer_round = held[0]
    for user in (world.coord_b, world.lead, world.evaluator, world.user_a):
        assert api(user).get(f"{BASE}/rounds/{peer_round.pk}/").status_code == 404
    assert not AuditEvent.objects.filter(action="read", object_type="peergroups.meetingreflection").exists()


def test_a_member_reads_back_their_groups_reflections_and_their_own_presence(world, held):
    _peer_round, _group, session, mate = held
    (mine,) = api(world.user_a).get(f"{BASE}/mine/").json()
    (got,) = mine["meetings"]
    assert (got["id"], got["present"]) == (session.pk, True)
    assert [(r["first_name"], r["text"], r["mine"]) for r in got["reflections"]] == [
        ("Amina", "We set goals.", True),
        (mate.person.first_name, "Good to hear others.", False),
    ]
    assert "attendance" not in got  # a member sees their own presence, not the others'
    (theirs,) = api(mate.person.user).get(f"{BASE}/mine/").json()
    assert theirs["meetings"][0]["present"] is False
    assert [r["mine"] for r in theirs["meetings"][0]["reflections"]] == [False, True]
    # members read each other's words as the docs say; that is not a staff read
    assert not AuditEvent.objects.filter(action="read", object_type="peergroups.meetingreflection").exists()


def test_a_member_of_another_group_does_not_get_these_reflections(world, held):
    peer_round, group, _session, _mate = held
    stranger_group = peer_round.groups.exclude(pk=group.pk).first()
    other = Participation.objects.get(pk=stranger_group.memberships.first().participation_id)
    other.person.user = f.UserFactory(email="other@example.org")
    other.person.save()
    (theirs,) = api(other.person.user).get(f"{BASE}/mine/").json()
    assert theirs["number"] == stranger_group.number
    assert theirs["meetings"] == []
    assert (
        api(other.person.user)
        .post(f"{BASE}/meetings/{_session.pk}/reflection/", {"text": "Let me in"}, format="json")
        .status_code
        == 404
    )


def test_a_meeting_without_marks_is_none_for_presence(world, held):
    peer_round, group, _session, _mate = held
    meeting(peer_round, group.number)
    (mine,) = api(world.user_a).get(f"{BASE}/mine/").json()
    assert sorted(m["present"] for m in mine["meetings"] if m["present"] is not None) == [True]
    assert [m["present"] for m in mine["meetings"]].count(None) == 1
