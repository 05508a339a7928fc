"""The repair of language codes typed before languages were chosen from a list (migration 0006)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from polku.participants.models import LanguageSkill
from polku.testing.factories import PersonFactory

repair = importlib.import_module("polku.participants.migrations.0006_language_codes_from_a_list")


@pytest.mark.django_db
def test_codes_made_from_names_become_the_language_meant() -> None:
    person = PersonFactory()
    other = PersonFactory()
    for code, level in [("dar", "native"), ("far", "C1"), ("tig", "B1"), ("kli", "A1")]:
        LanguageSkill.objects.create(person=person, language=code, level=level)
    LanguageSkill.objects.create(person=other, language="fi", level="A2")
    LanguageSkill.objects.create(person=other, language="fin", level="B2")  # the same language twice

    repair.repair_codes(apps, None)

    rows = {(s.language, s.level, s.to_check) for s in LanguageSkill.objects.filter(person=person)}
    assert rows == {("prs", "native", False), ("fa", "C1", False), ("ti", "B1", False), ("kli", "A1", True)}
    assert list(LanguageSkill.objects.filter(person=other).values_list("language", "level")) == [("fi", "B2")]
