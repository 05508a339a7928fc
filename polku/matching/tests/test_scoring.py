"""Scores: each criterion, the breakdown adding up, hard rules never scored as allowed."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polku.matching import scoring as sc
from polku.matching.errors import InvalidInput

MENTEE = sc.Candidate(
    "a",
    languages={"en": "B2", "ar": "native", "fi": "A2"},
    skills=frozenset({"python", "sql", "excel", "cloud"}),
    industries=frozenset({"ict"}),
    goals=frozenset({"career", "network"}),
    stage="job-search",
    availability=frozenset({"mon-evening", "weekend"}),
    location="Espoo",
    utc_offset=2,
    wishes=frozenset({"m"}),
)
MENTOR = sc.Candidate(
    "m",
    languages={"en": "C1", "fi": "native"},
    skills=frozenset({"python", "sql", "java"}),
    industries=frozenset({"ict", "finance"}),
    goals=frozenset({"career"}),
    stage="job-search",
    availability=frozenset({"weekend"}),
    location="Helsinki",
    utc_offset=2,
    employer="Nokia",
)


def parts(score):
    return {p.criterion: p for p in score.parts}


def test_every_criterion_explains_itself():
    s = sc.score_pair(MENTEE, MENTOR)
    p = parts(s)
    assert s.blocked_by is None
    assert p["language"].matched == ("en",) and p["language"].value == pytest.approx(0.4)  # B2 of B1..native
    assert p["skills"].value == 0.5 and p["skills"].matched == ("python", "sql")
    assert p["skills"].missing == ("cloud", "excel")
    assert p["industry"].value == 0.5  # {ict} vs {ict, finance}
    assert p["goals"].value == 0.5 and p["goals"].missing == ("network",)
    assert p["stage"].value == 1.0
    assert p["availability"].value == 0.5
    assert p["location"].value == 0.75  # same time zone, another place
    assert p["wishes"].value == 0.5 and p["wishes"].matched == ("left asked",)
    assert s.score == pytest.approx(sum(x.contribution for x in s.parts), abs=1e-5)
    weights = sc.DEFAULT_WEIGHTS
    assert s.score == pytest.approx(sum(weights[c] * p[c].value for c in sc.CRITERIA) / sum(weights.values()))


def test_weights_replace_the_defaults():
    s = sc.score_pair(MENTEE, MENTOR, weights={"skills": 1})
    assert s.score == 0.5
    assert parts(s)["language"].contribution == 0.0
    cases: list[tuple[dict[str, float], str]] = [
        ({"beauty": 1}, "unknown criteria"),
        ({"skills": -1}, "at least 0"),
        ({"skills": 0}, "above 0"),
    ]
    for bad, message in cases:
        with pytest.raises(InvalidInput, match=message):
            sc.score_pair(MENTEE, MENTOR, weights=bad)


def test_hard_rules_block_and_still_explain():
    same_employer = sc.Candidate("a2", languages={"en": "C2"}, employer=" nokia ")
    s = sc.score_pair(same_employer, MENTOR)
    assert s.blocked_by == "same_employer" and s.score == 0.0 and s.parts
    assert sc.score_pair(same_employer, MENTOR, rules=sc.Rules(forbid_same_employer=False)).blocked_by is None
    no_language = sc.Candidate("a3", languages={"ar": "native", "en": "A2"})
    assert sc.score_pair(no_language, MENTOR).blocked_by == "no_shared_language"
    assert sc.score_pair(no_language, MENTOR, rules=sc.Rules(min_language_level="A2")).blocked_by is None
    declined = sc.Rules(never=frozenset({("a", "m")}))
    assert sc.score_pair(MENTEE, MENTOR, rules=declined).blocked_by == "declined_before"
    assert sc.score_all([MENTEE], [MENTOR], rules=declined) == []


def test_location_and_time_zone():
    here = sc.Candidate("x", location="Espoo")
    assert (
        parts(
            sc.score_pair(
                here, sc.Candidate("y", location="espoo"), rules=sc.Rules(require_shared_language=False)
            )
        )["location"].value
        == 1.0
    )
    far = sc.score_pair(
        sc.Candidate("x", utc_offset=2),
        sc.Candidate("y", utc_offset=-4),
        rules=sc.Rules(require_shared_language=False),
    )
    assert parts(far)["location"].value == pytest.approx(0.375)
    date_line = sc.score_pair(
        sc.Candidate("x", utc_offset=12),
        sc.Candidate("y", utc_offset=-11),
        rules=sc.Rules(require_shared_language=False),
    )
    assert parts(date_line)["location"].value == pytest.approx(0.75 * (1 - 1 / 12))


def test_score_all_orders_best_first_and_cuts_to_top_k():
    others = [
        MENTOR,
        sc.Candidate("n", languages={"en": "B1"}),
        sc.Candidate("o", languages={"en": "C2"}, skills=frozenset({"python", "sql", "excel", "cloud"})),
        sc.Candidate("p", languages={"sv": "native"}),  # no shared language: never listed
    ]
    all_pairs = sc.score_all([MENTEE], others)
    assert [p.right for p in all_pairs] == sorted(
        ["m", "n", "o"], key=lambda r: -sc.score_pair(MENTEE, next(o for o in others if o.id == r)).score
    )
    scores = [p.score for p in all_pairs]
    assert scores == sorted(scores, reverse=True)
    assert [p.right for p in sc.score_all([MENTEE], others, top_k=1)] == [all_pairs[0].right]
    assert sc.as_scores(all_pairs)[0] == (all_pairs[0].left, all_pairs[0].right, all_pairs[0].score)
    assert sc.explain(all_pairs[0])["parts"][0]["criterion"] == "language"
    with pytest.raises(InvalidInput, match="top_k"):
        sc.score_all([MENTEE], others, top_k=0)
    with pytest.raises(InvalidInput, match="duplicate"):
        sc.score_all([MENTEE], [MENTOR, MENTOR])


levels = st.sampled_from(["A1", "A2", "B1", "B2", "C1", "C2", "native"])
words = st.frozensets(st.sampled_from(["x", "y", "z", "w"]), max_size=3)
candidates = st.builds(
    sc.Candidate,
    id=st.sampled_from(["a", "b", "c"]),
    languages=st.dictionaries(st.sampled_from(["en", "fi", "sv"]), levels, max_size=2),
    skills=words,
    industries=words,
    goals=words,
    stage=st.none() | st.sampled_from(["s1", "s2"]),
    availability=words,
    location=st.none() | st.sampled_from(["Espoo", "Turku"]),
    utc_offset=st.none() | st.sampled_from([-5, 0, 2, 3.5, 12]),
    employer=st.none() | st.sampled_from(["E1", "E2"]),
    wishes=st.frozensets(st.sampled_from(["a", "b", "c"]), max_size=2),
)


@settings(max_examples=200, deadline=None)
@given(candidates, candidates, st.booleans())
def test_scores_in_range_and_blocked_pairs_never_allowed(left, right, declined):
    rules = sc.Rules(never=frozenset({(left.id, right.id)}) if declined else frozenset())
    s = sc.score_pair(left, right, rules=rules)
    assert 0.0 <= s.score <= 1.0
    assert all(0.0 <= p.value <= 1.0 for p in s.parts)
    if declined:
        assert s.blocked_by == "declined_before"
    if left.employer and left.employer == right.employer:
        assert s.blocked_by is not None
    if s.blocked_by:
        assert s.score == 0.0
        assert sc.score_all([left], [right], rules=rules) == []
    else:
        assert s.score == pytest.approx(sum(p.contribution for p in s.parts), abs=1e-5)
        assert sc.score_all([left], [right], rules=rules) == [s]
