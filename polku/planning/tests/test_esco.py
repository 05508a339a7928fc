"""The engine on the real shipped ESCO v1.1.1 data: "software developer" and a profile of a few skills."""

from __future__ import annotations

import time

import pytest

from polku.planning import Learner, Opportunity, analyse_gap, recommend
from polku.planning.esco import esco_taxonomy, occupation_targets
from polku.planning.hierarchy import ancestors
from polku.skills.index import load_esco


@pytest.fixture(scope="module")
def esco():
    return load_esco()


@pytest.fixture(scope="module")
def uri(esco):
    by_label = {s.label: s.uri for s in esco.skills}
    return by_label.__getitem__


def test_software_developer_gap_through_the_esco_hierarchy(esco, uri):
    taxonomy = esco_taxonomy()
    target = occupation_targets(esco, "software developer")
    assert len(target) > 50 and any(t.essential for t in target)
    have = [uri("Python (computer programming)"), uri("debug software"), uri("SQL")]
    started = time.perf_counter()
    gap = analyse_gap(target=target, have=have, taxonomy=taxonomy)
    assert time.perf_counter() - started < 1.0
    items = {i.label: i for i in gap.items}
    # Python is under "computer programming" in ESCO: the narrower skill covers the essential broader one
    assert uri("computer programming") in ancestors(taxonomy, uri("Python (computer programming)"))
    assert (items["computer programming"].status, items["computer programming"].reason) == (
        "covered",
        "narrower-skill",
    )
    assert items["debug software"].reason == "same-skill"
    # another language under the same skill is partial; a skill in the same big group is not
    assert (items["Java (computer programming)"].status, items["Java (computer programming)"].reason) == (
        "partial",
        "sibling-skill",
    )
    assert items["provide technical documentation"].status == "missing"
    assert gap.essential_covered == 2 and gap.optional_covered == 2
    first = gap.items[0]
    assert first.essential and first.status == "missing"
    assert [i.status for i in gap.items].index("covered") == len(gap.missing)


def test_software_developer_recommendation_on_real_skills(esco, uri):
    taxonomy = esco_taxonomy()
    gap = analyse_gap(
        target=occupation_targets(esco, "software developer"),
        have=[uri("Python (computer programming)"), uri("debug software")],
        taxonomy=taxonomy,
    )
    essential = [i.uri for i in gap.missing if i.essential]
    opportunities = [
        Opportunity(id="swe-basics", skills=frozenset(essential[:6]), hours=120, languages={"en": "B2"}),
        Opportunity(id="swe-a", skills=frozenset(essential[:3]), hours=40, languages={"fi": "B1"}),
        Opportunity(id="swe-b", skills=frozenset(essential[3:6]), hours=50, languages={"en": "B1"}),
        Opportunity(id="fi-only", skills=frozenset(essential[6:]), hours=10, languages={"fi": "C1"}),
        # an optional language the profile only has a sibling of (Python): partial, so still to close
        Opportunity(id="ruby", skills=frozenset({uri("Ruby (computer programming)")}), hours=30),
    ]
    learner = Learner(languages={"fi": "B1", "en": "C1"})
    rec = recommend(gap=gap, opportunities=opportunities, learner=learner, taxonomy=taxonomy)
    assert rec.optimal
    assert [c.opportunity_id for c in rec.chosen][:2] == ["swe-a", "swe-b"]
    assert rec.total_hours == 90 + 30
    # swe-basics is eligible and useful, only not needed: it is neither chosen nor excluded
    assert [(e.opportunity_id, e.reason) for e in rec.excluded] == [("fi-only", "language-level")]
    assert set(essential[6:]) <= set(rec.uncovered)
