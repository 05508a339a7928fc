"""The page an invitation link opens (/invitations/<token>/): public, since the invitee may have no log-in.

A new person sets their name and password; someone with a log-in signs in (and comes back) and accepts;
a signed-in user the invitation was not sent to is told so. An unknown, expired, withdrawn or used link
gets a page that says which, never an error page.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from polku.accounts.invitations import invitation_by_token
from polku.accounts.models import Invitation, Role, User
from polku.core.errors import ApplicationError
from polku.core.forms import apply_field_errors
from polku.projects.people.acceptance import (
    invitation_accept,
    invitation_accept_new_user,
    is_invitee,
    unusable_message,
)
from polku.projects.people.forms import AcceptForm

BACKEND = "django.contrib.auth.backends.ModelBackend"


def _unusable(request: HttpRequest, status: str, code: int) -> TemplateResponse:
    context = {"message": unusable_message(status), "used": status == Invitation.Status.ACCEPTED}
    return TemplateResponse(request, "projects/people/link_unusable.html", context, status=code)


def _accepted(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    messages.success(request, _("Welcome to %(project)s.") % {"project": invitation.project.name})
    return redirect("home")


def accept_view(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_by_token(token)
    if invitation is None:
        return _unusable(request, "", 404)
    status = invitation.status
    if status != Invitation.Status.PENDING:
        return _unusable(request, status, 410)
    context: dict = {
        "invitation": invitation,
        "role": Role(invitation.role).label if invitation.role else "",
    }
    user = request.user
    if isinstance(user, User):
        if not is_invitee(invitation, user):
            context["state"] = "wrong_person"
            return TemplateResponse(request, "projects/people/accept.html", context, status=403)
        if request.method == "POST":
            try:
                invitation_accept(invitation=invitation, user=user)
            except ApplicationError as error:
                return TemplateResponse(
                    request, "projects/people/link_unusable.html", {"message": error.message}, status=400
                )
            return _accepted(request, invitation)
        context["state"] = "confirm"
        return TemplateResponse(request, "projects/people/accept.html", context)
    if User.objects.filter(email__iexact=invitation.email).exists():
        context["state"] = "sign_in"
        context["login_url"] = reverse("account_login") + "?" + urlencode({"next": request.path})
        return TemplateResponse(request, "projects/people/accept.html", context)
    form = AcceptForm(request.POST or None, initial={"full_name": _initial_name(invitation)})
    if request.method == "POST" and form.is_valid():
        try:
            new_user = invitation_accept_new_user(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
            if not error.field_errors:
                form.add_error(None, error.message)
        else:
            login(request, new_user, backend=BACKEND)
            return _accepted(request, invitation)
    context |= {"state": "new", "form": form, "forms": (form,)}
    return TemplateResponse(
        request, "projects/people/accept.html", context, status=400 if form.errors else 200
    )


def _initial_name(invitation: Invitation) -> str:
    person = invitation.person
    return person.full_name if person is not None else ""
