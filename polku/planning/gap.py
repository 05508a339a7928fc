"""Gap analysis: which of a target occupation's skills a confirmed profile does not cover yet.

The coverage rule through the ESCO hierarchy (decision 0040):

- **covered** when the profile has the target skill itself (`same-skill`) or a narrower one of it, a
  descendant in the broader graph (`narrower-skill`: who knows "Python" can "use scripting programming");
- **partial** when the profile has only a broader skill of it (`broader-skill`: "computer programming"
  does not prove "Python"), a sibling under the same direct broader *skill* of at most
  `SIBLING_PARENT_MAX` narrower concepts (`sibling-skill`: "Java" for "Python", both under "computer
  programming"; sharing a skill group such as "programming computer systems" is not enough), or an
  ESCO-related skill (`related-skill`);
- **missing** otherwise (`not-in-profile`).

Priority (higher = close first): essential before optional, missing before partial, then centrality —
the share of the target's other skills that sit under one of this skill's direct broader concepts or
their broader concepts (the groups it shares with the rest of the occupation). Covered items get
priority 0 and come last. Ties break by uri, so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from polku.planning.errors import InvalidInput
from polku.planning.hierarchy import ancestors, narrower_count
from polku.planning.model import COVERED, MISSING, PARTIAL, Gap, GapItem, TargetSkill, Taxonomy

SIBLING_PARENT_MAX = 50  # a sibling under a larger parent (ESCO has one of 271) says too little

# reason codes, best first within a status
SAME, NARROWER = "same-skill", "narrower-skill"
BROADER, SIBLING, RELATED = "broader-skill", "sibling-skill", "related-skill"
NOT_IN_PROFILE = "not-in-profile"


def _merge_targets(target: Sequence[TargetSkill]) -> list[TargetSkill]:
    merged: dict[str, TargetSkill] = {}
    for skill in target:
        if not isinstance(skill, TargetSkill):
            raise InvalidInput("each target skill must be a TargetSkill")
        if not isinstance(skill.uri, str) or not skill.uri.strip():
            raise InvalidInput("a target skill has an empty uri")
        seen = merged.get(skill.uri)
        if seen is None:
            merged[skill.uri] = skill
        else:  # a skill listed twice: essential if either says so, the first non-empty label
            merged[skill.uri] = TargetSkill(
                uri=skill.uri, essential=seen.essential or skill.essential, label=seen.label or skill.label
            )
    return list(merged.values())


def _groups(taxonomy: Taxonomy, uri: str) -> set[str]:
    """The direct broader concepts and theirs: the two levels of grouping above a skill."""
    direct = set(taxonomy.broader.get(uri, ()))
    groups = set(direct)
    for parent in direct:
        groups.update(taxonomy.broader.get(parent, ()))
    groups.discard(uri)
    return groups


def analyse_gap(*, target: Sequence[TargetSkill], have: Iterable[str], taxonomy: Taxonomy) -> Gap:
    targets = _merge_targets(target)
    profile = {uri for uri in have if isinstance(uri, str) and uri}

    # profile skills under each concept (a profile skill is "under" each of its ancestors)
    under: dict[str, set[str]] = {}
    by_parent: dict[str, set[str]] = {}
    for uri in profile:
        for anc in ancestors(taxonomy, uri):
            under.setdefault(anc, set()).add(uri)
        for parent in taxonomy.broader.get(uri, ()):
            by_parent.setdefault(parent, set()).add(uri)

    groups = {t.uri: _groups(taxonomy, t.uri) for t in targets}
    centrality: dict[str, float] = {}
    for t in targets:
        mine = groups[t.uri]
        others = sum(1 for o in targets if o.uri != t.uri and mine & groups[o.uri])
        centrality[t.uri] = others / (len(targets) - 1) if len(targets) > 1 else 0.0

    items: list[GapItem] = []
    for t in targets:
        status, reason, by = _status(t.uri, profile, under, by_parent, taxonomy)
        if status == COVERED:
            priority = 0.0
        else:
            priority = (2.0 if t.essential else 0.0) + (1.0 if status == MISSING else 0.0) + centrality[t.uri]
        items.append(
            GapItem(
                uri=t.uri,
                label=t.label,
                essential=t.essential,
                status=status,
                covered_by=tuple(sorted(by)),
                reason=reason,
                priority=round(priority, 6),
            )
        )
    items.sort(key=lambda i: (i.status == COVERED, -i.priority, not i.essential, i.uri))
    return Gap(
        items=tuple(items),
        essential_total=sum(1 for i in items if i.essential),
        essential_covered=sum(1 for i in items if i.essential and i.status == COVERED),
        optional_total=sum(1 for i in items if not i.essential),
        optional_covered=sum(1 for i in items if not i.essential and i.status == COVERED),
    )


def _status(
    uri: str,
    profile: set[str],
    under: dict[str, set[str]],
    by_parent: dict[str, set[str]],
    taxonomy: Taxonomy,
) -> tuple[str, str, set[str]]:
    if uri in profile:
        return COVERED, SAME, {uri}
    narrower = under.get(uri)
    if narrower:
        return COVERED, NARROWER, set(narrower)
    broader = profile & ancestors(taxonomy, uri)
    if broader:
        return PARTIAL, BROADER, broader
    siblings: set[str] = set()
    for parent in taxonomy.broader.get(uri, ()):
        if (
            parent in by_parent
            and parent not in taxonomy.groups
            and narrower_count(taxonomy, parent) <= SIBLING_PARENT_MAX
        ):
            siblings |= by_parent[parent]
    siblings.discard(uri)
    if siblings:
        return PARTIAL, SIBLING, siblings
    related = profile.intersection(taxonomy.related.get(uri, ()))
    related |= {p for p in profile if uri in taxonomy.related.get(p, ())}
    if related:
        return PARTIAL, RELATED, related
    return MISSING, NOT_IN_PROFILE, set()
