"""Event pages everyone shares: the list (upcoming events open to me, events I organise, by month), an
event's page, and the organisers' forms (new event or series, edit, speakers, questions, cancel)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import Access, access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import apply_field_errors, response_status
from polku.events.forms import EventForm, QuestionForm, SpeakerForm, event_initial
from polku.events.models import Event, Registration
from polku.events.selectors.events import (
    event_get,
    open_events,
    organised_event_get,
    organised_events,
    seats_held,
    seats_left,
)
from polku.events.services import events as services
from polku.knowledge.models import EvaluationNote
from polku.projects.models import Partner, WorkPackage
from polku.surveys.models import FeedbackForm


def _by_month(events: QuerySet[Event] | list[Event]) -> list[tuple[Any, list[Event]]]:
    """Events grouped by the month they start in (the calendar view as an agenda that fits a phone)."""
    rows = sorted(events, key=lambda e: e.starts_at)
    return [
        (month, list(group))
        for month, group in groupby(rows, key=lambda e: e.starts_at.astimezone(e.zone).date().replace(day=1))
    ]


@login_required
def index_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    access = access_for(request.user)
    if not access.can_use_events():
        raise AccessDenied(_("Events are for the participants and staff of a project."))
    now = timezone.now()
    show_past = request.GET.get("when") == "past"
    kind = request.GET.get("kind") or ""
    organised = organised_events(access)
    upcoming = open_events(access).filter(ends_at__gt=now)
    if kind in Event.Kind.values:
        organised = organised.filter(kind=kind)
        upcoming = upcoming.filter(kind=kind)
    organised = organised.filter(ends_at__lte=now) if show_past else organised.filter(ends_at__gt=now)
    mine = (
        set(
            Registration.objects.filter(event__in=upcoming, status__in=Registration.ACTIVE)
            .filter(participation__person_id=access.person_id)
            .values_list("event_id", flat=True)
        )
        if access.person_id
        else set()
    )
    context = {
        "can_manage": access.can_manage_events(),
        "upcoming_months": _by_month(upcoming.order_by("starts_at")[:200]),
        "organised_months": _by_month(organised.order_by("-starts_at" if show_past else "starts_at")[:300]),
        "show_past": show_past,
        "kinds": Event.Kind.choices,
        "kind": kind,
        "mine": mine,
    }
    return TemplateResponse(request, "events/index.html", context)


def _seats(event: Event) -> dict[str, int | None]:
    waiting = event.registrations.filter(status=Registration.Status.WAITING).count()
    return {"taken": seats_held(event), "waiting": waiting, "free": seats_left(event)}


@login_required
def detail_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    organiser = access.can_manage_event(event.activity.project_id, event.activity.partner_id)
    own = None
    if access.person_id:
        own = event.registrations.filter(
            participation__person_id=access.person_id, status__in=Registration.ACTIVE
        ).first()
    elif event.audience == Event.Audience.STAFF:
        own = event.registrations.filter(user=request.user, status__in=Registration.ACTIVE).first()
    context = {
        "event": event,
        "organiser": organiser,
        "seats": _seats(event),
        "speakers": event.speakers.all(),
        "questions": event.questions.all(),
        "own": own,
        "now": timezone.now(),
        "feedback": FeedbackForm.objects.filter(activity_id=event.activity_id, is_open=True).first(),
        "speaker_form": SpeakerForm(),
        "question_form": QuestionForm(),
    }
    return TemplateResponse(request, "events/detail.html", context)


def _partners(access: Access) -> QuerySet[Partner]:
    return (
        Partner.objects.filter(access.mentor_day_partner_filter())
        .select_related("project", "organisation")
        .order_by("project__name", "organisation__name")
    )


def _notes(access: Access, project_ids: Any) -> QuerySet[EvaluationNote]:
    return EvaluationNote.objects.filter(project_id__in=project_ids, kind=EvaluationNote.Kind.REFLECTION)


def _form_page(
    request: HttpRequest, *, title: str, form: EventForm, event: Event | None = None
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "events/form.html",
        {"title": title, "form": form, "forms": (form,), "event": event},
        status=response_status(request, not form.errors),
    )


@login_required
def create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = access_for(request.user)
    partners = _partners(access)
    if not access.can_manage_events() or not partners.exists():
        raise AccessDenied(_("Only coordinators and project leads add events."))
    project_ids = partners.values_list("project_id", flat=True)
    form = EventForm(
        request.POST or None,
        partners=partners,
        notes=_notes(access, project_ids),
        work_packages=WorkPackage.objects.filter(project_id__in=project_ids).select_related("project"),
        series=True,
        initial={"status": Event.Status.DRAFT, "reminder_hours": [48, 2]},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        partner = data.pop("partner")
        work_package = data.pop("work_package")
        rule = form.rule()
        try:
            if rule:
                created = services.series_create(
                    actor=request.user,
                    access=access,
                    partner=partner,
                    rule=rule,
                    data=data,
                    work_package=work_package,
                )
            else:
                created = [
                    services.event_create(
                        access=access, partner=partner, data=data, work_package=work_package
                    )
                ]
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            if len(created) > 1:
                messages.success(
                    request,
                    _("%(count)s events were saved; each can be edited on its own.")
                    % {"count": len(created)},
                )
            else:
                messages.success(request, _("The event was saved."))
            return redirect("events:detail", pk=created[0].pk)
    return _form_page(request, title=_("New event"), form=form)


@login_required
def edit_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    form = EventForm(
        request.POST or None,
        initial=event_initial(event),
        notes=_notes(access, [event.activity.project_id]),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(access=access, event=event, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("The event was saved."))
            return redirect("events:detail", pk=event.pk)
    return _form_page(request, title=_("Edit event"), form=form, event=event)


@login_required
@require_POST
def cancel_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    if event.status == Event.Status.DRAFT and not event.registrations.exists():
        services.event_delete(access=access, event=event)
        messages.success(request, _("The draft was removed."))
        return redirect("events:index")
    services.event_cancel(access=access, event=event)
    messages.success(request, _("The event was cancelled; calendars of those registered drop it."))
    return redirect("events:detail", pk=event.pk)


def _add_to_event(
    request: AuthenticatedHttpRequest,
    pk: int,
    form_class: type[forms.Form],
    save: Callable[..., object],
    *,
    done: str,
    title: str,
) -> HttpResponse:
    """A speaker or a question added from the event's page; bad input comes back on a page of its own with
    what was typed and the fields named (400)."""
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            save(access=access, event=event, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, done)
            return redirect("events:detail", pk=event.pk)
    return TemplateResponse(
        request,
        "events/sub_form.html",
        {"title": title, "form": form, "forms": (form,), "event": event},
        status=400,
    )


@login_required
@require_POST
def speaker_add_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _add_to_event(
        request,
        pk,
        SpeakerForm,
        services.speaker_save,
        done=_("The speaker was added."),
        title=_("Add a speaker"),
    )


@login_required
@require_POST
def speaker_delete_view(request: AuthenticatedHttpRequest, pk: int, speaker_pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    services.speaker_delete(access=access, speaker=get_object_or_404(event.speakers, pk=speaker_pk))
    messages.success(request, _("The speaker was removed."))
    return redirect("events:detail", pk=event.pk)


@login_required
@require_POST
def question_add_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _add_to_event(
        request,
        pk,
        QuestionForm,
        services.question_save,
        done=_("The question was added to the registration form."),
        title=_("Add a registration question"),
    )


@login_required
@require_POST
def question_delete_view(request: AuthenticatedHttpRequest, pk: int, question_pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    services.question_delete(access=access, question=get_object_or_404(event.questions, pk=question_pk))
    messages.success(request, _("The question was removed."))
    return redirect("events:detail", pk=event.pk)
