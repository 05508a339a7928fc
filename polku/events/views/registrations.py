"""Registration pages of events, phone-first: registering (with the event's questions), my events (status,
waitlist place, QR code, calendar file, cancel, answer an offer), the guest's public page and their
registration's secret page, and for the organisers the registrations, check-in (camera, code or name),
attendance and certificates; the personal calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polku.accounts.access import access_for
from polku.accounts.http import AuthenticatedHttpRequest
from polku.consent.models import PrivacyNotice
from polku.consent.services import notice_current
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.forms import apply_field_errors, response_status
from polku.events.calendar import event_calendar, event_filename, feed_calendar, registration_calendar
from polku.events.certificates import certificate_filename, certificate_pdf
from polku.events.forms_registrations import (
    AddParticipantForm,
    AttendanceForm,
    CodeForm,
    GuestForm,
    OfferForm,
    RegisterForm,
)
from polku.events.models import CalendarFeed, Event, Registration
from polku.events.qr import qr_svg
from polku.events.selectors import registrations as selectors
from polku.events.selectors.events import (
    event_get,
    organised_event_get,
    participation_for_event,
    public_event_get,
    seats_left,
)
from polku.events.services import registrations as services
from polku.events.services.events import is_past

CALENDAR = "text/calendar; charset=utf-8"


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CALENDAR)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _card(registration: Registration, now: object) -> Registration:
    """A registration with what its card shows: the waitlist place and the QR code of a seat."""
    registration.position = selectors.waitlist_position(registration)  # type: ignore[attr-defined]
    if registration.status == Registration.Status.CONFIRMED and registration.event.ends_at > now:  # type: ignore[operator]
        registration.qr = qr_svg(registration)  # type: ignore[attr-defined]
    registration.can_cancel = (  # type: ignore[attr-defined]
        registration.status != Registration.Status.CANCELLED and registration.event.starts_at > now  # type: ignore[operator]
    )
    return registration


# --- the participant ----------------------------------------------------------------------------------


@login_required
def mine_view(request: AuthenticatedHttpRequest) -> TemplateResponse:
    """My events: upcoming and past registrations."""
    access = access_for(request.user)
    now = timezone.now()
    rows = [_card(r, now) for r in selectors.my_registrations(access=access)]
    context = {
        "upcoming": [r for r in rows if r.event.ends_at > now],
        "past": [r for r in rows if r.event.ends_at <= now][::-1],
        "now": now,
    }
    return TemplateResponse(request, "events/registrations/mine.html", context)


def _register_page(
    request: AuthenticatedHttpRequest, event: Event, form: RegisterForm, ok: bool = True
) -> TemplateResponse:
    access = access_for(request.user)
    can_register = (
        access.is_staff_in(event.activity.project_id)
        if event.audience == Event.Audience.STAFF
        else participation_for_event(access=access, event=event) is not None
    )
    context = {
        "event": event,
        "form": form,
        "forms": (form,),
        "mine": selectors.my_registration_for(access=access, event=event),
        "can_register": can_register,
        "seats_left": seats_left(event),
    }
    return TemplateResponse(
        request, "events/registrations/register.html", context, status=response_status(request, ok)
    )


@login_required
def register_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Register oneself (a participant, or staff for a staff event), answering the event's questions."""
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    form = RegisterForm(request.POST if request.method == "POST" else None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.register_self(
                actor=request.user, access=access, event=event, answers=form.answers()
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
            return _register_page(request, event, form, ok=False)
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(request, _("You are registered. Your seat is confirmed."))
        else:
            messages.success(
                request, _("The event is full, so you are on the waitlist. If a seat frees, we e-mail you.")
            )
        return redirect("events:mine")
    return _register_page(request, event, form)


@login_required
@require_POST
def cancel_view(request: AuthenticatedHttpRequest, reg_pk: int) -> HttpResponse:
    access = access_for(request.user)
    registration = selectors.registration_get_for(access=access, pk=reg_pk)
    try:
        services.registration_cancel(actor=request.user, access=access, registration=registration)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The registration was cancelled."))
    if selectors.my_registrations(access=access).filter(pk=reg_pk).exists():
        return redirect("events:mine")
    return redirect("events:registrations", pk=registration.event_id)


@login_required
@require_POST
def offer_view(request: AuthenticatedHttpRequest, reg_pk: int) -> HttpResponse:
    """Accept or decline the seat offered."""
    access = access_for(request.user)
    registration = selectors.registration_get_own(access=access, pk=reg_pk)
    form = OfferForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to accept or decline the seat."))
        return redirect("events:mine")
    accept = form.cleaned_data["decision"] == "accept"
    service = services.offer_accept if accept else services.offer_decline
    try:
        service(actor=request.user, access=access, registration=registration)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("You took the seat. See you there!") if accept else _("You declined the seat.")
        )
    return redirect("events:mine")


@login_required
def registration_ics_view(request: AuthenticatedHttpRequest, reg_pk: int) -> HttpResponse:
    registration = selectors.registration_get_own(access=access_for(request.user), pk=reg_pk)
    return _ics(registration_calendar(registration), event_filename(registration.event))


@login_required
def event_ics_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = event_get(access=access_for(request.user), pk=pk)
    return _ics(event_calendar(event), event_filename(event))


@login_required
def certificate_view(request: AuthenticatedHttpRequest, reg_pk: int) -> HttpResponse:
    """The attendance certificate: the person's own, or for the organisers; only for those who attended."""
    registration = selectors.registration_get_for(access=access_for(request.user), pk=reg_pk)
    if registration.attendance != Registration.Attendance.ATTENDED:
        raise Http404
    response = HttpResponse(certificate_pdf(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(registration)}"'
    return response


@login_required
def self_check_in_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Check oneself in to an online event with the code the organiser shows."""
    access = access_for(request.user)
    event = event_get(access=access, pk=pk)
    registration = selectors.my_registration_for(access=access, event=event)
    if registration is None:
        raise AccessDenied(_("Only people registered for this event can check in."))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.self_check_in(
                actor=request.user, access=access, event=event, code=form.cleaned_data["code"]
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(request, _("You are checked in. Welcome!"))
            return redirect("events:self_check_in", pk=event.pk)
    registration.refresh_from_db()
    context = {"event": event, "form": form, "forms": (form,), "registration": registration}
    return TemplateResponse(
        request,
        "events/registrations/self_check_in.html",
        context,
        status=400 if request.method == "POST" and form.errors else 200,
    )


# --- the calendar feed --------------------------------------------------------------------------------


@login_required
def feed_settings_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The personal feed's secret address; a POST makes a new one (the old stops working)."""
    if request.method == "POST":
        services.feed_rotate(user=request.user)
        messages.success(request, _("You have a new calendar address. The old one no longer works."))
        return redirect("events:feed_settings")
    feed = services.feed_get_or_create(user=request.user)
    url = request.build_absolute_uri(reverse("events:feed", args=[feed.token]))
    return TemplateResponse(request, "events/registrations/feed.html", {"feed_url": url})


def feed_view(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself, by its secret address (calendar programs do not sign in)."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    if not feed.user.is_active:
        raise Http404
    return HttpResponse(feed_calendar(feed.user), content_type=CALENDAR)


# --- guests -------------------------------------------------------------------------------------------


def _notice(event: Event) -> PrivacyNotice | None:
    return notice_current(project_id=event.activity.project_id, language=(get_language() or "en")[:2])


def public_view(request: HttpRequest, token: str) -> HttpResponse:
    """A public event's page for guests, with the registration form and the privacy notice."""
    event = public_event_get(token)
    notice = _notice(event)
    form = GuestForm(request.POST if request.method == "POST" else None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.register_guest(
                event=event,
                name=data["name"],
                email=data["email"],
                notice=notice,
                notice_acknowledged=data["privacy_notice"],
                answers=form.answers(),
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(request, _("You are registered. Your seat is confirmed."))
            else:
                messages.success(
                    request,
                    _("The event is full, so you are on the waitlist. If a seat frees, we e-mail you."),
                )
            target = redirect("events:ticket", code=registration.code)
            if data["join_programme"]:
                target["Location"] += "?join=1"
            return target
    context = {
        "event": event,
        "form": form,
        "forms": (form,),
        "notice": notice,
        "seats_left": seats_left(event),
    }
    return TemplateResponse(
        request,
        "events/registrations/public.html",
        context,
        status=400 if request.method == "POST" and form.errors else 200,
    )


def ticket_view(request: HttpRequest, code: str) -> TemplateResponse:
    """A registration's own page by its secret link (what a guest has instead of an account)."""
    registration = _card(selectors.registration_by_code(code), timezone.now())
    context = {
        "registration": registration,
        "event": registration.event,
        "join_url": selectors.programme_join_url(registration.event) if request.GET.get("join") else "",
    }
    return TemplateResponse(request, "events/registrations/ticket.html", context)


@require_POST
def ticket_cancel_view(request: HttpRequest, code: str) -> HttpResponse:
    registration = selectors.registration_by_code(code)
    try:
        services.registration_cancel_by_code(code=registration.code)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The registration was cancelled."))
    return redirect("events:ticket", code=registration.code)


@require_POST
def ticket_offer_view(request: HttpRequest, code: str) -> HttpResponse:
    registration = selectors.registration_by_code(code)
    form = OfferForm(request.POST)
    if form.is_valid():
        try:
            services.offer_answer_by_code(
                code=registration.code, accept=form.cleaned_data["decision"] == "accept"
            )
        except ApplicationError as error:
            messages.error(request, error.message)
    return redirect("events:ticket", code=registration.code)


def ticket_ics_view(request: HttpRequest, code: str) -> HttpResponse:
    registration = selectors.registration_by_code(code)
    return _ics(registration_calendar(registration), event_filename(registration.event))


# --- the organisers -----------------------------------------------------------------------------------


def _registrations_page(
    request: AuthenticatedHttpRequest, event: Event, add_form: AddParticipantForm | None = None
) -> TemplateResponse:
    access = access_for(request.user)
    rows = list(selectors.event_registrations(access=access, event=event))
    organiser = selectors.is_organiser(access, event)
    positions = selectors.waitlist_positions(event)
    for row in rows:
        row.position = positions.get(row.pk)  # type: ignore[attr-defined]
        if organiser:
            row.answer_list = selectors.answers_read(actor=request.user, access=access, registration=row)  # type: ignore[attr-defined]
    add_form = add_form or AddParticipantForm(
        event=event, participations=selectors.registrable_participations(access=access, event=event)
    )
    by_status = {status: [r for r in rows if r.status == status] for status in Registration.Status.values}
    context = {
        "event": event,
        "organiser": organiser,
        "confirmed": by_status[Registration.Status.CONFIRMED],
        "offered": by_status[Registration.Status.OFFERED],
        "waiting": by_status[Registration.Status.WAITING],
        "cancelled": by_status[Registration.Status.CANCELLED],
        "add_form": add_form,
        "forms": (add_form,),
        "can_add": add_form.fields["participation"].queryset.exists(),  # type: ignore[attr-defined]
        "is_past": is_past(event),
        "attendance_choices": Registration.Attendance.choices,
    }
    return TemplateResponse(
        request, "events/registrations/registrations.html", context, status=400 if add_form.errors else 200
    )


@login_required
def registrations_view(request: AuthenticatedHttpRequest, pk: int) -> TemplateResponse:
    """The event's registrations: the organisers see all (and the answers, audited); another partner's
    coordinator their own people."""
    event = selectors.event_for_registrations(access=access_for(request.user), pk=pk)
    return _registrations_page(request, event)


@login_required
@require_POST
def add_participant_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A coordinator registers one of their own partner's participants."""
    access = access_for(request.user)
    event = selectors.event_for_registrations(access=access, pk=pk)
    form = AddParticipantForm(
        request.POST,
        event=event,
        participations=selectors.registrable_participations(access=access, event=event),
    )
    if form.is_valid():
        try:
            registration = services.register_participant(
                actor=request.user,
                access=access,
                event=event,
                participation=form.cleaned_data["participation"],
                answers=form.answers(),
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            messages.success(
                request,
                _("%(name)s is registered.") % {"name": registration.name}
                if registration.status == Registration.Status.CONFIRMED
                else _("%(name)s is on the waitlist.") % {"name": registration.name},
            )
            return redirect("events:registrations", pk=event.pk)
    return _registrations_page(request, event, add_form=form)


@login_required
@require_POST
def attendance_view(request: AuthenticatedHttpRequest, reg_pk: int) -> HttpResponse:
    access = access_for(request.user)
    registration = selectors.registration_get_managed(access=access, pk=reg_pk)
    form = AttendanceForm(request.POST)
    value = form.cleaned_data["attendance"] if form.is_valid() else "?"
    try:
        services.attendance_mark(
            actor=request.user, access=access, registration=registration, attendance=value
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Attendance of %(name)s was saved.") % {"name": registration.name})
    target = request.POST.get("next") or ""
    if target == "check_in":
        return redirect("events:check_in", pk=registration.event_id)
    return redirect("events:registrations", pk=registration.event_id)


@login_required
@require_POST
def no_shows_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    try:
        count = services.no_shows_mark(actor=request.user, access=access, event=event)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(count)s people were marked as not come.") % {"count": count})
    return redirect("events:registrations", pk=event.pk)


@login_required
def check_in_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The organiser's check-in page: the camera reads QR codes (where the browser can), a code can be
    typed, and people can be searched by name."""
    access = access_for(request.user)
    event = organised_event_get(access=access, pk=pk)
    posted = request.method == "POST"
    form = CodeForm(request.POST if posted else None, initial={"code": request.GET.get("code", "")})
    checked: Registration | None = None
    if posted and form.is_valid():
        try:
            checked = services.check_in_by_code(
                actor=request.user, access=access, event=event, code=form.cleaned_data["code"]
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            form = CodeForm()
    query = request.GET.get("q", "").strip()
    held = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
    context = {
        "event": event,
        "form": form,
        "forms": (form,),
        "checked": checked,
        "query": query,
        "found": list(selectors.check_in_search(event=event, query=query)) if query else [],
        "arrived": held.filter(attendance=Registration.Attendance.ATTENDED).count(),
        "expected": held.count(),
        "pending_code": request.GET.get("code", "") if not posted else "",
    }
    return TemplateResponse(
        request, "events/registrations/check_in.html", context, status=400 if posted and form.errors else 200
    )


@login_required
@require_POST
def check_in_one_view(request: AuthenticatedHttpRequest, reg_pk: int) -> HttpResponse:
    """Check in a person found by name on the check-in page."""
    access = access_for(request.user)
    registration = selectors.registration_get_managed(access=access, pk=reg_pk)
    try:
        services.check_in(actor=request.user, access=access, registration=registration)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
    return redirect("events:check_in", pk=registration.event_id)
