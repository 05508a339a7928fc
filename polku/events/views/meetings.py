"""Pages of 1:1 meetings at an event, phone-first.

Attendees (a confirmed registration): the meeting profile (opt in), suggestions with reasons and a request
form, incoming and outgoing requests (accept, decline, withdraw, block), the agenda with table numbers and
its calendar file. Organisers: one page with the slots, settings, must-meet meetings, the scheduler's table
of placed and unplaced meetings with reasons, publishing, no-shows and cancellation. Every form posts to
its own address and comes back to the page with a message (errors name the field).
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.core.errors import ApplicationError
from polku.core.forms import apply_field_errors, response_status
from polku.events.agenda import agenda_calendar, agenda_filename
from polku.events.forms_meetings import (
    GenerateSlotsForm,
    MustMeetForm,
    ProfileForm,
    RequestForm,
    SettingsForm,
    profile_initial,
)
from polku.events.models import Event, Meeting, MeetingSlot
from polku.events.selectors import meetings as selectors
from polku.events.selectors.events import event_get, organised_event_get
from polku.events.services import meetings as services
from polku.events.services.events import is_past


def slot_label(event: Event, slot: MeetingSlot) -> str:
    zone = event.zone
    return f"{slot.starts_at.astimezone(zone):%H:%M}–{slot.ends_at.astimezone(zone):%H:%M}"


def error_text(error: ApplicationError) -> str:
    """The error and its field messages in one line, for a message on the page the form came from."""
    details = [m for messages_ in error.field_errors.values() for m in messages_]
    return " ".join([error.message, *details]) if details else error.message


# --- attendees --------------------------------------------------------------------------------------


@login_required
def match_profile_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Opt in to meetings (or change one's profile, or opt out)."""
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    registration = selectors.require_own_registration(access=access, event=event)
    profile = selectors.profile_of(registration)
    choices = [(str(s.pk), slot_label(event, s)) for s in event.meeting_slots.all()]
    if request.method == "POST" and request.POST.get("opt_out"):
        services.profile_delete(access=access, event=event)
        messages.success(request, _("You opted out of meetings at this event."))
        return redirect("events:match_profile", pk=event.pk)
    form = ProfileForm(request.POST or None, initial=profile_initial(profile), slot_choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_save(access=access, event=event, data=form.cleaned_data)
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("Your meeting profile was saved."))
            return redirect("events:suggestions", pk=event.pk)
    context = {"event": event, "form": form, "forms": (form,), "profile": profile}
    return TemplateResponse(
        request,
        "events/meetings/profile.html",
        context,
        status=response_status(request, form.is_bound and not form.errors),
    )


@login_required
def suggestions_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    registration = selectors.require_own_registration(access=access, event=event)
    profile = selectors.profile_of(registration)
    found = selectors.suggestions(registration=registration) if profile else []
    context = {"event": event, "profile": profile, "suggestions": found, "registration": registration}
    return TemplateResponse(request, "events/meetings/suggestions.html", context)


@login_required
@require_POST
def request_send_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    form = RequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the person to ask."))
        return redirect("events:suggestions", pk=event.pk)
    recipient = selectors.attendee_get(event=event, pk=form.cleaned_data["recipient"])
    try:
        services.request_send(
            access=access, event=event, recipient=recipient, message=form.cleaned_data["message"]
        )
    except ApplicationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Your request was sent to %(name)s.") % {"name": recipient.name})
    return redirect("events:suggestions", pk=event.pk)


@login_required
def requests_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    registration = selectors.require_own_registration(access=access, event=event)
    incoming, outgoing = selectors.requests_of(registration)
    context = {"event": event, "incoming": incoming, "outgoing": outgoing, "registration": registration}
    return TemplateResponse(request, "events/meetings/requests.html", context)


@login_required
@require_POST
def request_answer_view(request: AuthenticatedHttpRequest, request_pk: int) -> HttpResponse:
    """Accept, decline or withdraw a request (`action` in the POST)."""
    access = access_for(request.user)
    meeting_request = selectors.request_get_own(access=access, pk=request_pk)
    action = request.POST.get("action")
    try:
        if action == "accept":
            services.request_answer(access=access, request=meeting_request, accept=True)
            messages.success(request, _("Accepted. The organiser places the meeting at a table."))
        elif action == "decline":
            services.request_answer(access=access, request=meeting_request, accept=False)
            messages.success(request, _("Declined."))
        elif action == "withdraw":
            services.request_withdraw(access=access, request=meeting_request)
            messages.success(request, _("Your request was withdrawn."))
        else:
            messages.error(request, _("Choose accept, decline or withdraw."))
    except ApplicationError as error:
        messages.error(request, error_text(error))
    return redirect("events:requests", pk=meeting_request.event_id)


@login_required
@require_POST
def block_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    try:
        blocked_pk = int(request.POST.get("registration") or 0)
    except ValueError:
        blocked_pk = 0
    blocked = selectors.attendee_get(event=event, pk=blocked_pk)
    try:
        services.block(access=access, event=event, blocked=blocked)
    except ApplicationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("%(name)s will not be suggested to you or ask you again.") % {"name": blocked.name}
        )
    return redirect("events:requests", pk=event.pk)


@login_required
def agenda_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    registration = selectors.require_own_registration(access=access, event=event)
    context = {
        "event": event,
        "items": selectors.agenda(registration),
        "met": selectors.whom_i_met(registration) if is_past(event) else [],
        "past": is_past(event),
    }
    return TemplateResponse(request, "events/meetings/agenda.html", context)


@login_required
def agenda_ics_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    registration = selectors.require_own_registration(access=access, event=event)
    response = HttpResponse(agenda_calendar(registration), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{agenda_filename(registration)}"'
    return response


# --- organisers -------------------------------------------------------------------------------------


@login_required
def meetings_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The organiser's page: its forms post to the addresses below and come back here."""
    access = access_for(request.user)
    return _organiser_page(request, organised_event_get(access=access, pk=pk))


def _people_choices(event: Event) -> list[tuple[str, str]]:
    return [(str(r.pk), r.name) for r in selectors.attendees(event)]


def _organiser_page(request: HttpRequest, event: Event, **bound: forms.Form) -> TemplateResponse:
    """The organiser's page; a form given in `bound` came back with errors and is shown as typed (400)."""
    rows = selectors.event_meetings(event)
    context = {
        "event": event,
        "slots": [(slot, slot_label(event, slot)) for slot in event.meeting_slots.all()],
        "generate_form": GenerateSlotsForm(prefix="gen"),
        "settings_form": SettingsForm(
            prefix="set",
            initial={
                "matchmaking": event.matchmaking,
                "meeting_tables": event.meeting_tables,
                "max_requests": event.max_requests,
            },
        ),
        "must_form": MustMeetForm(prefix="must", people=_people_choices(event)),
        "placed": [r for r in rows if r.meeting.status in (Meeting.Status.PLACED, Meeting.Status.PUBLISHED)],
        "unplaced": [r for r in rows if r.meeting.status == Meeting.Status.UNPLACED],
        "cancelled": [r for r in rows if r.meeting.status == Meeting.Status.CANCELLED],
        "to_publish": sum(1 for r in rows if r.meeting.status == Meeting.Status.PLACED),
        "labels": {slot.pk: slot_label(event, slot) for slot in event.meeting_slots.all()},
    }
    context |= bound
    context["forms"] = tuple(bound.values())
    return TemplateResponse(request, "events/meetings/organiser.html", context, status=400 if bound else 200)


def _back(event: Event) -> HttpResponse:
    return redirect("events:meetings", pk=event.pk)


@login_required
@require_POST
def slots_generate_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    form = GenerateSlotsForm(request.POST, prefix="gen")
    if not form.is_valid():
        return _organiser_page(request, event, generate_form=form)
    day = event.starts_at.astimezone(event.zone).date()
    starts = dt.datetime.combine(day, form.cleaned_data["start"], tzinfo=event.zone)
    ends = dt.datetime.combine(day, form.cleaned_data["end"], tzinfo=event.zone)
    try:
        slots = services.slots_generate(
            access=access,
            event=event,
            starts_at=starts,
            ends_at=ends,
            minutes=form.cleaned_data["minutes"],
            gap_minutes=form.cleaned_data["gap_minutes"],
        )
    except ApplicationError as error:
        names = {"starts_at": "start", "ends_at": "end"}  # the service's names of the form's fields
        error.field_errors = {names.get(k, k): v for k, v in error.field_errors.items()}
        apply_field_errors(error, form)
        return _organiser_page(request, event, generate_form=form)
    messages.success(request, _("%(count)s slots were added.") % {"count": len(slots)})
    return _back(event)


@login_required
@require_POST
def slot_remove_view(request: AuthenticatedHttpRequest, pk: int, slot_pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    slot = get_object_or_404(MeetingSlot, pk=slot_pk, event=event)
    try:
        services.slot_remove(access=access, slot=slot)
    except ApplicationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The slot was removed."))
    return _back(event)


@login_required
@require_POST
def matchmaking_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    form = SettingsForm(request.POST, prefix="set")
    if not form.is_valid():
        return _organiser_page(request, event, settings_form=form)
    try:
        services.matchmaking_set(
            access=access,
            event=event,
            enabled=form.cleaned_data["matchmaking"],
            tables=form.cleaned_data["meeting_tables"],
            max_requests=form.cleaned_data["max_requests"],
        )
    except ApplicationError as error:
        apply_field_errors(error, form)
        return _organiser_page(request, event, settings_form=form)
    messages.success(request, _("The settings were saved."))
    return _back(event)


@login_required
@require_POST
def must_meet_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    form = MustMeetForm(request.POST, prefix="must", people=_people_choices(event))
    if not form.is_valid():
        return _organiser_page(request, event, must_form=form)
    try:
        services.must_meet_create(
            access=access,
            event=event,
            registration_ids=[int(v) for v in form.cleaned_data["registrations"]],
            priority=int(form.cleaned_data["priority"]),
        )
    except ApplicationError as error:
        apply_field_errors(error, form)
        return _organiser_page(request, event, must_form=form)
    messages.success(request, _("The meeting was added. Run the scheduler to place it."))
    return _back(event)


@login_required
@require_POST
def schedule_run_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    try:
        result = services.schedule_run(access=access, event=event)
    except ApplicationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("%(placed)s meetings placed, %(unplaced)s could not be placed.")
            % {"placed": len(result.placed), "unplaced": len(result.unplaced)},
        )
    return _back(event)


@login_required
@require_POST
def schedule_publish_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    count = services.schedule_publish(access=access, event=event)
    messages.success(
        request, _("%(count)s meetings were published; the people in them get an e-mail.") % {"count": count}
    )
    return _back(event)


@login_required
@require_POST
def meeting_cancel_view(request: AuthenticatedHttpRequest, meeting_pk: int) -> HttpResponse:
    """Cancel a meeting: its organiser (back to the organiser's page) or a member (back to the agenda)."""
    access = access_for(request.user)
    meeting = get_object_or_404(Meeting.objects.select_related("event__activity"), pk=meeting_pk)
    event = event_get(access=access, pk=meeting.event_id)
    services.meeting_cancel(access=access, meeting=meeting)
    messages.success(request, _("The meeting was cancelled."))
    if access.can_manage_event(event.activity.project_id, event.activity.partner_id):
        return _back(event)
    return redirect("events:agenda", pk=event.pk)


@login_required
@require_POST
def meeting_attendance_view(request: AuthenticatedHttpRequest, meeting_pk: int) -> HttpResponse:
    access = access_for(request.user)
    meeting = get_object_or_404(Meeting.objects.select_related("event__activity"), pk=meeting_pk)
    event = organised_event_get(access=access, pk=meeting.event_id)
    value = request.POST.get("attended")
    attended = {"yes": True, "no": False}.get(value or "")
    member = selectors.attendee_get(
        event=event,
        pk=int(request.POST.get("registration") or 0)
        if (request.POST.get("registration") or "").isdigit()
        else 0,
    )
    try:
        services.attendance_set(access=access, meeting=meeting, registration=member, attended=attended)
    except ApplicationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Attendance was saved."))
    return _back(event)
