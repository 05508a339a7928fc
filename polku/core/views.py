"""Health check, the home page that sends each role to its start page, and error pages."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from polku.accounts.access import access_for


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any database failure means "not healthy"
        return JsonResponse(
            {"status": "error", "database": "unavailable", "detail": type(error).__name__}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return TemplateResponse(request, "core/welcome.html")
    access = access_for(request.user)
    if access.is_staff_role or access.project_ids():
        return redirect("projects:list")
    if access.is_participant:
        return redirect("participants:me")
    return TemplateResponse(request, "core/no_role.html")
