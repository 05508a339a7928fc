"""The background jobs page: admins see failed tasks and undelivered e-mails and try them again."""

from __future__ import annotations

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from polku.audit.models import AuditEvent
from polku.core.models import OutgoingEmail, TaskRetry
from polku.operations.tests.fixtures import failed_email, failed_task


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.admin)
    return client


def test_the_page_lists_failed_tasks_and_undelivered_emails_with_their_errors(admin_client):
    failed_task()
    failed_email()
    OutgoingEmail.objects.create(recipients=["x@example.org"], subject="Delivered", status="sent")

    page = admin_client.get("/admin-tools/jobs/").content.decode()

    assert "polku.core.tasks.deliver_email" in page and "DeliveryFailed: TimeoutError: timed out" in page
    assert "Tervetuloa" in page and "maria@example.org" in page
    assert "Delivered" not in page
    assert "No worker is running" in page


def test_retrying_a_task_queues_it_again_once_and_is_audited(admin_client, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    task = failed_task()

    admin_client.post(f"/admin-tools/jobs/tasks/{task.pk}/retry/")
    second = admin_client.post(f"/admin-tools/jobs/tasks/{task.pk}/retry/", follow=True)

    retry = TaskRetry.objects.get(result_id=task.pk)
    assert (retry.action, retry.by) == ("admin", world.admin)
    assert DBTaskResult.objects.filter(task_path=task.task_path).count() == 2  # the failed run and one retry
    assert "tried again already" in second.content.decode()
    assert AuditEvent.objects.filter(actor=world.admin, object_type="core.taskretry").count() == 1
    assert "polku.core.tasks.deliver_email" not in admin_client.get("/admin-tools/jobs/").content.decode()


def test_sending_an_email_again_delivers_it(admin_client, world, django_capture_on_commit_callbacks):
    email = failed_email()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin-tools/jobs/emails/{email.pk}/retry/")

    email.refresh_from_db()
    assert email.status == "sent" and [m.subject for m in mail.outbox] == ["Tervetuloa"]
    assert AuditEvent.objects.filter(actor=world.admin, object_type="core.outgoingemail").count() == 1


def test_a_coordinator_is_refused(client, world):
    client.force_login(world.coord_a)
    assert client.get("/admin-tools/jobs/").status_code == 403
    assert client.get("/api/v1/operations/emails/").status_code == 403
