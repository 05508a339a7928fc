"""The `world` of the tests: one project with two partners and a person in each role (tests only).

The root conftest.py's `world` fixture builds it for every test that asks; the role matrix
(polku/core/tests/test_*_roles.py) builds it once per module with the matrix's extra roles
(`polku.testing.roles.with_every_role`) and rolls each test back to it.
"""

from __future__ import annotations

from types import SimpleNamespace

from polku.testing import factories as f


def build_world() -> SimpleNamespace:
    """Two partners of one project, a coordinator of each, a lead, an evaluator, a participant of each."""
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
