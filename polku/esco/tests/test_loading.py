"""The shipped ESCO in the database: what the loader writes, the auto-load rule, the selectors."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from polku.esco import selectors
from polku.esco.loading import load_shipped
from polku.esco.models import Broader, Collection, Concept, Label, OccupationSkill, Release, SkillRelation
from polku.esco.signals import load_after_migrate

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
PROGRAMMING = "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97"
WAREHOUSE = "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f"


@pytest.mark.django_db
def test_the_test_database_has_the_shipped_esco(esco_loaded):
    assert Concept.objects.filter(kind="skill").count() == 13896
    assert Concept.objects.filter(kind="occupation").count() == 3007
    assert Concept.objects.filter(kind="skill-group").count() == 640
    assert Concept.objects.filter(kind="isco-group").count() == 619
    assert Label.objects.filter(language="en").count() == 18162
    assert Broader.objects.count() == 24265
    assert OccupationSkill.objects.count() == 123788
    assert OccupationSkill.objects.filter(relation="essential").count() > 60000
    assert SkillRelation.objects.count() == 5899
    assert set(Collection.objects.values_list("code", flat=True)) == {
        "digital",
        "digcomp",
        "green",
        "language",
        "research",
        "transversal",
    }
    forklift = Label.objects.get(concept__uri=FORKLIFT, language="en")
    assert forklift.preferred == "operate forklift"
    assert forklift.description and "drive forklift" in forklift.search_text
    group = Label.objects.get(concept__uri="http://data.europa.eu/esco/isco/C2512")
    assert group.description  # group descriptions are shipped too
    assert Release.objects.filter(version="v1.1.1", language="en").exists()
    assert Concept.objects.get(uri=PYTHON).collections.filter(code="digital").exists()


@pytest.mark.django_db
def test_load_shipped_again_changes_nothing(esco_loaded):
    releases = Release.objects.count()
    result = load_shipped()
    assert not result.changed
    assert Release.objects.count() == releases
    out = io.StringIO()
    call_command("esco", "load-shipped", stdout=out)
    assert "nothing changed" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_flush_does_not_reload_but_migrate_does(monkeypatch):
    call_command("flush", "--noinput", verbosity=0)  # sends post_migrate, as transactional tests do
    assert not Concept.objects.exists()
    loads = []

    def load_shipped(**kw):
        loads.append(kw)
        return _Done()

    monkeypatch.setattr("polku.esco.loading.load_shipped", load_shipped)
    load_after_migrate(sender=None, using="default", verbosity=0)  # post_migrate without pre_migrate
    assert loads == []
    call_command("migrate", verbosity=0)
    assert len(loads) == 1
    monkeypatch.setattr(settings, "POLKU_ESCO_AUTOLOAD", False)
    call_command("migrate", verbosity=0)
    assert len(loads) == 1


class _Done:
    version, seconds = "v1.1.1", 0.0


@pytest.mark.django_db(transaction=True)
def test_esco_loaded_reloads_after_a_flush(esco_loaded):
    assert Concept.objects.count() == 18162


@pytest.mark.django_db
def test_selectors_for_other_apps(esco_loaded):
    warehouse = Concept.objects.get(uri=WAREHOUSE)
    requirements = selectors.occupation_requirements(warehouse)
    assert len(requirements) == OccupationSkill.objects.filter(occupation=warehouse).count()
    assert requirements[0][1] == "essential" and requirements[-1][1] in {"essential", "optional"}
    assert selectors.occupation_requirements(WAREHOUSE) == requirements
    assert ("http://data.europa.eu/esco/skill/ab2bb44a-3956-4028-8715-8b70b1960b99", "essential") in {
        (s.uri, r) for s, r in requirements
    }

    direct = selectors.broader_map([PYTHON, FORKLIFT, "http://data.europa.eu/esco/skill/unknown"])
    assert PROGRAMMING in direct[PYTHON]
    assert "http://data.europa.eu/esco/skill/unknown" not in direct
    up = selectors.ancestors([PYTHON])
    assert up[PYTHON][: len(direct[PYTHON])] == direct[PYTHON] or set(direct[PYTHON]) <= set(up[PYTHON])
    assert len(up[PYTHON]) > len(direct[PYTHON])  # groups further up

    rows = list(selectors.language_labels("en"))
    assert len(rows) == 18162
    _uri, preferred, alternatives = next(r for r in rows if r[0] == FORKLIFT)
    assert preferred == "operate forklift" and "drive forklift" in alternatives
    assert selectors.loaded_languages() == ["en"]
    hits = selectors.search("forklift", language="fi")
    assert hits[0].label == "operate forklift"


@pytest.mark.django_db
def test_broader_map_is_a_few_queries(esco_loaded, django_assert_max_num_queries):
    uris = list(Concept.objects.filter(kind="skill").values_list("uri", flat=True)[:3000])
    with django_assert_max_num_queries(2):
        found = selectors.broader_map(uris)
    assert len(found) == 3000


@pytest.mark.django_db
def test_first_load_keeps_the_foreign_keys_and_the_index(esco_loaded):
    from django.db import connection

    from polku.esco.loading import CHILD_TABLES, TRIGRAM_INDEX

    with connection.cursor() as cursor:
        for model in CHILD_TABLES:
            constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
            expected = 1 if model is Label else 2
            assert sum(1 for c in constraints.values() if c.get("foreign_key")) == expected, model
        if connection.vendor == "postgresql":
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [TRIGRAM_INDEX])
            assert cursor.fetchone() is not None
