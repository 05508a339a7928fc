"""What events shows on the pages of the apps below it (registered in EventsConfig.ready()):

- the project page: the project's coming events (those the reader organises or may register for);
- a participant's staff page: their registrations with status and attendance (the timeline of events);
- the participant's own page: their coming events and tickets;
- the staff home ("Needs attention"): the events the reader organises in the coming two weeks, with their
  waitlists;
- the participant's home (accounts `hub_sections`): their next event or ticket.
"""

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
from polku.events.models import Event, Registration
from polku.events.selectors.events import visible_events
from polku.participants.models import Participation, Person
from polku.participants.sections import my_sections, participant_sections
from polku.projects.models import Project
from polku.projects.sections import project_sections


def project_events_section(*, project: Project, access: Access, request: HttpRequest) -> dict[str, Any]:
    events = visible_events(access).filter(activity__project=project, ends_at__gt=timezone.now())
    return {"events": events.order_by("starts_at")[:10], "can_manage": access.can_manage_events()}


def participant_events_section(
    *, participation: Participation, access: Access, request: HttpRequest
) -> dict[str, Any]:
    """The participation's registrations, newest first; the page has checked the reader may see it."""
    rows = (
        Registration.objects.filter(participation=participation)
        .select_related("event__activity")
        .order_by("-event__starts_at")
    )
    return {"registrations": rows[:50]}


def my_events_section(*, person: Person, access: Access, request: HttpRequest) -> dict[str, Any]:
    rows = (
        Registration.objects.filter(
            participation__person=person, status__in=Registration.ACTIVE, event__ends_at__gt=timezone.now()
        )
        .select_related("event__activity")
        .order_by("event__starts_at")
    )
    return {"registrations": rows[:10]}


HOME_DAYS = 14
HOME_ITEMS = 5


def home_events_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """The coming events the reader organises, soonest first, each with its registrations and waitlist."""
    if not access.can_manage_events():
        return None
    now = timezone.now()
    rows = (
        Event.objects.filter(
            access.event_filter(), ends_at__gt=now, starts_at__lt=now + dt.timedelta(days=HOME_DAYS)
        )
        .exclude(status=Event.Status.CANCELLED)
        .annotate(
            registered=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
            waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
        )
        .order_by("starts_at", "pk")
    )
    events = list(rows[:HOME_ITEMS])
    if not events:
        return None
    items = []
    for event in events:
        note = ngettext("%(n)d registered", "%(n)d registered", event.registered) % {"n": event.registered}
        if event.waiting:
            note += ", " + ngettext("%(n)d on the waitlist", "%(n)d on the waitlist", event.waiting) % {
                "n": event.waiting
            }
        when = date_format(timezone.localtime(event.starts_at), "SHORT_DATETIME_FORMAT")
        items.append(
            {
                "text": f"{event.title} ({when})",
                "href": reverse("events:detail", args=[event.pk]),
                "note": note,
            }
        )
    return {
        "title": _("Upcoming events"),
        "count": len(events),
        "help": _("Events you organise in the next two weeks."),
        "items": items,
        "more_href": reverse("events:index"),
        "more_label": _("All events"),
    }


def hub_event_section(
    *, user: User, access: Access, request: HttpRequest, today: dt.date
) -> dict[str, Any] | None:
    """The participant's next event: the soonest registration that is still active."""
    if not access.is_participant:
        return None
    registration = (
        Registration.objects.filter(
            participation__person__user=user,
            status__in=Registration.ACTIVE,
            event__ends_at__gt=timezone.now(),
        )
        .select_related("event__activity")
        .order_by("event__starts_at")
        .first()
    )
    return {"registration": registration}


def register() -> None:
    home_sections.register(
        "events", template="components/attention.html", context=home_events_section, order=15
    )
    hub_sections.register("events", template="events/_hub_event.html", context=hub_event_section, order=10)
    project_sections.register(
        "events", template="events/_project_events.html", context=project_events_section, order=25
    )
    participant_sections.register(
        "events", template="events/_participant_events.html", context=participant_events_section, order=15
    )
    my_sections.register("events", template="events/_my_events.html", context=my_events_section, order=5)
