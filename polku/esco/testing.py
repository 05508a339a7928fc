"""pytest fixture `esco_loaded` (registered in the root conftest.py, so every app and tests/browser can use it).

Test databases get the shipped ESCO once, when `migrate` creates them (polku.esco.signals). A transactional
or live_server test's teardown flushes every table, ESCO's too; a test that needs the real classification
asks for `esco_loaded`, which loads it again when the tables are empty (about 10 s) and otherwise costs one
query.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def esco_loaded(request: Any) -> Any:
    """The shipped ESCO v1.1.1 (English) is in the database; returns the Release row."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
    else:
        request.getfixturevalue("db")
    # Here, not at the top: pytest loads this plugin (conftest.py) before Django has loaded the apps.
    from polku.esco.loading import is_loaded, load_shipped
    from polku.esco.models import Release

    if not is_loaded():
        load_shipped()
    return Release.objects.filter(language="en").order_by("loaded_at").first()


@pytest.fixture
def esco_empty(db: Any) -> None:
    """No ESCO rows for this test (rolled back afterwards): for tests that build a small ESCO graph with
    polku/esco/tests/factories.py and expect only those concepts to exist."""
    # Here, not at the top: pytest loads this plugin before Django has loaded the apps.
    from polku.esco.models import Broader, Concept, Label, OccupationSkill, Release, SkillRelation

    # Raw deletes, children first: the collector would load every one of the ~300,000 rows.
    for model in (
        Concept.collections.through,
        Label,
        Broader,
        OccupationSkill,
        SkillRelation,
        Concept,
        Release,
    ):
        model.objects.all()._raw_delete(model.objects.db)
