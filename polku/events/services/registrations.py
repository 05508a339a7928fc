"""Registrations of events: participants register themselves, coordinators their own partner's participants,
staff the staff events, guests through the public link; the waitlist with offers of freed seats,
cancellation, reminders, check-in and attendance, and the retention of the answers.

Seats: every writer of seats (registering, cancelling, accepting or declining an offer, the expiry job)
first locks the event's row (`services.events.lock_event`) inside `transaction.atomic()`, then counts the
seats held (confirmed and offered registrations) against the capacity. Two concurrent requests for the
last seat are thereby serialised: the second sees the first's seat and goes to the waitlist. The partial
unique constraints of `Registration` keep one active registration per person, backing up the check.

Offers: a freed seat goes to the first person waiting, as an offer held for `event.offer_hours` (never past
the start); they accept it (confirmed) or decline it, and an offer declined or left to expire is cancelled
and the seat offered to the next one. The periodic job `events.offers` expires offers and also offers
seats that a raised capacity freed.

Check-in marks the registration attended and enrols the participant in the event's activity
(`ActivityEnrolment`): that is what counts the attendance toward targets, puts it on the timeline, and
makes the activity's feedback survey reach those who came, and only them.

Retention: the answers to the event's questions (dietary and accessibility needs) are emptied
`ANSWERS_KEPT_DAYS` days after the event ended, by the periodic job `events.answers_retention`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import partial
from typing import Any
from urllib.parse import parse_qs, urlsplit

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.activities.models import ActivityEnrolment
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.consent.models import PrivacyNotice
from polku.core.errors import AccessDenied, ApplicationError
from polku.events import emails
from polku.events.models import CalendarFeed, Event, Question, Registration, new_token
from polku.events.selectors.events import participation_for_event, seats_left
from polku.events.services.events import lock_event, please_correct, require_organiser
from polku.participants.models import Participation

ANSWERS_KEPT_DAYS = 30
ANSWER_MAX = 1000
SELF_CHECK_IN_EARLY = dt.timedelta(minutes=15)
ACTIVE = [s.value for s in Registration.ACTIVE]
HOLDS_SEAT = [s.value for s in Registration.HOLDS_SEAT]


# --- helpers ------------------------------------------------------------------------------------------


def _fail(message: str, field: str = "non_field_errors") -> ApplicationError:
    return ApplicationError(message, field_errors={field: [message]})


def _window_error(event: Event, now: dt.datetime) -> str | None:
    """Why nobody may register for the event now through the normal routes (None when they may)."""
    if event.status != Event.Status.PUBLISHED:
        return _("This event is not open for registration.")
    if event.starts_at <= now:
        return _("This event has already started; registration is closed.")
    if event.registration_opens_at and now < event.registration_opens_at:
        return _("Registration has not opened yet.")
    if event.registration_closes_at and now >= event.registration_closes_at:
        return _("Registration has closed.")
    return None


def _answers(event: Event, answers: Mapping[str, Any] | None) -> dict[str, str]:
    """The answers keyed by question pk (as text); a required question left empty is a field error
    named `question_<pk>`."""
    given = {str(k): str(v or "").strip() for k, v in (answers or {}).items()}
    kept: dict[str, str] = {}
    errors: dict[str, list[str]] = {}
    for question in Question.objects.filter(event=event):
        value = given.get(str(question.pk), "")
        if len(value) > ANSWER_MAX:
            errors[f"question_{question.pk}"] = [_("Write at most %(max)s characters.") % {"max": ANSWER_MAX}]
        elif question.required and not value:
            errors[f"question_{question.pk}"] = [_("This question needs an answer.")]
        elif value:
            kept[str(question.pk)] = value
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    return kept


def _audit(actor: User | None, registration: Registration, fields: list[str], action: str) -> None:
    participation = registration.participation
    audit_record(
        actor=actor,
        action=action,
        obj=registration,
        person_id=participation.person_id if participation else None,
        partner_id=participation.partner_id if participation else None,
        fields=fields,
    )


def _is_holder(access: Access, registration: Registration) -> bool:
    if registration.participation_id is not None:
        return access.is_own_person(registration.participation.person_id)  # type: ignore[union-attr]
    return registration.user_id is not None and registration.user_id == access.user_id


def can_act_for(access: Access, registration: Registration) -> bool:
    """Cancel or change a registration: its holder, the event's organisers, and the coordinator of the
    participant's partner (who may have registered them)."""
    event = registration.event
    if _is_holder(access, registration):
        return True
    if access.can_manage_event(event.activity.project_id, event.activity.partner_id):
        return True
    participation = registration.participation
    return participation is not None and access.can_manage_partner(participation.partner_id)


def _lock_registration(registration: Registration) -> Registration:
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event__activity", "participation__person")
        .get(pk=registration.pk)
    )


# --- registering --------------------------------------------------------------------------------------


def _create(
    *,
    actor: User | None,
    event: Event,
    holder: dict[str, Any],
    answers: Mapping[str, Any] | None,
    now: dt.datetime,
    check_window: bool = True,
) -> Registration:
    """The registration, confirmed when a seat is free and nobody is waiting for one, else on the
    waitlist. Runs under the event's lock."""
    with transaction.atomic():
        event = lock_event(event)
        error = _window_error(event, now) if check_window else None
        if error is None and event.status != Event.Status.PUBLISHED:
            error = _("This event is not open for registration.")
        if error is None and event.ends_at <= now:
            error = _("This event is over.")
        if error is not None:
            raise _fail(error)
        lookup = {k: v for k, v in holder.items() if k in ("participation", "user", "guest_email")}
        if Registration.objects.filter(event=event, status__in=ACTIVE, **lookup).exists():
            raise _fail(_("Already registered for this event."))
        kept = _answers(event, answers)
        free = seats_left(event)
        waiting = Registration.objects.filter(event=event, status=Registration.Status.WAITING).exists()
        status = Registration.Status.CONFIRMED
        if free is not None and (free == 0 or waiting):
            status = Registration.Status.WAITING
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=event, status=status, answers=kept, registered_by=actor, **holder
                )
        except IntegrityError as integrity:
            raise _fail(_("Already registered for this event.")) from integrity
        registration.event = event
        _audit(actor, registration, ["event", "status", "answers"], AuditEvent.Action.CREATE)
        if status == Registration.Status.WAITING:
            _fill_seats(actor=actor, event=event, now=now)
            registration.refresh_from_db()
        transaction.on_commit(partial(emails.registered_email, registration_id=registration.pk))
    return registration


def register_self(
    *,
    actor: User,
    access: Access,
    event: Event,
    answers: Mapping[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> Registration:
    """The reader registers themself: a participant with their own participation, a staff member for a
    staff event with their account."""
    now = now or timezone.now()
    if event.audience == Event.Audience.STAFF:
        if not access.is_staff_in(event.activity.project_id):
            raise AccessDenied(_("Only the project's staff can register for this event."))
        return _create(actor=actor, event=event, holder={"user": actor}, answers=answers, now=now)
    participation = participation_for_event(access=access, event=event)
    if participation is None:
        raise AccessDenied(_("Only the participants this event is for can register."))
    return _create(
        actor=actor, event=event, holder={"participation": participation}, answers=answers, now=now
    )


def register_participant(
    *,
    actor: User,
    access: Access,
    event: Event,
    participation: Participation,
    answers: Mapping[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> Registration:
    """A coordinator registers a participant of their own partner (the event's organisers may do it after
    the registration window has closed, until the event ends)."""
    now = now or timezone.now()
    if not access.can_manage_partner(participation.partner_id):
        raise AccessDenied(_("You can register only your own partner's participants."))
    problem = None
    if participation.project_id != event.activity.project_id:
        problem = _("The participant must belong to the event's project.")
    elif participation.exit_date is not None:
        problem = _("This participant has left the programme.")
    elif event.audience == Event.Audience.STAFF:
        problem = _("This event is for staff only.")
    elif event.audience == Event.Audience.PARTNER and participation.partner_id != event.activity.partner_id:
        problem = _("This event is only for the organising partner's participants.")
    if problem:
        raise _fail(problem, "participation")
    organiser = access.can_manage_event(event.activity.project_id, event.activity.partner_id)
    return _create(
        actor=actor,
        event=event,
        holder={"participation": participation},
        answers=answers,
        now=now,
        check_window=not organiser,
    )


def register_guest(
    *,
    event: Event,
    name: str,
    email: str,
    notice: PrivacyNotice | None,
    notice_acknowledged: bool,
    answers: Mapping[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> Registration:
    """A guest registers through the public link with a name and an e-mail, having been shown the project's
    privacy notice (`notice`, in their language). A guest does not become a participant."""
    now = now or timezone.now()
    if event.audience != Event.Audience.PUBLIC or event.status != Event.Status.PUBLISHED:
        raise AccessDenied(_("This event takes no guest registrations."))
    errors: dict[str, list[str]] = {}
    name = " ".join(str(name or "").split())
    email = str(email or "").strip().lower()
    if not name:
        errors["name"] = [_("Give your name.")]
    elif len(name) > 200:
        errors["name"] = [_("Write at most %(max)s characters.") % {"max": 200}]
    if not email or "@" not in email or len(email) > 254:
        errors["email"] = [_("Give an e-mail address, for example name@example.org.")]
    if notice is None or notice.project_id != event.activity.project_id:
        raise _fail(_("Guests cannot register: the project has no privacy notice yet."))
    if not notice_acknowledged:
        errors["privacy_notice"] = [_("Read the privacy notice and confirm that you have read it.")]
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    return _create(
        actor=None,
        event=event,
        holder={"guest_name": name, "guest_email": email, "guest_notice": notice},
        answers=answers,
        now=now,
    )


# --- waitlist and offers ------------------------------------------------------------------------------


def _fill_seats(*, actor: User | None, event: Event, now: dt.datetime) -> list[Registration]:
    """Offer the free seats to the first people waiting, in the order they registered. Call with the
    event locked. Nothing is offered once the event has started or when it is not published."""
    if event.status != Event.Status.PUBLISHED or event.starts_at <= now:
        return []
    free = seats_left(event)
    waiting = Registration.objects.filter(event=event, status=Registration.Status.WAITING).order_by(
        "created_at", "pk"
    )
    chosen = list(waiting if free is None else waiting[:free])
    expires = min(now + dt.timedelta(hours=event.offer_hours), event.starts_at)
    for registration in chosen:
        registration.status = Registration.Status.OFFERED
        registration.offer_expires_at = expires
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        _audit(actor, registration, ["status", "offer_expires_at"], AuditEvent.Action.UPDATE)
        transaction.on_commit(partial(emails.offer_email, registration_id=registration.pk))
    return chosen


def seats_fill(*, actor: User | None, access: Access, event: Event, now: dt.datetime | None = None) -> int:
    """Offer seats freed by a raised capacity now (the periodic job does it too); returns offers made."""
    require_organiser(access, event)
    with transaction.atomic():
        event = lock_event(event)
        return len(_fill_seats(actor=actor, event=event, now=now or timezone.now()))


def _cancel_locked(
    *, actor: User | None, registration: Registration, event: Event, now: dt.datetime, late: bool
) -> Registration:
    held = registration.status in HOLDS_SEAT
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = now
    registration.late_cancellation = late
    registration.sequence += 1
    registration.save(update_fields=["status", "cancelled_at", "late_cancellation", "sequence", "updated_at"])
    _audit(actor, registration, ["status", "cancelled_at"], AuditEvent.Action.UPDATE)
    if held:
        _fill_seats(actor=actor, event=event, now=now)
    return registration


def _cancel(
    *, actor: User | None, registration: Registration, as_holder: bool, now: dt.datetime
) -> Registration:
    with transaction.atomic():
        event = lock_event(registration.event)
        registration = _lock_registration(registration)
        if registration.status == Registration.Status.CANCELLED:
            raise _fail(_("This registration is already cancelled."))
        if as_holder and event.starts_at <= now:
            raise _fail(
                _("The event has started; it can no longer be cancelled here. Contact the organiser.")
            )
        cut_off = event.starts_at - dt.timedelta(hours=event.cancellation_hours)
        late = registration.status == Registration.Status.CONFIRMED and now > cut_off
        return _cancel_locked(actor=actor, registration=registration, event=event, now=now, late=late)


def registration_cancel(
    *, actor: User | None, access: Access, registration: Registration, now: dt.datetime | None = None
) -> Registration:
    """Cancel a registration (or leave the waitlist). The holder may until the event starts; the
    organisers and the participant's coordinator at any time. A cancellation after the free cancellation
    period (`event.cancellation_hours` before the start) is recorded as late. A freed seat is offered to
    the first person waiting."""
    now = now or timezone.now()
    if not can_act_for(access, registration):
        raise AccessDenied(_("Only the person, their coordinator or the event's organisers can cancel this."))
    return _cancel(
        actor=actor, registration=registration, as_holder=_is_holder(access, registration), now=now
    )


def registration_cancel_by_code(*, code: str, now: dt.datetime | None = None) -> Registration:
    """A guest (or anyone holding the registration's secret link) cancels it."""
    registration = Registration.objects.select_related("event__activity").get(code=code)
    return _cancel(actor=None, registration=registration, as_holder=True, now=now or timezone.now())


def _answer_offer(
    *, actor: User | None, registration: Registration, accept: bool, now: dt.datetime
) -> Registration:
    with transaction.atomic():
        event = lock_event(registration.event)
        registration = _lock_registration(registration)
        if registration.status != Registration.Status.OFFERED:
            raise _fail(_("There is no seat on offer for this registration."))
        if registration.offer_expires_at is not None and registration.offer_expires_at <= now:
            _cancel_locked(actor=actor, registration=registration, event=event, now=now, late=False)
            raise _fail(_("The offer has expired, and the seat went to the next person waiting."))
        if not accept:
            return _cancel_locked(actor=actor, registration=registration, event=event, now=now, late=False)
        registration.status = Registration.Status.CONFIRMED
        registration.offer_expires_at = None
        registration.sequence += 1
        registration.save(update_fields=["status", "offer_expires_at", "sequence", "updated_at"])
        _audit(actor, registration, ["status"], AuditEvent.Action.UPDATE)
    return registration


def _require_holder(access: Access, registration: Registration) -> None:
    if not _is_holder(access, registration):
        raise AccessDenied(_("Only the person the seat is offered to can answer the offer."))


def offer_accept(
    *, actor: User | None, access: Access, registration: Registration, now: dt.datetime | None = None
) -> Registration:
    """The person takes the seat offered to them."""
    _require_holder(access, registration)
    return _answer_offer(actor=actor, registration=registration, accept=True, now=now or timezone.now())


def offer_decline(
    *, actor: User | None, access: Access, registration: Registration, now: dt.datetime | None = None
) -> Registration:
    """The person does not want the seat: their registration is cancelled and the next waiting gets it."""
    _require_holder(access, registration)
    return _answer_offer(actor=actor, registration=registration, accept=False, now=now or timezone.now())


def offer_answer_by_code(*, code: str, accept: bool, now: dt.datetime | None = None) -> Registration:
    """A guest answers the offer through their registration's secret link."""
    registration = Registration.objects.select_related("event__activity").get(code=code)
    return _answer_offer(actor=None, registration=registration, accept=accept, now=now or timezone.now())


def offers_expire(*, now: dt.datetime | None = None) -> int:
    """The periodic job: cancel offers not taken in time and offer their seats (and seats a raised capacity
    freed) to the next people waiting. Idempotent; returns the number of offers expired."""
    now = now or timezone.now()
    expired_events = set(
        Registration.objects.filter(
            status=Registration.Status.OFFERED, offer_expires_at__lte=now
        ).values_list("event_id", flat=True)
    )
    waiting_events = set(
        Registration.objects.filter(
            status=Registration.Status.WAITING,
            event__status=Event.Status.PUBLISHED,
            event__starts_at__gt=now,
        ).values_list("event_id", flat=True)
    )
    expired = 0
    for event_id in sorted(expired_events | waiting_events):
        with transaction.atomic():
            event = lock_event(Event(pk=event_id))
            rows = Registration.objects.select_for_update().filter(
                event=event, status=Registration.Status.OFFERED, offer_expires_at__lte=now
            )
            for registration in rows:
                registration.status = Registration.Status.CANCELLED
                registration.cancelled_at = now
                registration.sequence += 1
                registration.save(update_fields=["status", "cancelled_at", "sequence", "updated_at"])
                _audit(None, registration, ["status"], AuditEvent.Action.UPDATE)
                expired += 1
            _fill_seats(actor=None, event=event, now=now)
    return expired


# --- reminders ----------------------------------------------------------------------------------------


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind the confirmed people of each event `event.reminder_hours` before it (e.g. 48 and 2 hours),
    with the calendar file. Each registration row is locked while its due reminders are marked in
    `reminders_sent`, so two workers never send the same one twice; when several are due at once (a
    late registration) only one e-mail goes out. Returns the number of e-mails queued."""
    now = now or timezone.now()
    events = Event.objects.filter(
        status=Event.Status.PUBLISHED, starts_at__gt=now, starts_at__lte=now + dt.timedelta(hours=24 * 30)
    ).exclude(reminder_hours=[])
    sent = 0
    for event in events:
        due_hours = [h for h in event.reminder_hours if event.starts_at - dt.timedelta(hours=h) <= now]
        if not due_hours:
            continue
        candidates = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        for pk in list(candidates.values_list("pk", flat=True)):
            with transaction.atomic():
                registration = Registration.objects.select_for_update().get(pk=pk)
                missing = [h for h in due_hours if h not in registration.reminders_sent]
                if not missing or registration.status != Registration.Status.CONFIRMED:
                    continue
                registration.reminders_sent = sorted({*registration.reminders_sent, *missing}, reverse=True)
                registration.save(update_fields=["reminders_sent"])
                transaction.on_commit(partial(emails.reminder_email, registration_id=pk))
                sent += 1
    return sent


# --- check-in and attendance --------------------------------------------------------------------------


def code_from_scan(text: str) -> str:
    """The registration code from what was typed or scanned: the code itself, or the check-in URL of the
    QR code (`…/check-in/?code=…`)."""
    text = (text or "").strip()
    if "://" in text or "?" in text:
        query = parse_qs(urlsplit(text).query)
        return (query.get("code") or [""])[0].strip()
    return text


def _enrol(registration: Registration, event: Event) -> None:
    participation = registration.participation
    if participation is None:
        return
    day = event.starts_at.astimezone(event.zone).date()
    ActivityEnrolment.objects.get_or_create(
        activity_id=event.activity_id,
        participation=participation,
        defaults={"enrolled_on": max(day, participation.entry_date)},
    )


def _unenrol(registration: Registration, event: Event) -> None:
    if registration.participation_id is not None:
        ActivityEnrolment.objects.filter(
            activity_id=event.activity_id, participation_id=registration.participation_id
        ).delete()


def _seat_error(registration: Registration) -> str | None:
    if registration.status == Registration.Status.CANCELLED:
        return _("This registration was cancelled.")
    if registration.status == Registration.Status.WAITING:
        return _("This person is on the waitlist and has no seat.")
    if registration.status == Registration.Status.OFFERED:
        return _("This person has been offered a seat but has not accepted it yet.")
    return None


def _attend(
    *, actor: User | None, registration: Registration, event: Event, now: dt.datetime
) -> Registration:
    registration.attendance = Registration.Attendance.ATTENDED
    registration.checked_in_at = registration.checked_in_at or now
    registration.checked_in_by = registration.checked_in_by or actor
    registration.save(update_fields=["attendance", "checked_in_at", "checked_in_by", "updated_at"])
    _audit(actor, registration, ["attendance", "checked_in_at"], AuditEvent.Action.UPDATE)
    _enrol(registration, event)
    return registration


def check_in_by_code(
    *, actor: User, access: Access, event: Event, code: str, now: dt.datetime | None = None
) -> Registration:
    """The organiser checks a person in by the code of their registration (scanned from the QR code or
    typed). A code of another event, a cancelled registration or one without a seat is refused."""
    require_organiser(access, event)
    now = now or timezone.now()
    value = code_from_scan(code)
    if not value:
        raise _fail(_("Give the code of the registration."), "code")
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("participation__person", "user")
            .filter(code=value)
            .first()
        )
        if registration is None:
            raise _fail(_("No registration has this code. Check the code or search by name."), "code")
        if registration.event_id != event.pk:
            raise _fail(_("This code is for another event, not this one."), "code")
        error = _seat_error(registration)
        if error:
            raise _fail(error, "code")
        return _attend(actor=actor, registration=registration, event=event, now=now)


def check_in(
    *, actor: User, access: Access, registration: Registration, now: dt.datetime | None = None
) -> Registration:
    """The organiser checks in a person found by name."""
    event = registration.event
    require_organiser(access, event)
    with transaction.atomic():
        registration = _lock_registration(registration)
        error = _seat_error(registration)
        if error:
            raise _fail(error)
        return _attend(actor=actor, registration=registration, event=event, now=now or timezone.now())


def self_check_in(
    *, actor: User, access: Access, event: Event, code: str, now: dt.datetime | None = None
) -> Registration:
    """A person checks themself in to an online event with the event's code, from 15 minutes before the
    start until the end."""
    now = now or timezone.now()
    registration = (
        Registration.objects.filter(event=event, status__in=ACTIVE)
        .filter(Q(participation__person_id=access.person_id or -1) | Q(user_id=access.user_id or -1))
        .select_related("participation")
        .first()
    )
    if registration is None:
        raise AccessDenied(_("Only people registered for this event can check in."))
    if not event.is_online:
        raise _fail(_("Self check-in is only for online events; the organiser checks you in at the venue."))
    if now < event.starts_at - SELF_CHECK_IN_EARLY:
        raise _fail(_("Check-in opens 15 minutes before the event starts."), "code")
    if now >= event.ends_at:
        raise _fail(_("The event is over; check-in has closed."), "code")
    if str(code or "").strip().upper() != event.check_in_code.upper():
        raise _fail(_("The code is not right. The organiser shows it at the start of the event."), "code")
    with transaction.atomic():
        registration = _lock_registration(registration)
        error = _seat_error(registration)
        if error:
            raise _fail(error, "code")
        return _attend(actor=actor, registration=registration, event=event, now=now)


def attendance_mark(
    *,
    actor: User,
    access: Access,
    registration: Registration,
    attendance: str,
    now: dt.datetime | None = None,
) -> Registration:
    """The organiser records attended, did not come, or not recorded; only attending enrols."""
    event = registration.event
    require_organiser(access, event)
    if attendance not in Registration.Attendance.values:
        raise _fail(_("Choose attended or did not come."), "attendance")
    with transaction.atomic():
        registration = _lock_registration(registration)
        error = _seat_error(registration)
        if error:
            raise _fail(error, "attendance")
        if attendance == Registration.Attendance.ATTENDED:
            return _attend(actor=actor, registration=registration, event=event, now=now or timezone.now())
        registration.attendance = attendance
        registration.checked_in_at = None
        registration.checked_in_by = None
        registration.save(update_fields=["attendance", "checked_in_at", "checked_in_by", "updated_at"])
        _audit(actor, registration, ["attendance"], AuditEvent.Action.UPDATE)
        _unenrol(registration, event)
    return registration


def no_shows_mark(*, actor: User, access: Access, event: Event, now: dt.datetime | None = None) -> int:
    """After the event: every confirmed registration without a recorded attendance did not come."""
    require_organiser(access, event)
    now = now or timezone.now()
    if event.ends_at > now:
        raise _fail(_("No-shows can be recorded once the event is over."))
    with transaction.atomic():
        rows = list(
            Registration.objects.select_for_update().filter(
                event=event, status=Registration.Status.CONFIRMED, attendance=Registration.Attendance.UNKNOWN
            )
        )
        for registration in rows:
            registration.attendance = Registration.Attendance.NO_SHOW
            registration.save(update_fields=["attendance", "updated_at"])
            _audit(actor, registration, ["attendance"], AuditEvent.Action.UPDATE)
    return len(rows)


# --- retention and the calendar feed ------------------------------------------------------------------


def answers_purge(*, now: dt.datetime | None = None) -> int:
    """Empty the answers of every registration of an event that ended `ANSWERS_KEPT_DAYS` days ago."""
    cut_off = (now or timezone.now()) - dt.timedelta(days=ANSWERS_KEPT_DAYS)
    return (
        Registration.objects.filter(event__ends_at__lte=cut_off)
        .exclude(answers={})
        .update(answers={}, updated_at=timezone.now())
    )


def feed_get_or_create(*, user: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def feed_rotate(*, user: User) -> CalendarFeed:
    """A new secret address for the person's calendar feed: the old one stops working at once."""
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
        if not created:
            feed.token = new_token()
            feed.save(update_fields=["token", "updated_at"])
    return feed
