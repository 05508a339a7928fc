"""Introductions under real concurrency on PostgreSQL: a coordinator and the employer proposing the same
person to the same employer at the same moment make one introduction, never two (SQLite serialises
writers, so the race cannot happen there and the test is skipped)."""

from __future__ import annotations

from polku.accounts.access import access_for
from polku.core.errors import ApplicationError
from polku.employers import services
from polku.employers.models import EmployerRepresentative, Introduction
from polku.employers.tests.factories import EmployerFactory, NeedFactory, opt_in
from polku.testing import factories as f
from polku.testing.concurrency import POSTGRESQL_ONLY, race

pytestmark = POSTGRESQL_ONLY


def test_two_proposals_at_once_make_one_introduction():
    partner = f.PartnerFactory()
    f.PrivacyNoticeFactory(project=partner.project)
    coordinator = f.UserFactory()
    f.membership(coordinator, f.Role.COORDINATOR, partner=partner)
    rep = f.UserFactory()
    f.membership(rep, f.Role.EMPLOYER, partner=partner)
    employer = EmployerFactory(partner=partner, project=partner.project)
    EmployerRepresentative.objects.create(employer=employer, user=rep, project=partner.project)
    first, second = NeedFactory(employer=employer), NeedFactory(employer=employer)
    participation = f.ParticipationFactory(partner=partner)
    opt_in(participation)
    results = race(
        [
            lambda: services.introduction_propose(
                actor=coordinator, access=access_for(coordinator), need=first, participation=participation
            ),
            lambda: services.introduction_propose(
                actor=rep, access=access_for(rep), need=second, participation=participation
            ),
        ]
    )
    made = [r for r in results if isinstance(r, Introduction)]
    refused = [r for r in results if isinstance(r, ApplicationError)]
    assert len(made) == 1 and len(refused) == 1, results
    assert Introduction.objects.filter(employer=employer, participation=participation).count() == 1
