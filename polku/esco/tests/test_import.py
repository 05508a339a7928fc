"""`polku esco import PATH`: official-format downloads in Finnish and Swedish, as a folder and as a zip."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from polku.esco import loading
from polku.esco.download import EscoFileError, read_download, zip_folder
from polku.esco.models import Broader, Concept, Label, OccupationSkill, Release, SkillRelation

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
FI, SV = FIXTURES / "v1.1.1-fi", FIXTURES / "v1.1.1-sv"
FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
WAREHOUSE = "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f"
DEVELOPER = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
SOFTWARE_DEVELOPERS = "http://data.europa.eu/esco/isco/C2512"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("esco", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def counts() -> tuple[int, ...]:
    models = (Concept, Label, Broader, OccupationSkill, SkillRelation, Release, Concept.collections.through)
    return tuple(m.objects.count() for m in models)


def fixture_uris() -> set[str]:
    return set(read_download(FI).concepts)


def test_finnish_folder_adds_finnish_labels_next_to_english(esco_loaded):
    before_en = Label.objects.filter(language="en").count()
    output = run("import", str(FI))

    assert "skills_fi.csv: 16 rows (100%)" in output
    assert "concepts: 0 created, 0 updated, 28 unchanged" in output
    assert "labels (fi): 28 created" in output
    assert "occupation skills: 0 created, 0 updated, 8 unchanged" in output
    assert Label.objects.filter(language="en").count() == before_en
    forklift = Label.objects.get(concept__uri=FORKLIFT, language="fi")
    assert forklift.preferred == "käyttää haarukkatrukkia"
    assert forklift.alternatives.splitlines() == ["ajaa trukkia", "kuljettaa trukkia", "käyttää trukkia"]
    assert "ajaa trukkia" in forklift.search_text
    assert Label.objects.get(concept__uri=FORKLIFT, language="en").preferred == "operate forklift"
    release = Release.objects.get(language="fi")
    assert release.version == "v1.1.1"
    assert release.counts["concepts"] == 28


def test_round_trip_creates_concepts_relations_and_labels_from_folder_and_zip(esco_loaded, tmp_path):
    Concept.objects.filter(uri__in=fixture_uris()).delete()  # as if this download came first
    output = run("import", str(FI))
    assert "concepts: 28 created" in output

    warehouse = Concept.objects.get(uri=WAREHOUSE)
    assert warehouse.kind == Concept.Kind.OCCUPATION
    assert (warehouse.code, warehouse.isco_group) == ("9333.8", "9333")
    assert set(warehouse.skill_links.values_list("skill__uri", "relation")) >= {
        ("http://data.europa.eu/esco/skill/ab2bb44a-3956-4028-8715-8b70b1960b99", "essential")
    }
    developer = Concept.objects.get(uri=DEVELOPER)
    assert developer.broader.get().uri == SOFTWARE_DEVELOPERS
    assert Concept.objects.get(uri=SOFTWARE_DEVELOPERS).code == "2512"
    python = Concept.objects.get(uri=PYTHON)
    assert (python.skill_type, python.reuse_level) == ("knowledge", "sector-specific")
    assert set(python.collections.values_list("code", flat=True)) == {"digital"}
    assert SkillRelation.objects.filter(related=python, relation="optional").count() == 1
    assert Label.objects.filter(concept__uri__in=fixture_uris(), language="fi").count() == 28
    assert not Label.objects.filter(concept=python, language="en").exists()

    # The Swedish download as a zip with the files in a subfolder (as the official zip has them).
    target = zip_folder(
        SV, tmp_path / "esco.zip", subfolder="ESCO dataset - v1.1.1 - classification - sv - csv"
    )
    output = run("import", str(target))
    assert "labels (sv): 28 created" in output
    assert "concepts: 0 created, 0 updated, 28 unchanged" in output
    assert Label.objects.get(concept__uri=FORKLIFT, language="sv").preferred == "använda gaffeltruck"
    assert Label.objects.get(concept=python, language="sv").description.startswith("Tekniker och principer")
    assert set(Release.objects.values_list("language", flat=True)) >= {"en", "fi", "sv"}


def test_import_is_idempotent(esco_loaded):
    run("import", str(FI))
    before = counts()
    output = run("import", str(FI))
    assert "nothing changed" in output
    assert "labels (fi): 0 created, 0 updated, 28 unchanged" in output
    assert counts() == before


def test_changed_labels_and_relations_are_updated(esco_loaded, tmp_path):
    run("import", str(FI))
    changed = tmp_path / "v1.1.1-fi"
    shutil.copytree(FI, changed)
    skills = changed / "skills_fi.csv"
    skills.write_text(skills.read_text().replace("käyttää haarukkatrukkia", "ajaa haarukkatrukkia"))
    output = run("import", str(changed))
    assert "labels (fi): 0 created, 1 updated, 27 unchanged" in output
    assert Label.objects.get(concept__uri=FORKLIFT, language="fi").preferred == "ajaa haarukkatrukkia"


def test_dry_run_checks_and_writes_nothing(esco_loaded):
    before = counts()
    output = run("import", str(FI), "--dry-run")
    assert "labels (fi): 28 created" in output
    assert "nothing was written" in output
    assert counts() == before


def test_version_from_the_option_or_the_name(esco_loaded, tmp_path):
    plain = tmp_path / "download"
    shutil.copytree(FI, plain)
    with pytest.raises(CommandError, match="--version"):
        run("import", str(plain))
    run("import", str(plain), "--version", "1.2.0")
    assert Release.objects.filter(version="v1.2.0", language="fi").exists()


# --- broken and foreign files: a clear error, exit code 2, the loaded taxonomy untouched ----------------


def broken(tmp_path: Path, name: str, text: str | bytes, *, source: Path = FI) -> Path:
    folder = tmp_path / "v1.1.1-fi"
    shutil.copytree(source, folder)
    target = folder / name
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    return folder


def fails(path: Path, *words: str) -> str:
    before = counts()
    with pytest.raises(CommandError) as error:
        run("import", str(path))
    assert error.value.returncode == 2
    message = str(error.value)
    for word in words:
        assert word in message, message
    assert "Nothing was imported" in message
    assert "\n" not in message.strip()  # one paragraph
    assert counts() == before
    return message


PARTICIPANTS = "first_name,last_name,email,partner\nAmina,Yusuf,amina@example.org,City of A\n"


def test_a_participant_csv_is_not_an_esco_download(esco_loaded, tmp_path):
    single = tmp_path / "participants.csv"
    single.write_text(PARTICIPANTS)
    fails(single, "participants.csv", "not an ESCO download")
    folder = tmp_path / "upload"
    folder.mkdir()
    (folder / "participants.csv").write_text(PARTICIPANTS)
    fails(folder, "not an ESCO CSV download")


def test_a_participant_csv_under_an_esco_name_names_the_missing_column(esco_loaded, tmp_path):
    fails(
        broken(tmp_path, "skills_fi.csv", PARTICIPANTS), "skills_fi.csv, row 1, column conceptUri", "missing"
    )


def test_truncated_zip(esco_loaded, tmp_path):
    whole = zip_folder(FI, tmp_path / "ESCO v1.1.1 fi.zip")
    data = whole.read_bytes()
    cut = tmp_path / "ESCO v1.1.1 fi cut.zip"
    cut.write_bytes(data[: len(data) // 2])
    fails(cut, "cut.zip", "truncated or damaged")


def test_a_zip_with_a_damaged_member(esco_loaded, tmp_path):
    whole = zip_folder(FI, tmp_path / "v1.1.1.zip")
    with zipfile.ZipFile(whole) as z:
        info = z.getinfo("skills_fi.csv")
    data = bytearray(whole.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + 5
    data[start : start + 20] = b"\x00" * 20
    whole.write_bytes(bytes(data))
    fails(whole, "skills_fi.csv")


def test_wrong_encoding(esco_loaded, tmp_path):
    text = (FI / "skills_fi.csv").read_text(encoding="utf-8").encode("latin-1")
    fails(broken(tmp_path, "skills_fi.csv", text), "skills_fi.csv", "not UTF-8", "line 3")


def test_malformed_uri_names_file_row_and_column(esco_loaded, tmp_path):
    lines = (FI / "occupations_fi.csv").read_text().split("\n")
    text = "\n".join(lines).replace(
        "http://data.europa.eu/esco/occupation/bea705fe", "http://example.org/x/bea705fe"
    )
    message = fails(
        broken(tmp_path, "occupations_fi.csv", text), "occupations_fi.csv, row", "column conceptUri"
    )
    assert "not an ESCO occupation URI" in message


def test_relations_to_unknown_concepts(esco_loaded, tmp_path):
    text = (FI / "occupationSkillRelations_fi.csv").read_text()
    unknown = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000"
    text += f"{WAREHOUSE},essential,knowledge,{unknown}\n"
    fails(
        broken(tmp_path, "occupationSkillRelations_fi.csv", text),
        "occupationSkillRelations_fi.csv, row 10, column skillUri",
        unknown,
    )


def test_unknown_relation_type(esco_loaded, tmp_path):
    text = (FI / "skillSkillRelations_fi.csv").read_text().replace("optional", "mandatory", 1)
    fails(broken(tmp_path, "skillSkillRelations_fi.csv", text), "row 2, column relationType", "mandatory")


def test_missing_occupations_file_and_empty_label(esco_loaded, tmp_path):
    folder = broken(tmp_path, "README.txt", "")
    (folder / "occupations_fi.csv").unlink()
    fails(folder, "occupations_fi.csv is missing")
    text = (FI / "skillGroups_fi.csv").read_text().replace("tietokonejärjestelmien ohjelmointi", "")
    other = tmp_path / "other"
    other.mkdir()
    fails(broken(other, "skillGroups_fi.csv", text), "skillGroups_fi.csv, row", "column preferredLabel")


def test_a_failure_while_writing_leaves_everything_as_it_was(esco_loaded, monkeypatch):
    before = counts()
    real = loading._insert

    def failing(using, model, columns, rows):
        if model is SkillRelation:
            raise RuntimeError("disk full")
        real(using, model, columns, rows)

    Concept.objects.filter(uri__in=fixture_uris()).delete()
    before = counts()
    monkeypatch.setattr(loading, "_insert", failing)
    with pytest.raises(RuntimeError):
        run("import", str(FI))
    assert counts() == before


def test_reader_errors_are_one_paragraph_with_the_place():
    error = EscoFileError(
        "the relation type 'x' is neither essential nor optional.", file="a.csv", row=3, column="c"
    )
    assert str(error) == "a.csv, row 3, column c: the relation type 'x' is neither essential nor optional."


def test_a_zip_bomb_is_refused_before_reading(esco_loaded, tmp_path):
    whole = zip_folder(FI, tmp_path / "ESCO v1.1.1 fi.zip")
    with zipfile.ZipFile(whole, "a", zipfile.ZIP_DEFLATED) as z, z.open("padding.csv", "w") as part:
        for _ in range(32):
            part.write(b"x" * 65_536)  # 2 MB packed into a few kilobytes
    fails(whole, "refused before reading", "padding.csv", "more than the limit of 100")


def test_a_zip_over_the_unpacked_size_limit_is_refused(esco_loaded, tmp_path, settings):
    settings.POLKU_ESCO_MAX_UNPACKED = 10_000
    fails(zip_folder(FI, tmp_path / "ESCO v1.1.1 fi.zip"), "refused before reading", "limit of 10000")
