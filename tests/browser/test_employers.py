"""An employer's representative opens a need, sees blind candidates and asks for an introduction; the
participant approves on a 360 px phone; the employer then sees the name; the internship starts and shows
on the project dashboard."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.browser.conftest import verified
from tests.browser.support import PHONE

pytestmark = pytest.mark.browser


def test_blind_candidate_to_approved_introduction_to_internship(browser, open_browser, live_world):
    from polku.employers.models import EmployerRepresentative, Introduction
    from polku.employers.tests.factories import scene
    from polku.outcomes.models import Outcome
    from polku.testing import factories as f

    rep = verified(f.UserFactory(email="rep@nordicdata.fi", full_name="Riikka Rekry"))
    f.membership(rep, f.Role.EMPLOYER, partner=live_world.a)
    live_world.employer = rep
    world = scene(live_world)
    assert EmployerRepresentative.objects.filter(user=rep).exists()

    page = browser.page
    main = page.locator("main")
    browser.sign_in(rep.email)
    browser.go("/employers/")
    assert browser.path() == f"/employers/{world.employer.pk}/"
    browser.follow(main.get_by_role("link", name="Data analyst intern"))
    card = main.locator("li.card").first
    assert "Has 1 of the 2 required skills" in card.inner_text()
    assert "Amina" not in main.inner_text() and "Yusuf" not in main.inner_text()
    browser.follow(card.get_by_role("button", name="Ask for an introduction"))
    intro = Introduction.objects.get()
    assert intro.status == "proposed"
    browser.go(f"/employers/introductions/{intro.pk}/")
    assert "Amina" not in main.inner_text()

    amina = open_browser(viewport=PHONE)
    amina.sign_in(live_world.user_a.email)
    amina.go("/employers/me/introductions/")
    own = amina.page.locator("main")
    assert "Nordic Data Oy" in own.inner_text()
    assert amina.horizontal_overflow() == 0
    amina.follow(own.get_by_role("button", name="Approve"))
    intro.refresh_from_db()
    assert intro.status == "approved"
    amina.go("/employers/me/")
    assert amina.horizontal_overflow() == 0

    browser.go("/employers/introductions/")
    browser.follow(main.get_by_role("link", name="Amina Yusuf"))
    assert live_world.user_a.email in main.inner_text()

    coordinator = open_browser()
    coordinator.sign_in(live_world.coord_a.email)
    coordinator.go(f"/employers/introductions/{intro.pk}/")
    form = coordinator.page.locator("main form").last
    form.get_by_label("Started on").fill(timezone.localdate().isoformat())
    coordinator.follow(form.get_by_role("button", name="Record the start"))
    assert Outcome.objects.get(participation=live_world.part_a).kind == "internship_started"
    coordinator.go(f"/projects/{live_world.project.code}/dashboard/")
    section = coordinator.page.locator("main").get_by_role(
        "table", name="Companies engaged, needs and introductions in the period"
    )
    row = section.get_by_role("row", name="Internships and jobs started")
    assert row.inner_text().strip().endswith("1")
