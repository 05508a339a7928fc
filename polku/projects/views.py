"""Project pages: the list of one's projects, a project's page with its structure, the project's own
fields and its work packages.

The project page shows the project's facts, partners and work packages, and the sections the apps above
register (polku.projects.sections: targets and activities, the privacy notices). Views parse input and
pick the template; who may do what is decided in the selectors and services (the checks here only decide
which forms to offer, and refuse early with the same rule).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import apply_field_errors
from polku.projects import services
from polku.projects.forms import PartnerForm, ProjectForm, WorkPackageForm
from polku.projects.indicator_sets import indicator_set_for, indicator_set_label
from polku.projects.pages import delete_page, form_page, project_for, project_url
from polku.projects.sections import project_sections
from polku.projects.selectors import partner_list, project_get, project_list, work_package_list


@login_required
def project_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    context = {"projects": project_list(access=access), "can_create": access.is_admin}
    return TemplateResponse(request, "projects/project_list.html", context)


@login_required
def project_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A new project with its own fields: platform admins; partners, people and targets come next."""
    access = access_for(request.user)
    if not access.is_admin:
        raise AccessDenied(_("Only platform admins can create or change projects."))
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_create(actor=request.user, access=access, **form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The project was created. Add its partners next."))
            return redirect("projects:detail", code=project.code)
    return form_page(request, project=None, title=_("New project"), form=form, back=reverse("projects:list"))


@login_required
def project_detail_view(request: AuthenticatedHttpRequest, code: str) -> TemplateResponse:
    access = access_for(request.user)
    project = project_get(access=access, code=code)
    partners = list(partner_list(project=project))
    for partner in partners:
        partner.count_visible = access.can_view_partner_counts(project.pk, partner.pk)  # type: ignore[attr-defined]
    sections = project_sections.sections(project=project, access=access, request=request)
    context = {
        "project": project,
        "partners": partners,
        "work_packages": work_package_list(project=project),
        "can_see_targets": access.can_view_counts(project.pk),
        "can_manage": access.can_manage_project(project.pk),
        "can_edit_project": access.is_admin,
        "indicator_set_label": indicator_set_label(project),
        "indicator_set_automatic": not project.indicator_set and bool(indicator_set_for(project)),
        "can_view_people": access.can_view_people(project.pk),
        # the participant list is the coordinators' (participants.views.participant_list_view)
        "can_list_participants": access.is_coordinator,
        "sections": sections,
        "shown": {section.name for section in sections["main"]},  # for the shortcuts to their headings
    }
    return TemplateResponse(request, "projects/project_detail.html", context)


@login_required
def project_edit_view(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    """A project's own fields (name, funder, period, indicator set …): platform admins only."""
    access, project = project_for(request, code)
    if not access.is_admin:
        raise AccessDenied(_("Only platform admins can create or change projects."))
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_update(
                actor=request.user,
                access=access,
                project=project,
                data=form.cleaned_data,
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The project was saved."))
            return redirect("projects:detail", code=project.code)
    back = reverse("projects:detail", args=[code])
    return form_page(request, project=project, title=_("Edit project"), form=form, back=back)


# --- partners ---------------------------------------------------------------------------------


@login_required
def partner_form_view(request: AuthenticatedHttpRequest, code: str, pk: int | None = None) -> HttpResponse:
    """Add an organisation to the project as a partner, or change a partner's own part: the project lead
    and platform admins."""
    access, project = project_for(request, code)
    services.require_manager(access, project)
    partner = get_object_or_404(partner_list(project=project), pk=pk) if pk else None
    form = PartnerForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if partner is None:
                partner = services.partner_create(access=access, project=project, **data)
            else:
                data.pop("organisation")
                services.partner_update(access=access, partner=partner, data=data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The partner was saved."))
            return redirect(project_url(project, "partners"))
    title = _("Add a partner") if partner is None else _("Edit partner")
    return form_page(request, project=project, title=title, form=form, back=project_url(project, "partners"))


@login_required
def partner_delete_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = project_for(request, code)
    services.require_manager(access, project)
    partner = get_object_or_404(partner_list(project=project), pk=pk)
    page = {
        "title": _("Remove partner"),
        "question": _("Remove %(name)s from the project? Its coordinators lose their role in it.")
        % {"name": partner.organisation.name},
        "back": project_url(project, "partners"),
    }
    if request.method == "POST":
        try:
            services.partner_delete(access=access, partner=partner)
        except ApplicationError as error:
            return delete_page(request, project=project, error=error.message, **page)
        messages.success(request, _("The partner was removed."))
        return redirect(project_url(project, "partners"))
    return delete_page(request, project=project, **page)


# --- work packages ----------------------------------------------------------------------------


@login_required
def work_package_form_view(
    request: AuthenticatedHttpRequest, code: str, pk: int | None = None
) -> HttpResponse:
    access, project = project_for(request, code)
    services.require_manager(access, project)
    work_package = get_object_or_404(work_package_list(project=project), pk=pk) if pk else None
    form = WorkPackageForm(request.POST or None, project=project, instance=work_package)
    if request.method == "POST" and form.is_valid():
        try:
            if work_package is None:
                services.work_package_create(access=access, project=project, **form.cleaned_data)
            else:
                services.work_package_update(access=access, work_package=work_package, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The work package was saved."))
            return redirect(project_url(project, "work-packages"))
    title = _("New work package") if work_package is None else _("Edit work package")
    return form_page(
        request, project=project, title=title, form=form, back=project_url(project, "work-packages")
    )


@login_required
def work_package_delete_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = project_for(request, code)
    services.require_manager(access, project)
    work_package = get_object_or_404(work_package_list(project=project), pk=pk)
    page = {
        "title": _("Remove work package"),
        "question": _("Remove the work package %(name)s?") % {"name": str(work_package)},
        "back": project_url(project, "work-packages"),
    }
    if request.method == "POST":
        try:
            services.work_package_delete(access=access, work_package=work_package)
        except ApplicationError as error:
            return delete_page(request, project=project, **page, error=error.message)
        messages.success(request, _("The work package was removed."))
        return redirect(page["back"])
    return delete_page(request, project=project, **page)
