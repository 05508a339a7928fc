"""Which events a reader sees: those they organise, and the published events open to them as a participant
or as staff (the event's audience). Guests reach a public event only through its link."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.core.errors import AccessDenied
from polku.events.models import Event, Registration
from polku.participants.models import Participation

BASE = ("activity", "activity__project", "activity__partner", "activity__work_package")


def participations_of(access: Access) -> QuerySet[Participation]:
    """The reader's own active participations."""
    if access.person_id is None:
        return Participation.objects.none()
    return Participation.objects.filter(person_id=access.person_id, exit_date__isnull=True)


def audience_filter(access: Access) -> Q:
    """Q of the published events open to the reader for registration: by the audience of each event."""
    own = list(participations_of(access).values_list("project_id", "partner_id"))
    q = Q(pk__in=[])
    if own:
        projects = {p for p, _ in own}
        partners = {pa for _, pa in own}
        q |= Q(
            audience__in=[Event.Audience.PROJECT, Event.Audience.PUBLIC], activity__project_id__in=projects
        )
        q |= Q(audience=Event.Audience.PARTNER, activity__partner_id__in=partners)
    staff_projects = access.coordinator_project_ids | access.lead_project_ids | access.evaluator_project_ids
    if access.is_admin:
        q |= Q(audience=Event.Audience.STAFF)
    elif staff_projects:
        q |= Q(audience=Event.Audience.STAFF, activity__project_id__in=staff_projects)
    return Q(status=Event.Status.PUBLISHED) & q


def organised_events(access: Access) -> QuerySet[Event]:
    """Events the reader organises (every event for an admin)."""
    if not access.can_manage_events():
        return Event.objects.none()
    return Event.objects.filter(access.event_filter()).select_related(*BASE)


def open_events(access: Access) -> QuerySet[Event]:
    """Published events open to the reader."""
    return Event.objects.filter(audience_filter(access)).select_related(*BASE)


def visible_events(access: Access) -> QuerySet[Event]:
    """Every event the reader may open: organised by them or open to them."""
    if access.is_admin:  # an empty Q() OR'd with another Q would narrow to that Q
        return Event.objects.select_related(*BASE)
    organised = access.event_filter() if access.can_manage_events() else Q(pk__in=[])
    return Event.objects.filter(organised | audience_filter(access)).select_related(*BASE).distinct()


def event_get(*, access: Access, pk: int) -> Event:
    """One event the reader may open; 404 when it does not exist or is not theirs to see."""
    return get_object_or_404(visible_events(access), pk=pk)


def organised_event_get(*, access: Access, pk: int) -> Event:
    """One event the reader organises; 404 when invisible, 403 when seen but not organised."""
    event = event_get(access=access, pk=pk)
    if not access.can_manage_event(event.activity.project_id, event.activity.partner_id):
        raise AccessDenied(_("Only the organisers of this event can do this."))
    return event


def public_event_get(token: str) -> Event:
    """A published public event by its link, for guests."""
    return get_object_or_404(
        Event.objects.select_related(*BASE),
        public_token=token,
        audience=Event.Audience.PUBLIC,
        status=Event.Status.PUBLISHED,
    )


def seats_held(event: Event) -> int:
    """Seats taken: confirmed registrations and seats offered to someone from the waitlist (a list annotated
    by `with_seats_held` has the count already)."""
    annotated = getattr(event, "seats_held", None)
    if annotated is not None:
        return int(annotated)
    return event.registrations.filter(status__in=Registration.HOLDS_SEAT).count()


def with_seats_held(events: QuerySet[Event]) -> QuerySet[Event]:
    """The events, each with its seats taken counted in the same query (for lists)."""
    held = Q(registrations__status__in=Registration.HOLDS_SEAT)
    return events.annotate(seats_held=Count("registrations", filter=held, distinct=True))


def seats_left(event: Event) -> int | None:
    """Seats left under the capacity (None: no limit); writers call it with the event's row locked."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - seats_held(event))


def upcoming(events: QuerySet[Event], now: dt.datetime | None = None) -> QuerySet[Event]:
    return events.filter(ends_at__gt=now or timezone.now())


def participation_for_event(*, access: Access, event: Event) -> Participation | None:
    """The reader's own active participation that may register for this event, if any."""
    rows = participations_of(access).filter(project_id=event.activity.project_id)
    if event.audience == Event.Audience.PARTNER:
        rows = rows.filter(partner=event.activity.partner)
    elif event.audience == Event.Audience.STAFF:
        return None
    return rows.order_by("pk").first()
