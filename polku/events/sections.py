"""What events shows on the pages of the apps below it (registered in EventsConfig.ready()):

- the project page: the project's coming events (those the reader organises or may register for);
- a participant's staff page: their registrations with status and attendance (the timeline of events);
- the participant's own page: their coming events and tickets.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from polku.accounts.access import Access
from polku.events.models import Registration
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


def register() -> None:
    project_sections.register(
        "events", template="events/_project_events.html", context=project_events_section, order=25
    )
    participant_sections.register(
        "events", template="events/_participant_events.html", context=participant_events_section, order=15
    )
    my_sections.register("events", template="events/_my_events.html", context=my_events_section, order=5)
