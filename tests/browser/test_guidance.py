"""A coordinator records a guidance session with a next step; it shows on their home page; the participant
sees what was agreed on their own page on a phone, without the notes, and marks it done."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.support import PHONE

pytestmark = pytest.mark.browser


def test_session_with_a_next_step_from_record_to_done(browser, open_browser, live_world):
    from polku.guidance.models import GuidanceSession, NextStep

    page = browser.page
    main = page.locator("main")
    today = timezone.localdate()
    browser.sign_in(live_world.coord_a.email)
    assert main.get_by_text("Nothing needs your attention right now.").is_visible()
    browser.go(f"/participants/{live_world.part_a.pk}/")
    browser.follow(main.get_by_role("link", name="Record a guidance session"))
    form = main.locator("form.stacked")
    form.get_by_label("Date").first.fill(today.isoformat())
    form.get_by_label("Duration (minutes)").fill("0")
    form.get_by_role("group", name="How you met").get_by_label("Video").check()
    form.get_by_role("group", name="Kind of guidance").get_by_label("Career guidance").check()
    form.get_by_role("group", name="Topics").get_by_label("CV and applications").check()
    form.get_by_label("Private notes").fill("Worried about the language requirement")
    step = form.get_by_role("group", name="Next step 1")
    step.get_by_label("What was agreed").fill("Send the CV to two employers")
    step.get_by_label("Due").fill((today + dt.timedelta(days=7)).isoformat())
    browser.follow(form.get_by_role("button", name="Save"), status=400)
    summary = main.get_by_role("alert")
    assert "Duration (minutes)" in summary.inner_text()
    assert form.get_by_label("Private notes").input_value() == "Worried about the language requirement"
    form.get_by_label("Duration (minutes)").fill("45")
    browser.follow(form.get_by_role("button", name="Save"))
    session = GuidanceSession.objects.get()
    assert browser.path() == f"/guidance/sessions/{session.pk}/"
    assert "Worried about the language requirement" in main.inner_text()
    browser.screenshot("guidance-session")

    browser.go("/")
    assert main.get_by_role("heading", name="Next steps due").is_visible()
    assert main.get_by_role("link", name="Send the CV to two employers").is_visible()

    assert NextStep.objects.get().owner == "participant"
    amina = open_browser(viewport=PHONE)
    amina.sign_in(live_world.user_a.email)
    assert amina.path() == "/"
    hub = amina.page.locator("main")
    assert "Send the CV to two employers" in hub.get_by_role("region", name="What we agreed").inner_text()
    amina.go("/participants/me/")
    own = amina.page.locator("main")
    assert own.get_by_role("heading", name="What we agreed").is_visible()
    assert "Send the CV to two employers" in own.inner_text()
    assert "language requirement" not in own.inner_text()
    assert amina.horizontal_overflow() == 0
    amina.follow(own.get_by_role("button", name="Mark done"))
    assert amina.path() == "/participants/me/"
    assert NextStep.objects.get().done_at is not None
