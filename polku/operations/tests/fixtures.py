"""A failed task and an undelivered e-mail for the role matrix and the tests of the jobs page."""

from __future__ import annotations

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from polku.core.models import OutgoingEmail


def failed_task() -> DBTaskResult:
    return DBTaskResult.objects.create(
        status="FAILED",
        args_kwargs={"args": [], "kwargs": {"email_id": 0}},
        task_path="polku.core.tasks.deliver_email",
        backend_name="default",
        run_after=timezone.now(),
        finished_at=timezone.now(),
        exception_class_path="polku.core.email_outbox.DeliveryFailed",
        traceback="Traceback …\nDeliveryFailed: TimeoutError: timed out",
    )


def failed_email() -> OutgoingEmail:
    return OutgoingEmail.objects.create(
        recipients=["maria@example.org"],
        subject="Tervetuloa",
        body="Hei!",
        status=OutgoingEmail.Status.FAILED,
        attempts=4,
        last_error="TimeoutError: timed out",
    )
