"""The project dashboard: targets against actuals, the participant funnel and outcomes over time.

Every figure is counted with grouped queries (one per kind of figure, not one per target or partner) and
published through `polku.suppression.publish`: a reader who coordinates every partner in the scope (or an admin)
sees exact counts; the project lead and evaluators see the whole project with small cells suppressed.
A coordinator's dashboard covers only their own partner(s); other partners are not in it at all.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, Count, Exists, IntegerField, Max, Q, Sum, Value, When
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.activities import metrics
from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.competences.models import ProfileSkill
from polku.core.errors import AccessDenied
from polku.learning.selectors import plans_of_participation
from polku.outcomes.models import ExitRecord, ExitStatus, Outcome
from polku.participants.models import Participation
from polku.projects.models import Partner, Project, WorkPackage
from polku.suppression import Equation, Figure, publish

# Exit situations that count as a result in the funnel (any dated Outcome counts too).
RESULT_STATUSES = (ExitStatus.EMPLOYED, ExitStatus.EDUCATION, ExitStatus.SELF_EMPLOYED)
STAGES = ("registered", "mapped", "plan", "active", "exited", "outcome")
TOTAL = "total"


def stage_labels() -> dict[str, str]:
    return {
        "registered": _("Registered"),
        "mapped": _("Competences mapped"),
        "plan": _("Development plan made"),
        "active": _("Active in an activity"),
        "exited": _("Exited"),
        "outcome": _("With an outcome"),
    }


@dataclass(frozen=True)
class Filters:
    period_from: dt.date | None = None
    period_to: dt.date | None = None
    partner_id: int | None = None
    country: str = ""


@dataclass(frozen=True)
class Scope:
    """Which partners a reader's dashboard covers, and whether its figures are exact."""

    partners: list[Partner]
    exact: bool
    whole_project: bool

    @property
    def partner_ids(self) -> list[int]:
        return [p.pk for p in self.partners]


def dashboard_scope(*, access: Access, project: Project, filters: Filters) -> Scope:
    """The partners in view: all (the lead, evaluators, admins) or the reader's own (coordinators),
    narrowed by the partner and country filters. Refuses readers who see no counts of the project."""
    partners = list(
        project.partners.select_related("organisation").order_by("-is_lead", "organisation__name")
    )
    whole = access.can_view_aggregates(project.pk)
    if not whole:
        partners = [p for p in partners if access.can_manage_partner(p.pk)]
        if not partners:
            raise AccessDenied(_("The dashboard is for the project lead, evaluators and coordinators."))
    if filters.partner_id:
        partners = [p for p in partners if p.pk == filters.partner_id]
    if filters.country:
        partners = [p for p in partners if p.country == filters.country]
    exact = all(access.can_manage_partner(p.pk) for p in partners)
    return Scope(partners=partners, exact=exact, whole_project=whole and not filters.partner_id)


@dataclass(frozen=True)
class PartnerRow:
    partner: Partner | None  # None for a country subtotal and the total row
    label: str
    country: str
    stages: dict[str, Figure]


@dataclass(frozen=True)
class TargetRow:
    target: Target
    actual: Figure

    @property
    def percent(self) -> int | None:
        if self.actual.value is None:
            return None
        return min(100, round(100 * self.actual.value / self.target.value)) if self.target.value else 100


@dataclass(frozen=True)
class WorkPackageRow:
    label: str
    activities: Figure
    participants: Figure


@dataclass(frozen=True)
class MonthRow:
    month: dt.date
    kinds: dict[str, Figure]
    total: Figure


@dataclass
class Dashboard:
    project: Project
    filters: Filters
    scope: Scope
    threshold: int
    funnel: dict[str, Figure]
    partner_rows: list[PartnerRow]
    country_rows: list[PartnerRow]
    targets: list[TargetRow]
    work_packages: list[WorkPackageRow]
    outcome_kinds: list[tuple[str, str]]
    months: list[MonthRow]
    kind_totals: dict[str, Figure]
    outcome_total: Figure
    generated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @property
    def within(self) -> metrics.Within:
        return within_of(self.scope, self.filters)

    @property
    def any_hidden(self) -> bool:
        figures = [*self.funnel.values(), *(f for r in self.partner_rows for f in r.stages.values())]
        figures += [t.actual for t in self.targets] + [self.outcome_total, *self.kind_totals.values()]
        return any(f.hidden for f in figures)


def _participations(project: Project, scope: Scope, filters: Filters):
    rows = Participation.objects.filter(project=project, partner_id__in=scope.partner_ids)
    if filters.period_from:
        rows = rows.filter(entry_date__gte=filters.period_from)
    if filters.period_to:
        rows = rows.filter(entry_date__lte=filters.period_to)
    return rows


def _stage_counts(project: Project, scope: Scope, filters: Filters) -> dict[int, dict[str, int]]:
    """Funnel stages per partner in grouped queries (the cohort: people who entered in the period).

    - mapped: the person has confirmed at least one skill of their competence profile. The profile is
      the person's own and follows them between projects, so a mapping made before they entered counts.
    - plan: the person has a development plan made while this participation was open (from the entry
      date to the exit date); plans of their other projects do not count.
    - active, outcome: "has an enrolment" and "has an outcome or a result" are `id IN (SELECT
      participation_id ...)` in the WHERE clause of their own query, which PostgreSQL runs as semi-joins
      (each table read once, hashed). As correlated `EXISTS` in `COUNT(...) FILTER` they were one index
      probe per participation, and the cost estimate of that switched on JIT compilation with inlining and
      optimisation: at 100,000 participations 2.8 s under load, about half of it JIT (docs/benchmarks.md,
      "Dashboard"). The plan test is an `EXISTS` in the WHERE clause, which is planned as a semi-join too.
    """
    cohort = _participations(project, scope, filters).order_by()
    enrolments = ActivityEnrolment.objects.order_by()
    outcomes = Outcome.objects.order_by()
    results = ExitRecord.objects.filter(status__in=RESULT_STATUSES, participation__exit_date__isnull=False)
    skills = ProfileSkill.objects.filter(status=ProfileSkill.Status.CONFIRMED).order_by()
    exited = Q(exit_date__isnull=False)
    if filters.period_to:
        enrolments = enrolments.filter(enrolled_on__lte=filters.period_to)
        outcomes = outcomes.filter(date__lte=filters.period_to)
        results = results.filter(participation__exit_date__lte=filters.period_to)
        skills = skills.filter(updated_at__date__lte=filters.period_to)
        exited &= Q(exit_date__lte=filters.period_to)
    with_outcome = outcomes.values("participation_id").union(results.order_by().values("participation_id"))
    counts: dict[int, dict[str, int]] = {p: dict.fromkeys(STAGES, 0) for p in scope.partner_ids}
    for row in cohort.values("partner_id").annotate(
        registered=Count("pk"), exited=Count("pk", filter=exited)
    ):
        counts[row["partner_id"]] |= {"registered": row["registered"], "exited": row["exited"]}
    staged = (
        ("active", cohort.filter(pk__in=enrolments.values("participation_id"))),
        ("outcome", cohort.filter(pk__in=with_outcome)),
        ("mapped", cohort.filter(person_id__in=skills.values("person_id"))),
        ("plan", cohort.filter(Exists(plans_made_within(filters)))),
    )
    for stage, rows in staged:
        for row in rows.values("partner_id").annotate(n=Count("pk")):
            counts[row["partner_id"]][stage] = row["n"]
    return counts


def plans_made_within(filters: Filters):
    """Plans of the participation in `OuterRef` made while it was open, and not after the period's end."""
    plans = plans_of_participation()
    return plans.filter(created_at__date__lte=filters.period_to) if filters.period_to else plans


def _partner_tables(
    scope: Scope, counts: dict[int, dict[str, int]], *, threshold: int
) -> tuple[dict[str, Figure], list[PartnerRow], list[PartnerRow]]:
    """Partners nested in countries nested in the total, suppressed together so no sum gives a cell away."""
    by_country: dict[str, list[Partner]] = defaultdict(list)
    for partner in scope.partners:
        by_country[partner.country].append(partner)
    cells: dict[tuple[str, object], int] = {}
    equations: list[Equation] = []
    for stage in STAGES:
        cells[(stage, TOTAL)] = sum(c[stage] for c in counts.values())
        for country, partners in by_country.items():
            cells[(stage, ("country", country))] = sum(counts[p.pk][stage] for p in partners)
            for partner in partners:
                cells[(stage, partner.pk)] = counts[partner.pk][stage]
            equations.append(((stage, ("country", country)), [(stage, p.pk) for p in partners]))
        equations.append(((stage, TOTAL), [(stage, ("country", c)) for c in by_country]))
    shown = publish(cells, equations, exact=scope.exact, threshold=threshold)

    def stages(key: object) -> dict[str, Figure]:
        return {stage: shown[(stage, key)] for stage in STAGES}

    partner_rows = [
        PartnerRow(partner=p, label=p.organisation.name, country=p.country, stages=stages(p.pk))
        for p in scope.partners
    ]
    country_rows = [
        PartnerRow(partner=None, label=country, country=country, stages=stages(("country", country)))
        for country in sorted(by_country)
    ]
    return stages(TOTAL), partner_rows, country_rows


def _visible_targets(project: Project, scope: Scope) -> list[Target]:
    """A coordinator sees the targets of the whole project and of their own partner; others' are left out."""
    return [
        t
        for t in project.targets.select_related("work_package", "partner__organisation").order_by(
            "work_package__number", "label", "pk"
        )
        if t.partner_id is None or t.partner_id in scope.partner_ids or scope.whole_project
    ]


def _activity_where(target: Target) -> dict[str, object]:
    """The activities a target counts: its work package, partner and country, where it names them."""
    where: dict[str, object] = {}
    if target.work_package_id:
        where["work_package_id"] = target.work_package_id
    if target.partner_id:
        where["partner_id"] = target.partner_id
    if target.country:
        where["partner__country"] = target.country
    return where


def _flag(condition: Q) -> Case | Value:
    """1 where the condition holds, else 0 (an empty condition, "every activity", always holds)."""
    if not condition:
        return Value(1, output_field=IntegerField())
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _enrolment_counts(
    project: Project, scope: Scope, filters: Filters, targets: list[Target], packages: list[WorkPackage]
) -> dict[str, int]:
    """Distinct people enrolled in the project's activities, per work package (`w<pk>`, `w-` for none)
    and per "participants in activities" target (`t<pk>`), in one statement of two levels.

    1. Per participation of the cohort, one flag per figure: MAX(1 if one of its enrolments counts).
    2. The flags summed: each person counts once per figure, which is COUNT(DISTINCT participation).
    As one `COUNT(DISTINCT ...)` query per kind of figure the same enrolments were read twice, each time
    with one index probe into participations per enrolment for the cohort test (docs/benchmarks.md).
    """
    flags: dict[str, Q] = {f"w{wp.pk}": Q(activity__work_package_id=wp.pk) for wp in packages}
    flags["w-"] = Q(activity__work_package_id__isnull=True)
    for t in targets:
        if t.metric == Target.Metric.ACTIVITY_PARTICIPANTS:
            flags[f"t{t.pk}"] = metrics.enrolment_scope(t)
    names = {key: f"f{i}" for i, key in enumerate(flags)}  # plain aliases for the SQL
    per_person = (
        ActivityEnrolment.objects.filter(
            activity__project=project, participation__in=_participations(project, scope, filters)
        )
        .order_by()
        .values("participation_id")
        .annotate(**{names[key]: Max(_flag(q)) for key, q in flags.items()})
    )
    sums = per_person.aggregate(**{f"s{alias}": Sum(alias) for alias in names.values()})
    return {key: int(sums[f"s{alias}"] or 0) for key, alias in names.items()}


def within_of(scope: Scope, filters: Filters) -> metrics.Within:
    """The reader's partners and the period of the filters, as the counters of the apps take them."""
    return metrics.Within(
        partner_ids=None if scope.whole_project and not filters.country else frozenset(scope.partner_ids),
        since=filters.period_from,
        until=filters.period_to,
    )


def _target_rows(
    project: Project,
    scope: Scope,
    filters: Filters,
    counts: dict[int, dict[str, int]],
    targets: list[Target],
    people: dict[str, int],
    *,
    threshold: int,
) -> list[TargetRow]:
    """Every target's actual from the stage counts, the enrolment counts and one activity aggregate.

    A coordinator's targets are counted over their own partner's people."""
    actual: dict[int, int] = {}
    in_scope = set(scope.partner_ids)
    within = within_of(scope, filters)
    activity_counts: dict[str, Count] = {}
    for t in targets:
        partners = [p for p in scope.partners if (not t.partner_id or p.pk == t.partner_id)]
        partners = [p for p in partners if not t.country or p.country == t.country]
        if t.metric in (Target.Metric.PARTICIPANTS, Target.Metric.EXITED):
            stage = "registered" if t.metric == Target.Metric.PARTICIPANTS else "exited"
            actual[t.pk] = sum(counts[p.pk][stage] for p in partners if p.pk in in_scope)
        elif t.metric == Target.Metric.ACTIVITY_PARTICIPANTS:
            actual[t.pk] = people[f"t{t.pk}"]
        elif t.metric == Target.Metric.ACTIVITIES:
            where = Q(**_activity_where(t)) & (Q(kind=t.kind) if t.kind else Q())
            activity_counts[f"t{t.pk}"] = Count("pk", filter=where)
        else:  # events, outcomes, mentoring, guidance…: the metric's own counter, narrowed to the view
            actual[t.pk] = metrics.count(t, within)
    if activity_counts:
        activities = Activity.objects.filter(project=project)
        if not scope.whole_project:
            activities = activities.filter(partner_id__in=scope.partner_ids)
        if filters.period_from:
            activities = activities.filter(starts_on__gte=filters.period_from)
        if filters.period_to:
            activities = activities.filter(starts_on__lte=filters.period_to)
        actual |= {int(k[1:]): v for k, v in activities.aggregate(**activity_counts).items()}
    shown = publish(actual, exact=scope.exact, threshold=threshold)
    return [TargetRow(target=t, actual=shown[t.pk]) for t in targets]


def _work_package_rows(
    project: Project, scope: Scope, packages: list[WorkPackage], people: dict[str, int], *, threshold: int
) -> list[WorkPackageRow]:
    """Activities (one grouped query) and distinct participants (from the enrolment counts) per work package."""
    activities = Activity.objects.filter(project=project).filter(
        Q(partner_id__in=scope.partner_ids) | Q(partner__isnull=True)
    )
    activity_counts: dict[int | None, int] = {
        r["work_package_id"]: r["n"]
        for r in activities.values("work_package_id").annotate(n=Count("pk")).order_by()
    }
    keys: list[int | None] = [wp.pk for wp in packages] + [None]
    cells = {("a", k): activity_counts.get(k, 0) for k in keys} | {
        ("p", k): people["w-" if k is None else f"w{k}"] for k in keys
    }
    # Activities are not personal data; only the participant counts are suppressed.
    shown = publish({k: v for k, v in cells.items() if k[0] == "p"}, exact=scope.exact, threshold=threshold)
    labels = {wp.pk: f"{_('WP')}{wp.number} {wp.name}" for wp in packages} | {None: _("No work package")}
    return [
        WorkPackageRow(label=labels[k], activities=Figure(cells[("a", k)]), participants=shown[("p", k)])
        for k in keys
        if k is not None or cells[("a", None)] or cells[("p", None)]
    ]


def _outcome_table(
    project: Project, scope: Scope, filters: Filters, *, threshold: int
) -> tuple[list[MonthRow], dict[str, Figure], Figure]:
    """Outcomes per month and kind (one grouped query), suppressed across rows and columns together."""
    outcomes = Outcome.objects.filter(
        participation__project=project, participation__partner_id__in=scope.partner_ids
    )
    if filters.period_from:
        outcomes = outcomes.filter(date__gte=filters.period_from)
    if filters.period_to:
        outcomes = outcomes.filter(date__lte=filters.period_to)
    grouped = (
        outcomes.annotate(month=TruncMonth("date")).values("month", "kind").annotate(n=Count("pk")).order_by()
    )
    kinds = [k for k, _label in Outcome.Kind.choices]
    raw: dict[dt.date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(kinds, 0))
    for row in grouped:
        month = row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]
        raw[month][row["kind"]] += row["n"]
    months = sorted(raw)
    cells: dict[tuple[object, object], int] = {}
    equations: list[Equation] = []
    for m in months:
        for k in kinds:
            cells[(m, k)] = raw[m][k]
        cells[(m, TOTAL)] = sum(raw[m].values())
        equations.append(((m, TOTAL), [(m, k) for k in kinds]))
    for k in kinds:
        cells[(TOTAL, k)] = sum(raw[m][k] for m in months)
        equations.append(((TOTAL, k), [(m, k) for m in months]))
    cells[(TOTAL, TOTAL)] = sum(cells[(TOTAL, k)] for k in kinds)
    equations.append(((TOTAL, TOTAL), [(TOTAL, k) for k in kinds]))
    equations.append(((TOTAL, TOTAL), [(m, TOTAL) for m in months]))
    # A month whose only non-zero kind is hidden by its column hides one of its zeros rather than its total
    # (polku.suppression.rules, `hide_zeros`): the figures as this table has always published them.
    shown = publish(cells, equations, exact=scope.exact, threshold=threshold, hide_zeros=True)
    # Every month from the first to the last, those without outcomes as zeros: added after suppression,
    # since a month nobody had an outcome in is zero whether it is listed or not, and no sum changes.
    zero = Figure(0)
    rows = (
        [
            MonthRow(month=m, kinds={k: shown[(m, k)] for k in kinds}, total=shown[(m, TOTAL)])
            if m in raw
            else MonthRow(month=m, kinds=dict.fromkeys(kinds, zero), total=zero)
            for m in _month_range(months[0], months[-1])
        ]
        if months
        else []
    )
    return rows, {k: shown[(TOTAL, k)] for k in kinds}, shown[(TOTAL, TOTAL)]


def _month_range(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first days of every month from `first` to `last` (both first days of a month), in order."""
    out = []
    month = first
    while month <= last:
        out.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return out


def dashboard_get(*, access: Access, project: Project, filters: Filters) -> Dashboard:
    """The dashboard as the reader may see it (the caller has checked they may view the project)."""
    threshold = settings.POLKU_SUPPRESSION_THRESHOLD
    scope = dashboard_scope(access=access, project=project, filters=filters)
    counts = _stage_counts(project, scope, filters)
    funnel, partner_rows, country_rows = _partner_tables(scope, counts, threshold=threshold)
    months, kind_totals, outcome_total = _outcome_table(project, scope, filters, threshold=threshold)
    targets = _visible_targets(project, scope)
    packages = list(WorkPackage.objects.filter(project=project).order_by("number"))
    people = _enrolment_counts(project, scope, filters, targets, packages)
    return Dashboard(
        project=project,
        filters=filters,
        scope=scope,
        threshold=threshold,
        funnel=funnel,
        partner_rows=partner_rows,
        country_rows=country_rows,
        targets=_target_rows(project, scope, filters, counts, targets, people, threshold=threshold),
        work_packages=_work_package_rows(project, scope, packages, people, threshold=threshold),
        outcome_kinds=[(k, str(label)) for k, label in Outcome.Kind.choices],
        months=months,
        kind_totals=kind_totals,
        outcome_total=outcome_total,
    )
