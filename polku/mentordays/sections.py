"""What mentor days show on the pages of the apps below them (registered in MentordaysConfig.ready()): on the
staff home ("Needs attention"), the coming mentor days the reader runs that have people on the waitlist; on
the participant's home (accounts `hub_sections`), their next booking or the waitlists they are on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.accounts.sections import home_sections, hub_sections
from polku.mentordays.models import Booking, MentorDay, WaitlistEntry
from polku.mentordays.selectors import my_bookings, my_waitlist

HOME_ITEMS = 5


def home_waitlists_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    if not access.can_manage_mentor_days():
        return None
    rows = (
        MentorDay.objects.filter(access.mentor_day_filter(), date__gte=today)
        .exclude(status=MentorDay.Status.CANCELLED)
        .annotate(waiting=Count("waitlist", filter=Q(waitlist__status=WaitlistEntry.Status.WAITING)))
        .filter(waiting__gt=0)
        .select_related("activity")
        .order_by("date", "pk")
    )
    days = list(rows[: HOME_ITEMS + 1])
    if not days:
        return None
    return {
        "title": _("Mentor day waitlists"),
        "count": sum(day.waiting for day in days),
        "help": _("People waiting for a time with an expert: add experts or times, or offer freed times."),
        "items": [
            {
                "text": f"{day} ({date_format(day.date, 'SHORT_DATE_FORMAT')})",
                "href": reverse("mentordays:manage", args=[day.pk]),
                "note": ngettext("%(n)d waiting", "%(n)d waiting", day.waiting) % {"n": day.waiting},
            }
            for day in days[:HOME_ITEMS]
        ],
        "more_href": reverse("mentordays:index"),
        "more_label": _("All mentor days"),
    }


def hub_booking_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """The participant's next mentor-day booking, or else the mentor days they wait for; nothing when neither."""
    if access.person_id is None:
        return None
    booking = (
        my_bookings(access=access)
        .filter(status=Booking.Status.BOOKED, slot__starts_at__gt=timezone.now())
        .order_by("slot__starts_at")
        .first()
    )
    waiting = list(my_waitlist(access=access)[:3])
    if booking is None and not waiting:
        return None
    return {"booking": booking, "waiting": waiting}


def register() -> None:
    hub_sections.register(
        "mentordays", template="mentordays/_hub_booking.html", context=hub_booking_section, order=15
    )
    home_sections.register(
        "mentordays", template="components/attention.html", context=home_waitlists_section, order=40
    )
