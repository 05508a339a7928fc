"""Group formation: split people into groups of k or k+1 that are diverse inside (anticlustering).

Objective (the anticlustering "diversity" criterion): the sum over groups of the pairwise
dissimilarity of their members, where a pair's dissimilarity is the share of attributes on which the
two differ (every attribute given by anyone counts, each with weight 1/A, so a pair scores 0..1; a
missing attribute is its own value), minus REPEAT_PENALTY for every pair who were in a group before.

Hard constraints, kept in the construction and in every swap and move: everyone in a group speaks one
language at `min_language_level` or better, `apart` pairs never share a group, each `together` list
stays in one group. The search is a swap/move local search with vectorised gains (numpy), run from
several random feasible starts within a time limit; the best split wins.

Bound: per attribute, the pairs that differ in a group are C(size, 2) minus the pairs that share a
value; the shared pairs are at least what an even spread of each value over the groups gives
(sum of C(n, 2) is convex), so `bound` = sum over attributes of weight × (sum of C(size, 2) −
even-spread shared pairs). Repeats only lower the objective, so this is an upper bound on it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

from polku.matching import cefr
from polku.matching.errors import InvalidInput

REPEAT_PENALTY = 1.0  # one repeated pair costs as much as one completely different pair gains
_EPS = 1e-9


@dataclass(frozen=True)
class Member:
    id: str
    attributes: dict[str, str] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GroupProblem:
    people: list[Member]
    group_size: int
    min_language_level: str | None = None
    apart: list[tuple[str, str]] = field(default_factory=list)
    together: list[list[str]] = field(default_factory=list)
    history: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class GroupStats:
    members: list[str]
    diversity: float
    language: str | None
    repeats: int
    violations: list[str]


@dataclass(frozen=True)
class GroupResult:
    groups: list[list[str]]
    objective: float
    bound: float
    stats: list[GroupStats]


# ---------------------------------------------------------------------------------------------
# The problem as arrays


class _Prepared:
    """Indices, matrices and checks derived once from a GroupProblem."""

    def __init__(self, problem: GroupProblem) -> None:
        people = problem.people
        ids = [p.id for p in people]
        seen: set[str] = set()
        dupes = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
        if dupes:
            raise InvalidInput(f"duplicate person ids: {', '.join(dupes)}")
        n = len(ids)
        k = problem.group_size
        if not isinstance(k, int) or isinstance(k, bool) or k < 2:
            raise InvalidInput("group_size must be a whole number of at least 2")
        if k > n:
            raise InvalidInput(f"group_size {k} is larger than the number of people ({n})")
        g = n // k
        extra = n - g * k
        if extra > g:
            raise InvalidInput(
                f"{n} people cannot be split into groups of {k} or {k + 1}; choose another group size"
            )
        self.problem = problem
        self.ids = ids
        self.index = {pid: i for i, pid in enumerate(ids)}
        self.n, self.k, self.g, self.extra = n, k, g, extra

        def idx(pid: Any, what: str) -> int:
            if pid not in self.index:
                raise InvalidInput(f"unknown person id {pid!r} in {what}")
            return self.index[pid]

        # Dissimilarity: share of attributes that differ.
        names = sorted({a for p in people for a in p.attributes})
        self.attributes = names
        self.weight = 1.0 / len(names) if names else 0.0
        self.codes = np.zeros((n, len(names)), dtype=np.int64)
        self.value_counts: list[list[int]] = []
        for a, name in enumerate(names):
            values: dict[str, int] = {}
            for i, p in enumerate(people):
                self.codes[i, a] = values.setdefault(str(p.attributes.get(name, "")), len(values))
            self.value_counts.append(np.bincount(self.codes[:, a], minlength=len(values)).tolist())
        d = np.zeros((n, n))
        for a in range(len(names)):
            col = self.codes[:, a]
            d += col[:, None] != col[None, :]
        self.dissimilarity = d * self.weight

        # History: distinct pairs who met before.
        self.met = np.zeros((n, n), dtype=bool)
        for pair in problem.history:
            members = [idx(pid, "history") for pid in pair]
            for x, y in combinations(members, 2):
                if x != y:
                    self.met[x, y] = self.met[y, x] = True
        self.weights = self.dissimilarity - REPEAT_PENALTY * self.met

        # Apart.
        self.apart = np.zeros((n, n), dtype=np.int64)
        for pair in problem.apart:
            if len(pair) != 2:
                raise InvalidInput("each entry of apart must be a pair of ids")
            x, y = idx(pair[0], "apart"), idx(pair[1], "apart")
            if x == y:
                raise InvalidInput(f"{pair[0]!r} cannot be kept apart from themself")
            self.apart[x, y] = self.apart[y, x] = 1

        # Together: union of overlapping lists into blocks.
        parent = list(range(n))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for group in problem.together:
            members = [idx(pid, "together") for pid in group]
            for x in members[1:]:
                parent[find(x)] = find(members[0])
        blocks: dict[int, list[int]] = {}
        for i in range(n):
            blocks.setdefault(find(i), []).append(i)
        self.blocks = [b for b in blocks.values() if len(b) > 1]
        self.block_of = np.full(n, -1)
        for b, members in enumerate(self.blocks):
            if len(members) > k + 1:
                raise InvalidInput(
                    f"together asks for {len(members)} people in one group, more than the largest group ({k + 1})"
                )
            for x, y in combinations(members, 2):
                if self.apart[x, y]:
                    raise InvalidInput(f"{ids[x]!r} and {ids[y]!r} are asked to be both apart and together")
            self.block_of[members] = b

        # Languages: who qualifies in which language.
        self.level = problem.min_language_level
        if self.level is not None:
            cefr.rank(self.level)
            langs = sorted(
                {lang for p in people for lang, lv in p.languages.items() if cefr.at_least(lv, self.level)}
            )
            self.languages = langs
            self.qualified = np.zeros((n, len(langs)), dtype=np.int64)
            for i, p in enumerate(people):
                for j, lang in enumerate(langs):
                    if lang in p.languages and cefr.at_least(p.languages[lang], self.level):
                        self.qualified[i, j] = 1
            nobody = [ids[i] for i in range(n) if not self.qualified[i].any()]
            if nobody:
                raise InvalidInput(
                    f"no language at {self.level} or above for: {', '.join(nobody[:10])}"
                    + (" …" if len(nobody) > 10 else "")
                )
            for members in self.blocks:
                if not self.qualified[members].all(axis=0).any():
                    raise InvalidInput(
                        "people asked to be together share no language at "
                        f"{self.level}: {', '.join(ids[m] for m in members)}"
                    )
            # A language everyone speaks makes the constraint void; drop it for speed.
            if self.qualified.all(axis=0).any():
                self.qualified = np.zeros((n, 0), dtype=np.int64)
        else:
            self.languages = []
            self.qualified = np.zeros((n, 0), dtype=np.int64)

    def bound(self) -> float:
        sizes = [self.k + 1] * self.extra + [self.k] * (self.g - self.extra)
        pairs = sum(s * (s - 1) // 2 for s in sizes)
        total = 0.0
        for counts in self.value_counts:
            shared = 0
            for m in counts:
                q, rem = divmod(m, self.g)
                shared += rem * (q + 1) * q // 2 + (self.g - rem) * q * (q - 1) // 2
            total += pairs - shared
        return total * self.weight


# ---------------------------------------------------------------------------------------------
# Search state


class _State:
    def __init__(self, prep: _Prepared, group: np.ndarray) -> None:
        self.p = prep
        self.group = group.copy()
        g = prep.g
        onehot = np.zeros((prep.n, g))
        onehot[np.arange(prep.n), group] = 1.0
        self.sum_w = prep.weights @ onehot  # n × g: weight of i to the members of each group
        self.sum_apart = prep.apart @ onehot  # n × g: apart partners of i in each group
        self.size = np.bincount(group, minlength=g)
        self.lang = onehot.T @ prep.qualified  # g × L: members qualified in each language

    def objective(self) -> float:
        return float(self.sum_w[np.arange(self.p.n), self.group].sum() / 2)

    def lang_missing(self) -> np.ndarray:
        if self.p.qualified.shape[1] == 0:
            return np.zeros(self.p.g)
        return self.size - self.lang.max(axis=1)

    def violations(self) -> float:
        apart_pairs = self.sum_apart[np.arange(self.p.n), self.group].sum() / 2
        return float(self.lang_missing().sum() + apart_pairs)

    def apply_swap(self, i: int, j: int) -> None:
        a, b = self.group[i], self.group[j]
        w, ap, q = self.p.weights, self.p.apart, self.p.qualified
        self.sum_w[:, a] += w[:, j] - w[:, i]
        self.sum_w[:, b] += w[:, i] - w[:, j]
        self.sum_apart[:, a] += ap[:, j] - ap[:, i]
        self.sum_apart[:, b] += ap[:, i] - ap[:, j]
        self.lang[a] += q[j] - q[i]
        self.lang[b] += q[i] - q[j]
        self.group[i], self.group[j] = b, a

    def apply_move(self, i: int, b: int) -> None:
        a = self.group[i]
        w, ap, q = self.p.weights, self.p.apart, self.p.qualified
        self.sum_w[:, a] -= w[:, i]
        self.sum_w[:, b] += w[:, i]
        self.sum_apart[:, a] -= ap[:, i]
        self.sum_apart[:, b] += ap[:, i]
        self.lang[a] -= q[i]
        self.lang[b] += q[i]
        self.size[a] -= 1
        self.size[b] += 1
        self.group[i] = b

    # Candidate swaps of person i with everyone: (gain in objective, violations after) per j.
    def swap_candidates(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        p = self.p
        a = self.group[i]
        grp = self.group
        rows = np.arange(p.n)
        gain = (
            self.sum_w[:, a]
            + self.sum_w[i, grp]
            - self.sum_w[i, a]
            - self.sum_w[rows, grp]
            - 2 * p.weights[i]
        )
        # Apart pairs after the swap in a and in j's group, minus before.
        ap_before = self.sum_apart[i, a] + self.sum_apart[rows, grp]
        ap_after = (self.sum_apart[:, a] - p.apart[i]) + (self.sum_apart[i, grp] - p.apart[i])
        viol_delta = ap_after - ap_before
        if p.qualified.shape[1]:
            q = p.qualified
            miss_a_before = self.size[a] - self.lang[a].max()
            miss_b_before = self.size[grp] - self.lang[grp].max(axis=1)
            miss_a_after = self.size[a] - (self.lang[a] - q[i] + q).max(axis=1)
            miss_b_after = self.size[grp] - (self.lang[grp] - q + q[i]).max(axis=1)
            viol_delta = viol_delta + miss_a_after + miss_b_after - miss_a_before - miss_b_before
        allowed = (grp != a) & (p.block_of == -1)
        return gain, viol_delta, allowed

    def move_candidates(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        p = self.p
        a = self.group[i]
        gain = self.sum_w[i] - self.sum_w[i, a]
        viol_delta = self.sum_apart[i] - self.sum_apart[i, a]
        if p.qualified.shape[1]:
            q = p.qualified
            before = (self.size - self.lang.max(axis=1)) + (self.size[a] - self.lang[a].max())
            after = (self.size + 1 - (self.lang + q[i]).max(axis=1)) + (
                self.size[a] - 1 - (self.lang[a] - q[i]).max()
            )
            viol_delta = viol_delta + after - before
        allowed = (self.size == p.k) & (self.size[a] == p.k + 1) & (p.block_of[i] == -1)
        allowed[a] = False
        return gain, viol_delta, allowed


def _construct(prep: _Prepared, rng: np.random.Generator) -> np.ndarray:
    """A random start: blocks first, then everyone else, each to a group with room that adds the
    fewest violations (ties at random)."""
    n, g, k = prep.n, prep.g, prep.k
    group = np.full(n, -1)
    size = np.zeros(g, dtype=np.int64)
    big_left = prep.extra
    lang = np.zeros((g, prep.qualified.shape[1]))
    apart_in = np.zeros((n, g))
    units = sorted(prep.blocks, key=len, reverse=True)
    singles = [i for i in rng.permutation(n) if prep.block_of[i] == -1]
    if prep.qualified.shape[1]:
        singles.sort(key=lambda i: prep.qualified[i].sum())  # the least flexible first
    for unit in units + [[i] for i in singles]:
        m = len(unit)
        room = (size + m <= k) | ((size + m == k + 1) & (big_left > 0))
        cost = apart_in[unit].sum(axis=0).astype(float)
        if lang.shape[1]:
            q = prep.qualified[unit].sum(axis=0)
            cost += (size + m) - (lang + q).max(axis=1)
        cost = np.where(room, cost + rng.random(g) * 0.5, np.inf)
        b = int(np.argmin(cost))
        if not np.isfinite(cost[b]):
            raise InvalidInput("the together lists cannot be fitted into groups of the given size")
        group[unit] = b
        if size[b] + m == k + 1:
            big_left -= 1
        size[b] += m
        if lang.shape[1]:
            lang[b] += prep.qualified[unit].sum(axis=0)
        apart_in[:, b] += prep.apart[:, unit].sum(axis=1)
    return group


def _repair(state: _State, rng: np.random.Generator, max_rounds: int = 60) -> bool:
    """Swap and move until no constraint is broken; False if stuck."""
    p = state.p
    for _ in range(max_rounds):
        if state.violations() < 0.5:
            return True
        improved = False
        bad_groups = np.where(
            (state.lang_missing() > 0)
            | (
                np.bincount(state.group, weights=state.sum_apart[np.arange(p.n), state.group], minlength=p.g)
                > 0
            )
        )[0]
        for i in rng.permutation(np.where(np.isin(state.group, bad_groups) & (p.block_of == -1))[0]):
            gain, dv, allowed = state.swap_candidates(int(i))
            score = np.where(allowed & (dv < -0.5), dv * 1000 - gain, np.inf)
            j = int(np.argmin(score))
            if np.isfinite(score[j]):
                state.apply_swap(int(i), j)
                improved = True
                continue
            gain, dv, allowed = state.move_candidates(int(i))
            score = np.where(allowed & (dv < -0.5), dv * 1000 - gain, np.inf)
            b = int(np.argmin(score))
            if np.isfinite(score[b]):
                state.apply_move(int(i), b)
                improved = True
        if not improved:
            # Shake: swap a few random singles to leave the local minimum (none to shake when fewer than
            # two people stand alone: everyone else is in a block that moves as one).
            singles = np.where(p.block_of == -1)[0]
            if len(singles) < 2:
                break
            for _ in range(max(2, p.n // 20)):
                i, j = rng.choice(singles, 2, replace=False)
                if state.group[i] != state.group[j]:
                    state.apply_swap(int(i), int(j))
    return state.violations() < 0.5


def _improve(state: _State, rng: np.random.Generator, deadline: float) -> None:
    """First-improvement local search over swaps and moves that keep every constraint."""
    p = state.p
    singles = np.where(p.block_of == -1)[0]
    while time.monotonic() < deadline:
        improved = False
        for i in rng.permutation(singles):
            i = int(i)
            gain, dv, allowed = state.swap_candidates(i)
            gain = np.where(allowed & (dv < 0.5), gain, -np.inf)
            j = int(np.argmax(gain))
            best = gain[j]
            mgain, mdv, mallowed = state.move_candidates(i)
            mgain = np.where(mallowed & (mdv < 0.5), mgain, -np.inf)
            b = int(np.argmax(mgain))
            if mgain[b] > best and mgain[b] > _EPS:
                state.apply_move(i, b)
                improved = True
            elif best > _EPS:
                state.apply_swap(i, j)
                improved = True
            if time.monotonic() >= deadline:
                return
        if not improved:
            return


def _groups_of(prep: _Prepared, group: np.ndarray) -> list[list[str]]:
    members: list[list[int]] = [[] for _ in range(prep.g)]
    for i, b in enumerate(group):
        members[b].append(i)
    out = [sorted(prep.ids[i] for i in m) for m in members if m]
    return sorted(out, key=lambda m: m[0])


def form_groups(
    problem: GroupProblem, *, restarts: int = 10, time_limit: float = 3.0, seed: int = 0
) -> GroupResult:
    """The most diverse valid split found from `restarts` random starts within `time_limit` seconds
    (the first start always runs to a valid split). InvalidInput when none can be found."""
    started = time.monotonic()
    prep = _Prepared(problem)
    deadline = started + time_limit
    best: np.ndarray | None = None
    best_value = -np.inf
    attempts = 0
    for r in range(max(1, restarts) * 3):
        if best is not None and (time.monotonic() >= deadline or r >= restarts):
            break
        if best is None and attempts >= max(5, restarts) and time.monotonic() >= deadline:
            break
        rng = np.random.default_rng([seed, r])
        attempts += 1
        state = _State(prep, _construct(prep, rng))
        if not _repair(state, rng):
            continue
        _improve(state, rng, deadline if best is not None else max(deadline, time.monotonic() + 1.0))
        value = state.objective()
        if value > best_value + _EPS:
            best, best_value = state.group.copy(), value
    if best is None:
        raise InvalidInput(_why_infeasible(prep))
    return _evaluate(prep, _groups_of(prep, best))


def _why_infeasible(prep: _Prepared) -> str:
    if prep.qualified.shape[1]:
        counts = ", ".join(
            f"{lang}: {int(c)}" for lang, c in zip(prep.languages, prep.qualified.sum(axis=0), strict=True)
        )
        return (
            f"no split was found in which every group of {prep.k} or {prep.k + 1} shares a language at "
            f"{prep.level} (people per language: {counts}); lower the level or change the group size"
        )
    return "no split was found that keeps every apart pair apart; remove some apart pairs"


def _evaluate(prep: _Prepared, groups: list[list[str]]) -> GroupResult:
    seen: set[str] = set()
    for members in groups:
        for pid in members:
            if pid not in prep.index:
                raise InvalidInput(f"unknown person id {pid!r} in groups")
            if pid in seen:
                raise InvalidInput(f"{pid!r} is in more than one group")
            seen.add(pid)
    missing = [pid for pid in prep.ids if pid not in seen]
    if missing:
        raise InvalidInput(f"not in any group: {', '.join(missing[:10])}")
    people = prep.problem.people
    stats = []
    objective = 0.0
    for members in groups:
        ix = [prep.index[pid] for pid in members]
        sub = np.ix_(ix, ix)
        diversity = float(np.triu(prep.dissimilarity[sub], 1).sum())
        repeats = int(np.triu(prep.met[sub], 1).sum())
        violations: list[str] = []
        if not prep.k <= len(ix) <= prep.k + 1:
            violations.append(f"size {len(ix)} is not {prep.k} or {prep.k + 1}")
        language = _shared_language([people[i].languages for i in ix], prep.level)
        if prep.level is not None and language is None:
            violations.append(f"no shared language at {prep.level}")
        for x, y in combinations(ix, 2):
            if prep.apart[x, y]:
                violations.append(f"{prep.ids[x]} and {prep.ids[y]} must be apart")
        for block in prep.blocks:
            inside = [b for b in block if b in ix]
            if inside and len(inside) < len(block):
                violations.append(f"{', '.join(prep.ids[b] for b in block)} must be together")
        objective += diversity - REPEAT_PENALTY * repeats
        stats.append(GroupStats(list(members), round(diversity, 6), language, repeats, violations))
    return GroupResult([list(m) for m in groups], round(objective, 6), round(prep.bound(), 6), stats)


def _shared_language(languages: list[dict[str, str]], level: str | None) -> str | None:
    """The language all speak at `level` (or at all); the one with the best weakest level, then by code."""
    if not languages:
        return None
    common = set(languages[0])
    for langs in languages[1:]:
        common &= set(langs)
    floor = cefr.rank(level) if level else 1
    scored = []
    for lang in common:
        weakest = min(cefr.rank(langs[lang]) for langs in languages)
        if weakest >= floor:
            scored.append((-weakest, lang))
    return min(scored)[1] if scored else None


def evaluate(problem: GroupProblem, groups: list[list[str]]) -> GroupResult:
    """Score a given split (a coordinator's edit): diversity, language, repeats and violations per group."""
    return _evaluate(_Prepared(problem), groups)


# ---------------------------------------------------------------------------------------------
# JSON


def _ids(value: Any, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise InvalidInput(f"each entry of {what} must be a list of person ids")
    return value


def parse(data: dict) -> GroupProblem:
    if not isinstance(data, dict):
        raise InvalidInput("input must be a JSON object")
    people_in = data.get("people")
    if not isinstance(people_in, list) or not people_in:
        raise InvalidInput("people must be a non-empty list")
    people = []
    for n, p in enumerate(people_in):
        if not isinstance(p, dict) or not isinstance(p.get("id"), str) or not p["id"]:
            raise InvalidInput(f"people[{n}] needs an id (a non-empty string)")
        attributes = p.get("attributes", {}) or {}
        languages = p.get("languages", {}) or {}
        if not isinstance(attributes, dict) or not all(
            isinstance(v, str | int | float | bool) or v is None for v in attributes.values()
        ):
            raise InvalidInput(f"attributes of {p['id']!r} must map names to values")
        if not isinstance(languages, dict) or not all(isinstance(v, str) for v in languages.values()):
            raise InvalidInput(f"languages of {p['id']!r} must map language codes to CEFR levels")
        for level in languages.values():
            cefr.rank(level)
        people.append(
            Member(
                p["id"],
                {str(k): "" if v is None else str(v) for k, v in attributes.items()},
                {str(k): v for k, v in languages.items()},
            )
        )
    size = data.get("group_size")
    if not isinstance(size, int) or isinstance(size, bool):
        raise InvalidInput("group_size must be a whole number")
    level = data.get("min_language_level")
    if level is not None:
        if not isinstance(level, str):
            raise InvalidInput("min_language_level must be a CEFR level such as B1")
        cefr.rank(level)
    apart = []
    for pair in data.get("apart", []) or []:
        ids = _ids(pair, "apart")
        if len(ids) != 2:
            raise InvalidInput("each entry of apart must be a pair of ids")
        apart.append((ids[0], ids[1]))
    together = [_ids(t, "together") for t in data.get("together", []) or []]
    history: list[tuple[str, str]] = []
    for entry in data.get("history", []) or []:
        ids = _ids(entry, "history")
        history.extend(combinations(ids, 2))
    return GroupProblem(people, size, level, apart, together, history)


def run_json(data: dict) -> dict:
    problem = parse(data)
    result = form_groups(
        problem,
        restarts=int(data.get("restarts", 10)),
        time_limit=float(data.get("time_limit", 3.0)),
        seed=int(data.get("seed", 0)),
    )
    return {
        "groups": result.groups,
        "objective": result.objective,
        "bound": result.bound,
        "stats": [
            {
                "members": s.members,
                "diversity": s.diversity,
                "language": s.language,
                "repeats": s.repeats,
                "violations": s.violations,
            }
            for s in result.stats
        ],
    }
