"""A participant takes a DigComp self-assessment on a phone, sees the result, takes it again and sees the
progress; the project lead sees the project's figures (suppressed). axe-core runs on every page."""

from __future__ import annotations

import pytest

from tests.browser.support import PHONE

pytestmark = pytest.mark.browser


def test_participant_fills_a_digcomp_self_assessment_on_a_phone(open_browser, live_world):
    from polku.assessments.models import SelfAssessment

    browser = open_browser(viewport=PHONE)
    page = browser.page
    main = page.locator("main")
    browser.sign_in(live_world.user_a.email)
    browser.follow_menu("My self-assessments")
    assert main.get_by_role("heading", level=1).inner_text() == "My self-assessments"
    assert "You have not taken a self-assessment yet." in main.inner_text()

    browser.follow(main.get_by_role("link", name="Digital skills (DigComp)"))
    assert browser.horizontal_overflow() == 0
    # Sending nothing is refused with a summary, and nothing is saved.
    browser.follow(main.get_by_role("button", name="Save the self-assessment"), status=400)
    assert main.get_by_role("alert").is_visible()
    assert not SelfAssessment.objects.exists()

    group = main.get_by_role(
        "group", name="1.1 Browsing, searching and filtering data, information and digital content"
    )
    group.get_by_label("I can do everyday tasks and solve easy problems on my own.", exact=False).check()
    main.get_by_role("group", name="2.1 Interacting through digital technologies").get_by_label(
        "I can do many different tasks and help other people.", exact=False
    ).check()
    main.get_by_role("group", name="4.2 Protecting personal data and privacy").get_by_label(
        "I don't know, or I skip this one"
    ).check()
    main.get_by_label("Note (optional)").fill("I want to learn spreadsheets")
    browser.follow(main.get_by_role("button", name="Save the self-assessment"))
    assert page.get_by_role("status").inner_text() == "Your self-assessment was saved."
    assert "I can do everyday tasks and solve easy problems on my own." in main.inner_text()
    assert main.get_by_role("img", name="Level per area").is_visible()
    assert browser.horizontal_overflow() == 0
    browser.screenshot("assessments-result")

    # Again, a level higher: the history shows the change.
    browser.follow(main.get_by_role("link", name="Take it again"))
    assert "Last time: level 3" in main.inner_text()
    main.get_by_role(
        "group", name="1.1 Browsing, searching and filtering data, information and digital content"
    ).get_by_label("I can choose myself how to do a task, also in a new situation.", exact=False).check()
    browser.follow(main.get_by_role("button", name="Save the self-assessment"))
    browser.follow(main.get_by_role("link", name="My self-assessments"))
    assert "Taken 2 times" in main.inner_text()
    assert main.get_by_role("img", name="first and latest level per area").is_visible()
    row = main.get_by_role("row").filter(has_text="1.1 Browsing")
    assert row.get_by_role("cell").nth(3).inner_text() == "+1"
    browser.screenshot("assessments-history")
    assert SelfAssessment.objects.filter(person=live_world.part_a.person).count() == 2


def test_lead_sees_the_projects_figures(browser, live_world):
    from polku.assessments.tests.factories import assessment

    assessment(live_world.part_a.person, level=2)
    assessment(live_world.part_a.person, level=4, days=90)
    browser.sign_in(live_world.lead.email)
    browser.go(f"/assessments/projects/{live_world.project.code}/")
    main = browser.page.locator("main")
    assert main.get_by_role("heading", level=1).inner_text() == "Self-assessed progress"
    assert "Figures of fewer than" in main.inner_text()
    browser.screenshot("assessments-project")
