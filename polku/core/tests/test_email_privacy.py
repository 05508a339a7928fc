"""The records of e-mails Polku sent are the addressee's personal data: exported, erased, forgotten in time."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from polku.core import personal_data
from polku.core.models import OutgoingEmail
from polku.core.privacy import emails_forget, emails_to
from polku.privacy.selectors import person_export
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def _email(to: list[str], **fields) -> OutgoingEmail:
    return OutgoingEmail.objects.create(recipients=to, subject=fields.pop("subject", "Welcome"), **fields)


@pytest.fixture
def person():
    user = f.UserFactory(email="Amina.Y@example.org")
    return f.PersonFactory(user=user, email="amina@example.org")


def test_the_rows_of_both_addresses_are_found_and_no_one_elses(person):
    mine = _email(["amina@example.org"])
    named = _email(["Amina Yusuf <amina.y@example.org>"], subject="Your booking")
    _email(["not.amina@example.org"])  # contains her address as a substring, is not hers
    _email(["bogdan@example.org"])
    assert set(emails_to(person)) == {mine, named}


def test_export_lists_subjects_and_dates_but_erasure_removes_them(person):
    _email(["amina@example.org"], subject="Invitation to Polku")
    _email(["someone@example.org"], subject="Not hers")
    provider = next(p for p in personal_data.providers() if p.name == "core")
    assert provider.export is not None and provider.erase is not None
    sections = provider.export(person)
    subjects = [row["subject"] for row in sections["emails"]["records"]]
    assert subjects == ["Invitation to Polku"]
    assert "body" not in sections["emails"]["labels"]
    done = provider.erase(person)
    assert done.erased and not emails_to(person).exists()
    assert OutgoingEmail.objects.filter(subject="Not hers").exists()


def test_the_whole_export_of_a_person_carries_the_emails(person):
    f.ParticipationFactory(person=person)
    _email(["amina@example.org"], subject="Invitation to Polku")
    data = person_export(person=person)
    assert "Invitation to Polku" in str(data)


def test_old_sent_and_failed_records_are_forgotten_and_waiting_ones_kept(settings):
    settings.POLKU_EMAIL_KEEP_DAYS = 30
    now = timezone.now()
    old_sent = _email(
        ["a@example.org"], status=OutgoingEmail.Status.SENT, sent_at=now - dt.timedelta(days=31)
    )
    new_sent = _email(
        ["b@example.org"], status=OutgoingEmail.Status.SENT, sent_at=now - dt.timedelta(days=29)
    )
    failed = _email(["c@example.org"], status=OutgoingEmail.Status.FAILED)
    OutgoingEmail.objects.filter(pk=failed.pk).update(created_at=now - dt.timedelta(days=40))
    queued = _email(["d@example.org"])
    OutgoingEmail.objects.filter(pk=queued.pk).update(created_at=now - dt.timedelta(days=40))
    assert emails_forget(now=now) == 2
    assert set(OutgoingEmail.objects.all()) == {new_sent, queued}
    assert not OutgoingEmail.objects.filter(pk__in=[old_sent.pk, failed.pk]).exists()
