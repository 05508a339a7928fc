"""What entrepreneurship adds to pages of the apps below it (registered in the AppConfig's ready()):

- the project dashboard (`activities.sections.dashboard_sections`): ideas per stage, movement between
  stages, sparring sessions and hours, and companies founded and taken over per partner and country, for
  the partners and period in view. A reader who coordinates every partner in view sees exact counts;
  others (the project lead, evaluators) see small cells hidden by `polku.suppression`, with the totals
  and per-country sums secured together so that no hidden cell can be worked out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Sum
from django.http import HttpRequest

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import hub_sections
from polku.activities.metrics import Within
from polku.activities.sections import dashboard_sections
from polku.core.names import country_name
from polku.entrepreneurship.models import BusinessIdea, Company, SparringSession, Stage, StageChange
from polku.entrepreneurship.selectors import my_ideas
from polku.projects.models import Partner, Project
from polku.suppression.figures import Figure, publish
from polku.suppression.rules import hide_small


@dataclass(frozen=True)
class CompanyRow:
    label: str
    country: str
    total: Figure
    founded: Figure
    taken_over: Figure


def hub_idea_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """The participant's home: their newest business idea and its stage; nothing without an idea."""
    if access.person_id is None or not access.can_have_business_ideas():
        return None
    idea = my_ideas(person=access.person_id).first()
    if idea is None:
        return None
    return {"idea": idea}


def _partners(project: Project, within: Within) -> list[Partner]:
    rows = (
        Partner.objects.filter(project=project).select_related("organisation").order_by("organisation__name")
    )
    if within.partner_ids is not None:
        rows = rows.filter(pk__in=within.partner_ids)
    return list(rows)


def _company_rows(
    project: Project, partners: list[Partner], within: Within, exact: bool, threshold: int
) -> tuple[list[CompanyRow], list[CompanyRow], CompanyRow]:
    counts: dict[tuple[int, str], int] = Counter()
    for row in (
        Company.objects.filter(
            within.q("participation__partner_id", "registered_on"), participation__project=project
        )
        .values("participation__partner_id", "how")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[(row["participation__partner_id"], row["how"])] = row["n"]
    cells: dict[Any, int] = {}
    equations: list[Any] = []
    by_country: dict[str, list[int]] = defaultdict(list)
    for p in partners:
        founded, taken = counts[(p.pk, Company.How.FOUNDED)], counts[(p.pk, Company.How.TAKEN_OVER)]
        cells |= {("p", p.pk, 0): founded + taken, ("p", p.pk, 1): founded, ("p", p.pk, 2): taken}
        equations.append((("p", p.pk, 0), [("p", p.pk, 1), ("p", p.pk, 2)]))
        by_country[p.country].append(p.pk)
    for country, ids in by_country.items():
        for k in range(3):
            cells[("c", country, k)] = sum(cells[("p", pk, k)] for pk in ids)
            equations.append((("c", country, k), [("p", pk, k) for pk in ids]))
    for k in range(3):
        cells[("t", k)] = sum(cells[("c", c, k)] for c in by_country)
        equations.append((("t", k), [("c", c, k) for c in by_country]))
    shown = publish(cells, equations, exact=exact, threshold=threshold)

    def line(key: tuple[Any, ...], label: str, country: str) -> CompanyRow:
        return CompanyRow(label, country, *(shown[(*key, k)] for k in range(3)))

    partner_rows = [line(("p", p.pk), p.organisation.name, country_name(p.country)) for p in partners]
    country_rows = [line(("c", c), country_name(c), country_name(c)) for c in sorted(by_country)]
    return partner_rows, country_rows, line(("t",), "", "")


def dashboard_section(
    *, project: Project, access: Access, within: Within, threshold: int, request: HttpRequest
) -> dict[str, Any] | None:
    if not access.can_view_counts(project.pk):
        return None
    partners = _partners(project, within)
    exact = bool(partners) and all(access.can_manage_partner(p.pk) for p in partners)
    partner_ids = [p.pk for p in partners]
    ideas = BusinessIdea.objects.filter(
        participation__project=project, participation__partner_id__in=partner_ids
    )
    per_stage = dict(ideas.values_list("stage").annotate(n=Count("id")).order_by())
    stage_cells = {value: per_stage.get(value, 0) for value in Stage.values} | {"total": ideas.count()}
    stage_shown = publish(stage_cells, [("total", list(Stage.values))], exact=exact, threshold=threshold)
    labels = dict(Stage.choices)
    moves = (
        StageChange.objects.filter(
            within.q("idea__participation__partner_id", "changed_on"),
            idea__participation__project=project,
            idea__participation__partner_id__in=partner_ids,
        )
        .exclude(from_stage="")
        .values("from_stage", "to_stage")
        .annotate(n=Count("id"))
        .order_by("from_stage", "to_stage")
    )
    move_rows = [
        (
            labels.get(m["from_stage"], m["from_stage"]),
            labels.get(m["to_stage"], m["to_stage"]),
            Figure(m["n"] if exact else hide_small(m["n"], threshold=threshold)),
        )
        for m in moves
    ]
    sessions = SparringSession.objects.filter(
        within.q("sparring__idea__participation__partner_id", "held_on"),
        sparring__idea__participation__project=project,
        sparring__idea__participation__partner_id__in=partner_ids,
    ).aggregate(n=Count("id"), minutes=Sum("duration_minutes"))
    session_count = Figure(sessions["n"] if exact else hide_small(sessions["n"], threshold=threshold))
    hours = None if session_count.hidden else round((sessions["minutes"] or 0) / 60, 1)
    partner_rows, country_rows, total = _company_rows(project, partners, within, exact, threshold)
    return {
        "stages": [(labels[v], stage_shown[v]) for v in Stage.values],
        "stage_total": stage_shown["total"],
        "moves": move_rows,
        "sessions": session_count,
        "hours": hours,
        "partner_rows": partner_rows,
        "country_rows": country_rows,
        "total": total,
    }


def register() -> None:
    hub_sections.register(
        "entrepreneurship", template="entrepreneurship/_hub_idea.html", context=hub_idea_section, order=45
    )
    dashboard_sections.register(
        "entrepreneurship", template="entrepreneurship/_dashboard.html", context=dashboard_section, order=40
    )
