"""The indicator query combines leaf states with LEAST / GREATEST (Kleene's and / or over no < unknown <
yes). That equals the three-valued rules of polku.reporting.logic only when every leaf's yes, no and
unknown conditions cover each value its field can hold: checked here for every choice field."""

from typing import Any

from polku.participants.models import Participation
from polku.reporting.indicators import SETS
from polku.reporting.logic import UNKNOWN_VALUES, All, AnyOf, Choice, Fact


def _leaves(fact: Fact):
    if isinstance(fact, All | AnyOf):
        for part in fact.parts:
            yield from _leaves(part)
    else:
        yield fact


def _field(path: str):
    model: Any = Participation
    field = None
    for name in path.split("__"):
        field = model._meta.get_field(name)
        model = field.related_model if field.is_relation else model
    return field


def test_leaf_conditions_cover_every_choice():
    choices = {leaf for indicators in SETS.values() for i in indicators for leaf in _leaves(i.fact)}
    checked = 0
    for leaf in choices:
        if not isinstance(leaf, Choice):
            continue
        field = _field(leaf.field)
        values = {value for value, _label in field.choices}
        covered = set(leaf.yes) | set(leaf.no) | set(UNKNOWN_VALUES)
        assert values <= covered, (leaf.field, values - covered)
        assert not set(leaf.yes) & set(leaf.no), leaf.field
        checked += 1
    assert checked >= 10
