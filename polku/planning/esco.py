"""The shipped ESCO v1.1.1 data (polku/skills/data/, see bench/build_esco_data.py) as planning input,
for the command line, the tests and the benchmark. The product builds its Taxonomy from the database
(polku.esco) instead; the two hold the same relations."""

from __future__ import annotations

import gzip
import json
from functools import cache

from polku.planning.hierarchy import taxonomy_from_pairs
from polku.planning.model import TargetSkill, Taxonomy
from polku.skills.index import DATA_DIR, Esco


@cache
def esco_taxonomy() -> Taxonomy:
    """The broader relations of the skills pillar (skills and skill groups) and the skill groups' uris.
    Loaded once per process (~0.2 s); the Taxonomy caches the ancestor walks it has done."""
    with gzip.open(DATA_DIR / "relations.json.gz", "rt", encoding="utf-8") as f:
        pairs = json.load(f)["broader_skill"]
    with gzip.open(DATA_DIR / "groups.jsonl.gz", "rt", encoding="utf-8") as f:
        groups = frozenset(json.loads(line)["uri"] for line in f)
    return taxonomy_from_pairs(((n, b) for n, b in pairs), groups=groups)


def occupation_targets(esco: Esco, occupation: str) -> list[TargetSkill]:
    """An occupation's essential and optional skills, by the occupation's uri or English preferred label."""
    for i, concept in enumerate(esco.occupations):
        if occupation in (concept.uri, concept.label):
            return [
                TargetSkill(uri=esco.skills[s].uri, essential=essential, label=esco.skills[s].label)
                for s, essential in esco.occupation_skills[i]
            ]
    raise KeyError(occupation)
