"""Networking rounds: sizes, no repeated pair where one exists, history, apart, presence, fixed rounds,
shared attributes, the incremental costs, the geometry seed, and clear refusals."""

from itertools import combinations

import numpy as np
import pytest

from polku.matching import rounds as ro
from polku.matching.errors import InvalidInput


def people(n, **attributes):
    return [ro.Attendee(f"p{i}", {k: v[i % len(v)] for k, v in attributes.items()}) for i in range(n)]


def pairs(groups):
    return {frozenset(p) for g in groups for p in combinations(g, 2)}


def all_pairs_once(result, history=()):
    seen = {frozenset(p) for p in history}
    for groups in result.rounds:
        now = pairs(groups)
        if now & seen:
            return False
        seen |= now
    return True


@pytest.mark.parametrize(
    ("n", "k", "sizes"),
    [
        (12, 4, [4, 4, 4]),
        (10, 4, [5, 5]),
        (13, 4, [5, 4, 4]),
        (3, 4, [3]),
        (7, 3, [4, 3]),
        (11, 2, [3, 2, 2, 2, 2]),
    ],
)
def test_group_sizes(n, k, sizes):
    result = ro.plan_rounds(ro.RoundsProblem(people(n), k, 1), time_limit=1)
    assert sorted((len(g) for g in result.rounds[0]), reverse=True) == sizes
    assert sorted(p for g in result.rounds[0] for p in g) == sorted(f"p{i}" for i in range(n))


@pytest.mark.parametrize(("n", "k", "rounds"), [(12, 3, 4), (20, 4, 4), (18, 3, 5), (30, 5, 4), (9, 3, 4)])
def test_no_repeated_pair_where_one_exists(n, k, rounds):
    result = ro.plan_rounds(ro.RoundsProblem(people(n), k, rounds), time_limit=3)
    assert result.repeats == 0 and not result.repeated_pairs
    assert all_pairs_once(result)
    assert all(stat.repeats == 0 for stat in result.per_round)


def test_history_is_respected():
    history = [("p0", "p1"), ("p0", "p2"), ("p1", "p2"), ("p3", "p4"), ("p5", "p6")]
    problem = ro.RoundsProblem(people(16), 4, 3, history=history)
    result = ro.plan_rounds(problem, time_limit=3)
    assert result.repeats == 0
    assert all_pairs_once(result, history)


def test_a_repeat_is_counted_when_none_can_be_avoided():
    # 4 people in groups of 4 for 2 rounds: the second round repeats all 6 pairs.
    result = ro.plan_rounds(ro.RoundsProblem(people(4), 4, 2), time_limit=1)
    assert [s.repeats for s in result.per_round] == [0, 6]
    assert result.repeats == 6 and len(result.repeated_pairs) == 6
    assert {r for r, _, _ in result.repeated_pairs} == {2}


def test_apart_pairs_never_share_a_group():
    apart = [("p0", "p1"), ("p0", "p2"), ("p3", "p4")]
    result = ro.plan_rounds(ro.RoundsProblem(people(12), 3, 3, apart=apart), time_limit=2)
    for groups in result.rounds:
        for a, b in apart:
            assert frozenset((a, b)) not in pairs(groups)


def test_impossible_apart_is_refused():
    with pytest.raises(InvalidInput, match="keeps 'p0' and 'p1' apart in round 1"):
        ro.plan_rounds(ro.RoundsProblem(people(3), 3, 1, apart=[("p0", "p1")]), time_limit=0.5)


def test_presence_from_a_round_on():
    # p0 leaves after round 1, p23 after round 2; p24 joins in round 3.
    everyone = [f"p{i}" for i in range(25)]
    problem = ro.RoundsProblem(
        people(25), 3, 4, present={1: everyone[:24], 2: everyone[1:24], 3: [*everyone[1:23], "p24"]}
    )
    result = ro.plan_rounds(problem, time_limit=3)
    members = [sorted(p for g in groups for p in g) for groups in result.rounds]
    assert members[0] == sorted(everyone[:24])
    assert members[1] == sorted(everyone[1:24])
    assert members[2] == members[3] == sorted([*everyone[1:23], "p24"])
    assert [s.present for s in result.per_round] == [24, 23, 23, 23]
    assert result.repeats == 0


def test_fixed_rounds_are_kept_and_count_as_met():
    # Round 1 is published; p20 joins from round 2 (a re-plan for a late joiner).
    published = [[f"p{i}" for i in range(g, g + 4)] for g in range(0, 20, 4)]
    problem = ro.RoundsProblem(
        people(21), 4, 3, fixed={1: published}, present={2: [f"p{i}" for i in range(21)]}
    )
    result = ro.plan_rounds(problem, time_limit=3)
    assert result.rounds[0] == published
    assert result.per_round[0].fixed and not result.per_round[1].fixed
    assert result.repeats == 0
    assert all_pairs_once(result)
    assert "p20" in {p for g in result.rounds[1] for p in g}


def test_a_fixed_later_round_also_counts():
    published = [["p0", "p1", "p2"], ["p3", "p4", "p5"], ["p6", "p7", "p8"]]
    result = ro.plan_rounds(ro.RoundsProblem(people(9), 3, 2, fixed={2: published}), time_limit=2)
    assert result.rounds[1] == published
    assert not pairs(result.rounds[0]) & pairs(published)


def test_shared_attribute_groups_share_it():
    problem = ro.RoundsProblem(people(12, language=["fi", "en", "sv"]), 4, 1, share=["language"])
    result = ro.plan_rounds(problem, time_limit=2)
    assert result.mixed == 0
    language = {f"p{i}": ["fi", "en", "sv"][i % 3] for i in range(12)}
    assert all(len({language[p] for p in g}) == 1 for g in result.rounds[0])


def test_no_repeat_comes_before_a_shared_attribute():
    # 16 people, 8 Finnish and 8 English speakers, groups of 4, two rounds. One round can be
    # language-pure; the other cannot without repeating pairs (a group of 4 Finnish speakers taken
    # from two pure groups of 4 takes two from one of them), so it mixes: at best 2 + 2 per group.
    problem = ro.RoundsProblem(people(16, language=["fi", "en"]), 4, 2, share=["language"])
    result = ro.plan_rounds(problem, time_limit=3)
    assert result.repeats == 0
    assert sorted(s.mixed for s in result.per_round) == [0, 16]


def test_people_without_the_attribute_fit_anywhere():
    attendees = [ro.Attendee(f"p{i}", {"language": "fi"} if i < 3 else {}) for i in range(6)]
    result = ro.plan_rounds(ro.RoundsProblem(attendees, 3, 1, share=["language"]), time_limit=1)
    assert result.mixed == 0


def test_evaluate_counts_a_hand_edited_plan():
    problem = ro.RoundsProblem(people(6), 3, 2, history=[("p0", "p5")])
    result = ro.evaluate(
        problem, [[["p0", "p1", "p2"], ["p3", "p4", "p5"]], [["p0", "p1", "p5"], ["p2", "p3", "p4"]]]
    )
    assert [s.repeats for s in result.per_round] == [0, 3]  # p0–p1, p0–p5 (history), p3–p4
    with pytest.raises(InvalidInput, match="'p1' is in two groups"):
        ro.evaluate(problem, [[["p0", "p1"], ["p1", "p2"]]])


def test_incremental_costs_match_a_full_recount():
    problem = ro.RoundsProblem(
        people(14, language=["fi", "en"]),
        4,
        3,
        history=[("p0", "p1")],
        apart=[("p2", "p3")],
        share=["language"],
    )
    prep = ro._Prepared(problem)
    search = ro._Search(prep, np.random.default_rng(1))
    search.construct()
    rng = np.random.default_rng(2)
    for _ in range(60):
        loss = search.losses()
        qs = np.repeat(np.arange(len(search.rounds)), prep.n)
        persons = np.tile(np.arange(prep.n), len(search.rounds))
        delta = search.deltas(qs, persons, loss)
        c = int(rng.integers(len(qs)))
        options = np.flatnonzero(np.isfinite(delta[c]))
        j = int(rng.choice(options))
        before = search.total()
        search.swap(int(qs[c]), int(persons[c]), j)
        assert search.total() - before == delta[c, j]


def test_affine_geometry_gives_rounds_without_repeats():
    tables = ro.affine_rounds(32, 4, 10)
    assert len(tables) == 9
    seen: set[frozenset[int]] = set()
    for table in tables:
        assert sorted(table.ravel().tolist()) == list(range(32))
        now = {frozenset(p) for g in table.tolist() for p in combinations(g, 2)}
        assert not now & seen
        seen |= now
    assert len(ro.affine_rounds(27, 3, 20)) == 13  # every pair of 27 exactly once
    assert ro.affine_rounds(30, 5, 5) == [] and ro.affine_rounds(32, 3, 5) == []


def test_social_golfers_nine_rounds():
    result = ro.plan_rounds(ro.RoundsProblem(people(32), 4, 9), time_limit=5)
    assert result.repeats == 0 and all_pairs_once(result)


BASE = {"people": [{"id": f"p{i}"} for i in range(6)], "group_size": 3, "rounds": 2}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "must be a JSON object"),
        ({"people": [{"id": "a"}], "group_size": 2}, '"rounds" is missing'),
        (BASE | {"extra": 1}, "unknown field"),
        (BASE | {"people": []}, "non-empty list"),
        (BASE | {"people": [{"id": "a"}, {"id": "a"}]}, "duplicate id 'a'"),
        (BASE | {"people": [{"id": "a", "phone": "1"}]}, "unknown field"),
        (BASE | {"people": [{"id": "a", "attributes": {"x": [1]}}]}, "must map names to values"),
        (BASE | {"group_size": 1}, "group_size must be a whole number of at least 2"),
        (BASE | {"group_size": "4"}, "group_size must be a whole number"),
        (BASE | {"rounds": 0}, "rounds must be a whole number from 1 to"),
        (BASE | {"rounds": 1000}, "rounds must be a whole number from 1 to"),
        (BASE | {"history": [["p0", "zz"]]}, "history: unknown person 'zz'"),
        (BASE | {"history": ["p0"]}, "each entry of history must be a list"),
        (BASE | {"apart": [["p0", "p1", "p2"]]}, "pair of ids"),
        (BASE | {"apart": [["p0", "p0"]]}, "apart from themself"),
        (BASE | {"apart": [["p0", "x"]]}, "apart: unknown person 'x'"),
        (BASE | {"present": {"3": ["p0"]}}, "round 3 is outside 1 to 2"),
        (BASE | {"present": {"two": ["p0"]}}, "'two' is not a round number"),
        (BASE | {"present": {"2": ["q"]}}, "present in round 2: unknown person 'q'"),
        (BASE | {"present": ["p0"]}, "must be an object"),
        (BASE | {"fixed": {"1": [["p0", "p1"], ["p1", "p2"]]}}, "'p1' is in two groups"),
        (BASE | {"fixed": {"1": [[]]}}, "a group is empty"),
        (BASE | {"fixed": {"1": "p0"}}, "must be a list of groups"),
        (BASE | {"share": ["language"]}, "nobody has the attribute 'language'"),
        (BASE | {"share": "language"}, "share must be a list"),
    ],
)
def test_invalid_input_is_one_clear_message(data, message):
    with pytest.raises(InvalidInput, match=message):
        ro.run_json(data)


def test_run_json_shape():
    out = ro.run_json(
        {
            "people": [
                {"id": f"p{i}", "attributes": {"language": "fi" if i < 4 else "en"}} for i in range(8)
            ],
            "group_size": 4,
            "rounds": 2,
            "history": [["p0", "p1", "p2"]],
            "present": {"2": [f"p{i}" for i in range(8)]},
            "fixed": {"1": [["p0", "p3", "p4", "p5"], ["p1", "p2", "p6", "p7"]]},
            "share": ["language"],
        },
        time_limit=1,
    )
    assert set(out) == {"rounds", "repeats", "mixed", "per_round", "repeated_pairs"}
    assert out["rounds"][0] == [["p0", "p3", "p4", "p5"], ["p1", "p2", "p6", "p7"]]
    # p1–p2 met before (history) and share a group in the fixed round; round 2 splits 8 people who
    # met in two groups of 4 into two groups of 4, which repeats at least 2 pairs per group.
    assert out["repeats"] == 1 + 4
    assert out["repeated_pairs"][0] == {"round": 1, "people": ["p1", "p2"]}
    assert len(out["repeated_pairs"]) == 5 and {r["round"] for r in out["repeated_pairs"][1:]} == {2}
    assert out["per_round"][0] == {
        "round": 1,
        "present": 8,
        "groups": 2,
        "repeats": 1,
        "mixed": 8,
        "fixed": True,
    }
