"""What entrepreneurship targets count (registered into `polku.activities.metrics` from the app's ready()),
from raw rows within the target's project, partner and country, narrowed by a `Within`:

- companies_founded: companies founded by participants (registered in the period);
- transfers_completed: companies taken over from a listing (registered in the period);
- ideas_at_stage: different business ideas that reached a stage (Target.kind; any stage change in the
  period, so an idea that went on or paused later still counts: it did reach the stage).
"""

from __future__ import annotations

from polku.activities.metrics import EVERYWHERE, Within, participation_scope, register_metric
from polku.activities.models import Target
from polku.entrepreneurship.models import Company, Stage, StageChange
from polku.participants.models import Participation

STAGES = [(value, label) for value, label in Stage.choices if value != Stage.PAUSED]


def _companies(target: Target, within: Within, how: str) -> int:
    people = Participation.objects.filter(participation_scope(target)).values("pk")
    return Company.objects.filter(
        within.q("participation__partner_id", "registered_on"), participation__in=people, how=how
    ).count()


def count_founded(target: Target, within: Within = EVERYWHERE) -> int:
    return _companies(target, within, Company.How.FOUNDED)


def count_transfers(target: Target, within: Within = EVERYWHERE) -> int:
    return _companies(target, within, Company.How.TAKEN_OVER)


def count_ideas_at_stage(target: Target, within: Within = EVERYWHERE) -> int:
    people = Participation.objects.filter(participation_scope(target)).values("pk")
    rows = StageChange.objects.filter(
        within.q("idea__participation__partner_id", "changed_on"), idea__participation__in=people
    )
    if target.kind:
        rows = rows.filter(to_stage=target.kind)
    return rows.values("idea_id").distinct().count()


def register() -> None:
    register_metric(str(Target.Metric.COMPANIES_FOUNDED), count_founded)
    register_metric(str(Target.Metric.TRANSFERS_COMPLETED), count_transfers)
    register_metric(str(Target.Metric.IDEAS_AT_STAGE), count_ideas_at_stage, kinds=STAGES)
