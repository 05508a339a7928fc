"""Response headers that keep personal data out of caches and switch off browser features Polku does not use.

The Content-Security-Policy itself comes from django-csp (settings.CONTENT_SECURITY_POLICY); see
docs/architecture.md, "Response headers".
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# Features no page needs are off; the camera is allowed on Polku's own pages (the event check-in scanner).
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "autoplay=()",
        "camera=(self)",
        "display-capture=()",
        "geolocation=()",
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "payment=()",
        "usb=()",
    ]
)

# Paths whose answers are personal even to a visitor who is not signed in: the API, and sign-in, password
# reset and e-mail confirmation pages (they carry tokens and e-mail addresses).
PRIVATE_PREFIXES = ("/api/", "/accounts/")


class ResponseHeadersMiddleware:
    """Permissions-Policy on every response; `Cache-Control: no-store` on every answer to a signed-in user and
    on the API and account pages, unless the view chose its own Cache-Control."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if "Cache-Control" not in response.headers and self._private(request):
            response.headers["Cache-Control"] = "no-store"
        return response

    @staticmethod
    def _private(request: HttpRequest) -> bool:
        if request.path_info.startswith(PRIVATE_PREFIXES):
            return True
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)
