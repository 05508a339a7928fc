"""Loading the shipped ESCO data (polku/skills/data/) into plain Python objects."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Concept:
    uri: str
    label: str
    alt: tuple[str, ...]
    hidden: tuple[str, ...]
    kind: str  # "skill" or "occupation"
    skill_type: str = ""  # skill/competence or knowledge (skills)
    reuse: str = ""  # transversal, cross-sector, sector-specific, occupation-specific (skills)
    isco: str = ""  # ISCO-08 unit group (occupations)
    collections: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.alt, *self.hidden)


@dataclass
class Esco:
    skills: list[Concept]
    occupations: list[Concept]
    # occupation index → [(skill index, essential?)]
    occupation_skills: list[list[tuple[int, bool]]] = field(default_factory=list)


def load_descriptions(data_dir: Path | None = None) -> dict[str, str]:
    """uri → English description, for skills and occupations."""
    return {
        r["uri"]: r["description"] for r in _jsonl(Path(data_dir) if data_dir else DATA_DIR, "descriptions")
    }


def _jsonl(path: Path, name: str | None = None) -> list[dict]:
    if name:
        path = path / f"{name}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def load_esco(data_dir: Path | None = None) -> Esco:
    d = Path(data_dir) if data_dir else DATA_DIR
    skills = [
        Concept(
            uri=r["uri"],
            label=r["label"],
            alt=tuple(r["alt"]),
            hidden=tuple(r["hidden"]),
            kind="skill",
            skill_type=r["type"],
            reuse=r["reuse"],
            collections=tuple(r["collections"]),
        )
        for r in _jsonl(d / "skills.jsonl.gz")
    ]
    occupations = [
        Concept(
            uri=r["uri"],
            label=r["label"],
            alt=tuple(r["alt"]),
            hidden=tuple(r["hidden"]),
            kind="occupation",
            isco=r["isco"],
        )
        for r in _jsonl(d / "occupations.jsonl.gz")
    ]
    with np.load(d / "occupation_skills.npz") as z:
        occ, skill, essential = z["occupation"].tolist(), z["skill"].tolist(), z["essential"].tolist()
    occ_skills: list[list[tuple[int, bool]]] = [[] for _ in occupations]
    for o, s, e in zip(occ, skill, essential, strict=True):
        occ_skills[o].append((s, bool(e)))
    return Esco(skills=skills, occupations=occupations, occupation_skills=occ_skills)
