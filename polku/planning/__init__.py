"""The planning engine (no Django import): gap analysis of a confirmed competence profile against a
target occupation's ESCO skills, and the least-effort set of learning opportunities that closes the gap.
See docs/planning.md."""

from polku.planning.errors import InvalidInput
from polku.planning.gap import analyse_gap
from polku.planning.hierarchy import taxonomy_from_pairs
from polku.planning.model import (
    CEFR_ORDER,
    Choice,
    Exclusion,
    Gap,
    GapItem,
    Learner,
    Opportunity,
    Recommendation,
    TargetSkill,
    Taxonomy,
)
from polku.planning.recommend import recommend

__all__ = [
    "CEFR_ORDER",
    "Choice",
    "Exclusion",
    "Gap",
    "GapItem",
    "InvalidInput",
    "Learner",
    "Opportunity",
    "Recommendation",
    "TargetSkill",
    "Taxonomy",
    "analyse_gap",
    "recommend",
    "taxonomy_from_pairs",
]
