"""Networking rounds of online events: nobody meets twice across rounds, counting who already met in the
programme (mentoring pairs, peer groups, earlier events, 1:1 meetings); late joiners are placed without
changing published rounds; the organiser moves people; the live page's view and room links."""

from __future__ import annotations

import itertools

import pytest
from django.test import override_settings

from polku.accounts.access import access_for
from polku.core.errors import AccessDenied, ApplicationError
from polku.events import scheduling
from polku.events.models import BreakoutGroup, Registration
from polku.events.selectors import rounds as selectors
from polku.events.selectors.meetings import whom_i_met
from polku.events.services import rounds as services
from polku.events.tests.factories import RegistrationFactory
from polku.events.tests.meeting_world import attendee, online_event
from polku.mentoring.models import Mentorship
from polku.mentoring.tests.factories import MenteeRequestFactory, MentorProfileFactory, MentorshipFactory
from polku.peergroups.models import PeerGroup, PeerGroupMembership
from polku.peergroups.tests.factories import PeerGroupRoundFactory
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def pairs_of(event) -> list[frozenset[int]]:
    out = []
    for group in BreakoutGroup.objects.filter(event=event).prefetch_related("members"):
        out += [frozenset(p) for p in itertools.combinations([m.pk for m in group.members.all()], 2)]
    return out


def mentorship(world, mentee_participation, mentor_user) -> Mentorship:
    mentee = MenteeRequestFactory(programme__partner=world.a, participation=mentee_participation)
    return MentorshipFactory(mentee=mentee, mentor=MentorProfileFactory(user=mentor_user))


def test_history_counts_mentoring_pairs_peer_groups_and_earlier_events(world):
    event = online_event(world.a)
    amina, lars, wei, ole = (attendee(event, n) for n in ("Amina", "Lars", "Wei", "Ole"))
    # Lars mentors Amina (a mentor is a user; here Lars's own user account)
    mentorship(world, amina.participation, present(lars.participation).person.user)
    # Wei and Ole were in one peer group
    peer_round = PeerGroupRoundFactory(partner=world.a, name="Spring")
    group = PeerGroup.objects.create(round=peer_round, number=1)
    for reg in (wei, ole):
        PeerGroupMembership.objects.create(
            round=peer_round, group=group, participation=present(reg.participation)
        )
    # Amina and Wei met in a breakout group of an earlier event of the project
    earlier = online_event(world.a)
    old = BreakoutGroup.objects.create(event=earlier, round_number=1, room=1, published=True)
    old.members.set(
        [
            RegistrationFactory(event=earlier, participation=amina.participation),
            RegistrationFactory(event=earlier, participation=wei.participation),
        ]
    )
    data = scheduling.rounds_input(event, people=[amina, lars, wei, ole], first_open_round=1, fixed={})
    assert sorted(map(sorted, data["history"])) == sorted(
        [
            sorted([f"r{amina.pk}", f"r{lars.pk}"]),
            sorted([f"r{wei.pk}", f"r{ole.pk}"]),
            sorted([f"r{amina.pk}", f"r{wei.pk}"]),
        ]
    )
    assert data["group_size"] == 2 and data["rounds"] == 3 and "fixed" not in data


def test_nobody_meets_twice_across_rounds_including_history(world):
    event = online_event(world.a, rounds=3, size=2)
    regs = [attendee(event, n) for n in ("Amina", "Lars", "Wei", "Ole", "Eve", "Kim")]
    mentorship(world, regs[0].participation, present(regs[1].participation).person.user)
    repeats = services.rounds_plan(access=access_for(world.coord_a), event=event)
    pairs = pairs_of(event)
    assert repeats == 0
    assert len(pairs) == len(set(pairs))  # no pair twice
    for number in (1, 2, 3):
        placed = [
            m.pk
            for g in BreakoutGroup.objects.filter(event=event, round_number=number)
            for m in g.members.all()
        ]
        assert sorted(placed) == sorted(r.pk for r in regs)  # everyone once in every round
    assert frozenset((regs[0].pk, regs[1].pk)) not in pairs  # mentor and mentee already know each other


def test_late_joiner_is_placed_without_changing_published_rounds(world):
    event = online_event(world.a, rounds=3, size=2)
    access = access_for(world.coord_a)
    regs = [attendee(event, n) for n in ("Amina", "Lars", "Wei", "Ole")]
    services.rounds_plan(access=access, event=event)
    assert services.round_start_next(access=access, event=event) == 1
    before = {
        (g.room, tuple(sorted(m.pk for m in g.members.all())))
        for g in BreakoutGroup.objects.filter(event=event, round_number=1)
    }
    late = attendee(event, "Kim")
    assert [r.pk for r in selectors.unplaced_people(event)] == [late.pk]
    services.late_joiner_add(access=access, event=event, registration=late)
    after = {
        (g.room, tuple(sorted(m.pk for m in g.members.all())))
        for g in BreakoutGroup.objects.filter(event=event, round_number=1)
    }
    # round 1 is running: the late joiner is added to a room, nobody else moves
    assert {members for _room, members in before} == {tuple(x for x in m if x != late.pk) for _r, m in after}
    for number in (2, 3):
        members = {
            m.pk
            for g in BreakoutGroup.objects.filter(event=event, round_number=number)
            for m in g.members.all()
        }
        assert late.pk in members and members >= {r.pk for r in regs}


def test_a_leaver_is_left_out_of_later_rounds(world):
    event = online_event(world.a, rounds=3, size=2)
    access = access_for(world.coord_a)
    regs = [attendee(event, n) for n in ("Amina", "Lars", "Wei", "Ole", "Eve", "Kim")]
    services.rounds_plan(access=access, event=event)
    services.round_start_next(access=access, event=event)
    round_one = {
        g.pk: {m.pk for m in g.members.all()}
        for g in BreakoutGroup.objects.filter(event=event, round_number=1)
    }
    Registration.objects.filter(pk=regs[5].pk).update(status=Registration.Status.CANCELLED)
    services.rounds_plan(access=access, event=event)
    assert {
        g.pk: {m.pk for m in g.members.all()}
        for g in BreakoutGroup.objects.filter(event=event, round_number=1)
    } == round_one
    later = {
        m.pk for g in BreakoutGroup.objects.filter(event=event, round_number__gt=1) for m in g.members.all()
    }
    assert regs[5].pk not in later


def test_rounds_are_published_started_and_seen_live(world):
    event = online_event(world.a, rounds=2, size=2)
    access = access_for(world.coord_a)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    with pytest.raises(ApplicationError, match="Plan the rounds"):
        services.round_start_next(access=access, event=event)
    with pytest.raises(AccessDenied):
        services.rounds_plan(access=access_for(world.coord_b), event=event)
    services.rounds_plan(access=access, event=event)
    assert selectors.live(amina).waiting
    assert services.round_publish(access=access, event=event) == 1
    services.round_start_next(access=access, event=event)
    event.refresh_from_db()
    amina.event.refresh_from_db()
    with override_settings(POLKU_MEETING_ROOM_BASE="https://meet.example.org/"):
        state = selectors.live(amina)
        assert (state.current, state.total, state.room, state.others) == (1, 2, 1, ["Lars Tester"])
        assert state.link.startswith("https://meet.example.org/polku-") and state.link.endswith(
            "-round1-room1"
        )
        assert event.public_token not in state.link
    with override_settings(POLKU_MEETING_ROOM_BASE=""):
        assert selectors.live(amina).link == "https://video.example.org/event"
    services.round_start_next(access=access, event=event)
    with pytest.raises(ApplicationError, match="last round"):
        services.round_start_next(access=access, event=event)
    services.rounds_end(access=access, event=event)
    amina.event.refresh_from_db()
    assert selectors.live(amina).finished
    assert whom_i_met(amina) == [lars]


def test_the_organiser_moves_a_person_in_an_unpublished_round(world):
    event = online_event(world.a, rounds=2, size=2)
    access = access_for(world.coord_a)
    regs = [attendee(event, n) for n in ("Amina", "Lars", "Wei", "Ole")]
    for number in (1, 2):
        for room, pair in enumerate((regs[:2], regs[2:]), start=1):
            BreakoutGroup.objects.create(
                event=event, round_number=number, room=room, published=number == 1
            ).members.set(pair)
    services.person_move(access=access, event=event, round_number=2, registration=regs[0], room=2)
    assert sorted(
        m.pk for m in BreakoutGroup.objects.get(event=event, round_number=2, room=2).members.all()
    ) == sorted([regs[0].pk, regs[2].pk, regs[3].pk])
    with pytest.raises(ApplicationError, match="running round"):
        services.person_move(access=access, event=event, round_number=1, registration=regs[0], room=2)
    with pytest.raises(ApplicationError) as caught:
        services.person_move(access=access, event=event, round_number=2, registration=regs[1], room=9)
    assert "room" in caught.value.field_errors
    with pytest.raises(AccessDenied):
        services.person_move(
            access=access_for(world.coord_b), event=event, round_number=2, registration=regs[1], room=1
        )


def test_rounds_need_an_online_event_with_rounds(world):
    event = online_event(world.a, rounds=0)
    with pytest.raises(ApplicationError, match="number of networking rounds"):
        services.rounds_plan(access=access_for(world.coord_a), event=event)
