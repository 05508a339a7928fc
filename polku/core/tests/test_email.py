"""Outgoing e-mail: allauth's messages go through the task queue (polku.core.tasks.send_email)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django_tasks.signals import task_enqueued

from polku.core.tasks import send_email
from polku.testing import factories as f

BASE_DIR = Path(__file__).resolve().parents[3]


@pytest.fixture
def enqueued():
    """Paths of the tasks enqueued while the test runs."""
    paths: list[str] = []

    def record(sender, task_result, **kwargs):
        paths.append(task_result.task.module_path)

    task_enqueued.connect(record)
    yield paths
    task_enqueued.disconnect(record)


@pytest.fixture
def maria(db):
    user = f.UserFactory(email="maria@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_send_email_task_delivers_text_and_html(db):
    send_email.enqueue(
        subject="Tervetuloa", body="Hei!", to=["maria@example.org"], html="<p>Hei!</p>", from_email=None
    )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert (message.subject, message.body, message.to) == ("Tervetuloa", "Hei!", ["maria@example.org"])
    assert isinstance(message, EmailMultiAlternatives)
    assert message.alternatives[0][0] == "<p>Hei!</p>"
    assert message.from_email == "Polku <no-reply@polku.invalid>"  # DEFAULT_FROM_EMAIL


def test_allauth_mail_goes_through_the_task(client, maria, enqueued):
    client.post("/accounts/password/reset/", {"email": "maria@example.org"})

    assert enqueued == ["polku.core.tasks.deliver_email"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maria@example.org"]
    assert "Password Reset" in message.subject
    assert "/accounts/password/reset/key/" in message.body
    assert message.from_email == "Polku <no-reply@polku.invalid>"


def test_verification_mail_goes_through_the_task(client, db, enqueued):
    f.UserFactory(email="new@example.org")

    client.post("/accounts/login/", {"login": "new@example.org", "password": "correct-horse-battery"})

    assert enqueued == ["polku.core.tasks.deliver_email"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_mail_waits_for_the_worker(client, settings, maria):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    client.post("/accounts/password/reset/", {"email": "maria@example.org"})

    assert mail.outbox == []
    assert DBTaskResult.objects.get().task_path == "polku.core.tasks.deliver_email"

    call_command("worker", batch=True, verbosity=0)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["maria@example.org"]
    # The worker also queues the apps' periodic jobs that are due; every task it ran must have succeeded.
    assert DBTaskResult.objects.get(task_path="polku.core.tasks.deliver_email").status == "SUCCESSFUL"
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def email_settings(email_url: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POLKU_", "DJANGO_", "EMAIL_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", POLKU_DEBUG="true", EMAIL_URL=email_url)
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, "
        "s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)"
    )
    result = subprocess.run(  # noqa: S603 — fixed interpreter and code
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


def test_smtp_with_starttls_is_read_from_email_url():
    assert email_settings("smtp+tls://polku%40example.fi:s3cr%40t@smtp.example.fi:587") == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.fi",
        "587",
        "polku@example.fi",
        "s3cr@t",
        "True",
        "False",
    ]


def test_smtp_over_ssl_is_read_from_email_url():
    backend, host, port, *_, use_tls, use_ssl = email_settings("smtp+ssl://user:pw@mail.example.fi:465")

    assert (backend, host, port, use_tls, use_ssl) == (
        "django.core.mail.backends.smtp.EmailBackend", "mail.example.fi", "465", "False", "True"
    )  # fmt: skip


def test_default_prints_mail_to_the_console():
    assert email_settings("consolemail://")[0] == "django.core.mail.backends.console.EmailBackend"
