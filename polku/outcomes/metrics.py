"""What outcome targets count (registered into `polku.activities.metrics` from the app's ready()): the
different people with an outcome, optionally of one kind ("15 move on to further studies": outcomes of kind
studies_started; "companies founded": company_founded). Counted from raw rows, the dated `Outcome`s, within
the target's project, partner and country; a work package does not narrow it (people have outcomes, not
work packages). A person counts once per participation however many outcomes of the kind they have.
"""

from __future__ import annotations

from polku.activities.metrics import EVERYWHERE, Within, participation_scope, register_metric
from polku.activities.models import Target
from polku.outcomes.models import Outcome
from polku.participants.models import Participation


def count_outcomes(target: Target, within: Within = EVERYWHERE) -> int:
    """Narrowed by `within` to the partners and to outcomes dated in the period."""
    people = Participation.objects.filter(participation_scope(target)).values("pk")
    rows = Outcome.objects.filter(within.q("participation__partner_id", "date"), participation__in=people)
    if target.kind:
        rows = rows.filter(kind=target.kind)
    return rows.values("participation_id").distinct().count()


def register() -> None:
    register_metric(str(Target.Metric.OUTCOMES), count_outcomes, kinds=list(Outcome.Kind.choices))
