import pytest

from polku.esco.selectors import preferred_labels, search
from polku.esco.tests import factories as ef

pytestmark = pytest.mark.django_db


def test_search_finds_labels_in_the_language_and_falls_back_to_english():
    forklift = ef.skill("operate forklift", fi="ajaa trukkia")
    ef.skill("operate crane")

    hits = search("trukki", language="fi")
    assert [h.concept for h in hits] == [forklift]
    assert hits[0].label == "ajaa trukkia"
    assert {h.label for h in search("operate", language="sv")} == {"operate forklift", "operate crane"}
    assert preferred_labels([forklift.pk], "sv") == {forklift.pk: "operate forklift"}
    assert search("   ", language="fi") == []
