"""A project lead shapes the project (work package, target, privacy notice, activity) and a coordinator
enrols a participant, which moves the target's count; every page axe-checked."""

import pytest

from polku.activities.models import ActivityEnrolment, Target

pytestmark = pytest.mark.browser


def test_lead_shapes_the_project_and_coordinator_enrols(browser, live_world):
    from polku.testing import factories as f

    f.membership(live_world.lead, f.Role.COORDINATOR, partner=live_world.a)  # the lead partner's coordinator
    code = live_world.project.code
    browser.sign_in(live_world.lead.email)
    browser.go(f"/projects/{code}/")
    page = browser.page

    browser.follow(page.get_by_role("link", name="Add a work package"))
    taken = live_world.project.work_packages.values_list("number", flat=True)
    page.get_by_label("Number").fill(str(max(taken, default=0) + 1))  # factory numbers depend on test order
    page.get_by_label("Name").fill("Mentoring and peer groups")
    browser.follow(page.locator("main form").get_by_role("button"))
    assert "Mentoring and peer groups" in page.content()

    browser.follow(page.get_by_role("link", name="Add a target"))
    page.get_by_label("Label").fill("People in the training")
    page.get_by_label("What is counted").select_option("activity_participants")
    page.get_by_label("Target value").fill("40")
    browser.follow(page.locator("main form").get_by_role("button"))
    target = Target.objects.get(label="People in the training")

    browser.follow(page.get_by_role("link", name="Versions and publishing"))
    browser.go(f"/projects/{code}/")
    browser.follow(page.get_by_role("link", name="Finnish for working life"))
    page.locator("main form.stacked").get_by_label("Amina Yusuf", exact=False).check()
    browser.follow(page.get_by_role("button", name="Enrol"))
    assert ActivityEnrolment.objects.filter(participation=live_world.part_a).exists()

    browser.go(f"/projects/{code}/")
    row = page.locator("tr", has_text="People in the training")
    assert row.locator("td").nth(3).inner_text().strip() == "1"
    assert target.value == 40
