"""The indicator table of a project, computed by aggregation in the database.

One `aggregate()` over the project's participations (LEFT JOINs to entry data, the exit record and
the follow-up) with a conditional `Count` per indicator × gender: no loop over participants in Python.
Outputs count participations that entered in the period, results those that exited in it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
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


YES, NO, UNKNOWN = 1, 0, 2


def _states(indicators: list[Indicator], entered: Q, exited: Q) -> dict[str, Case]:
    """Per-row columns of the derived table: population flags, gender and each indicator's state."""
    states: dict[str, Case] = {
        "in_output": Case(When(entered, then=Value(1)), default=Value(0), output_field=IntegerField()),
        "in_result": Case(When(exited, then=Value(1)), default=Value(0), output_field=IntegerField()),
        "gender_index": Case(
            *(When(condition, then=Value(i)) for i, condition in enumerate(GENDER_CONDITIONS.values())),
            default=Value(-1),
            output_field=IntegerField(),
        ),
    }
    for indicator in indicators:
        conditions = indicator.fact.conditions()
        states[f"state_{indicator.code}"] = Case(
            When(conditions.yes, then=Value(YES)),
            When(conditions.unknown, then=Value(UNKNOWN)),
            default=Value(NO),
            output_field=IntegerField(),
        )
    return states


def _counts(derived: QuerySet, indicators: list[Indicator]) -> dict[str, int]:
    """The outer SELECT: one conditional count per indicator × gender and per indicator's unknowns.

    Written as SQL around the ORM's inner SELECT: its conditions are only integer comparisons on the
    derived table's columns (names made here from the indicator codes), and building ~125 `Count(filter=...)`
    over annotations in the ORM costs seconds of Python (each one hashes the referenced expressions).
    """
    quote = connection.ops.quote_name
    columns: list[str] = []
    cells: list[str] = []
    for indicator in indicators:
        population = quote("in_output" if indicator.kind == "output" else "in_result")
        state = quote(f"state_{indicator.code}")
        for i, gender in enumerate(GENDER_CONDITIONS):
            columns.append(f"{indicator.code}__{gender}")
            cells.append(
                f"SUM(CASE WHEN {population} = 1 AND {state} = {YES} AND {quote('gender_index')} = {i} "
                "THEN 1 ELSE 0 END)"
            )
        columns.append(f"{indicator.code}__unanswered")
        cells.append(f"SUM(CASE WHEN {population} = 1 AND {state} = {UNKNOWN} THEN 1 ELSE 0 END)")
    inner, params = derived.query.sql_with_params()
    sql = f"SELECT {', '.join(cells)} FROM ({inner}) AS {quote('facts')}"  # noqa: S608 (no input)
    if connection.vendor == "postgresql":
        # JIT compilation of the ~25 per-row CASE expressions costs more than it saves here
        # (2.1 s of 4.9 s at 100,000 participations): off for this statement only.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
            cursor.execute(sql, params)
            values = cursor.fetchone()
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            values = cursor.fetchone()
    return {column: int(value or 0) for column, value in zip(columns, values, strict=True)}


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
    # Two levels in one statement: the inner SELECT gives each participation its population flags,
    # gender and one yes/no/unknown state per indicator, computed once per row; the outer SELECT
    # counts them (`SELECT COUNT(...) FILTER (WHERE state = 1 AND ...) FROM (SELECT ... LIMIT n)`).
    # The slice, far above any project's size, is what makes Django aggregate over the derived table,
    # and the LIMIT keeps PostgreSQL from flattening it back into the counts.
    states = _states(indicators, entered, exited)
    derived = participations.annotate(**states).order_by().values(*states)[:DERIVED_TABLE_LIMIT]
    counts = _counts(derived, indicators)
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
