"""Public self-registration through a partner's link, and the coordinators' page for their links."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import access_for, coordinator_access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.consent.services import notice_current
from polku.core.errors import ApplicationError
from polku.registration import selectors, services
from polku.registration.forms import RegistrationForms

SESSION_EMAIL = "polku_registration_email"


def _language_redirect(request: HttpRequest) -> HttpResponse:
    """?lang=fi|sv|en chooses the page's language: remembered like the language switcher, then a clean URL.

    Dropping the parameter keeps the switcher in the header working on the page afterwards.
    """
    response = redirect(request.path)
    code = request.GET.get("lang", "")
    if code in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]  # a str setting, checked by Django
        )
    return response


def register(request: HttpRequest, code: str) -> HttpResponse:
    partner = selectors.partner_by_registration_code(code=code)
    if request.method == "GET" and "lang" in request.GET:
        return _language_redirect(request)
    language = get_language() or settings.LANGUAGE_CODE
    notice = (
        notice_current(project_id=partner.project_id, language=language)
        if partner.registration_open
        else None
    )
    if notice is None:
        return TemplateResponse(
            request,
            "registration/closed.html",
            {"partner": partner, "not_ready": partner.registration_open},
            status=410,
        )
    project = partner.project
    forms = RegistrationForms(
        request.POST if request.method == "POST" else None, project=project, language=language
    )
    if request.method == "POST" and forms.is_valid():
        try:
            services.participant_self_register(
                partner=partner,
                registration=forms.registration(notice_language=notice.language),
                password=forms.password.cleaned_data["password1"],
                notice_id=_posted_notice_id(request),
                absolute_url=request.build_absolute_uri,
            )
        except ApplicationError as error:
            forms.apply_error(error)
        else:
            request.session[SESSION_EMAIL] = forms.person.cleaned_data["email"].strip().lower()
            return redirect("registration:thanks", code=partner.registration_code)
    return TemplateResponse(
        request,
        "registration/register.html",
        {
            "partner": partner,
            "project": project,
            "notice": notice,
            "forms": forms,
            "summary": forms.summary(),
            "asks_sensitive": project.asks_disability or project.asks_minority,
        },
    )


def _posted_notice_id(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("notice", ""))
    except ValueError:
        return 0


def thanks(request: HttpRequest, code: str) -> HttpResponse:
    partner = selectors.partner_by_registration_code(code=code)
    email = request.session.get(SESSION_EMAIL, "")
    return TemplateResponse(request, "registration/thanks.html", {"partner": partner, "email": email})


@login_required
def manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators manage registration links."))
    partners = list(selectors.registration_partner_list(access=access))
    for partner in partners:
        partner.link = request.build_absolute_uri(  # type: ignore[attr-defined]
            reverse("registration:register", args=[partner.registration_code])
        )
    return TemplateResponse(request, "registration/manage.html", {"partners": partners})


@login_required
@require_POST
def set_open(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    partner = selectors.registration_partner_get(access=access, pk=pk)
    is_open = request.POST.get("open") == "1"
    services.registration_link_set_open(access=access, partner=partner, is_open=is_open)
    if is_open:
        messages.success(
            request,
            _("Registration through the link of %(partner)s is open.")
            % {"partner": partner.organisation.name},
        )
    else:
        messages.success(
            request,
            _("Registration through the link of %(partner)s is closed.")
            % {"partner": partner.organisation.name},
        )
    return redirect("registration:manage")
