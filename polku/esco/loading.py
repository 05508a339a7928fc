"""Writing ESCO into the database: the shipped v1.1.1 (English) and official downloads (`polku esco import`).

One code path for both (decision 0034): a `Dataset` (polku.esco.download) is merged into what is loaded,
keyed by concept URI, in one transaction with bulk inserts. Nothing is deleted: a newer version or another
language lands next to what is there, and loading the same data again changes nothing. The labels of a
dataset are written for its language only (one Label row per concept and language).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from polku.esco.download import Dataset, read_shipped
from polku.esco.models import (
    Broader,
    Collection,
    Concept,
    Label,
    OccupationSkill,
    Release,
    SkillRelation,
)

Say = Callable[[str], None]
PARTS = ("concepts", "labels", "broader", "occupation_skills", "skill_relations", "collections")


@dataclass
class Change:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


@dataclass
class Result:
    version: str
    language: str
    changes: dict[str, Change] = field(default_factory=lambda: {p: Change() for p in PARTS})
    seconds: float = 0.0
    release: Release | None = None
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated for c in self.changes.values())

    def summary(self) -> str:
        lines = [
            f"  {part.replace('_', ' ')}: {c.created} created, {c.updated} updated, {c.unchanged} unchanged"
            for part, c in self.changes.items()
        ]
        return "\n".join(lines)


class _DryRun(Exception):
    pass


def _insert(using: str, model: Any, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Plain multi-row inserts: COPY on PostgreSQL, executemany elsewhere (several times bulk_create's speed
    for the 170,000 rows of a full load)."""
    if not rows:
        return
    connection = connections[using]
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            # A bigger page cache (64 MB) keeps the relation tables' indexes in memory while they grow.
            cursor.execute("PRAGMA cache_size = -65536")
            marks = ", ".join(["%s"] * len(columns))
            for start in range(0, len(rows), 20000):
                cursor.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608 (names from the model)
                    rows[start : start + 20000],
                )


def search_text(preferred: str, alternatives: Iterable[str]) -> str:
    return "\n".join([preferred, *alternatives]).lower()


def write(
    data: Dataset,
    *,
    using: str = DEFAULT_DB_ALIAS,
    actor: Any = None,
    dry_run: bool = False,
    say: Say | None = None,
) -> Result:
    """Merge `data` into the database in one transaction; with `dry_run`, roll it back and only count."""
    started = time.monotonic()
    result = Result(version=data.version, language=data.language, dry_run=dry_run)
    try:
        with transaction.atomic(using=using):
            _write(data, result, using=using, say=say)
            counts = {
                "concepts": len(data.concepts),
                "labels": len(data.concepts),
                "broader": len(data.broader),
                "occupation_skills": len(data.occupation_skills),
                "skill_relations": len(data.skill_relations),
                "collection_members": len(data.members),
                "skipped": sum(data.skipped.values()),
                "changes": {p: c.as_dict() for p, c in result.changes.items()},
            }
            same = Release.objects.using(using).filter(version=data.version, language=data.language).exists()
            if result.changed or not same:
                result.release = Release.objects.using(using).create(
                    version=data.version,
                    language=data.language,
                    source=data.source[:500],
                    counts=counts,
                    loaded_by=actor if getattr(actor, "pk", None) else None,
                )
            if dry_run:
                raise _DryRun
    except _DryRun:
        result.release = None
    result.seconds = time.monotonic() - started
    return result


CHILD_TABLES = (Label, Broader, OccupationSkill, SkillRelation, Concept.collections.through)
TRIGRAM_INDEX = "esco_label_search_trgm"  # migrations/0002


@contextmanager
def _first_load(using: str) -> Iterator[None]:
    """On PostgreSQL, into empty tables: the foreign keys of the child tables and the trigram index are
    dropped for the load and created again at its end, inside the same transaction. Adding a foreign key
    checks all rows in one join, where 300,000 rows inserted under the deferred constraints cost one trigger
    call each at commit (15 s of a 25 s load). The constraints come back with the same names and definitions.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        dropped: list[tuple[str, str, str, str, str]] = []
        for model in CHILD_TABLES:
            table = model._meta.db_table
            for name, info in connection.introspection.get_constraints(cursor, table).items():
                if foreign_key := info.get("foreign_key"):
                    target_table, target_column = foreign_key
                    dropped.append((table, name, info["columns"][0], target_table, target_column))
                    cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [TRIGRAM_INDEX])
        trigram = cursor.fetchone() is not None
        if trigram:
            cursor.execute(f"DROP INDEX {TRIGRAM_INDEX}")
    yield
    with connection.cursor() as cursor:
        for table, name, column, target_table, target_column in dropped:
            cursor.execute(
                f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} FOREIGN KEY ({quote(column)}) "
                f"REFERENCES {quote(target_table)} ({quote(target_column)}) DEFERRABLE INITIALLY DEFERRED"
            )
        if trigram:
            cursor.execute(f"CREATE INDEX {TRIGRAM_INDEX} ON esco_label USING gin (search_text gin_trgm_ops)")


def _write(data: Dataset, result: Result, *, using: str, say: Say | None) -> None:
    if Concept.objects.using(using).exists():
        _merge(data, result, using=using, say=say)
    else:
        with _first_load(using):
            _merge(data, result, using=using, say=say)


def _merge(data: Dataset, result: Result, *, using: str, say: Say | None) -> None:
    def note(text: str) -> None:
        if say is not None:
            say(text)

    concepts = Concept.objects.using(using)
    english = data.language == "en"
    # Concepts: create new ones; update their attributes from an English file, fill blanks from another.
    existing = {
        row[1]: row
        for row in concepts.values_list(
            "id", "uri", "kind", "code", "skill_type", "reuse_level", "isco_group"
        )
    }
    new, changed = [], []
    change = result.changes["concepts"]
    for uri, c in data.concepts.items():
        wanted: tuple[str, ...] = (c.kind, c.code, c.skill_type, c.reuse_level, c.isco_group)
        row = existing.get(uri)
        if row is None:
            new.append((uri, c.kind, c.code, c.skill_type, c.reuse_level, c.isco_group))
            continue
        have = row[2:]
        if not english:
            wanted = tuple(h or w for h, w in zip(have, wanted, strict=True))
        if wanted == have:
            change.unchanged += 1
        else:
            changed.append(
                Concept(
                    id=row[0],
                    uri=uri,
                    kind=wanted[0],
                    code=wanted[1],
                    skill_type=wanted[2],
                    reuse_level=wanted[3],
                    isco_group=wanted[4],
                )
            )
    _insert(using, Concept, ("uri", "kind", "code", "skill_type", "reuse_level", "isco_group"), new)
    concepts.bulk_update(changed, ["kind", "code", "skill_type", "reuse_level", "isco_group"], batch_size=500)
    change.created, change.updated = len(new), len(changed)
    note(f"  concepts: {change.created} created, {change.updated} updated, {change.unchanged} unchanged")
    ids = dict(concepts.values_list("uri", "id"))  # every loaded concept: relations may point to older ones

    # Labels of this language.
    labels = Label.objects.using(using)
    have_labels = {
        row[0]: row
        for row in labels.filter(language=data.language).values_list(
            "concept_id", "id", "preferred", "alternatives", "hidden", "description"
        )
    }
    new_labels, changed_labels = [], []
    change = result.changes["labels"]
    for uri, c in data.concepts.items():
        cid = ids[uri]
        alternatives, hidden = "\n".join(c.alternatives), "\n".join(c.hidden)
        label = have_labels.get(cid)
        if label is None:
            new_labels.append(
                (
                    cid,
                    data.language,
                    c.preferred,
                    alternatives,
                    hidden,
                    c.description,
                    search_text(c.preferred, c.alternatives),
                )
            )
        elif label[2:] == (c.preferred, alternatives, hidden, c.description):
            change.unchanged += 1
        else:
            changed_labels.append(
                Label(
                    id=label[1],
                    concept_id=cid,
                    language=data.language,
                    preferred=c.preferred,
                    alternatives=alternatives,
                    hidden=hidden,
                    description=c.description,
                    search_text=search_text(c.preferred, c.alternatives),
                )
            )
    _insert(
        using,
        Label,
        ("concept_id", "language", "preferred", "alternatives", "hidden", "description", "search_text"),
        new_labels,
    )
    labels.bulk_update(
        changed_labels, ["preferred", "alternatives", "hidden", "description", "search_text"], batch_size=500
    )
    change.created, change.updated = len(new_labels), len(changed_labels)
    note(
        f"  labels ({data.language}): {change.created} created, {change.updated} updated, {change.unchanged} unchanged"
    )

    # Hierarchy.
    change = result.changes["broader"]
    have_pairs = set(Broader.objects.using(using).values_list("narrower_id", "broader_id"))
    wanted_pairs = {(ids[a], ids[b]) for a, b in data.broader}
    add = sorted(wanted_pairs - have_pairs)
    _insert(using, Broader, ("narrower_id", "broader_id"), add)
    change.created, change.unchanged = len(add), len(wanted_pairs) - len(add)
    note(f"  broader relations: {change.created} created, {change.unchanged} unchanged")

    # Occupation–skill and skill–skill relations.
    for part, model, left, right, pairs in (
        ("occupation_skills", OccupationSkill, "occupation_id", "skill_id", data.occupation_skills),
        ("skill_relations", SkillRelation, "skill_id", "related_id", data.skill_relations),
    ):
        change = result.changes[part]
        manager = model.objects.using(using)
        have_relations = {
            (a, b): (pk, rel) for pk, a, b, rel in manager.values_list("id", left, right, "relation")
        }
        create: list[tuple[int, int, str]] = []
        update: list[Any] = []  # rows of this pass's model
        for (a_uri, b_uri), relation in pairs.items():
            key = (ids[a_uri], ids[b_uri])
            found = have_relations.get(key)
            if found is None:
                create.append((key[0], key[1], relation))
            elif found[1] != relation:
                update.append(model(id=found[0], relation=relation))
            else:
                change.unchanged += 1
        _insert(using, model, (left, right, "relation"), create)
        manager.bulk_update(update, ["relation"], batch_size=500)
        change.created, change.updated = len(create), len(update)
        note(
            f"  {part.replace('_', ' ')}: {change.created} created, {change.updated} updated, {change.unchanged} unchanged"
        )

    # Collections and their members.
    change = result.changes["collections"]
    codes = dict(Collection.objects.using(using).values_list("code", "id"))
    for code, name in sorted(data.collections.items()):
        if code not in codes:
            codes[code] = Collection.objects.using(using).create(code=code, name=name).pk
    through = Concept.collections.through
    have_members = set(through.objects.using(using).values_list("concept_id", "collection_id"))
    wanted_members = {(ids[uri], codes[code]) for code, uri in data.members if code in codes}
    add = sorted(wanted_members - have_members)
    _insert(using, through, ("concept_id", "collection_id"), add)
    change.created, change.unchanged = len(add), len(wanted_members) - len(add)
    note(f"  collection members: {change.created} created, {change.unchanged} unchanged")


def known_uris(using: str = DEFAULT_DB_ALIAS) -> frozenset[str]:
    return frozenset(Concept.objects.using(using).values_list("uri", flat=True))


def is_loaded(using: str = DEFAULT_DB_ALIAS) -> bool:
    return Concept.objects.using(using).exists()


def tables_exist(using: str = DEFAULT_DB_ALIAS) -> bool:
    with connections[using].cursor() as cursor:
        names = set(connections[using].introspection.table_names(cursor))
    return {m._meta.db_table for m in (Concept, Label, Broader, OccupationSkill, SkillRelation)} <= names


def load_shipped(*, using: str = DEFAULT_DB_ALIAS, actor: Any = None, say: Say | None = None) -> Result:
    """Load (or top up) the shipped ESCO v1.1.1 English data; a second run changes nothing."""
    started = time.monotonic()
    data = read_shipped()
    result = write(data, using=using, actor=actor, say=say)
    result.seconds = time.monotonic() - started
    return result


def load_shipped_if_empty(*, using: str = DEFAULT_DB_ALIAS, say: Say | None = None) -> Result | None:
    if is_loaded(using):
        return None
    return load_shipped(using=using, say=say)
