"""The task queues really run: the database queue and the Redis (RQ) queue, each through `polku worker`."""

import socket
import uuid

import pytest
from django.core import mail
from django.core.management import call_command

from polku.core.tasks import send_email


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.django_db(transaction=True)
def test_database_queue_runs_through_the_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = send_email.enqueue(subject="Tervetuloa", body="Hei!", to=["leila@example.org"])
    assert result.status == "READY" and not mail.outbox
    call_command("worker", batch=True, verbosity=0)
    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert [m.subject for m in mail.outbox] == ["Tervetuloa"]


@pytest.mark.skipif(not _redis_up(), reason="Redis is not running on 127.0.0.1:6379 (.ci/run starts it)")
@pytest.mark.django_db(transaction=True)
def test_redis_queue_runs_through_the_worker(settings):
    queue = f"test-{uuid.uuid4().hex[:8]}"
    settings.RQ_QUEUES = {
        queue: {"URL": "redis://127.0.0.1:6379/15"},
        "default": {"URL": "redis://127.0.0.1:6379/15"},
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [queue]}}
    result = send_email.using(queue_name=queue).enqueue(
        subject="Välkommen", body="Hej!", to=["leila@example.org"]
    )
    # SimpleWorker runs the job in this process (RQ forks by default), so the test sees the outbox.
    call_command(
        "rqworker",
        queue,
        burst=True,
        with_scheduler=False,
        job_class="django_tasks_rq.Job",
        worker_class="rq.worker.SimpleWorker",
        verbosity=0,
    )
    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert [m.subject for m in mail.outbox] == ["Välkommen"]
