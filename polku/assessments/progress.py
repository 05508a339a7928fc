"""Progress between self-assessments: plain sittings in, first-vs-latest changes out (no Django).

A *sitting* is one self-assessment: who, when, and the level (1–8) chosen for each competence that was
assessed (competences left "not assessed" are simply absent). For one person and one framework version:

- per competence, the *first* level is the one of the earliest sitting that assessed it and the *latest*
  the one of the last sitting that assessed it; the competence has a change only when these are two
  different sittings;
- per area, the person's first and latest levels are the means over the area's competences that have a
  change, so the area's change is the mean of its competences' changes (never a comparison of means over
  different sets of competences).

Across a group (a project's participants), `group_deltas` gives for each area and competence the number
of people with a change, their mean first and latest level, the mean change, and how many improved,
stayed or declined. Publishing (small-cell suppression) is the caller's business: see
`polku.assessments.selectors.project_deltas`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from polku.assessments.frameworks import Framework


@dataclass(frozen=True)
class Sitting:
    person_id: int
    assessment_id: int
    taken_at: dt.datetime
    levels: Mapping[str, int]  # competence code → level 1–8; not-assessed competences absent


@dataclass(frozen=True)
class Change:
    """First and latest level of one person on one competence (or the mean over an area's competences)."""

    first: float
    latest: float
    first_at: dt.datetime | None = None
    latest_at: dt.datetime | None = None

    @property
    def delta(self) -> float:
        return self.latest - self.first


@dataclass(frozen=True)
class PersonProgress:
    framework_key: str
    sittings: int
    # competence code → (first level, latest level); only competences assessed in two different sittings
    competences: Mapping[str, Change]
    # competence code → the latest level, for every competence assessed at least once
    latest_levels: Mapping[str, int]
    # area number → mean change over the area's competences that have a change
    areas: Mapping[int, Change]
    # area number → the area's mean level in each sitting (oldest first; None where nothing was assessed)
    area_series: Mapping[int, tuple[float | None, ...]]


def _ordered(sittings: Iterable[Sitting]) -> list[Sitting]:
    return sorted(sittings, key=lambda s: (s.taken_at, s.assessment_id))


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def person_progress(sittings: Iterable[Sitting], framework: Framework) -> PersonProgress:
    """One person's progress on `framework`; sittings of other people or frameworks must not be passed."""
    ordered = _ordered(sittings)
    if len({s.person_id for s in ordered}) > 1:
        raise ValueError("person_progress takes the sittings of one person")
    first: dict[str, tuple[int, Sitting]] = {}
    latest: dict[str, tuple[int, Sitting]] = {}
    for sitting in ordered:
        for code, level in sitting.levels.items():
            if not 1 <= level <= 8:
                raise ValueError(f"level {level} of {code} is outside 1–8")
            first.setdefault(code, (level, sitting))
            latest[code] = (level, sitting)
    changes = {
        code: Change(
            first=float(first[code][0]),
            latest=float(latest[code][0]),
            first_at=first[code][1].taken_at,
            latest_at=latest[code][1].taken_at,
        )
        for code in first
        if first[code][1] is not latest[code][1]
    }
    areas: dict[int, Change] = {}
    series: dict[int, tuple[float | None, ...]] = {}
    for area in framework.areas:
        codes = [c.code for c in area.competences]
        paired = [changes[c] for c in codes if c in changes]
        if paired:
            areas[area.number] = Change(
                first=_mean([c.first for c in paired]), latest=_mean([c.latest for c in paired])
            )
        points: list[float | None] = []
        for sitting in ordered:
            levels = [sitting.levels[c] for c in codes if c in sitting.levels]
            points.append(_mean(levels) if levels else None)
        series[area.number] = tuple(points)
    return PersonProgress(
        framework_key=framework.key,
        sittings=len(ordered),
        competences=changes,
        latest_levels={code: level for code, (level, _s) in latest.items()},
        areas=areas,
        area_series=series,
    )


@dataclass
class Delta:
    """A group's change on one competence or area: people with a change and what the change was."""

    people: int = 0
    improved: int = 0
    same: int = 0
    declined: int = 0
    first_sum: float = 0.0
    latest_sum: float = 0.0

    def add(self, change: Change) -> None:
        self.people += 1
        self.first_sum += change.first
        self.latest_sum += change.latest
        if change.delta > 0:
            self.improved += 1
        elif change.delta < 0:
            self.declined += 1
        else:
            self.same += 1

    @property
    def mean_first(self) -> float | None:
        return self.first_sum / self.people if self.people else None

    @property
    def mean_latest(self) -> float | None:
        return self.latest_sum / self.people if self.people else None

    @property
    def mean_change(self) -> float | None:
        return (self.latest_sum - self.first_sum) / self.people if self.people else None


@dataclass
class GroupDeltas:
    framework_key: str
    people_assessed: int = 0  # with at least one sitting
    people_repeated: int = 0  # with at least two sittings
    areas: dict[int, Delta] = field(default_factory=dict)
    competences: dict[str, Delta] = field(default_factory=dict)


def group_deltas(sittings: Iterable[Sitting], framework: Framework) -> GroupDeltas:
    """First-vs-latest changes across people: every area and competence of the framework has a Delta."""
    by_person: dict[int, list[Sitting]] = defaultdict(list)
    for sitting in sittings:
        by_person[sitting.person_id].append(sitting)
    result = GroupDeltas(
        framework_key=framework.key,
        areas={area.number: Delta() for area in framework.areas},
        competences={c.code: Delta() for c in framework.competences},
    )
    for person_sittings in by_person.values():
        result.people_assessed += 1
        if len(person_sittings) < 2:
            continue
        result.people_repeated += 1
        progress = person_progress(person_sittings, framework)
        for code, change in progress.competences.items():
            if code in result.competences:
                result.competences[code].add(change)
        for number, change in progress.areas.items():
            result.areas[number].add(change)
    return result
