"""The indicator table of a project, computed by aggregation in the database.

One `aggregate()` over the project's participations (LEFT JOINs to entry data, the exit record and
the follow-up) with a conditional `Count` per indicator × gender: no loop over participants in Python.
Outputs count participations that entered in the period, results those that exited in it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext

from polku.accounts.access import Access
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.models import Participation
from polku.projects.models import Partner, Project
from polku.reporting.indicators import SETS, Indicator, indicator_set_for
from polku.reporting.logic import UNKNOWN_VALUES, annotate_facts
from polku.reporting.suppression import suppress

DERIVED_TABLE_LIMIT = 10**12
GENDERS = ("women", "men", "non_binary", "unknown")
GENDER_CONDITIONS = {
    "women": Q(entry_data__gender="woman"),
    "men": Q(entry_data__gender="man"),
    "non_binary": Q(entry_data__gender="non_binary"),
    "unknown": Q(entry_data__gender__isnull=True) | Q(entry_data__gender__in=UNKNOWN_VALUES),
}


@dataclass(frozen=True)
class Row:
    """One indicator: `total` = women + men + non_binary + unknown (gender declined or not asked).

    `unanswered` counts those in the period for whom the indicator's facts are unknown (declined, not
    asked, no exit situation or follow-up answer): they are in neither the total nor a "no". A
    suppressed cell is None.
    """

    code: str
    label: str
    total: int | None
    women: int | None
    men: int | None
    non_binary: int | None
    unknown: int | None
    unanswered: int | None = 0
    kind: str = "output"


@dataclass(frozen=True)
class IndicatorTable:
    project_code: str
    indicator_set: str
    period_from: dt.date | None
    period_to: dt.date | None
    partner_id: int | None
    rows: list[Row]
    suppressed: bool = False
    threshold: int | None = None


def _period(field: str, period_from: dt.date | None, period_to: dt.date | None) -> Q:
    q = Q(**{f"{field}__isnull": False})
    if period_from:
        q &= Q(**{f"{field}__gte": period_from})
    if period_to:
        q &= Q(**{f"{field}__lte": period_to})
    return q


def _aggregations(indicators: list[Indicator], entered: Q, exited: Q) -> dict[str, Count]:
    aggregations: dict[str, Count] = {}
    for indicator in indicators:
        conditions = indicator.fact.conditions()
        population = entered if indicator.kind == "output" else exited
        for gender, condition in GENDER_CONDITIONS.items():
            aggregations[f"{indicator.code}__{gender}"] = Count(
                "pk", filter=population & conditions.yes & condition
            )
        aggregations[f"{indicator.code}__unanswered"] = Count("pk", filter=population & conditions.unknown)
    return aggregations


def indicator_table_unchecked(
    *,
    project: Project,
    period_from: dt.date | None = None,
    period_to: dt.date | None = None,
    partner_id: int | None = None,
) -> IndicatorTable:
    """Exact figures, for administrators and scripts (the CLI) and for readers already checked."""
    if period_from and period_to and period_to < period_from:
        raise ApplicationError(gettext("The end of the period is before its start."))
    if partner_id is not None and not Partner.objects.filter(pk=partner_id, project=project).exists():
        raise ApplicationError(gettext("The project has no such partner."))
    set_name = indicator_set_for(project)
    indicators = SETS[set_name]
    entered = _period("entry_date", period_from, period_to)
    exited = _period("exit_date", period_from, period_to)
    participations = Participation.objects.filter(project=project)
    if partner_id is not None:
        participations = participations.filter(partner_id=partner_id)
    participations = annotate_facts(participations.filter(entered | exited))
    # The slice (far above any project's size) makes Django aggregate over a derived table
    # (`SELECT COUNT(...) FILTER (...) FROM (SELECT ... LIMIT n)`): the per-row facts are computed once
    # in the inner SELECT, and the LIMIT keeps PostgreSQL from flattening the derived table back into
    # the aggregate (which would evaluate them again in each of the ~150 conditional counts).
    counts = participations[:DERIVED_TABLE_LIMIT].aggregate(**_aggregations(indicators, entered, exited))
    rows = []
    for indicator in indicators:
        by_gender = {g: counts[f"{indicator.code}__{g}"] for g in GENDERS}
        rows.append(
            Row(
                code=indicator.code,
                label=str(indicator.label),
                total=sum(by_gender.values()),
                unanswered=counts[f"{indicator.code}__unanswered"],
                kind=indicator.kind,
                **by_gender,
            )
        )
    return IndicatorTable(
        project_code=project.code,
        indicator_set=set_name,
        period_from=period_from,
        period_to=period_to,
        partner_id=partner_id,
        rows=rows,
    )


def suppressed_table(table: IndicatorTable, *, threshold: int | None = None) -> IndicatorTable:
    """The same table with small cells hidden (see polku.reporting.suppression)."""
    threshold = threshold or settings.POLKU_SUPPRESSION_THRESHOLD
    matrix = [[r.total, r.women, r.men, r.non_binary, r.unknown, r.unanswered] for r in table.rows]
    hidden = suppress(matrix, threshold=threshold, extra=1)  # type: ignore[arg-type]
    rows = [
        replace(row, total=h[0], women=h[1], men=h[2], non_binary=h[3], unknown=h[4], unanswered=h[5])
        for row, h in zip(table.rows, hidden, strict=True)
    ]
    return replace(table, rows=rows, suppressed=True, threshold=threshold)


def indicator_table(
    *,
    access: Access,
    project: Project,
    period_from: dt.date | None = None,
    period_to: dt.date | None = None,
    partner_id: int | None = None,
) -> IndicatorTable:
    """The table as `access` may see it.

    The project lead, evaluators and admins see every partner (admins exact, the others suppressed);
    a coordinator sees their own partner's exact figures only (the partner is theirs when they have one
    in the project and name none).
    """
    exact = access.is_admin or (partner_id is not None and access.can_manage_partner(partner_id))
    if not access.is_admin and not access.can_view_aggregates(project.pk):
        own = sorted(
            Partner.objects.filter(project=project, pk__in=access.coordinator_partner_ids).values_list(
                "pk", flat=True
            )
        )
        if not own:
            raise AccessDenied(gettext("Only the project lead, evaluators and coordinators see indicators."))
        if partner_id is None:
            if len(own) > 1:
                raise ApplicationError(
                    gettext("Choose one of your partners."), field_errors={"partner": [gettext("Required.")]}
                )
            partner_id = own[0]
        elif partner_id not in own:
            raise AccessDenied(gettext("A coordinator sees only their own partner's indicators."))
        exact = True
    table = indicator_table_unchecked(
        project=project, period_from=period_from, period_to=period_to, partner_id=partner_id
    )
    return table if exact else suppressed_table(table)
