"""A participant signs in, corrects their own contact details and profile, and sees the change."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_participant_corrects_their_profile(browser, live_world):
    from polku.audit.models import AuditEvent

    page = browser.page
    main = page.locator("main")
    browser.sign_in(live_world.user_a.email)
    assert browser.path() == "/"  # the participant's home (hub)
    assert main.get_by_role("heading", level=1).inner_text() == "Hello, Amina"
    # A participant's menu has their own page, not the staff pages.
    menu = page.get_by_role("navigation", name="Main")
    assert menu.get_by_role("link", name="My page").is_visible()
    assert menu.locator("a", has_text="Participants").count() == 0
    browser.follow(main.get_by_role("link", name="My page").first)
    assert browser.path() == "/participants/me/"

    browser.follow(main.get_by_role("link", name="Correct my contact details and profile"))
    assert browser.path() == f"/participants/{live_world.part_a.pk}/edit/"
    form = main.locator("form")
    assert form.get_by_label("First name").input_value() == "Amina"
    form.get_by_label("Phone").fill("+358 50 111 2222")
    form.get_by_label("Municipality").fill("Tampere")
    form.get_by_label("Language 1").fill("so")
    form.get_by_label("Level 1").select_option("native")
    form.get_by_label("Field of education").fill("Nursing")
    browser.follow(form.get_by_role("button", name="Save"))

    assert browser.path() == "/participants/me/"
    assert page.get_by_role("status").inner_text() == "The changes were saved."
    profile = main.locator("dl.facts").last
    assert "+358 50 111 2222" in profile.inner_text()
    assert "Tampere" in profile.inner_text()
    assert "Somali Native or first language" in profile.inner_text()
    person = live_world.part_a.person
    person.refresh_from_db()
    assert (person.phone, person.municipality, person.education_field) == (
        "+358 50 111 2222",
        "Tampere",
        "Nursing",
    )
    change = AuditEvent.objects.get(person=person, action="update")
    assert {"phone", "municipality"} <= set(change.fields)


def test_participant_cannot_open_someone_elses_record(browser, live_world):
    browser.sign_in(live_world.user_a.email)
    browser.go(f"/participants/{live_world.part_b.pk}/edit/", status=404)
    browser.go("/participants/", status=403)
