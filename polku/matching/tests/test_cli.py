"""`polku match …`: in-process and as a real command; every invalid input exits 2 without a traceback."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from polku.matching import cli
from polku.matching.tests.test_assignment import INVALID
from polku.matching.tests.test_schedule import INVALID as INVALID_SCHEDULE

POLKU = Path(sys.executable).with_name("polku")
ROOT = Path(__file__).resolve().parents[3]  # the checkout under test, also for the subprocess
EXAMPLE = {
    "left": [{"id": "a", "capacity": 1}],
    "right": [{"id": "m", "capacity": 2}],
    "scores": [["a", "m", 0.8]],
    "forbidden": [["a", "x"]],
    "required": [],
    "objective": "total",
}


def test_in_process_example(tmp_path, capsys):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(EXAMPLE))
    assert cli.main(["assign", str(path)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"pairs": [["a", "m"]], "total": 0.8, "matched": 1, "gap": 0.0}
    assert "unknown id" in err


@pytest.mark.parametrize(("data", "message"), INVALID)
def test_in_process_invalid_input_exits_2(data, message, tmp_path, capsys):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    assert cli.main(["assign", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("polku match: ") and "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["assign", "/nonexistent/in.json"], "cannot read"),
        (["unknown"], "invalid choice"),
        ([], "required"),
        (["assign", "-", "--time-limit", "0"], "positive"),
        (["assign", "-", "--time-limit", "soon"], "invalid float"),
    ],
)
def test_in_process_bad_arguments(argv, message, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("{}"))
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err


def run(args, stdin=""):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(  # noqa: S603 - our own command
        [str(POLKU), "match", *args], input=stdin, capture_output=True, text=True, timeout=60, env=env
    )


def test_command_reads_a_file_and_standard_input(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(EXAMPLE | {"objective": "maxmin"}))
    done = run(["assign", str(path)])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["pairs"] == [["a", "m"]]
    done = run(["assign"], stdin=json.dumps(EXAMPLE | {"objective": "count"}))
    assert done.returncode == 0 and json.loads(done.stdout)["matched"] == 1


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("{bad", "bad JSON at line 1"),
        ("", "bad JSON"),
        ("[" * 100_000, "bad JSON"),
        ('{"left": ' + "1" * 5000 + "}", "bad JSON"),
        (json.dumps(EXAMPLE | {"objective": "fair"}), "unknown objective"),
        (json.dumps(EXAMPLE | {"left": [{"id": "a", "capacity": -2}]}), "must not be negative"),
        (json.dumps(EXAMPLE | {"required": [["a", "x"]]}), "unknown right id"),
    ],
)
def test_command_invalid_input_exits_2_without_traceback(stdin, message):
    done = run(["assign"], stdin=stdin)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


SCHEDULE = {
    "slots": ["s1", "s2"],
    "tables": 1,
    "people": [{"id": "a"}, {"id": "b"}, {"id": "c", "available": ["s1"]}, {"id": "d", "available": ["s1"]}],
    "meetings": [
        {"id": "ab", "people": ["a", "b"], "priority": 3},
        {"id": "cd", "people": ["c", "d"], "priority": 2},
    ],
    "fixed": [],
}
ROUNDS = {
    "people": [{"id": f"p{i}"} for i in range(9)],
    "group_size": 3,
    "rounds": 3,
    "history": [["p0", "p1"]],
}


def test_schedule_and_rounds_in_process(tmp_path, capsys):
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(SCHEDULE))
    assert cli.main(["schedule", str(path), "--time-limit", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["placed"] == [
        {"meeting": "cd", "slot": "s1", "table": 1},
        {"meeting": "ab", "slot": "s2", "table": 1},
    ]
    assert out["total_priority"] == out["upper_bound"] == 5 and out["optimal"] is True
    path = tmp_path / "rounds.json"
    path.write_text(json.dumps(ROUNDS))
    assert cli.main(["rounds", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["rounds"]) == 3 and out["repeats"] == 0


@pytest.mark.parametrize(("data", "message"), INVALID_SCHEDULE)
def test_schedule_invalid_input_exits_2(data, message, tmp_path, capsys):
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    assert cli.main(["schedule", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("polku match: ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_schedule_and_rounds_as_commands():
    done = run(["schedule", "--time-limit", "1"], stdin=json.dumps(SCHEDULE))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total_priority"] == 5
    done = run(["rounds", "--time-limit", "1"], stdin=json.dumps(ROUNDS))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["repeats"] == 0


@pytest.mark.parametrize(
    ("engine", "stdin", "message"),
    [
        ("schedule", "{bad", "bad JSON at line 1"),
        ("schedule", json.dumps(SCHEDULE | {"tables": 0}), "tables must be a whole number of at least 1"),
        (
            "schedule",
            json.dumps(
                SCHEDULE
                | {
                    "fixed": [
                        {"meeting": "ab", "slot": "s1", "table": 1},
                        {"meeting": "cd", "slot": "s1", "table": 1},
                    ]
                }
            ),
            "'ab' and 'cd' are both at table 1 in slot 's1'",
        ),
        ("rounds", json.dumps(ROUNDS | {"group_size": 1}), "group_size must be a whole number of at least 2"),
        ("rounds", json.dumps(ROUNDS | {"history": [["p0", "nobody"]]}), "unknown person 'nobody'"),
        ("rounds", "[]", "must be a JSON object"),
    ],
)
def test_new_engines_invalid_input_exits_2_without_traceback(engine, stdin, message):
    done = run([engine], stdin=stdin)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""
