import pytest

from polku.demo.builder import build_demo
from polku.peergroups.models import PeerGroupMeeting, PeerGroupRound


@pytest.mark.django_db
def test_demo_has_a_published_round_in_duunipolku_espoo():
    build_demo(participants=40)
    peer_round = PeerGroupRound.objects.get(project__code="S21307")
    assert peer_round.status == PeerGroupRound.Status.PUBLISHED
    assert peer_round.groups.count() >= 1
    assert PeerGroupMeeting.objects.filter(group__round=peer_round).exists()
