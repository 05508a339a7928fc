"""The project's "People and roles" page: memberships, staff invitations and the invitation form; changing
and ending a membership; revoking and re-sending an invitation. Rules live in the services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.accounts.models import Role
from polku.core.errors import ApplicationError
from polku.core.forms import apply_field_errors
from polku.projects.models import Project
from polku.projects.pages import delete_page, form_page, project_for
from polku.projects.people import invitations, memberships, selectors
from polku.projects.people.forms import InviteForm, RoleForm


def people_url(project: Project) -> str:
    return reverse("projects:people", args=[project.code])


def _may_invite(access: Access, project: Project) -> bool:
    """Whether the reader may invite to some role here (the lead, admins, the project's coordinators)."""
    return access.can_manage_people(project.pk) or access.coordinates_in(project.pk)


def _people_page(
    request: AuthenticatedHttpRequest, access: Access, project: Project, form: InviteForm | None = None
) -> TemplateResponse:
    members = selectors.membership_list(access=access, project=project)
    may_invite = _may_invite(access, project)
    if form is None and may_invite:
        form = InviteForm(project=project, access=access, initial={"language": request.LANGUAGE_CODE})
    context = {
        "project": project,
        "memberships": members,
        "invitations": selectors.invitation_list(access=access, project=project)[:50] if may_invite else [],
        "can_manage": access.can_manage_people(project.pk),
        "form": form,
        "forms": (form,) if form is not None else (),
    }
    failed = form is not None and form.is_bound and bool(form.errors)  # sent back from invite_view
    return TemplateResponse(request, "projects/people/people.html", context, status=400 if failed else 200)


@login_required
def people_view(request: AuthenticatedHttpRequest, code: str) -> TemplateResponse:
    access, project = project_for(request, code)
    return _people_page(request, access, project)


@login_required
@require_POST
def invite_view(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    access, project = project_for(request, code)
    selectors.require_people_reader(access, project)
    form = InviteForm(request.POST, project=project, access=access)
    if form.is_valid():
        try:
            invitation = invitations.staff_invite(
                actor=request.user, access=access, project=project, **form.cleaned_data
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(
                request, _("The invitation was sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect(people_url(project))
    return _people_page(request, access, project, form)


@login_required
def membership_edit_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = project_for(request, code)
    membership = selectors.membership_get(access=access, project=project, pk=pk)
    memberships.require_people_manager(access, project.pk)
    form = RoleForm(
        request.POST or None,
        project=project,
        initial={"role": membership.role, "partner": membership.partner},
    )
    if request.method == "POST" and form.is_valid():
        try:
            memberships.membership_update(
                actor=request.user, access=access, membership=membership, **form.cleaned_data
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The role was changed."))
            return redirect(people_url(project))
    title = _("Change the role of %(name)s") % {"name": str(membership.user)}
    return form_page(request, project=project, title=title, form=form, back=people_url(project))


@login_required
def membership_end_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = project_for(request, code)
    membership = selectors.membership_get(access=access, project=project, pk=pk)
    memberships.require_people_manager(access, project.pk)
    page = {
        "title": _("End a role"),
        "question": _("End the role %(role)s of %(name)s in this project?")
        % {"role": str(Role(membership.role).label), "name": str(membership.user)},
        "back": people_url(project),
    }
    if request.method == "POST":
        try:
            memberships.membership_end(actor=request.user, access=access, membership=membership)
        except ApplicationError as error:
            return delete_page(request, project=project, **page, error=error.message)
        messages.success(request, _("The role was ended."))
        return redirect(page["back"])
    return delete_page(request, project=project, **page)


@login_required
@require_POST
def invitation_revoke_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = project_for(request, code)
    invitation = selectors.invitation_get(access=access, project=project, pk=pk)
    try:
        invitations.invitation_revoke(actor=request.user, access=access, invitation=invitation)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email}
        )
    return redirect(people_url(project))


@login_required
@require_POST
def invitation_resend_view(request: AuthenticatedHttpRequest, code: str, pk: int) -> HttpResponse:
    access, project = project_for(request, code)
    invitation = selectors.invitation_get(access=access, project=project, pk=pk)
    try:
        invitations.invitation_resend(actor=request.user, access=access, invitation=invitation)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("A new link was sent to %(email)s.") % {"email": invitation.email})
    return redirect(people_url(project))
