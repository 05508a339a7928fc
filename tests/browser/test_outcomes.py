"""A participant answers the six-month follow-up through the e-mailed link on a phone, in Finnish; a
coordinator records an exit with the situation at exit and an outcome "company founded"."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser.support import PHONE

pytestmark = pytest.mark.browser


def test_participant_answers_the_follow_up_on_a_phone_in_finnish(open_browser, live_world):
    from polku.outcomes.models import FollowUp
    from polku.outcomes.services import follow_ups_process

    entry = live_world.part_a.entry_data
    entry.labour_status = "employed"  # so the improvement questions are asked
    entry.save()
    live_world.part_a.exit_date = dt.date(2025, 6, 30)
    live_world.part_a.save()
    follow_ups_process(today=dt.date(2025, 12, 30))
    follow_up = FollowUp.objects.get(participation=live_world.part_a)

    browser = open_browser(locale="fi-FI", viewport=PHONE)
    browser.go(f"/outcomes/follow-up/{follow_up.token}/")
    page = browser.page
    main = page.locator("main")
    assert main.get_by_role("heading", level=1).inner_text() == "Mitä sinulle kuuluu nyt?"
    assert "Amina" not in main.inner_text()  # the link's page shows nothing personal
    assert browser.horizontal_overflow() == 0
    # Sending nothing points at the one required question.
    browser.follow(main.get_by_role("button", name="Lähetä"), status=400)
    assert main.get_by_role("alert").is_visible()
    main.get_by_role("group", name="Tilanteesi nyt").get_by_label(
        "Työssä, myös oppisopimuskoulutuksessa"
    ).check()
    main.get_by_role("group", name="Oletko siirtynyt vakituiseen työsuhteeseen?").get_by_label(
        "Kyllä"
    ).check()
    main.get_by_role("group", name="Oletko siirtynyt kokoaikatyöhön?").get_by_label(
        "En halua vastata"
    ).check()
    browser.follow(main.get_by_role("button", name="Lähetä"))
    assert main.get_by_role("heading", level=1).inner_text() == "Kiitos"
    browser.screenshot("outcomes-follow-up-answered")

    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.labour_status) == ("answered", "employed")
    assert (follow_up.permanent_contract, follow_up.full_time, follow_up.more_demanding_job) == (
        "yes",
        "declined",
        "",  # not answered: unknown, never "no"
    )
    browser.go(f"/outcomes/follow-up/{follow_up.token}/")
    assert main.get_by_role("heading", level=1).inner_text() == "Tämä linkki on suljettu"


def test_coordinator_records_exit_and_company_founded(browser, live_world):
    from polku.outcomes.models import ExitRecord, Outcome

    page = browser.page
    main = page.locator("main")
    browser.sign_in(live_world.coord_a.email)
    browser.go(f"/participants/{live_world.part_a.pk}/")
    browser.follow(main.get_by_role("link", name="Record exit"))
    form = main.locator("form.stacked")
    form.get_by_label("Exit date").fill("2025-06-30")
    form.get_by_role("group", name="Situation at exit").get_by_label("Self-employed or entrepreneur").check()
    form.get_by_label("Situation on").fill("2025-07-07")
    form.get_by_role("group", name="Gained a qualification thanks to the project").get_by_label(
        "No", exact=True
    ).check()
    browser.follow(form.get_by_role("button", name="Save"))
    assert browser.path() == f"/outcomes/participations/{live_world.part_a.pk}/"
    assert "Self-employed or entrepreneur" in main.inner_text()

    browser.follow(main.get_by_role("link", name="Add an outcome"))
    form = main.locator("form.stacked")
    form.get_by_label("Outcome").select_option("company_founded")
    form.get_by_label("Date").fill("2025-07-01")
    form.get_by_label("Business ID").fill("0101263-7")
    form.get_by_label("Description").fill("Translation agency")
    browser.follow(form.get_by_role("button", name="Save"), status=400)
    assert "The check digit of" in main.get_by_role("alert").inner_text()
    form.get_by_label("Business ID").fill("0101263-6")
    browser.follow(form.get_by_role("button", name="Save"))
    table = main.get_by_role("table", name="Outcomes")
    assert "Founded a company (business ID 0101263-6)" in table.inner_text()
    browser.screenshot("outcomes-participation")

    record = ExitRecord.objects.get(participation=live_world.part_a)
    assert (record.status, record.status_on, record.qualification_gained) == (
        "self_employed",
        dt.date(2025, 7, 7),
        "no",
    )
    assert Outcome.objects.get().business_id == "0101263-6"
