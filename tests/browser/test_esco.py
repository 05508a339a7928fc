"""A participant searches ESCO in Finnish, opens a skill and an occupation, and sees what is loaded; every
page axe-checked. The live server's database was flushed by earlier tests: `esco_loaded` reloads ESCO."""

import pytest

pytestmark = pytest.mark.browser


def test_participant_searches_esco_in_finnish(open_browser, live_world, esco_loaded):
    from django.core.management import call_command

    from polku.esco.tests.test_import import FI

    call_command("esco", "import", str(FI), verbosity=0)
    browser = open_browser()
    browser.sign_in(live_world.user_a.email)  # the sign-in page in English, then Finnish from the switch
    page = browser.page
    page.locator("form.language").get_by_label("Language").select_option("fi")
    browser.follow(page.locator("form.language").get_by_role("button", name="Change"))
    browser.go("/esco/?q=trukki")
    assert "CC BY 4.0" in page.content()
    browser.follow(page.get_by_role("link", name="käyttää haarukkatrukkia"))
    assert page.get_by_role("heading", level=1).inner_text() == "käyttää haarukkatrukkia"
    assert "operate forklift" in page.content()  # the English label beside the Finnish one

    browser.go("/esco/?q=varastotyöntekijä&kind=occupation")
    browser.follow(page.get_by_role("link", name="varastotyöntekijä"))
    assert "nostaa raskaita taakkoja" in page.content()  # an essential skill, in Finnish

    browser.go("/esco/?q=welding&kind=skill")  # no Finnish labels: English, marked as English
    assert page.locator("main a[lang=en]").count() > 0
    browser.go("/esco/releases/")
    assert "v1.1.1" in page.content()
