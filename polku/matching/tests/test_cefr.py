import pytest

from polku.matching import cefr
from polku.matching.errors import InvalidInput


def test_levels_order_and_native_ranks_highest():
    assert [cefr.rank(x) for x in ("a1", "B1", "c2", "native")] == [1, 3, 6, 7]
    assert cefr.at_least("B2", "B1") and not cefr.at_least("A2", "B1")


def test_shared_languages_at_a_level():
    a = {"en": "B2", "fi": "A2", "ar": "native"}
    b = {"en": "C1", "fi": "B1", "ar": "A1"}
    assert cefr.shared_languages(a, b, "B1") == {"en"}
    assert cefr.shared_languages(a, b, "A1") == {"en", "fi", "ar"}


def test_unknown_level_is_a_clear_error():
    with pytest.raises(InvalidInput, match="unknown language level 'B3'"):
        cefr.rank("B3")
