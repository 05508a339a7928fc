"""`polku plan gap` and `polku plan recommend`: JSON in, JSON out; bad input exits 2 with one line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from polku.planning import cli

POLKU = Path(sys.executable).with_name("polku")
TAXONOMY = {"broader": {"python": ["scripting"], "java": ["programming"], "scripting": ["programming"]}}
GAP_IN = {
    "target": [
        {"uri": "scripting", "essential": True, "label": "use scripting programming"},
        {"uri": "java", "essential": True},
        {"uri": "sql", "essential": False},
    ],
    "have": ["python"],
    "taxonomy": TAXONOMY,
}
RECOMMEND_IN = {
    "target": GAP_IN["target"],
    "have": ["python"],
    "taxonomy": TAXONOMY,
    "opportunities": [
        {"id": "java-fi", "skills": ["java"], "hours": 30, "languages": {"fi": "B1"}, "mode": "onsite"},
        {"id": "java-en", "skills": ["java"], "hours": 40, "languages": {"en": "B2"}, "ends": "2026-01-01"},
        {"id": "sql", "skills": ["sql"], "hours": 8, "cost": 20, "mode": "blended", "starts": "2026-09-01"},
    ],
    "learner": {"languages": {"fi": "B2", "en": "native"}, "mode": "onsite", "today": "2026-06-01"},
}


def run(args: list[str], data: object, monkeypatch, capsys) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(data if isinstance(data, str) else json.dumps(data)))
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_gap(monkeypatch, capsys):
    code, out, err = run(["gap"], GAP_IN, monkeypatch, capsys)
    assert code == 0 and err == ""
    gap = json.loads(out)
    assert [(i["uri"], i["status"], i["reason"]) for i in gap["items"]] == [
        ("java", "missing", "not-in-profile"),
        ("sql", "missing", "not-in-profile"),
        ("scripting", "covered", "narrower-skill"),
    ]
    assert (gap["essential_total"], gap["essential_covered"]) == (2, 1)


def test_recommend_from_target_and_from_a_gap_document(monkeypatch, capsys):
    code, out, _ = run(["recommend"], RECOMMEND_IN, monkeypatch, capsys)
    assert code == 0
    rec = json.loads(out)
    assert [c["opportunity_id"] for c in rec["chosen"]] == ["java-fi", "sql"]
    assert rec["excluded"] == [{"opportunity_id": "java-en", "reason": "ended"}]
    assert (rec["total_hours"], rec["total_cost"], rec["optimal"], rec["uncovered"]) == (38, 20, True, [])
    _, gap_out, _ = run(["gap"], GAP_IN, monkeypatch, capsys)
    via_gap = {k: v for k, v in RECOMMEND_IN.items() if k not in ("target", "have")} | {
        "gap": json.loads(gap_out)
    }
    assert run(["recommend"], via_gap, monkeypatch, capsys)[1] == out


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{", "bad JSON"),
        ([], "the input must be a JSON object"),
        ({"target": [{"uri": ""}]}, "target[0].uri"),
        ({"target": [{"uri": "a", "essential": "yes"}]}, "essential"),
        (RECOMMEND_IN | {"learner": {"languages": {"fi": "fluent"}}}, "unknown language level"),
        (RECOMMEND_IN | {"learner": {"languages": {}, "mode": "remote"}}, "unknown mode"),
        (RECOMMEND_IN | {"opportunities": [{"id": "x", "skills": [], "hours": -1}]}, "must not be negative"),
        (RECOMMEND_IN | {"opportunities": [{"id": "x", "skills": []}]}, "hours must be a number"),
        (RECOMMEND_IN | {"learner": {"languages": {}, "today": "1.6.2026"}}, "YYYY-MM-DD"),
        (RECOMMEND_IN | {"taxonomy": {"broader": {"a": "b"}}}, "JSON array"),
        (RECOMMEND_IN | {"method": "best"}, "method must be exact or greedy"),
        (RECOMMEND_IN | {"max_hours": -3}, "max_hours must not be negative"),
        (RECOMMEND_IN | {"time_limit_s": 0}, "time_limit_s must be a positive"),
    ],
)
def test_bad_input_exits_2_with_one_line(data, message, monkeypatch, capsys):
    engine = "gap" if isinstance(data, dict) and "opportunities" not in data else "recommend"
    code, out, err = run([engine], data, monkeypatch, capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("polku plan: ") and message in err


def test_unknown_subcommand_exits_2(monkeypatch, capsys):
    code, _, err = run(["plot"], {}, monkeypatch, capsys)
    assert code == 2 and err.count("\n") == 1


def test_the_polku_command_runs_the_engine_without_django():
    done = subprocess.run(  # noqa: S603
        [str(POLKU), "plan", "recommend"],
        input=json.dumps(RECOMMEND_IN),
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "no.such.settings"},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total_hours"] == 38


def test_the_esco_taxonomy_by_name(monkeypatch, capsys):
    python = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
    programming = "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97"
    data = {"target": [{"uri": programming, "essential": True}], "have": [python], "taxonomy": "esco"}
    code, out, _ = run(["gap"], data, monkeypatch, capsys)
    assert code == 0 and json.loads(out)["items"][0]["reason"] == "narrower-skill"


def test_budget_and_method(monkeypatch, capsys):
    code, out, _ = run(["recommend"], RECOMMEND_IN | {"max_hours": 30}, monkeypatch, capsys)
    rec = json.loads(out)
    assert code == 0 and [c["opportunity_id"] for c in rec["chosen"]] == ["java-fi"]
    assert rec["uncovered"] == ["sql"]
    code, out, _ = run(["recommend"], RECOMMEND_IN | {"method": "greedy"}, monkeypatch, capsys)
    assert code == 0 and json.loads(out)["optimal"] is False
