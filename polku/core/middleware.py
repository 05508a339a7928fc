"""Request-wide middleware: the request id (logs, error page, X-Request-ID), the refusal of NUL characters,
and where a request came from (for the audit log) without passing the request everywhere."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

from polku.core.requestid import current_request_id, request_id_for


@dataclass(frozen=True)
class RequestOrigin:
    ip_address: str | None
    user_agent: str


current_origin: ContextVar[RequestOrigin | None] = ContextVar("polku_request_origin", default=None)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: behind N trusted proxies, the Nth address from the right of X-Forwarded-For."""
    proxies = settings.POLKU_TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        origin = RequestOrigin(
            ip_address=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        )
        token = current_origin.set(origin)
        try:
            return self.get_response(request)
        finally:
            current_origin.reset(token)


class RequestIdMiddleware:
    """Gives each request an id (a well-formed incoming X-Request-ID, else a new one): on the response's
    X-Request-ID header, on every log line of the request and on the error page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request.headers.get("X-Request-ID", ""))
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


def has_nul(request: HttpRequest) -> bool:
    """A NUL character in the path, the query string (also as %00) or a form posted as URL-encoded text.
    No field of Polku's can hold one (PostgreSQL refuses it in text), so no view needs to see it."""
    query = request.META.get("QUERY_STRING", "")
    if "\x00" in request.path_info or "\x00" in query or "%00" in query:
        return True
    if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
        return True
    if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
        return b"\x00" in request.body or b"%00" in request.body
    return False


class RejectNulMiddleware:
    """Answers 400 to any request with a NUL character (see `has_nul`), in one place for every page and
    API route instead of a check per field."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_nul(request):
            return HttpResponseBadRequest(
                _(
                    "The address or form contains a NUL character, which is never valid. Remove it and try again."
                ),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
