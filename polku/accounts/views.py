"""The home page: a welcome for visitors, "Today" for staff (what needs attention), and a participant's hub."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from polku.accounts.access import access_for
from polku.accounts.models import User
from polku.accounts.sections import home_sections, hub_sections
from polku.accounts.selectors import membership_projects


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not isinstance(user, User):
        return TemplateResponse(request, "accounts/welcome.html")
    access = access_for(user)
    if access.is_staff_role or access.project_ids():
        context = {
            # what the apps above add (next steps due, …): polku.accounts.sections
            "sections": home_sections.sections(
                user=user, access=access, request=request, today=timezone.localdate()
            ),
            "projects": membership_projects(user=user),
        }
        return TemplateResponse(request, "accounts/home.html", context)
    if access.is_participant:
        # the phone-first hub: short cards from the apps above (polku.accounts.sections.hub_sections)
        context = {
            "sections": hub_sections.sections(
                user=user, access=access, request=request, today=timezone.localdate()
            )
        }
        return TemplateResponse(request, "accounts/hub.html", context)
    return TemplateResponse(request, "accounts/no_role.html")
