"""Suggested contacts: reasons worked out by hand, the weighting toward wider contacts, exclusions, the CLI."""

from __future__ import annotations

import json

import pytest

from polku.matching import cli
from polku.matching.contacts import Member, Reason, points, reasons_for, run_json, suggest
from polku.matching.errors import InvalidInput

ME = Member(
    id="me",
    partner="a",
    country="FI",
    skills=frozenset({"python", "baking"}),
    offers=frozenset({"expert"}),
    looks_for=frozenset({"cofounder"}),
    languages={"en": "C1", "fi": "A2"},
    events=frozenset({"dinner-1"}),
)


def test_reasons_name_what_links_two_people():
    other = Member(
        id="x",
        partner="b",
        country="SE",
        skills=frozenset({"python"}),
        offers=frozenset({"cofounder"}),
        looks_for=frozenset({"expert"}),
        languages={"en": "B2", "fi": "native"},
        events=frozenset({"dinner-1", "dinner-2"}),
    )
    assert reasons_for(ME, other) == [
        Reason("they_offer", ("cofounder",)),
        Reason("you_offer", ("expert",)),
        Reason("skills", ("python",)),
        Reason("events", ("dinner-1",)),
        Reason("languages", ("en",)),  # fi is below B1 for me
        Reason("other_country", ("SE",)),
        Reason("other_partner", ()),
    ]
    # 6 + 5 + 3 + 4 + 1 + 4 + 2
    assert points(reasons_for(ME, other)) == 25


def test_language_or_country_alone_is_no_reason():
    assert reasons_for(ME, Member(id="y", country="NO", languages={"en": "C2"})) == []


def test_a_contact_of_another_country_ranks_above_an_equal_one_at_home():
    home = Member(id="a-home", partner="a", country="FI", skills=frozenset({"python"}))
    abroad = Member(id="z-abroad", partner="c", country="NO", skills=frozenset({"python"}))
    ranked = suggest(ME, [home, abroad])
    assert [s.id for s in ranked] == ["z-abroad", "a-home"]
    assert [s.rank for s in ranked] == [1, 2]


def test_excluded_people_and_oneself_are_never_suggested():
    other = Member(id="x", skills=frozenset({"python"}))
    assert suggest(ME, [other, ME], exclude=["x"]) == []


def test_ties_are_broken_by_id_and_the_limit_holds():
    people = [Member(id=f"p{i}", skills=frozenset({"python"})) for i in (3, 1, 2)]
    assert [s.id for s in suggest(ME, people, limit=2)] == ["p1", "p2"]
    with pytest.raises(InvalidInput):
        suggest(ME, people, limit=0)


def test_json_gives_reasons_in_words_and_no_scores():
    out = run_json(
        {
            "me": {"id": 1, "skills": ["python"], "looks_for": ["mentor"], "country": "FI"},
            "candidates": [{"id": 2, "skills": ["python"], "offers": ["mentor"], "country": "SE"}],
        }
    )
    (row,) = out["suggestions"]
    assert row["id"] == "2" and row["rank"] == 1
    assert [r["text"] for r in row["reasons"]] == [
        "they offer what you look for: mentor",
        "you share skills: python",
        "lives in another country (SE)",
    ]
    assert "points" not in row and "score" not in row


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"me": {}},
        {"me": {"id": 1}, "candidates": {}},
        {"me": {"id": 1, "languages": {"en": "Z9"}}, "candidates": []},
    ],
)
def test_bad_input_is_one_clear_error(data):
    with pytest.raises(InvalidInput):
        run_json(data)


def test_cli(tmp_path, capsys):
    data = {"me": {"id": "a", "skills": ["s"]}, "candidates": [{"id": "b", "skills": ["s"]}]}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    assert cli.main(["contacts", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["suggestions"][0]["id"] == "b"
