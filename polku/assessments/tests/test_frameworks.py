"""The framework data is complete: every competence, level and text in fi, sv and en."""

import pytest

from polku.assessments import frameworks as fw


def test_digcomp_has_5_areas_21_competences_8_levels():
    f = fw.framework("digcomp-2.2")
    assert [len(a.competences) for a in f.areas] == [3, 6, 4, 4, 4]
    assert len(f.competences) == 21
    assert [lv.number for lv in f.levels] == list(range(1, 9))
    assert [b.code for b in f.bands] == ["foundation", "intermediate", "advanced", "highly-specialised"]
    assert f.competences[0].code == "digcomp-2.2:1.1"
    assert f.competences[-1].code == "digcomp-2.2:5.4"
    assert f.area(1).name.en == "Information and data literacy"
    assert f.area(5).name.en == "Problem solving"


def test_entrecomp_has_3_areas_15_competences_8_levels():
    f = fw.framework("entrecomp")
    assert f.key == "entrecomp-1.0"
    assert [len(a.competences) for a in f.areas] == [5, 5, 5]
    assert [lv.number for lv in f.levels] == list(range(1, 9))
    assert [b.code for b in f.bands] == ["foundation", "intermediate", "advanced", "expert"]
    assert fw.competence("entrecomp-1.0:1.1").name.en == "Spotting opportunities"
    assert fw.competence("entrecomp-1.0:3.5").name.en == "Learning through experience"


def test_every_text_in_three_languages_and_distinct_from_english_where_it_should_be():
    texts = list(fw.iter_texts())
    assert len(texts) > 100
    for where, text in texts:
        for lang in fw.LANGUAGES:
            assert getattr(text, lang).strip(), f"{where} has no {lang}"
        # Finnish is never identical to English, except proper names such as "Vision"/"Visio".
        if text.en not in {"Vision"}:
            assert text.fi != text.en, where


def test_lookups():
    assert len(fw.all_competences()) == 36
    assert len({c.code for c in fw.all_competences()}) == 36
    assert fw.framework("digcomp") is fw.framework("digcomp-2.2")
    assert fw.competence("digcomp-2.2:3.4").name.get("fi") == "Ohjelmointi"
    assert fw.competence("digcomp-2.2:3.4").name.get("sv-fi") == "Programmering"
    assert fw.competence("digcomp-2.2:3.4").name.get("de") == "Programming"
    assert fw.is_competence_code("digcomp-2.2:2.6")
    assert not fw.is_competence_code("digcomp-2.2:2.7")
    with pytest.raises(KeyError):
        fw.framework("nope")
    with pytest.raises(KeyError):
        fw.competence("digcomp-2.2:9.9")


def test_area_code():
    assert fw.framework("digcomp").area(2).code == "digcomp-2.2:2"
