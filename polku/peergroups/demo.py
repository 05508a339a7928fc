"""Demo data: a published Mastermind round of the City of Espoo in DuuniPolku Espoo (S21307), formed by
the engine from the city's participants, with a first meeting per group."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from polku.accounts.access import Access
from polku.activities.services import activity_update
from polku.matching.errors import InvalidInput
from polku.participants.models import Participation
from polku.peergroups.models import PeerGroupMeeting, PeerGroupOptIn
from polku.peergroups.services import round_create, round_form, round_publish

SYSTEM = Access(user_id=None, is_admin=True)


def populate(*, seed: int) -> None:
    rng = random.Random(seed)
    base = Participation.objects.filter(project__code="S21307", exit_date__isnull=True)
    city = base.filter(partner__organisation__name__icontains="espoo")
    participations = list(
        (city if city.count() >= 4 else base)
        .filter(person__languages__level__in=["A2", "B1", "B2", "C1", "C2", "native"])
        .distinct()
        .order_by("pk")
    )
    if len(participations) < 4:
        return
    partner_id = participations[0].partner_id
    participations = [p for p in participations if p.partner_id == partner_id]
    if len(participations) < 4:
        return
    chosen = rng.sample(participations, min(len(participations), 30))
    partner = chosen[0].partner
    peer_round = round_create(
        actor=None,
        access=SYSTEM,
        partner=partner,
        name="Mastermind – kevät",
        group_size=4 if len(chosen) < 20 else 5,
        min_language_level="A2",
        attributes=["origin", "field", "gender"],
    )
    PeerGroupOptIn.objects.bulk_create([PeerGroupOptIn(round=peer_round, participation=p) for p in chosen])
    try:
        round_form(actor=None, access=SYSTEM, peer_round=peer_round, seed=seed)
    except Exception as error:
        if not isinstance(error.__cause__, InvalidInput) and "cannot be formed" not in str(error):
            raise
        activity = peer_round.activity
        peer_round.delete()
        activity.delete()
        return
    # DuuniPolku's work package "Mentoring and Mastermind peer groups"
    package = peer_round.project.work_packages.filter(number=2).first()
    if package is not None:
        activity_update(access=SYSTEM, activity=peer_round.activity, data={"work_package": package})
    round_publish(actor=None, access=SYSTEM, peer_round=peer_round)
    start = timezone.now().replace(hour=16, minute=0, second=0, microsecond=0) + dt.timedelta(days=7)
    PeerGroupMeeting.objects.bulk_create(
        [
            PeerGroupMeeting(
                group=g, starts_at=start + dt.timedelta(days=g.number), place="Sello library", topic="Goals"
            )
            for g in peer_round.groups.all()
        ]
    )
