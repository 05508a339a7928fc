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
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext

from polku.accounts.access import Access
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.models import Participation
from polku.projects.models import Partner, Project
from polku.reporting.indicators import SETS, Indicator, indicator_set_for
from polku.reporting.logic import UNKNOWN_VALUES, All, AnyOf, Fact, annotate_facts
from polku.suppression import suppress, suppress_partners

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


NO, UNKNOWN, YES = 0, 1, 2  # ordered, so that Kleene's `and` is the least and `or` the greatest
LOOKUPS = {"in", "isnull", "exact", "gt", "gte", "lt", "lte"}
OPERATORS = {"exact": "=", "gt": ">", "gte": ">=", "lt": "<", "lte": "<="}


def _paths(q: Q, into: dict[str, str]) -> None:
    """Collect the field paths a condition refers to (`entry_data__labour_status`, `age_key`, ...)."""
    for child in q.children:
        if isinstance(child, Q):
            _paths(child, into)
        else:
            path, _lookup = _split(child[0])  # type: ignore[index]
            into.setdefault(path, f"c{len(into)}")


def _split(lookup: str) -> tuple[str, str]:
    head, _sep, last = lookup.rpartition("__")
    return (head, last) if head and last in LOOKUPS else (lookup, "exact")


def _where(q: Q, columns: dict[str, str], params: list[object]) -> str:
    """`q` as SQL over the derived table's columns, with the ORM's meaning of each lookup.

    The facts' conditions are written without negation (polku.reporting.logic), so plain SQL
    `IN`, `IS NULL` and comparisons on the columns give what the ORM's filter would on the joins: a
    NULL column matches only `isnull`. An empty `IN` matches nothing, as in the ORM.
    """
    if q.negated:
        raise ValueError("indicator conditions are written without negation")
    parts = []
    for child in q.children:
        if isinstance(child, Q):
            parts.append(_where(child, columns, params))
            continue
        path, lookup = _split(child[0])  # type: ignore[index]
        value = child[1]  # type: ignore[index]
        column = connection.ops.quote_name(columns[path])
        if lookup == "isnull" or (lookup == "exact" and value is None):
            parts.append(f"{column} IS {'' if value or value is None else 'NOT '}NULL")
        elif lookup == "in":
            values = list(value)
            params.extend(values)
            parts.append(f"{column} IN ({', '.join(['%s'] * len(values))})" if values else "1 = 0")
        else:
            params.append(value)
            parts.append(f"{column} {OPERATORS[lookup]} %s")
    if not parts:
        return "1 = 1"
    return "(" + f" {q.connector} ".join(parts) + ")"


def _leaves(fact: Fact, into: dict[Fact, str]) -> None:
    """The distinct facts that are not a combination (`&`, `|`) of others, each named once."""
    if isinstance(fact, All | AnyOf):
        for part in fact.parts:
            _leaves(part, into)
    else:
        into.setdefault(fact, f"s{len(into)}")


def _state(fact: Fact, leaves: dict[Fact, str]) -> str:
    """A fact's state (0 no, 1 unknown, 2 yes) as SQL over the leaf states: Kleene's three-valued `and`
    is the least state of the parts, `or` the greatest (no < unknown < yes)."""
    if not isinstance(fact, All | AnyOf):
        return connection.ops.quote_name(leaves[fact])
    parts = [_state(part, leaves) for part in fact.parts]
    if len(parts) == 1:
        return parts[0]
    sqlite = connection.vendor == "sqlite"  # SQLite's many-argument min() and max() are LEAST and GREATEST
    function = ("MIN" if sqlite else "LEAST") if isinstance(fact, All) else ("MAX" if sqlite else "GREATEST")
    return f"{function}({', '.join(parts)})"


def _facts(
    participations: QuerySet, leaves: dict[Fact, str], entered: Q, exited: Q
) -> tuple[QuerySet, dict[str, str]]:
    """The derived table: one row per participation with its population flags, its gender and every
    raw fact or per-row key (age, unemployment spell, exit window: computed once here) that the leaf
    facts' conditions refer to, under short column names (c0, c1, ...)."""
    columns: dict[str, str] = {}
    for leaf in leaves:
        conditions = leaf.conditions()
        _paths(conditions.yes, columns)
        _paths(conditions.unknown, columns)
    values = {
        "in_output": Case(When(entered, then=Value(1)), default=Value(0), output_field=IntegerField()),
        "in_result": Case(When(exited, then=Value(1)), default=Value(0), output_field=IntegerField()),
        "gender_index": Case(
            *(When(condition, then=Value(i)) for i, condition in enumerate(GENDER_CONDITIONS.values())),
            default=Value(-1),
            output_field=IntegerField(),
        ),
    } | {alias: F(path) for path, alias in columns.items()}
    return participations.order_by().values(**values)[:DERIVED_TABLE_LIMIT], columns


def _counts(participations: QuerySet, indicators: list[Indicator], entered: Q, exited: Q) -> dict[str, int]:
    """Counts per indicator and gender, and per indicator's unknowns, in one statement of three levels.

    1. The ORM's SELECT: per participation its population flags, gender, raw facts and per-row keys.
    2. Per row, each distinct leaf fact's state (`CASE WHEN yes THEN 2 WHEN unknown THEN 1 ELSE 0`),
       its conditions evaluated once on plain columns, however many indicators use it.
    3. Per indicator, its state from the leaf states (LEAST / GREATEST) and, grouped by gender, the sums
       of those in its population (entered / exited in the period) with yes and with unknown.
    Each inner level ends in a LIMIT far above any project's size, which keeps PostgreSQL from
    flattening it into the next (that would inline its expressions into every use again). Levels 2 and
    3 are SQL around the ORM's level 1: building ~50 conditional aggregates over annotations in the
    ORM costs seconds of Python (each one hashes the referenced expressions).
    """
    quote = connection.ops.quote_name
    leaves: dict[Fact, str] = {}
    for indicator in indicators:
        _leaves(indicator.fact, leaves)
    derived, columns = _facts(participations, leaves, entered, exited)
    params: list[object] = []
    flags = [quote(name) for name in ("gender_index", "in_output", "in_result")]
    states = []
    for leaf, alias in leaves.items():
        conditions = leaf.conditions()
        yes, unknown = _where(conditions.yes, columns, params), _where(conditions.unknown, columns, params)
        states.append(
            f"CASE WHEN {yes} THEN {YES} WHEN {unknown} THEN {UNKNOWN} ELSE {NO} END AS {quote(alias)}"
        )
    inner, inner_params = derived.query.sql_with_params()
    params.extend(inner_params)
    cells = []
    for indicator in indicators:
        population = quote("in_output" if indicator.kind == "output" else "in_result")
        state = _state(indicator.fact, leaves)
        # FILTER: PostgreSQL and SQLite (3.30+, which Django 5.2 requires); ~10 % faster than SUM(CASE ...).
        cells.append(f"COUNT(*) FILTER (WHERE {population} = 1 AND {state} = {YES})")
        cells.append(f"COUNT(*) FILTER (WHERE {population} = 1 AND {state} = {UNKNOWN})")
    gender = quote("gender_index")
    # No input in the SQL text: column names are made here, values are parameters.
    levels = (
        f"SELECT {', '.join(flags + states)} FROM ({inner}) AS {quote('facts')} LIMIT {DERIVED_TABLE_LIMIT}"  # noqa: S608
    )
    sql = f"SELECT {gender}, {', '.join(cells)} FROM ({levels}) AS {quote('states')} GROUP BY {gender}"  # noqa: S608
    if connection.vendor == "postgresql":
        # JIT compilation of the per-row CASE expressions costs more than it saves here: off for this
        # statement only.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
            cursor.execute(sql, params)  # type: ignore[arg-type]
            groups = cursor.fetchall()
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)  # type: ignore[arg-type]
            groups = cursor.fetchall()
    counts = {f"{i.code}__{g}": 0 for i in indicators for g in (*GENDER_CONDITIONS, "unanswered")}
    genders = list(GENDER_CONDITIONS)
    for index, *sums in groups:
        for n, indicator in enumerate(indicators):
            yes_count, unknown_count = int(sums[2 * n] or 0), int(sums[2 * n + 1] or 0)
            counts[f"{indicator.code}__unanswered"] += unknown_count
            if 0 <= index < len(genders):
                counts[f"{indicator.code}__{genders[index]}"] += yes_count
    return counts


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
    indicators = SETS.get(set_name, [])  # no set: no rows (the funder is not the ESF)
    entered = _period("entry_date", period_from, period_to)
    exited = _period("exit_date", period_from, period_to)
    participations = Participation.objects.filter(project=project)
    if partner_id is not None:
        participations = participations.filter(partner_id=partner_id)
    counts = (
        _counts(annotate_facts(participations.filter(entered | exited)), indicators, entered, exited)
        if indicators
        else {}
    )
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
    """The same table with small cells hidden (see polku.suppression.tables)."""
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
    if exact:
        return indicator_table_unchecked(
            project=project, period_from=period_from, period_to=period_to, partner_id=partner_id
        )
    return suppressed_view(
        project=project, period_from=period_from, period_to=period_to, partner_id=partner_id
    )


def suppressed_view(
    *,
    project: Project,
    period_from: dt.date | None = None,
    period_to: dt.date | None = None,
    partner_id: int | None = None,
    threshold: int | None = None,
) -> IndicatorTable:
    """The project's table or one partner's, suppressed together with every other partner's table
    (`polku.suppression.suppress_partners`), so that no view subtracted from another reveals a hidden cell.
    One counting statement per partner; the project's table is their sum."""
    threshold = threshold or settings.POLKU_SUPPRESSION_THRESHOLD
    if partner_id is not None and not Partner.objects.filter(pk=partner_id, project=project).exists():
        raise ApplicationError(gettext("The project has no such partner."))
    partner_ids = list(project.partners.order_by("pk").values_list("pk", flat=True))
    tables = {
        pk: indicator_table_unchecked(
            project=project, period_from=period_from, period_to=period_to, partner_id=pk
        )
        for pk in partner_ids
    }
    if not tables:
        return suppressed_table(
            indicator_table_unchecked(project=project, period_from=period_from, period_to=period_to),
            threshold=threshold,
        )
    columns = ("total", *GENDERS, "unanswered")
    matrices = {pk: [[getattr(r, c) for c in columns] for r in t.rows] for pk, t in tables.items()}
    whole, by_partner = suppress_partners(matrices, threshold=threshold, extra=1)
    template = tables[partner_ids[0]]
    shown = whole if partner_id is None else by_partner[partner_id]
    rows = [
        replace(row, total=h[0], women=h[1], men=h[2], non_binary=h[3], unknown=h[4], unanswered=h[5])
        for row, h in zip(template.rows, shown, strict=True)
    ]
    return replace(template, partner_id=partner_id, rows=rows, suppressed=True, threshold=threshold)
