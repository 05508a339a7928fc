"""A participant with confirmed skills opens their plan page, picks a target occupation and sees the gap
and the recommended learning; then marks a course completed. axe-core runs on every page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_participant_makes_a_plan_and_sees_recommendations(open_browser, live_world):
    from polku.competences.services import add_confirmed_skill
    from polku.learning.models import Plan
    from polku.learning.tests.factories import graph, opportunity, speaks

    g = graph()
    person = live_world.part_a.person
    speaks(person, fi="B1", en="B1")
    add_confirmed_skill(person=person, skill=g.forklift, kind="manual")
    opportunity(g.warehouse, g.service, code="warehouse", title_en="Warehouse work basics")
    opportunity(g.warehouse, code="warehouse-onsite", title_en="Warehouse on site", mode="onsite")

    browser = open_browser()
    page = browser.page
    main = page.locator("main")
    browser.sign_in(live_world.user_a.email)
    browser.follow_menu("My plan")
    assert "You have no plan yet." in main.inner_text()
    browser.follow(main.get_by_role("link", name="Make a new plan"))
    main.get_by_label("An occupation").check()
    main.get_by_label("target occupation").fill("warehouse worker")
    main.get_by_label("preferred way of studying").select_option("online")
    browser.follow(main.get_by_role("button", name="Make the plan"))

    assert Plan.objects.get().target == g.worker
    text = main.inner_text()
    assert "Missing: warehouse operations is essential for the goal" in text
    assert "Covered: your profile has operate forklift." in text
    assert "Warehouse work basics" in text
    assert "Recommended: it builds essential skills you lack: warehouse operations" in text
    assert "another way of studying" in text  # the on-site course, and why it is not proposed
    browser.screenshot("learning-plan")
