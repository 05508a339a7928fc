"""The CLI contract: one text a line in, one JSON object a line out (polku skills/occupations rank)."""

import io
import json
import subprocess
import sys

from polku.skills import cli, cli_occupations

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"


def run(monkeypatch, capsys, main, argv, stdin):
    # a text stream over bytes, as a pipe is: the CLI reads it in blocks (cli.input_lines)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_skills_rank_writes_one_json_line_per_input_line(monkeypatch, capsys):
    code, lines, _ = run(
        monkeypatch, capsys, cli.main, ["rank", "--top", "4", "--path", "lexical"], "forklift\nPython\n\n"
    )
    assert code == 0
    assert len(lines) == 3
    for line in lines:
        assert list(line) == ["skills"]
        assert len(line["skills"]) == 4
        assert set(line["skills"][0]) == {"uri", "label", "score"}
        scores = [s["score"] for s in line["skills"]]
        assert scores == sorted(scores, reverse=True)
    assert lines[0]["skills"][0]["uri"] == FORKLIFT


def test_occupations_rank_defaults_to_ten_items_and_can_add_evidence(monkeypatch, capsys):
    code, lines, _ = run(
        monkeypatch,
        capsys,
        cli_occupations.main,
        ["rank", "--path", "lexical", "--evidence"],
        "forklift driver\n",
    )
    assert code == 0
    assert len(lines[0]["occupations"]) == 10
    assert lines[0]["occupations"][0]["label"] == "forklift operator"
    assert "forklift" in lines[0]["occupations"][0]["evidence"]


def test_unknown_language_exits_2_with_a_message(monkeypatch, capsys):
    code, lines, err = run(monkeypatch, capsys, cli.main, ["rank", "--lang", "xx"], "text\n")
    assert code == 2
    assert lines == []
    assert "unknown language 'xx'" in err


def test_polku_command_runs_the_engine_without_django():
    code = (
        "import sys; from polku.cli import main; sys.argv = ['polku', 'skills', 'rank', '--top', '2', "
        "'--lang', 'sv', '--path', 'lexical']; main()"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code + "\n"],
        input="gaffeltruck\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    line = json.loads(done.stdout)
    assert len(line["skills"]) == 2
    assert line["skills"][0]["uri"] == FORKLIFT


CUSTOMER_SERVICE = "http://data.europa.eu/esco/skill/15a33d76-4640-438d-ae64-fdc0c1d3eebc"


def test_labels_file_adds_a_language_jsonl(monkeypatch, capsys, tmp_path):
    labels = tmp_path / "uk.jsonl"
    labels.write_text(
        json.dumps({"uri": CUSTOMER_SERVICE, "preferred": "обслуговування клієнтів", "alternatives": []})
        + "\n"
        + json.dumps(
            {"uri": FORKLIFT, "preferred": "керувати навантажувачем", "alternatives": "водити навантажувач"}
        )
        + "\n",
        encoding="utf-8",
    )
    argv = ["rank", "--lang", "uk", "--labels", str(labels), "--path", "lexical", "--top", "3", "--evidence"]
    code, lines, err = run(monkeypatch, capsys, cli.main, argv, "Я працювала в обслуговуванні клієнтів\n")
    assert code == 0, err
    assert lines[0]["skills"][0]["uri"] == CUSTOMER_SERVICE
    assert lines[0]["skills"][0]["evidence"]


def test_labels_file_csv(monkeypatch, capsys, tmp_path):
    labels = tmp_path / "fi.csv"
    labels.write_text(
        "uri,preferred,alternatives\n" + f'{FORKLIFT},käyttää trukkia,"ajaa trukkia|trukin käyttö"\n',
        encoding="utf-8",
    )
    argv = ["rank", "--lang", "fi", "--labels", str(labels), "--path", "lexical", "--top", "3"]
    code, lines, err = run(monkeypatch, capsys, cli.main, argv, "Olen ajanut trukkia kolme vuotta\n")
    assert code == 0, err
    assert lines[0]["skills"][0]["uri"] == FORKLIFT


def test_labels_file_errors_exit_2(monkeypatch, capsys, tmp_path):
    code, _, err = run(
        monkeypatch, capsys, cli.main, ["rank", "--lang", "uk", "--labels", "/nonexistent"], "x\n"
    )
    assert code == 2
    assert "no labels file" in err
    empty = tmp_path / "empty.jsonl"
    empty.write_text(json.dumps({"uri": "http://example.org/x", "preferred": "x"}) + "\n", encoding="utf-8")
    argv = ["rank", "--lang", "uk", "--labels", str(empty), "--path", "lexical"]
    code, _, err = run(monkeypatch, capsys, cli.main, argv, "x\n")
    assert code == 2
    assert "no label of a known ESCO concept" in err


def test_input_lines_groups_what_one_read_returns_and_keeps_empty_and_last_lines():
    stream = io.TextIOWrapper(io.BytesIO("yksi\n\nkolme\nneljä".encode()), encoding="utf-8")
    assert list(cli.input_lines(stream)) == [["yksi", "", "kolme"], ["neljä"]]


def test_input_lines_decodes_a_letter_split_between_reads():
    stream = io.TextIOWrapper(io.BytesIO("työ\nåsa\n".encode()), encoding="utf-8")
    groups = list(cli.input_lines(stream, block=2))  # "ö" and "å" are two bytes, each cut in half
    assert [line for group in groups for line in group] == ["työ", "åsa"]
    assert len(groups) > 1


def test_input_lines_of_a_stream_without_bytes_is_a_line_at_a_time():
    assert list(cli.input_lines(io.StringIO("a\nb\n"))) == [["a"], ["b"]]
