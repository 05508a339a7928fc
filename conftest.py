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


@pytest.fixture
def world(db):
    """Two partners of one project, a coordinator of each, a lead, an evaluator, a participant of each."""
    from polku.testing import factories as f

    project = f.ProjectFactory(code="S29999", name="Test project")
    f.PrivacyNoticeFactory(project=project, language="en")
    f.PrivacyNoticeFactory(
        project=project, language="fi", title="Tietosuojaseloste", body="Käsittelemme tietojasi."
    )
    a = f.PartnerFactory(project=project, is_lead=True, organisation__name="City of A")
    b = f.PartnerFactory(project=project, organisation__name="University of B")
    coord_a = f.UserFactory(email="coord.a@example.org")
    f.membership(coord_a, f.Role.COORDINATOR, partner=a)
    coord_b = f.UserFactory(email="coord.b@example.org")
    f.membership(coord_b, f.Role.COORDINATOR, partner=b)
    lead = f.UserFactory(email="lead@example.org")
    f.membership(lead, f.Role.PROJECT_LEAD, project=project)
    evaluator = f.UserFactory(email="evaluator@example.org")
    f.membership(evaluator, f.Role.EVALUATOR, project=project)
    admin = f.UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    user_a = f.UserFactory(email="participant.a@example.org")
    part_a = f.ParticipationFactory(
        partner=a,
        person__user=user_a,
        person__email=user_a.email,
        person__first_name="Amina",
        person__last_name="Yusuf",
    )
    user_b = f.UserFactory(email="participant.b@example.org")
    part_b = f.ParticipationFactory(
        partner=b,
        person__user=user_b,
        person__email=user_b.email,
        person__first_name="Bogdan",
        person__last_name="Kovalenko",
    )
    stranger = f.UserFactory(email="stranger@example.org")
    from types import SimpleNamespace

    return SimpleNamespace(
        project=project,
        a=a,
        b=b,
        coord_a=coord_a,
        coord_b=coord_b,
        lead=lead,
        evaluator=evaluator,
        admin=admin,
        user_a=user_a,
        user_b=user_b,
        part_a=part_a,
        part_b=part_b,
        stranger=stranger,
    )


pytest_plugins = ["polku.esco.testing"]  # the `esco_loaded` and `esco_empty` fixtures
