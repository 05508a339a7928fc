"""Reads about a project's targets and activities: targets against actuals, the activities with their
enrolment counts, who is enrolled as far as the reader may know, and a participation's or person's
activities."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.activities import metrics
from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.participants.models import Participation
from polku.projects.models import Project


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    actual: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.actual / self.target.value)) if self.target.value else 100


def target_progress(*, project: Project) -> list[TargetProgress]:
    """Each target with its current count, computed from raw rows by the counter of its metric
    (polku.activities.metrics)."""
    return [TargetProgress(target=t, actual=metrics.count(t)) for t in target_list(project=project)]


def target_list(*, project: Project) -> QuerySet[Target]:
    """The project's targets without counts (see target_progress for targets against actuals)."""
    return project.targets.select_related("work_package", "partner__organisation")


# --- activities and their enrolments ------------------------------------------------------------


def activity_list(*, project: Project) -> QuerySet[Activity]:
    """The project's activities with partner and work package, and how many are enrolled (an aggregate)."""
    return (
        project.activities.select_related("partner__organisation", "work_package")
        .annotate(enrolled_count=Count("enrolments", distinct=True))
        .order_by("starts_on", "name", "pk")
    )


def activity_get(*, project: Project, pk: int) -> Activity:
    """One activity of a project the reader already may see (see project_get); 404 for another project's."""
    return get_object_or_404(activity_list(project=project), pk=pk)


@dataclass(frozen=True)
class ActivityRoster:
    """Who is enrolled in an activity, as far as the reader may know.

    `enrolments` are the people the reader may see (a coordinator's own partner's, everyone for an admin);
    `total` counts every partner's; `per_partner` (partner name, count) is for readers of aggregates only.
    """

    enrolments: list[ActivityEnrolment]
    total: int
    per_partner: list[tuple[str, int]]

    @property
    def others(self) -> int:
        return self.total - len(self.enrolments)


def activity_roster(*, access: Access, activity: Activity) -> ActivityRoster:
    counts = list(
        ActivityEnrolment.objects.filter(activity=activity)
        .values("participation__partner_id", "participation__partner__organisation__name")
        .annotate(enrolled=Count("pk"))
        .order_by("participation__partner__organisation__name")
    )
    per_partner = []
    if access.can_view_aggregates(activity.project_id):
        per_partner = [(c["participation__partner__organisation__name"], c["enrolled"]) for c in counts]
    return ActivityRoster(
        enrolments=list(activity_enrolment_list(access=access, activity=activity)),
        total=sum(c["enrolled"] for c in counts),
        per_partner=per_partner,
    )


def activity_enrolment_list(*, access: Access, activity: Activity) -> QuerySet[ActivityEnrolment]:
    """The enrolments of people the reader may see: their own partners' (all for admins; none for others)."""
    return (
        activity.enrolments.filter(access.participation_filter("participation__"))
        .select_related("participation__person", "participation__partner__organisation")
        .order_by("participation__person__last_name", "participation__person__first_name", "pk")
    )


def activity_enrol_candidates(*, access: Access, activity: Activity, q: str = "") -> QuerySet[Participation]:
    """Active participants of the reader's own partners in the activity's project, not yet enrolled in it."""
    rows = (
        Participation.objects.filter(
            access.participation_filter(), project_id=activity.project_id, exit_date__isnull=True
        )
        .exclude(enrolments__activity=activity)
        .select_related("person", "partner__organisation")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    if q.strip():
        rows = rows.filter(person__search_name__contains=q.strip().lower())
    return rows


def participation_enrolments(*, participation: Participation) -> QuerySet[ActivityEnrolment]:
    """The activities of one participation (the caller has already checked the reader may see it)."""
    return participation.enrolments.select_related(
        "activity__partner__organisation", "activity__work_package"
    ).order_by("-enrolled_on", "pk")


def person_enrolments(*, person_id: int) -> QuerySet[ActivityEnrolment]:
    """A person's activities in all their projects, for their own page."""
    return (
        ActivityEnrolment.objects.filter(participation__person_id=person_id)
        .select_related("activity__project", "activity__partner__organisation")
        .order_by("-enrolled_on", "pk")
    )
