"""The staff home page (accounts' `home_sections`) and guidance's "Next steps due" on it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from polku.accounts.sections import home_sections
from polku.guidance.tests.factories import GuidanceSessionFactory, NextStepFactory

pytestmark = pytest.mark.django_db


def _day(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def test_staff_get_a_home_page_with_their_projects_and_the_link_to_all(client, world):
    client.force_login(world.lead)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Needs attention" in html and "Nothing needs your attention right now." in html
    assert reverse("projects:detail", args=[world.project.code]) in html
    assert reverse("projects:list") in html


def test_participants_get_their_hub_with_the_next_agreed_step(client, world):
    session = GuidanceSessionFactory(participation=world.part_a, staff=world.coord_a, held_on=_day(-30))
    NextStepFactory(session=session, owner="participant", text="Send the CV", due_on=_day(3))
    NextStepFactory(session=session, owner="participant", text="Visit the library", due_on=_day(9))
    client.force_login(world.user_a)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "What we agreed" in page and "Send the CV" in page and "See all 2 open steps" in page
    assert "Visit the library" not in page  # the hub shows the next one; the rest are on their page


def test_next_steps_due_overdue_first_within_two_weeks(client, world):
    session = GuidanceSessionFactory(participation=world.part_a, staff=world.coord_a, held_on=_day(-30))
    NextStepFactory(session=session, owner="staff", text="Call the employer", due_on=_day(3))
    NextStepFactory(session=session, owner="staff", text="Send the course list", due_on=_day(-2))
    NextStepFactory(session=session, owner="staff", text="Far away", due_on=_day(15))
    NextStepFactory(
        session=session, owner="staff", text="Already done", due_on=_day(1), done_at=timezone.now()
    )
    NextStepFactory(session=session, owner="participant", text="Apply to two jobs", due_on=_day(0))
    client.force_login(world.coord_a)
    html = client.get(reverse("home")).content.decode()
    assert "Next steps due" in html
    assert html.index("Send the course list") < html.index("Call the employer")
    assert "Overdue" in html
    assert "Far away" not in html and "Already done" not in html
    assert "Apply to two jobs" in html  # their partner's participant's step
    assert session.notes not in html


def test_other_partners_steps_stay_off_the_home_page(client, world):
    session = GuidanceSessionFactory(participation=world.part_b, held_on=_day(-10))
    NextStepFactory(session=session, owner="participant", text="Secret step of b", due_on=_day(1))
    for user in (world.coord_a, world.lead, world.evaluator):
        client.force_login(user)
        assert "Secret step of b" not in client.get(reverse("home")).content.decode()


def test_steps_of_sessions_by_a_colleague_show_as_participant_steps_only(client, world):
    session = GuidanceSessionFactory(participation=world.part_a, staff=world.admin, held_on=_day(-10))
    NextStepFactory(session=session, owner="staff", text="The admin's own step", due_on=_day(1))
    client.force_login(world.coord_a)
    assert "The admin's own step" not in client.get(reverse("home")).content.decode()


def test_home_sections_get_the_reader_and_today_and_may_stay_out(client, world):
    seen = {}

    def probe(**page):
        seen.update(page)
        return None  # nothing for this reader: nothing of it is shown

    home_sections.register("probe", template="no/such/template.html", context=probe)
    try:
        client.force_login(world.coord_a)
        assert client.get(reverse("home")).status_code == 200
    finally:
        home_sections.unregister("probe")
    assert set(seen) == {"user", "access", "request", "today"}
    assert (seen["user"], seen["today"]) == (world.coord_a, timezone.localdate())
    assert "guidance" in home_sections.names()
