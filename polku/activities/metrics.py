"""What a target counts: one counter per metric, computed from raw rows (never a stored flag).

A counter takes a `Target` and a `Within` and returns its count within the target's scope (the project,
and its work package, partner or country where the target names one), narrowed by the `Within`: to the
partners a reader sees and to a period (the project dashboard's filters; `EVERYWHERE` narrows nothing).
Activities registers the four metrics of `Target.Metric` below (in its AppConfig.ready()); an app above
it adds its own the same way, e.g.

    from polku.activities.metrics import register_metric

    register_metric("outcomes", count_outcomes, kinds=Outcome.Kind.choices)

and `target_progress` counts every target with the counter of its metric. A metric without a counter is
an error, not a zero.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.participants.models import Participation


@dataclass(frozen=True)
class Within:
    """A count narrowed beyond the target's own scope: to these partners (None: all the target covers)
    and to a period (each metric says which date of its rows falls in it)."""

    partner_ids: frozenset[int] | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def q(self, partner: str, day: str) -> Q:
        """Rows of the partners, with `day` in the period; `partner` and `day` are lookups of the rows."""
        where = Q()
        if self.partner_ids is not None:
            where &= Q(**{f"{partner}__in": sorted(self.partner_ids)})
        if self.since:
            where &= Q(**{f"{day}__gte": self.since})
        if self.until:
            where &= Q(**{f"{day}__lte": self.until})
        return where


EVERYWHERE = Within()
Counter = Callable[[Target, Within], int]
Kinds = list[tuple[str, Any]]  # (value, label); labels may be lazy translations

_counters: dict[str, Counter] = {}
_kinds: dict[str, Kinds] = {}
_lock = threading.Lock()


def register_metric(key: str, counter: Counter, *, kinds: Kinds | None = None) -> None:
    """Count targets of metric `key` with `counter`; registering the same counter again changes nothing.
    `kinds` are the (value, label) pairs a target of this metric may narrow its count to (`Target.kind`)."""
    with _lock:
        existing = _counters.get(key)
        if existing is not None and existing is not counter:
            raise ValueError(f"target metric {key!r} is registered twice")
        _counters[key] = counter
        if kinds:
            _kinds[key] = list(kinds)


def kinds_for(key: str) -> Kinds:
    """The kinds a target of metric `key` may count (empty: the metric has no kinds)."""
    with _lock:
        return list(_kinds.get(key, ()))


def kind_label(key: str, kind: str) -> str:
    return str(dict(kinds_for(key)).get(kind, kind))


def metric_label(key: str) -> str:
    """What a metric counts, in words (the key itself for a metric the model does not name)."""
    return str(dict(Target.Metric.choices).get(key, key))


def unregister_metric(key: str) -> None:
    with _lock:
        _counters.pop(key, None)
        _kinds.pop(key, None)


def registered_metrics() -> list[str]:
    with _lock:
        return sorted(_counters)


def counter_for(key: str) -> Counter:
    with _lock:
        counter = _counters.get(key)
    if counter is None:
        raise ValueError(f"unknown metric {key}")
    return counter


def count(target: Target, within: Within = EVERYWHERE) -> int:
    """The target's current count, narrowed by `within`."""
    return counter_for(target.metric)(target, within)


# --- the metrics of activities itself -------------------------------------------------------------


def participation_scope(target: Target) -> Q:
    """Participations within the target's project, partner and country (a work package does not narrow
    participations: people take part in a project, not in a work package)."""
    scope = Q(project_id=target.project_id)
    if target.partner_id:
        scope &= Q(partner_id=target.partner_id)
    if target.country:
        scope &= Q(partner__country=target.country)
    return scope


def activity_scope(target: Target) -> dict[str, Any]:
    """Filters of the activities within the target's project, work package, partner and country."""
    activities: dict[str, Any] = {"project_id": target.project_id}
    if target.work_package_id:
        activities["work_package_id"] = target.work_package_id
    if target.partner_id:
        activities["partner_id"] = target.partner_id
    if target.country:
        activities["partner__country"] = target.country
    return activities


def count_participants(target: Target, within: Within = EVERYWHERE) -> int:
    """Participations in scope that started in the period."""
    return Participation.objects.filter(
        participation_scope(target), within.q("partner_id", "entry_date")
    ).count()


def count_exited(target: Target, within: Within = EVERYWHERE) -> int:
    """Participations in scope that ended in the period."""
    rows = Participation.objects.filter(participation_scope(target), within.q("partner_id", "exit_date"))
    return rows.filter(exit_date__isnull=False).count()


def enrolment_scope(target: Target) -> Q:
    """Enrolments in the activities in the target's scope (a filter of ActivityEnrolment).

    An activity of the whole project (no partner: a project-wide mentoring programme) is in a partner's or
    a country's scope for the participants of that partner or country: each counts where they belong."""
    project = {key: value for key, value in activity_scope(target).items() if "partner" not in key}
    where = Q(**{f"activity__{key}": value for key, value in project.items()})
    if target.partner_id or target.country:
        own = Q(**{f"activity__{key}": value for key, value in activity_scope(target).items()})
        people: dict[str, Any] = {"participation__partner_id": target.partner_id} if target.partner_id else {}
        if target.country:
            people["participation__partner__country"] = target.country
        where &= own | Q(activity__partner__isnull=True, **people)
    return where


def count_activity_participants(target: Target, within: Within = EVERYWHERE) -> int:
    """Distinct participations enrolled (in the period) in the activities in scope."""
    rows = ActivityEnrolment.objects.filter(
        enrolment_scope(target), within.q("participation__partner_id", "enrolled_on")
    )
    return rows.values("participation_id").distinct().count()


def count_activities(target: Target, within: Within = EVERYWHERE) -> int:
    """Activities in scope (of the target's kind) starting in the period."""
    rows = Activity.objects.filter(within.q("partner_id", "starts_on"), **activity_scope(target))
    return (rows.filter(kind=target.kind) if target.kind else rows).count()


OWN_METRICS: dict[str, Counter] = {
    Target.Metric.PARTICIPANTS: count_participants,
    Target.Metric.ACTIVITY_PARTICIPANTS: count_activity_participants,
    Target.Metric.EXITED: count_exited,
    Target.Metric.ACTIVITIES: count_activities,
}


def register_own_metrics() -> None:
    for key, counter in OWN_METRICS.items():
        kinds = Activity.Kind.choices if key == Target.Metric.ACTIVITIES else None
        register_metric(str(key), counter, kinds=kinds)
