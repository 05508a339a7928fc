"""Outcome pages: a participation's exit, follow-up and outcomes (its coordinator or the person), the
coordinator's follow-up list, and the two pages reached from e-mailed links without a log-in."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for, coordinator_access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.accounts.models import User
from polku.core.errors import ApplicationError
from polku.outcomes import services
from polku.outcomes.forms import ExitRecordForm, FollowUpFilterForm, FollowUpForm, OutcomeForm
from polku.outcomes.models import ExitRecord, ExitStatus, FollowUp
from polku.outcomes.selectors import company_outcome, follow_up_list, outcome_get, participation_outcomes
from polku.participants.forms import apply_field_errors
from polku.participants.models import Participation
from polku.participants.selectors import participation_get


def _is_own(access: Access, participation: Participation) -> bool:
    return access.person_id == participation.person_id and not access.can_manage_partner(
        participation.partner_id
    )


def _overview(participation: Participation) -> str:
    return reverse("outcomes:participation", args=[participation.pk])


@login_required
def participation_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    data = participation_outcomes(access=access, actor=request.user, pk=pk)
    participation = data.participation
    context = {
        "participation": participation,
        "person": participation.person,
        "exit_record": data.exit_record,
        "follow_up": data.follow_up,
        "outcomes": data.outcomes,
        "own": _is_own(access, participation),
        "can_manage": access.can_manage_partner(participation.partner_id),
    }
    return TemplateResponse(request, "outcomes/participation.html", context)


def _exit_form_page(
    request: HttpRequest, participation: Participation, access: Access | None, *, token: str = ""
) -> HttpResponse:
    """The exit form: a coordinator gives the date and the situation; the person only the situation."""
    own = access is None or _is_own(access, participation)
    record = ExitRecord.objects.filter(participation=participation).first()
    initial: dict[str, Any] = {"exit_date": participation.exit_date}
    company = None
    if record is not None:
        initial |= {
            "status": record.status,
            "status_on": record.status_on,
            "qualification_gained": record.qualification_gained,
        }
    else:
        company = company_outcome(participation=participation)
        if company is not None:
            initial |= {"status": ExitStatus.SELF_EMPLOYED, "status_on": company.date}
    form = ExitRecordForm(request.POST or None, initial=initial, participant=own)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if access is None:
                services.exit_link_answer(
                    participation=participation,
                    status=data["status"],
                    status_on=data["status_on"],
                    qualification_gained=data["qualification_gained"],
                )
            else:
                services.exit_record_save(
                    actor=request.user if isinstance(request.user, User) else None,
                    access=access,
                    participation=participation,
                    # a participant's exit-date field is disabled, so it holds the date already recorded
                    exit_date=data["exit_date"],
                    status=data["status"],
                    status_on=data["status_on"],
                    qualification_gained=data["qualification_gained"],
                )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The exit situation was saved."))
            if access is None:
                return TemplateResponse(request, "outcomes/thanks.html", {})
            return redirect(_overview(participation))
    context = {
        "participation": participation,
        "form": form,
        "forms": (form,),
        "own": own,
        "public": access is None,
        "company": company,
        "ended": participation.exit_date is not None,
        "back": "" if access is None else _overview(participation),
    }
    return TemplateResponse(
        request, "outcomes/exit_form.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def exit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    return _exit_form_page(request, participation_get(access=access, pk=pk), access)


def exit_link_view(request: HttpRequest, token: str) -> HttpResponse:
    participation = services.exit_link_participation(token)
    if participation is None:
        return TemplateResponse(request, "outcomes/link_closed.html", {}, status=404)
    return _exit_form_page(request, participation, None, token=token)


@login_required
@require_POST
def exit_link_send_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    participation = participation_get(access=access, pk=pk)
    try:
        services.exit_link_send(actor=request.user, access=access, participation=participation)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The link was e-mailed to the participant."))
    return redirect(_overview(participation))


@login_required
@require_POST
def reopen_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    participation = participation_get(access=access, pk=pk)
    try:
        services.participation_reopen(actor=request.user, access=access, participation=participation)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The participation is active again; the exit record stays until the next exit.")
        )
    return redirect(_overview(participation))


def _answers(form: FollowUpForm) -> services.FollowUpAnswers:
    data = form.cleaned_data
    return services.FollowUpAnswers(
        labour_status=data["labour_status"],
        permanent_contract=data.get("permanent_contract", ""),
        full_time=data.get("full_time", ""),
        more_demanding_job=data.get("more_demanding_job", ""),
    )


def follow_up_answer_view(request: HttpRequest, token: str) -> HttpResponse:
    """The page of the e-mailed link: nothing personal, only the questions."""
    follow_up = get_object_or_404(FollowUp.objects.select_related("participation__entry_data"), token=token)
    if follow_up.status != FollowUp.Status.PENDING:
        return TemplateResponse(
            request, "outcomes/link_closed.html", {"answered": follow_up.status == "answered"}
        )
    form = FollowUpForm(
        request.POST or None, improvement_asked=services.employed_at_entry(follow_up.participation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_answer(follow_up=follow_up, answers=_answers(form))
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            return TemplateResponse(request, "outcomes/thanks.html", {})
    return TemplateResponse(
        request,
        "outcomes/follow_up_form.html",
        {"form": form, "forms": (form,), "public": True},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def follow_up_record_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators record follow-up answers."))
    participation = participation_get(access=access, pk=pk)
    follow_up = FollowUp.objects.filter(participation=participation).first()
    initial = {}
    if follow_up is not None:
        initial = {
            name: getattr(follow_up, name)
            for name in ("labour_status", "permanent_contract", "full_time", "more_demanding_job")
        }
    form = FollowUpForm(
        request.POST or None, initial=initial, improvement_asked=services.employed_at_entry(participation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_record(
                actor=request.user, access=access, participation=participation, answers=_answers(form)
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The follow-up answers were saved."))
            return redirect(_overview(participation))
    context = {
        "form": form,
        "forms": (form,),
        "participation": participation,
        "public": False,
        "back": _overview(participation),
    }
    return TemplateResponse(
        request, "outcomes/follow_up_form.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def follow_up_list_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators can see follow-ups."))
    form = FollowUpFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = Paginator(follow_up_list(access=access, status=status), 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "outcomes/follow_up_list.html", {"form": form, "page": page, "status": status}
    )


@login_required
def outcome_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    participation = participation_get(access=access, pk=pk)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.outcome_create(
                actor=request.user, access=access, participation=participation, data=form.cleaned_data
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The outcome was saved."))
            return redirect(_overview(participation))
    return _outcome_form(request, form, participation, _("New outcome"))


def _outcome_form(
    request: HttpRequest, form: OutcomeForm, participation: Participation, title: str
) -> TemplateResponse:
    context = {
        "form": form,
        "forms": (form,),
        "participation": participation,
        "title": title,
        "back": _overview(participation),
    }
    return TemplateResponse(
        request, "outcomes/outcome_form.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
def outcome_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    outcome = outcome_get(access=access, pk=pk)
    participation = outcome.participation
    form = OutcomeForm(request.POST or None, instance=outcome)
    if request.method == "POST" and form.is_valid():
        outcome.refresh_from_db()
        try:
            services.outcome_update(
                actor=request.user, access=access, outcome=outcome, data=form.cleaned_data
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The outcome was saved."))
            return redirect(_overview(participation))
    return _outcome_form(request, form, participation, _("Edit outcome"))


@login_required
def outcome_delete_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    outcome = outcome_get(access=access, pk=pk)
    participation = outcome.participation
    if request.method == "POST":
        services.outcome_delete(actor=request.user, access=access, outcome=outcome)
        messages.success(request, _("The outcome was removed."))
        return redirect(_overview(participation))
    context = {"outcome": outcome, "participation": participation, "back": _overview(participation)}
    return TemplateResponse(request, "outcomes/outcome_delete.html", context)
