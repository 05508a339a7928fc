"""Mentoring end to end: a coordinator runs matching, sees the reasons, publishes; the mentee signs in,
sees why this mentor, and accepts. axe-core checks every page on the way (also at phone width)."""

from __future__ import annotations

import pytest

from tests.browser.support import PHONE

pytestmark = pytest.mark.browser


def test_coordinator_matches_and_publishes_and_the_mentee_accepts(open_browser, live_world):
    from polku.mentoring.models import Mentorship
    from polku.mentoring.tests import factories as mf
    from tests.browser.conftest import verified

    w = live_world
    programme = mf.ProgrammeFactory(partner=w.a, name="Career mentoring 2025")
    mf.speaks(w.part_a, en="C1")
    mf.MenteeRequestFactory(programme=programme, participation=w.part_a, skills=["python", "public speaking"])
    profile = mf.mentor(w.a, email="mentor.m@example.org", expertise=["python"], organisation="Mentor Oy")
    verified(profile.user)

    coordinator = open_browser()
    page = coordinator.page
    coordinator.sign_in(w.coord_a.email)
    coordinator.go("/mentoring/")
    coordinator.follow(page.get_by_role("link", name="Career mentoring 2025"))
    coordinator.follow(page.get_by_role("button", name="Run matching"))
    main = page.locator("main")
    assert "Amina Yusuf" in main.inner_text()
    reasons = main.locator(".reasons").first.inner_text()
    assert "python" in reasons and "public speaking" in reasons  # matched and missing skills
    coordinator.follow(page.get_by_role("button", name="Publish proposals"))
    assert "1 pair was asked to accept" in page.locator(".messages").inner_text()
    mentorship = Mentorship.objects.get()
    assert mentorship.status == Mentorship.Status.PENDING

    mentee = open_browser(viewport=PHONE)
    page = mentee.page
    mentee.sign_in(w.user_a.email)
    mentee.go("/mentoring/me/")
    mentee.follow(page.get_by_role("link", name=str(profile.user)))
    assert "Why this match" in page.locator("main").inner_text()
    assert mentee.horizontal_overflow() == 0
    mentee.follow(page.get_by_role("button", name="Accept", exact=True))
    mentorship.refresh_from_db()
    assert mentorship.mentee_response == Mentorship.Response.ACCEPTED
    assert mentorship.status == Mentorship.Status.PENDING  # the mentor has not answered yet
