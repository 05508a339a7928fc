"""Project pages: the list of one's projects and a project's partners, work packages and targets."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.template.response import TemplateResponse

from polku.accounts.access import access_for
from polku.projects.selectors import partner_list, project_get, project_list, target_progress


@login_required
def project_list_view(request: HttpRequest) -> TemplateResponse:
    projects = project_list(access=access_for(request.user))
    return TemplateResponse(request, "projects/project_list.html", {"projects": projects})


@login_required
def project_detail_view(request: HttpRequest, code: str) -> TemplateResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    partners = list(partner_list(project=project))
    show_counts = access.can_view_aggregates(project.pk)
    for partner in partners:
        # Counts of other partners are aggregates: the lead, evaluators and admins see them all,
        # a coordinator sees their own partner's.
        partner.count_visible = show_counts or access.can_manage_partner(partner.pk)  # type: ignore[attr-defined]
    context = {
        "project": project,
        "partners": partners,
        "work_packages": project.work_packages.select_related("responsible__organisation"),
        "progress": target_progress(project=project),
        "activities": project.activities.select_related("partner__organisation", "work_package"),
        "can_see_targets": show_counts or any(p.count_visible for p in partners),  # type: ignore[attr-defined]
    }
    return TemplateResponse(request, "projects/project_detail.html", context)
