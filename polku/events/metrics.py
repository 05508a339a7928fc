"""What event targets count (registered into `polku.activities.metrics` from the app's ready()): events held,
the different people who attended, and attendances; each optionally only events of one kind (Target.kind).
Counted from raw rows: an event is held when it is published and has ended; an attendance is a
registration checked in or marked attended."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from polku.activities.metrics import activity_scope, register_metric
from polku.activities.models import Target
from polku.events.models import Event, Registration


def _events(target: Target) -> Q:
    scope = Q(**{f"activity__{key}": value for key, value in activity_scope(target).items()})
    if target.kind:
        scope &= Q(kind=target.kind)
    return scope


def count_events(target: Target) -> int:
    return Event.objects.filter(
        _events(target), status=Event.Status.PUBLISHED, ends_at__lte=timezone.now()
    ).count()


def _attended(target: Target) -> Q:
    scope = Q(**{f"event__activity__{key}": value for key, value in activity_scope(target).items()})
    if target.kind:
        scope &= Q(event__kind=target.kind)
    return scope & Q(attendance=Registration.Attendance.ATTENDED)


def count_attendees(target: Target) -> int:
    """Different people: a participant counted once however many events they came to; staff and guests
    by their account or e-mail."""
    rows = Registration.objects.filter(_attended(target))
    people = rows.exclude(participation__isnull=True).values("participation__person_id").distinct().count()
    users = rows.exclude(user__isnull=True).values("user_id").distinct().count()
    guests = rows.exclude(guest_email="").values("guest_email").distinct().count()
    return people + users + guests


def count_attendances(target: Target) -> int:
    return Registration.objects.filter(_attended(target)).count()


KINDS = list(Event.Kind.choices)


def register() -> None:
    register_metric(str(Target.Metric.EVENTS), count_events, kinds=KINDS)
    register_metric(str(Target.Metric.EVENT_ATTENDEES), count_attendees, kinds=KINDS)
    register_metric(str(Target.Metric.EVENT_ATTENDANCES), count_attendances, kinds=KINDS)
