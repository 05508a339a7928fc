"""Pages of networking rounds: the attendee's live page (polled with HTMX every few seconds, so no WebSocket
server is needed; after the event it shows whom they met) and the organiser's page with every room."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import ApplicationError
from polku.events.forms_meetings import MoveForm
from polku.events.models import Event
from polku.events.selectors import meetings as meeting_selectors
from polku.events.selectors import rounds as selectors
from polku.events.selectors.contacts import people_met
from polku.events.selectors.events import event_get, organised_event_get
from polku.events.services import rounds as services
from polku.events.services.events import is_past
from polku.events.views.meetings import error_text

POLL_SECONDS = 5


@login_required
def live_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    registration = meeting_selectors.require_own_registration(access=access, event=event)
    state = selectors.live(registration)
    finished = state.finished or is_past(event)
    context = {
        "event": event,
        "live": state,
        "finished": finished,
        "met": people_met(registration) if finished else [],
        "poll_seconds": POLL_SECONDS,
    }
    return TemplateResponse(request, "events/rounds/live.html", context)


@login_required
def rounds_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The organiser's page: every round and room; its forms post to the addresses below."""
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    context = {
        "event": event,
        "rounds": selectors.rounds_of(event),
        "unplaced": selectors.unplaced_people(event),
        "people": meeting_selectors.attendees(event),
    }
    return TemplateResponse(request, "events/rounds/organiser.html", context)


def _back(event: Event) -> HttpResponse:
    return redirect("events:rounds", pk=event.pk)


@login_required
@require_POST
def rounds_plan_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    try:
        repeats = services.rounds_plan(access=access, event=event)
    except ApplicationError as error:
        messages.error(request, error_text(error))
    else:
        if repeats:
            messages.warning(
                request,
                _(
                    "The rounds are planned, but %(count)s pairs meet again: there are too few people for so many rounds."
                )
                % {"count": repeats},
            )
        else:
            messages.success(request, _("The rounds are planned; nobody meets the same person twice."))
    return _back(event)


@login_required
@require_POST
def round_publish_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    try:
        number = services.round_publish(access=access, event=event)
    except ApplicationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Round %(number)s is published.") % {"number": number})
    return _back(event)


@login_required
@require_POST
def round_next_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    try:
        number = services.round_start_next(access=access, event=event)
    except ApplicationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Round %(number)s has started.") % {"number": number})
    return _back(event)


@login_required
@require_POST
def rounds_end_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    services.rounds_end(access=access, event=event)
    messages.success(request, _("The rounds are over; everyone sees whom they met."))
    return _back(event)


@login_required
@require_POST
def round_move_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the round, the person and the room."))
        return _back(event)
    person = meeting_selectors.attendee_get(event=event, pk=form.cleaned_data["registration"])
    try:
        group = services.person_move(
            access=access,
            event=event,
            round_number=form.cleaned_data["round_number"],
            registration=person,
            room=form.cleaned_data["room"],
        )
    except ApplicationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("%(name)s is now in room %(room)s of round %(round)s.")
            % {"name": person.name, "room": group.room, "round": group.round_number},
        )
    return _back(event)


@login_required
@require_POST
def round_late_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    raw = request.POST.get("registration") or ""
    person = meeting_selectors.attendee_get(event=event, pk=int(raw) if raw.isdigit() else 0)
    try:
        services.late_joiner_add(access=access, event=event, registration=person)
    except ApplicationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("%(name)s was placed in the rounds.") % {"name": person.name})
    return _back(event)
