"""A coordinator's day: set up two-factor authentication, register a participant, find them, open them."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from tests.browser.support import PASSWORD, totp_code

pytestmark = pytest.mark.browser


@pytest.mark.mfa
def test_coordinator_sets_up_mfa_registers_finds_and_opens_a_participant(browser, live_world):
    from allauth.mfa.models import Authenticator

    from polku.audit.models import AuditEvent
    from polku.participants.models import Participation

    assert settings.POLKU_MFA_REQUIRED_FOR_STAFF
    page = browser.page

    # Signing in leads to the TOTP set-up: staff cannot reach personal data before it. allauth first asks
    # for the password again, as before adding any factor.
    activate = "/accounts/2fa/totp/activate/"
    browser.sign_in(live_world.coord_a.email)
    assert browser.path() == "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    page.locator("main form").get_by_label("Password").fill(PASSWORD)
    browser.follow(page.locator("main form").get_by_role("button", name=re.compile("Confirm", re.I)))
    assert browser.path() == activate
    browser.go("/participants/")  # the middleware sends them back, whatever they try
    assert browser.path() == activate
    secret = page.get_by_label("Secret key").input_value()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret), secret
    page.locator("main form").get_by_label("Authenticator code").fill(totp_code(secret))
    browser.follow(page.get_by_role("button", name="Activate"))
    assert browser.path() == "/accounts/2fa/recovery-codes/"  # made together with the first factor
    assert Authenticator.objects.filter(user=live_world.coord_a, type=Authenticator.Type.TOTP).exists()

    # The intake form: person, a language, entry data and the consents the person gave.
    browser.go(f"/participants/new/?partner={live_world.a.pk}")
    form = page.locator("main form")
    form.get_by_label("First name").fill("Leyla")
    form.get_by_label("Last name").fill("Haddad")
    form.get_by_label("E-mail").fill("leyla.haddad@example.org")
    form.get_by_label("Phone").fill("+358 40 765 4321")
    form.get_by_label("Language 1").fill("ar")
    form.get_by_label("Level 1").select_option("native")
    form.get_by_label("Language 2").fill("fi")
    form.get_by_label("Level 2").select_option("A2")
    form.get_by_label("Date of birth").fill("1994-02-11")
    form.get_by_role("group", name="Gender").get_by_label("Woman").check()
    form.get_by_role("group", name="Labour-market status at entry").get_by_label(
        "Unemployed job seeker"
    ).check()
    form.get_by_label("Unemployed since").fill("2025-09-01")
    form.get_by_role("group", name="Citizenship").get_by_label("Outside the EU and EEA").check()
    consents = form.get_by_role("group", name="Consents the person gave")
    assert consents.get_by_label("Processing my data to take part in the project").is_checked()
    consents.get_by_label("Receiving news and invitations from the project").check()
    form.get_by_label("Language of the privacy notice the person read").select_option("en")
    browser.screenshot("registration-form")
    browser.follow(form.get_by_role("button", name="Register"))

    participation = Participation.objects.get(person__email="leyla.haddad@example.org")
    assert browser.path() == f"/participants/{participation.pk}/"
    assert page.get_by_role("heading", level=1).inner_text() == "Leyla Haddad"
    assert page.get_by_role("status").inner_text() == "Leyla Haddad was registered."
    assert participation.partner == live_world.a
    assert participation.entry_data.labour_status == "unemployed"
    assert sorted(participation.person.languages.values_list("language", "level")) == [
        ("ar", "native"),
        ("fi", "A2"),
    ]
    assert sorted(participation.person.consents.values_list("purpose", flat=True)) == [
        "communications",
        "participation",
    ]

    # The list: own partner's people only; the search box filters through HTMX without a page load.
    browser.go("/participants/")
    results = page.locator("#participant-results")
    assert results.get_by_text("2 participants").is_visible()
    assert results.get_by_role("link", name="Yusuf, Amina").is_visible()
    assert results.get_by_text("Kovalenko").count() == 0  # partner B's participant
    browser.screenshot("participant-list")
    with page.expect_response(lambda r: "/participants/?" in r.url and "q=hadd" in r.url) as swap:
        page.get_by_role("searchbox", name="Search").fill("hadd")
    assert swap.value.request.headers.get("hx-request") == "true"
    results.get_by_text("1 participant", exact=True).wait_for()
    browser.check()  # the swapped-in results are checked too
    assert "q=hadd" in page.url  # hx-push-url keeps the search in the address
    assert results.get_by_role("link", name="Yusuf, Amina").count() == 0

    browser.follow(results.get_by_role("link", name="Haddad, Leyla"))
    assert browser.path() == f"/participants/{participation.pk}/"
    assert page.get_by_role("heading", level=1).inner_text() == "Leyla Haddad"
    assert AuditEvent.objects.filter(person=participation.person, action="read").exists()

    # Their project page and the audit log, which now shows the registration and the views.
    browser.follow(page.locator("main").get_by_role("link", name="Test project"))
    assert browser.path() == f"/projects/{live_world.project.code}/"
    assert page.get_by_role("heading", level=1).inner_text() == "Test project"
    browser.follow_menu("Audit log")
    assert browser.path() == "/audit/"
    assert page.locator("main table").get_by_text("Leyla Haddad").count() >= 2

    # Signing in again asks for the authenticator code.
    browser.sign_out()
    browser.sign_in(live_world.coord_a.email)
    assert browser.path() == "/accounts/2fa/authenticate/"
    page.locator("main form").get_by_label("Code").fill(totp_code(secret))
    browser.follow(page.locator("main form").get_by_role("button", name="Sign in"))
    assert browser.path() == "/"  # the staff home page, with the links to their projects
    assert page.get_by_role("heading", level=1).inner_text() == "Today"
    assert page.locator("main").get_by_role("link", name="Test project").is_visible()


def test_coordinator_sees_field_errors_linked_from_the_summary(browser, live_world):
    """A form sent with missing required fields comes back with a summary whose links lead to the fields."""
    page = browser.page
    browser.sign_in(live_world.coord_a.email)
    browser.go(f"/participants/new/?partner={live_world.a.pk}")
    browser.follow(page.locator("main form").get_by_role("button", name="Register"), status=400)
    summary = page.get_by_role("alert")
    link = summary.get_by_role("link", name=re.compile("Date of birth"))
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("document.activeElement.id") == target.removeprefix("#")
