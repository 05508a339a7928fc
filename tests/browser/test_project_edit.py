"""A platform admin chooses the project's funder indicator set on the project edit page; the project page
shows it. axe-core runs on every page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_admin_chooses_the_indicator_set(browser, live_world):
    from polku.audit.models import AuditEvent
    from polku.testing import factories as f
    from tests.browser.conftest import verified

    admin = verified(f.UserFactory(email="admin@example.org", is_superuser=True, is_staff=True))
    browser.sign_in(admin.email)
    browser.go(f"/projects/{live_world.project.code}/")
    main = browser.page.locator("main")
    facts = main.locator("[data-indicator-set]")
    assert facts.inner_text() == "ESF+ 2021–2027 (automatic, from the funder)"
    browser.follow(main.get_by_role("link", name="Edit project"))
    field = main.get_by_label("Funder indicator set")
    assert "EECO01" in main.inner_text() and "CO01" in main.inner_text()  # the help text explains both
    field.select_option(label="ESF 2014–2020")
    # a bad period is refused with the error summary; nothing is saved
    main.get_by_label("Ends").fill("2020-01-01")
    browser.follow(main.get_by_role("button", name="Save"), status=400)
    assert main.get_by_role("alert").is_visible()
    live_world.project.refresh_from_db()
    assert live_world.project.indicator_set == ""
    main.get_by_label("Ends").fill("2027-12-31")
    main.get_by_label("Funder indicator set").select_option(label="ESF 2014–2020")
    browser.follow(main.get_by_role("button", name="Save"))
    assert browser.page.get_by_role("status").inner_text() == "The project was saved."
    assert main.locator("[data-indicator-set]").inner_text() == "ESF 2014–2020"
    live_world.project.refresh_from_db()
    assert live_world.project.indicator_set == "esf_2014"
    assert AuditEvent.objects.get(object_type="projects.project").fields == ["indicator_set"]
