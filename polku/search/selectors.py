"""Staff's global search: people, activities, events and organisations by a few words, each kind through
its own app's reads, so partner isolation is theirs: a person outside the reader's partners never appears."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from polku.accounts.access import Access
from polku.activities.models import Activity
from polku.events.selectors.events import organised_events
from polku.organisations.selectors import organisation_list
from polku.participants.selectors import ParticipantFilter, participation_list

MAX_QUERY = 100
PER_KIND = 10


@dataclass
class Results:
    q: str
    people: list[Any] = field(default_factory=list)
    activities: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    organisations: list[Any] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.people) + len(self.activities) + len(self.events) + len(self.organisations)


def global_search(*, access: Access, q: str, limit: int = PER_KIND) -> Results:
    """Up to `limit` of each kind matching every word of `q` (at least two characters), best known first."""
    q = " ".join(q.split())
    results = Results(q=q)
    if len(q) < 2:
        return results
    words = q.split()[:6]
    results.people = list(participation_list(access=access, filters=ParticipantFilter(q=q))[:limit])
    activities = (
        Activity.objects.filter(project_id__in=access.project_ids())
        if not access.is_admin
        else (Activity.objects.all())
    )
    events = organised_events(access)
    organisations = organisation_list(access=access)
    for word in words:
        activities = activities.filter(name__icontains=word)
        events = events.filter(
            Q(title_fi__icontains=word)
            | Q(title_sv__icontains=word)
            | Q(title_en__icontains=word)
            | Q(activity__name__icontains=word)
        )
        organisations = organisations.filter(name__icontains=word)
    results.activities = list(activities.select_related("project").order_by("name")[:limit])
    results.events = list(events.select_related("activity").order_by("-starts_at")[:limit])
    results.organisations = list(organisations.order_by("name")[:limit])
    return results
