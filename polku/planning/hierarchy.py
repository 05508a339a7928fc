"""Walking the ESCO broader graph: ancestors, cycle-safe, with the missing parts simply absent.

A concept's ancestors are every uri reachable through `Taxonomy.broader` (its direct broader concepts,
their broader concepts, …), the concept itself excluded. A cycle in the data ends the walk where it
closes; a uri the taxonomy does not know has no ancestors. Results are cached on the Taxonomy object
(it is frozen, so the cache is safe), which makes repeated plans against one loaded taxonomy cheap.
"""

from __future__ import annotations

from collections.abc import Iterable

from polku.planning.model import Taxonomy

_ANCESTORS = "_polku_ancestors"
_NARROWER = "_polku_narrower_count"


def _cache(taxonomy: Taxonomy, name: str) -> dict:
    store = taxonomy.__dict__.get(name)
    if store is None:
        store = {}
        object.__setattr__(taxonomy, name, store)  # a cache beside the frozen fields, not a field
    return store


def ancestors(taxonomy: Taxonomy, uri: str) -> frozenset[str]:
    cache = _cache(taxonomy, _ANCESTORS)
    found = cache.get(uri)
    if found is not None:
        return found
    broader = taxonomy.broader
    seen: set[str] = set()
    stack = list(broader.get(uri, ()))
    while stack:
        node = stack.pop()
        if node in seen or node == uri:
            continue
        seen.add(node)
        known = cache.get(node)
        if known is not None:
            seen |= known
            continue
        stack.extend(broader.get(node, ()))
    seen.discard(uri)
    result = frozenset(seen)
    cache[uri] = result
    return result


def narrower_count(taxonomy: Taxonomy, uri: str) -> int:
    """How many concepts name `uri` as a direct broader concept (the size of the group it heads)."""
    counts = taxonomy.__dict__.get(_NARROWER)
    if counts is None:
        counts = {}
        for parents in taxonomy.broader.values():
            for parent in set(parents):
                counts[parent] = counts.get(parent, 0) + 1
        object.__setattr__(taxonomy, _NARROWER, counts)
    return counts.get(uri, 0)


def covering(taxonomy: Taxonomy | None, built: Iterable[str], wanted: Iterable[str]) -> set[str]:
    """The `wanted` uris that the `built` skills cover: the same skill or a narrower one of it."""
    wanted_set = wanted if isinstance(wanted, set | frozenset) else set(wanted)
    got = set(wanted_set.intersection(built))
    if taxonomy is not None:
        for uri in built:
            up = ancestors(taxonomy, uri)
            if up:
                got |= wanted_set & up
    return got


def taxonomy_from_pairs(
    pairs: Iterable[tuple[str, str]],
    *,
    groups: Iterable[str] = (),
    related: Iterable[tuple[str, str]] = (),
) -> Taxonomy:
    """A Taxonomy from (narrower, broader) pairs, e.g. every row of `polku.esco` `Broader` as uris,
    the skill groups' uris, and (skill, related skill) pairs.

    Pass the *whole* broader graph (ESCO: ~20,000 pairs, once per process), not only the ancestors of the
    concepts at hand: the sibling rule counts a parent's narrower concepts, which a partial graph
    undercounts ("advise others" has 271; its children are not siblings in any useful sense).
    """
    broader: dict[str, list[str]] = {}
    for narrower, parent in pairs:
        if narrower != parent and parent not in broader.setdefault(narrower, []):
            broader[narrower].append(parent)
    linked: dict[str, list[str]] = {}
    for skill, other in related:
        if skill != other and other not in linked.setdefault(skill, []):
            linked[skill].append(other)
    return Taxonomy(
        broader={k: tuple(sorted(v)) for k, v in broader.items()},
        related={k: tuple(sorted(v)) for k, v in linked.items()},
        groups=frozenset(groups),
    )
