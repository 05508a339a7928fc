"""Connections and threads under real concurrency (PostgreSQL only): a double-clicked request stays one
request, and the first messages sent at once open one thread."""

from __future__ import annotations

from polku.community import services
from polku.community.models import Connection, Message, Thread
from polku.community.tests.factories import connect, profile_on
from polku.testing import factories as f
from polku.testing.concurrency import POSTGRESQL_ONLY, race

pytestmark = POSTGRESQL_ONLY


def _two() -> tuple:
    partner = f.PartnerFactory()
    f.PrivacyNoticeFactory(project=partner.project, language="en")
    users = []
    for name in ("Amina", "Bogdan"):
        user = f.UserFactory()
        f.ParticipationFactory(partner=partner, person__user=user, person__first_name=name)
        profile_on(user, display_name=name)
        users.append(user)
    return users[0], users[1]


def test_a_request_sent_twice_at_once_is_one_request():
    amina, bogdan = _two()
    recipient = bogdan.community_profile
    results = race([lambda: services.connection_request(actor=amina, recipient=recipient) for _ in range(4)])
    assert all(isinstance(r, Connection) for r in results), results
    assert Connection.objects.count() == 1


def test_first_messages_sent_at_once_open_one_thread():
    amina, bogdan = _two()
    connect(amina, bogdan)
    recipient = bogdan.community_profile
    results = race(
        [lambda i=i: services.message_send(actor=amina, recipient=recipient, body=f"m{i}") for i in range(4)]
    )
    assert all(isinstance(r, Message) for r in results), results
    assert Thread.objects.count() == 1 and Message.objects.count() == 4
