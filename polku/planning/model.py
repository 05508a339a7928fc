"""The planning engine's data: plain frozen dataclasses in, plain frozen dataclasses out.

Shared with the Django side (polku.learning) through docs/planning.md; the signatures here only grow by
new optional fields. Reasons are codes, never sentences: the product translates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

CEFR_ORDER = ("A1", "A2", "B1", "B2", "C1", "C2", "native")  # "native" ≥ C2
MODES = ("online", "onsite", "blended")

# GapItem.status
COVERED, PARTIAL, MISSING = "covered", "partial", "missing"


@dataclass(frozen=True)
class TargetSkill:
    uri: str
    essential: bool  # essential for the target occupation, else optional
    label: str = ""


@dataclass(frozen=True)
class Taxonomy:
    broader: Mapping[str, tuple[str, ...]]  # uri → direct broader uris (skills and skill groups)
    related: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # ESCO skill–skill relations
    # the uris of skill groups (ESCO's skills hierarchy, not skills): a shared group is not a sibling link
    groups: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GapItem:
    uri: str
    label: str
    essential: bool
    status: str  # "covered" | "partial" | "missing"
    covered_by: tuple[str, ...]  # profile uris that cover it (same skill, a narrower one, …)
    reason: str  # a code, see docs/planning.md
    priority: float  # higher = more important to close; items are returned best first


@dataclass(frozen=True)
class Gap:
    items: tuple[GapItem, ...]  # all target skills, missing/partial first by priority, then covered
    essential_total: int
    essential_covered: int
    optional_total: int
    optional_covered: int

    @property
    def missing(self) -> tuple[GapItem, ...]:
        """The items still to close (status "missing" or "partial"), best first."""
        return tuple(item for item in self.items if item.status != COVERED)


@dataclass(frozen=True)
class Opportunity:
    id: str
    skills: frozenset[str]  # ESCO skill uris it builds
    hours: float  # effort
    cost: float = 0.0  # euros
    # teaching language → minimum CEFR level; any one suffices; {} = no language needed
    languages: Mapping[str, str] = field(default_factory=dict)
    mode: str = "online"  # "online" | "onsite" | "blended"
    starts: date | None = None
    ends: date | None = None  # an opportunity that ended before `Learner.today` is excluded


@dataclass(frozen=True)
class Learner:
    languages: Mapping[str, str]  # language code → CEFR level or "native"
    mode: str | None = None  # preferred mode; None = any. "blended" fits both preferences.
    today: date | None = None
    max_cost: float | None = None


@dataclass(frozen=True)
class Choice:
    opportunity_id: str
    covers: tuple[str, ...]  # gap uris this opportunity closes in the chosen set
    reason: str  # code: "covers-essential" | "covers-optional"


@dataclass(frozen=True)
class Exclusion:
    opportunity_id: str
    reason: str  # code: "language-level", "mode", "ended", "cost", "covers-nothing"


@dataclass(frozen=True)
class Recommendation:
    chosen: tuple[Choice, ...]  # essential coverage first, then start date, then id
    uncovered: tuple[str, ...]  # gap uris no eligible opportunity covers
    total_hours: float
    total_cost: float
    excluded: tuple[Exclusion, ...]
    optimal: bool  # proven least effort for the covered set
