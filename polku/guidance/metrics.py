"""What guidance targets count (registered into `polku.activities.metrics` from the app's ready()): the
sessions held and the different people met, within the target's project, partner and country, optionally
only sessions of one kind (Target.kind), narrowed by a `Within` to partners and sessions dated in a period. Counted from the raw session rows; a work package does not narrow
them (people take part in a project, not in a work package).
"""

from __future__ import annotations

from django.db.models import QuerySet

from polku.activities.metrics import EVERYWHERE, Within, participation_scope, register_metric
from polku.activities.models import Target
from polku.guidance.models import GuidanceSession, Kind
from polku.participants.models import Participation

KINDS = list(Kind.choices)


def _sessions(target: Target, within: Within) -> QuerySet[GuidanceSession]:
    rows = GuidanceSession.objects.filter(
        within.q("participation__partner_id", "held_on"),
        participation__in=Participation.objects.filter(participation_scope(target)),
    )
    return rows.filter(kind=target.kind) if target.kind else rows


def count_sessions(target: Target, within: Within = EVERYWHERE) -> int:
    return _sessions(target, within).count()


def count_people(target: Target, within: Within = EVERYWHERE) -> int:
    """Different people: a person met in several sessions counts once."""
    return _sessions(target, within).values("participation__person_id").distinct().count()


def register() -> None:
    register_metric(str(Target.Metric.GUIDANCE_SESSIONS), count_sessions, kinds=KINDS)
    register_metric(str(Target.Metric.GUIDANCE_PARTICIPANTS), count_people, kinds=KINDS)
