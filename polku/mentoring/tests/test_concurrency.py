"""Concurrent self-service requests for a mentor's last place: exactly one wins (PostgreSQL).

Run with DATABASE_URL pointing at PostgreSQL; on SQLite the database serialises writers itself, so
the race this test provokes cannot happen there and the test is skipped.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from polku.accounts.access import access_for
from polku.accounts.models import User
from polku.core.errors import ApplicationError
from polku.mentoring import services
from polku.mentoring.models import MenteeRequest, MentorProfile, Mentorship
from polku.mentoring.tests import factories as mf
from polku.testing import factories as f
from polku.testing.asserts import present

THREADS = 8

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("the race needs concurrent writers: PostgreSQL only (set DATABASE_URL)")


def test_concurrent_requests_for_the_last_seat_book_it_exactly_once():
    partner = f.PartnerFactory()
    programme = mf.ProgrammeFactory(partner=partner, mode="self_service")
    profile = mf.mentor(partner, capacity=1, languages={"en": "C2"})
    mentees = []
    for n in range(THREADS):
        user = f.UserFactory(email=f"mentee{n}@example.org")
        participation = f.ParticipationFactory(partner=partner, person__user=user)
        mf.speaks(participation, en="C1")
        mentees.append(mf.MenteeRequestFactory(programme=programme, participation=participation).pk)

    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def request(mentee_pk: int) -> None:
        try:
            mentee = MenteeRequest.objects.select_related("participation__person__user", "programme").get(
                pk=mentee_pk
            )
            user = User.objects.get(pk=present(mentee.participation.person.user_id))
            mentor = MentorProfile.objects.get(pk=profile.pk)
            barrier.wait()
            try:
                services.mentor_request(actor=user, access=access_for(user), mentee=mentee, mentor=mentor)
                result = "ok"
            except ApplicationError:
                result = "full"
            with lock:
                outcomes.append(result)
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=(pk,)) for pk in mentees]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["full"] * (THREADS - 1) + ["ok"]
    assert Mentorship.objects.filter(mentor=profile).count() == 1
    assert MentorProfile.objects.get(pk=profile.pk).seats_taken == 1


def test_a_mentee_asking_five_mentors_at_once_gets_one_mentorship():
    """The incident: in a self-service programme one mentee's simultaneous requests to five mentors each
    became an open mentorship, each taking a mentor's seat."""
    partner = f.PartnerFactory()
    programme = mf.ProgrammeFactory(partner=partner, mode="self_service")
    user = f.UserFactory(email="mentee@example.org")
    participation = f.ParticipationFactory(partner=partner, person__user=user)
    mf.speaks(participation, en="C1")
    mentee_pk = mf.MenteeRequestFactory(programme=programme, participation=participation).pk
    mentors = [
        mf.mentor(partner, capacity=2, languages={"en": "C2"}, email=f"mentor{n}@example.org").pk
        for n in range(5)
    ]

    barrier = threading.Barrier(len(mentors))
    outcomes: list[str] = []
    lock = threading.Lock()

    def request(mentor_pk: int) -> None:
        try:
            mentee = MenteeRequest.objects.select_related("participation__person__user", "programme").get(
                pk=mentee_pk
            )
            actor = User.objects.get(pk=user.pk)
            mentor = MentorProfile.objects.get(pk=mentor_pk)
            barrier.wait()
            try:
                services.mentor_request(actor=actor, access=access_for(actor), mentee=mentee, mentor=mentor)
                result = "ok"
            except ApplicationError as error:
                result = "refused: " + error.message
            with lock:
                outcomes.append(result)
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=(pk,)) for pk in mentors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes.count("ok") == 1
    refusals = [o for o in outcomes if o != "ok"]
    assert len(refusals) == 4 and all("mentor in this programme already" in o for o in refusals)
    assert Mentorship.objects.filter(mentee_id=mentee_pk).count() == 1
    assert sum(MentorProfile.objects.filter(pk__in=mentors).values_list("seats_taken", flat=True)) == 1
