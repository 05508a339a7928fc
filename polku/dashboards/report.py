"""The funder report for a chosen period: the project's details and tables of published figures.

A report is plain data (sections of labelled rows of Figures), built from polku.reporting's indicator
table (suppressed there) and the dashboard's suppressed figures, and written as XLSX, CSV or PDF by `exports`. The same suppression applies as on the dashboard.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.dashboards.selectors import (
    STAGES,
    Dashboard,
    Filters,
    dashboard_get,
    stage_labels,
)
from polku.projects.indicator_sets import SET_LABELS, indicator_set_label
from polku.projects.models import Project
from polku.reporting.selectors import IndicatorTable, indicator_table
from polku.suppression import Figure

Cell = Figure | int | str | None  # None: "not tracked yet"


@dataclass(frozen=True)
class Section:
    title: str
    headers: list[str]
    rows: Sequence[tuple[str, Sequence[Cell]]]


@dataclass(frozen=True)
class Report:
    title: str
    details: list[tuple[str, str]]
    sections: list[Section]
    note: str


def _date(value: dt.date | None) -> str:
    return date_format(value, "SHORT_DATE_FORMAT") if value else "…"


def _indicator_section(table: IndicatorTable) -> Section:
    def fig(value: int | None) -> Figure:
        return Figure(value)

    return Section(
        title=_("Funder indicators: %(set)s") % {"set": SET_LABELS[table.indicator_set]},
        headers=[
            _("Indicator"),
            _("Code"),
            _("Total"),
            _("Women"),
            _("Men"),
            _("Non-binary"),
            _("Gender unknown"),
        ],
        rows=[
            (r.label, [r.code, fig(r.total), fig(r.women), fig(r.men), fig(r.non_binary), fig(r.unknown)])
            for r in table.rows
        ],
    )


def report_get(*, access: Access, project: Project, filters: Filters) -> Report:
    """The funder report as the reader may see it: the dashboard's figures and the indicator table."""
    board = dashboard_get(access=access, project=project, filters=filters)
    partner_id = filters.partner_id
    if partner_id is None and not access.can_view_aggregates(project.pk) and len(board.scope.partners) == 1:
        partner_id = board.scope.partners[0].pk
    table = indicator_table(
        access=access,
        project=project,
        period_from=filters.period_from,
        period_to=filters.period_to,
        partner_id=partner_id if partner_id in board.scope.partner_ids else None,
    )
    return report_build(board=board, indicators=table)


def report_build(*, board: Dashboard, indicators: IndicatorTable | None = None) -> Report:
    project = board.project
    f = board.filters
    details = [
        (_("Project"), project.name),
        (_("Project code"), project.code),
        (
            _("Funder"),
            project.get_funder_display() + (f" – {project.programme}" if project.programme else ""),
        ),
        (_("Project period"), f"{_date(project.starts_on)} – {_date(project.ends_on)}"),
        (_("Partners"), ", ".join(p.organisation.name for p in board.scope.partners)),
        (_("Report period"), f"{_date(f.period_from)} – {_date(f.period_to)}"),
        (_("Funder indicator set"), indicator_set_label(project)),
        (_("Generated at"), date_format(timezone.localtime(board.generated_at), "SHORT_DATETIME_FORMAT")),
    ]
    if board.scope.exact:
        note = _("Exact figures of the partners you coordinate.")
    else:
        note = _(
            "Counts between 1 and %(n)s are hidden, and so are further cells where a total would give "
            "them away. Hidden cells are marked “hidden”."
        ) % {"n": board.threshold - 1}
    details.append((_("Small numbers"), note))
    labels = stage_labels()
    partner_rows: list[tuple[str, Sequence[Cell]]] = [
        (r.label, [r.country, *(r.stages[s] for s in ("registered", "active", "exited", "outcome"))])
        for r in board.partner_rows
    ]
    sections = [
        Section(
            title=_("Participant funnel"),
            headers=[_("Stage"), _("People")],
            rows=[(labels[s], [board.funnel[s]]) for s in STAGES],
        ),
        Section(
            title=_("Participants per partner"),
            headers=[
                _("Partner"),
                _("Country"),
                labels["registered"],
                labels["active"],
                labels["exited"],
                labels["outcome"],
            ],
            rows=[
                *partner_rows,
                (_("Total"), ["", *(board.funnel[s] for s in ("registered", "active", "exited", "outcome"))]),
            ],
        ),
        Section(
            title=_("Targets against actuals"),
            headers=[_("Target"), _("Target value"), _("Now")],
            rows=[(t.target.label, [t.target.value, t.actual]) for t in board.targets],
        ),
        Section(
            title=_("Outcomes by kind"),
            headers=[_("Outcome"), _("People")],
            rows=[(label, [board.kind_totals[k]]) for k, label in board.outcome_kinds]
            + [(_("Total"), [board.outcome_total])],
        ),
    ]
    if indicators is not None and indicators.indicator_set:
        sections.insert(0, _indicator_section(indicators))
    return Report(title=_("Funder report"), details=details, sections=sections, note=note)
