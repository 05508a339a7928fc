"""Group formation: constraints are never broken, sizes are k or k+1, the bound holds, bad input is clear."""

from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polku.matching import cefr
from polku.matching.errors import InvalidInput
from polku.matching.groups import GroupProblem, Member, evaluate, form_groups, parse, run_json


def people(n, *, langs=None):
    out = []
    for i in range(n):
        out.append(
            Member(
                f"p{i}",
                {"origin": "ABCD"[i % 4], "field": "xyz"[i % 3], "gender": "wm"[i % 2]},
                langs(i) if langs else {"en": "B2"},
            )
        )
    return out


def test_thirteen_into_groups_of_six_makes_six_and_seven():
    result = form_groups(GroupProblem(people(13), 6, "B1"))
    assert sorted(len(g) for g in result.groups) == [6, 7]
    assert sorted(p for g in result.groups for p in g) == sorted(f"p{i}" for i in range(13))
    assert result.objective <= result.bound + 1e-9
    assert all(s.language == "en" and not s.violations for s in result.stats)


def test_diversity_beats_a_sorted_split():
    problem = GroupProblem(people(24), 6)
    sorted_split = [[f"p{i}" for i in range(24) if i % 4 == c] for c in range(4)]  # same origin together
    assert form_groups(problem).objective > evaluate(problem, sorted_split).objective
    # Four origins over four groups of six: every group gets a mix.
    for g in form_groups(problem).groups:
        assert len({int(p[1:]) % 4 for p in g}) >= 3


def test_language_groups_are_formed_by_shared_language():
    # Half speak only Finnish, half only English at B1.
    problem = GroupProblem(
        people(24, langs=lambda i: {"fi": "B2"} if i < 12 else {"en": "C1", "fi": "A1"}), 6, "B1"
    )
    result = form_groups(problem)
    for s in result.stats:
        assert not s.violations
        assert s.language in {"fi", "en"}


def test_apart_together_and_history():
    history = [("p0", "p1"), ("p0", "p2"), ("p1", "p2")]
    problem = GroupProblem(
        people(18), 6, apart=[("p3", "p4"), ("p3", "p5")], together=[["p6", "p7", "p8"]], history=history
    )
    result = form_groups(problem)
    where = {p: n for n, g in enumerate(result.groups) for p in g}
    assert where["p3"] != where["p4"] and where["p3"] != where["p5"]
    assert where["p6"] == where["p7"] == where["p8"]
    assert len({where["p0"], where["p1"], where["p2"]}) == 3
    assert sum(s.repeats for s in result.stats) == 0


def test_evaluate_reports_violations_of_a_hand_edited_split():
    problem = GroupProblem(
        people(12), 6, "B1", apart=[("p0", "p1")], together=[["p2", "p3"]], history=[("p0", "p4")]
    )
    split = [["p0", "p1", "p2", "p4", "p5", "p6", "p7"], ["p3", "p8", "p9", "p10", "p11"]]
    result = evaluate(problem, split)
    first, second = result.stats
    assert "p0 and p1 must be apart" in first.violations
    assert any("must be together" in v for v in first.violations)
    assert "size 5 is not 6 or 7" in second.violations
    assert first.repeats == 1
    assert result.objective == pytest.approx(first.diversity + second.diversity - 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"people": [{"id": "a"}, {"id": "a"}], "group_size": 2}, "duplicate person ids: a"),
        ({"people": [{"id": "a"}, {"id": "b"}], "group_size": 3}, "larger than the number of people"),
        (
            {"people": [{"id": "a"}, {"id": "b"}], "group_size": 2, "apart": [["a", "x"]]},
            "unknown person id 'x'",
        ),
        (
            {"people": [{"id": "a"}, {"id": "b"}], "group_size": 2, "history": [["a", "zz"]]},
            "unknown person id 'zz'",
        ),
        (
            {
                "people": [{"id": "a"}, {"id": "b"}],
                "group_size": 2,
                "apart": [["a", "b"]],
                "together": [["a", "b"]],
            },
            "both apart and together",
        ),
        (
            {
                "people": [{"id": "a", "languages": {"fi": "B2"}}, {"id": "b", "languages": {"en": "B2"}}],
                "group_size": 2,
                "min_language_level": "B1",
            },
            "shares a language at B1",
        ),
        (
            {
                "people": [{"id": "a", "languages": {"en": "A1"}}, {"id": "b"}],
                "group_size": 2,
                "min_language_level": "B1",
            },
            "no language at B1",
        ),
        (
            {"people": [{"id": str(i)} for i in range(11)], "group_size": 6},
            "cannot be split into groups of 6 or 7",
        ),
        ({"people": [{"id": "a"}], "group_size": 1}, "at least 2"),
        ({"people": "x", "group_size": 2}, "people must be a non-empty list"),
        (
            {"people": [{"id": "a"}, {"id": "b"}], "group_size": 2, "min_language_level": "B3"},
            "unknown language level",
        ),
    ],
)
def test_invalid_input_is_a_clear_message(data, message):
    with pytest.raises(InvalidInput, match=message):
        run_json(data)


def test_run_json_shape():
    out = run_json(
        {
            "people": [
                {
                    "id": f"p{i}",
                    "attributes": {"origin": "SY" if i % 2 else "UA", "field": "ICT"},
                    "languages": {"en": "B2", "fi": "A2"},
                }
                for i in range(7)
            ],
            "group_size": 3,
            "min_language_level": "B1",
            "history": [["p1", "p2"]],
        }
    )
    assert sorted(len(g) for g in out["groups"]) == [3, 4]
    assert out["objective"] <= out["bound"]
    assert set(out) >= {"groups", "objective", "bound"}


LEVELS = [*cefr.LEVELS, "native"]


@st.composite
def problems(draw):
    n = draw(st.integers(4, 30))
    k = draw(st.integers(2, max(2, min(6, n))))
    if n % k > n // k:
        k = 2
    ids = [f"p{i}" for i in range(n)]
    members = [
        Member(
            pid,
            {"origin": draw(st.sampled_from("ABC")), "field": draw(st.sampled_from("xy"))},
            draw(st.dictionaries(st.sampled_from(["en", "fi", "sv"]), st.sampled_from(LEVELS), min_size=1)),
        )
        for pid in ids
    ]
    pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1])
    apart = draw(st.lists(pairs, max_size=4))
    together = draw(st.lists(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True), max_size=2))
    history = draw(st.lists(pairs, max_size=10))
    level = draw(st.sampled_from([None, "A1", "B1", "B2"]))
    return GroupProblem(members, k, level, apart, together, history)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_property_valid_split_or_clear_refusal(problem):
    try:
        result = form_groups(problem, restarts=2, time_limit=0.2)
    except InvalidInput as e:
        assert str(e)
        return
    k = problem.group_size
    assert all(k <= len(g) <= k + 1 for g in result.groups)
    assert sorted(p for g in result.groups for p in g) == sorted(m.id for m in problem.people)
    where = {p: n for n, g in enumerate(result.groups) for p in g}
    for a, b in problem.apart:
        assert where[a] != where[b]
    for t in problem.together:
        assert len({where[p] for p in t}) == 1
    by_id = {m.id: m for m in problem.people}
    if problem.min_language_level:
        for g in result.groups:
            assert any(
                all(
                    lang in by_id[p].languages
                    and cefr.at_least(by_id[p].languages[lang], problem.min_language_level)
                    for p in g
                )
                for lang in by_id[g[0]].languages
            )
    assert all(not s.violations for s in result.stats)
    assert result.objective <= result.bound + 1e-6
    again = evaluate(problem, result.groups)
    assert again.objective == pytest.approx(result.objective)
    assert sum(s.repeats for s in again.stats) == sum(
        1
        for g in result.groups
        for x, y in combinations(g, 2)
        if (x, y) in set(problem.history) | {(b, a) for a, b in problem.history}
    )


def test_parse_history_of_whole_groups():
    problem = parse({"people": [{"id": x} for x in "abcd"], "group_size": 2, "history": [["a", "b", "c"]]})
    assert len(problem.history) == 3
