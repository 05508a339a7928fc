"""`polku match assign`: in-process and as a real command; every invalid input exits 2 without a traceback."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from polku.matching import cli
from polku.matching.tests.test_assignment import INVALID

POLKU = Path(sys.executable).with_name("polku")
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
    return subprocess.run(  # noqa: S603 - our own command
        [str(POLKU), "match", *args], input=stdin, capture_output=True, text=True, timeout=60
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
