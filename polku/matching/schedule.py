"""Meeting scheduler for events: place requested meetings of 2–4 people into time slots and tables.

Each meeting has a priority 1–3 and goes into at most one slot; a slot holds at most `tables`
meetings; nobody is in two meetings of one slot; a meeting only goes into a slot that every member
marked available; fixed meetings stay exactly where they were put. The objective is the largest total
priority of the placed meetings. Within a slot the table is then a free choice: fixed meetings keep
theirs, the others take the lowest free numbers in input order.

Method (decision record 0052):

1. **Greedy**: meetings by priority (highest first), then fewest open slots; each to the open slot
   where its members have the fewest other meetings still waiting to be placed (then the emptiest).
2. **Local improvement**: an unplaced meeting goes into a slot by evicting what blocks it there (its
   members' other meetings, or one meeting at a full slot), the evicted meetings are put back wherever
   they fit, and the change is kept when the total priority rises; then ruin and recreate around an
   unplaced meeting (all its members' meetings taken out, it first, the others back in random slots
   where they fit), kept when the total does not fall, so plateaus are crossed.
3. **Bound**: the LP relaxation with the person–slot constraints summed per person (each person has as
   many places as slots they could meet in) and the tables summed over slots, solved with HiGHS
   (scipy). Its dual, checked in floating point, is a proven upper bound on any schedule (weak
   duality); priorities are whole numbers, so the bound is rounded down. On realistic inputs it is
   within a fraction of a per cent of the full LP relaxation, which takes minutes at 20,000 meetings.
   If the greedy meets it, the run ends there.
4. **CP-SAT** (OR-tools) for inputs with at most CP_SAT_MAX_VARS (meeting, slot) pairs, started from
   the improved schedule, within the time limit: a boolean per (meeting, slot) that is open, at most
   one per meeting, per person and slot, `tables` per slot. Its best bound tightens the upper bound; a
   proof of optimality ends the run early.

`upper_bound` is the smaller of the two bounds; `optimal` says the total equals it; `gap` is
(bound − total) / bound. Every unplaced meeting gets a reason computed from the final schedule, in
English with the people's ids and as data (`code`, `people`, `slots`, `conflicts`) for callers who
translate it: `no_common_slot` (no slot all members marked available), `slots_taken` (every such slot
has a member in another meeting), `tables_full` (some member-free shared slots exist, but their tables
are full). The final schedule is maximal, so no unplaced meeting fits anywhere as it stands.

A person named in a meeting or a fixed placement but missing from `people` is an error (not "available
everywhere"): the event's participant list is the source of truth and a misspelt id would otherwise be
scheduled silently.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

import numpy as np

from polku.matching.errors import InvalidInput

Method = Literal["auto", "heuristic", "cp-sat", "greedy"]
METHODS: tuple[str, ...] = get_args(Method)
PRIORITIES = (1, 2, 3)
MIN_MEMBERS, MAX_MEMBERS = 2, 4
DEFAULT_TIME_LIMIT = 4.0  # seconds of search; it stops earlier when the total meets the bound
CP_SAT_MAX_VARS = 40_000  # (meeting, slot) pairs up to which CP-SAT is tried after the heuristic
NO_COMMON_SLOT, SLOTS_TAKEN, TABLES_FULL = "no_common_slot", "slots_taken", "tables_full"


@dataclass(frozen=True)
class Person:
    id: str
    available: frozenset[str] | None = None  # None: every slot


@dataclass(frozen=True)
class Meeting:
    id: str
    people: tuple[str, ...]
    priority: int = 1


@dataclass(frozen=True)
class Placement:
    meeting: str
    slot: str
    table: int


@dataclass(frozen=True)
class ScheduleProblem:
    slots: list[str]
    tables: int
    people: list[Person]
    meetings: list[Meeting]
    fixed: list[Placement] = field(default_factory=list)


@dataclass(frozen=True)
class Conflict:
    """In `slot`, these members of an unplaced meeting are in these other meetings."""

    slot: str
    people: list[str]
    meetings: list[str]


@dataclass(frozen=True)
class Unplaced:
    meeting: str
    code: str  # NO_COMMON_SLOT | SLOTS_TAKEN | TABLES_FULL
    people: list[str]
    slots: list[str]  # no_common_slot: none; slots_taken: the shared slots; tables_full: the free ones
    reason: str
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass(frozen=True)
class ScheduleResult:
    placed: list[Placement]  # by slot, then table
    unplaced: list[Unplaced]  # in input order
    total_priority: int
    upper_bound: int
    method: str  # "cp-sat", "heuristic" or "greedy": where the schedule came from
    bound_method: str  # "cp-sat" or "lp": which bound was the smaller
    optimal: bool
    gap: float


# ---------------------------------------------------------------------------------------------
# Checking a problem


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _unique_ids(ids: list[Any], what: str) -> dict[str, int]:
    index: dict[str, int] = {}
    for pid in ids:
        if not isinstance(pid, str) or not pid:
            raise InvalidInput(f"{what}: every id must be a non-empty string, got {pid!r}")
        if pid in index:
            raise InvalidInput(f"{what}: duplicate id {pid!r}")
        index[pid] = len(index)
    return index


class _Prepared:
    """A checked problem as indices: members per meeting, availability, fixed placements and the open
    slots of every other meeting (all members available and not in a fixed meeting, a table left)."""

    def __init__(self, problem: ScheduleProblem) -> None:
        if not isinstance(problem.slots, list) or not problem.slots:
            raise InvalidInput("slots must be a non-empty list of slot ids")
        self.slot_ids = list(problem.slots)
        self.slot_index = _unique_ids(self.slot_ids, "slots")
        if not _is_int(problem.tables) or problem.tables < 1:
            raise InvalidInput(f"tables must be a whole number of at least 1, got {problem.tables!r}")
        self.tables = problem.tables
        self.person_ids = [p.id for p in problem.people]
        self.person_index = _unique_ids(self.person_ids, "people")
        n_slots, n_people = len(self.slot_ids), len(self.person_ids)

        self.available = np.zeros((n_people, n_slots), dtype=bool)
        for i, person in enumerate(problem.people):
            if person.available is None:
                self.available[i] = True
                continue
            for slot in person.available:
                if slot not in self.slot_index:
                    raise InvalidInput(f"person {person.id!r}: unknown slot {slot!r} in available")
                self.available[i, self.slot_index[slot]] = True

        self.meeting_ids = [m.id for m in problem.meetings]
        self.meeting_index = _unique_ids(self.meeting_ids, "meetings")
        self.members: list[tuple[int, ...]] = []
        self.priority: list[int] = []
        for meeting in problem.meetings:
            people = list(meeting.people)
            if not MIN_MEMBERS <= len(people) <= MAX_MEMBERS:
                raise InvalidInput(
                    f"meeting {meeting.id!r}: a meeting has {MIN_MEMBERS} to {MAX_MEMBERS} people, got {len(people)}"
                )
            for pid in people:
                if pid not in self.person_index:
                    raise InvalidInput(f"meeting {meeting.id!r}: unknown person {pid!r}")
            if len(set(people)) != len(people):
                raise InvalidInput(f"meeting {meeting.id!r}: a person is listed twice")
            if not _is_int(meeting.priority) or meeting.priority not in PRIORITIES:
                raise InvalidInput(
                    f"meeting {meeting.id!r}: priority must be 1, 2 or 3, got {meeting.priority!r}"
                )
            self.members.append(tuple(self.person_index[pid] for pid in people))
            self.priority.append(meeting.priority)
        n_meetings = len(self.meeting_ids)

        # Shared slots: every member marked available (what a reason talks about). Members are padded
        # to MAX_MEMBERS with a row that is available everywhere.
        padded = np.full((n_meetings, MAX_MEMBERS), n_people, dtype=np.int64)
        for m, mem in enumerate(self.members):
            padded[m, : len(mem)] = mem
        everywhere = np.vstack([self.available, np.ones((1, n_slots), dtype=bool)])
        shared = np.asarray(everywhere[padded].all(axis=1))
        self.shared: list[list[int]] = [np.flatnonzero(row).tolist() for row in shared]

        # Fixed placements.
        self.fixed: dict[int, tuple[int, int]] = {}
        at_table: dict[tuple[int, int], str] = {}
        fixed_busy: dict[tuple[int, int], str] = {}
        for place in problem.fixed:
            if place.meeting not in self.meeting_index:
                raise InvalidInput(f"fixed: unknown meeting {place.meeting!r}")
            if place.slot not in self.slot_index:
                raise InvalidInput(f"fixed: meeting {place.meeting!r} has an unknown slot {place.slot!r}")
            if not _is_int(place.table) or not 1 <= place.table <= self.tables:
                raise InvalidInput(
                    f"fixed: meeting {place.meeting!r} has table {place.table!r}; tables are 1 to {self.tables}"
                )
            m, s = self.meeting_index[place.meeting], self.slot_index[place.slot]
            if m in self.fixed:
                raise InvalidInput(f"fixed: meeting {place.meeting!r} is fixed twice")
            if (s, place.table) in at_table:
                raise InvalidInput(
                    f"fixed: meetings {at_table[(s, place.table)]!r} and {place.meeting!r} are both at "
                    f"table {place.table} in slot {place.slot!r}"
                )
            for p in self.members[m]:
                if not self.available[p, s]:
                    raise InvalidInput(
                        f"fixed: meeting {place.meeting!r} is in slot {place.slot!r}, "
                        f"where {self.person_ids[p]!r} is not available"
                    )
                if (p, s) in fixed_busy:
                    raise InvalidInput(
                        f"fixed: {self.person_ids[p]!r} is in both {fixed_busy[(p, s)]!r} and "
                        f"{place.meeting!r} in slot {place.slot!r}"
                    )
                fixed_busy[(p, s)] = place.meeting
            self.fixed[m] = (s, place.table)
            at_table[(s, place.table)] = place.meeting

        self.capacity = [self.tables] * n_slots  # tables left for the meetings that are not fixed
        for s, _ in self.fixed.values():
            self.capacity[s] -= 1
        self.open: list[list[int]] = []
        for m in range(n_meetings):
            if m in self.fixed:
                self.open.append([])
                continue
            self.open.append(
                [
                    s
                    for s in self.shared[m]
                    if self.capacity[s] > 0 and not any((p, s) in fixed_busy for p in self.members[m])
                ]
            )
        self.free = [m for m in range(n_meetings) if self.open[m]]  # the meetings to place
        self.meetings_of: list[list[int]] = [[] for _ in range(n_people)]
        for m in self.free:
            for p in self.members[m]:
                self.meetings_of[p].append(m)
        self.fixed_total = sum(self.priority[m] for m in self.fixed)
        self.n_vars = sum(len(o) for o in self.open)


# ---------------------------------------------------------------------------------------------
# A schedule being built


class _Plan:
    """Where every meeting is (slot or −1), who is busy when, and how full each slot is."""

    def __init__(self, prep: _Prepared) -> None:
        self.prep = prep
        n_slots = len(prep.slot_ids)
        self.slot_of = [-1] * len(prep.meeting_ids)
        self.busy = [[-1] * n_slots for _ in prep.person_ids]
        self.load = [0] * n_slots  # meetings that are not fixed
        self.at: list[set[int]] = [set() for _ in range(n_slots)]
        self.total = 0
        for m, (s, _) in prep.fixed.items():
            self.slot_of[m] = s
            for p in prep.members[m]:
                self.busy[p][s] = m
            self.total += prep.priority[m]

    def restore(self, slot_of: list[int]) -> None:
        """Back to a saved `slot_of` (fixed meetings never move)."""
        for m, s in enumerate(self.slot_of):
            if s >= 0 and m not in self.prep.fixed:
                self.take(m)
        for m, s in enumerate(slot_of):
            if s >= 0 and m not in self.prep.fixed:
                self.put(m, s)

    def fits(self, m: int, s: int) -> bool:
        busy = self.busy
        return self.load[s] < self.prep.capacity[s] and all(busy[p][s] < 0 for p in self.prep.members[m])

    def put(self, m: int, s: int) -> None:
        self.slot_of[m] = s
        for p in self.prep.members[m]:
            self.busy[p][s] = m
        self.load[s] += 1
        self.at[s].add(m)
        self.total += self.prep.priority[m]

    def take(self, m: int) -> int:
        s = self.slot_of[m]
        self.slot_of[m] = -1
        for p in self.prep.members[m]:
            self.busy[p][s] = -1
        self.load[s] -= 1
        self.at[s].discard(m)
        self.total -= self.prep.priority[m]
        return s

    def insert_anywhere(self, m: int) -> bool:
        for s in self.prep.open[m]:
            if self.fits(m, s):
                self.put(m, s)
                return True
        return False

    def fill(self) -> None:
        """Make the schedule maximal: every unplaced meeting that fits somewhere goes there."""
        for m in _by_priority(self.prep, self.unplaced()):
            self.insert_anywhere(m)

    def unplaced(self) -> list[int]:
        return [m for m in range(len(self.slot_of)) if self.slot_of[m] < 0 and self.prep.open[m]]


def _by_priority(prep: _Prepared, meetings: list[int]) -> list[int]:
    return sorted(meetings, key=lambda m: (-prep.priority[m], len(prep.open[m]), m))


def _greedy(prep: _Prepared) -> _Plan:
    """Highest priority first, then the fewest open slots; each into the open slot where its members
    have the fewest other meetings still waiting (the least contested), then the emptiest slot."""
    plan = _Plan(prep)
    waiting = [[0] * len(prep.slot_ids) for _ in prep.person_ids]
    free = [m for m in range(len(prep.meeting_ids)) if prep.open[m]]
    for m in free:
        for p in prep.members[m]:
            row = waiting[p]
            for s in prep.open[m]:
                row[s] += 1
    for m in _by_priority(prep, free):
        members = prep.members[m]
        for p in members:
            row = waiting[p]
            for s in prep.open[m]:
                row[s] -= 1
        best, best_key = -1, (0, 0)
        for s in prep.open[m]:
            if plan.fits(m, s):
                key = (sum(waiting[p][s] for p in members), plan.load[s])
                if best < 0 or key < best_key:
                    best, best_key = s, key
        if best >= 0:
            plan.put(m, best)
    return plan


def _try_insert(plan: _Plan, m: int, s: int, rng: random.Random) -> bool:
    """Put unplaced m into slot s, evicting its members' meetings there and, if the slot is still full,
    one more meeting of the lowest priority there; put the evicted back wherever they fit. Keep the
    change when the total rose; otherwise undo it."""
    prep = plan.prep
    blockers = {plan.busy[p][s] for p in prep.members[m]} - {-1}
    if any(b in prep.fixed for b in blockers):
        return False
    if plan.load[s] - len(blockers) >= prep.capacity[s]:
        others = [q for q in plan.at[s] if q not in blockers]
        if not others:
            return False
        lowest = min(prep.priority[q] for q in others)
        candidates = [q for q in others if prep.priority[q] == lowest]
        blockers.add(candidates[rng.randrange(len(candidates))] if len(candidates) > 1 else candidates[0])
    before = plan.total
    old = {b: plan.take(b) for b in blockers}
    plan.put(m, s)
    moved = [b for b in _by_priority(prep, list(blockers)) if plan.insert_anywhere(b)]
    if plan.total > before:
        return True
    for b in moved:
        plan.take(b)
    plan.take(m)
    for b, slot in old.items():
        plan.put(b, slot)
    return False


def _ruin_and_recreate(plan: _Plan, m: int, rng: random.Random) -> bool:
    """Take out every meeting of m's members (and, when the tables are the limit, one meeting of a
    full slot m could go to), put m in first, then the other waiting meetings of these people by
    priority, each into a random slot where it fits. Kept when the total does not fall."""
    prep = plan.prep
    before = plan.total
    removed = {q for p in prep.members[m] for q in plan.busy[p] if q >= 0 and q not in prep.fixed}
    old = {q: plan.take(q) for q in removed}
    if not any(plan.fits(m, s) for s in prep.open[m]):
        s = prep.open[m][rng.randrange(len(prep.open[m]))]
        others = [q for q in plan.at[s] if prep.priority[q] <= prep.priority[m]]
        if others:
            q = others[rng.randrange(len(others))]
            old[q] = plan.take(q)
    waiting = {q for p in prep.members[m] for q in prep.meetings_of[p] if plan.slot_of[q] < 0}
    waiting.update(old)
    waiting.discard(m)
    order = [m, *sorted(waiting, key=lambda q: (-prep.priority[q], rng.random()))]
    added = []
    for q in order:
        fitting = [s for s in prep.open[q] if plan.fits(q, s)]
        if fitting:
            plan.put(q, fitting[rng.randrange(len(fitting))] if len(fitting) > 1 else fitting[0])
            added.append(q)
    if plan.total >= before:
        return True
    for q in added:
        plan.take(q)
    for q, s in old.items():
        plan.put(q, s)
    return False


def _improve(plan: _Plan, deadline: float, bound: int, seed: int = 0) -> None:
    """Local improvement until the total reaches the bound, the time is up or nothing improves for a
    while: first passes of _try_insert over the unplaced meetings (highest priority first), then
    ruin and recreate around a random unplaced meeting (of two drawn, the higher priority), which
    also takes sideways steps (equal total) to move along plateaus."""
    prep = plan.prep
    rng = random.Random(seed)
    stale = 0
    while time.monotonic() < deadline and stale < 2 and plan.total < bound:
        start = plan.total
        for n, m in enumerate(_by_priority(prep, plan.unplaced())):
            if n % 64 == 0 and time.monotonic() >= deadline:
                break
            if plan.slot_of[m] >= 0:
                continue
            slots = prep.open[m][:]
            rng.shuffle(slots)
            for s in slots:
                if plan.fits(m, s):
                    plan.put(m, s)
                    break
                if _try_insert(plan, m, s, rng):
                    break
        stale = stale + 1 if plan.total <= start else 0
    free = prep.free
    best = plan.total
    best_slots = plan.slot_of[:]
    since_best = 0
    patience = max(2000, 20 * len(free))
    n = 0
    while plan.total < bound and since_best < patience:
        n += 1
        if n % 64 == 0 and time.monotonic() >= deadline:
            break
        pick = []
        for _ in range(200):
            m = free[rng.randrange(len(free))]
            if plan.slot_of[m] < 0:
                pick.append(m)
                if len(pick) == 2:
                    break
        if not pick:
            unplaced = plan.unplaced()
            if not unplaced:
                break
            pick = [unplaced[rng.randrange(len(unplaced))]]
        m = max(pick, key=lambda q: prep.priority[q])
        _ruin_and_recreate(plan, m, rng)
        if plan.total > best:
            best, best_slots, since_best = plan.total, plan.slot_of[:], 0
        else:
            since_best += 1
    if plan.total < best:
        plan.restore(best_slots)


# ---------------------------------------------------------------------------------------------
# Bounds and CP-SAT


def _lp_bound(prep: _Prepared) -> int:
    """Upper bound from the aggregated LP relaxation (see the module docstring), rounded down.

    max Σ w·y subject to Σ_{m∋p} y_m ≤ c_p (c_p: the slots p could meet in), Σ y ≤ Σ_s min(tables
    left in s, meetings open in s), 0 ≤ y ≤ 1. The bound is computed from HiGHS's dual prices π ≥ 0:
    Σ c·π + C·τ + Σ_m max(0, w_m − Σ_{p∈m} π_p − τ), valid for any prices, so solver tolerances
    cannot make it too small."""
    free = [m for m in range(len(prep.meeting_ids)) if prep.open[m]]
    if not free:
        return prep.fixed_total
    from scipy.optimize import linprog  # imported here: the greedy alone does not need it
    from scipy.sparse import csr_matrix

    n_slots = len(prep.slot_ids)
    people = sorted({p for m in free for p in prep.members[m]})
    row_of = {p: r for r, p in enumerate(people)}
    places = np.zeros((len(people), n_slots), dtype=bool)
    open_in = np.zeros(n_slots, dtype=np.int64)
    rows: list[int] = []
    cols: list[int] = []
    for j, m in enumerate(free):
        for p in prep.members[m]:
            places[row_of[p], prep.open[m]] = True
            rows.append(row_of[p])
            cols.append(j)
        open_in[prep.open[m]] += 1
    total_row = len(people)
    rows.extend([total_row] * len(free))
    cols.extend(range(len(free)))
    cap = places.sum(axis=1).astype(float)
    total_cap = float(np.minimum(np.array(prep.capacity), open_in).sum())
    weight = np.array([prep.priority[m] for m in free], dtype=float)
    trivial = prep.fixed_total + int(min(weight.sum(), float(np.sort(weight)[::-1][: int(total_cap)].sum())))
    matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(total_row + 1, len(free)))
    result = linprog(-weight, A_ub=matrix, b_ub=np.append(cap, total_cap), bounds=(0, 1), method="highs")
    if result.status != 0:  # pragma: no cover - the LP is always feasible (y = 0) and bounded
        return trivial
    prices = np.maximum(-np.asarray(result.ineqlin.marginals, dtype=float), 0.0)
    pi, tau = prices[:-1], prices[-1]
    reduced = weight - tau
    for j, m in enumerate(free):
        reduced[j] -= sum(pi[row_of[p]] for p in prep.members[m])
    dual = float(cap @ pi + total_cap * tau + np.maximum(reduced, 0.0).sum())
    return min(trivial, prep.fixed_total + math.floor(dual + 1e-6))


def _cp_sat(prep: _Prepared, hint: _Plan, time_limit: float) -> tuple[list[int] | None, int | None]:
    """CP-SAT from the hint: (slot per meeting or None if it found nothing, proven bound or None)."""
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    n_slots = len(prep.slot_ids)
    var: dict[tuple[int, int], Any] = {}
    by_person_slot: dict[tuple[int, int], list[Any]] = {}
    by_slot: list[list[Any]] = [[] for _ in range(n_slots)]
    objective = []
    for m, slots in enumerate(prep.open):
        mine = []
        for s in slots:
            x = model.new_bool_var(f"x{m}_{s}")
            var[(m, s)] = x
            mine.append(x)
            by_slot[s].append(x)
            for p in prep.members[m]:
                by_person_slot.setdefault((p, s), []).append(x)
            objective.append(prep.priority[m] * x)
            model.add_hint(x, hint.slot_of[m] == s)
        if len(mine) > 1:
            model.add_at_most_one(mine)
    for group in by_person_slot.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    for s, group in enumerate(by_slot):
        if len(group) > prep.capacity[s]:
            model.add(sum(group) <= prep.capacity[s])
    model.maximize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, time_limit)
    solver.parameters.num_workers = 1  # deterministic; with the LP below it proves small events fast
    solver.parameters.linearization_level = 2
    solver.parameters.random_seed = 0
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        bound = solver.best_objective_bound if status == cp_model.UNKNOWN else None
        return None, None if bound is None else prep.fixed_total + math.floor(bound + 1e-6)
    slot_of = [-1] * len(prep.meeting_ids)
    for (m, s), x in var.items():
        if solver.boolean_value(x):
            slot_of[m] = s
    return slot_of, prep.fixed_total + math.floor(solver.best_objective_bound + 1e-6)


# ---------------------------------------------------------------------------------------------
# Solving


def solve(
    problem: ScheduleProblem, *, time_limit: float | None = None, method: Method = "auto"
) -> ScheduleResult:
    """The schedule with the largest total priority found, with a proven upper bound.

    `time_limit` (default DEFAULT_TIME_LIMIT) is the seconds for the search: local improvement and
    CP-SAT; the checks, the greedy, the bound and the reasons come on top (about 1.5 s at 20,000
    meetings). The search stops earlier when the total meets the bound. method="auto": greedy, local
    improvement, then CP-SAT for inputs with at most CP_SAT_MAX_VARS open (meeting, slot) pairs;
    "heuristic": no CP-SAT; "cp-sat": CP-SAT whatever the size; "greedy": the greedy alone."""
    if method not in METHODS:
        raise InvalidInput(f"unknown method {method!r}; use one of {', '.join(METHODS)}")
    limit = DEFAULT_TIME_LIMIT if time_limit is None else time_limit
    if not limit > 0:
        raise InvalidInput("the time limit must be a positive number of seconds")
    return _solve(_Prepared(problem), limit, method)


def _solve(prep: _Prepared, limit: float, method: str) -> ScheduleResult:
    plan = _greedy(prep)
    bound = _lp_bound(prep)
    deadline = time.monotonic() + limit
    bound_method = "lp"
    source = "greedy" if method == "greedy" else "heuristic"
    if method != "greedy" and plan.total < bound:
        use_cp = method == "cp-sat" or (method == "auto" and prep.n_vars <= CP_SAT_MAX_VARS)
        # Before CP-SAT the improvement only needs to give a good start.
        _improve(plan, min(deadline, time.monotonic() + min(0.1 * limit, 0.5)) if use_cp else deadline, bound)
        if use_cp and plan.total < bound and time.monotonic() < deadline:
            slot_of, cp_bound = _cp_sat(prep, plan, deadline - time.monotonic())
            if cp_bound is not None and cp_bound < bound:
                bound, bound_method = cp_bound, "cp-sat"
            if slot_of is not None and _total(prep, slot_of) > plan.total:
                plan.restore(slot_of)
                source = "cp-sat"
        plan.fill()
    bound = max(bound, plan.total)  # the same number when proven; guards against rounding only
    gap = 0.0 if bound == 0 else round((bound - plan.total) / bound, 6)
    return ScheduleResult(
        placed=_tables(prep, plan),
        unplaced=[_reason(prep, plan, m) for m in range(len(prep.meeting_ids)) if plan.slot_of[m] < 0],
        total_priority=plan.total,
        upper_bound=bound,
        method=source,
        bound_method=bound_method,
        optimal=plan.total == bound,
        gap=gap,
    )


def greedy(problem: ScheduleProblem) -> ScheduleResult:
    """The greedy placement alone (no improvement, no CP-SAT), with the LP bound: for comparison."""
    return solve(problem, method="greedy")


def _total(prep: _Prepared, slot_of: list[int]) -> int:
    return sum(prep.priority[m] for m, s in enumerate(slot_of) if s >= 0)


def _tables(prep: _Prepared, plan: _Plan) -> list[Placement]:
    """Fixed meetings keep their tables; the others take the lowest free numbers, in input order."""
    taken: list[set[int]] = [set() for _ in prep.slot_ids]
    table_of: dict[int, int] = {}
    for m, (s, table) in prep.fixed.items():
        taken[s].add(table)
        table_of[m] = table
    next_free = [1] * len(prep.slot_ids)
    for m, s in enumerate(plan.slot_of):
        if s < 0 or m in prep.fixed:
            continue
        while next_free[s] in taken[s]:
            next_free[s] += 1
        table_of[m] = next_free[s]
        taken[s].add(next_free[s])
    placed = sorted(((plan.slot_of[m], t, m) for m, t in table_of.items()))
    return [Placement(prep.meeting_ids[m], prep.slot_ids[s], t) for s, t, m in placed]


def _names(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else f"{', '.join(ids[:-1])} and {ids[-1]}"


def _reason(prep: _Prepared, plan: _Plan, m: int) -> Unplaced:
    """Why m is not placed, read off the final schedule."""
    people = [prep.person_ids[p] for p in prep.members[m]]
    names = _names(people)
    shared = prep.shared[m]
    if not shared:
        return Unplaced(
            prep.meeting_ids[m],
            NO_COMMON_SLOT,
            people,
            [],
            f"{names} share no slot in which all of them are available",
        )
    member_free = [s for s in shared if all(plan.busy[p][s] < 0 for p in prep.members[m])]
    if member_free:
        return Unplaced(
            prep.meeting_ids[m],
            TABLES_FULL,
            people,
            [prep.slot_ids[s] for s in member_free],
            f"all tables are full in the slots {names} share and have free",
        )
    conflicts = []
    for s in shared:
        busy = [(prep.person_ids[p], plan.busy[p][s]) for p in prep.members[m] if plan.busy[p][s] >= 0]
        conflicts.append(
            Conflict(
                prep.slot_ids[s],
                [pid for pid, _ in busy],
                sorted({prep.meeting_ids[q] for _, q in busy}, key=lambda mid: prep.meeting_index[mid]),
            )
        )
    return Unplaced(
        prep.meeting_ids[m],
        SLOTS_TAKEN,
        people,
        [prep.slot_ids[s] for s in shared],
        f"every slot {names} share is taken by their other meetings",
        conflicts,
    )


# ---------------------------------------------------------------------------------------------
# JSON


def _fields(item: Any, allowed: set[str], required: set[str], where: str) -> dict:
    if not isinstance(item, dict):
        raise InvalidInput(f"{where}: each entry must be an object")
    unknown = set(item) - allowed
    if unknown:
        raise InvalidInput(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    missing = required - set(item)
    if missing:
        raise InvalidInput(f"{where}: missing {', '.join(sorted(missing))}")
    return item


def _list(data: dict, key: str, *, default: list | None = None) -> list:
    value = data.get(key, default)
    if not isinstance(value, list):
        raise InvalidInput(f'"{key}" must be a list')
    return value


def _build(data: Any) -> ScheduleProblem:
    """The CLI's JSON shape → ScheduleProblem; InvalidInput with a clear message when malformed.

    {"slots": ["s1"], "tables": 40, "people": [{"id": "p1", "available": ["s1"]}],
     "meetings": [{"id": "m1", "people": ["p1", "p2"], "priority": 1}],
     "fixed": [{"meeting": "m1", "slot": "s1", "table": 3}]}
    """
    if not isinstance(data, dict):
        raise InvalidInput("the input must be a JSON object with slots, tables, people and meetings")
    unknown = set(data) - {"slots", "tables", "people", "meetings", "fixed"}
    if unknown:
        raise InvalidInput(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    for key in ("slots", "tables", "people", "meetings"):
        if key not in data:
            raise InvalidInput(f'"{key}" is missing')
    people = []
    for n, item in enumerate(_list(data, "people")):
        entry = _fields(item, {"id", "available"}, {"id"}, f"people[{n}]")
        available = entry.get("available")
        if available is not None and (
            not isinstance(available, list) or not all(isinstance(s, str) for s in available)
        ):
            raise InvalidInput(f"person {entry['id']!r}: available must be a list of slot ids")
        people.append(Person(entry["id"], None if available is None else frozenset(available)))
    meetings = []
    for n, item in enumerate(_list(data, "meetings")):
        entry = _fields(item, {"id", "people", "priority"}, {"id", "people"}, f"meetings[{n}]")
        members = entry["people"]
        if not isinstance(members, list) or not all(isinstance(p, str) for p in members):
            raise InvalidInput(f"meeting {entry['id']!r}: people must be a list of person ids")
        meetings.append(Meeting(entry["id"], tuple(members), entry.get("priority", 1)))
    fixed = []
    for n, item in enumerate(_list(data, "fixed", default=[])):
        entry = _fields(item, {"meeting", "slot", "table"}, {"meeting", "slot", "table"}, f"fixed[{n}]")
        fixed.append(Placement(entry["meeting"], entry["slot"], entry["table"]))
    return ScheduleProblem(_list(data, "slots"), data["tables"], people, meetings, fixed)


def parse(data: Any) -> ScheduleProblem:
    """The CLI's JSON shape → ScheduleProblem, fully checked; InvalidInput with a clear message when
    malformed or impossible (see _build for the shape)."""
    problem = _build(data)
    _Prepared(problem)  # every remaining check
    return problem


def result_json(result: ScheduleResult) -> dict:
    return {
        "placed": [{"meeting": p.meeting, "slot": p.slot, "table": p.table} for p in result.placed],
        "unplaced": [
            {
                "meeting": u.meeting,
                "reason": u.reason,
                "code": u.code,
                "people": u.people,
                "slots": u.slots,
                **(
                    {
                        "conflicts": [
                            {"slot": c.slot, "people": c.people, "meetings": c.meetings} for c in u.conflicts
                        ]
                    }
                    if u.conflicts
                    else {}
                ),
            }
            for u in result.unplaced
        ],
        "total_priority": result.total_priority,
        "upper_bound": result.upper_bound,
        "optimal": result.optimal,
        "gap": result.gap,
        "method": result.method,
        "bound_method": result.bound_method,
    }


def run_json(data: Any, *, time_limit: float | None = None) -> dict:
    """parse + solve → {"placed", "unplaced", "total_priority", "upper_bound", "optimal", "gap", …}."""
    return result_json(solve(_build(data), time_limit=time_limit))
