"""The health check and the 500 page (other error pages are templates; the home page is in accounts)."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

from polku.core.requestid import current_request_id


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


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page with the request's id. Rendered without the request's context processors and without
    the database, which may be what failed."""
    html = loader.get_template("500.html").render({"request_id": current_request_id.get()})
    return HttpResponse(html, status=500)
