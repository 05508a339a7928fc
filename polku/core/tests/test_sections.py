"""The section registry pages of lower apps use for what the apps above show on them."""

from collections.abc import Callable
from typing import Any

import pytest

from polku.core.sections import SectionRegistry


def test_sections_come_in_order_per_place_and_none_leaves_one_out():
    page = SectionRegistry("test page", places=("facts", "main"))
    page.register("b", template="b.html", context=lambda *, thing: {"thing": thing}, order=20)
    page.register("a", template="a.html", context=lambda *, thing: {"n": 1}, order=20)
    page.register("first", template="f.html", context=lambda *, thing: {}, order=10)
    page.register("fact", template="fact.html", context=lambda *, thing: {}, place="facts")
    page.register("hidden", template="h.html", context=lambda *, thing: None, order=5)
    shown = page.sections(thing="x")
    assert [s.name for s in shown["main"]] == ["first", "a", "b"]
    assert [s.name for s in shown["facts"]] == ["fact"]
    assert shown["main"][2].context == {"thing": "x"} and shown["main"][2].template == "b.html"
    assert page.names() == ["hidden", "first", "a", "b", "fact"]
    page.unregister("b")
    assert [s.name for s in page.sections(thing="x")["main"]] == ["first", "a"]


def test_every_place_is_a_key_and_unknown_places_or_second_registrations_are_refused():
    page = SectionRegistry("test page")
    assert page.sections() == {"main": []}
    with pytest.raises(ValueError, match="no place"):
        page.register("x", template="x.html", context=lambda: {}, place="sidebar")
    context: Callable[[], dict[str, Any]] = lambda: {}  # noqa: E731
    page.register("x", template="x.html", context=context)
    page.register("x", template="x.html", context=context)  # the same again (ready() twice): no change
    with pytest.raises(ValueError, match="registered twice"):
        page.register("x", template="other.html", context=context)
