"""What event targets count (registered into `polku.activities.metrics` from the app's ready()): events held,
the different people who attended, and attendances; each optionally only events of one kind (Target.kind).
Counted from raw rows: an event is held when it is published and has ended; an attendance is a
registration checked in or marked attended.

`count_within` is the same count narrowed further, for the project dashboard: to the partners the reader
sees and to the dashboard's period (by the event's start date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from django.db.models import Q
from django.utils import timezone

from polku.activities.metrics import activity_scope, register_metric
from polku.activities.models import Target
from polku.events.models import Event, Registration


def _events(target: Target, prefix: str = "") -> Q:
    scope = Q(**{f"{prefix}activity__{key}": value for key, value in activity_scope(target).items()})
    if target.kind:
        scope &= Q(**{f"{prefix}kind": target.kind})
    return scope


def _narrowed(
    prefix: str, partner_ids: Collection[int] | None, since: dt.date | None, until: dt.date | None
) -> Q:
    where = Q()
    if partner_ids is not None:
        where &= Q(**{f"{prefix}activity__partner_id__in": list(partner_ids)})
    if since:
        where &= Q(**{f"{prefix}activity__starts_on__gte": since})
    if until:
        where &= Q(**{f"{prefix}activity__starts_on__lte": until})
    return where


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


def count_events(target: Target) -> int:
    return _held(target, Q())


def count_attendees(target: Target) -> int:
    return _people(target, Q())


def count_attendances(target: Target) -> int:
    return Registration.objects.filter(_attendances(target, Q())).count()


def count_within(
    target: Target,
    *,
    partner_ids: Collection[int] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> int:
    """The target's count (an event metric) over the given partners and events starting in the period."""
    if target.metric == Target.Metric.EVENTS:
        return _held(target, _narrowed("", partner_ids, since, until))
    where = _narrowed("event__", partner_ids, since, until)
    if target.metric == Target.Metric.EVENT_ATTENDEES:
        return _people(target, where)
    if target.metric == Target.Metric.EVENT_ATTENDANCES:
        return Registration.objects.filter(_attendances(target, where)).count()
    raise ValueError(f"not an event metric: {target.metric}")


EVENT_METRICS = (Target.Metric.EVENTS, Target.Metric.EVENT_ATTENDEES, Target.Metric.EVENT_ATTENDANCES)
KINDS = list(Event.Kind.choices)


def register() -> None:
    register_metric(str(Target.Metric.EVENTS), count_events, kinds=KINDS)
    register_metric(str(Target.Metric.EVENT_ATTENDEES), count_attendees, kinds=KINDS)
    register_metric(str(Target.Metric.EVENT_ATTENDANCES), count_attendances, kinds=KINDS)
