"""Staff who can reach personal data must have TOTP set up before they do anything else."""

from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from polku.accounts.access import access_for

# Sign-in and MFA set-up itself, language switching, static files and the health check stay reachable.
ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz", "/favicon")


def needs_mfa_setup(user) -> bool:
    """True for a signed-in staff user without an authenticator app while the requirement is on.

    Staff are the roles that reach other people's data (coordinator, project lead, evaluator, superuser),
    employer representatives (who read candidates' profiles and approved people's contacts), and anyone who may use the admin site (`is_staff`), whose model permissions may reach the same data.
    """
    if not settings.POLKU_MFA_REQUIRED_FOR_STAFF or not user.is_authenticated:
        return False
    if not (user.is_staff or access_for(user).needs_mfa):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffMfaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if not path.startswith(ALLOWED_PREFIXES) and needs_mfa_setup(request.user):
            if path.startswith("/api/"):
                return JsonResponse(
                    {"detail": _("Set up two-factor authentication before using the API.")}, status=403
                )
            if getattr(request, "htmx", False):
                # A plain redirect would be swapped into part of the page; HTMX loads the whole page instead.
                return HttpResponse(status=204, headers={"HX-Redirect": reverse("mfa_activate_totp")})
            return redirect("mfa_activate_totp")
        return self.get_response(request)
