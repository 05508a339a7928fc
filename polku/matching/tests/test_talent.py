"""Talent matching: scores worked out by hand, the declined rule, both directions, placements, the CLI."""

from __future__ import annotations

import json

import pytest

from polku.matching import cli
from polku.matching.errors import InvalidInput
from polku.matching.talent import Need, Talent, assign, rank_needs, rank_talents, run_json, score

PY = frozenset({"python", "sql"})


def _parts(pair):
    return {p.criterion: p for p in pair.parts}


def test_score_worked_by_hand():
    # required 1 of 2 (0.5), nice 1 of 1, language fi B1 asked, has A2: 0.5 × 2/3; en C1 asked, has C1: 1
    talent = Talent(id="t", skills=frozenset({"python", "docker"}), languages={"fi": "A2", "en": "C1"})
    need = Need(
        id="n",
        required=PY,
        nice=frozenset({"docker"}),
        languages={"fi": "B1", "en": "C1"},
        location="Tampere",
        mode="hybrid",
    )
    pair = score(talent, need)
    parts = _parts(pair)
    assert parts["required"].value == 0.5
    assert parts["required"].matched == ("python",)
    assert parts["required"].missing == ("sql",)
    assert parts["nice"].matched == ("docker",)
    assert parts["language"].value == pytest.approx((1 / 3 + 1) / 2, abs=1e-6)
    assert parts["language"].matched == ("en",)
    assert parts["language"].missing == ("fi:B1",)
    assert parts["location"].value == 0.5  # hybrid, place unknown
    expected = (4 * 0.5 + 1.5 * 1 + 2.5 * (2 / 3) + 1 * 0.5) / 9
    assert pair.score == pytest.approx(expected, abs=1e-6)
    assert sum(p.contribution for p in pair.parts) == pytest.approx(pair.score, abs=1e-5)


def test_nothing_asked_is_a_full_fit_and_on_site_elsewhere_is_zero_for_place():
    need = Need(id="n", location="Oulu", mode="on_site")
    assert score(Talent(id="t", location="oulu"), need).score == 1.0
    pair = score(Talent(id="t", location="Espoo"), need)
    assert _parts(pair)["location"].value == 0.0
    assert score(Talent(id="t"), Need(id="r", mode="remote")).score == 1.0


def test_ranking_both_ways_and_declined_employer_left_out():
    talents = [
        Talent(id="a", skills=PY, languages={"en": "B2"}),
        Talent(id="b", skills=frozenset({"python"}), languages={"en": "B2"}),
        Talent(id="c", skills=PY, languages={"en": "B2"}),
    ]
    need = Need(id="n1", employer="acme", required=PY, languages={"en": "B2"}, mode="remote")
    ranked = rank_talents(need, talents, never=frozenset({("c", "acme")}))
    assert [p.left for p in ranked] == ["a", "b"]
    other = Need(id="n2", employer="other", required=frozenset({"sql"}), mode="remote")
    mine = rank_needs(talents[2], [need, other], never=frozenset({("c", "acme")}))
    assert [p.right for p in mine] == ["n2"]
    assert [p.right for p in rank_needs(talents[0], [other, need], top_k=1)] == ["n1"]


def test_assign_respects_openings_and_takes_the_best_total():
    talents = [Talent(id=x, skills=PY, location="Turku") for x in ("a", "b", "c")]
    needs = [
        Need(id="turku", required=PY, location="Turku", openings=2),
        Need(id="oulu", required=PY, location="Oulu", openings=1),
    ]
    placements = assign(needs, talents)
    by_need: dict[str, int] = {}
    for p in placements:
        by_need[p.need] = by_need.get(p.need, 0) + 1
    assert by_need == {"turku": 2, "oulu": 1}
    assert len({p.talent for p in placements}) == 3


def test_bad_input_is_refused_with_a_clear_message():
    with pytest.raises(InvalidInput, match="unknown language level"):
        run_json({"needs": [{"id": "n", "languages": {"fi": "B7"}}], "talents": []})
    with pytest.raises(InvalidInput, match="mode"):
        run_json({"needs": [{"id": "n", "mode": "moon"}], "talents": []})
    with pytest.raises(InvalidInput, match="duplicate"):
        rank_talents(Need(id="n"), [Talent(id="a"), Talent(id="a")])


def test_cli_talent(tmp_path, capsys):
    data = {
        "needs": [{"id": "n", "employer": "e", "required": ["python"], "openings": 1, "mode": "remote"}],
        "talents": [{"id": "a", "skills": ["python"]}, {"id": "b", "skills": []}],
        "never": [["b", "e"]],
        "assign": True,
    }
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    assert cli.main(["talent", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [row["left"] for row in out["needs"]["n"]] == ["a"]
    assert out["talents"]["b"] == []
    assert out["placements"] == [{"talent": "a", "need": "n", "score": 1.0}]
    path.write_text(json.dumps({"needs": [{"id": "n", "languages": {"fi": "Z9"}}]}))
    assert cli.main(["talent", str(path)]) == 2
    assert "unknown language level" in capsys.readouterr().err
