"""A coordinator sets up a mentor day with two experts and generates slots; a participant books and gets the
calendar link; a second participant joins the waitlist and moves up when the first cancels. Every page
axe-checked; the participant's pages also on a phone-sized window."""

import datetime as dt

import pytest
from django.utils import timezone

from polku.mentordays.models import Booking, MentorDay, WaitlistEntry
from tests.browser.conftest import verified
from tests.browser.support import PHONE

pytestmark = pytest.mark.browser


def test_mentor_day_booking_waitlist_and_promotion(open_browser, live_world):
    from polku.testing import factories as f

    day_date = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    coordinator = open_browser()
    coordinator.sign_in(live_world.coord_a.email)
    coordinator.go("/mentor-days/")
    page = coordinator.page
    coordinator.follow(page.get_by_role("link", name="Add a mentor day"))
    page.get_by_label("Name").fill("Mentor day 1/10 – Espoo")
    page.get_by_label("Date").fill(day_date)
    page.get_by_label("Starts").fill("10:00")
    page.get_by_label("Ends").fill("11:00")
    page.get_by_label("Place").fill("Library, room 2")
    page.get_by_label("Status").select_option("open")
    coordinator.follow(page.locator("main form").get_by_role("button", name="Save"))
    day = MentorDay.objects.get()
    for name in ("Eva Lindqvist", "Omar Haddad"):
        page.get_by_label("Expert's name").fill(name)
        coordinator.follow(page.get_by_role("button", name="Add the expert"))
    page.get_by_label("Slot length (minutes)").fill("60")
    coordinator.follow(page.get_by_role("button", name="Generate slots"))
    assert day.slots.count() == 2

    first = open_browser(viewport=PHONE)
    first.sign_in(live_world.user_a.email)
    first.go(f"/mentor-days/{day.pk}/")
    first.page.locator("input[name=slot]").first.check()
    first.page.get_by_label("What would you like to talk about?").fill("Pricing my services")
    first.follow(first.page.get_by_role("button", name="Book the slot"))
    assert first.page.get_by_role("link", name="Add to calendar (.ics)").count() == 1
    assert first.horizontal_overflow() == 0
    booking = Booking.objects.get(participation=live_world.part_a)

    # someone else takes the other slot, so the day is full
    other = f.ParticipationFactory(partner=live_world.a)
    Booking.objects.create(slot=day.slots.exclude(pk=booking.slot_id).get(), participation=other)

    second_user = verified(f.UserFactory(email="second@example.org"))
    second_participation = f.ParticipationFactory(
        partner=live_world.a,
        person__user=second_user,
        person__first_name="Farah",
        person__email=second_user.email,
    )
    second = open_browser(viewport=PHONE)
    second.sign_in(second_user.email)
    second.go(f"/mentor-days/{day.pk}/")
    second.follow(second.page.locator("main form.stacked").get_by_role("button", name="Join the waitlist"))
    assert WaitlistEntry.objects.filter(participation=second_participation, status="waiting").exists()

    first.go("/mentor-days/")
    first.follow(first.page.get_by_role("button", name="Cancel booking"))
    promoted = Booking.objects.get(participation=second_participation)
    assert promoted.slot_id == booking.slot_id and promoted.from_waitlist

    second.go("/mentor-days/")
    assert "from the waitlist" in second.page.content()
    coordinator.go(f"/mentor-days/{day.pk}/manage/")
    assert "Farah" in page.content()
