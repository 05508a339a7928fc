"""What coordinators see of the network: target counters and the dashboard section, counts only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from polku.accounts.access import access_for
from polku.activities.metrics import count
from polku.activities.models import Target
from polku.community import services
from polku.community.tests.factories import connect, profile_on
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def test_targets_count_profiles_on_and_contacts_across_countries(net):
    profile_on(net.user_a, display_name="Amina")  # FI
    profile_on(net.user_b, display_name="Bogdan")  # SE
    profile_on(net.user_n, display_name="Nora")  # NO, other project
    connect(net.user_a, net.user_b)
    connect(net.user_n, net.user_a)
    profiles = f.TargetFactory(project=net.project, metric=Target.Metric.COMMUNITY_PROFILES, label="P")
    across = f.TargetFactory(project=net.project, metric=Target.Metric.COMMUNITY_ACROSS_COUNTRIES, label="C")
    across_a = f.TargetFactory(
        project=net.project, partner=net.b, metric=Target.Metric.COMMUNITY_ACROSS_COUNTRIES, label="B"
    )
    assert count(profiles) == 2
    assert count(across) == 2
    assert count(across_a) == 1  # only Bogdan's connection involves partner b
    services.directory_turn_off(actor=net.user_b, access=access_for(net.user_b))
    assert count(profiles) == 1


def test_the_dashboard_shows_counts_with_small_ones_hidden_and_no_messages(world, client):
    profile_on(world.user_a, display_name="Amina")
    bogdan = profile_on(world.user_b, display_name="Bogdan")
    connect(world.user_a, world.user_b)
    services.message_send(actor=world.user_a, recipient=bogdan, body="A private word")
    client.force_login(world.lead)
    page = client.get(reverse("dashboards:dashboard", args=[world.project.code])).content.decode()
    assert "Community network" in page and "Profiles in the directory" in page
    assert "fewer than" in page  # 2 profiles, 1 connection: below the threshold
    assert "A private word" not in page and "Amina" not in page
