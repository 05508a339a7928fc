"""The succession engine: listings against successors, with expected values worked out by hand."""

from __future__ import annotations

import io
import json
import sys

import pytest

from polku.matching import cli
from polku.matching.errors import InvalidInput
from polku.matching.succession import (
    Listing,
    Successor,
    describe,
    listings_for,
    run_json,
    score,
    successors_for,
)

CAFE = Listing(
    id="cafe",
    industry="56",
    section="I",
    region="uusimaa",
    country="FI",
    skills=frozenset({"s:customer service", "s:bookkeeping"}),
    languages={"fi": "B1"},
    experience_years=2,
    capital_band=2,
    handover_in_months=6,
)


def test_a_perfect_successor_scores_one_with_every_reason_met():
    ana = Successor(
        id="ana",
        industries=frozenset({"56"}),
        regions=frozenset({"uusimaa"}),
        country="FI",
        skills=frozenset({"s:customer service", "s:bookkeeping", "s:baking"}),
        languages={"fi": "B2", "en": "C1"},
        experience_years=5,
        capital_band=3,
        ready_in_months=3,
    )
    match = score(CAFE, ana)
    assert match.score == 1.0 and match.fit == "strong" and match.blocked_by is None
    skills = match.reasons[0]
    assert skills.matched == ("s:bookkeeping", "s:customer service") and skills.missing == ()


def test_partial_successor_by_hand():
    # skills 1/2 (weight 3), same section only 0.5 (2), same country 0.25 (1.5), no Finnish 0 (1),
    # experience 1 of 2 years 0.5 (1), ready 4 months late 0.5 (1): (1.5 + 1 + 0.375 + 0 + 0.5 + 0.5) / 9.5
    ben = Successor(
        id="ben",
        industries=frozenset({"I"}),
        regions=frozenset({"pirkanmaa"}),
        country="FI",
        skills=frozenset({"s:bookkeeping"}),
        languages={"en": "native"},
        experience_years=1,
        capital_band=2,
        ready_in_months=10,
    )
    match = score(CAFE, ben)
    assert match.score == pytest.approx(3.875 / 9.5, abs=1e-6)
    assert match.fit == "fair"
    words = [describe(r) for r in match.reasons]
    assert words[0] == "Has s:bookkeeping. Missing: s:customer service."
    assert words[5] == "Ready 4 months after the hand-over."


def test_too_little_capital_blocks_the_pair_both_ways():
    poor = Successor(id="poor", industries=frozenset({"56"}), capital_band=1)
    assert score(CAFE, poor).blocked_by == "not_enough_capital"
    assert successors_for(CAFE, [poor]) == []
    assert listings_for(poor, [CAFE]) == []


def test_both_directions_agree_and_order_best_first():
    good = Successor(id="b", industries=frozenset({"56"}), capital_band=2, country="FI")
    better = Successor(
        id="a", industries=frozenset({"56"}), capital_band=2, anywhere_in=frozenset({"FI"}), country="FI"
    )
    ranked = successors_for(CAFE, [good, better])
    assert [m.successor for m in ranked] == ["a", "b"]
    # the shop asks for nothing but its industry: skills, languages, experience and timeline 1 each
    # (3 + 1 + 1 + 1 = 6 of 9.5); the café matches industry and region (2 + 1.5) and time (1): 4.5 of 9.5
    other = Listing(id="shop", industry="47", section="G", capital_band=0)
    ranked = listings_for(better, [other, CAFE])
    assert [(m.listing, m.score) for m in ranked] == [
        ("shop", pytest.approx(6 / 9.5)),
        ("cafe", pytest.approx(4.5 / 9.5)),
    ]


def test_run_json_and_cli_give_words_not_floats(monkeypatch, capsys):
    data = {
        "listings": [{"id": "cafe", "industry": "56", "section": "I", "region": "uusimaa", "country": "FI"}],
        "successors": [{"id": 7, "industries": ["56"], "regions": ["uusimaa"], "country": "FI"}],
    }
    out = run_json(data)
    first = out["listings"][0]["successors"][0]
    assert first["fit"] == "strong" and first["percent"] == 100
    assert all(isinstance(r["text"], str) for r in first["reasons"])
    assert out["successors"][0]["listings"][0]["listing"] == "cafe"
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(data)))
    assert cli.main(["succession"]) == 0
    assert json.loads(capsys.readouterr().out) == out


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"listings": [{"id": "x"}]}, "industry is required"),
        ({"listings": [{"id": "x", "industry": "56", "languages": {"fi": "Z9"}}]}, "unknown language level"),
        ({"successors": [{"id": "a"}, {"id": "a"}]}, "duplicate ids"),
        ({"successors": [{"id": "a", "capital_band": -1}]}, "at least 0"),
        ([], "must be an object"),
    ],
)
def test_bad_input_is_named(data, message):
    with pytest.raises(InvalidInput, match=message):
        run_json(data)


def test_cli_bad_input_exits_2(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"listings": [{"id": 1}]}'))
    assert cli.main(["succession"]) == 2
    assert "industry is required" in capsys.readouterr().err


def test_the_quick_ranking_agrees_with_the_explained_score():
    """Pairs are ranked without their explanation and explained only when returned: the two must agree."""
    import random

    from polku.matching.succession import _quick

    rng = random.Random(3)
    skills = [f"s{i}" for i in range(12)]
    for _ in range(300):
        listing = Listing(
            id="l",
            industry=rng.choice(["56", "47"]),
            section="I",
            region=rng.choice(["01", "06"]),
            country="FI",
            skills=frozenset(rng.sample(skills, rng.randint(0, 5))),
            languages=rng.choice([{}, {"fi": "B1"}]),
            experience_years=rng.randint(0, 3),
            capital_band=rng.randint(0, 2),
            handover_in_months=rng.choice([None, 6]),
        )
        successor = Successor(
            id="s",
            industries=frozenset(rng.sample(["56", "I", "47"], rng.randint(0, 2))),
            regions=frozenset(rng.sample(["01", "06", "02"], rng.randint(0, 2))),
            country=rng.choice(["FI", "SE"]),
            skills=frozenset(rng.sample(skills, rng.randint(0, 8))),
            languages=rng.choice([{}, {"fi": "A2"}, {"fi": "C1"}]),
            experience_years=rng.randint(0, 4),
            capital_band=rng.randint(0, 2),
            ready_in_months=rng.choice([None, 0, 12]),
        )
        assert _quick(listing, successor) == score(listing, successor).score
