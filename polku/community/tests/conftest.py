from __future__ import annotations

from types import SimpleNamespace

import pytest

from polku.community.models import DirectorySharing
from polku.testing import factories as f


@pytest.fixture
def net(world) -> SimpleNamespace:
    """The world plus a second project of Norway (partner n, participant n) that shares its directory both
    ways with the world's project; the world's partner b is in Sweden."""
    world.b.country = "SE"
    world.b.save(update_fields=["country"])
    other = f.ProjectFactory(code="S29998", name="Other project")
    f.PrivacyNoticeFactory(project=other, language="en")
    n = f.PartnerFactory(project=other, is_lead=True, country="NO", organisation__name="Oslo Hub")
    user_n = f.UserFactory(email="participant.n@example.org")
    part_n = f.ParticipationFactory(
        partner=n, project=other, person__user=user_n, person__email=user_n.email, person__first_name="Nora"
    )
    coord_n = f.UserFactory(email="coord.n@example.org")
    f.membership(coord_n, f.Role.COORDINATOR, partner=n)
    mine = DirectorySharing.objects.create(project=world.project, enabled=True)
    mine.partners.set([other])
    theirs = DirectorySharing.objects.create(project=other, enabled=True)
    theirs.partners.set([world.project])
    world.other, world.n, world.user_n, world.part_n, world.coord_n = other, n, user_n, part_n, coord_n
    return world
