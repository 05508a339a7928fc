"""Self-registration states and the coordinator's import, on desktop and phone, axe-checked."""

import pytest

pytestmark = pytest.mark.browser


def test_registration_pages(browser, live_world):
    a = live_world.a
    a.project.asks_disability = True
    a.project.save()
    browser.go(f"/r/{a.registration_code}/")
    browser.screenshot("register-empty")
    page = browser.page
    page.get_by_label("First name").fill("Leila")
    browser.follow(page.get_by_role("button", name="Continue", exact=True))
    browser.screenshot("register-errors")
    browser.page.set_viewport_size({"width": 390, "height": 844})
    assert browser.horizontal_overflow() == 0
    browser.page.set_viewport_size({"width": 1280, "height": 900})

    def next_step() -> None:
        browser.follow(page.get_by_role("button", name="Continue", exact=True))

    page.get_by_label("First name").fill("Leila")
    page.get_by_label("Last name").fill("Haddad")
    page.get_by_label("E-mail").fill("leila@example.org")
    next_step()
    next_step()  # languages: none given
    page.get_by_label("Date of birth").fill("1990-05-17")
    browser.screenshot("register-situation")
    next_step()
    next_step()  # goals and background: all optional
    page.locator("#id_participation").check()
    browser.screenshot("register-consents")
    next_step()
    browser.screenshot("register-check")
    page.locator("#id_password1").fill("Kuusi-kettua-juoksee-9")
    page.locator("#id_password2").fill("Kuusi-kettua-juoksee-9")
    browser.follow(page.get_by_role("button", name="Register"))
    browser.screenshot("register-thanks")
    a.registration_open = False
    a.save()
    browser.go(f"/r/{a.registration_code}/", status=410)
    browser.screenshot("register-closed")


def test_import_pages(browser, live_world, tmp_path):
    browser.sign_in("coord.a@example.org")
    browser.go("/r/manage/")
    browser.screenshot("register-manage")
    browser.go("/imports/")
    browser.screenshot("import-upload")
    path = tmp_path / "list.csv"
    path.write_text(
        "\ufefffirst_name;last_name;email;entry_date;date_of_birth;gender;languages\n"
        "Ada;Li;ada@example.org;1.3.2025;17.5.1990;woman;fi:B1\n"
        "Bad;Row;bad;1.3.2025;;robot;xx\n",
        encoding="utf-8",
    )
    browser.page.get_by_label("Participant list").set_input_files(str(path))
    browser.follow(browser.page.get_by_role("button", name="Upload and check"))
    browser.screenshot("import-preview")
    browser.follow(browser.page.get_by_role("button", name="Import the chosen rows"))
    browser.screenshot("import-done")
