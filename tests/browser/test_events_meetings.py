"""1:1 meetings and networking rounds in the browser: an organiser schedules meetings and an attendee sees
the agenda with the table number on a phone; an online event runs three rounds while the attendee's live
page follows (HTMX polling) and ends with whom they met. Every page axe-checked."""

import pytest

from tests.browser.conftest import verified
from tests.browser.support import PHONE

pytestmark = pytest.mark.browser


def _attendee(event, first_name: str):
    from polku.events.tests.factories import RegistrationFactory
    from polku.testing import factories as f

    user = verified(f.UserFactory(email=f"{first_name.lower()}@example.org"))
    participation = f.ParticipationFactory(
        partner=event.activity.partner,
        person__user=user,
        person__email=user.email,
        person__first_name=first_name,
        person__last_name="Tester",
    )
    return RegistrationFactory(event=event, participation=participation)


def test_organiser_schedules_meetings_and_the_attendee_sees_the_table(open_browser, live_world):
    from polku.accounts.access import access_for
    from polku.events.models import Meeting, MeetingRequest
    from polku.events.services import meetings as services
    from polku.events.tests.factories import RegistrationFactory
    from polku.events.tests.meeting_world import matchmaking_event, opt_in

    event = matchmaking_event(live_world.a, slots=0, tables=5)
    RegistrationFactory(event=event, participation=live_world.part_a)
    lars = _attendee(event, "Lars")
    opt_in(lars, looking=["customer"], offering=["mentor"])
    local = event.starts_at.astimezone(event.zone)

    organiser = open_browser()
    organiser.sign_in(live_world.coord_a.email)
    organiser.go(f"/events/{event.pk}/meetings/")
    page = organiser.page
    page.get_by_label("First slot starts").fill(f"{local:%H:%M}")
    page.get_by_label("Last slot ends by").fill(f"{local.hour + 1:02d}:{local:%M}")
    organiser.follow(page.get_by_role("button", name="Add the slots"))
    assert event.meeting_slots.count() == 4

    amina = open_browser(viewport=PHONE)
    amina.sign_in(live_world.user_a.email)
    amina.go(f"/events/{event.pk}/meetings/profile/")
    amina.page.locator("input[name=looking_for][value=mentor]").check()
    amina.page.locator("input[name=available]").first.check()
    amina.follow(amina.page.get_by_role("button", name="Opt in to meetings"))
    assert "Offers what you look for: A mentor" in amina.page.content()
    amina.page.get_by_label("A short message").fill("I bake bread and want to sell it to cafés.")
    amina.follow(amina.page.get_by_role("button", name="Ask to meet"))
    assert amina.horizontal_overflow() == 0

    request = MeetingRequest.objects.get(recipient=lars)
    services.request_answer(access=access_for(lars.participation.person.user), request=request, accept=True)

    organiser.go(f"/events/{event.pk}/meetings/")
    organiser.follow(page.get_by_role("button", name="Run the scheduler"))
    organiser.follow(page.get_by_role("button", name="Publish 1 meeting"))
    meeting = Meeting.objects.get(event=event)
    assert meeting.status == Meeting.Status.PUBLISHED

    amina.go(f"/events/{event.pk}/meetings/agenda/")
    agenda = amina.page.locator("main").inner_text()
    assert f"Table {meeting.table}" in agenda and "with Lars Tester" in agenda
    assert amina.page.get_by_role("link", name="Add to calendar (.ics)").count() == 1
    assert amina.horizontal_overflow() == 0


def test_an_online_event_runs_three_rounds(open_browser, live_world):
    from polku.events.tests.factories import RegistrationFactory
    from polku.events.tests.meeting_world import online_event

    event = online_event(live_world.a, rounds=3, size=2)
    RegistrationFactory(event=event, participation=live_world.part_a)
    for name in ("Lars", "Wei", "Ole"):
        _attendee(event, name)

    organiser = open_browser()
    organiser.sign_in(live_world.coord_a.email)
    organiser.go(f"/events/{event.pk}/rounds/")
    page = organiser.page
    organiser.follow(page.get_by_role("button", name="Plan the rounds"))
    assert "nobody meets the same person twice" in page.content()
    organiser.follow(page.get_by_role("button", name="Start the next round"))

    amina = open_browser(viewport=PHONE)
    amina.sign_in(live_world.user_a.email)
    amina.go(f"/events/{event.pk}/live/")
    live = amina.page.locator("#live")
    assert "Round 1 of 3: room" in live.inner_text()
    assert amina.page.get_by_role("link", name="Join room").count() == 1
    assert amina.horizontal_overflow() == 0

    # the live page follows the organiser by itself (HTMX polling)
    organiser.follow(page.get_by_role("button", name="Start the next round"))
    amina.page.get_by_text("Round 2 of 3: room").wait_for(timeout=15000)
    amina.check()
    organiser.follow(page.get_by_role("button", name="Start the next round"))
    amina.go(f"/events/{event.pk}/live/")
    assert "Round 3 of 3: room" in amina.page.locator("#live").inner_text()

    organiser.follow(page.get_by_role("button", name="End the rounds"))
    amina.go(f"/events/{event.pk}/live/")
    met = amina.page.locator("#live").inner_text()
    assert "Whom you met" in met
    assert (
        sum(name in met for name in ("Lars", "Wei", "Ole")) == 3
    )  # 4 people, pairs, 3 rounds: everyone once
