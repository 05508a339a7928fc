"""The set cover: the exact answer beats the greedy trap, agrees with brute force, respects a budget."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from polku.planning import Gap, GapItem, Learner, Opportunity, recommend

ANY = Learner(languages={})


def gap_of(essential: list[str], optional: list[str] | tuple[str, ...] = ()) -> Gap:
    items = [GapItem(u, "", True, "missing", (), "not-in-profile", 3.0) for u in essential]
    items += [GapItem(u, "", False, "missing", (), "not-in-profile", 1.0) for u in optional]
    return Gap(tuple(items), len(essential), 0, len(optional), 0)


def trap() -> list[Opportunity]:
    """Greedy takes "big" first (1 hour per skill) and then needs two 1.5-hour courses: 7 hours.
    "a" + "b" cover everything in 6.6."""
    return [
        Opportunity(id="big", skills=frozenset({"1", "2", "3", "4"}), hours=4),
        Opportunity(id="a", skills=frozenset({"1", "2", "5"}), hours=3.3),
        Opportunity(id="b", skills=frozenset({"3", "4", "6"}), hours=3.3),
        Opportunity(id="c", skills=frozenset({"5"}), hours=1.5),
        Opportunity(id="d", skills=frozenset({"6"}), hours=1.5),
    ]


def test_least_effort_set_beats_the_greedy_trap():
    gap = gap_of(["1", "2", "3", "4", "5", "6"])
    greedy = recommend(gap=gap, opportunities=trap(), learner=ANY, method="greedy")
    exact = recommend(gap=gap, opportunities=trap(), learner=ANY)
    assert (sorted(c.opportunity_id for c in greedy.chosen), greedy.total_hours, greedy.optimal) == (
        ["big", "c", "d"],
        7.0,
        False,
    )
    assert (sorted(c.opportunity_id for c in exact.chosen), exact.total_hours, exact.optimal) == (
        ["a", "b"],
        6.6,
        True,
    )
    assert exact.uncovered == ()
    # the opportunities not chosen are not "excluded": they are eligible and useful, just not needed
    assert exact.excluded == ()


def test_ties_break_by_cost_then_id():
    opps = [
        Opportunity(id="z", skills=frozenset({"1"}), hours=2, cost=0),
        Opportunity(id="y", skills=frozenset({"1"}), hours=2, cost=10),
        Opportunity(id="x", skills=frozenset({"1"}), hours=2, cost=0),
    ]
    rec = recommend(gap=gap_of(["1"]), opportunities=opps, learner=ANY)
    assert [c.opportunity_id for c in rec.chosen] == ["x"]
    assert [
        c.opportunity_id for c in recommend(gap=gap_of(["1"]), opportunities=opps[::-1], learner=ANY).chosen
    ] == ["x"]


def test_an_opportunity_adding_nothing_is_not_chosen():
    opps = [
        Opportunity(id="all", skills=frozenset({"1", "2"}), hours=3),
        Opportunity(id="free", skills=frozenset({"1"}), hours=0),
    ]
    rec = recommend(gap=gap_of(["1", "2"]), opportunities=opps, learner=ANY)
    assert [c.opportunity_id for c in rec.chosen] == ["all"]


def test_optional_skills_only_when_asked_and_essential_chosen_first():
    opps = [
        Opportunity(id="o", skills=frozenset({"opt"}), hours=1),
        Opportunity(id="e", skills=frozenset({"ess"}), hours=5),
    ]
    gap = gap_of(["ess"], ["opt"])
    both = recommend(gap=gap, opportunities=opps, learner=ANY)
    assert [(c.opportunity_id, c.reason) for c in both.chosen] == [
        ("e", "covers-essential"),
        ("o", "covers-optional"),
    ]
    only = recommend(gap=gap, opportunities=opps, learner=ANY, include_optional=False)
    assert [c.opportunity_id for c in only.chosen] == ["e"]
    assert [(e.opportunity_id, e.reason) for e in only.excluded] == [("o", "covers-nothing")]


def test_an_hours_budget_covers_essential_skills_first():
    opps = [
        Opportunity(id="opt3", skills=frozenset({"o1", "o2", "o3"}), hours=2),
        Opportunity(id="ess", skills=frozenset({"e1"}), hours=4),
        Opportunity(id="ess2", skills=frozenset({"e1", "e2"}), hours=5),
    ]
    gap = gap_of(["e1", "e2"], ["o1", "o2", "o3"])
    rec = recommend(gap=gap, opportunities=opps, learner=ANY, max_hours=6)
    assert [c.opportunity_id for c in rec.chosen] == ["ess2"]
    assert set(rec.uncovered) == {"o1", "o2", "o3"} and rec.optimal
    rec = recommend(gap=gap, opportunities=opps, learner=ANY, max_hours=7)
    assert sorted(c.opportunity_id for c in rec.chosen) == ["ess2", "opt3"]


def brute(gap: Gap, opps: list[Opportunity], max_hours: float | None) -> tuple[int, int, int, int]:
    essential = {i.uri for i in gap.items if i.essential}
    optional = {i.uri for i in gap.items if not i.essential}
    best = None
    for r in range(len(opps) + 1):
        for subset in itertools.combinations(opps, r):
            hours = sum(round(o.hours * 100) for o in subset)
            if max_hours is not None and hours > round(max_hours * 100):
                continue
            got = set().union(*(o.skills for o in subset)) if subset else set()
            key = (
                -len(got & essential),
                -len(got & optional),
                hours,
                sum(round(o.cost * 100) for o in subset),
            )
            best = key if best is None or key < best else best
    assert best is not None
    return best


def key_of(rec, gap: Gap, opps: list[Opportunity]) -> tuple[int, int, int, int]:
    by_id = {o.id: o for o in opps}
    chosen = [by_id[c.opportunity_id] for c in rec.chosen]
    got = set().union(*(o.skills for o in chosen)) if chosen else set()
    essential = {i.uri for i in gap.items if i.essential}
    optional = {i.uri for i in gap.items if not i.essential}
    return (
        -len(got & essential),
        -len(got & optional),
        sum(round(o.hours * 100) for o in chosen),
        sum(round(o.cost * 100) for o in chosen),
    )


SKILLS = [f"s{i}" for i in range(7)]
instances = st.tuples(
    st.lists(st.booleans(), min_size=7, max_size=7),
    st.lists(
        st.tuples(
            st.frozensets(st.sampled_from(SKILLS), max_size=4),
            st.integers(0, 40).map(lambda h: h / 2),
            st.integers(0, 3).map(lambda c: c * 50.0),
        ),
        max_size=9,
    ),
    st.one_of(st.none(), st.integers(0, 30).map(float)),
)


@settings(max_examples=80, deadline=None)
@given(instances)
def test_exact_agrees_with_brute_force_and_greedy_is_never_better(instance):
    flags, raw, max_hours = instance
    gap = gap_of(
        [s for s, e in zip(SKILLS, flags, strict=True) if e],
        [s for s, e in zip(SKILLS, flags, strict=True) if not e],
    )
    opps = [Opportunity(id=f"o{i}", skills=s, hours=h, cost=c) for i, (s, h, c) in enumerate(raw)]
    rec = recommend(gap=gap, opportunities=opps, learner=ANY, max_hours=max_hours)
    assert rec.optimal
    assert key_of(rec, gap, opps) == brute(gap, opps, max_hours)
    greedy = recommend(gap=gap, opportunities=opps, learner=ANY, max_hours=max_hours, method="greedy")
    assert key_of(greedy, gap, opps) >= key_of(rec, gap, opps)
    if max_hours is not None:
        assert rec.total_hours <= max_hours and greedy.total_hours <= max_hours
    # every chosen opportunity adds something the others do not
    by_id = {o.id: o for o in opps}
    for c in rec.chosen:
        others = set().union(*(by_id[o.opportunity_id].skills for o in rec.chosen if o is not c))
        assert by_id[c.opportunity_id].skills & {i.uri for i in gap.items} - others
    assert rec == recommend(gap=gap, opportunities=opps[::-1], learner=ANY, max_hours=max_hours)
