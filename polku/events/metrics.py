"""What event targets count (registered into `polku.activities.metrics` from the app's ready()): events held,
the different people who attended, and attendances; each optionally only events of one kind (Target.kind).
Counted from raw rows: an event is held when it is published and has ended; an attendance is a
registration checked in or marked attended.

Narrowed by a `Within` (the project dashboard's filters): to the partners the reader sees and to the
period, by the event's start date.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from polku.activities.metrics import EVERYWHERE, Within, activity_scope, register_metric
from polku.activities.models import Target
from polku.events.models import Event, Registration


def _events(target: Target, prefix: str = "") -> Q:
    scope = Q(**{f"{prefix}activity__{key}": value for key, value in activity_scope(target).items()})
    if target.kind:
        scope &= Q(**{f"{prefix}kind": target.kind})
    return scope


def _held(target: Target, where: Q) -> int:
    return Event.objects.filter(
        _events(target), where, status=Event.Status.PUBLISHED, ends_at__lte=timezone.now()
    ).count()


def _attendances(target: Target, where: Q) -> Q:
    return _events(target, "event__") & where & Q(attendance=Registration.Attendance.ATTENDED)


def _people(target: Target, where: Q) -> int:
    """Different people: a participant counted once however many events they came to; staff and guests
    by their account or e-mail."""
    rows = Registration.objects.filter(_attendances(target, where))
    people = rows.exclude(participation__isnull=True).values("participation__person_id").distinct().count()
    users = rows.exclude(user__isnull=True).values("user_id").distinct().count()
    guests = rows.exclude(guest_email="").values("guest_email").distinct().count()
    return people + users + guests


def _narrowed(prefix: str, within: Within) -> Q:
    """The dashboard's partners and period: by the event's activity's partner and start date."""
    return within.q(f"{prefix}activity__partner_id", f"{prefix}activity__starts_on")


def count_events(target: Target, within: Within = EVERYWHERE) -> int:
    return _held(target, _narrowed("", within))


def count_attendees(target: Target, within: Within = EVERYWHERE) -> int:
    return _people(target, _narrowed("event__", within))


def count_attendances(target: Target, within: Within = EVERYWHERE) -> int:
    return Registration.objects.filter(_attendances(target, _narrowed("event__", within))).count()


EVENT_METRICS = (Target.Metric.EVENTS, Target.Metric.EVENT_ATTENDEES, Target.Metric.EVENT_ATTENDANCES)
KINDS = list(Event.Kind.choices)


def register() -> None:
    register_metric(str(Target.Metric.EVENTS), count_events, kinds=KINDS)
    register_metric(str(Target.Metric.EVENT_ATTENDEES), count_attendees, kinds=KINDS)
    register_metric(str(Target.Metric.EVENT_ATTENDANCES), count_attendances, kinds=KINDS)
