"""The stage rules as plain data: every move allowed or refused, by hand."""

from __future__ import annotations

import pytest

from polku.entrepreneurship import rules
from polku.entrepreneurship.rules import Evidence, check_move
from polku.testing.asserts import present

FULL = Evidence(canvas_core=True, interviews=3, finished_experiments=1, has_company=True)


@pytest.mark.parametrize(
    ("current", "target", "code"),
    [
        ("idea", "validating", None),
        ("idea", "ready_to_start", "jump"),
        ("idea", "started", "jump"),
        ("validating", "idea", None),
        ("validating", "ready_to_start", None),
        ("ready_to_start", "idea", "back"),
        ("ready_to_start", "started", None),
        ("started", "growing", None),
        ("started", "validating", "back"),
        ("growing", "paused", None),
        ("idea", "idea", "same"),
        ("idea", "bankrupt", "unknown"),
    ],
)
def test_moves_with_full_evidence(current, target, code):
    broken = check_move(current, target, FULL)
    assert (broken.code if broken else None) == code


def test_each_stage_asks_for_its_evidence():
    assert present(check_move("idea", "validating", Evidence())).code == "canvas"
    short = Evidence(canvas_core=True, interviews=2, finished_experiments=1)
    assert present(check_move("validating", "ready_to_start", short)).code == "evidence"
    no_experiment = Evidence(canvas_core=True, interviews=3)
    assert present(check_move("validating", "ready_to_start", no_experiment)).code == "evidence"
    assert present(check_move("ready_to_start", "started", Evidence(interviews=9))).code == "company"


def test_a_paused_idea_resumes_at_its_stage_or_earlier():
    paused = Evidence(canvas_core=True, paused_from="validating")
    assert check_move("paused", "validating", paused) is None
    assert check_move("paused", "idea", paused) is None
    broken = present(check_move("paused", "ready_to_start", paused))
    assert broken.code == "resume" and broken.allowed == ("idea", "validating")
    assert rules.allowed_moves("idea") == ("validating", "paused")
