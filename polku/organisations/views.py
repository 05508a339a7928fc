from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import apply_field_errors, response_status
from polku.organisations.forms import OrganisationForm
from polku.organisations.selectors import organisation_get, organisation_list, organisation_partnerships
from polku.organisations.services import organisation_create, organisation_update


@login_required
def organisation_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    """The organisations the reader can see (every one for platform admins, who add them here)."""
    access = access_for(request.user)
    if not (access.is_admin or access.project_ids()):
        raise AccessDenied(_("The organisations are for the members of projects."))
    context = {
        "organisations": organisation_list(access=access).order_by("name"),
        "can_create": access.is_admin,
    }
    return TemplateResponse(request, "organisations/organisation_list.html", context)


@login_required
def organisation_detail_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    organisation = organisation_get(access=access, pk=pk)
    context = {
        "organisation": organisation,
        "partnerships": organisation_partnerships(access=access, organisation=organisation),
        "can_edit": access.is_admin,
    }
    return TemplateResponse(request, "organisations/organisation_detail.html", context)


@login_required
def organisation_form_view(request: AuthenticatedHttpRequest, pk: int | None = None) -> HttpResponse:
    """Add or change an organisation: platform admins."""
    access = access_for(request.user)
    organisation = organisation_get(access=access, pk=pk) if pk else None
    if not access.is_admin:
        raise AccessDenied(_("Only platform admins can add or change organisations."))
    form = OrganisationForm(request.POST or None, instance=organisation)
    ok = True
    if request.method == "POST" and form.is_valid():
        try:
            if organisation is None:
                organisation = organisation_create(access=access, **form.cleaned_data)
            else:
                organisation = organisation_update(
                    access=access, organisation=organisation, data=form.cleaned_data
                )
        except ApplicationError as error:
            apply_field_errors(error, form)
            ok = False
        else:
            messages.success(request, _("The organisation was saved."))
            return redirect("organisations:detail", pk=organisation.pk)
    back = reverse("organisations:detail", args=[pk]) if pk else reverse("organisations:list")
    context = {
        "title": _("New organisation") if organisation is None else _("Edit organisation"),
        "form": form,
        "forms": (form,),
        "back": back,
    }
    return TemplateResponse(
        request,
        "organisations/organisation_form.html",
        context,
        status=response_status(request, ok and not form.errors),
    )
