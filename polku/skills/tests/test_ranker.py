"""Known texts map to the expected ESCO URIs, on the real shipped data."""

import pytest

from polku.skills.ranker import UnknownLanguage

SKILL = "http://data.europa.eu/esco/skill/"
OCC = "http://data.europa.eu/esco/occupation/"
PYTHON = SKILL + "ccd0a1d9-afda-43d9-b901-96344886e14d"
FORKLIFT = SKILL + "28cb374e-6261-4133-8371-f9a5470145da"
JAVASCRIPT = SKILL + "3cd569a2-4f88-4c1e-9995-8dce8c5e51a7"
MACHINE_LEARNING = SKILL + "3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43"
SQL = SKILL + "598de5b0-5b58-4ea7-8058-a4bc4d18c742"
CUSTOMER_SERVICE = SKILL + "15a33d76-4640-438d-ae64-fdc0c1d3eebc"
FORKLIFT_OPERATOR = OCC + "eeac6251-1974-42f5-91ed-513c6c883755"
SOFTWARE_DEVELOPER = OCC + "f2b15a0e-e65a-438a-affb-29b9d50b77d1"


def uris(items):
    return [r.uri for r in items]


@pytest.mark.parametrize(
    ("text", "uri", "k"),
    [
        ("Python programming", PYTHON, 1),
        ("I drove a forklift in the warehouse", FORKLIFT, 3),
        ("js", JAVASCRIPT, 1),
        ("experience with ML models", MACHINE_LEARNING, 5),
        ("writing SQL queries", SQL, 5),
        ("excellent customer service", CUSTOMER_SERVICE, 3),
    ],
)
@pytest.mark.parametrize("path", ["ranker", "lexical"])
def test_english_texts_find_their_skill(request, path, text, uri, k):
    ranker = request.getfixturevalue(path)
    assert uri in uris(ranker.rank_skills(text, top=k))


@pytest.mark.parametrize(
    ("text", "lang", "uri", "k"),
    [
        ("Minulla on trukkikortti", "fi", FORKLIFT, 3),  # compound: trukki + kortti
        ("Olen ajanut trukkia varastossa", "fi", FORKLIFT, 3),  # inflected: trukkia, varastossa
        ("Python-ohjelmointia ja SQL-kyselyjä", "fi", PYTHON, 3),  # tech names in inflected compounds
        ("Jag har kört gaffeltruck", "sv", FORKLIFT, 3),
        ("Jag har jobbat med kundtjänst", "sv", CUSTOMER_SERVICE, 5),
    ],
)
def test_finnish_and_swedish_reach_english_labels_through_tech_names_and_glossary(
    lexical, text, lang, uri, k
):
    # ESCO ships here in English only: Finnish and Swedish work through tech names, aliases and the
    # small glossary in polku.skills.text, not through ESCO labels of their own.
    assert uri in uris(lexical.rank_skills(text, lang=lang, top=k))


def test_results_are_best_first_with_k_items_and_evidence_from_the_text(ranker):
    text = "I drove a forklift in the warehouse"
    ranked = ranker.rank_skills(text, top=7)
    assert len(ranked) == 7
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    top = next(r for r in ranked if r.uri == FORKLIFT)
    assert "forklift" in top.evidence
    for r in ranked:
        for word in r.evidence:
            assert word in text


def test_long_text_is_split_and_each_part_counts(ranker):
    cv = (
        "I studied economics at the University of Tampere and wrote my thesis on labour markets. "
        "Then I worked three years as a cashier in a supermarket, where I also handled the stock. "
        "For the last two years I have worked in a warehouse and drove a forklift every day. "
        "In my free time I write small programs in Python."
    )
    found = uris(ranker.rank_skills(cv, top=30))
    assert FORKLIFT in found
    assert PYTHON in found
    # The same skills are found from their own sentence: aggregation keeps a sentence's best score.
    alone = ranker.rank_skills("In my free time I write small programs in Python.", top=30)
    assert {r.uri: r.score for r in alone}[PYTHON] <= {
        r.uri: r.score for r in ranker.rank_skills(cv, top=30)
    }[PYTHON]


def test_occupations_by_label_and_by_skills(ranker):
    assert FORKLIFT_OPERATOR in uris(ranker.rank_occupations("forklift driver", top=3))
    assert SOFTWARE_DEVELOPER in uris(
        ranker.rank_occupations("I develop software in Java and Python and design databases", top=10)
    )


def test_unknown_language_is_refused(ranker):
    with pytest.raises(UnknownLanguage):
        ranker.rank_skills("Hallo Welt", lang="xx")


def test_empty_text_gives_k_items_with_zero_evidence(ranker):
    ranked = ranker.rank_skills("", top=3)
    assert len(ranked) == 3
    assert all(r.evidence == () for r in ranked)


class FakeModel:
    """A stand-in for the full transformer: deterministic vectors from character counts, no torch."""

    name = "fake"

    def __init__(self, model_path: str = "/models/fake") -> None:
        self.model_path = model_path
        self.calls = 0

    def encode(self, texts):
        import numpy as np

        self.calls += 1
        out = np.zeros((len(texts), 26), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t.lower():
                if "a" <= ch <= "z":
                    out[i, ord(ch) - 97] += 1
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1
        return out / norms


def test_full_model_vectors_are_cached_by_model_path_and_data(tmp_path):
    import numpy as np

    from polku.skills.index import load_esco
    from polku.skills.ranker import SkillRanker

    esco = load_esco()
    first = FakeModel()
    a = SkillRanker(esco, first, cache_dir=tmp_path)
    vectors = a.skills.vectors
    assert vectors is not None
    assert first.calls == 2  # labels, then descriptions
    assert len(list(tmp_path.glob("skills-fake-*.npz"))) == 1
    again = FakeModel()
    b = SkillRanker(esco, again, cache_dir=tmp_path)
    cached = b.skills.vectors
    assert cached is not None
    assert np.allclose(cached, vectors, atol=1e-3)
    assert again.calls == 0  # read from the cache, not encoded
    other = FakeModel("/models/other")
    SkillRanker(esco, other, cache_dir=tmp_path).skills.vectors  # noqa: B018
    assert other.calls == 2  # another model path: another cache file
    assert len(list(tmp_path.glob("skills-fake-*.npz"))) == 2


def test_top_order_is_a_stable_sort_cut_to_top():
    import numpy as np

    from polku.skills.ranker import top_order

    rng = np.random.default_rng(0)
    for scores in (rng.random(1000), np.round(rng.random(1000), 1), np.zeros(50)):
        scores = scores.astype(np.float32)
        for top in (1, 5, 10, 60, 2000):
            assert top_order(scores, top).tolist() == np.argsort(-scores, kind="stable")[:top].tolist()


def test_ranking_many_texts_together_equals_ranking_each(ranker):
    texts = [
        "I drove a forklift in a warehouse and stored goods.",
        "",
        "Python and SQL for data analysis. I also taught children to swim. Customer service at a till.",
        "Siivosin toimistoja ja hoidin lapsia.",
    ]
    one_by_one = [ranker.rank_skills(t, top=8) for t in texts]
    assert ranker.rank_skills_many(texts, top=8) == one_by_one
    occupations = [ranker.rank_occupations(t, top=5, evidence=False) for t in texts]
    assert ranker.rank_occupations_many(texts, top=5, evidence=False) == occupations
    assert one_by_one[0] and one_by_one[0] != one_by_one[2]
