"""A coordinator records an exit with the situation at exit (the outcomes exit page, reached from the
participant page) and sees the dashboard's exited count and the funder report change; axe on each page."""

import pytest
from django.utils import timezone

pytestmark = pytest.mark.browser


def test_coordinator_records_an_exit_and_sees_dashboard_and_report_change(browser, live_world):
    code = live_world.project.code
    browser.sign_in(live_world.coord_a.email)
    page = browser.page

    browser.go(f"/projects/{code}/dashboard/")
    assert page.locator("[data-total=exited]").inner_text().strip() == "0"
    assert page.locator("[data-total=registered]").inner_text().strip() == "1"
    funnel = page.locator("#funnel-caption").locator("..").inner_text()
    assert "Competences mapped\t0" in funnel and "not tracked yet" not in funnel  # counted, nobody yet
    assert "University of B" not in page.locator("main").inner_text()  # another partner's figures
    browser.go(f"/projects/{code}/report/")
    report_row = page.locator("tr", has_text="City of A")
    assert report_row.locator("td").nth(3).inner_text().strip() == "0"

    browser.go(f"/participants/{live_world.part_a.pk}/")
    browser.follow(page.locator("main").get_by_role("link", name="Record exit"))
    form = page.locator("main form.stacked")
    form.get_by_label("Exit date").fill(timezone.localdate().isoformat())
    form.get_by_role("group", name="Situation at exit").get_by_label(
        "Employed, including apprenticeship"
    ).check()
    browser.follow(form.get_by_role("button", name="Save"))

    browser.go(f"/projects/{code}/dashboard/")
    assert page.locator("[data-total=exited]").inner_text().strip() == "1"
    chart = page.locator("#funnel-chart")
    assert chart.locator("figcaption").inner_text() == "Participant funnel"
    assert "Exited\n1" in chart.inner_text() or "Exited 1" in " ".join(chart.inner_text().split())
    browser.go(f"/projects/{code}/report/")
    assert page.locator("tr", has_text="City of A").locator("td").nth(3).inner_text().strip() == "1"
    browser.follow(page.get_by_role("link", name="Dashboard"))
