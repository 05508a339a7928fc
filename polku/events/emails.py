"""E-mails about event registrations, rendered in the recipient's language and queued on the task queue
(`polku.core.tasks.send_email`, and mentor days' calendar e-mail task for the reminders with an .ics).

The services call these after their transaction commits; this module imports neither the services nor
`tasks.py`, so no import circle runs through it. A guest's language is that of the privacy notice they
read when registering.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from polku.core.tasks import send_email
from polku.events.calendar import event_filename, registration_calendar
from polku.events.models import Registration
from polku.knowledge.models import LANGUAGES
from polku.mentordays.outbox import send_calendar_email


def _registration(registration_id: int) -> Registration:
    return Registration.objects.select_related(
        "event__activity", "participation__person", "user", "guest_notice"
    ).get(pk=registration_id)


def recipient(registration: Registration) -> tuple[str, str]:
    """(e-mail, language) of the registration's holder."""
    if registration.participation_id is not None:
        person = registration.participation.person  # type: ignore[union-attr]
        email, language = person.email, person.preferred_language
    elif registration.user_id is not None:
        email, language = registration.user.email, registration.user.preferred_language  # type: ignore[union-attr]
    else:
        email = registration.guest_email
        language = registration.guest_notice.language if registration.guest_notice else "en"
    return email, (language if language in LANGUAGES else "en")


def page_link(registration: Registration) -> str:
    """Where the holder sees, cancels and answers their registration: their events page when they have an
    account, the registration's secret page when they are a guest."""
    if registration.participation_id is None and registration.user_id is None:
        return settings.POLKU_SITE_URL + reverse("events:ticket", args=[registration.code])
    return settings.POLKU_SITE_URL + reverse("events:mine")


def when(registration: Registration) -> str:
    event = registration.event
    start, end = event.starts_at.astimezone(event.zone), event.ends_at.astimezone(event.zone)
    return f"{formats.date_format(start, 'SHORT_DATE_FORMAT')} {start:%H:%M}–{end:%H:%M} ({event.time_zone_label})"


def _body(registration: Registration, opening: str) -> str:
    event = registration.event
    lines = [
        opening,
        "",
        _("Event: %(title)s") % {"title": event.title},
        _("Time: %(when)s") % {"when": when(registration)},
    ]
    if event.venue:
        lines.append(_("Place: %(place)s") % {"place": event.venue})
    if event.online_url:
        lines.append(_("Online: %(link)s") % {"link": event.online_url})
    lines += ["", _("Your registration: %(link)s") % {"link": page_link(registration)}]
    return "\n".join(lines)


def registered_email(*, registration_id: int) -> None:
    """Confirm a registration, or a place on the waitlist."""
    registration = _registration(registration_id)
    email, language = recipient(registration)
    if not email:
        return
    with translation.override(language):
        title = registration.event.title
        if registration.status == Registration.Status.CONFIRMED:
            subject = _("You are registered: %(title)s") % {"title": title}
            opening = _("Your seat is confirmed.")
        elif registration.status == Registration.Status.WAITING:
            subject = _("You are on the waitlist: %(title)s") % {"title": title}
            opening = _("The event is full, so you are on the waitlist. If a seat frees, we e-mail you.")
        else:
            return  # an offer has its own e-mail
        body = _body(registration, opening)
    send_email.enqueue(subject=subject, body=body, to=[email])


def offer_email(*, registration_id: int) -> None:
    """A seat freed and is held for the person until the offer expires."""
    registration = _registration(registration_id)
    email, language = recipient(registration)
    if not email or registration.status != Registration.Status.OFFERED:
        return
    event = registration.event
    with translation.override(language):
        until = ""
        if registration.offer_expires_at:
            local = registration.offer_expires_at.astimezone(event.zone)
            until = f"{formats.date_format(local, 'SHORT_DATE_FORMAT')} {local:%H:%M}"
        subject = _("A seat is free for you: %(title)s") % {"title": event.title}
        opening = _(
            "A seat became free and it is held for you until %(until)s. Accept or decline it on your page."
        ) % {"until": until}
        body = _body(registration, opening)
    send_email.enqueue(subject=subject, body=body, to=[email])


def reminder_email(*, registration_id: int) -> None:
    """A reminder before the event, with the registration as a calendar file."""
    registration = _registration(registration_id)
    email, language = recipient(registration)
    if not email or registration.status != Registration.Status.CONFIRMED:
        return
    with translation.override(language):
        subject = _("Reminder: %(title)s") % {"title": registration.event.title}
        body = _body(registration, _("A reminder of the event you registered for."))
        ics = registration_calendar(registration).decode()
    send_calendar_email.enqueue(
        subject=subject, body=body, to=[email], ics=ics, filename=event_filename(registration.event)
    )
