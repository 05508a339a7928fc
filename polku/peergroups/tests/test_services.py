"""Forming, moving, publishing and reflecting, against the real database."""

import pytest
from django.core import mail
from django.urls import reverse

from polku.accounts.access import access_for
from polku.audit.models import AuditEvent
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.models import LanguageSkill
from polku.peergroups import services
from polku.peergroups.models import MeetingReflection, PeerGroupMembership
from polku.peergroups.selectors import round_history, round_scores
from polku.peergroups.tests.factories import PeerGroupRoundFactory, formed_round, meeting, pool
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def test_form_makes_groups_of_k_or_k_plus_one_sharing_a_language(world):
    peer_round = formed_round(world.a, n=7)
    scores = present(round_scores(peer_round=peer_round))
    assert sorted(len(g.members) for g in scores.groups) == [3, 4]
    assert all(g.language == "en" and not g.violations for g in scores.groups)
    assert scores.objective <= scores.bound


def test_coordinator_of_another_partner_cannot_form_or_move(world):
    peer_round = PeerGroupRoundFactory(partner=world.a)
    pool(peer_round, 6)
    with pytest.raises(AccessDenied):
        services.round_form(actor=world.coord_b, access=access_for(world.coord_b), peer_round=peer_round)


def test_no_common_language_is_a_clear_error(world):
    peer_round = PeerGroupRoundFactory(partner=world.a)
    people = pool(peer_round, 6)
    LanguageSkill.objects.filter(person=people[0].person).update(level="A2")
    with pytest.raises(ApplicationError, match="no language at B1"):
        services.round_form(actor=world.coord_a, access=access_for(world.coord_a), peer_round=peer_round)


def test_move_updates_scores_and_publish_locks_and_tells_members(world, django_capture_on_commit_callbacks):
    peer_round = formed_round(world.a, n=6, extra=[world.part_a])
    access = access_for(world.coord_a)
    membership = present(PeerGroupMembership.objects.filter(round=peer_round, group__number=1).first())
    services.round_move(
        actor=world.coord_a,
        access=access,
        peer_round=peer_round,
        participation_id=membership.participation_id,
        group_number=2,
    )
    sizes = sorted(len(g.members) for g in present(round_scores(peer_round=peer_round)).groups)
    assert sizes in ([2, 5], [3, 4])
    assert any(e.fields == ["peer_group"] for e in AuditEvent.objects.filter(object_id=str(peer_round.pk)))
    mail.outbox.clear()
    with pytest.raises(ApplicationError):
        services.round_opt_in(
            actor=None,
            access=access,
            peer_round=PeerGroupRoundFactory(partner=world.b),
            participation=world.part_a,
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.round_publish(actor=world.coord_a, access=access, peer_round=peer_round)
    assert len(mail.outbox) == 7
    with pytest.raises(ApplicationError, match="published"):
        services.round_form(actor=world.coord_a, access=access, peer_round=peer_round)


def test_next_round_avoids_repeating_pairs(world):
    first = formed_round(world.a, n=9)
    people = [m.participation for m in PeerGroupMembership.objects.filter(round=first)]
    second = PeerGroupRoundFactory(partner=world.a)
    pool(second, 0, extra=people)
    assert len(round_history(peer_round=second)) == 9  # three groups of three
    services.round_form(actor=world.coord_a, access=access_for(world.coord_a), peer_round=second)
    assert sum(g.repeats for g in present(round_scores(peer_round=second)).groups) == 0


def test_member_sees_group_and_writes_reflection(world, client):
    peer_round = formed_round(world.a, n=5, extra=[world.part_a])
    services.round_publish(actor=world.coord_a, access=access_for(world.coord_a), peer_round=peer_round)
    number = peer_round.memberships.get(participation=world.part_a).group.number
    m = meeting(peer_round, number)
    client.force_login(world.user_a)
    page = client.get(reverse("peergroups:mine"))
    assert "Goals" in page.content.decode()
    client.post(reverse("peergroups:reflection", args=[m.pk]), {"text": "We set goals."})
    assert MeetingReflection.objects.get(meeting=m).text == "We set goals."
    with pytest.raises(AccessDenied):
        services.reflection_write(actor=world.coord_a, access=access_for(world.coord_a), meeting=m, text="x")


def test_coordinator_page_moves_with_htmx_partial(world, client):
    peer_round = formed_round(world.a, n=6)
    client.force_login(world.coord_a)
    membership = present(PeerGroupMembership.objects.filter(round=peer_round, group__number=1).first())
    response = client.post(
        reverse("peergroups:action", args=[peer_round.pk, "move"]),
        {"participation": membership.participation_id, "group": 2},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'id="groups"' in body and "<html" not in body
    membership.refresh_from_db()
    assert membership.group.number == 2


def test_meeting_reminders_are_sent_once(world):
    from polku.peergroups.tasks import send_meeting_reminders

    peer_round = formed_round(world.a, n=6)
    meeting(peer_round, 1)
    mail.outbox.clear()
    assert send_meeting_reminders.call() == 3
    assert send_meeting_reminders.call() == 0


def test_coordinator_adds_a_meeting_and_records_attendance_on_the_page(world, client):
    from polku.peergroups.models import MeetingAttendance, PeerGroupMeeting

    peer_round = formed_round(world.a, n=6)
    services.round_publish(actor=world.coord_a, access=access_for(world.coord_a), peer_round=peer_round)
    client.force_login(world.coord_a)
    url = reverse("peergroups:action", args=[peer_round.pk, "meeting"])
    client.post(url, {"group": 1, "starts_at": "2026-05-04T17:00", "place": "Library", "topic": "Goals"})
    meeting = PeerGroupMeeting.objects.get(group__round=peer_round)
    assert "Goals" in client.get(reverse("peergroups:detail", args=[peer_round.pk])).content.decode()
    member = present(meeting.group.memberships.first()).participation_id
    client.post(
        reverse("peergroups:action", args=[peer_round.pk, "attendance"]),
        {"meeting": meeting.pk, "present": [member]},
    )
    rows = dict(MeetingAttendance.objects.filter(meeting=meeting).values_list("participation_id", "present"))
    assert rows[member] is True and list(rows.values()).count(False) == 2


def test_a_round_with_a_bad_group_size_keeps_the_form_and_names_the_field(client, world):
    """Issue 17: "Check the round." and an empty form; now the field is named and what was typed stays."""
    from django.urls import reverse

    client.force_login(world.coord_a)
    response = client.post(
        reverse("peergroups:list"),
        {
            "partner": world.a.pk,
            "name": "Autumn circle",
            "group_size": 1,
            "min_language_level": "A2",
            "attributes": ["origin", "gender"],
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Group size" in html and "greater than or equal to 2" in html
    assert 'value="Autumn circle"' in html
    assert '<option value="A2" selected>' in html
    assert 'value="origin" id="id_attributes_0" checked' in html or 'value="origin"' in html
    assert "Country of origin" in html and ">origin<" not in html
