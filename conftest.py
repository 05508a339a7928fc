"""Shared fixtures. Settings for tests are in config/settings_test.py."""

import pytest


@pytest.fixture(autouse=True)
def _no_mfa_by_default(settings, request):
    """Most tests are about other things; tests marked `mfa` keep the staff MFA requirement on."""
    if "mfa" not in request.keywords:
        settings.POLKU_MFA_REQUIRED_FOR_STAFF = False


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; a test must not inherit another test's failed log-ins."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A request through the test client leaves its language active in the thread (LocaleMiddleware does
    not reset it); the next test on that worker must not read Swedish messages it did not ask for."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture
def world(db):
    """Two partners of one project, a coordinator of each, a lead, an evaluator, a participant of each."""
    from polku.testing.world import build_world

    return build_world()


# the `esco_loaded` and `esco_empty` fixtures; `invitation_mail_at_once`
pytest_plugins = ["polku.esco.testing", "polku.testing.invitations"]
