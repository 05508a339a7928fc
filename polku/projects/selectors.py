"""Reads about projects: what a user may see of them, their partners and work packages."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.projects.models import Partner, Project, WorkPackage


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


def work_package_list(*, project: Project) -> QuerySet[WorkPackage]:
    return project.work_packages.select_related("responsible__organisation").order_by("number")
