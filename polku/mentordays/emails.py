"""E-mails about mentor-day bookings, rendered in the recipient's language and sent through the task queue.

The booking services call these; this module imports neither the services nor `tasks.py` (the calendar
e-mail's task object is in `outbox.py`), so no import circle runs through it.
"""

from __future__ import annotations

from django.utils import formats, translation
from django.utils.translation import gettext as _

from polku.core.tasks import send_email
from polku.mentordays.calendar import booking_calendar, calendar_filename
from polku.mentordays.models import Booking
from polku.mentordays.outbox import send_calendar_email


def _booking(booking_id: int) -> Booking:
    return Booking.objects.select_related(
        "slot__expert", "slot__mentor_day__activity", "participation__person"
    ).get(pk=booking_id)


def _when(booking: Booking) -> str:
    slot = booking.slot
    zone = slot.mentor_day.zone
    start, end = slot.starts_at.astimezone(zone), slot.ends_at.astimezone(zone)
    return f"{formats.date_format(start, 'SHORT_DATE_FORMAT')} {start:%H:%M}–{end:%H:%M} ({slot.mentor_day.time_zone})"


def _body(booking: Booking, opening: str) -> str:
    day = booking.slot.mentor_day
    lines = [
        opening,
        "",
        _("Mentor day: %(name)s") % {"name": day.name},
        _("Time: %(when)s") % {"when": _when(booking)},
        _("Expert: %(name)s") % {"name": booking.slot.expert.name},
    ]
    if day.place:
        lines.append(_("Place: %(place)s") % {"place": day.place})
    if day.online_url:
        lines.append(_("Online: %(link)s") % {"link": day.online_url})
    lines += ["", _("You can cancel or download a calendar file on your Polku page under Mentor days.")]
    return "\n".join(lines)


def _recipient(booking: Booking) -> tuple[str, str]:
    person = booking.participation.person
    language = person.preferred_language if person.preferred_language in {"fi", "sv", "en"} else "en"
    return person.email, language


def promoted_email(*, booking_id: int) -> None:
    """Tell the person who moved up from the waitlist that they now have the slot."""
    booking = _booking(booking_id)
    email, language = _recipient(booking)
    if not email:
        return
    with translation.override(language):
        subject = _("You got a slot on %(name)s") % {"name": booking.slot.mentor_day.name}
        body = _body(booking, _("A slot became free and it is now yours (you were on the waitlist)."))
    send_email.enqueue(subject=subject, body=body, to=[email])


def reminder_email(*, booking_id: int) -> None:
    """The day-before reminder, with the booking as a calendar file."""
    booking = _booking(booking_id)
    email, language = _recipient(booking)
    if not email:
        return
    with translation.override(language):
        subject = _("Reminder: %(name)s") % {"name": booking.slot.mentor_day.name}
        body = _body(booking, _("A reminder of your mentor-day booking."))
        ics = booking_calendar(booking).decode()
    send_calendar_email.enqueue(
        subject=subject, body=body, to=[email], ics=ics, filename=calendar_filename(booking)
    )
