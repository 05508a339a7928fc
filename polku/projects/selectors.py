"""Reads about projects: what a user may see, and targets against actuals."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.participants.models import Participation
from polku.projects.models import Activity, ActivityEnrolment, Partner, Project, Target, WorkPackage


def project_list(*, access: Access) -> QuerySet[Project]:
    projects = Project.objects.annotate(partner_count=Count("partners", distinct=True)).order_by("name")
    if not access.is_admin:
        projects = projects.filter(pk__in=access.project_ids())
    return projects


def project_get(*, access: Access, code: str) -> Project:
    project = get_object_or_404(Project, code=code)
    if not access.can_view_project(project.pk):
        # A project's existence is not secret, but its page is for its members.
        get_object_or_404(Project.objects.none(), code=code)
    return project


def partner_list(*, project: Project) -> QuerySet[Partner]:
    return project.partners.select_related("organisation").annotate(
        participant_count=Count("participations", distinct=True)
    )


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    actual: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.actual / self.target.value)) if self.target.value else 100


def target_progress(*, project: Project) -> list[TargetProgress]:
    """Each target with its current count, computed from raw participations and enrolments."""
    targets = list(project.targets.select_related("work_package", "partner__organisation"))
    return [TargetProgress(target=t, actual=_count(t)) for t in targets]


def _count(target: Target) -> int:
    scope = Q(project_id=target.project_id)
    if target.partner_id:
        scope &= Q(partner_id=target.partner_id)
    if target.country:
        scope &= Q(partner__country=target.country)
    if target.metric == Target.Metric.PARTICIPANTS:
        return Participation.objects.filter(scope).count()
    if target.metric == Target.Metric.EXITED:
        return Participation.objects.filter(scope, exit_date__isnull=False).count()
    activities: dict[str, object] = {"project_id": target.project_id}
    if target.work_package_id:
        activities["work_package_id"] = target.work_package_id
    if target.partner_id:
        activities["partner_id"] = target.partner_id
    if target.country:
        activities["partner__country"] = target.country
    if target.metric == Target.Metric.ACTIVITY_PARTICIPANTS:
        enrolments = ActivityEnrolment.objects.filter(**{f"activity__{k}": v for k, v in activities.items()})
        return enrolments.values("participation_id").distinct().count()
    if target.metric == Target.Metric.ACTIVITIES:
        return Activity.objects.filter(**activities).count()
    raise ValueError(f"unknown metric {target.metric}")


def work_package_list(*, project: Project) -> QuerySet[WorkPackage]:
    return project.work_packages.select_related("responsible__organisation").order_by("number")


def target_list(*, project: Project) -> QuerySet[Target]:
    """The project's targets without counts (see target_progress for targets against actuals)."""
    return project.targets.select_related("work_package", "partner__organisation")
