"""A participant reads and downloads their own data; a visitor reads a published good practice."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser


def test_participant_reads_and_downloads_their_data(browser, live_world):
    page = browser.page
    main = page.locator("main")
    browser.sign_in(live_world.user_a.email)
    browser.go("/participants/me/data/")
    assert main.get_by_role("heading", level=1).inner_text() == "My data"
    assert main.get_by_role("heading", name="Contact details and profile").is_visible()
    assert "Amina" in main.locator("dl.facts").first.inner_text()
    assert main.get_by_role("heading", name="Who has seen or changed my data").is_visible()

    with page.expect_download() as download_info:
        main.get_by_role("link", name="Download my data (JSON)").click()
    download = download_info.value
    assert download.suggested_filename == "my-data.json"
    with open(download.path(), encoding="utf-8") as handle:
        document = json.load(handle)
    assert document["format"] == "polku-personal-data/1"
    assert document["sections"]["participants.person"]["records"][0]["last_name"] == "Yusuf"

    # The download link keeps the focus: a focused button-styled link must keep its contrast too.
    page.set_viewport_size({"width": 390, "height": 844})
    browser.check()
    assert browser.horizontal_overflow() == 0
    browser.screenshot("privacy-my-data")

    browser.follow(main.get_by_role("link", name="Ask for my data to be erased"))
    main.get_by_label("Optional and consent-based data").check()
    browser.follow(main.get_by_role("button", name="Send the request"))
    assert page.get_by_role("status").inner_text() == "Your request was sent. A coordinator handles it."
    assert "Waiting to be handled" in main.locator("table").inner_text()


def test_visitor_reads_a_published_good_practice(browser, live_world):
    from polku.knowledge.tests.factories import GoodPracticeFactory

    GoodPracticeFactory(slug="mastermind", project=live_world.project, title_fi="Mastermind-ryhmät")
    main = browser.page.locator("main")
    browser.go("/knowledge/")
    browser.follow(main.get_by_role("link", name="Mastermind groups"))
    assert browser.path() == "/knowledge/practices/mastermind/"
    assert main.get_by_role("heading", level=1).inner_text() == "Mastermind groups"
    assert main.get_by_role("heading", name="How to reuse it").is_visible()
    assert main.locator("strong", has_text="six").is_visible()
    browser.screenshot("knowledge-practice")
