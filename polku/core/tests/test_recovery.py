"""Recovery of lost and failed tasks, and the outbox that sends an e-mail at most once (decision 0059)."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time

import pytest
from django.core import mail
from django.db import connections
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from polku.core import email_outbox, recovery
from polku.core.models import OutgoingEmail, TaskRetry, WorkerHeartbeat
from polku.core.tasks import deliver_email, send_email
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.POLKU_TASK_STALE_SECONDS = 60
    settings.POLKU_TASK_RETRY_DELAYS = [60, 300, 1500]


def _running(result_id: str, *, worker: str, started: dt.datetime) -> None:
    DBTaskResult.objects.filter(pk=result_id).update(
        status="RUNNING", worker_ids=[worker], started_at=started
    )


def test_a_task_of_a_silent_worker_is_lost_and_retried_with_back_off(database_queue):
    now = timezone.now()
    result = send_email.enqueue(subject="Hei", body="Hei!", to=["a@example.org"])
    _running(result.id, worker="dead", started=now - dt.timedelta(minutes=5))
    WorkerHeartbeat.objects.create(worker_id="dead", beat_at=now - dt.timedelta(minutes=3))

    outcome = recovery.recover(now=now)

    assert outcome == recovery.Recovered(lost=1, retried=1, given_up=0)
    lost = DBTaskResult.objects.get(pk=result.id)
    assert (lost.status, lost.exception_class_path) == ("FAILED", recovery.LOST_CLASS_PATH)
    retry = TaskRetry.objects.get(result_id=result.id)
    assert (retry.attempt, retry.reason, retry.action) == (1, "lost", "retried")
    again = DBTaskResult.objects.get(pk=present(retry.next_result_id))
    assert again.status == "READY" and again.run_after == now + dt.timedelta(seconds=60)
    assert again.args_kwargs == lost.args_kwargs
    assert recovery.recover(now=now) == recovery.Recovered(0, 0, 0)  # handled once


def test_a_task_of_a_live_worker_is_left_alone(database_queue):
    now = timezone.now()
    result = send_email.enqueue(subject="Hei", body="Hei!", to=["a@example.org"])
    _running(result.id, worker="alive", started=now - dt.timedelta(minutes=30))
    WorkerHeartbeat.objects.create(worker_id="alive", beat_at=now - dt.timedelta(seconds=10))

    assert recovery.recover(now=now).lost == 0
    assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"


def test_retries_stop_after_the_last_delay(database_queue):
    now = timezone.now()
    result = send_email.enqueue(subject="Hei", body="Hei!", to=["a@example.org"])
    current = result.id
    actions = []
    for _ in range(4):
        _running(current, worker="dead", started=now - dt.timedelta(minutes=5))
        recovery.recover(now=now)
        retry = TaskRetry.objects.get(result_id=current)
        actions.append((retry.attempt, retry.action))
        current = retry.next_result_id
    assert actions == [(1, "retried"), (2, "retried"), (3, "retried"), (4, "gave_up")]
    delays = [
        present(r.retry_after) - now for r in TaskRetry.objects.filter(action="retried").order_by("attempt")
    ]
    assert delays == [dt.timedelta(seconds=s) for s in (60, 300, 1500)]


def test_an_email_is_sent_once_however_often_its_task_runs(database_queue):
    result = send_email.enqueue(subject="Tervetuloa", body="Hei!", to=["a@example.org"])
    email_id = result.kwargs["email_id"]

    assert email_outbox.deliver(email_id) == "sent"
    assert email_outbox.deliver(email_id) == "sent"

    assert len(mail.outbox) == 1
    email = OutgoingEmail.objects.get(pk=email_id)
    assert (email.status, email.attempts, email.body) == ("sent", 1, "")  # the text is not kept
    assert email.sent_at is not None


def test_a_worker_lost_while_sending_leaves_the_email_uncertain_not_resent(database_queue):
    now = timezone.now()
    result = send_email.enqueue(subject="Hei", body="Hei!", to=["a@example.org"])
    email_id = result.kwargs["email_id"]
    OutgoingEmail.objects.filter(pk=email_id).update(status="sending", attempts=1)
    _running(result.id, worker="dead", started=now - dt.timedelta(minutes=5))

    recovery.recover(now=now)
    retry = TaskRetry.objects.get(result_id=result.id)
    assert deliver_email.call(email_id=email_id) == "uncertain"  # what the retried run does

    assert mail.outbox == []
    email = OutgoingEmail.objects.get(pk=email_id)
    assert email.status == "uncertain" and "may have been delivered" in email.last_error
    assert retry.action == "retried"


def test_a_failed_email_is_recorded_and_retried_automatically(database_queue, settings):
    settings.EMAIL_BACKEND = "polku.core.tests.test_recovery.RefusingBackend"
    result = send_email.enqueue(subject="Hei", body="Hei!", to=["a@example.org"])
    email_id = result.kwargs["email_id"]
    with pytest.raises(email_outbox.DeliveryFailed):
        deliver_email.call(email_id=email_id)
    DBTaskResult.objects.filter(pk=result.id).update(status="FAILED", finished_at=timezone.now())
    email = OutgoingEmail.objects.get(pk=email_id)
    assert (email.status, email.attempts) == ("failed", 1)
    assert "SMTPRecipientsRefused" in email.last_error

    outcome = recovery.recover()

    assert outcome.retried == 1
    assert TaskRetry.objects.get(result_id=result.id).reason == "error"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert email_outbox.deliver(email_id) == "sent"
    assert len(mail.outbox) == 1


class RefusingBackend:
    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        import smtplib

        raise smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"no such user")})


def test_a_mail_server_that_does_not_answer_fails_the_email_within_the_timeout(database_queue, settings):
    """The incident: one mail server accepted the connection and never answered, and the queue stalled."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.getsockname()[1]
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 1
    result = send_email.enqueue(subject="Hei", body="Hei!", to=["a@example.org"])
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(email_outbox.deliver(result.kwargs["email_id"]))
        except email_outbox.DeliveryFailed as error:
            outcome.append(error)
        finally:
            connections.close_all()  # this thread's own connection, or PostgreSQL keeps the test database busy

    started = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=15)
    server.close()
    assert not thread.is_alive(), "sending still waits for the silent mail server"
    assert time.monotonic() - started < 10
    assert isinstance(outcome[0], email_outbox.DeliveryFailed)
    email = OutgoingEmail.objects.get(pk=result.kwargs["email_id"])
    assert email.status == "failed" and "timed out" in email.last_error


def test_the_settings_give_every_network_call_a_timeout(settings):
    from django.conf import settings as live

    assert live.EMAIL_TIMEOUT == 20
    assert live.SOCIALACCOUNT_REQUESTS_TIMEOUT == 10
