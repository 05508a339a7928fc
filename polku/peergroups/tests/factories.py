"""Factories for peer-group rounds, with people who share a working language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import factory
from django.utils import timezone

from polku.activities.models import Activity
from polku.participants.models import LanguageSkill, Participation
from polku.peergroups.models import PeerGroupMeeting, PeerGroupOptIn, PeerGroupRound
from polku.testing import factories as f
from polku.testing.factories import ModelFactory

ORIGINS = ["SY", "UA", "IQ", "SO", "VN", "IN"]


class PeerGroupRoundFactory(ModelFactory[PeerGroupRound]):
    class Meta:
        model = PeerGroupRound

    partner = factory.SubFactory(f.PartnerFactory)
    project = factory.LazyAttribute(lambda o: o.partner.project)
    name = factory.Sequence(lambda n: f"Mastermind round {n}")
    group_size = 3
    # as round_create makes it: the round's activity, of the round's partner
    activity = factory.LazyAttribute(
        lambda o: Activity.objects.create(
            project=o.project, partner=o.partner, kind=Activity.Kind.PEER_GROUP, name=o.name
        )
    )
    attributes = ["origin", "field", "gender"]


def pool(peer_round: PeerGroupRound, n: int, *, extra: Sequence[Participation] = ()) -> list[Participation]:
    """n new participants of the round's partner (English B2, varied origin and field), opted in."""
    people = list(extra)
    for i in range(n):
        people.append(
            f.ParticipationFactory(
                partner=peer_round.partner,
                person__country_of_residence=ORIGINS[i % len(ORIGINS)],
                person__education_field=["ICT", "health", "business"][i % 3],
            )
        )
    for p in people:
        LanguageSkill.objects.get_or_create(person=p.person, language="en", defaults={"level": "B2"})
        PeerGroupOptIn.objects.get_or_create(round=peer_round, participation=p)
    return people


def formed_round(partner: Any, *, n: int = 6, extra: Sequence[Participation] = ()) -> PeerGroupRound:
    from polku.accounts.access import Access
    from polku.peergroups.services import round_form

    peer_round = PeerGroupRoundFactory(partner=partner)
    pool(peer_round, n, extra=extra)
    round_form(actor=None, access=Access(user_id=None, is_admin=True), peer_round=peer_round)
    return peer_round


def meeting(peer_round: PeerGroupRound, number: int = 1) -> PeerGroupMeeting:
    return PeerGroupMeeting.objects.create(
        group=peer_round.groups.get(number=number),
        starts_at=timezone.now() + dt.timedelta(hours=5),
        topic="Goals",
    )


def privacy_data(participation: Participation, *, text: str = "Amina") -> PeerGroupRound:
    """A published-shape round with `participation` in a group, one meeting attended and a reflection."""
    from polku.peergroups.models import MeetingAttendance, MeetingReflection, PeerGroupMembership

    peer_round = formed_round(participation.partner, n=5, extra=[participation])
    group = PeerGroupMembership.objects.get(round=peer_round, participation=participation).group
    held = PeerGroupMeeting.objects.create(group=group, starts_at=timezone.now(), topic="Goals")
    MeetingAttendance.objects.create(meeting=held, participation=participation, present=True)
    MeetingReflection.objects.create(meeting=held, participation=participation, text=f"{text} reflection")
    return peer_round
