"""Reading ESCO data into plain objects: an official ESCO CSV download (folder or zip, any version and
language) or the compact form shipped in polku/skills/data. No Django import.

Everything is read and checked before anything is written: `read_download` raises `EscoFileError` (one
paragraph naming the file, row and column) for a missing file or column, a malformed URI, text that is not
UTF-8, a damaged zip, or relations that point to concepts neither in the download nor in `known_uris`.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from polku.core.archives import ArchiveRefused, ZipLimits, check_members
from polku.skills.index import DATA_DIR

csv.field_size_limit(sys.maxsize)  # conceptSchemes lists thousands of top concepts in one field

SHIPPED_VERSION = "v1.1.1"
SKILL, OCCUPATION, SKILL_GROUP, ISCO_GROUP = "skill", "occupation", "skill-group", "isco-group"
ESSENTIAL, OPTIONAL = "essential", "optional"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
BASE = r"http://data\.europa\.eu/esco/"
URI_FORMS = {
    SKILL: re.compile(rf"{BASE}skill/{UUID}"),
    OCCUPATION: re.compile(rf"{BASE}occupation/{UUID}"),
    SKILL_GROUP: re.compile(rf"{BASE}(skill/{UUID}|isced-f/\d{{2,4}})"),
    ISCO_GROUP: re.compile(rf"{BASE}isco/C\d{{1,4}}"),
}
ANY_CONCEPT = re.compile(rf"{BASE}(skill/{UUID}|occupation/{UUID}|isced-f/\d{{2,4}}|isco/C\d{{1,4}})")
# Official collection files → Polku's collection codes and English names.
COLLECTIONS = {
    "digitalSkillsCollection": ("digital", "Digital skills"),
    "digCompSkillsCollection": ("digcomp", "DigComp"),
    "greenSkillsCollection": ("green", "Green skills"),
    "languageSkillsCollection": ("language", "Language skills"),
    "transversalSkillsCollection": ("transversal", "Transversal skills"),
    "researchSkillsCollection": ("research", "Research"),
    "researchOccupationsCollection": ("research", "Research"),
}
CONCEPT_FILES = {
    "skills": SKILL,
    "occupations": OCCUPATION,
    "skillGroups": SKILL_GROUP,
    "ISCOGroups": ISCO_GROUP,
}
REQUIRED_COLUMNS = {
    "skills": ("conceptUri", "preferredLabel"),
    "occupations": ("conceptUri", "preferredLabel"),
    "skillGroups": ("conceptUri", "preferredLabel"),
    "ISCOGroups": ("conceptUri", "preferredLabel", "code"),
    "broaderRelationsSkillPillar": ("conceptUri", "broaderUri"),
    "broaderRelationsOccPillar": ("conceptUri", "broaderUri"),
    "occupationSkillRelations": ("occupationUri", "relationType", "skillUri"),
    "skillSkillRelations": ("originalSkillUri", "relationType", "relatedSkillUri"),
    "skillsHierarchy": ("Level 0 URI",),
    "conceptSchemes": ("conceptSchemeUri",),
    **{name: ("conceptUri",) for name in COLLECTIONS},
}
FILE_NAME = re.compile(r"^(?P<stem>[A-Za-z]+?)(?:_(?P<lang>[a-z]{2,3}(?:-[A-Za-z]{2,4})?))?\.csv$")
VERSION_IN_NAME = re.compile(r"v(\d+\.\d+(?:\.\d+)?)", re.IGNORECASE)
# The official v1.1.1 download has a few relations (75 of 148,000) whose concept is in no concept file.
# Such rows are skipped and counted, up to this share of a file's rows; more means a mismatched file.
DANGLING_TOLERANCE = 0.01


class EscoFileError(Exception):
    """A download that cannot be imported; `str()` is one paragraph for the person running the import."""

    def __init__(self, problem: str, *, file: str = "", row: int | None = None, column: str = "") -> None:
        where = file
        if row is not None:
            where += f", row {row}"
        if column:
            where += f", column {column}"
        self.file, self.row, self.column = file, row, column
        super().__init__(f"{where}: {problem}" if where else problem)


@dataclass
class ConceptData:
    uri: str
    kind: str
    preferred: str
    alternatives: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    description: str = ""
    code: str = ""
    skill_type: str = ""
    reuse_level: str = ""
    isco_group: str = ""


@dataclass
class Dataset:
    version: str
    language: str
    source: str
    concepts: dict[str, ConceptData] = field(default_factory=dict)
    broader: set[tuple[str, str]] = field(default_factory=set)  # (narrower, broader)
    occupation_skills: dict[tuple[str, str], str] = field(default_factory=dict)  # (occ, skill) → relation
    skill_relations: dict[tuple[str, str], str] = field(default_factory=dict)  # (skill, related) → relation
    collections: dict[str, str] = field(default_factory=dict)  # code → name
    members: set[tuple[str, str]] = field(default_factory=set)  # (code, concept uri)
    skipped: dict[str, int] = field(default_factory=dict)  # file → relation rows to unknown concepts
    rows: dict[str, int] = field(default_factory=dict)  # file → rows read


Progress = Callable[[str, int, int], None]  # file name, rows so far, percent


def _labels(value: str) -> tuple[str, ...]:
    """ESCO keeps alternative and hidden labels one per line in one field."""
    seen: dict[str, None] = {}
    for part in value.replace("\r", "\n").split("\n"):
        part = part.strip()
        if part:
            seen.setdefault(part, None)
    return tuple(seen)


# --- the official CSV download ----------------------------------------------------------------------


class _Source:
    """The CSV files of a folder or a zip, by file name (subfolders are looked into)."""

    def __init__(self, path: Path, zip_limits: ZipLimits | None = None) -> None:
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        self.files: dict[str, str] = {}  # file name → path inside the source
        if path.is_dir():
            for found in sorted(path.rglob("*.csv")):
                self.files.setdefault(found.name, str(found))
        elif path.is_file() and path.suffix.lower() == ".zip":
            try:
                self.zip = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                raise EscoFileError(
                    f"this is not a readable zip file ({error}); it may be truncated or damaged. "
                    "Download the ESCO CSV zip again from https://esco.ec.europa.eu/en/use-esco/download.",
                    file=path.name,
                ) from error
            if zip_limits is not None:
                try:
                    check_members(self.zip, zip_limits)
                except ArchiveRefused as refused:
                    raise EscoFileError(
                        f"the zip is refused before reading: {refused}. Give the official ESCO download, or "
                        "raise POLKU_ESCO_MAX_UNPACKED if it really is that large.",
                        file=path.name,
                    ) from refused
            for name in sorted(self.zip.namelist()):
                base = name.rsplit("/", 1)[-1]
                if base.lower().endswith(".csv"):
                    self.files.setdefault(base, name)
        elif path.exists():
            raise EscoFileError(
                "this is not an ESCO download. Give the folder or the .zip of an official ESCO CSV download "
                "(with skills_<language>.csv and occupations_<language>.csv in it), not a single file.",
                file=path.name,
            )
        else:
            raise EscoFileError("no such file or folder.", file=str(path))

    def text(self, name: str) -> str:
        try:
            if self.zip is not None:
                data = self.zip.read(self.files[name])
            else:
                data = Path(self.files[name]).read_bytes()
        except (zipfile.BadZipFile, EOFError, zlib.error, OSError) as error:
            raise EscoFileError(
                f"the file could not be read from the zip ({error}); the zip may be truncated or damaged.",
                file=name,
            ) from error
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise EscoFileError(
                f"the text is not UTF-8 (byte 0x{data[error.start]:02x} on line {line}). ESCO's CSV files are "
                "UTF-8; this file was probably saved in another encoding by a spreadsheet program.",
                file=name,
            ) from error


def _records(
    source: _Source, name: str, stem: str, progress: Progress | None
) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number with the header as row 1, record) of one CSV file, after checking its columns."""
    text = source.text(name)
    total = max(len(text), 1)
    consumed = 0

    def lines() -> Iterator[str]:
        nonlocal consumed
        for line in text.splitlines(keepends=True):
            consumed += len(line)
            yield line

    reader = csv.reader(lines())
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise EscoFileError("the file is empty.", file=name, row=1) from None
    except csv.Error as error:
        raise EscoFileError(f"the header row is not valid CSV ({error}).", file=name, row=1) from error
    for column in REQUIRED_COLUMNS[stem]:
        if column not in header:
            raise EscoFileError(
                f"the column {column} is missing (the header has: {', '.join(header[:8]) or 'nothing'}). "
                f"This does not look like ESCO's {stem} file; check that the right file was given.",
                file=name,
                row=1,
                column=column,
            )
    index = {h: i for i, h in enumerate(header)}
    row = 1
    step = 10
    next_report = step
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise EscoFileError(f"the row is not valid CSV ({error}).", file=name, row=row + 1) from error
        row += 1
        if not values or values == [""]:
            continue
        if len(values) < len(header):
            values += [""] * (len(header) - len(values))
        yield row, {h: values[i] for h, i in index.items()}
        if progress is not None and consumed * 100 >= next_report * total:
            progress(name, row - 1, min(100, consumed * 100 // total))
            next_report += step
    if progress is not None and next_report <= 100:
        progress(name, row - 1, 100)


def _uri(value: str, kind: str | None, *, file: str, row: int, column: str) -> str:
    uri = value.strip()
    form = URI_FORMS[kind] if kind else ANY_CONCEPT
    if not form.fullmatch(uri):
        what = f"an ESCO {kind} URI" if kind else "an ESCO concept URI"
        raise EscoFileError(
            f"{uri[:80]!r} is not {what} (for example http://data.europa.eu/esco/skill/<id>).",
            file=file,
            row=row,
            column=column,
        )
    return uri


def _relation(value: str, *, file: str, row: int) -> str:
    relation = value.strip().lower()
    if relation not in (ESSENTIAL, OPTIONAL):
        raise EscoFileError(
            f"the relation type {value[:40]!r} is neither essential nor optional.",
            file=file,
            row=row,
            column="relationType",
        )
    return relation


def read_download(
    path: Path | str,
    *,
    version: str | None = None,
    language: str | None = None,
    known_uris: frozenset[str] | set[str] = frozenset(),
    progress: Progress | None = None,
    zip_limits: ZipLimits | None = None,
) -> Dataset:
    """Read and check an official ESCO CSV download; `known_uris` are the concepts already loaded. A zip
    is first checked against `zip_limits` (unpacked sizes, compression ratio, number of parts)."""
    path = Path(path)
    source = _Source(path, zip_limits)
    by_stem: dict[str, dict[str, str]] = {}  # stem → language ("" for language-independent) → file name
    for file_name in source.files:
        match = FILE_NAME.match(file_name)
        if match and match["stem"] in REQUIRED_COLUMNS:
            by_stem.setdefault(match["stem"], {})[match["lang"] or ""] = file_name
    languages = sorted({lang for stem in ("skills", "occupations") for lang in by_stem.get(stem, {}) if lang})
    if not languages:
        raise EscoFileError(
            "this is not an ESCO CSV download: it has no skills_<language>.csv or occupations_<language>.csv "
            f"(found {len(source.files)} CSV files). Give the folder or the .zip of an official ESCO CSV "
            "download.",
            file=path.name,
        )
    if language is None:
        if len(languages) > 1:
            raise EscoFileError(
                f"the download has files in several languages ({', '.join(languages)}); choose one with "
                "--language.",
                file=path.name,
            )
        language = languages[0]
    for stem in ("skills", "occupations"):
        if language not in by_stem.get(stem, {}):
            raise EscoFileError(
                f"{stem}_{language}.csv is missing; an ESCO download has both skills and occupations files.",
                file=path.name,
            )
    version = _version(version, path, source)

    def file_of(stem: str) -> str | None:
        names = by_stem.get(stem, {})
        return names.get(language) or names.get("")

    data = Dataset(version=version, language=language, source=str(path))
    for stem, kind in CONCEPT_FILES.items():
        name = file_of(stem)
        if name:
            _read_concepts(data, source, name, stem, kind, progress)
    hierarchy = file_of("skillsHierarchy")
    if hierarchy:
        _read_hierarchy_codes(data, source, hierarchy, progress)
    known = known_uris | data.concepts.keys()
    for stem, narrower_col, broader_col in (
        ("broaderRelationsSkillPillar", "conceptUri", "broaderUri"),
        ("broaderRelationsOccPillar", "conceptUri", "broaderUri"),
    ):
        name = file_of(stem)
        if name:
            pairs = _read_pairs(source, name, stem, narrower_col, broader_col, None, known, data, progress)
            data.broader.update((a, b) for a, b, _ in pairs)
    name = file_of("occupationSkillRelations")
    if name:
        for a, b, rel in _read_pairs(
            source,
            name,
            "occupationSkillRelations",
            "occupationUri",
            "skillUri",
            "relationType",
            known,
            data,
            progress,
        ):
            data.occupation_skills[(a, b)] = rel
    name = file_of("skillSkillRelations")
    if name:
        for a, b, rel in _read_pairs(
            source,
            name,
            "skillSkillRelations",
            "originalSkillUri",
            "relatedSkillUri",
            "relationType",
            known,
            data,
            progress,
        ):
            data.skill_relations[(a, b)] = rel
    for stem, (code, english_name) in COLLECTIONS.items():
        name = file_of(stem)
        if not name:
            continue
        data.collections[code] = english_name
        count = 0
        for row, record in _records(source, name, stem, progress):
            uri = _uri(record["conceptUri"], None, file=name, row=row, column="conceptUri")
            count += 1
            if uri in known:
                data.members.add((code, uri))
            else:
                data.skipped[name] = data.skipped.get(name, 0) + 1
        data.rows[name] = count
    return data


def _version(version: str | None, path: Path, source: _Source) -> str:
    if version:
        version = version.strip()
        if not re.fullmatch(r"v?\d+\.\d+(\.\d+)?", version):
            raise EscoFileError(f"--version {version!r} is not a version number such as 1.2.0.")
        return version if version.startswith("v") else f"v{version}"
    inside = [Path(p).relative_to(path) if source.zip is None else Path(p) for p in source.files.values()]
    folders = sorted({str(p.parent) for p in inside} - {"."})
    for text in [path.name, *folders]:
        match = VERSION_IN_NAME.search(text)
        if match:
            return f"v{match[1]}"
    raise EscoFileError(
        "the ESCO version could not be told from the folder or zip name (such as 'ESCO dataset - v1.2.0 - "
        "classification - fi - csv'); give it with --version, e.g. --version 1.2.0.",
        file=path.name,
    )


def _read_concepts(
    data: Dataset, source: _Source, name: str, stem: str, kind: str, progress: Progress | None
) -> None:
    count = 0
    for row, r in _records(source, name, stem, progress):
        uri = _uri(r["conceptUri"], kind, file=name, row=row, column="conceptUri")
        preferred = " ".join(r["preferredLabel"].split())
        if not preferred:
            raise EscoFileError("the preferred label is empty.", file=name, row=row, column="preferredLabel")
        if len(preferred) > 500:
            raise EscoFileError(
                "the preferred label is longer than 500 characters.",
                file=name,
                row=row,
                column="preferredLabel",
            )
        code = r.get("code", "").strip()
        isco = r.get("iscoGroup", "").strip()
        if len(code) > 40:
            raise EscoFileError("the code is longer than 40 characters.", file=name, row=row, column="code")
        if isco and not re.fullmatch(r"\d{1,4}", isco):
            raise EscoFileError(
                f"{isco[:40]!r} is not an ISCO-08 group code (up to four digits).",
                file=name,
                row=row,
                column="iscoGroup",
            )
        data.concepts[uri] = ConceptData(
            uri=uri,
            kind=kind,
            preferred=preferred,
            alternatives=_labels(r.get("altLabels", "")),
            hidden=_labels(r.get("hiddenLabels", "")),
            description=r.get("description", "").strip(),
            code=code,
            skill_type=r.get("skillType", "").strip()[:20],
            reuse_level=r.get("reuseLevel", "").strip()[:30],
            isco_group=isco,
        )
        count += 1
    data.rows[name] = count


def _read_hierarchy_codes(data: Dataset, source: _Source, name: str, progress: Progress | None) -> None:
    """skillsHierarchy gives the codes (S1.13, T3.1, …) of the skill groups; fill those that have none."""
    count = 0
    for _row, r in _records(source, name, "skillsHierarchy", progress):
        count += 1
        for level in range(4):
            uri, code = r.get(f"Level {level} URI", "").strip(), r.get(f"Level {level} code", "").strip()
            concept = data.concepts.get(uri)
            if concept is not None and code and not concept.code:
                concept.code = code[:40]
    data.rows[name] = count


def _read_pairs(
    source: _Source,
    name: str,
    stem: str,
    left: str,
    right: str,
    relation_column: str | None,
    known: set[str] | frozenset[str],
    data: Dataset,
    progress: Progress | None,
) -> list[tuple[str, str, str]]:
    pairs: list[tuple[str, str, str]] = []
    dangling: list[tuple[int, str, str]] = []
    count = 0
    for row, r in _records(source, name, stem, progress):
        count += 1
        a = _uri(r[left], None, file=name, row=row, column=left)
        b = _uri(r[right], None, file=name, row=row, column=right)
        rel = _relation(r[relation_column], file=name, row=row) if relation_column else ""
        if a not in known:
            dangling.append((row, left, a))
        elif b not in known:
            dangling.append((row, right, b))
        else:
            pairs.append((a, b, rel))
    data.rows[name] = count
    if dangling and len(dangling) > DANGLING_TOLERANCE * count:
        row, column, uri = dangling[0]
        raise EscoFileError(
            f"{len(dangling)} of {count} relations point to concepts that are neither in this download nor "
            f"already loaded, the first {uri}. The relation file may belong to another ESCO version than the "
            "concept files.",
            file=name,
            row=row,
            column=column,
        )
    if dangling:
        data.skipped[name] = len(dangling)
    return pairs


# --- the shipped compact form (polku/skills/data) -----------------------------------------------------


def _jsonl(path: Path) -> list[dict]:
    """A gzip JSON-lines file, parsed in one call (a third of the time of one call per line)."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    return json.loads("[" + ",".join(line for line in text.splitlines() if line) + "]")


def read_shipped(data_dir: Path | None = None) -> Dataset:
    """ESCO v1.1.1 in English as shipped in polku/skills/data (decision 0033, 0034)."""
    d = Path(data_dir) if data_dir else DATA_DIR
    data = Dataset(version=SHIPPED_VERSION, language="en", source="shipped:polku/skills/data")
    descriptions = {r["uri"]: r["description"] for r in _jsonl(d / "descriptions.jsonl.gz")}
    details = {r["uri"]: r for r in _jsonl(d / "group_details.jsonl.gz")}
    skills: list[str] = []
    occupations: list[str] = []
    for r in _jsonl(d / "skills.jsonl.gz"):
        uri = r["uri"]
        skills.append(uri)
        data.concepts[uri] = ConceptData(
            uri=uri,
            kind=SKILL,
            preferred=" ".join(r["label"].split()),
            alternatives=tuple(dict.fromkeys(r["alt"])),
            hidden=tuple(dict.fromkeys(r["hidden"])),
            description=descriptions.get(uri, ""),
            skill_type=r["type"],
            reuse_level=r["reuse"],
        )
        data.members.update((code, uri) for code in r["collections"])
    for r in _jsonl(d / "occupations.jsonl.gz"):
        uri = r["uri"]
        occupations.append(uri)
        data.concepts[uri] = ConceptData(
            uri=uri,
            kind=OCCUPATION,
            preferred=" ".join(r["label"].split()),
            alternatives=tuple(dict.fromkeys(r["alt"])),
            hidden=tuple(dict.fromkeys(r["hidden"])),
            description=descriptions.get(uri, ""),
            code=r["code"],
            isco_group=r["isco"],
        )
    for r in _jsonl(d / "groups.jsonl.gz"):
        uri = r["uri"]
        extra = details.get(uri, {})
        data.concepts[uri] = ConceptData(
            uri=uri,
            kind=r["kind"],
            preferred=" ".join(r["label"].split()),
            alternatives=tuple(dict.fromkeys(extra.get("alt", ()))),
            hidden=tuple(dict.fromkeys(extra.get("hidden", ()))),
            description=extra.get("description", ""),
            code=r["code"],
        )
    with gzip.open(d / "relations.json.gz", "rt", encoding="utf-8") as f:
        relations = json.load(f)
    for narrower, broader in relations["broader_skill"] + relations["broader_occupation"]:
        if narrower in data.concepts and broader in data.concepts:
            data.broader.add((narrower, broader))
    with np.load(d / "occupation_skills.npz") as z:
        for o, s, e in zip(
            z["occupation"].tolist(), z["skill"].tolist(), z["essential"].tolist(), strict=True
        ):
            data.occupation_skills[(occupations[o], skills[s])] = ESSENTIAL if e else OPTIONAL
    with np.load(d / "skill_relations.npz") as z:
        for s, r, e in zip(z["skill"].tolist(), z["related"].tolist(), z["essential"].tolist(), strict=True):
            data.skill_relations[(skills[s], skills[r])] = ESSENTIAL if e else OPTIONAL
    with gzip.open(d / "collections.json.gz", "rt", encoding="utf-8") as f:
        collections = json.load(f)["collections"]
    for code, info in collections.items():
        data.collections[code] = info["name"]
        data.members.update((code, uri) for uri in info["occupations"] if uri in data.concepts)
    data.members = {(code, uri) for code, uri in data.members if code in data.collections}
    return data


def zip_folder(folder: Path, target: Path, *, subfolder: str = "") -> Path:
    """Zip a download folder (tests and benchmarks), optionally with the files inside a subfolder."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for file in sorted(folder.iterdir()):
            if file.is_file():
                z.write(file, f"{subfolder}/{file.name}" if subfolder else file.name)
    return target
