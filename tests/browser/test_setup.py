"""A new platform admin sets a programme up from nothing on the pages (issue 16): an organisation, the
project, its lead partner, then invites the project lead. axe-core runs on every page; the forms fit a
360 px phone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_admin_sets_up_a_programme_from_nothing(browser, live_world):
    from polku.accounts.models import Invitation
    from polku.projects.models import Project
    from polku.testing import factories as f
    from tests.browser.conftest import verified

    admin = verified(f.UserFactory(email="admin@example.org", is_superuser=True, is_staff=True))
    browser.sign_in(admin.email)
    page, main = browser.page, browser.page.locator("main")
    browser.go("/projects/")
    browser.follow(main.get_by_role("link", name="Organisations"))
    browser.follow(main.get_by_role("link", name="Add an organisation"))
    page.set_viewport_size({"width": 360, "height": 800})  # a small phone
    assert browser.horizontal_overflow() == 0
    main.get_by_label("Name").fill("Folkuniversitetet")
    main.get_by_label("Kind").select_option(label="Association")
    main.get_by_label("Country").select_option(label="Sweden")
    browser.follow(main.get_by_role("button", name="Save"))
    assert "Sweden" in main.inner_text() and "SE" not in main.locator("dl").inner_text().split()

    browser.go("/projects/new/")
    assert browser.horizontal_overflow() == 0
    main.locator("#id_name").fill("Crossing Borders")
    main.get_by_label("Project code").fill("CB-2025")
    main.locator("#id_funder").select_option(label="Erasmus+")
    main.get_by_label("Starts").fill("2025-01-01")
    main.get_by_label("Ends").fill("2024-12-31")  # before the start: refused, what was typed stays
    browser.follow(main.get_by_role("button", name="Save"), status=400)
    assert main.get_by_role("alert").is_visible()
    assert main.get_by_label("Project code").input_value() == "CB-2025"
    main.get_by_label("Ends").fill("2026-12-31")
    browser.follow(main.get_by_role("button", name="Save"))
    assert browser.path() == "/projects/CB-2025/"
    assert "None: the funder is not the ESF" in main.inner_text()

    browser.follow(main.get_by_role("link", name="Add a partner"))
    assert browser.horizontal_overflow() == 0
    main.get_by_label("Organisation").select_option(label="Folkuniversitetet (Sweden)")
    main.get_by_label("Country").select_option(label="Sweden")
    main.get_by_label("Lead partner").check()
    browser.follow(main.get_by_role("button", name="Save"))
    project = Project.objects.get(code="CB-2025")
    assert project.partners.get().is_lead

    browser.follow(main.get_by_role("link", name="People and roles"))
    assert browser.horizontal_overflow() == 0
    main.locator("#id_email").fill("lead@folkuniversitetet.example")
    main.get_by_label("Role").select_option(label="Project lead")
    browser.follow(main.get_by_role("button", name="Send the invitation"))
    assert Invitation.objects.filter(project=project, email="lead@folkuniversitetet.example").exists()
