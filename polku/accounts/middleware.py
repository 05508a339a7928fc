"""Staff who can reach personal data must have TOTP set up before they do anything else."""

from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from polku.accounts.access import access_for

ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz", "/favicon")


def needs_mfa_setup(user) -> bool:  # type: ignore[no-untyped-def]
    if not settings.POLKU_MFA_REQUIRED_FOR_STAFF or not user.is_authenticated:
        return False
    if not access_for(user).is_staff_role:
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffMfaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if not path.startswith(ALLOWED_PREFIXES) and needs_mfa_setup(request.user):
            if path.startswith("/api/"):
                return JsonResponse({"detail": _("Set up two-factor authentication before using the API.")}, status=403)
            return redirect("mfa_activate_totp")
        return self.get_response(request)
