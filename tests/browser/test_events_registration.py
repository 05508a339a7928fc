"""Event registration in a browser: a participant registers on a 360 px phone for a full event and is
waitlisted, another registrant cancels and the participant takes the seat offered; staff check people in
by the code of the QR code shown on the participant's page (a camera cannot be used headless), with a code
of another event refused. Every page axe-checked."""

import re

import pytest

from polku.events.models import Registration
from polku.events.qr import check_in_url, qr_svg
from polku.events.tests.factories import event_of
from tests.browser.conftest import verified

pytestmark = pytest.mark.browser
SMALL_PHONE = {"width": 360, "height": 740}


def test_waitlisted_on_a_phone_then_offered_the_seat_when_someone_cancels(open_browser, live_world):
    from polku.testing import factories as f

    event = event_of(live_world.a, capacity=1, title_en="Networking dinner in Espoo")
    other_user = verified(f.UserFactory(email="farah@example.org"))
    other = f.ParticipationFactory(
        partner=live_world.a,
        person__user=other_user,
        person__email=other_user.email,
        person__first_name="Farah",
    )
    Registration.objects.create(event=event, participation=other)

    amina = open_browser(viewport=SMALL_PHONE)
    amina.sign_in(live_world.user_a.email)
    amina.go(f"/events/{event.pk}/register/")
    assert "The event is full" in amina.page.content()
    amina.follow(amina.page.locator("main form").get_by_role("button", name="Register"))
    assert amina.path() == "/events/mine/"
    assert "number 1 on the waitlist" in amina.page.content()
    assert amina.horizontal_overflow() == 0
    assert Registration.objects.get(participation=live_world.part_a).status == "waiting"

    farah = open_browser(viewport=SMALL_PHONE)
    farah.sign_in(other_user.email)
    farah.go("/events/mine/")
    farah.follow(farah.page.get_by_role("button", name=re.compile("^Cancel registration")))

    amina.go("/events/mine/")
    assert "A seat is held for you until" in amina.page.content()
    amina.follow(amina.page.get_by_role("button", name=re.compile("^Take the seat")))
    registration = Registration.objects.get(participation=live_world.part_a)
    assert registration.status == "confirmed"
    assert amina.page.get_by_role("img", name=re.compile("QR code for checking in")).count() == 1
    assert amina.horizontal_overflow() == 0


def test_staff_check_people_in_by_the_code_of_their_qr(open_browser, live_world):
    event = event_of(live_world.a, title_en="Company fair")
    elsewhere = event_of(live_world.a, title_en="Another dinner")
    registration = Registration.objects.create(event=event, participation=live_world.part_a)
    stray = Registration.objects.create(event=elsewhere, participation=live_world.part_b)

    amina = open_browser(viewport=SMALL_PHONE)
    amina.sign_in(live_world.user_a.email)
    amina.go("/events/mine/")
    shown = amina.page.locator("svg.qr-code path").first.get_attribute("d")
    expected = re.search(r' d="([^"]+)"', str(qr_svg(registration)))
    assert expected and shown == expected.group(1)  # the QR code holds the check-in address with the code

    staff = open_browser(viewport=SMALL_PHONE)
    staff.sign_in(live_world.coord_a.email)
    staff.go(f"/events/{event.pk}/check-in/")
    code = staff.page.get_by_label("Code")
    code.fill(stray.code)
    staff.follow(staff.page.get_by_role("button", name="Check in", exact=True), status=400)
    assert "This code is for another event" in staff.page.content()
    # what a phone's camera app opens from the QR code: the check-in page with the code filled in
    staff.go("/" + check_in_url(registration).split("/", 3)[3])
    assert staff.page.get_by_label("Code").input_value() == registration.code
    staff.follow(staff.page.get_by_role("button", name="Check in", exact=True))
    assert "Amina Yusuf is checked in." in staff.page.content()
    assert "1 of 1 checked in" in staff.page.content()
    assert staff.horizontal_overflow() == 0
    registration.refresh_from_db()
    assert registration.attendance == "attended"
