"""Event meeting scheduler: every rule holds, reasons are true, the optimum matches brute force, the bound
holds, bad input is one clear message."""

import itertools
import random

import pytest

from polku.matching import schedule as sc
from polku.matching.errors import InvalidInput


def problem(slots, tables, people, meetings, fixed=()):
    """people: {id: [slots] or None}; meetings: [(id, [people], priority)]; fixed: [(meeting, slot, table)]."""
    return sc.ScheduleProblem(
        slots=list(slots),
        tables=tables,
        people=[sc.Person(pid, None if av is None else frozenset(av)) for pid, av in people.items()],
        meetings=[sc.Meeting(mid, tuple(members), prio) for mid, members, prio in meetings],
        fixed=[sc.Placement(m, s, t) for m, s, t in fixed],
    )


def check(p: sc.ScheduleProblem, result: sc.ScheduleResult) -> None:
    """Every rule of the schedule, the totals, and that every reason is true of the final schedule."""
    available = {
        person.id: set(p.slots) if person.available is None else person.available for person in p.people
    }
    members = {m.id: m.people for m in p.meetings}
    priority = {m.id: m.priority for m in p.meetings}
    where = {pl.meeting: pl.slot for pl in result.placed}
    assert len(where) == len(result.placed), "a meeting placed twice"
    assert {u.meeting for u in result.unplaced} == set(members) - set(where)
    seats = [(pl.slot, pl.table) for pl in result.placed]
    assert len(set(seats)) == len(seats), "two meetings at one table"
    assert all(1 <= pl.table <= p.tables for pl in result.placed)
    busy: dict[tuple[str, str], str] = {}
    for pl in result.placed:
        for person in members[pl.meeting]:
            assert pl.slot in available[person], f"{person} is not available in {pl.slot}"
            assert (person, pl.slot) not in busy, f"{person} twice in {pl.slot}"
            busy[(person, pl.slot)] = pl.meeting
    for f in p.fixed:
        assert sc.Placement(f.meeting, f.slot, f.table) in result.placed
    assert result.total_priority == sum(priority[m] for m in where)
    assert result.total_priority <= result.upper_bound
    assert result.optimal == (result.total_priority == result.upper_bound)
    load = {s: sum(1 for pl in result.placed if pl.slot == s) for s in p.slots}
    for u in result.unplaced:
        people = list(members[u.meeting])
        assert u.people == people and u.reason
        shared = [s for s in p.slots if all(s in available[x] for x in people)]
        free = [s for s in shared if all((x, s) not in busy for x in people)]
        if u.code == sc.NO_COMMON_SLOT:
            assert not shared
        elif u.code == sc.SLOTS_TAKEN:
            assert shared and not free and u.slots == shared
            for conflict in u.conflicts:
                assert conflict.people and all(
                    busy[(x, conflict.slot)] in conflict.meetings for x in conflict.people
                )
        else:
            assert u.code == sc.TABLES_FULL
            assert free and u.slots == free
            assert all(load[s] == p.tables for s in free)
        # Maximal: nothing unplaced would fit as the schedule stands.
        assert not any(load[s] < p.tables for s in free)


def brute_force(p: sc.ScheduleProblem) -> int:
    """The best total priority over every choice of slot (or none) per meeting."""
    available = {
        person.id: set(p.slots) if person.available is None else person.available for person in p.people
    }
    fixed = {f.meeting: f.slot for f in p.fixed}
    best = -1
    options = [[fixed[m.id]] if m.id in fixed else [None, *p.slots] for m in p.meetings]
    for choice in itertools.product(*options):
        busy: set[tuple[str, str]] = set()
        load: dict[str, int] = {}
        ok = True
        total = 0
        for meeting, slot in zip(p.meetings, choice, strict=True):
            if slot is None:
                continue
            load[slot] = load.get(slot, 0) + 1
            for x in meeting.people:
                if slot not in available[x] or (x, slot) in busy:
                    ok = False
                busy.add((x, slot))
            total += meeting.priority
        if ok and all(v <= p.tables for v in load.values()):
            best = max(best, total)
    return best


def random_problem(rng: random.Random, n_meetings: int = 7) -> sc.ScheduleProblem:
    slots = [f"s{i}" for i in range(rng.randint(1, 3))]
    people = {
        f"p{i}": None if rng.random() < 0.4 else rng.sample(slots, rng.randint(0, len(slots)))
        for i in range(5)
    }
    meetings = []
    for m in range(n_meetings):
        members = rng.sample(sorted(people), rng.choice([2, 2, 2, 3, 4]))
        meetings.append((f"m{m}", members, rng.randint(1, 3)))
    return problem(slots, rng.randint(1, 3), people, meetings)


@pytest.mark.parametrize("seed", range(40))
def test_optimum_matches_brute_force(seed):
    p = random_problem(random.Random(seed))
    optimum = brute_force(p)
    result = sc.solve(p)
    check(p, result)
    assert result.total_priority == optimum
    assert result.optimal and result.gap == 0.0
    for method in ("greedy", "heuristic"):
        other = sc.solve(p, method=method)
        check(p, other)
        assert other.total_priority <= optimum <= other.upper_bound


@pytest.mark.parametrize("seed", range(10))
def test_fixed_placements_stay_and_the_rest_is_optimal(seed):
    rng = random.Random(100 + seed)
    p = random_problem(rng, n_meetings=6)
    # Fix the first meeting that can go somewhere, at the last table of its first shared slot.
    available = {x.id: set(p.slots) if x.available is None else x.available for x in p.people}
    for m in p.meetings:
        shared = [s for s in p.slots if all(s in available[x] for x in m.people)]
        if shared:
            p = sc.ScheduleProblem(
                p.slots, p.tables, p.people, p.meetings, [sc.Placement(m.id, shared[0], p.tables)]
            )
            break
    result = sc.solve(p)
    check(p, result)
    assert result.total_priority == brute_force(p)


def test_reasons_name_the_people_and_the_slots():
    p = problem(
        ["s1", "s2"],
        1,
        {"ana": ["s1"], "bo": ["s2"], "cy": ["s1"], "dan": ["s1"], "eve": None, "fay": None},
        [
            ("apart", ["ana", "bo"], 3),  # no slot in common
            ("first", ["ana", "cy"], 3),  # s1, the only slot of ana and cy
            ("second", ["cy", "dan"], 1),  # s1 is cy's only slot, taken by "first"
            ("busy", ["eve", "fay"], 1),  # both free in s2? no: s2 goes to "other"; s1 is full
            ("other", ["bo", "eve"], 2),
        ],
    )
    result = sc.solve(p)
    check(p, result)
    reasons = {u.meeting: u for u in result.unplaced}
    assert reasons["apart"].code == "no_common_slot"
    assert reasons["apart"].reason == "ana and bo share no slot in which all of them are available"
    assert reasons["second"].code == "slots_taken"
    assert reasons["second"].reason == "every slot cy and dan share is taken by their other meetings"
    assert reasons["second"].conflicts == [sc.Conflict("s1", ["cy"], ["first"])]
    assert reasons["busy"].code == "tables_full"
    assert reasons["busy"].slots == ["s1"]
    assert reasons["busy"].reason == "all tables are full in the slots eve and fay share and have free"
    out = sc.result_json(result)
    assert {"meeting": "second", "code": "slots_taken"}.items() <= next(
        u for u in out["unplaced"] if u["meeting"] == "second"
    ).items()


def test_three_people_are_named_in_one_sentence():
    p = problem(["s1"], 1, {"a": ["s1"], "b": ["s1"], "c": []}, [("m", ["a", "b", "c"], 1)])
    (reason,) = sc.solve(p).unplaced
    assert reason.reason == "a, b and c share no slot in which all of them are available"


def test_fixed_tables_are_kept_and_the_others_take_free_numbers():
    p = problem(
        ["s1"],
        3,
        {f"p{i}": None for i in range(6)},
        [("a", ["p0", "p1"], 1), ("b", ["p2", "p3"], 1), ("c", ["p4", "p5"], 1)],
        fixed=[("b", "s1", 1)],
    )
    result = sc.solve(p)
    check(p, result)
    assert result.placed == [
        sc.Placement("b", "s1", 1),
        sc.Placement("a", "s1", 2),
        sc.Placement("c", "s1", 3),
    ]


def test_higher_priority_wins_a_contested_person():
    p = problem(
        ["s1", "s2"],
        5,
        {"star": None, "a": None, "b": None, "c": None},
        [("low", ["star", "a"], 1), ("high", ["star", "b"], 3), ("mid", ["star", "c"], 2)],
    )
    result = sc.solve(p)
    assert {pl.meeting for pl in result.placed} == {"high", "mid"}
    assert result.total_priority == 5 and result.optimal


def test_greedy_is_beaten_where_its_first_choice_blocks_a_table():
    # Greedy places the priority-3 meeting first, into s1 (no member is wanted elsewhere, s1 comes
    # first); with one table, c and d (only free in s1) are then left out. The optimum uses s2.
    p = problem(
        ["s1", "s2"],
        1,
        {"a": None, "b": None, "c": ["s1"], "d": ["s1"]},
        [("ab", ["a", "b"], 3), ("cd", ["c", "d"], 2)],
    )
    greedy = sc.greedy(p)
    check(p, greedy)
    assert greedy.total_priority == 3 and not greedy.optimal
    assert greedy.unplaced[0].code == "tables_full"
    result = sc.solve(p)
    check(p, result)
    assert result.total_priority == 5 and result.optimal


def test_a_larger_event_keeps_every_rule():
    rng = random.Random(7)
    slots = [f"s{i}" for i in range(8)]
    people = {f"p{i}": None if rng.random() < 0.6 else rng.sample(slots, 5) for i in range(80)}
    meetings = []
    for m in range(300):
        meetings.append((f"m{m}", rng.sample(sorted(people), rng.choice([2, 2, 2, 3])), rng.randint(1, 3)))
    p = problem(slots, 12, people, meetings)
    for method in ("greedy", "heuristic", "auto"):
        result = sc.solve(p, method=method, time_limit=2)
        check(p, result)
        assert result.gap == pytest.approx(
            (result.upper_bound - result.total_priority) / result.upper_bound, abs=1e-6
        )
    assert sc.solve(p, method="greedy").total_priority <= result.total_priority


def test_run_json_shape_and_missing_availability_means_every_slot():
    data = {
        "slots": ["s1", "s2"],
        "tables": 40,
        "people": [{"id": "p1", "available": ["s2"]}, {"id": "p2"}],
        "meetings": [
            {"id": "m1", "people": ["p1", "p2"], "priority": 2},
            {"id": "m2", "people": ["p2", "p1"]},
        ],
    }
    out = sc.run_json(data)
    assert out["placed"] == [{"meeting": "m1", "slot": "s2", "table": 1}]
    assert out["unplaced"] == [
        {
            "meeting": "m2",
            "reason": "every slot p2 and p1 share is taken by their other meetings",
            "code": "slots_taken",
            "people": ["p2", "p1"],
            "slots": ["s2"],
            "conflicts": [{"slot": "s2", "people": ["p2", "p1"], "meetings": ["m1"]}],
        }
    ]
    assert out["total_priority"] == 2 and out["upper_bound"] == 2 and out["optimal"] is True
    assert out["method"] in {"greedy", "heuristic", "cp-sat"} and out["bound_method"] in {"lp", "cp-sat"}


BASE = {
    "slots": ["s1", "s2"],
    "tables": 2,
    "people": [{"id": "a"}, {"id": "b"}, {"id": "c", "available": ["s1"]}],
    "meetings": [{"id": "m1", "people": ["a", "b"], "priority": 1}, {"id": "m2", "people": ["a", "c"]}],
}

INVALID = [
    ([], "must be a JSON object"),
    ({k: v for k, v in BASE.items() if k != "tables"}, '"tables" is missing'),
    (BASE | {"extra": 1}, "unknown field"),
    (BASE | {"slots": []}, "slots must be a non-empty list"),
    (BASE | {"slots": ["s1", "s1"]}, "duplicate id 's1'"),
    (BASE | {"tables": 0}, "tables must be a whole number of at least 1"),
    (BASE | {"tables": True}, "tables must be a whole number"),
    (BASE | {"tables": "2"}, "tables must be a whole number"),
    (BASE | {"people": [{"id": "a"}, {"id": "a"}]}, "people: duplicate id 'a'"),
    (BASE | {"people": [{"id": "a", "available": ["s9"]}]}, "unknown slot 's9'"),
    (BASE | {"people": [{"id": "a", "available": "s1"}]}, "available must be a list"),
    (BASE | {"people": [{"id": "a", "phone": 1}]}, "unknown field"),
    (BASE | {"meetings": [{"id": "m1", "people": ["a", "zz"]}]}, "unknown person 'zz'"),
    (BASE | {"meetings": [{"id": "m1", "people": ["a"]}]}, "2 to 4 people"),
    (BASE | {"meetings": [{"id": "m1", "people": ["a", "b", "c", "a", "b"]}]}, "2 to 4 people"),
    (BASE | {"meetings": [{"id": "m1", "people": ["a", "a"]}]}, "listed twice"),
    (BASE | {"meetings": [{"id": "m1", "people": ["a", "b"], "priority": 4}]}, "priority must be 1, 2 or 3"),
    (BASE | {"meetings": [{"id": "m1", "people": ["a", "b"], "priority": 0}]}, "priority must be 1, 2 or 3"),
    (
        BASE | {"meetings": [{"id": "m1", "people": ["a", "b"], "priority": 2.0}]},
        "priority must be 1, 2 or 3",
    ),
    (
        BASE | {"meetings": [{"id": "m1", "people": ["a", "b"]}, {"id": "m1", "people": ["a", "c"]}]},
        "duplicate id 'm1'",
    ),
    (BASE | {"fixed": [{"meeting": "m9", "slot": "s1", "table": 1}]}, "unknown meeting 'm9'"),
    (BASE | {"fixed": [{"meeting": "m1", "slot": "s9", "table": 1}]}, "unknown slot 's9'"),
    (BASE | {"fixed": [{"meeting": "m1", "slot": "s1", "table": 3}]}, "tables are 1 to 2"),
    (BASE | {"fixed": [{"meeting": "m1", "slot": "s1"}]}, "missing table"),
    (
        BASE
        | {
            "meetings": [{"id": "m1", "people": ["a", "b"]}, {"id": "m3", "people": ["c", "d"]}],
            "people": [{"id": x} for x in "abcd"],
            "fixed": [
                {"meeting": "m1", "slot": "s1", "table": 1},
                {"meeting": "m3", "slot": "s1", "table": 1},
            ],
        },
        "'m1' and 'm3' are both at table 1 in slot 's1'",
    ),
    (
        BASE
        | {
            "fixed": [
                {"meeting": "m1", "slot": "s1", "table": 1},
                {"meeting": "m2", "slot": "s1", "table": 2},
            ]
        },
        "'a' is in both 'm1' and 'm2' in slot 's1'",
    ),
    (BASE | {"fixed": [{"meeting": "m2", "slot": "s2", "table": 1}]}, "where 'c' is not available"),
    (
        BASE
        | {
            "fixed": [
                {"meeting": "m1", "slot": "s1", "table": 1},
                {"meeting": "m1", "slot": "s2", "table": 1},
            ]
        },
        "fixed twice",
    ),
]


@pytest.mark.parametrize(("data", "message"), INVALID)
def test_invalid_input_is_one_clear_message(data, message):
    with pytest.raises(InvalidInput, match=message):
        sc.parse(data)
    with pytest.raises(InvalidInput, match=message):
        sc.run_json(data)


def test_bad_method_and_time_limit():
    p = sc.parse(BASE)
    with pytest.raises(InvalidInput, match="unknown method"):
        sc.solve(p, method="exact")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="positive"):
        sc.solve(p, time_limit=0)
