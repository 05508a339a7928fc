"""ESCO labels of other languages added at load time (SkillRanker.add_language / extra_labels)."""

import pytest

from polku.skills.ranker import SkillRanker, UnknownLanguage
from polku.skills.text import NativeAnalyser

SKILL = "http://data.europa.eu/esco/skill/"
OCC = "http://data.europa.eu/esco/occupation/"
FORKLIFT = SKILL + "28cb374e-6261-4133-8371-f9a5470145da"
CUSTOMER_SERVICE = SKILL + "15a33d76-4640-438d-ae64-fdc0c1d3eebc"
PYTHON = SKILL + "ccd0a1d9-afda-43d9-b901-96344886e14d"
CASH_REGISTER = SKILL + "0cb013af-6dd9-4fb2-b34e-63dda1a5cf82"
LAY_BRICKS = SKILL + "13e1c0a2-b90d-46f4-be51-11730360b38d"
CLEAN_ROOMS = SKILL + "7bb01a18-4637-4535-ba18-258f48f705b8"
FORKLIFT_OPERATOR = OCC + "eeac6251-1974-42f5-91ed-513c6c883755"
CASHIER = OCC + "2b871272-bd61-4206-bd1a-0b96d7023098"
BRICKLAYER = OCC + "05f321f8-055b-407d-bf19-e0ddabda56b7"

# ESCO-style Finnish and Swedish labels for real ESCO concepts (hand-made, a few per concept).
FI = [
    (FORKLIFT, "käyttää trukkia", ["ajaa trukkia", "trukin käyttö"]),
    (CUSTOMER_SERVICE, "asiakaspalvelu", ["asiakastuki"]),
    (PYTHON, "Python (tietokoneohjelmointi)", []),
    (CASH_REGISTER, "käyttää kassakonetta", ["kassakoneen käyttö"]),
    (LAY_BRICKS, "muurata tiiliä", ["tiilenmuuraus"]),
    (CLEAN_ROOMS, "siivota huoneita", "huoneiden siivous\nhuoneiden siistiminen"),
    (FORKLIFT_OPERATOR, "trukinkuljettaja", ["trukkikuski"]),
    (CASHIER, "kassanhoitaja", ["kassatyöntekijä"]),
    (BRICKLAYER, "muurari", []),
    ("http://data.europa.eu/esco/isco/C8344", "trukinkuljettajat", []),  # not a skill nor occupation
]
SV = [
    (FORKLIFT, "köra truck", ["använda gaffeltruck"]),
    (CUSTOMER_SERVICE, "kundservice", ["kundtjänst", "kundsupport"]),
    (CASH_REGISTER, "använda kassaapparat", []),
    (LAY_BRICKS, "mura tegel", ["tegelmurning"]),
    (CLEAN_ROOMS, "städa rum", []),
    (FORKLIFT_OPERATOR, "truckförare", []),
    (CASHIER, "kassabiträde", ["kassörska"]),
    (BRICKLAYER, "murare", []),
]
UK: list[tuple[str, str, list[str]]] = [
    (CUSTOMER_SERVICE, "обслуговування клієнтів", []),
    (LAY_BRICKS, "класти цеглу", []),
]


@pytest.fixture(scope="module")
def multi() -> SkillRanker:
    ranker = SkillRanker.load(semantic="none", extra_labels={"fi": FI, "sv": SV})
    ranker.add_language("uk", UK)
    return ranker


def uris(items):
    return [r.uri for r in items]


@pytest.mark.parametrize(
    ("text", "lang", "uri"),
    [
        ("Olen ajanut trukkia kolme vuotta", "fi", FORKLIFT),
        ("Työskentelin asiakaspalvelussa kaupassa", "fi", CUSTOMER_SERVICE),  # inflected compound
        ("Osaan ohjelmoida Pythonilla", "fi", PYTHON),
        ("Olen käyttänyt kassakonetta ja siivonnut huoneita", "fi", CASH_REGISTER),  # not in the glossary
        ("Olen käyttänyt kassakonetta ja siivonnut huoneita", "fi", CLEAN_ROOMS),
        ("Tein tiilenmuurausta rakennuksilla", "fi", LAY_BRICKS),  # compound only in the labels
        ("Olen muurannut tiiliä", "fi", LAY_BRICKS),
        ("Jag har jobbat med kundservice", "sv", CUSTOMER_SERVICE),
        ("Jag har kört truck på lagret", "sv", FORKLIFT),
        ("Jag har murat tegel i tio år", "sv", LAY_BRICKS),
        ("Jag har använt kassaapparaten", "sv", CASH_REGISTER),
        ("Я працювала в обслуговуванні клієнтів", "uk", CUSTOMER_SERVICE),  # no glossary: labels only
    ],
)
def test_inflected_text_finds_the_concept_through_its_own_language_labels(multi, text, lang, uri):
    assert uri in uris(multi.rank_skills(text, lang=lang, top=5))


def test_occupations_use_the_added_labels_too(multi):
    assert FORKLIFT_OPERATOR in uris(multi.rank_occupations("Olen trukinkuljettaja", lang="fi", top=3))
    assert CASHIER in uris(multi.rank_occupations("Jag har arbetat som kassabiträde", lang="sv", top=3))


def test_evidence_comes_from_the_text_in_its_own_language(multi):
    text = "Olen käyttänyt kassakonetta"
    found = next(r for r in multi.rank_skills(text, lang="fi", top=5) if r.uri == CASH_REGISTER)
    assert "kassakonetta" in found.evidence


def test_a_language_is_known_once_its_labels_are_added():
    ranker = SkillRanker.load(semantic="none")
    with pytest.raises(UnknownLanguage):
        ranker.rank_skills("Kundendienst", lang="de")
    counts = ranker.add_language("de", [(CUSTOMER_SERVICE, "Kundendienst", ["Kundenservice"])])
    assert counts == {"skills": 2, "occupations": 0}
    assert "de" in ranker.languages
    assert CUSTOMER_SERVICE in uris(
        ranker.rank_skills("Ich habe im Kundendienst gearbeitet", lang="de", top=3)
    )
    with pytest.raises(UnknownLanguage):
        ranker.rank_skills("text", lang="xx")


def test_default_path_fuses_added_labels_with_the_semantic_path(ranker):
    # The session ranker (default path) is shared: add a language no other test uses.
    ranker.add_language("et", [(FORKLIFT, "kahveltõstukiga töötamine", ["kahveltõstuki juhtimine"])])
    assert FORKLIFT in uris(ranker.rank_skills("Olen töötanud kahveltõstukiga", lang="et", top=5))


def test_finnish_compounds_split_into_label_words():
    analyser = NativeAnalyser("fi").fit(["asiakas", "palvelu", "trukki", "kuljettaja"])
    assert analyser.label_words("asiakaspalvelussa")[1:] == ["asiakas", "palvelu"]
    assert "olen" not in analyser.label_words("Olen trukinkuljettaja")


def test_swedish_compound_with_linking_s():
    analyser = NativeAnalyser("sv").fit(["lager", "arbete"])
    assert analyser.label_words("lagersarbete")[1:] == ["lager", "arbete"]
