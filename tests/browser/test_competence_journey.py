"""The competence journey of issue 3, end to end on the shipped ESCO: a participant on a phone pastes a short
CV, confirms the suggested skills (they appear on the profile), makes a development plan by searching for a
target occupation, and gets the gap and the recommended courses; then the coordinator of the same partner
opens the person and sees the profile and the plan. axe-core runs on every page visited."""

from __future__ import annotations

import pytest

from tests.browser.support import PHONE

pytestmark = pytest.mark.browser

ESCO = "http://data.europa.eu/esco/"
CV = (
    "I worked three years in a warehouse in Kyiv. I drove a forklift, loaded and unloaded trucks, "
    "checked deliveries against the orders and kept the stock records in Excel."
)
OPERATE_FORKLIFT = ESCO + "skill/28cb374e-6261-4133-8371-f9a5470145da"  # essential for forklift operators
STORE_GOODS = ESCO + "skill/e883d55a-75ae-460b-ba0a-47fecf14f1b3"  # essential too
# Essential skills of "forklift operator" that the CV does not mention; the courses below build them.
INSPECTIONS = ESCO + "skill/3c84f7d9-7a3e-4343-814f-31de0aa61651"  # conduct forklift inspections
DANGEROUS_GOODS = ESCO + "skill/5b0d14b1-0bf6-4f6b-b922-4becc213f0aa"  # transport dangerous goods
PICK_ORDERS = ESCO + "skill/ee5e2297-39cc-4ed6-89e5-d58016118a7f"  # pick orders for dispatching
PYTHON = ESCO + "skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def _catalogue() -> None:
    from decimal import Decimal

    from polku.esco.models import Concept
    from polku.learning.tests.factories import opportunity

    skills = {
        c.uri: c for c in Concept.objects.filter(uri__in=[INSPECTIONS, DANGEROUS_GOODS, PICK_ORDERS, PYTHON])
    }
    opportunity(
        skills[INSPECTIONS],
        skills[DANGEROUS_GOODS],
        code="forklift-safety",
        provider="Omnia",
        title_en="Forklift safety and dangerous goods",
        languages={"en": "B1", "fi": "B1"},
        hours=Decimal(16),
    )
    opportunity(
        skills[PICK_ORDERS],
        code="order-picking",
        provider="Careeria",
        title_en="Order picking and dispatch",
        languages={"en": "A2"},
        hours=Decimal(8),
    )
    opportunity(skills[PYTHON], code="python-basics", title_en="Python for beginners", languages={"en": "B1"})


def test_participant_maps_competences_and_gets_a_plan_the_coordinator_sees(
    open_browser, live_world, esco_loaded
):
    from polku.competences.models import ProfileSkill
    from polku.learning.models import Plan
    from polku.learning.tests.factories import speaks

    person = live_world.part_a.person
    speaks(person, en="B2", uk="native")
    _catalogue()

    # --- the participant, on a phone -------------------------------------------------------------------
    browser = open_browser(viewport=PHONE)
    page = browser.page
    main = page.locator("main")
    browser.sign_in(live_world.user_a.email)
    browser.follow_menu("My competences")
    assert "No confirmed skills yet." in main.inner_text()
    browser.follow(main.get_by_role("link", name="Find skills from a text or CV"))
    assert browser.horizontal_overflow() == 0
    main.get_by_label("About your education, work and skills").fill(CV)
    main.get_by_label("Language of the text").select_option("en")
    browser.follow(main.get_by_role("button", name="Suggest skills", exact=True))

    assert browser.path() == f"/competences/people/{person.pk}/review/"
    assert browser.horizontal_overflow() == 0
    assert "15 skills suggested. Check them below: nothing is saved as your skill before you confirm it." in (
        main.inner_text()
    )
    assert not ProfileSkill.objects.filter(person=person, status="confirmed").exists()
    suggested = main.get_by_role("group", name="Suggested skills")
    suggested.get_by_label("operate forklift", exact=True).check()
    suggested.get_by_label("store warehouse goods", exact=True).check()
    browser.follow(main.get_by_role("button", name="Confirm selected"))
    assert "2 skills confirmed." in main.inner_text()
    confirmed = set(
        ProfileSkill.objects.filter(person=person, status="confirmed").values_list("skill__uri", flat=True)
    )
    assert confirmed == {OPERATE_FORKLIFT, STORE_GOODS}

    browser.follow(main.get_by_role("link", name="Back to the profile"))
    skills_table = main.get_by_role("table", name="Confirmed skills")
    assert skills_table.get_by_role("cell", name="operate forklift", exact=True).is_visible()
    assert skills_table.get_by_role("cell", name="store warehouse goods", exact=True).is_visible()
    # The profile's own sections: no self-assessment or plan yet, and the way to make one.
    assert "You have not assessed your digital or entrepreneurial skills yet." in main.inner_text()
    assert "You have no development plan yet." in main.inner_text()
    assert browser.horizontal_overflow() == 0

    # A plan: the goal found by search. "truck operator" matches several occupations, so the page asks which.
    browser.follow(main.get_by_role("link", name="Make a new plan"))
    main.get_by_label("An occupation").check()
    main.get_by_label("target occupation").fill("truck operator")
    browser.follow(main.get_by_role("button", name="Make the plan"), status=400)
    assert "Several occupations match: choose one." in main.inner_text()
    main.get_by_role("group", name="Which occupation do you mean?").get_by_label(
        "forklift operator", exact=True
    ).check()
    browser.follow(main.get_by_role("button", name="Make the plan"))

    plan = Plan.objects.get(person=person)
    assert (
        plan.target is not None
        and plan.target.uri == ESCO + "occupation/eeac6251-1974-42f5-91ed-513c6c883755"
    )
    text = main.inner_text()
    assert "Covered: your profile has operate forklift." in text
    assert "Covered: your profile has store warehouse goods." in text
    assert "Polku recommends 2 courses for the skills the goal needs." in text
    assert main.get_by_role("link", name="Go to the recommended learning").get_attribute("href") == "#items"
    assert "Essential skills covered: 2 of 31." in text
    # The ESCO hierarchy counts: the confirmed forklift driving is broader than the inspections.
    assert (
        "Partly covered: your profile has the broader skill operate forklift, but not conduct forklift "
        "inspections itself." in text
    )
    assert "Missing: transport dangerous goods is essential for the goal and not in your profile yet." in text
    items = main.locator("ol.plan-items")
    assert items.get_by_role("link", name="Forklift safety and dangerous goods").is_visible()
    assert items.get_by_role("link", name="Order picking and dispatch").is_visible()
    assert (
        "Recommended: it builds essential skills you lack: transport dangerous goods, conduct forklift inspections."
        in text
    )
    assert "Recommended: it builds essential skills you lack: pick orders for dispatching." in text
    assert "Python for beginners" not in items.inner_text()
    assert "The recommended learning takes 24 hours" in text
    browser.screenshot("competence-journey-plan")

    # --- the coordinator of the same partner -------------------------------------------------------------
    coordinator = open_browser()
    cpage = coordinator.page
    cmain = cpage.locator("main")
    coordinator.sign_in(live_world.coord_a.email)
    coordinator.go("/participants/")
    coordinator.follow(cmain.get_by_role("link", name="Yusuf, Amina"))
    coordinator.follow(cmain.get_by_role("link", name="Competence profile"))
    assert cmain.get_by_role("heading", level=1).inner_text() == "Competence profile: Amina Yusuf"
    ctable = cmain.get_by_role("table", name="Confirmed skills")
    assert ctable.get_by_role("cell", name="operate forklift", exact=True).is_visible()
    plans = cmain.get_by_role("region", name="Development plans")
    assert "0 of 2 items completed" in plans.inner_text()
    coordinator.follow(plans.get_by_role("link", name="forklift operator"))
    assert cmain.get_by_role("heading", level=1).inner_text() == "Development plan of Amina Yusuf"
    assert "Forklift safety and dangerous goods" in cmain.inner_text()

    # The coordinator of the other partner reaches neither the profile nor the plan.
    other = open_browser()
    other.sign_in(live_world.coord_b.email)
    other.go(f"/competences/people/{person.pk}/", status=404)
    other.go(f"/learning/plans/{plan.pk}/", status=404)
