"""Pages anyone reaches: the welcome page, sign-in, the health check, languages, self-registration."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from tests.browser.support import PHONE

pytestmark = pytest.mark.browser


def test_welcome_sign_in_and_health(browser, live_world):
    page = browser.page
    browser.go("/")
    assert page.get_by_role("heading", level=1).inner_text() == "Welcome to Polku"
    assert page.locator("html").get_attribute("lang") == "en"
    browser.follow(page.locator("main").get_by_role("link", name="Sign in"))
    assert browser.path() == "/accounts/login/"
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"

    # A wrong password shows an error on the page (checked with axe too) and signs nobody in.
    main = page.locator("main")
    main.get_by_label("Email").fill(live_world.coord_a.email)
    main.get_by_label("Password").fill("not-the-password")
    browser.follow(main.get_by_role("button", name="Sign in"))
    assert browser.path() == "/accounts/login/"
    assert page.locator("header").get_by_role("link", name="Sign in").is_visible()

    # The health check is JSON for load balancers, not a page (no axe there).
    health = page.request.get(browser.url("/healthz"))
    assert health.status == 200
    assert health.headers["content-type"] == "application/json"
    assert health.json() == {"status": "ok", "database": "ok"}


def _translated(text: str, language: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def test_first_visit_follows_the_browser_language_and_the_switcher_changes_it(open_browser, live_world):
    browser = open_browser(locale="fi-FI")
    page = browser.page
    html = page.locator("html")
    browser.go("/")
    assert html.get_attribute("lang") == "fi"
    heading = page.get_by_role("heading", level=1)
    # Until the catalogues are translated, gettext returns the English text and only `lang` can be checked.
    assert heading.inner_text() == _translated("Welcome to Polku", "fi")
    switcher = page.locator("header form.language")
    assert switcher.get_by_role("combobox").input_value() == "fi"

    switcher.get_by_role("combobox").select_option(label="Svenska")
    browser.follow(switcher.get_by_role("button"))
    assert browser.path() == "/"
    assert html.get_attribute("lang") == "sv"
    assert heading.inner_text() == _translated("Welcome to Polku", "sv")
    # The choice is remembered over the browser's language on the next pages.
    browser.go("/accounts/login/")
    assert html.get_attribute("lang") == "sv"
    assert page.locator("header form.language").get_by_role("combobox").input_value() == "sv"


def test_person_registers_through_the_public_link_and_signs_in(browser, live_world, mailoutbox):
    from polku.participants.models import Participation

    page = browser.page
    main = page.locator("main")
    browser.go(f"/r/{live_world.a.registration_code}/")
    assert page.get_by_role("heading", level=1).inner_text() == "About you"  # step 1 of the registration
    assert "Register for Test project" in main.inner_text()
    form = main.locator("#registration-form")

    def next_step() -> None:
        browser.follow(form.get_by_role("button", name="Continue", exact=True))

    form.get_by_label("First name").fill("Oluwaseun")
    form.get_by_label("Last name").fill("Adeyemi")
    form.get_by_label("E-mail").fill("seun.adeyemi@example.org")
    next_step()
    form.get_by_label("Language 1").fill("en")
    form.get_by_label("Level 1").select_option("C1")
    next_step()
    form.get_by_label("Date of birth").fill("1991-07-30")
    form.get_by_role("group", name="Labour-market status at entry").get_by_label(
        "Employed", exact=True
    ).check()
    next_step()
    next_step()  # goals and background: all optional
    form.get_by_label("Processing my data to take part in the project").check()
    next_step()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your answers"
    form.get_by_label(re.compile(r"^Password:?$")).fill("river-lantern-orbit-42")
    form.get_by_label("Password again").fill("river-lantern-orbit-42")
    browser.follow(form.get_by_role("button", name="Register"))

    assert browser.path() == f"/r/{live_world.a.registration_code}/thanks/"
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you for registering"
    participation = Participation.objects.get(person__email="seun.adeyemi@example.org")
    assert (participation.partner, participation.channel) == (live_world.a, "self")
    assert participation.entry_data.labour_status == "employed"

    # The welcome e-mail's link confirms the address; then the person can sign in to their own page.
    (message,) = mailoutbox
    assert message.to == ["seun.adeyemi@example.org"]
    confirm_url = re.search(r"http://\S+/accounts/confirm-email/\S+/", message.body)
    assert confirm_url, message.body
    browser.go(confirm_url.group(0).removeprefix(browser.base_url))
    browser.follow(main.get_by_role("button", name="Confirm"))
    browser.sign_in("seun.adeyemi@example.org", "river-lantern-orbit-42")
    assert browser.path() == "/"  # the participant's home (hub)
    assert page.get_by_role("heading", level=1).inner_text() == "Hello, Oluwaseun"


def test_registration_errors_are_summarised_and_linked(browser, live_world):
    page = browser.page
    browser.go(f"/r/{live_world.a.registration_code}/")
    form = page.locator("#registration-form")
    browser.follow(form.get_by_role("button", name="Continue", exact=True), status=200)
    summary = page.get_by_role("alert")
    assert summary.is_visible()
    assert summary.get_by_role("link").count() >= 3  # first name, last name, e-mail of step 1


@pytest.mark.parametrize("who", ["coordinator", "participant", "anonymous"])
def test_pages_fit_a_phone(open_browser, live_world, who):
    """On a 390 px wide phone nothing makes the whole page scroll sideways (wide tables scroll in their box)."""
    browser = open_browser(viewport=PHONE)
    paths = {
        "coordinator": [
            "/",
            "/projects/",
            f"/projects/{live_world.project.code}/",
            "/participants/",
            f"/participants/new/?partner={live_world.a.pk}",
            f"/participants/{live_world.part_a.pk}/",
            "/audit/",
        ],
        "participant": ["/", "/participants/me/", f"/participants/{live_world.part_a.pk}/edit/"],
        "anonymous": ["/", "/accounts/login/", f"/r/{live_world.a.registration_code}/"],
    }[who]
    if who == "coordinator":
        browser.sign_in(live_world.coord_a.email)
    elif who == "participant":
        browser.sign_in(live_world.user_a.email)
    for path in paths:
        browser.go(path)
        assert browser.horizontal_overflow() == 0, f"{path} is wider than a phone"
