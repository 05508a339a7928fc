"""Reads of self-assessments, always through the reader's Access; a staff member's read is audited.

Who sees a person's self-assessments: the person, a coordinator of a partner the person takes part
through, and admins (the foundation's rule, `Access.can_view_person`). Everyone else gets 404. A
project's before/after deltas go to those who see the project's counts: the lead, evaluators and admins
the whole project (small cells suppressed), a coordinator their own partner(s).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.activities.models import Activity, ActivityEnrolment
from polku.assessments import frameworks as fw
from polku.assessments.models import Answer, SelfAssessment
from polku.assessments.progress import Delta, PersonProgress, Sitting, group_deltas, person_progress
from polku.audit.services import audit_staff_read
from polku.core.errors import AccessDenied
from polku.participants.models import Participation, Person
from polku.participants.selectors import can_view_person, reading_partner_id
from polku.projects.models import Partner, Project
from polku.suppression import HIDDEN, hide_small, suppress_row

# --- one person -------------------------------------------------------------------------------------------


def _audit_read(*, access: Access, actor: User, obj: SelfAssessment | Person, person_id: int) -> None:
    audit_staff_read(
        actor=actor,
        obj=obj,
        person_id=person_id,
        partner_id=reading_partner_id(access=access, person_id=person_id),
        fields=["self_assessments"],
    )


def _with_answers(queryset: QuerySet[SelfAssessment]) -> QuerySet[SelfAssessment]:
    return queryset.select_related("created_by", "participation__project").prefetch_related(
        Prefetch("answers", queryset=Answer.objects.order_by("competence"))
    )


def assessment_list(
    *, access: Access, actor: User, person: Person, framework: str = ""
) -> QuerySet[SelfAssessment]:
    """The person's self-assessments, newest first, with their answers (the reader may see the person)."""
    if not can_view_person(access, person.pk):
        raise Http404
    rows = _with_answers(SelfAssessment.objects.filter(person=person)).order_by("-taken_at", "-pk")
    if framework:
        rows = rows.filter(framework=framework)
    _audit_read(access=access, actor=actor, obj=person, person_id=person.pk)
    return rows


def assessment_get(*, access: Access, actor: User, pk: int) -> SelfAssessment:
    """One self-assessment of a person the reader may see; 404 otherwise."""
    assessment = get_object_or_404(_with_answers(SelfAssessment.objects.select_related("person")), pk=pk)
    if not can_view_person(access, assessment.person_id):
        raise Http404
    _audit_read(access=access, actor=actor, obj=assessment, person_id=assessment.person_id)
    return assessment


def levels_of(assessment: SelfAssessment) -> dict[str, int]:
    """Competence code → level of the assessed competences (answers prefetched)."""
    return {a.competence: a.level for a in assessment.answers.all() if a.level is not None}


def sitting_of(assessment: SelfAssessment) -> Sitting:
    return Sitting(
        person_id=assessment.person_id,
        assessment_id=assessment.pk,
        taken_at=assessment.taken_at,
        levels=levels_of(assessment),
    )


@dataclass(frozen=True)
class CompetenceRow:
    competence: fw.Competence
    first: int | None
    latest: int | None  # the latest level chosen, also when there is no earlier one to compare with
    delta: int | None


@dataclass(frozen=True)
class AreaRow:
    area: fw.Area
    first: float | None
    latest: float | None
    delta: float | None
    competences: list[CompetenceRow]


@dataclass
class FrameworkHistory:
    framework: fw.Framework
    assessments: list[SelfAssessment]  # oldest first
    progress: PersonProgress
    areas: list[AreaRow]

    @property
    def first(self) -> SelfAssessment:
        return self.assessments[0]

    @property
    def latest(self) -> SelfAssessment:
        return self.assessments[-1]

    @property
    def repeated(self) -> bool:
        return len(self.assessments) > 1


def history_of(assessments: Iterable[SelfAssessment]) -> list[FrameworkHistory]:
    """Assessments (answers prefetched) grouped per framework version, each with its progress."""
    groups: dict[str, list[SelfAssessment]] = defaultdict(list)
    for assessment in assessments:
        if assessment.framework_key in fw.FRAMEWORKS:
            groups[assessment.framework_key].append(assessment)
    result = []
    for key in fw.FRAMEWORKS:  # framework order, not the order of the rows
        if key not in groups:
            continue
        framework = fw.FRAMEWORKS[key]
        rows = sorted(groups[key], key=lambda a: (a.taken_at, a.pk))
        progress = person_progress([sitting_of(a) for a in rows], framework)
        areas = []
        for area in framework.areas:
            competences = []
            for c in area.competences:
                change = progress.competences.get(c.code)
                competences.append(
                    CompetenceRow(
                        competence=c,
                        first=int(change.first) if change else None,
                        latest=progress.latest_levels.get(c.code),
                        delta=int(change.delta) if change else None,
                    )
                )
            area_change = progress.areas.get(area.number)
            latest_levels = [r.latest for r in competences if r.latest is not None]
            areas.append(
                AreaRow(
                    area=area,
                    first=area_change.first if area_change else None,
                    latest=(
                        area_change.latest
                        if area_change
                        else (sum(latest_levels) / len(latest_levels) if latest_levels else None)
                    ),
                    delta=area_change.delta if area_change else None,
                    competences=competences,
                )
            )
        result.append(FrameworkHistory(framework=framework, assessments=rows, progress=progress, areas=areas))
    return result


def person_history(*, access: Access, actor: User, person: Person) -> list[FrameworkHistory]:
    """The person's self-assessments per framework with first-vs-latest progress (audited for staff)."""
    rows = assessment_list(access=access, actor=actor, person=person)
    return history_of(rows)


@dataclass(frozen=True)
class AreaSummary:
    area: fw.Area
    level: float | None  # mean of the latest levels chosen in the area
    delta: float | None  # change since the first assessment, where there is one


@dataclass(frozen=True)
class FrameworkSummary:
    framework: fw.Framework
    taken: int
    latest_at: dt.datetime
    areas: list[AreaSummary]


def latest_summary(person: Person) -> list[FrameworkSummary]:
    """Per framework the person has assessed themself on: how many times, when last, and where each
    area stands. For the competence profile page, which checks access and audits the read itself."""
    rows = _with_answers(SelfAssessment.objects.filter(person=person))
    return [
        FrameworkSummary(
            framework=h.framework,
            taken=len(h.assessments),
            latest_at=h.latest.taken_at,
            areas=[AreaSummary(area=a.area, level=a.latest, delta=a.delta) for a in h.areas],
        )
        for h in history_of(rows)
    ]


def profile_section(person: Person, access: Access, request: Any) -> dict[str, Any] | None:
    """The self-assessment section of the competence profile page and its print view
    (polku.competences.sections), or None when the reader may not see it or there is nothing to show.

    A staff member's read is audited like the assessment pages' (`self_assessments`). The person, with no
    assessment yet, gets links to take one; other readers get no empty section. The PDF (no request)
    leaves the section out.
    """
    if request is None or not can_view_person(access, person.pk):
        return None
    own = access.person_id == person.pk
    summaries = latest_summary(person)
    if not summaries and not own:
        return None
    if summaries:
        _audit_read(access=access, actor=request.user, obj=person, person_id=person.pk)
    return {
        "summaries": summaries,
        "own": own,
        "frameworks": [fw.framework(code) for code in fw.CURRENT],
    }


def people_with_assessments(*, access: Access) -> QuerySet[Person]:
    """People the reader coordinates (all for admins) who have a self-assessment, most recent first."""
    if not access.is_coordinator:
        raise AccessDenied(_("Only coordinators see their participants' self-assessments."))
    people = Person.objects.filter(self_assessments__isnull=False)
    if not access.is_admin:
        people = people.filter(participations__partner_id__in=access.coordinator_partner_ids)
    return (
        people.annotate(
            assessment_count=Count("self_assessments", distinct=True),
            latest_assessment=Max("self_assessments__taken_at"),
        )
        .only("id", "first_name", "last_name")
        .order_by("-latest_assessment", "pk")
    )


# --- a project's before/after deltas ---------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedDelta:
    """A group's change, published: every figure is None when hidden (small numbers)."""

    people: int | None
    improved: int | None
    same: int | None
    declined: int | None
    mean_first: float | None
    mean_latest: float | None
    mean_change: float | None

    @property
    def hidden(self) -> bool:
        return self.people is None


def publish_delta(delta: Delta, *, exact: bool, threshold: int) -> PublishedDelta:
    """Suppress a delta like an indicator row (polku.suppression.suppress_row): people = improved + same +
    declined; a hidden head count hides the means too, since a mean of one or two people is their level."""
    row = [delta.people, delta.improved, delta.same, delta.declined]
    cells = row if exact else suppress_row(row, threshold=threshold)
    shown = cells[0] is not HIDDEN and delta.people > 0
    return PublishedDelta(
        people=cells[0],
        improved=cells[1],
        same=cells[2],
        declined=cells[3],
        mean_first=delta.mean_first if shown else None,
        mean_latest=delta.mean_latest if shown else None,
        mean_change=delta.mean_change if shown else None,
    )


@dataclass(frozen=True)
class AreaDelta:
    area: fw.Area
    delta: PublishedDelta
    competences: list[tuple[fw.Competence, PublishedDelta]]


@dataclass
class ProjectDeltas:
    project: Project
    framework: fw.Framework
    partners: list[Partner]
    exact: bool
    whole_project: bool
    threshold: int
    people_assessed: int | None
    people_repeated: int | None
    areas: list[AreaDelta] = field(default_factory=list)


def deltas_scope(
    *, access: Access, project: Project, partner_id: int | None = None
) -> tuple[list[Partner], bool, bool]:
    """(partners in view, exact, whole project): the lead, evaluators and admins see every partner; a
    coordinator only their own. Refuses readers who see no counts of the project."""
    if not access.can_view_counts(project.pk):
        raise AccessDenied(_("The figures are for the project lead, evaluators and coordinators."))
    partners = list(
        project.partners.select_related("organisation").order_by("-is_lead", "organisation__name")
    )
    whole = access.can_view_aggregates(project.pk)
    if not whole:
        partners = [p for p in partners if access.can_manage_partner(p.pk)]
    if partner_id:
        partners = [p for p in partners if p.pk == partner_id]
    exact = access.is_admin or all(access.can_manage_partner(p.pk) for p in partners)
    return partners, exact, whole and not partner_id


def project_sittings(*, project: Project, partner_ids: Iterable[int], framework_key: str) -> list[Sitting]:
    """The sittings on one framework version of the people taking part in the project through the partners.

    A person's every assessment counts (also one taken before their entry date, as a baseline at intake
    often is); a person in two partners of the project is counted once."""
    person_ids = (
        Participation.objects.filter(project=project, partner_id__in=list(partner_ids))
        .values_list("person_id", flat=True)
        .distinct()
    )
    return _sittings(person_ids, framework_key)


def _sittings(person_ids: QuerySet, framework_key: str) -> list[Sitting]:
    """Every sitting on one framework version of the people (a queryset of person ids)."""
    framework = fw.framework(framework_key)
    assessments = SelfAssessment.objects.filter(
        person_id__in=person_ids, framework=framework.code, framework_version=framework.version
    ).only("id", "person_id", "taken_at")
    levels: dict[int, dict[str, int]] = defaultdict(dict)
    for assessment_id, code, level in Answer.objects.filter(
        assessment__in=assessments, level__isnull=False
    ).values_list("assessment_id", "competence", "level"):
        if level is not None:
            levels[assessment_id][code] = level
    return [
        Sitting(person_id=a.person_id, assessment_id=a.pk, taken_at=a.taken_at, levels=levels.get(a.pk, {}))
        for a in assessments
    ]


def project_deltas(
    *, access: Access, project: Project, framework_key: str = "digcomp", partner_id: int | None = None
) -> ProjectDeltas:
    """First-vs-latest changes per area and competence across the project's participants in view."""
    framework = fw.framework(framework_key)
    partners, exact, whole = deltas_scope(access=access, project=project, partner_id=partner_id)
    sittings = project_sittings(
        project=project, partner_ids=[p.pk for p in partners], framework_key=framework.key
    )
    return _published(project, framework, partners, exact=exact, whole=whole, sittings=sittings)


def activity_deltas(*, access: Access, activity: Activity, framework_key: str = "digcomp") -> ProjectDeltas:
    """First-vs-latest changes of the people enrolled in an activity, under the project's rules: the
    activity's enrolments through the partners the reader sees (`deltas_scope`: the lead, evaluators and
    admins every partner, suppressed; a coordinator their own partner(s), exactly). As for a project, a
    person's every self-assessment on the framework counts, not only those taken during the activity."""
    framework = fw.framework(framework_key)
    partners, exact, whole = deltas_scope(access=access, project=activity.project)
    person_ids = (
        ActivityEnrolment.objects.filter(
            activity=activity, participation__partner_id__in=[p.pk for p in partners]
        )
        .values_list("participation__person_id", flat=True)
        .distinct()
    )
    sittings = _sittings(person_ids, framework.key)
    return _published(activity.project, framework, partners, exact=exact, whole=whole, sittings=sittings)


def _published(
    project: Project,
    framework: fw.Framework,
    partners: list[Partner],
    *,
    exact: bool,
    whole: bool,
    sittings: list[Sitting],
) -> ProjectDeltas:
    threshold = settings.POLKU_SUPPRESSION_THRESHOLD
    groups = group_deltas(sittings, framework)

    def head_count(value: int) -> int | None:
        return value if exact else hide_small(value, threshold=threshold)

    result = ProjectDeltas(
        project=project,
        framework=framework,
        partners=partners,
        exact=exact,
        whole_project=whole,
        threshold=threshold,
        people_assessed=head_count(groups.people_assessed),
        people_repeated=head_count(groups.people_repeated),
    )
    for area in framework.areas:
        result.areas.append(
            AreaDelta(
                area=area,
                delta=publish_delta(groups.areas[area.number], exact=exact, threshold=threshold),
                competences=[
                    (c, publish_delta(groups.competences[c.code], exact=exact, threshold=threshold))
                    for c in area.competences
                ],
            )
        )
    return result
