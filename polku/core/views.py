"""The health check (error pages are templates; the home page is in accounts, which knows roles)."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache


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
