"""Self-registration in steps on a 360 px phone: step by step with an error on the way, "Save and continue
later", the resume link opened in another browser, check your answers, register. No page scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import SHOTS, Browser

pytestmark = pytest.mark.browser
SMALL_PHONE = {"width": 360, "height": 740}
PASSWORD = "Kuusi-kettua-juoksee-9"


def _fits(browser: Browser) -> None:
    width = browser.page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 360, f"{browser.path()} is {width} px wide on a 360 px phone"


def _continue(browser: Browser) -> None:
    browser.follow(browser.page.locator("main form").get_by_role("button", name="Continue", exact=True))
    _fits(browser)


def _step_heading(browser: Browser) -> str:
    return str(browser.page.get_by_role("heading", level=1).inner_text())


def test_register_in_steps_save_resume_and_submit_on_a_phone(open_browser: Any, live_world: Any) -> None:
    from polku.participants.models import Person
    from polku.registration.models import RegistrationDraft

    browser = open_browser(viewport=SMALL_PHONE)
    page = browser.page
    start = f"/r/{live_world.a.registration_code}/"
    browser.go(start)
    _fits(browser)
    assert page.locator(".step-progress").inner_text() == "Step 1 of 6"
    assert page.locator('[aria-current="step"]').inner_text() == "About you"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "registration-step-phone.png"), full_page=True)

    # Continue with a missing name: the error names the field and what was typed stays.
    page.locator("#id_first_name").fill("Leila")
    page.locator("#id_email").fill("leila.haddad@example.org")
    browser.follow(page.locator("main form").get_by_role("button", name="Continue", exact=True))
    _fits(browser)
    summary = page.locator(".govuk-error-summary")
    assert "Last name" in summary.inner_text() or "last name" in summary.inner_text()
    assert page.locator("#id_first_name").input_value() == "Leila"
    page.locator("#id_last_name").fill("Haddad")
    _continue(browser)
    assert page.locator(".step-progress").inner_text() == "Step 2 of 6"

    page.locator("#id_language_0").fill("Arabic")
    page.locator("#id_level_0").select_option("native")
    _continue(browser)
    assert _step_heading(browser) == "Your situation when you join"
    page.locator("#id_date_of_birth").fill("1990-05-17")
    _continue(browser)
    assert _step_heading(browser) == "Your goals and background"

    # Save and continue later: the link is on the page (and e-mailed).
    page.locator("#id_municipality").fill("Tampere")
    browser.follow(page.locator("main form").get_by_role("button", name="Save and continue later"))
    _fits(browser)
    link = page.locator(".resume-link a").get_attribute("href")
    assert link and "/resume/" in link
    assert RegistrationDraft.objects.get().step == "goals"

    # Another browser (a phone later on) opens the link and lands on the same step with the answers.
    later = open_browser(viewport=SMALL_PHONE)
    later.go(link.removeprefix(later.base_url))
    _fits(later)
    assert _step_heading(later) == "Your goals and background"
    assert later.page.locator("#id_municipality").input_value() == "Tampere"
    _continue(later)
    assert _step_heading(later) == "Privacy notice and consents"
    later.page.locator("#id_participation").check()
    _continue(later)

    # Check your answers: every step with a change link, then the password and Register.
    assert _step_heading(later) == "Check your answers"
    SHOTS.mkdir(parents=True, exist_ok=True)
    later.page.screenshot(path=str(SHOTS / "registration-check-phone.png"), full_page=True)
    main = later.page.locator("main")
    assert "Leila" in main.inner_text() and "Arabic" in main.inner_text() and "Tampere" in main.inner_text()
    assert main.get_by_role("link", name="Change").count() >= 5
    later.page.locator("#id_password1").fill(PASSWORD)
    later.page.locator("#id_password2").fill(PASSWORD)
    later.follow(main.locator("form").get_by_role("button", name="Register"))
    _fits(later)
    assert later.page.get_by_role("heading", level=1).inner_text() == "Thank you for registering"
    assert Person.objects.filter(email="leila.haddad@example.org", municipality="Tampere").exists()
    assert not RegistrationDraft.objects.exists()
