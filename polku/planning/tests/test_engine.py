"""Hand-made cases for the gap analysis and the recommendation."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from polku.planning import (
    InvalidInput,
    Learner,
    Opportunity,
    TargetSkill,
    Taxonomy,
    analyse_gap,
    recommend,
)

# a small hierarchy: programming ← scripting ← python; programming ← java; group G ← {sql, nosql}
TAX = Taxonomy(
    broader={
        "python": ("scripting",),
        "scripting": ("programming",),
        "java": ("programming",),
        "sql": ("G",),
        "nosql": ("G",),
        "cycle-a": ("cycle-b",),
        "cycle-b": ("cycle-a",),
    }
)
ANY = Learner(languages={"fi": "B2", "en": "native"})


def opp(oid: str, skills: set[str], hours: float, **kw) -> Opportunity:
    return Opportunity(id=oid, skills=frozenset(skills), hours=hours, **kw)


def test_importing_the_engine_does_not_import_django():
    code = "import sys, polku.planning, polku.planning.cli; assert 'django' not in sys.modules, 'django'"
    subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603


def test_narrower_skill_covers_broader_is_partial_sibling_is_partial_else_missing():
    target = [
        TargetSkill("scripting", essential=True),  # profile has python (narrower) → covered
        TargetSkill("python", essential=True),  # profile has python → covered, same skill
        TargetSkill("java", essential=True),  # nothing under or over it except "programming"
        TargetSkill("sql", essential=False),  # sibling nosql → partial
        TargetSkill("haskell", essential=False),  # unknown to the taxonomy → missing
    ]
    gap = analyse_gap(target=target, have=["python", "nosql"], taxonomy=TAX)
    items = {i.uri: i for i in gap.items}
    assert (items["scripting"].status, items["scripting"].reason) == ("covered", "narrower-skill")
    assert items["scripting"].covered_by == ("python",)
    assert (items["python"].status, items["python"].reason) == ("covered", "same-skill")
    assert (items["java"].status, items["java"].reason) == ("missing", "not-in-profile")
    assert (items["sql"].status, items["sql"].reason, items["sql"].covered_by) == (
        "partial",
        "sibling-skill",
        ("nosql",),
    )
    assert items["haskell"].status == "missing"
    assert (gap.essential_total, gap.essential_covered, gap.optional_total, gap.optional_covered) == (
        3,
        2,
        2,
        0,
    )


def test_a_broader_profile_skill_is_only_partial():
    gap = analyse_gap(target=[TargetSkill("python", True)], have=["programming"], taxonomy=TAX)
    assert (gap.items[0].status, gap.items[0].reason, gap.items[0].covered_by) == (
        "partial",
        "broader-skill",
        ("programming",),
    )


def test_essential_before_optional_and_covered_last():
    target = [TargetSkill("a", False), TargetSkill("b", True), TargetSkill("c", True)]
    gap = analyse_gap(target=target, have=["c"], taxonomy=TAX)
    assert [i.uri for i in gap.items] == ["b", "a", "c"]
    assert [i.uri for i in gap.missing] == ["b", "a"]


def test_cycles_and_missing_hierarchy_do_not_break_it():
    gap = analyse_gap(
        target=[TargetSkill("cycle-a", True), TargetSkill("zzz", True)], have=["cycle-b"], taxonomy=TAX
    )
    assert {i.uri: i.status for i in gap.items} == {"cycle-a": "covered", "zzz": "missing"}
    empty = analyse_gap(target=[], have=[], taxonomy=Taxonomy(broader={}))
    assert empty.items == () and empty.essential_total == 0


def test_duplicate_target_skills_merge_essential_wins():
    gap = analyse_gap(target=[TargetSkill("a", False, "A"), TargetSkill("a", True)], have=[], taxonomy=TAX)
    assert len(gap.items) == 1 and gap.items[0].essential and gap.items[0].label == "A"


def test_recommend_covers_essentials_with_least_hours():
    gap = analyse_gap(target=[TargetSkill("java", True), TargetSkill("sql", True)], have=[], taxonomy=TAX)
    opps = [opp("big", {"java", "sql"}, 10), opp("j", {"java"}, 3), opp("s", {"sql"}, 4), opp("x", {"c"}, 1)]
    rec = recommend(gap=gap, opportunities=opps, learner=ANY, taxonomy=TAX)
    assert [c.opportunity_id for c in rec.chosen] == ["j", "s"]
    assert rec.total_hours == 7 and rec.uncovered == ()
    assert [(e.opportunity_id, e.reason) for e in rec.excluded] == [("x", "covers-nothing")]


def test_an_opportunity_building_a_narrower_skill_covers_the_gap_skill():
    gap = analyse_gap(target=[TargetSkill("scripting", True)], have=[], taxonomy=TAX)
    rec = recommend(gap=gap, opportunities=[opp("py", {"python"}, 5)], learner=ANY, taxonomy=TAX)
    assert [(c.opportunity_id, c.covers) for c in rec.chosen] == [("py", ("scripting",))]


def test_language_mode_ended_and_cost_exclusions():
    gap = analyse_gap(target=[TargetSkill("java", True)], have=[], taxonomy=TAX)
    learner = Learner(
        languages={"fi": "B1", "en": "native"}, mode="online", today=date(2026, 6, 1), max_cost=100
    )
    opps = [
        opp("fi-c1", {"java"}, 1, languages={"fi": "C1"}),
        opp("sv", {"java"}, 1, languages={"sv": "A1"}),
        opp("en-c2", {"java"}, 9, languages={"en": "C2", "sv": "A1"}),  # native ≥ C2: eligible
        opp("onsite", {"java"}, 1, mode="onsite"),
        opp("blended", {"java"}, 8, mode="blended"),
        opp("old", {"java"}, 1, ends=date(2026, 5, 31)),
        opp("dear", {"java"}, 1, cost=101),
    ]
    rec = recommend(gap=gap, opportunities=opps, learner=learner, taxonomy=TAX)
    assert {e.opportunity_id: e.reason for e in rec.excluded} == {
        "fi-c1": "language-level",
        "sv": "language-level",
        "onsite": "mode",
        "old": "ended",
        "dear": "cost",
    }
    assert [c.opportunity_id for c in rec.chosen] == ["blended"]


def test_nothing_eligible_leaves_everything_uncovered():
    gap = analyse_gap(target=[TargetSkill("java", True), TargetSkill("sql", False)], have=[], taxonomy=TAX)
    rec = recommend(
        gap=gap,
        opportunities=[opp("o", {"java"}, 1, mode="onsite")],
        learner=Learner(languages={}, mode="online"),
        taxonomy=TAX,
    )
    assert rec.chosen == () and rec.uncovered == ("java", "sql") and rec.total_hours == 0
    assert recommend(gap=gap, opportunities=[], learner=ANY).uncovered == ("java", "sql")


@pytest.mark.parametrize(
    ("opportunity", "learner"),
    [
        (Opportunity(id="a", skills=frozenset(), hours=-1), ANY),
        (Opportunity(id="a", skills=frozenset(), hours=1, mode="hybrid"), ANY),
        (Opportunity(id="a", skills=frozenset(), hours=1, languages={"fi": "B3"}), ANY),
        (Opportunity(id="a", skills=frozenset(), hours=1), Learner(languages={"fi": "fluent"})),
        (Opportunity(id="a", skills=frozenset(), hours=1), Learner(languages={}, mode="remote")),
    ],
)
def test_bad_input_is_invalid_input(opportunity, learner):
    gap = analyse_gap(target=[TargetSkill("java", True)], have=[], taxonomy=TAX)
    with pytest.raises(InvalidInput):
        recommend(gap=gap, opportunities=[opportunity], learner=learner)


def test_decimal_hours_and_cost_from_the_database_are_accepted():
    from decimal import Decimal
    from typing import Any

    hours: Any = Decimal("2.5")
    cost: Any = Decimal("10")
    limit: Any = Decimal("20")
    gap = analyse_gap(target=[TargetSkill("java", True)], have=[], taxonomy=TAX)
    rec = recommend(
        gap=gap,
        opportunities=[Opportunity(id="j", skills=frozenset({"java"}), hours=hours, cost=cost)],
        learner=Learner(languages={}, max_cost=limit),
    )
    assert (rec.total_hours, rec.total_cost) == (2.5, 10.0)
    assert type(rec.total_hours) is float
