"""Reads of the ESCO classification. ESCO is public data: any signed-in user may read it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from polku.esco.models import (
    Broader,
    Collection,
    Concept,
    Label,
    OccupationSkill,
    Relation,
    Release,
    SkillRelation,
)

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Hit:
    concept: Concept
    label: str  # in the asked language, else English


def preferred_labels(concept_ids: Iterable[int], language: str) -> dict[int, str]:
    """Concept id → preferred label in `language`, English where that language has none."""
    ids = list(set(concept_ids))
    found: dict[int, str] = {}
    rows = Label.objects.filter(concept_id__in=ids, language__in={language, FALLBACK_LANGUAGE})
    for concept_id, lang, preferred in rows.values_list("concept_id", "language", "preferred"):
        if lang == language or concept_id not in found:
            found[concept_id] = preferred
    return found


def labels_with_language(concept_ids: Iterable[int], language: str) -> dict[int, tuple[str, str]]:
    """Concept id → (preferred label, its language): `language` where it has one, else English."""
    ids = list(set(concept_ids))
    found: dict[int, tuple[str, str]] = {}
    rows = Label.objects.filter(concept_id__in=ids, language__in={language, FALLBACK_LANGUAGE})
    for concept_id, lang, preferred in rows.values_list("concept_id", "language", "preferred"):
        if lang == language or concept_id not in found:
            found[concept_id] = (preferred, lang)
    return found


def search(
    query: str, *, language: str, kinds: Iterable[str] = (Concept.Kind.SKILL,), limit: int = 20
) -> list[Hit]:
    """Concepts whose preferred or alternative label in `language` (or English) contains the query.

    Preferred-label matches come first, then shorter labels (closer matches).
    """
    return [Hit(concept=c, label=label) for c, label, _lang in search_ranked(query, language, kinds, limit)]


def search_ranked(
    query: str, language: str, kinds: Iterable[str] = (Concept.Kind.SKILL,), limit: int = 20, offset: int = 0
) -> list[tuple[Concept, str, str]]:
    """`search` with the label's language and an offset (pages, API): (concept, label, label language)."""
    text = " ".join(query.lower().split())
    if not text:
        return []
    matches = (
        Label.objects.filter(
            search_text__contains=text,
            language__in={language, FALLBACK_LANGUAGE},
            concept__kind__in=list(kinds),
        )
        .values_list("concept_id", "preferred")
        .order_by("concept_id")[: (limit + offset) * 20]
    )
    by_concept: dict[int, list[str]] = defaultdict(list)
    for concept_id, preferred in matches:
        by_concept[concept_id].append(preferred)
    ranked = sorted(by_concept, key=lambda cid: (*_rank(text, by_concept[cid]), cid))[offset : offset + limit]
    labels = labels_with_language(ranked, language)
    concepts = Concept.objects.in_bulk(ranked)
    return [(concepts[cid], *labels.get(cid, (concepts[cid].uri, FALLBACK_LANGUAGE))) for cid in ranked]


def _rank(text: str, preferred: list[str]) -> tuple[int, int]:
    best = min(preferred, key=len)
    return (0 if any(text in p.lower() for p in preferred) else 1, len(best))


# --- for other apps: requirements, hierarchy, labels in a language ------------------------------------


def occupation_requirements(occupation: Concept | int | str) -> list[tuple[Concept, str]]:
    """An occupation's skills as (skill concept, "essential" | "optional"), essential first, by URI."""
    links = OccupationSkill.objects.select_related("skill")
    if isinstance(occupation, Concept):
        links = links.filter(occupation=occupation)
    elif isinstance(occupation, int):
        links = links.filter(occupation_id=occupation)
    else:
        links = links.filter(occupation__uri=occupation)
    rows = [(link.skill, link.relation) for link in links]
    return sorted(rows, key=lambda r: (r[1] != Relation.ESSENTIAL, r[0].uri))


def broader_map(uris: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """uri → the URIs of its direct broader concepts (sorted), for every given URI that is loaded. One query."""
    wanted = list(set(uris))
    found: dict[str, list[str]] = {}
    for start in range(0, len(wanted), 5000):
        chunk = wanted[start : start + 5000]
        for uri in Concept.objects.filter(uri__in=chunk).values_list("uri", flat=True):
            found.setdefault(uri, [])
        rows = Broader.objects.filter(narrower__uri__in=chunk).values_list("narrower__uri", "broader__uri")
        for narrower, broader in rows:
            found.setdefault(narrower, []).append(broader)
    return {uri: tuple(sorted(parents)) for uri, parents in found.items()}


def broader_closure(uris: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """uri → its direct broader URIs, for the given URIs and every ancestor of theirs (the part of the
    hierarchy a planning or matching engine needs). One query per level; cycles end the walk."""
    parents: dict[str, tuple[str, ...]] = {}
    frontier = set(uris)
    while frontier:
        level = broader_map(frontier)
        parents.update(level)
        frontier = {p for ps in level.values() for p in ps} - parents.keys()
    return parents


def ancestors(uris: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """uri → every broader concept up the hierarchy (nearest first, no repeats)."""
    start = list(set(uris))
    parents = broader_closure(start)
    result: dict[str, tuple[str, ...]] = {}
    for uri in start:
        if uri not in parents:
            continue
        seen: dict[str, None] = {}
        queue = list(parents[uri])
        while queue:
            nxt = queue.pop(0)
            if nxt in seen or nxt == uri:
                continue
            seen[nxt] = None
            queue.extend(parents.get(nxt, ()))
        result[uri] = tuple(seen)
    return result


def skill_group_uris(uris: Iterable[str]) -> frozenset[str]:
    """The URIs among `uris` that are skill groups, not skills."""
    return frozenset(
        Concept.objects.filter(uri__in=set(uris), kind=Concept.Kind.SKILL_GROUP).values_list("uri", flat=True)
    )


def related_map(uris: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """uri → the skills ESCO relates to it (skill–skill relations), for the given skills."""
    found: dict[str, list[str]] = {}
    pairs = SkillRelation.objects.filter(skill__uri__in=set(uris)).values_list("skill__uri", "related__uri")
    for skill, related in pairs:
        found.setdefault(skill, []).append(related)
    return {uri: tuple(sorted(related)) for uri, related in found.items()}


def language_labels(language: str) -> Iterator[tuple[str, str, list[str]]]:
    """(uri, preferred label, [alternative labels]) of every concept with a label in `language`."""
    rows = (
        Label.objects.filter(language=language)
        .order_by("concept__uri")
        .values_list("concept__uri", "preferred", "alternatives")
    )
    for uri, preferred, alternatives in rows.iterator(chunk_size=5000):
        yield uri, preferred, [a for a in alternatives.split("\n") if a]


def loaded_languages() -> list[str]:
    """Languages with ESCO labels in the database, English first."""
    languages = set(Label.objects.values_list("language", flat=True).distinct())
    return sorted(languages, key=lambda lang: (lang != FALLBACK_LANGUAGE, lang))


def releases() -> list[Release]:
    return list(Release.objects.select_related("loaded_by").order_by("-loaded_at", "-pk"))


def label_counts() -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for language in Label.objects.values_list("language", flat=True):
        counts[language] += 1
    return dict(sorted(counts.items(), key=lambda kv: (kv[0] != FALLBACK_LANGUAGE, kv[0])))


def kind_counts() -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for kind in Concept.objects.values_list("kind", flat=True):
        counts[kind] += 1
    return dict(counts)


# --- one concept, for the concept page and the API ---------------------------------------------------


@dataclass(frozen=True)
class Linked:
    concept: Concept
    label: str
    language: str  # the label's language (English when the asked one has none)
    relation: str = ""


@dataclass
class ConceptDetail:
    concept: Concept
    label: str
    language: str
    description: str
    labels: list[Label]  # every loaded language, English first
    broader: list[Linked] = field(default_factory=list)
    narrower: list[Linked] = field(default_factory=list)
    essential: list[Linked] = field(default_factory=list)  # an occupation's skills
    optional: list[Linked] = field(default_factory=list)
    occupations: list[Linked] = field(default_factory=list)  # a skill's occupations
    related: list[Linked] = field(default_factory=list)  # skill–skill relations
    collections: list[Collection] = field(default_factory=list)


def concept_by_id(pk: int) -> Concept | None:
    return Concept.objects.filter(pk=pk).first()


def concept_by_uri(uri: str) -> Concept | None:
    return Concept.objects.filter(uri=uri).first()


def concept_detail(concept: Concept, language: str) -> ConceptDetail:
    labels = sorted(concept.labels.all(), key=lambda lab: (lab.language != FALLBACK_LANGUAGE, lab.language))
    own = next((lab for lab in labels if lab.language == language), None)
    english = next((lab for lab in labels if lab.language == FALLBACK_LANGUAGE), None)
    shown = own or english
    description_label = own if own is not None and own.description else english
    broader = list(Broader.objects.filter(narrower=concept).values_list("broader_id", flat=True))
    narrower = list(Broader.objects.filter(broader=concept).values_list("narrower_id", flat=True))
    requirements = list(
        OccupationSkill.objects.filter(occupation=concept).values_list("skill_id", "relation")
    )
    occupations = list(OccupationSkill.objects.filter(skill=concept).values_list("occupation_id", "relation"))
    related = list(SkillRelation.objects.filter(skill=concept).values_list("related_id", "relation"))
    ids = set(broader) | set(narrower) | {i for i, _ in requirements + occupations + related}
    names = labels_with_language(ids, language)
    concepts = Concept.objects.in_bulk(ids)

    def linked(pairs: Iterable[tuple[int, str]]) -> list[Linked]:
        items = [
            Linked(concepts[i], *names.get(i, (concepts[i].uri, FALLBACK_LANGUAGE)), relation=rel)
            for i, rel in pairs
            if i in concepts
        ]
        return sorted(items, key=lambda x: x.label.lower())

    return ConceptDetail(
        concept=concept,
        label=shown.preferred if shown else concept.uri,
        language=shown.language if shown else FALLBACK_LANGUAGE,
        description=description_label.description if description_label else "",
        labels=labels,
        broader=linked((i, "") for i in broader),
        narrower=linked((i, "") for i in narrower),
        essential=linked(p for p in requirements if p[1] == Relation.ESSENTIAL),
        optional=linked(p for p in requirements if p[1] == Relation.OPTIONAL),
        occupations=linked(occupations),
        related=linked(related),
        collections=list(concept.collections.all()),
    )
