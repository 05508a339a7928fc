"""What employers' targets count (registered into `polku.activities.metrics` from the app's ready()),
within the target's project and partner (the partner that keeps the relationship with the company),
narrowed by a `Within` to partners and a period:

- companies engaged: different employers with a logged contact or meeting in the period;
- needs opened: talent needs opened in the period (optionally of one kind);
- introductions approved: approved by the participant in the period;
- placements: internships, work trials and jobs that started through an introduction in the period.
Counted from raw rows; a work package or a country does not narrow them.
"""

from __future__ import annotations

from django.db.models import QuerySet

from polku.activities.metrics import EVERYWHERE, Within, register_metric
from polku.activities.models import Target
from polku.employers.models import CooperationEntry, Introduction, NeedKind, TalentNeed

KINDS = list(NeedKind.choices)


def _scope(target: Target, prefix: str) -> dict:
    where: dict = {f"{prefix}project_id": target.project_id}
    if target.partner_id:
        where[f"{prefix}partner_id"] = target.partner_id
    return where


def companies_engaged(target: Target, within: Within = EVERYWHERE) -> int:
    rows = CooperationEntry.objects.filter(
        within.q("employer__partner_id", "happened_on"), **_scope(target, "employer__")
    )
    return rows.values("employer_id").distinct().count()


def _needs(target: Target, within: Within) -> QuerySet[TalentNeed]:
    rows = TalentNeed.objects.filter(
        within.q("employer__partner_id", "opened_at__date"),
        opened_at__isnull=False,
        **_scope(target, "employer__"),
    )
    return rows.filter(kind=target.kind) if target.kind else rows


def needs_opened(target: Target, within: Within = EVERYWHERE) -> int:
    return _needs(target, within).count()


def introductions_approved(target: Target, within: Within = EVERYWHERE) -> int:
    return Introduction.objects.filter(
        within.q("employer__partner_id", "decided_at__date"),
        status=Introduction.Status.APPROVED,
        **_scope(target, "employer__"),
    ).count()


def placements(target: Target, within: Within = EVERYWHERE) -> int:
    return Introduction.objects.filter(
        within.q("employer__partner_id", "started_on"),
        started_on__isnull=False,
        **_scope(target, "employer__"),
    ).count()


def register() -> None:
    register_metric(str(Target.Metric.COMPANIES_ENGAGED), companies_engaged)
    register_metric(str(Target.Metric.NEEDS_OPENED), needs_opened, kinds=KINDS)
    register_metric(str(Target.Metric.INTRODUCTIONS_APPROVED), introductions_approved)
    register_metric(str(Target.Metric.PLACEMENTS), placements)
