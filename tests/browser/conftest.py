"""Fixtures for the browser tests: Debian's Chromium driven by Playwright, axe-core on every page.

Run with `make test-browser` (`pytest -m browser -p no:xdist`). Every test here is marked `browser`, uses
pytest-django's `live_server` (so `transactional_db`), and reaches pages only through `Browser.go()` and
`Browser.follow()` (tests/browser/support.py), which run axe-core on each page and fail on serious or critical
WCAG 2.1 A/AA violations.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, Browser


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A browser test without the marker would run (and fail without Chromium) in the normal suite."""
    for item in items:
        if (
            "tests/browser/" in str(item.path).replace(os.sep, "/")
            and item.get_closest_marker("browser") is None
        ):
            raise pytest.UsageError(f"{item.nodeid}: every browser test must be marked @pytest.mark.browser")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Browser tests need Debian's Chromium at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; Django then refuses ORM calls from that
    # thread (SynchronousOnlyOperation) unless told that this is fine. The test thread runs no async code of
    # its own. Set only while the browser runs, so the rest of a combined run keeps Django's check.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_browser(chromium: Any, live_server: Any) -> Iterator[Callable[..., Browser]]:
    """Open a fresh context and page (own cookies; `locale=` sets the browser's language); closed at the end."""
    contexts: list[Any] = []

    def open_(*, locale: str = "en-GB", viewport: dict[str, int] = DESKTOP) -> Browser:
        context = chromium.new_context(locale=locale, viewport=viewport)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return Browser(page=context.new_page(), base_url=live_server.url)

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def browser(open_browser: Callable[..., Browser]) -> Browser:
    """A fresh browser context in English, on a desktop-sized window."""
    return open_browser()


def verified(user: Any) -> Any:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def live_world(transactional_db: None) -> SimpleNamespace:
    """The shape of conftest.py's `world`, on a database the live server sees, with verified e-mail addresses."""
    from polku.testing import factories as f

    project = f.ProjectFactory(code="S29999", name="Test project")
    f.PrivacyNoticeFactory(project=project, language="en")
    f.PrivacyNoticeFactory(
        project=project, language="fi", title="Tietosuojaseloste", body="Käsittelemme tietojasi."
    )
    f.PrivacyNoticeFactory(
        project=project, language="sv", title="Dataskyddsbeskrivning", body="Vi behandlar dina uppgifter."
    )
    f.WorkPackageFactory(project=project, name="Intake and guidance")
    f.TargetFactory(project=project)
    a = f.PartnerFactory(project=project, is_lead=True, organisation__name="City of A")
    b = f.PartnerFactory(project=project, organisation__name="University of B")
    f.ActivityFactory(partner=a, name="Finnish for working life")
    coord_a = verified(f.UserFactory(email="coord.a@example.org"))
    f.membership(coord_a, f.Role.COORDINATOR, partner=a)
    coord_b = verified(f.UserFactory(email="coord.b@example.org"))
    f.membership(coord_b, f.Role.COORDINATOR, partner=b)
    lead = verified(f.UserFactory(email="lead@example.org"))
    f.membership(lead, f.Role.PROJECT_LEAD, project=project)
    user_a = verified(f.UserFactory(email="participant.a@example.org"))
    part_a = f.ParticipationFactory(
        partner=a,
        person__user=user_a,
        person__email=user_a.email,
        person__first_name="Amina",
        person__last_name="Yusuf",
    )
    part_b = f.ParticipationFactory(partner=b, person__first_name="Bogdan", person__last_name="Kovalenko")
    return SimpleNamespace(
        project=project,
        a=a,
        b=b,
        coord_a=coord_a,
        coord_b=coord_b,
        lead=lead,
        user_a=user_a,
        part_a=part_a,
        part_b=part_b,
    )
