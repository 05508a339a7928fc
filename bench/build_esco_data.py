"""Build Polku's compact ESCO v1.1.1 files (development time only).

    python bench/build_esco_data.py [/work/shared/esco/v1.1.1] [--details-only]

(`--details-only` writes every file but the ranker's derived arrays, lexical_*.npz and vectors_static.npz.)

Reads the official ESCO CSV files and writes, into polku/skills/data/:

- skills.jsonl.gz       one skill a line: uri, label, alt, hidden, type, reuse, collections
- occupations.jsonl.gz  one occupation a line: uri, label, alt, hidden, isco, code
- descriptions.jsonl.gz the description of every skill and occupation: uri, description
- occupation_skills.npz occupation–skill relations as index arrays (into the two files above: occupation,
                        skill) and an essential flag (1 essential, 0 optional)
- relations.json.gz     the broader relations of both pillars as [uri, broader uri] pairs
- groups.jsonl.gz       skill groups and ISCO groups: uri, label, kind (for the broader relations' targets)
- group_details.jsonl.gz
                        the groups' alternative and hidden labels and descriptions: uri, alt, hidden,
                        description (only groups that have any)
- skill_relations.npz   skill–skill relations as index arrays into skills.jsonl.gz (skill, related) and an
                        essential flag
- collections.json.gz   the collections: code → name, concept-scheme URI and the occupations in it
                        (skills carry their collections in skills.jsonl.gz)
- lexical_skills.npz, lexical_occupations.npz
                        the lexical path's lemmatised label × feature counts (polku.skills.lexical)
- vectors_static.npz    the static path's concept vectors (int8; labels and description, see
                        polku.skills.ranker.concept_vectors), if the distilled model is present

`python bench/build_esco_data.py --derived` rebuilds only the derived files (lexical_*.npz,
vectors_static.npz) from the shipped JSON lines, without the ESCO CSV files.

The run is deterministic (rows sorted by URI, gzip without timestamps), so a rebuild gives the same bytes.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "polku" / "skills" / "data"
COLLECTIONS = {
    "digital": "digitalSkillsCollection_en.csv",
    "digcomp": "digCompSkillsCollection_en.csv",
    "green": "greenSkillsCollection_en.csv",
    "language": "languageSkillsCollection_en.csv",
    "transversal": "transversalSkillsCollection_en.csv",
    "research": "researchSkillsCollection_en.csv",
}


# The occupation collections (skills carry theirs in skills.jsonl.gz).
OCCUPATION_COLLECTIONS = {"research": "researchOccupationsCollection_en.csv"}
COLLECTION_NAMES = {
    "digital": (
        "Digital skills",
        "http://data.europa.eu/esco/concept-scheme/6c930acd-c104-4ece-acf7-f44fd7333036",
    ),
    "digcomp": ("DigComp", "http://data.europa.eu/esco/concept-scheme/digcomp"),
    "green": ("Green skills", "http://data.europa.eu/esco/concept-scheme/green"),
    "language": ("Language skills", "http://data.europa.eu/esco/concept-scheme/skill-language-groups"),
    "transversal": (
        "Transversal skills",
        "http://data.europa.eu/esco/concept-scheme/skill-transversal-groups",
    ),
    "research": ("Research", "http://data.europa.eu/esco/concept-scheme/research"),
}


def rows(src: Path, name: str) -> list[dict[str, str]]:
    with (src / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def labels(value: str) -> list[str]:
    return [x.strip() for x in value.split("\n") if x.strip()]


def write_gz(path: Path, text: str) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as g:
        g.write(text.encode("utf-8"))
    path.write_bytes(buf.getvalue())


def jsonl(items: list[dict]) -> str:
    return "".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) + "\n" for x in items)


def build(src: Path) -> None:
    member: dict[str, list[str]] = {}
    for key, name in COLLECTIONS.items():
        for r in rows(src, name):
            member.setdefault(r["conceptUri"], []).append(key)
    skills = []
    descriptions = []
    for r in sorted(rows(src, "skills_en.csv"), key=lambda r: r["conceptUri"]):
        descriptions.append({"uri": r["conceptUri"], "description": r["description"].strip()})
        skills.append(
            {
                "uri": r["conceptUri"],
                "label": r["preferredLabel"].strip(),
                "alt": labels(r["altLabels"]),
                "hidden": labels(r["hiddenLabels"]),
                "type": r["skillType"],
                "reuse": r["reuseLevel"],
                "collections": sorted(member.get(r["conceptUri"], [])),
            }
        )
    occupations = []
    for r in sorted(rows(src, "occupations_en.csv"), key=lambda r: r["conceptUri"]):
        descriptions.append({"uri": r["conceptUri"], "description": r["description"].strip()})
        occupations.append(
            {
                "uri": r["conceptUri"],
                "label": r["preferredLabel"].strip(),
                "alt": labels(r["altLabels"]),
                "hidden": labels(r["hiddenLabels"]),
                "isco": r["iscoGroup"],
                "code": r["code"],
            }
        )
    s_index = {s["uri"]: i for i, s in enumerate(skills)}
    o_index = {o["uri"]: i for i, o in enumerate(occupations)}
    rel = sorted(
        (o_index[r["occupationUri"]], s_index[r["skillUri"]], 1 if r["relationType"] == "essential" else 0)
        for r in rows(src, "occupationSkillRelations.csv")
        if r["occupationUri"] in o_index and r["skillUri"] in s_index
    )
    broader_skill = sorted(
        [r["conceptUri"], r["broaderUri"]] for r in rows(src, "broaderRelationsSkillPillar.csv")
    )
    broader_occ = sorted(
        [r["conceptUri"], r["broaderUri"]] for r in rows(src, "broaderRelationsOccPillar.csv")
    )
    groups = [
        {
            "uri": r["conceptUri"],
            "label": r["preferredLabel"].strip(),
            "kind": "skill-group",
            "code": r["code"],
        }
        for r in rows(src, "skillGroups_en.csv")
    ] + [
        {
            "uri": r["conceptUri"],
            "label": r["preferredLabel"].strip(),
            "kind": "isco-group",
            "code": r["code"],
        }
        for r in rows(src, "ISCOGroups_en.csv")
    ]
    groups.sort(key=lambda g: g["uri"])
    OUT.mkdir(parents=True, exist_ok=True)
    write_gz(OUT / "skills.jsonl.gz", jsonl(skills))
    write_gz(OUT / "occupations.jsonl.gz", jsonl(occupations))
    write_gz(OUT / "groups.jsonl.gz", jsonl(groups))
    write_gz(OUT / "descriptions.jsonl.gz", jsonl(sorted(descriptions, key=lambda d: d["uri"])))
    import numpy as np

    arr = np.array(rel, dtype=np.int32).reshape(-1, 3)
    np.savez_compressed(
        OUT / "occupation_skills.npz",
        occupation=arr[:, 0].astype(np.int16),
        skill=arr[:, 1].astype(np.int16),
        essential=arr[:, 2].astype(np.uint8),
    )
    relations = {
        "version": "ESCO v1.1.1",
        "broader_skill": broader_skill,
        "broader_occupation": broader_occ,
    }
    write_gz(OUT / "relations.json.gz", json.dumps(relations, separators=(",", ":")))
    write_details(src, s_index)
    if "--details-only" in sys.argv:
        return
    write_lexical_counts()
    write_static_vectors()
    print(f"{len(skills)} skills, {len(occupations)} occupations, {len(rel)} relations, {len(groups)} groups")


def write_details(src: Path, s_index: dict[str, int]) -> None:
    """The files the Django ESCO app needs beyond the ranker's: group details, skill–skill relations,
    collections. New files only, so the ranker's files keep their bytes."""
    import numpy as np

    details = []
    for name in ("skillGroups_en.csv", "ISCOGroups_en.csv"):
        for r in rows(src, name):
            item = {
                "uri": r["conceptUri"],
                "alt": labels(r.get("altLabels", "")),
                "hidden": labels(r.get("hiddenLabels", "")),
                "description": r.get("description", "").strip(),
            }
            if item["alt"] or item["hidden"] or item["description"]:
                details.append(item)
    write_gz(OUT / "group_details.jsonl.gz", jsonl(sorted(details, key=lambda d: d["uri"])))
    pairs = sorted(
        (
            s_index[r["originalSkillUri"]],
            s_index[r["relatedSkillUri"]],
            1 if r["relationType"] == "essential" else 0,
        )
        for r in rows(src, "skillSkillRelations.csv")
        if r["originalSkillUri"] in s_index and r["relatedSkillUri"] in s_index
    )
    arr = np.array(pairs, dtype=np.int32).reshape(-1, 3)
    np.savez_compressed(
        OUT / "skill_relations.npz",
        skill=arr[:, 0].astype(np.int16),
        related=arr[:, 1].astype(np.int16),
        essential=arr[:, 2].astype(np.uint8),
    )
    collections = {
        code: {
            "name": name,
            "scheme": scheme,
            "occupations": sorted(r["conceptUri"] for r in rows(src, OCCUPATION_COLLECTIONS[code]))
            if code in OCCUPATION_COLLECTIONS
            else [],
        }
        for code, (name, scheme) in sorted(COLLECTION_NAMES.items())
    }
    write_gz(
        OUT / "collections.json.gz",
        json.dumps({"version": "ESCO v1.1.1", "collections": collections}, separators=(",", ":")),
    )
    print(f"{len(details)} group details, {len(pairs)} skill–skill relations, {len(collections)} collections")


def write_lexical_counts() -> None:
    """The lemmatised label × feature counts of the lexical path (so loading needs no lemmatiser pass)."""
    sys.path.insert(0, str(ROOT))
    from polku.skills.index import load_esco
    from polku.skills.lexical import save_counts
    from polku.skills.ranker import label_rows

    esco = load_esco(OUT)
    for name, concepts in (("skills", esco.skills), ("occupations", esco.occupations)):
        labels, _ = label_rows(concepts)
        save_counts(OUT / f"lexical_{name}.npz", labels)


def write_static_vectors() -> None:
    """The static path's concept vectors (int8), so loading needs no pass of the tokenizer over 130,000
    labels. Needs the distilled model (bench/distil_static.py) in the data folder."""
    import numpy as np

    from polku.skills.index import load_esco
    from polku.skills.lexical import LexicalIndex
    from polku.skills.ranker import VECTORS_VERSION, concept_descriptions, concept_vectors, label_rows
    from polku.skills.semantic import VECTORS_FILE, StaticEmbedding, quantise

    if not StaticEmbedding.available(OUT):
        print("no static embedding: skipping", VECTORS_FILE)
        return
    encoder = StaticEmbedding(OUT)
    esco = load_esco(OUT)
    arrays = {}
    for name, concepts in (("skills", esco.skills), ("occupations", esco.occupations)):
        labels, owners = label_rows(concepts)
        starts = LexicalIndex(labels, owners, OUT / f"lexical_{name}.npz").starts
        descriptions = concept_descriptions(concepts, OUT)
        q, scale = quantise(concept_vectors(encoder, labels, starts, descriptions))
        arrays[name], arrays[f"{name}_scale"], arrays[f"{name}_labels"] = q, scale, np.array(len(labels))
    np.savez_compressed(OUT / VECTORS_FILE, version=np.array(VECTORS_VERSION), **arrays)


if __name__ == "__main__":
    if sys.argv[1:] == ["--derived"]:
        write_lexical_counts()
        write_static_vectors()
    else:
        args = [a for a in sys.argv[1:] if not a.startswith("--")]
        build(Path(args[0] if args else "/work/shared/esco/v1.1.1"))
