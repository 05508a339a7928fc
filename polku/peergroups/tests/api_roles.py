"""Role matrix of the peer-group API: the partner's coordinators and admins manage rounds and read their
meetings' attendance and reflections; a participant opts in, reads their own published group (with its
reflections) and writes reflections."""

from polku.accounts.access import Access
from polku.participants.models import Participation
from polku.peergroups.models import MeetingAttendance, MeetingReflection, PeerGroupMeeting
from polku.peergroups.services import round_publish
from polku.peergroups.tests.factories import PeerGroupRoundFactory, formed_round, meeting
from polku.testing.asserts import present
from polku.testing.roles import Case, expect

BASE = "/api/v1/peer-groups"
MANAGERS = expect(404, coord_a=200, admin=200)


def _published_with_a(w):
    # Other apps' cases may have recorded an exit for participant a; a round forms from active people only.
    Participation.objects.filter(pk=w.part_a.pk).update(exit_date=None)
    peer_round = formed_round(w.a, extra=[w.part_a])
    round_publish(actor=None, access=Access(user_id=None, is_admin=True), peer_round=peer_round)
    return peer_round


def _meeting_of_a(w):
    peer_round = _published_with_a(w)
    number = peer_round.memberships.get(participation=w.part_a).group.number
    return meeting(peer_round, number).pk


def _round_with_a_reflection(w):
    """A published round of partner a with a meeting of participant a's group, her presence and reflection."""
    meeting_pk = _meeting_of_a(w)
    MeetingAttendance.objects.create(meeting_id=meeting_pk, participation=w.part_a, present=True)
    MeetingReflection.objects.create(meeting_id=meeting_pk, participation=w.part_a, text="We set goals.")
    return PeerGroupMeeting.objects.get(pk=meeting_pk).group.round_id


CASES = [
    Case("peergroups-round-list", lambda w: ("get", f"{BASE}/rounds/", None), expect(200)),
    Case(
        "peergroups-round-create",
        lambda w: ("post", f"{BASE}/rounds/", {"partner": w.a.pk, "name": "Spring", "group_size": 4}),
        expect(403, coord_a=201, admin=201),
    ),
    Case(
        "peergroups-round-detail", lambda w: ("get", f"{BASE}/rounds/{formed_round(w.a).pk}/", None), MANAGERS
    ),
    # the round's detail with its meetings, attendance and reflections: still only its partner's coordinators
    Case(
        "peergroups-round-detail-meetings",
        lambda w: ("get", f"{BASE}/rounds/{_round_with_a_reflection(w)}/", None),
        MANAGERS,
    ),
    Case(
        "peergroups-round-form",
        lambda w: ("post", f"{BASE}/rounds/{formed_round(w.a).pk}/form/", None),
        MANAGERS,
    ),
    Case(
        "peergroups-round-move",
        lambda w: (
            "post",
            f"{BASE}/rounds/{(r := formed_round(w.a)).pk}/move/",
            {
                "participation": present(r.groups.get(number=1).memberships.first()).participation_id,
                "group": 2,
            },
        ),
        MANAGERS,
    ),
    Case(
        "peergroups-round-publish",
        lambda w: ("post", f"{BASE}/rounds/{formed_round(w.a).pk}/publish/", None),
        MANAGERS,
    ),
    Case(
        "peergroups-round-opt-in",
        lambda w: (
            "post",
            f"{BASE}/rounds/{PeerGroupRoundFactory(partner=w.a).pk}/opt-in/",
            {"participation": w.part_a.pk},
        ),
        expect(404, coord_a=204, admin=204, user_a=204),
    ),
    Case(
        "peergroups-meeting-create",
        lambda w: (
            "post",
            f"{BASE}/rounds/{formed_round(w.a).pk}/groups/1/meetings/",
            {"starts_at": "2026-05-04T17:00:00Z", "place": "Espoo library", "topic": "Goals"},
        ),
        expect(404, coord_a=201, admin=201),
    ),
    Case(
        "peergroups-attendance",
        lambda w: (
            "post",
            f"{BASE}/meetings/{_meeting_of_a(w)}/attendance/",
            {"participation": w.part_a.pk, "present": True},
        ),
        expect(404, coord_a=204, admin=204),
    ),
    Case(
        "peergroups-reflection",
        lambda w: ("post", f"{BASE}/meetings/{_meeting_of_a(w)}/reflection/", {"text": "Good talk."}),
        expect(404, user_a=204),
    ),
    Case("peergroups-mine", lambda w: ("get", f"{BASE}/mine/", None), expect(200)),
    # a member's groups with the meetings' reflections: every signed-in reader gets their own (maybe none)
    Case(
        "peergroups-mine-reflections",
        lambda w: (_round_with_a_reflection(w), ("get", f"{BASE}/mine/", None))[1],
        expect(200),
    ),
]
