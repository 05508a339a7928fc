import pytest

from polku.esco.selectors import preferred_labels, search
from polku.esco.tests import factories as ef

pytestmark = pytest.mark.django_db


def test_search_finds_labels_in_the_language_and_falls_back_to_english():
    # Test databases hold the shipped ESCO too: made-up words keep these hits apart from it.
    forklift = ef.skill("operate qxforklift", fi="ajaa qxtrukkia")
    ef.skill("operate qxcrane")

    hits = search("qxtrukki", language="fi")
    assert [h.concept for h in hits] == [forklift]
    assert hits[0].label == "ajaa qxtrukkia"
    assert {h.label for h in search("operate qx", language="sv")} == {"operate qxforklift", "operate qxcrane"}
    assert preferred_labels([forklift.pk], "sv") == {forklift.pk: "operate qxforklift"}
    assert search("   ", language="fi") == []
