"""The gap analysis against a naive reference on random graphs (cycles included), and the sibling limits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from polku.planning import TargetSkill, Taxonomy, analyse_gap, taxonomy_from_pairs
from polku.planning.gap import SIBLING_PARENT_MAX

NODES = [f"n{i}" for i in range(10)]


def reachable(broader: dict[str, list[str]], start: str) -> set[str]:
    """Every uri reachable upwards from `start` (naive depth-first search), `start` excluded."""
    seen: set[str] = set()
    todo = list(broader.get(start, []))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(broader.get(node, []))
    seen.discard(start)
    return seen


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from(NODES)), max_size=25),
    st.lists(st.tuples(st.sampled_from(NODES), st.booleans()), max_size=8),
    st.sets(st.sampled_from(NODES), max_size=4),
)
def test_status_matches_the_naive_rule(pairs, target, have):
    taxonomy = taxonomy_from_pairs(pairs)
    broader = {k: list(v) for k, v in taxonomy.broader.items()}
    gap = analyse_gap(target=[TargetSkill(u, e) for u, e in target], have=have, taxonomy=taxonomy)
    assert len(gap.items) == len({u for u, _ in target})
    for item in gap.items:
        narrower = {p for p in have if item.uri in reachable(broader, p)}
        broader_have = have & reachable(broader, item.uri)
        if item.uri in have:
            assert (item.status, item.reason) == ("covered", "same-skill")
        elif narrower:
            assert (item.status, item.reason, set(item.covered_by)) == ("covered", "narrower-skill", narrower)
        elif broader_have:
            assert (item.status, item.reason, set(item.covered_by)) == (
                "partial",
                "broader-skill",
                broader_have,
            )
        elif item.status == "partial":
            assert item.reason == "sibling-skill"
            parents = set(broader.get(item.uri, []))
            assert all(parents & set(broader.get(p, [])) for p in item.covered_by)
        else:
            assert (item.status, item.reason, item.covered_by) == ("missing", "not-in-profile", ())
        assert item.essential == any(e for u, e in target if u == item.uri)
    # best first: not covered before covered, then priority
    statuses = [i.status == "covered" for i in gap.items]
    assert statuses == sorted(statuses)
    priorities = [i.priority for i in gap.missing]
    assert priorities == sorted(priorities, reverse=True)
    assert gap == analyse_gap(
        target=[TargetSkill(u, e) for u, e in reversed(target)], have=have, taxonomy=taxonomy
    )


def test_siblings_only_under_a_small_skill_parent():
    big = [(f"child{i}", "advise others") for i in range(SIBLING_PARENT_MAX + 1)]
    taxonomy = taxonomy_from_pairs(
        [*big, ("python", "programming"), ("java", "programming"), ("sql", "group"), ("nosql", "group")],
        groups=["group"],
    )
    gap = analyse_gap(
        target=[TargetSkill("child0", True), TargetSkill("java", True), TargetSkill("sql", True)],
        have=["child1", "python", "nosql"],
        taxonomy=taxonomy,
    )
    assert {i.uri: (i.status, i.reason) for i in gap.items} == {
        "child0": ("missing", "not-in-profile"),  # under a parent of 51
        "java": ("partial", "sibling-skill"),
        "sql": ("missing", "not-in-profile"),  # a shared skill group is not enough
    }


def test_related_skills_are_partial_either_way():
    taxonomy = Taxonomy(broader={}, related={"a": ("b",)})
    gap = analyse_gap(target=[TargetSkill("a", True), TargetSkill("b", True)], have=["b"], taxonomy=taxonomy)
    items = {i.uri: i for i in gap.items}
    assert (items["a"].status, items["a"].reason, items["a"].covered_by) == (
        "partial",
        "related-skill",
        ("b",),
    )
    gap = analyse_gap(target=[TargetSkill("b", True)], have=["a"], taxonomy=taxonomy)
    assert gap.items[0].reason == "related-skill"


def test_priority_is_essential_then_missing_then_centrality():
    taxonomy = taxonomy_from_pairs([("a", "G"), ("b", "G"), ("c", "G"), ("x", "H")], groups=["G", "H"])
    target = [TargetSkill(u, e) for u, e in (("x", True), ("a", True), ("b", True), ("c", False))]
    gap = analyse_gap(target=target, have=[], taxonomy=taxonomy)
    # a and b share group G with two others of the target; x shares nothing; c is optional
    assert [(i.uri, i.priority) for i in gap.items] == [
        ("a", round(3 + 2 / 3, 6)),
        ("b", round(3 + 2 / 3, 6)),
        ("x", 3.0),
        ("c", round(1 + 2 / 3, 6)),
    ]
