"""The health check, the 500 page with the request's id, and the "not found" answer of the API (other
error pages are templates; the home page is in accounts, which knows roles)."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache

from polku.core.requestid import current_request_id

API_PREFIX = "/api/"


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


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A URL no route matches: JSON under /api/ (as the API's own 404s, and as its schema says), the
    "page not found" page elsewhere."""
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page with the request's id. Rendered without the request's context processors and without
    the database, which may be what failed."""
    html = loader.get_template("500.html").render({"request_id": current_request_id.get()})
    return HttpResponse(html, status=500)
