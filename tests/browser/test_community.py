"""The community network end to end: a participant turns on her directory profile and chooses who sees each
part; a participant of another partner in another country finds her, sees only what she allowed, asks to
connect; after she accepts they exchange messages; when she takes her profile out, it is gone at once.
axe-core runs on every page; the directory has no sideways scrolling on a 360 px phone."""

from __future__ import annotations

import pytest

from tests.browser.conftest import verified

pytestmark = pytest.mark.browser


def test_directory_connection_and_messages(open_browser, live_world):
    from polku.community.tests.factories import profile_on
    from polku.testing import factories as f

    world = live_world
    world.b.country = "SE"
    world.b.save(update_fields=["country"])
    bogdan = verified(f.UserFactory(email="participant.b@example.org", full_name="Bogdan Kovalenko"))
    world.part_b.person.user = bogdan
    world.part_b.person.save(update_fields=["user"])
    profile_on(bogdan, display_name="Bogdan Kovalenko")

    # Amina fills in her profile and chooses its audiences, then puts it in the directory
    amina_browser = open_browser()
    page = amina_browser.page
    main = page.locator("main")
    amina_browser.sign_in(world.user_a.email)
    amina_browser.go("/community/")
    amina_browser.follow(main.get_by_role("link", name="Make my profile"))
    main.get_by_label("Name other members see").fill("Amina Yusuf")
    main.get_by_label("A few words about you").fill("Baker from Aleppo, opening a bakery in Espoo.")
    main.locator("#id_city").fill("Espoo")
    main.locator("#id_country").select_option("FI")
    main.get_by_label("E-mail for my connections").fill("amina.bakery@example.org")
    main.locator("#id_language_0").select_option("ar")
    main.locator("#id_level_0").select_option("native")
    main.get_by_label("Who sees: Introduction").select_option("directory")
    main.get_by_label("Who sees: City and country").select_option("directory")
    main.get_by_label("Who sees: Languages").select_option("nobody")
    main.get_by_label("Who sees: Contact details").select_option("connections")
    amina_browser.follow(main.get_by_role("button", name="Save"))
    assert "Your profile is not in the directory: nobody sees it." in main.inner_text()
    amina_browser.follow(main.get_by_role("button", name="Put my profile in the directory"))
    assert "Your profile is in the directory." in main.inner_text()

    # Bogdan, in Sweden, finds her by country and sees only what she allowed
    bogdan_browser = open_browser()
    other = bogdan_browser.page
    his = other.locator("main")
    bogdan_browser.sign_in(bogdan.email)
    bogdan_browser.go("/community/")
    his.locator("#id_country").select_option("FI")
    bogdan_browser.follow(his.get_by_role("button", name="Search"))
    bogdan_browser.follow(his.get_by_role("link", name="Amina Yusuf"))
    text = his.inner_text()
    assert "Baker from Aleppo" in text and "Espoo, Finland" in text
    assert "amina.bakery@example.org" not in text and "Arabic" not in text
    his.get_by_label("A short message").fill("Hi! I bake too, in Malmö.")
    bogdan_browser.follow(his.get_by_role("button", name="Ask to connect"))
    assert "Your request was sent." in his.inner_text()

    # Amina accepts; Bogdan now sees her contact details and writes to her
    amina_browser.go("/community/connections/")
    assert "Hi! I bake too, in Malmö." in main.inner_text()
    amina_browser.follow(main.get_by_role("button", name="Accept"))
    bogdan_browser.go(bogdan_browser.path())
    assert "amina.bakery@example.org" in his.inner_text()
    assert "Arabic" not in his.inner_text()  # "nobody" stays nobody
    bogdan_browser.follow(his.get_by_role("link", name="Send a message"))
    his.locator("#id_body").fill("<b>Shall we meet</b> at the next dinner?")
    bogdan_browser.follow(his.get_by_role("button", name="Send"))
    amina_browser.go("/community/messages/")
    assert "1 unread" in main.inner_text()
    amina_browser.follow(main.get_by_role("link", name="Bogdan Kovalenko"))
    assert "<b>Shall we meet</b> at the next dinner?" in main.inner_text()  # shown as typed, not as HTML

    # the directory on a phone: nothing scrolls sideways
    phone = open_browser(viewport={"width": 360, "height": 740})
    phone.sign_in(bogdan.email)
    phone.go("/community/")
    wide = phone.page.evaluate(
        "Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 361)"
        ".map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).slice(0, 15)"
    )
    assert phone.horizontal_overflow() == 0, wide

    # Amina takes her profile out: gone at once for Bogdan
    amina_browser.go("/community/me/")
    amina_browser.follow(main.get_by_role("button", name="Take my profile out of the directory"))
    amina_profile = world.user_a.community_profile.pk
    bogdan_browser.go(f"/community/people/{amina_profile}/", status=404)
    bogdan_browser.go("/community/")
    assert "Amina" not in his.inner_text()
