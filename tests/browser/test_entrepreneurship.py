"""A participant writes a business idea's canvas on a phone, adds two customer interviews and moves it to
"validating"; the coordinator sees it on the pipeline board; a company looking for a successor is listed,
matched with the participant, introduced (both agree) and completed as "business taken over", which shows
on the project dashboard. Every page axe-checked."""

import pytest
from django.utils import timezone

from polku.entrepreneurship.models import BusinessIdea, Company, Introduction, TransferListing
from tests.browser.support import PHONE

pytestmark = pytest.mark.browser
SMALL_PHONE = {"width": 360, "height": 740}


def test_idea_to_validating_and_a_business_transfer(open_browser, live_world):
    from polku.entrepreneurship.tests.factories import SuccessorProfileFactory

    participant = open_browser(viewport=SMALL_PHONE)
    participant.sign_in(live_world.user_a.email)
    participant.go("/entrepreneurship/mine/")
    page = participant.page
    participant.follow(page.get_by_role("link", name="Add a business idea"))
    page.get_by_label("Name of the idea").fill("Halal meal kits")
    page.get_by_label("One-line pitch").fill("Weekly halal meal kits for busy families")
    page.get_by_label("Industry").select_option("56")
    page.locator("#id_problem").fill("Busy families cannot find halal ready meals")
    page.get_by_label("Customer segments").fill("Families in Espoo")
    page.get_by_label("Unique value proposition").fill("Home-style dinners in 20 minutes")
    participant.follow(page.locator("main form").get_by_role("button", name="Save"))
    idea = BusinessIdea.objects.get()
    assert participant.horizontal_overflow() == 0
    for who in ("A mother of three", "A school teacher"):
        participant.follow(page.get_by_role("link", name="Add a customer interview"))
        page.get_by_label("Who").fill(who)
        page.get_by_label("When").fill("2025-03-10")
        page.get_by_label("What was learnt").fill("Would pay for it")
        participant.follow(page.locator("main form").get_by_role("button", name="Save"))
    page.get_by_label("Move the idea to").select_option("validating")
    participant.follow(page.get_by_role("button", name="Change the stage"))
    idea.refresh_from_db()
    assert idea.stage == "validating" and idea.interviews.count() == 2
    assert "Validating" in page.content() and participant.horizontal_overflow() == 0

    coordinator = open_browser()
    coordinator.sign_in(live_world.coord_a.email)
    coordinator.go("/entrepreneurship/ideas/")
    column = coordinator.page.locator("section", has=coordinator.page.locator("#stage-validating"))
    assert "Halal meal kits" in column.inner_text()
    phone_board = open_browser(viewport=PHONE)
    phone_board.sign_in(live_world.coord_a.email)
    phone_board.go("/entrepreneurship/ideas/")
    assert phone_board.horizontal_overflow() == 0  # the columns stack on a phone

    # a company looking for a successor, and participant a wants to take one over
    SuccessorProfileFactory(participation=live_world.part_a, industries=["56"], regions=["01"])
    cpage = coordinator.page
    coordinator.go("/entrepreneurship/transfers/")
    coordinator.follow(cpage.get_by_role("link", name="Add a company looking for a successor"))
    cpage.get_by_label("Headline").fill("A lunch café in a shopping centre")
    cpage.get_by_label("Industry").select_option("56")
    cpage.get_by_label("Region in Finland").select_option("01")
    cpage.get_by_label("Staff").select_option("1-9")
    cpage.get_by_label("Turnover").select_option("200k-1m")
    cpage.get_by_label("Capital the buyer needs").select_option("1")
    cpage.get_by_label("Company name").fill("Kahvila Aurinko Oy")
    cpage.get_by_label("Exact figures").fill("Turnover 420 000 €")
    coordinator.follow(cpage.locator("main form").get_by_role("button", name="Save"))
    listing = TransferListing.objects.get()
    assert "Strong match" in cpage.content() and "Amina Yusuf" in cpage.content()
    coordinator.follow(cpage.get_by_role("button", name="Propose an introduction"))
    intro = Introduction.objects.get()

    participant.go(f"/entrepreneurship/introductions/{intro.pk}/")
    assert "Kahvila Aurinko Oy" not in page.content()  # hidden until both agree
    participant.follow(page.get_by_role("button", name="I agree to be introduced"))
    coordinator.go(f"/entrepreneurship/introductions/{intro.pk}/")
    coordinator.follow(cpage.get_by_role("button", name="The owner agreed"))
    participant.go(f"/entrepreneurship/introductions/{intro.pk}/")
    assert "Kahvila Aurinko Oy" in page.content()

    coordinator.follow(cpage.get_by_role("link", name="Record the business transfer"))
    cpage.get_by_label("Business ID").fill("0201256-7")
    cpage.get_by_label("Company form").select_option("limited")
    cpage.get_by_label("Date registered").fill(timezone.localdate().isoformat())
    coordinator.follow(cpage.locator("main form").get_by_role("button", name="Save"), status=400)
    assert "ends in 6" in cpage.content()
    cpage.get_by_label("Business ID").fill("0201256-6")
    coordinator.follow(cpage.locator("main form").get_by_role("button", name="Save"))
    company = Company.objects.get()
    assert company.how == "taken_over" and company.listing_id == listing.pk
    assert company.outcome is not None and company.outcome.kind == "business_taken_over"

    coordinator.go(f"/projects/{live_world.project.code}/dashboard/?partner={live_world.a.pk}")
    assert cpage.locator('[data-total="taken_over"]').inner_text().strip() == "1"
