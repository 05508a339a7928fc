"""A peer-group round is one of its project's activities (decision 0057): created with it, its members
enrolled when it is published, so that activity targets count them."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from polku.accounts.access import Access, access_for
from polku.activities.models import Activity, ActivityEnrolment
from polku.activities.selectors import target_progress
from polku.core.errors import AccessDenied
from polku.peergroups import services
from polku.peergroups.models import PeerGroupMembership, PeerGroupRound
from polku.peergroups.tests.factories import formed_round
from polku.testing import factories as f

pytestmark = pytest.mark.django_db
SYSTEM = Access(user_id=None, is_admin=True)


def test_a_round_is_created_with_its_activity_of_the_rounds_partner(world):
    peer_round = services.round_create(
        actor=world.coord_a, access=access_for(world.coord_a), partner=world.a, name=" Spring circle "
    )
    activity = peer_round.activity
    assert (activity.project, activity.partner, activity.kind, activity.name, activity.starts_on) == (
        world.project,
        world.a,
        Activity.Kind.PEER_GROUP,
        "Spring circle",
        None,
    )
    assert peer_round.name == "Spring circle"
    with pytest.raises(AccessDenied):
        services.round_create(
            actor=world.coord_b, access=access_for(world.coord_b), partner=world.a, name="X"
        )
    assert PeerGroupRound.objects.count() == Activity.objects.count() == 1


def test_publishing_enrols_every_member_once_and_counts_toward_targets(world):
    peer_round = formed_round(world.a, n=6, extra=[world.part_a])
    assert not ActivityEnrolment.objects.exists()  # a draft's groups may still change
    services.round_publish(actor=world.coord_a, access=access_for(world.coord_a), peer_round=peer_round)
    members = set(
        PeerGroupMembership.objects.filter(round=peer_round).values_list("participation", flat=True)
    )
    enrolled = set(peer_round.activity.enrolments.values_list("participation", flat=True))
    assert enrolled == members and len(members) == 7
    peer_round.activity.refresh_from_db()
    assert peer_round.activity.starts_on == timezone.localdate()
    # a participant who joined after today's date of publishing is enrolled from the day they joined
    assert all(e.enrolled_on >= e.participation.entry_date for e in peer_round.activity.enrolments.all())
    f.TargetFactory(project=world.project, metric="activity_participants", label="people", partner=world.a)
    f.TargetFactory(project=world.project, metric="activities", kind="peer_group", label="rounds")
    counts = {row.target.label: row.actual for row in target_progress(project=world.project)}
    assert counts == {"people": 7, "rounds": 1}


def test_an_enrolment_made_before_publishing_is_kept_as_it_is(world):
    peer_round = formed_round(world.a, n=6, extra=[world.part_a])
    ActivityEnrolment.objects.create(
        activity=peer_round.activity, participation=world.part_a, enrolled_on=dt.date(2025, 4, 1)
    )
    services.round_publish(actor=None, access=SYSTEM, peer_round=peer_round)
    assert peer_round.activity.enrolments.count() == 7
    assert peer_round.activity.enrolments.get(participation=world.part_a).enrolled_on == dt.date(2025, 4, 1)


def test_the_activity_page_links_to_the_round_for_its_coordinators(client, world):
    peer_round = formed_round(world.a)
    page = reverse("activities:detail", args=[world.project.code, peer_round.activity.pk])
    link = reverse("peergroups:detail", args=[peer_round.pk])
    client.force_login(world.coord_a)
    assert f'<a href="{link}">{peer_round.name}</a>' in client.get(page).content.decode()
    client.force_login(world.lead)  # the lead does not see rounds (docs/peer-groups.md)
    html = client.get(page).content.decode()
    assert f"This activity is the peer-group round {peer_round.name}." in html and link not in html
