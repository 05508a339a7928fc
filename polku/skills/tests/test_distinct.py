"""Near-duplicate suggestions are folded into the best-scored one."""

from __future__ import annotations

from polku.skills.distinct import content_words, distinct, near_duplicates
from polku.skills.ranker import Ranked


def _r(label: str, score: float) -> Ranked:
    return Ranked(uri=f"u:{label}", label=label, score=score, evidence=())


def test_customer_service_nine_ways_is_one_suggestion() -> None:
    flood = [
        "customer service",
        "provide customer service",
        "customer services",
        "maintain customer service",
        "deliver customer service",
        "customer service processes",
        "customer service techniques",
        "perform customer service",
        "ensure customer service",
    ]
    ranked = [_r(label, 1 - i / 100) for i, label in enumerate(flood)] + [_r("forklift operation", 0.5)]
    kept = distinct(ranked, lambda r: r.label)
    assert [r.label for r in kept] == ["customer service", "forklift operation"]


def test_different_skills_stay_apart() -> None:
    assert not near_duplicates("customer service", "customer relationship management")
    assert not near_duplicates("use spreadsheets software", "use word processing software")
    assert not near_duplicates("drive trucks", "repair trucks")
    assert not near_duplicates("Python", "Java")


def test_the_best_scored_of_a_family_stays_and_order_is_kept() -> None:
    ranked = [_r("teamwork", 0.9), _r("provide first aid", 0.8), _r("first aid", 0.7), _r("Python", 0.6)]
    assert [r.label for r in distinct(ranked, lambda r: r.label)] == [
        "teamwork",
        "provide first aid",
        "Python",
    ]


def test_content_words() -> None:
    assert content_words("Provide customer services") == {"customer", "service"}
    assert content_words("") == frozenset()


def test_the_ranker_folds_near_duplicates_when_asked(ranker) -> None:
    text = "I worked in customer service at a call centre and served customers in a shop for five years."
    plain = ranker.rank_skills(text, top=15, evidence=False)
    folded = ranker.rank_skills(text, top=15, evidence=True, fold=True)
    assert len(folded) == 15
    labels = [r.label for r in folded]
    for i, a in enumerate(labels):
        assert not any(near_duplicates(a, b) for b in labels[:i]), a
    assert folded[0].uri == plain[0].uri  # the best stays first
    assert all(r.evidence for r in folded[:3])
