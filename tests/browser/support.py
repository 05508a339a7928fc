"""Helpers for the browser tests: axe-core checks, navigation that always runs them, TOTP codes."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
PASSWORD = "correct-horse-battery"  # the password UserFactory gives every user
SHOTS = Path(os.environ.get("POLKU_SCREENSHOTS") or Path(tempfile.gettempdir()) / "polku-shots")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


# --- axe-core ----------------------------------------------------------------------------------------------


def accessibility_problems(page: Any) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page, one line per node."""
    from axe_playwright_python.sync_playwright import Axe

    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(Axe().axe_script)  # the axe.min.js the package ships; once per loaded document
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    response = page.evaluate("options => axe.run(document, options)", options)
    problems = []
    for violation in response["violations"]:
        if violation.get("impact") not in BLOCKING_IMPACTS:
            continue
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            problems.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} – {node['target']}\n    {summary}"
            )
    return problems


def assert_accessible(page: Any) -> None:
    """Fail on any serious or critical WCAG 2.1 A/AA violation axe-core finds on the current page."""
    problems = accessibility_problems(page)
    assert not problems, f"axe-core found problems on {page.url}:\n" + "\n".join(problems)


# --- navigation --------------------------------------------------------------------------------------------


@dataclass
class Browser:
    """One browser context (cookies, locale) and its page. Every way of reaching a page runs axe on it."""

    page: Any
    base_url: str
    pages_checked: int = 0

    def url(self, path: str) -> str:
        return self.base_url + path

    def check(self) -> None:
        """Check the page as it is now: after a navigation, or after HTMX swapped part of it."""
        self.page.wait_for_load_state("load")
        assert_accessible(self.page)
        self.pages_checked += 1

    def go(self, path: str, *, status: int = 200) -> Any:
        """Open a path (following redirects) and check the page it ends on."""
        response = self.page.goto(self.url(path))
        assert response is not None, path
        assert response.status == status, f"{path} → {self.page.url}: HTTP {response.status}"
        self.check()
        return response

    def follow(self, locator: Any, *, status: int = 200) -> None:
        """Click a link or a submit button and check the page it leads to (after any redirects)."""
        with self.page.expect_navigation() as navigation:
            locator.click()
        response = navigation.value
        assert response is not None, self.page.url
        assert response.status == status, f"{self.page.url}: HTTP {response.status}"
        self.check()

    def path(self) -> str:
        return self.page.url.removeprefix(self.base_url)

    def sign_in(self, email: str, password: str = PASSWORD) -> None:
        self.go("/accounts/login/")
        main = self.page.locator("main")
        main.get_by_label("Email").fill(email)
        main.get_by_label("Password").fill(password)
        self.follow(main.get_by_role("button", name="Sign in"))

    def open_menu(self) -> None:
        """On a phone, press the header's "Menu" button (the menu and the account fold behind it)."""
        toggle = self.page.locator("header [data-menu-toggle]")
        if toggle.count() and toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
            toggle.click()

    def menu_link(self, name: str) -> Any:
        """The main menu's link `name`, made visible as a person would: the phone's "Menu" button, then
        the group (or a participant's "More") that holds it."""
        self.open_menu()
        nav = self.page.get_by_role("navigation", name="Main")
        link = nav.get_by_role("link", name=name, exact=True, include_hidden=True).first
        if not link.is_visible():
            link.locator("xpath=ancestor::details[1]/summary").click()
        return link

    def follow_menu(self, name: str) -> None:
        self.follow(self.menu_link(name))

    def sign_out(self) -> None:
        self.open_menu()
        self.follow(self.page.locator("header").get_by_role("button", name="Sign out"))

    def horizontal_overflow(self) -> int:
        """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways)."""
        return int(
            self.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        )

    def screenshot(self, name: str) -> list[Path]:
        """Full-page PNGs on a phone-sized and a desktop window, for a person to look at."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        paths = []
        for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
            self.page.set_viewport_size(size)
            path = SHOTS / f"{name}-{label}.png"
            self.page.screenshot(path=str(path), full_page=True)
            paths.append(path)
        self.page.set_viewport_size(DESKTOP)
        return paths


# --- two-factor authentication -----------------------------------------------------------------------------


def totp_code(secret: str) -> str:
    """The code an authenticator app would show now for `secret`, as allauth computes it.

    allauth accepts only the current period's code (MFA_TOTP_TOLERANCE is 0), so near the end of a period
    this waits for the next one rather than racing the server's clock.
    """
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = app_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < 3:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))
