"""Background tasks of general use (e-mail), run by `polku worker` through Django's tasks API, and the
queueing of an app's own task by name.

An app's `tasks.py` is an entry point: each task parses its arguments and calls one service, so the tasks
module imports the services and never the other way round. A service that must leave work for later
queues it by the name the task was registered under, without importing the tasks module:

    # polku/competences/tasks.py (imported by CompetencesConfig.ready, so every process knows the name)
    @named("competences.suggest_long_text")
    @task()
    def suggest_long_text(*, job_id: int) -> int: ...

    # polku/competences/services.py
    enqueue("competences.suggest_long_text", job_id=job.pk)

E-mail: `send_email.enqueue(subject=…, body=…, to=[…])` writes the message to the outbox
(polku.core.email_outbox) and queues `deliver_email` for it, which sends it at most once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django_tasks import task

from polku.core import email_outbox, recovery
from polku.core.email_outbox import Attachment

_NAMED: dict[str, Any] = {}  # name -> a django_tasks Task

__all__ = ["Attachment", "deliver_email", "enqueue", "named", "send_email"]


@task()
def deliver_email(*, email_id: int) -> str:
    """Hand one outbox e-mail to the mail server unless it was sent already; fails (and is retried) on errors."""
    return email_outbox.deliver(email_id)


recovery.retry_on_error(deliver_email)
recovery.on_lost(deliver_email, email_outbox.mark_interrupted)


class EmailSender:
    """`send_email.enqueue(subject=…, body=…, to=[…], html=…, attachments=[Attachment(…)])`: the message
    is recorded in the outbox and its delivery queued; returns the delivery's TaskResult."""

    def __init__(self, **options: Any) -> None:
        self._options = options  # django_tasks' `using` options (queue_name, priority, …)

    def using(self, **options: Any) -> EmailSender:
        return EmailSender(**{**self._options, **options})

    def enqueue(
        self,
        *,
        subject: str,
        body: str,
        to: Sequence[str],
        html: str = "",
        from_email: str | None = None,
        attachments: Sequence[Attachment] = (),
    ) -> Any:
        email = email_outbox.record(
            subject=subject, body=body, to=to, html=html, from_email=from_email, attachments=attachments
        )
        delivery = deliver_email.using(**self._options) if self._options else deliver_email
        return delivery.enqueue(email_id=email.pk)


send_email = EmailSender()


def named(name: str) -> Callable[[Any], Any]:
    """Register a django_tasks task under `name` for `enqueue`."""

    def register(task: Any) -> Any:
        if name in _NAMED and _NAMED[name] is not task:
            raise ValueError(f"task {name!r} is registered twice")
        _NAMED[name] = task
        return task

    return register


def enqueue(name: str, **kwargs: Any) -> Any:
    """Queue the task registered under `name` with these arguments; returns its TaskResult."""
    try:
        task = _NAMED[name]
    except KeyError:
        raise LookupError(
            f"no task is registered as {name!r}; does its app import its tasks in ready()?"
        ) from None
    return task.enqueue(**kwargs)
