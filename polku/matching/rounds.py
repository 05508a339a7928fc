"""Networking rounds for online events: breakout groups, round after round, without meeting anyone twice.

Each round splits the people present into groups of `group_size`; the remainder is spread over the
groups, one extra person each (more when the remainder exceeds the number of groups); fewer people
than `group_size` make one group. Rules, in order of importance (the cost of one kind outweighs every
possible amount of the next, so the search is lexicographic):

1. `apart` pairs never share a group (if no plan keeps them apart, the input is refused);
2. nobody meets the same person twice: a **repeat** is a pair in a group who met before — in
   `history` (earlier events or sessions, whole groups or pairs) or in an earlier round of this plan.
   `repeats` counts them over all rounds (a pair in `history` who meet once more is one repeat; a
   pair who meet in two rounds is one repeat);
3. with `share` (attribute names, e.g. a working language), a group's members share each named
   attribute's value where possible: **mixed** counts the pairs in a group whose values differ (a
   person without the attribute fits any group).

`present` (optional) says who is there from a round on: {"3": ["p1", …]} means rounds 3, 4, … have
exactly these people (until a later key); before the first key everyone in `people` is there.
`fixed` (optional) holds rounds already published ({"1": [[…], …]}): they are kept exactly as given,
whoever is in them, and their pairs count as met for the other rounds — re-planning for late joiners
and leavers keeps what people have already seen.

Method (decision record 0052): every open round is built greedily in turn (the people with the most
earlier encounters first, each into the group with room where they add the least cost, small random
ties), then a tabu search over all open rounds at once swaps two people of one round in different
groups: each step takes the best swap of a person who is in a costly pair (ties at random; when fewer
than WIDEN_BELOW such people are left, anyone may move, so plateaus can be crossed); a person may not
go back to the group they just left for a few steps unless that gives a new best; after a long stall
the search returns to the best plan with a few random swaps, and after three such shakes starts afresh.
The gains are computed with numpy from running pair counts. The search stops at cost 0 or at the time
limit. A clean start whose numbers allow it is seeded from affine geometry (affine_rounds): for the
social golfer problem (32 people in groups of 4) that gives 9 rounds without a repeat at once; 10 is the
known maximum (docs/benchmarks.md).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

from polku.matching.errors import InvalidInput

DEFAULT_TIME_LIMIT = 5.0
WIDEN_BELOW = 8
MAX_ROUNDS = 100


@dataclass(frozen=True)
class Attendee:
    id: str
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RoundsProblem:
    people: list[Attendee]
    group_size: int
    rounds: int
    history: list[tuple[str, str]] = field(default_factory=list)
    apart: list[tuple[str, str]] = field(default_factory=list)
    present: dict[int, list[str]] = field(default_factory=dict)  # from round r (1-based) on
    fixed: dict[int, list[list[str]]] = field(default_factory=dict)  # rounds kept as published
    share: list[str] = field(default_factory=list)  # attribute names to share within a group


@dataclass(frozen=True)
class RoundStats:
    round: int  # 1-based
    present: int
    groups: int
    repeats: int  # pairs in this round's groups who met before (history or an earlier round)
    mixed: int  # pairs in this round's groups who differ in a `share` attribute
    fixed: bool


@dataclass(frozen=True)
class RoundsResult:
    rounds: list[list[list[str]]]
    repeats: int
    mixed: int
    per_round: list[RoundStats]
    repeated_pairs: list[tuple[int, str, str]]  # (round, a, b), a before b in input order


# ---------------------------------------------------------------------------------------------
# Checking a problem


def _group_sizes(n: int, k: int) -> list[int]:
    if n == 0:
        return []
    g = max(1, n // k)
    return [n // g + (1 if i < n % g else 0) for i in range(g)]


class _Prepared:
    """Indices, who is present in which round, the static pair costs and the pair counts of history
    and fixed rounds."""

    def __init__(self, problem: RoundsProblem) -> None:
        ids = [p.id for p in problem.people]
        index: dict[str, int] = {}
        for pid in ids:
            if not isinstance(pid, str) or not pid:
                raise InvalidInput(f"people: every id must be a non-empty string, got {pid!r}")
            if pid in index:
                raise InvalidInput(f"people: duplicate id {pid!r}")
            index[pid] = len(index)
        if not ids:
            raise InvalidInput("people must be a non-empty list")
        k, n_rounds = problem.group_size, problem.rounds
        if not isinstance(k, int) or isinstance(k, bool) or k < 2:
            raise InvalidInput(f"group_size must be a whole number of at least 2, got {k!r}")
        if not isinstance(n_rounds, int) or isinstance(n_rounds, bool) or not 1 <= n_rounds <= MAX_ROUNDS:
            raise InvalidInput(f"rounds must be a whole number from 1 to {MAX_ROUNDS}, got {n_rounds!r}")
        self.ids, self.index, self.k, self.n_rounds = ids, index, k, n_rounds
        n = len(ids)
        self.n = n

        def idx(pid: Any, where: str) -> int:
            if pid not in index:
                raise InvalidInput(f"{where}: unknown person {pid!r}")
            return index[pid]

        def round_number(key: int, where: str) -> int:
            if not 1 <= key <= n_rounds:
                raise InvalidInput(f"{where}: round {key} is outside 1 to {n_rounds}")
            return key - 1

        # Who is present in each round.
        present = np.ones((n_rounds, n), dtype=bool)
        for key in sorted(problem.present):
            r = round_number(key, "present")
            row = np.zeros(n, dtype=bool)
            for pid in problem.present[key]:
                row[idx(pid, f"present in round {key}")] = True
            present[r:] = row

        # Fixed rounds as published.
        self.fixed: dict[int, list[list[int]]] = {}
        for key in sorted(problem.fixed):
            r = round_number(key, "fixed")
            seen: set[int] = set()
            groups = []
            for group in problem.fixed[key]:
                if not group:
                    raise InvalidInput(f"fixed round {key}: a group is empty")
                members = [idx(pid, f"fixed round {key}") for pid in group]
                for m in members:
                    if m in seen:
                        raise InvalidInput(f"fixed round {key}: {ids[m]!r} is in two groups")
                    seen.add(m)
                groups.append(members)
            self.fixed[r] = groups
            present[r] = False
            present[r, list(seen)] = True
        self.present = present
        self.open_rounds = [r for r in range(n_rounds) if r not in self.fixed]

        # History (0/1 per pair) and the count of pairs in fixed rounds.
        self.history = np.zeros((n, n), dtype=bool)
        for a, b in problem.history:
            x, y = idx(a, "history"), idx(b, "history")
            if x != y:
                self.history[x, y] = self.history[y, x] = True

        # Static cost of a pair in one group: apart above all, then differing shared attributes.
        self.apart = np.zeros((n, n), dtype=bool)
        for a, b in problem.apart:
            x, y = idx(a, "apart"), idx(b, "apart")
            if x == y:
                raise InvalidInput(f"apart: {a!r} cannot be kept apart from themself")
            self.apart[x, y] = self.apart[y, x] = True
        self.mismatch = np.zeros((n, n), dtype=np.int64)
        for name in problem.share:
            values = [p.attributes.get(name) for p in problem.people]
            codes: dict[str, int] = {}
            col = np.array([-1 if v in (None, "") else codes.setdefault(str(v), len(codes)) for v in values])
            known = col >= 0
            self.mismatch += (col[:, None] != col[None, :]) & known[:, None] & known[None, :]

        # Weights that make the three rules lexicographic: one repeat costs more than every mixed pair
        # of the whole plan, one apart pair more than every repeat.
        sizes = [_group_sizes(int(present[r].sum()), k) for r in self.open_rounds]
        pairs = sum(s * (s - 1) // 2 for row in sizes for s in row)
        self.w_repeat = 1 + pairs * max(1, len(problem.share))
        self.w_apart = 1 + pairs * self.w_repeat
        self.pair_cost = self.mismatch + self.w_apart * self.apart  # when together in an open round
        self.sizes = dict(zip(self.open_rounds, sizes, strict=True))


# ---------------------------------------------------------------------------------------------
# A seed from finite geometry


def _prime_power(n: int) -> tuple[int, int] | None:
    """(p, d) with n = p**d for a prime p, d ≥ 1; None otherwise."""
    for p in range(2, n + 1):
        if n % p == 0:
            d = 0
            while n % p == 0:
                n //= p
                d += 1
            return (p, d) if n == 1 else None
    return None


def affine_rounds(n: int, k: int, rounds: int, *, budget: int = 200_000) -> list[np.ndarray]:
    """Rounds without a repeated pair for n = p^d people in groups of k = p^e (p prime, 1 ≤ e < d),
    from affine geometry: people are the vectors of GF(p)^d; an e-dimensional subspace V splits them
    into its n/k cosets x + V (one round); two people share a group iff their difference lies in V.
    Subspaces that share no non-zero vector therefore never put a pair together twice, so a set of
    them (a partial spread, found here by a depth-first search within `budget` steps) gives that many
    rounds. Returns at most `rounds` tables (groups × k); empty when n and k are not of this form.
    For 32 people in groups of 4 this gives 9 rounds (the largest partial spread of planes in
    GF(2)^5 has 9 members); 10 rounds without a repeat exist but not of this form. Used only for a
    clean start (no history, fixed rounds or changes of presence) when it covers every round."""
    pn, pk = _prime_power(n), _prime_power(k)
    if pn is None or pk is None or pn[0] != pk[0] or not 1 <= pk[1] < pn[1]:
        return []
    p, d = pn
    e = pk[1]
    digits = np.array([[(x // p**i) % p for i in range(d)] for x in range(n)], dtype=np.int64)
    weights = p ** np.arange(d)
    coefficients = np.array([[(c // p**i) % p for i in range(e)] for c in range(k)], dtype=np.int64)

    # Candidate subspaces: spans of random bases, as the set of their non-zero vectors.
    rng = np.random.default_rng(0)
    seen: set[frozenset[int]] = set()
    subspaces: list[frozenset[int]] = []
    tries = misses = 0
    while tries < budget // 10 and misses < 200 + 3 * len(subspaces) and len(subspaces) < 5000:
        tries += 1
        misses += 1
        basis = digits[rng.choice(np.arange(1, n), e, replace=False)]
        span = (coefficients @ basis) % p @ weights
        vectors = frozenset(int(v) for v in span if v)
        if len(vectors) == k - 1 and vectors not in seen:
            seen.add(vectors)
            subspaces.append(vectors)
            misses = 0
    subspaces.sort(key=sorted)

    best: list[frozenset[int]] = []
    chosen: list[frozenset[int]] = []
    steps = 0
    most = (n - 1) // (k - 1)

    def dfs(start: int, used: frozenset[int]) -> bool:
        nonlocal best, steps
        if len(chosen) > len(best):
            best = chosen[:]
        if len(best) >= min(rounds, most):
            return True
        for idx in range(start, len(subspaces)):
            steps += 1
            if steps > budget:
                return True
            if not subspaces[idx] & used:
                chosen.append(subspaces[idx])
                if dfs(idx + 1, used | subspaces[idx]):
                    return True
                chosen.pop()
        return False

    dfs(0, frozenset())
    tables = []
    for vectors in best[:rounds]:
        v = digits[sorted(vectors | {0})]  # k × d
        members = (digits[:, None, :] + v[None, :, :]) % p @ weights  # n × k: the coset of each x
        label = members.min(axis=1)
        groups = [np.flatnonzero(label == g) for g in np.unique(label)]
        tables.append(np.array(groups, dtype=np.int64))
    return tables


# ---------------------------------------------------------------------------------------------
# Search


class _Search:
    """All open rounds at once, as arrays: `table[q]` holds the groups of the q-th open round (groups ×
    largest size, padded with person n, who costs nothing), `group_of[q]` each person's group there
    (−1 when absent). `count` is how often each pair meets (history once, fixed and open rounds)."""

    def __init__(self, prep: _Prepared, rng: np.random.Generator) -> None:
        self.prep, self.rng = prep, rng
        n = prep.n
        self.pad = n
        count = np.zeros((n + 1, n + 1), dtype=np.int64)
        count[:n, :n] += prep.history
        for groups in prep.fixed.values():
            for members in groups:
                ix = np.array(members)
                count[np.ix_(ix, ix)] += 1
        np.fill_diagonal(count, 0)
        self.count = count
        self.baseline = int(np.triu(np.maximum(count - 1, 0), 1).sum())  # repeats no plan can avoid
        self.static = np.zeros((n + 1, n + 1), dtype=np.int64)
        self.static[:n, :n] = prep.pair_cost
        np.fill_diagonal(self.static, 0)
        # Adding one more meeting of a pair costs w·[count ≥ 1] + static; removing one saves
        # w·[count ≥ 2] + static (kept up to date entry by entry in _touch).
        w = prep.w_repeat
        self.add_cost = w * (count >= 1) + self.static
        self.remove_gain = w * (count >= 2) + self.static
        for matrix in (self.add_cost, self.remove_gain):
            np.fill_diagonal(matrix, 0)
            matrix[n, :] = matrix[:, n] = 0
        self.rounds = prep.open_rounds
        q = len(self.rounds)
        self.groups = max((len(prep.sizes[r]) for r in self.rounds), default=0)
        self.width = max((max(prep.sizes[r], default=0) for r in self.rounds), default=0)
        self.table = np.full((q, max(1, self.groups), max(1, self.width)), n, dtype=np.int64)
        self.group_of = np.full((q, n + 1), -1, dtype=np.int64)

    def _touch(self, x: int, members: np.ndarray, step: int) -> None:
        """count[x, members] += step, and the two cost matrices on those entries."""
        members = members[(members != self.pad) & (members != x)]
        self.count[x, members] += step
        self.count[members, x] += step
        w = self.prep.w_repeat
        c = self.count[x, members]
        add = w * (c >= 1) + self.static[x, members]
        rem = w * (c >= 2) + self.static[x, members]
        self.add_cost[x, members] = self.add_cost[members, x] = add
        self.remove_gain[x, members] = self.remove_gain[members, x] = rem

    def _touch_group(self, row: np.ndarray, step: int) -> None:
        """Every pair of one group meets once more (step 1) or once less (step −1)."""
        people = row[row != self.pad]
        for pos in range(len(people) - 1):
            self._touch(int(people[pos]), people[pos + 1 :], step)

    def construct(self) -> None:
        """Each open round in turn: the people with the most earlier encounters first, each into the
        group with room where they add the least cost (random among near ties)."""
        prep = self.prep
        for q, r in enumerate(self.rounds):
            people = np.flatnonzero(prep.present[r])
            sizes = prep.sizes[r]
            g = len(sizes)
            if not g or (self.group_of[q] >= 0).any():  # empty, or already seeded
                continue
            met = (self.count[people][:, : prep.n] > 0).sum(axis=1)
            order = people[np.lexsort((self.rng.random(len(people)), -met))]
            room = np.array(sizes)
            filled = np.zeros(g, dtype=np.int64)
            cost = np.zeros((prep.n + 1, g), dtype=np.int64)  # cost of x joining each group
            for x in order:
                score = np.where(filled < room, cost[x] + self.rng.random(g) * 0.5, np.inf)
                b = int(np.argmin(score))
                self.table[q, b, filled[b]] = x
                filled[b] += 1
                self.group_of[q, x] = b
                cost[:, b] += self.add_cost[:, x]
            for row in self.table[q]:
                self._touch_group(row, 1)

    def seed(self, tables: list[np.ndarray]) -> None:
        """Start the first open rounds from the given groups (person indices, one row per group)."""
        for q, table in enumerate(tables[: len(self.rounds)]):
            for b, row in enumerate(table):
                self.table[q, b, : len(row)] = row
                self.group_of[q, row] = b
                self._touch_group(self.table[q, b], 1)

    def total(self) -> int:
        """The cost of the open rounds: w per avoidable repeat, plus the static cost of every pair
        per open round together."""
        repeats = int(np.triu(np.maximum(self.count - 1, 0), 1).sum()) - self.baseline
        static = 0
        for q in range(len(self.rounds)):
            for row in self.table[q]:
                ix = row[row != self.pad]
                static += int(np.triu(self.static[np.ix_(ix, ix)], 1).sum())
        return self.prep.w_repeat * repeats + static

    def losses(self) -> np.ndarray:
        """(open rounds × people+1): the cost of each person's pairs in their group, what leaving saves."""
        q = np.arange(len(self.rounds))[:, None]
        rows = self.table[q, np.maximum(self.group_of, 0)]  # Q × (n+1) × width
        people = np.arange(self.prep.n + 1)[None, :, None]
        loss = self.remove_gain[people, rows].sum(axis=2)
        loss[self.group_of < 0] = 0
        return loss

    def deltas(self, qs: np.ndarray, people: np.ndarray, loss: np.ndarray) -> np.ndarray:
        """For candidate (round qs[c], person people[c]): the change of cost when swapping them with
        each person j of that round (C × (n+1); inf where j is absent or in the same group)."""
        add, rem = self.add_cost, self.remove_gain
        group_of = self.group_of[qs]  # C × (n+1)
        own = group_of[np.arange(len(qs)), people]
        rows_i = self.table[qs, own]  # C × width: i's group A
        col_a = add[:, rows_i].sum(axis=2).T  # Σ_{a∈A} add[j, a]
        add_i = add[people]  # add[i, j]
        leave = rem[people[:, None], rows_i].sum(axis=1)  # Σ_{a∈A∖i} rem[i, a]
        join = add[people[:, None, None], self.table[qs]].sum(axis=2)  # C × groups: Σ_{b∈B} add[i, b]
        join_j = np.take_along_axis(join, np.maximum(group_of, 0), axis=1)
        delta = (col_a - add_i) - leave[:, None] + (join_j - add_i) - loss[qs]
        ok = (group_of >= 0) & (group_of != own[:, None])
        return np.where(ok, delta.astype(float), np.inf)

    def swap(self, q: int, i: int, j: int) -> None:
        """Swap i and j (in different groups of open round q) and update the pair counts and costs:
        i leaves A∖i and joins B∖j, j the other way round (four disjoint sets of pairs)."""
        a, b = int(self.group_of[q, i]), int(self.group_of[q, j])
        row_a, row_b = self.table[q, a], self.table[q, b]
        rest_a = row_a[(row_a != i) & (row_a != self.pad)]
        rest_b = row_b[(row_b != j) & (row_b != self.pad)]
        la, lb = len(rest_a), len(rest_b)
        xs = np.repeat(np.array([i, j, j, i]), [la, lb, la, lb])
        ys = np.concatenate([rest_a, rest_b, rest_a, rest_b])
        steps = np.repeat(np.array([-1, -1, 1, 1]), [la, lb, la, lb])
        self.count[xs, ys] += steps
        self.count[ys, xs] += steps
        c = self.count[xs, ys]
        static = self.static[xs, ys]
        w = self.prep.w_repeat
        self.add_cost[xs, ys] = self.add_cost[ys, xs] = w * (c >= 1) + static
        self.remove_gain[xs, ys] = self.remove_gain[ys, xs] = w * (c >= 2) + static
        row_a[row_a == i] = j
        row_b[row_b == j] = i
        self.group_of[q, i], self.group_of[q, j] = b, a

    def search(self, deadline: float, max_candidates: int = 96) -> tuple[int, np.ndarray]:
        """Tabu search from the current plan until cost 0 or the deadline; the best cost and table.

        After `stall` steps without a new best the search goes back to the best plan and shakes it
        with a few random swaps; after three such shakes without a new best it starts afresh from a
        new greedy construction (the best plan is kept). When no repeat is left and the mixed pairs
        have not improved for ten stalls, it stops early."""
        prep, rng = self.prep, self.rng
        n, w = prep.n, prep.w_repeat
        cost = self.total()
        best, best_table = cost, self.table.copy()
        movable = np.array([len(prep.sizes[r]) > 1 for r in self.rounds], dtype=bool)
        if cost == 0 or not movable.any():
            return best, best_table
        # Tabu: a person may not go back to the group they just left (in that round) for a few steps.
        left_group = np.full_like(self.group_of, -1)
        until = np.zeros_like(self.group_of)
        step = since_best = shakes = idle = 0
        stall = 200 + 20 * n
        tenure = max(4, int(math.sqrt(n)))
        while cost > 0 and time.monotonic() < deadline:
            if best < w and idle > 10 * stall:
                break  # only mixed pairs are left and they stopped improving long ago
            step += 1
            idle += 1
            loss = self.losses()
            loss[~movable] = 0
            level = w if loss.max() >= w else 1  # repeats (and apart pairs) before mixed pairs
            qs, people = np.nonzero(loss >= level)
            if len(qs) < WIDEN_BELOW:  # few conflicts: let anyone move, so plateaus can be crossed
                qs, people = np.nonzero((self.group_of >= 0) & movable[:, None])
            if len(qs) > max_candidates:
                pick = rng.choice(len(qs), max_candidates, replace=False)
                qs, people = qs[pick], people[pick]
            delta = self.deltas(qs, people, loss)
            group_of = self.group_of[qs]
            own = group_of[np.arange(len(qs)), people]
            back_i = (until[qs, people] > step)[:, None] & (group_of == left_group[qs, people][:, None])
            back_j = (until[qs] > step) & (left_group[qs] == own[:, None])
            allowed = ~(back_i | back_j) | (cost + delta < best)  # aspiration: a new best is allowed
            noisy = np.where(allowed, delta, np.inf) + rng.random(delta.shape) * 0.5  # random ties
            c, j = divmod(int(np.argmin(noisy)), noisy.shape[1])
            if not np.isfinite(noisy[c, j]):
                self._kick(movable, 1)
                cost = self.total()
                continue
            q, i = int(qs[c]), int(people[c])
            left_group[q, i], left_group[q, j] = self.group_of[q, i], self.group_of[q, j]
            self.swap(q, i, j)
            cost += int(delta[c, j])
            until[q, i] = step + 2 + int(rng.integers(tenure))
            until[q, j] = step + 2 + int(rng.integers(tenure))
            if cost < best:
                best, best_table, since_best, shakes, idle = cost, self.table.copy(), 0, 0, 0
                continue
            since_best += 1
            if since_best < stall:
                continue
            since_best = 0
            shakes += 1
            if shakes <= 3:  # back to the best plan, shaken a little
                self.restore(best_table)
                self._kick(movable, max(2, n // 16))
            else:  # start afresh
                self.restore(np.full_like(self.table, self.pad))
                self.construct()
                shakes = 0
            cost = self.total()
            until.fill(0)
        return best, best_table

    def _kick(self, movable: np.ndarray, swaps: int) -> None:
        rounds = np.flatnonzero(movable)
        for _ in range(swaps):
            q = int(rounds[int(self.rng.integers(len(rounds)))])
            people = np.flatnonzero(self.group_of[q, : self.prep.n] >= 0)
            i, j = self.rng.choice(people, 2, replace=False)
            if self.group_of[q, i] != self.group_of[q, j]:
                self.swap(q, int(i), int(j))

    def restore(self, table: np.ndarray) -> None:
        for q in range(len(self.rounds)):
            for row in self.table[q]:
                self._touch_group(row, -1)
        self.table = table.copy()
        self.group_of.fill(-1)
        for q in range(len(self.rounds)):
            for b, row in enumerate(self.table[q]):
                self.group_of[q, row[row != self.pad]] = b
                self._touch_group(row, 1)


# ---------------------------------------------------------------------------------------------
# Solving


def plan_rounds(
    problem: RoundsProblem, *, time_limit: float | None = None, seed: int = 0, geometry: bool = True
) -> RoundsResult:
    """The plan with the fewest repeats (then the fewest mixed pairs) found within `time_limit`
    seconds (default DEFAULT_TIME_LIMIT; the search stops as soon as nothing is left to improve).
    `geometry=False` leaves out the finite-geometry seed (for comparison). InvalidInput when no plan
    keeps every `apart` pair apart."""
    limit = DEFAULT_TIME_LIMIT if time_limit is None else time_limit
    if not limit > 0:
        raise InvalidInput("the time limit must be a positive number of seconds")
    deadline = time.monotonic() + limit
    prep = _Prepared(problem)
    search = _Search(prep, np.random.default_rng(seed))
    if (
        geometry
        and not prep.fixed
        and not prep.history.any()
        and prep.present.all()
        and all(size == prep.k for size in prep.sizes[0])
    ):  # a clean start: seed from finite geometry where it covers every round
        tables = affine_rounds(prep.n, prep.k, prep.n_rounds)
        if len(tables) == prep.n_rounds:
            search.seed(tables)
    search.construct()
    _, table = search.search(deadline)
    open_index = {r: q for q, r in enumerate(prep.open_rounds)}
    rounds: list[list[list[int]]] = []
    for r in range(prep.n_rounds):
        if r in prep.fixed:
            rounds.append([list(g) for g in prep.fixed[r]])
        else:
            rows = [[int(x) for x in row if x != prep.n] for row in table[open_index[r]]]
            rounds.append([row for row in rows if row])
    for r in prep.open_rounds:
        for group in rounds[r]:
            for x, y in combinations(sorted(group), 2):
                if prep.apart[x, y]:
                    raise InvalidInput(
                        f"no plan was found that keeps {prep.ids[x]!r} and {prep.ids[y]!r} apart in round "
                        f"{r + 1} ({len(rounds[r])} group(s) for {int(prep.present[r].sum())} people)"
                    )
    return _evaluate(prep, rounds)


def _evaluate(prep: _Prepared, rounds: list[list[list[int]]]) -> RoundsResult:
    met = prep.history.copy()
    stats = []
    repeated: list[tuple[int, str, str]] = []
    out: list[list[list[str]]] = []
    for r, groups in enumerate(rounds):
        groups = sorted((sorted(g) for g in groups if g), key=lambda g: g[0])
        round_repeats = mixed = 0
        for group in groups:
            for x, y in combinations(group, 2):
                if met[x, y]:
                    round_repeats += 1
                    repeated.append((r + 1, prep.ids[x], prep.ids[y]))
                mixed += int(prep.mismatch[x, y] > 0)
        for group in groups:
            ix = np.array(group)
            met[np.ix_(ix, ix)] = True
        np.fill_diagonal(met, False)
        stats.append(
            RoundStats(r + 1, sum(len(g) for g in groups), len(groups), round_repeats, mixed, r in prep.fixed)
        )
        out.append([[prep.ids[x] for x in g] for g in groups])
    return RoundsResult(
        rounds=out,
        repeats=sum(s.repeats for s in stats),
        mixed=sum(s.mixed for s in stats),
        per_round=stats,
        repeated_pairs=repeated,
    )


def evaluate(problem: RoundsProblem, rounds: list[list[list[str]]]) -> RoundsResult:
    """Repeats and mixed pairs of given rounds (a plan edited by hand), counted as plan_rounds counts."""
    prep = _Prepared(problem)
    as_index = []
    for r, groups in enumerate(rounds, start=1):
        seen: set[int] = set()
        round_ix = []
        for group in groups:
            ix = []
            for pid in group:
                if pid not in prep.index:
                    raise InvalidInput(f"round {r}: unknown person {pid!r}")
                if prep.index[pid] in seen:
                    raise InvalidInput(f"round {r}: {pid!r} is in two groups")
                seen.add(prep.index[pid])
                ix.append(prep.index[pid])
            round_ix.append(ix)
        as_index.append(round_ix)
    return _evaluate(prep, as_index)


# ---------------------------------------------------------------------------------------------
# JSON


def _id_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise InvalidInput(f"{where} must be a list of person ids")
    return value


def _round_map(value: Any, where: str) -> dict[int, Any]:
    if not isinstance(value, dict):
        raise InvalidInput(f'"{where}" must be an object with round numbers ("1", "2", …) as keys')
    out = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key.isdigit():
            raise InvalidInput(f"{where}: {key!r} is not a round number")
        out[int(key)] = item
    return out


def parse(data: Any) -> RoundsProblem:
    """The CLI's JSON shape → RoundsProblem, fully checked.

    {"people": [{"id": "p1", "attributes": {"language": "fi"}}], "group_size": 4, "rounds": 6,
     "history": [["p1", "p2"]], "apart": [["p3", "p4"]], "present": {"2": ["p1", …]},
     "fixed": {"1": [["p1", "p2", "p3", "p4"], …]}, "share": ["language"]}
    """
    if not isinstance(data, dict):
        raise InvalidInput("the input must be a JSON object with people, group_size and rounds")
    unknown = set(data) - {"people", "group_size", "rounds", "history", "apart", "present", "fixed", "share"}
    if unknown:
        raise InvalidInput(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    for key in ("people", "group_size", "rounds"):
        if key not in data:
            raise InvalidInput(f'"{key}" is missing')
    raw_people = data["people"]
    if not isinstance(raw_people, list) or not raw_people:
        raise InvalidInput("people must be a non-empty list")
    people = []
    for n, item in enumerate(raw_people):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            raise InvalidInput(f"people[{n}] needs an id (a non-empty string)")
        extra = set(item) - {"id", "attributes"}
        if extra:
            raise InvalidInput(
                f"person {item['id']!r}: unknown field(s) {', '.join(sorted(map(str, extra)))}"
            )
        attributes = item.get("attributes") or {}
        if not isinstance(attributes, dict) or not all(
            isinstance(v, str | int | float | bool) or v is None for v in attributes.values()
        ):
            raise InvalidInput(f"attributes of {item['id']!r} must map names to values")
        people.append(
            Attendee(item["id"], {str(k): "" if v is None else str(v) for k, v in attributes.items()})
        )
    history: list[tuple[str, str]] = []
    for entry in data.get("history") or []:
        ids = _id_list(entry, "each entry of history")
        history.extend(combinations(ids, 2))
    apart = []
    for entry in data.get("apart") or []:
        ids = _id_list(entry, "each entry of apart")
        if len(ids) != 2:
            raise InvalidInput("each entry of apart must be a pair of ids")
        apart.append((ids[0], ids[1]))
    present = {
        r: _id_list(ids, f"present in round {r}")
        for r, ids in _round_map(data.get("present") or {}, "present").items()
    }
    fixed: dict[int, list[list[str]]] = {}
    for r, groups in _round_map(data.get("fixed") or {}, "fixed").items():
        if not isinstance(groups, list):
            raise InvalidInput(f"fixed round {r} must be a list of groups")
        fixed[r] = [_id_list(g, f"each group of fixed round {r}") for g in groups]
    share = data.get("share") or []
    if not isinstance(share, list) or not all(isinstance(a, str) and a for a in share):
        raise InvalidInput("share must be a list of attribute names")
    for name in share:
        if not any(name in p.attributes for p in people):
            raise InvalidInput(f"share: nobody has the attribute {name!r}")
    problem = RoundsProblem(
        people, data["group_size"], data["rounds"], history, apart, present, fixed, list(share)
    )
    _Prepared(problem)  # every remaining check
    return problem


def result_json(result: RoundsResult) -> dict:
    return {
        "rounds": result.rounds,
        "repeats": result.repeats,
        "mixed": result.mixed,
        "per_round": [
            {
                "round": s.round,
                "present": s.present,
                "groups": s.groups,
                "repeats": s.repeats,
                "mixed": s.mixed,
                "fixed": s.fixed,
            }
            for s in result.per_round
        ],
        "repeated_pairs": [{"round": r, "people": [a, b]} for r, a, b in result.repeated_pairs],
    }


def run_json(data: Any, *, time_limit: float | None = None) -> dict:
    """parse + plan_rounds → {"rounds", "repeats", "mixed", "per_round", "repeated_pairs"}."""
    return result_json(plan_rounds(parse(data), time_limit=time_limit))
