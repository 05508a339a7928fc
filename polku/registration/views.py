"""Public self-registration through a partner's link, in steps, and the coordinators' page for their links.

The answers so far live in the session (one entry per link) until the person registers; "Save and
continue later" also keeps them as a RegistrationDraft and gives a resume link. A step is reached only
when every earlier step has valid answers.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import access_for, coordinator_access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.consent.models import PrivacyNotice
from polku.consent.services import notice_current
from polku.core.errors import ApplicationError
from polku.core.forms import error_summary
from polku.projects.models import Partner
from polku.registration import selectors, services
from polku.registration.forms import (
    CHECK,
    STEP_SLUGS,
    STEPS,
    PasswordForm,
    RegistrationForms,
    Step,
    merged_data,
    posted_answers,
    step_by_slug,
)

SESSION_EMAIL = "polku_registration_email"
SESSION_PROGRESS = "polku_registration"


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


def _notice_or_closed(
    request: HttpRequest, partner: Partner
) -> tuple[PrivacyNotice | None, HttpResponse | None]:
    """The privacy notice to show, or the "closed" page when the link is closed or has no notice yet."""
    language = get_language() or settings.LANGUAGE_CODE
    notice = (
        notice_current(project_id=partner.project_id, language=language)
        if partner.registration_open
        else None
    )
    if notice is None:
        closed = TemplateResponse(
            request,
            "registration/closed.html",
            {"partner": partner, "not_ready": partner.registration_open},
            status=410,
        )
        return None, closed
    return notice, None


def _session_key(partner: Partner) -> str:
    return f"{SESSION_PROGRESS}:{partner.registration_code}"


def _progress(request: HttpRequest, partner: Partner) -> dict[str, Any]:
    """This browser's registration so far: answers by step, the steps done, and the saved draft's id."""
    progress = request.session.get(_session_key(partner))
    if not isinstance(progress, dict):
        progress = {"answers": {}, "done": [], "draft": None}
    return progress


def _keep(request: HttpRequest, partner: Partner, progress: dict[str, Any]) -> None:
    request.session[_session_key(partner)] = progress


def _step_url(partner: Partner, step: Step) -> str:
    if step.slug == STEPS[0].slug:
        return reverse("registration:register", args=[partner.registration_code])
    if step.slug == CHECK.slug:
        return reverse("registration:check", args=[partner.registration_code])
    return reverse("registration:step", args=[partner.registration_code, step.slug])


def _first_missing(progress: dict[str, Any], *, before: Step | None = None) -> Step | None:
    """The first step not answered yet, among those before `before` (all steps without it)."""
    for step in STEPS:
        if before is not None and step.slug == before.slug:
            return None
        if step.slug not in progress["done"]:
            return step
    return None


def _language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _forms(partner: Partner, data: Any) -> RegistrationForms:
    return RegistrationForms(data, project=partner.project, language=_language())


def _page(
    request: HttpRequest,
    *,
    partner: Partner,
    notice: PrivacyNotice,
    forms: RegistrationForms,
    step: Step,
    progress: dict[str, Any],
    status: int = 200,
) -> TemplateResponse:
    """A step's page (or "Check your answers"), with the progress indicator and the step's errors."""
    all_steps = (*STEPS, CHECK)
    number = all_steps.index(step) + 1
    reachable = True
    indicator = []
    for item in all_steps:
        indicator.append(
            {"title": item.title, "url": _step_url(partner, item), "current": item == step, "link": reachable}
        )
        reachable = reachable and item.slug in progress["done"]
    previous = all_steps[number - 2] if number > 1 else None
    sections = []
    if step == CHECK:
        for item in STEPS:
            url = _step_url(partner, item)
            sections.append({"step": item, "rows": forms.rows(item), "url": url})
    project = partner.project
    return TemplateResponse(
        request,
        "registration/check.html" if step == CHECK else "registration/register.html",
        {
            "partner": partner,
            "project": project,
            "notice": notice,
            "forms": forms,
            "step": step,
            "step_forms": forms.of(step),
            "number": number,
            "total": len(all_steps),
            "indicator": indicator,
            "action_url": _step_url(partner, step),
            "previous_url": _step_url(partner, previous) if previous else "",
            "sections": sections,
            "summary": error_summary(*forms.of(step), form_anchor="registration-form"),
            "asks_sensitive": project.asks_disability or project.asks_minority,
        },
        status=status,
    )


def _saved(request: HttpRequest, partner: Partner, progress: dict[str, Any], step: Step) -> HttpResponse:
    """Keep the answers as a draft and show the resume link (also e-mailed if an address was given)."""
    email = (progress["answers"].get("contact", {}).get("email") or [""])[-1].strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        email = ""
    draft, link = services.registration_draft_save(
        partner=partner,
        answers=progress["answers"],
        step=step.slug,
        draft_id=progress.get("draft"),
        email=email,
        language=_language(),
        absolute_url=request.build_absolute_uri,
    )
    progress["draft"] = draft.pk
    _keep(request, partner, progress)
    return TemplateResponse(
        request,
        "registration/saved.html",
        {
            "partner": partner,
            "project": partner.project,
            "link": link,
            "email": email,
            "expires_at": draft.expires_at,
            "step_url": _step_url(partner, step),
        },
    )


def register(request: HttpRequest, code: str) -> HttpResponse:
    """The link itself: the first step of the registration."""
    partner = selectors.partner_by_registration_code(code=code)
    if request.method == "GET" and "lang" in request.GET:
        return _language_redirect(request)
    return _step(request, partner, STEPS[0])


def step(request: HttpRequest, code: str, step: str) -> HttpResponse:
    partner = selectors.partner_by_registration_code(code=code)
    if step not in STEP_SLUGS:
        raise Http404
    return _step(request, partner, step_by_slug(step))


def _step(request: HttpRequest, partner: Partner, step: Step) -> HttpResponse:
    """One step: Continue checks only its answers; Back and "Save and continue later" keep what was typed."""
    notice, closed = _notice_or_closed(request, partner)
    if closed is not None or notice is None:
        return closed or HttpResponse(status=410)
    progress = _progress(request, partner)
    missing = _first_missing(progress, before=step)
    if missing is not None:
        return redirect(_step_url(partner, missing))
    answers = progress["answers"]
    if request.method != "POST":
        forms = _forms(partner, None)
        forms.show_answers(step, answers.get(step.slug, {}))
        return _page(request, partner=partner, notice=notice, forms=forms, step=step, progress=progress)
    posted = posted_answers(request.POST)
    if step.slug == "consents":
        posted["notice"] = [request.POST.get("notice", "")]
    answers[step.slug] = posted
    forms = _forms(partner, merged_data(answers))
    valid = forms.step_valid(step)
    done = [slug for slug in progress["done"] if slug != step.slug] + ([step.slug] if valid else [])
    progress["done"] = done
    _keep(request, partner, progress)
    action = request.POST.get("action", "continue")
    if action == "save":
        return _saved(request, partner, progress, step)
    if action == "back":
        index = STEP_SLUGS.index(step.slug)
        return redirect(_step_url(partner, STEPS[max(index - 1, 0)]))
    if valid:
        return redirect(_step_url(partner, _first_missing(progress) or CHECK))
    return _page(request, partner=partner, notice=notice, forms=forms, step=step, progress=progress)


def check(request: HttpRequest, code: str) -> HttpResponse:
    """Check your answers, choose a password, register: the same service call as ever creates the person."""
    partner = selectors.partner_by_registration_code(code=code)
    notice, closed = _notice_or_closed(request, partner)
    if closed is not None or notice is None:
        return closed or HttpResponse(status=410)
    progress = _progress(request, partner)
    missing = _first_missing(progress)
    if missing is not None:
        return redirect(_step_url(partner, missing))
    answers = progress["answers"]
    if request.method != "POST":
        forms = _forms(partner, merged_data(answers))
        for item in STEPS:
            if not forms.step_valid(item):  # e.g. the project asks more since: back to that step
                return _page(
                    request, partner=partner, notice=notice, forms=forms, step=item, progress=progress
                )
        forms.password = PasswordForm(None)
        return _page(request, partner=partner, notice=notice, forms=forms, step=CHECK, progress=progress)
    action = request.POST.get("action", "register")
    if action == "save":
        return _saved(request, partner, progress, CHECK)
    if action == "back":
        return redirect(_step_url(partner, STEPS[-1]))
    password = {key: [request.POST.get(key, "")] for key in ("password1", "password2")}
    forms = _forms(partner, merged_data(answers, password))
    if forms.is_valid():
        try:
            services.participant_self_register(
                partner=partner,
                registration=forms.registration(notice_language=notice.language),
                password=forms.password.cleaned_data["password1"],
                notice_id=_stored_notice_id(answers),
                absolute_url=request.build_absolute_uri,
                draft_id=progress.get("draft"),
            )
        except ApplicationError as error:
            forms.apply_error(error)
        else:
            request.session.pop(_session_key(partner), None)
            request.session[SESSION_EMAIL] = forms.person.cleaned_data["email"].strip().lower()
            return redirect("registration:thanks", code=partner.registration_code)
    wrong = forms.first_step_with_errors()
    if wrong != CHECK:
        progress["done"] = [slug for slug in progress["done"] if slug != wrong.slug]
        _keep(request, partner, progress)
    return _page(request, partner=partner, notice=notice, forms=forms, step=wrong, progress=progress)


def _stored_notice_id(answers: dict[str, Any]) -> int:
    try:
        return int((answers.get("consents", {}).get("notice") or [""])[-1])
    except ValueError:
        return 0


def resume(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """A resume link: the saved answers back into this browser, at the step where the person stopped."""
    partner = selectors.partner_by_registration_code(code=code)
    draft = selectors.registration_draft_by_token(partner=partner, token=token)
    if draft is None or draft.expires_at <= timezone.now():
        if draft is not None:
            services.registration_drafts_delete_expired()
        return TemplateResponse(
            request,
            "registration/draft_gone.html",
            {"partner": partner, "expired": draft is not None},
            status=410 if draft is not None else 404,
        )
    answers = draft.answers if isinstance(draft.answers, dict) else {}
    forms = _forms(partner, merged_data(answers))
    done = []
    for item in STEPS:
        if item.slug not in answers or not forms.step_valid(item):
            break
        done.append(item.slug)
    progress = {"answers": answers, "done": done, "draft": draft.pk}
    _keep(request, partner, progress)
    target = step_by_slug(draft.step) if draft.step in (*STEP_SLUGS, CHECK.slug) else STEPS[0]
    missing = _first_missing(progress, before=None if target == CHECK else target)
    return redirect(_step_url(partner, missing or target))


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
