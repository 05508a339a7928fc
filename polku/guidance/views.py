"""Guidance pages: recording a session with a participant (with the next steps agreed), a session with its
private notes (an audited read), its next steps, and ticking a step done (the participant their own).
Everything but ticking is for the coordinators of the participation's partner; others get 404."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import ApplicationError
from polku.core.forms import apply_field_errors, response_status
from polku.guidance import services
from polku.guidance.forms import DoneForm, NextStepForm, SessionForm, steps_formset
from polku.guidance.models import GuidanceSession
from polku.guidance.selectors import (
    guided_participation,
    session_get,
    session_read,
    session_steps,
    step_for_marking,
    step_get,
)
from polku.participants.models import Participation


def _participant_page(participation: Participation) -> str:
    return reverse("participants:detail", args=[participation.pk]) + "#guidance"


def _session_page(session: GuidanceSession) -> str:
    return reverse("guidance:session", args=[session.pk])


def _apply_step_errors(error: ApplicationError, form: forms.BaseForm, formset: forms.BaseFormSet) -> None:
    """The service's errors: the session's on the session form, a step's (`next_steps-<i>-<field>`) on
    that row of the formset."""
    prefix = f"{services.STEPS_PREFIX}-"
    own = ApplicationError(
        error.message, field_errors={k: v for k, v in error.field_errors.items() if not k.startswith(prefix)}
    )
    apply_field_errors(own, form)
    for key, messages_ in error.field_errors.items():
        if not key.startswith(prefix):
            continue
        index, name = key.removeprefix(prefix).split("-", 1)
        row = formset.forms[int(index)]
        for message in messages_:
            row.add_error(name if name in row.fields else None, message)


def _form_page(request: HttpRequest, template: str, context: dict[str, Any], ok: bool) -> TemplateResponse:
    return TemplateResponse(request, template, context, status=response_status(request, ok))


@login_required
def session_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    participation = guided_participation(access=access, pk=pk)
    form = SessionForm(request.POST or None)
    formset = steps_formset(request.POST or None)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            session = services.session_create(
                actor=request.user,
                access=access,
                participation=participation,
                data=form.cleaned_data,
                next_steps=[row.cleaned_data for row in formset.forms],
            )
        except ApplicationError as error:
            _apply_step_errors(error, form, formset)
        else:
            messages.success(request, _("The guidance session was saved."))
            return redirect(_session_page(session))
    context = {
        "form": form,
        "formset": formset,
        "forms": (form, *formset.forms),
        "participation": participation,
        "title": _("Record a guidance session"),
        "back": _participant_page(participation),
    }
    return _form_page(request, "guidance/session_form.html", context, request.method != "POST")


@login_required
def session_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    session = session_read(access=access, actor=request.user, pk=pk)
    context = {
        "session": session,
        "participation": session.participation,
        "steps": session_steps(session=session),
        "back": _participant_page(session.participation),
    }
    return TemplateResponse(request, "guidance/session_detail.html", context)


@login_required
def session_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    session = session_get(access=access, pk=pk)
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(
                actor=request.user, access=access, session=session, data=form.cleaned_data
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The guidance session was saved."))
            return redirect(_session_page(session))
    context = {
        "form": form,
        "forms": (form,),
        "participation": session.participation,
        "title": _("Edit the guidance session"),
        "back": _session_page(session),
    }
    return _form_page(request, "guidance/session_form.html", context, request.method != "POST")


@login_required
def session_delete_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    session = session_get(access=access, pk=pk)
    participation = session.participation
    if request.method == "POST":
        services.session_delete(actor=request.user, access=access, session=session)
        messages.success(request, _("The guidance session was removed."))
        return redirect(_participant_page(participation))
    context = {"session": session, "participation": participation, "back": _session_page(session)}
    return TemplateResponse(request, "guidance/session_delete.html", context)


@login_required
def step_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    session = session_get(access=access, pk=pk)
    form = NextStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.next_step_add(actor=request.user, access=access, session=session, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The next step was saved."))
            return redirect(_session_page(session))
    context = {
        "form": form,
        "forms": (form,),
        "session": session,
        "title": _("Add a next step"),
        "back": _session_page(session),
    }
    return _form_page(request, "guidance/step_form.html", context, request.method != "POST")


@login_required
def step_edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    step = step_get(access=access, pk=pk)
    form = NextStepForm(request.POST or None, instance=step)
    if request.method == "POST" and form.is_valid():
        step.refresh_from_db()
        try:
            services.next_step_update(actor=request.user, access=access, step=step, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The next step was saved."))
            return redirect(_session_page(step.session))
    context = {
        "form": form,
        "forms": (form,),
        "session": step.session,
        "title": _("Edit the next step"),
        "back": _session_page(step.session),
    }
    return _form_page(request, "guidance/step_form.html", context, request.method != "POST")


@login_required
def step_delete_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    step = step_get(access=access, pk=pk)
    session = step.session
    if request.method == "POST":
        services.next_step_delete(actor=request.user, access=access, step=step)
        messages.success(request, _("The next step was removed."))
        return redirect(_session_page(session))
    context = {"step": step, "session": session, "back": _session_page(session)}
    return TemplateResponse(request, "guidance/step_delete.html", context)


@login_required
@require_POST
def step_done_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Tick a step done or not done; back to the page the form was on (the participant's own page, the
    home page or the session)."""
    access = access_for(request.user)
    step = step_for_marking(access=access, pk=pk)
    form = DoneForm(request.POST)
    form.is_valid()
    done = bool(form.cleaned_data.get("done"))
    services.next_step_set_done(actor=request.user, access=access, step=step, done=done)
    messages.success(request, _("Marked as done.") if done else _("Marked as not done."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("home")
    return redirect(target)
