"""The design system on a phone and a desktop: the participant's hub, the coordinator's "Today", the menu that
folds behind one button on a phone, the dashboard without sideways scrolling, a form's error summary."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 360, "height": 740}


def scroll_width(browser) -> int:
    return int(browser.page.evaluate("document.scrollingElement.scrollWidth"))


def test_participant_hub_on_a_small_phone(open_browser, live_world):
    from polku.events.tests.factories import RegistrationFactory, event_of

    RegistrationFactory(
        event=event_of(live_world.a, title_en="Networking dinner"), participation=live_world.part_a
    )
    amina = open_browser(viewport=SMALL_PHONE)
    page = amina.page
    main = page.locator("main")
    amina.sign_in(live_world.user_a.email)
    assert amina.path() == "/"
    assert main.get_by_role("heading", level=1).inner_text() == "Hello, Amina"
    assert scroll_width(amina) <= 360
    assert "Networking dinner" in main.get_by_role("region", name="My next event").inner_text()
    # On a phone the menu folds behind one button, which opens it.
    toggle = page.locator("header").get_by_role("button", name="Menu")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    nav = page.get_by_role("navigation", name="Main")
    assert not nav.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav.get_by_role("link", name="My page").is_visible()
    amina.check()  # axe on the open menu too
    assert scroll_width(amina) <= 360
    # Everything else is one tap away from the hub.
    amina.follow(main.get_by_role("navigation", name="Everything else").get_by_role("link", name="My page"))
    assert amina.path() == "/participants/me/"
    assert scroll_width(amina) <= 360


def test_coordinator_home_on_a_desktop(browser, live_world):
    from polku.events.tests.factories import event_of, soon

    event_of(live_world.a, title_en="Job fair", starts_at=soon(days=5))
    page = browser.page
    main = page.locator("main")
    browser.sign_in(live_world.coord_a.email)
    assert browser.path() == "/"
    assert main.get_by_role("heading", level=1).inner_text() == "Today"
    attention = main.get_by_role("region", name="Needs attention")
    assert "Upcoming events" in attention.inner_text() and "Job fair" in attention.inner_text()
    # The menu is grouped by the work; a group opens to its links and Escape closes it again.
    assert not page.locator("header [data-menu-toggle]").is_visible()
    nav = page.get_by_role("navigation", name="Main")
    groups = [g.strip() for g in nav.locator("summary").all_inner_texts()]
    assert groups[:2] == ["People", "Activities and events"] and "Settings" in groups
    people = nav.locator("details").filter(has_text="People").first
    people.locator("summary").click()
    assert nav.get_by_role("link", name="Participants", exact=True).is_visible()
    browser.check()
    page.keyboard.press("Escape")
    assert not nav.get_by_role("link", name="Participants", exact=True).is_visible()
    browser.follow_menu("Participants")
    assert browser.path() == "/participants/"


def test_dashboard_and_project_page_on_a_small_phone(open_browser, live_world):
    coordinator = open_browser(viewport=SMALL_PHONE)
    coordinator.sign_in(live_world.coord_a.email)
    code = live_world.project.code
    for path in (f"/projects/{code}/", f"/projects/{code}/dashboard/", "/participants/"):
        coordinator.go(path)
        assert scroll_width(coordinator) <= 360, path
    # the project page leads to where the work is done
    coordinator.go(f"/projects/{code}/")
    work = coordinator.page.get_by_role("navigation", name="Work in this project")
    assert work.get_by_role("link", name="Dashboard").is_visible()
    assert work.get_by_role("link", name="Participants").is_visible()


def test_a_form_with_errors_opens_with_its_summary(browser, live_world):
    page = browser.page
    browser.sign_in(live_world.coord_a.email)
    browser.go(f"/participants/new/?partner={live_world.a.pk}")
    browser.follow(page.locator("main form").get_by_role("button", name="Register"), status=400)
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    first = summary.get_by_role("link").first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("location.hash") == target


def test_a_visitor_on_a_phone_reaches_sign_in_and_the_language_through_the_menu(open_browser, live_world):
    visitor = open_browser(viewport=SMALL_PHONE)
    visitor.go("/")
    header = visitor.page.locator("header")
    assert not header.get_by_role("link", name="Sign in").is_visible()
    header.get_by_role("button", name="Menu").click()
    assert header.get_by_role("link", name="Sign in").is_visible()
    assert header.get_by_label("Language").is_visible()
    assert scroll_width(visitor) <= 360
