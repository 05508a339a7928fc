"""factory_boy factories of ESCO concepts (tests only): small graphs without loading the whole classification."""

from __future__ import annotations

from typing import Any

import factory

from polku.esco.models import Broader, Concept, Label, OccupationSkill, Relation
from polku.testing.factories import ModelFactory


class ConceptFactory(ModelFactory[Concept]):
    class Meta:
        model = Concept
        django_get_or_create = ("uri",)

    kind = Concept.Kind.SKILL
    uri = factory.LazyAttributeSequence(lambda o, n: f"http://data.europa.eu/esco/{o.kind}/test-{n}")
    skill_type = factory.LazyAttribute(lambda o: "skill/competence" if o.kind == Concept.Kind.SKILL else "")


def _labelled(kind: str, label: str, uri: str | None, labels: dict[str, str], **fields: Any) -> Concept:
    concept = ConceptFactory(kind=kind, **({"uri": uri} if uri else {}), **fields)
    for language, text in {"en": label, **labels}.items():
        Label.objects.update_or_create(
            concept=concept,
            language=language,
            defaults={"preferred": text, "search_text": text.lower()},
        )
    return concept


def skill(label: str, *, uri: str | None = None, broader: Concept | None = None, **labels: str) -> Concept:
    """A skill with an English label (and e.g. fi="…", sv="…"), optionally under a broader concept."""
    concept = _labelled(Concept.Kind.SKILL, label, uri, labels)
    if broader is not None:
        Broader.objects.get_or_create(narrower=concept, broader=broader)
    return concept


def occupation(
    label: str,
    *,
    uri: str | None = None,
    essential: tuple[Concept, ...] = (),
    optional: tuple[Concept, ...] = (),
    **labels: str,
) -> Concept:
    concept = _labelled(Concept.Kind.OCCUPATION, label, uri, labels)
    for skills, relation in ((essential, Relation.ESSENTIAL), (optional, Relation.OPTIONAL)):
        for s in skills:
            OccupationSkill.objects.get_or_create(
                occupation=concept, skill=s, defaults={"relation": relation}
            )
    return concept
