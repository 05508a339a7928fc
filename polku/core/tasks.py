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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django_tasks import task

_NAMED: dict[str, Any] = {}  # name -> a django_tasks Task


@task()
def send_email(
    *, subject: str, body: str, to: list[str], html: str = "", from_email: str | None = None
) -> int:
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, from_email=from_email)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


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
