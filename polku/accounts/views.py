"""The home page: a welcome for visitors, and each signed-in role sent to where its work starts."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from polku.accounts.access import access_for


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return TemplateResponse(request, "accounts/welcome.html")
    access = access_for(request.user)
    if access.is_staff_role or access.project_ids():
        return redirect("projects:list")
    if access.is_participant:
        return redirect("participants:me")
    return TemplateResponse(request, "accounts/no_role.html")
