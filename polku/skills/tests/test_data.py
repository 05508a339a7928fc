"""The shipped ESCO v1.1.1 files are complete and consistent."""

import gzip
import json

from polku.skills.index import DATA_DIR, load_esco

PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
SOFTWARE_DEVELOPER = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"


def test_counts_match_esco_v1_1_1():
    esco = load_esco()
    assert len(esco.skills) == 13_896
    assert len(esco.occupations) == 3_007
    assert sum(len(r) for r in esco.occupation_skills) == 123_788  # 123,855 less 67 to unknown concepts


def test_skill_record_carries_labels_type_and_collections():
    esco = load_esco()
    python = next(s for s in esco.skills if s.uri == PYTHON)
    assert python.label == "Python (computer programming)"
    assert python.skill_type == "knowledge"
    assert "digital" in python.collections
    assert python.alt  # alternative labels kept


def test_occupation_skill_relations_point_at_real_skills():
    esco = load_esco()
    i = next(i for i, o in enumerate(esco.occupations) if o.uri == SOFTWARE_DEVELOPER)
    assert esco.occupations[i].isco == "2512"
    skills = {esco.skills[s].label for s, essential in esco.occupation_skills[i] if essential}
    assert "computer programming" in skills


def test_broader_relations_and_attribution_ship():
    with gzip.open(DATA_DIR / "relations.json.gz", "rt") as f:
        rel = json.load(f)
    assert len(rel["broader_skill"]) == 20_656
    assert len(rel["broader_occupation"]) == 3_617
    assert "© European Union" in (DATA_DIR / "ATTRIBUTION.md").read_text()


def test_descriptions_ship_for_every_concept():
    from polku.skills.index import load_descriptions

    descriptions = load_descriptions()
    assert len(descriptions) == 13_896 + 3_007
    assert "Python" in descriptions[PYTHON]
