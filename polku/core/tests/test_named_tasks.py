"""A service queues its app's task by name (polku.core.tasks.enqueue), so that tasks import services and
never the reverse."""

import pytest
from django_tasks import task

from polku.competences.services import SUGGEST_LONG_TEXT
from polku.core import tasks
from polku.core.tasks import enqueue, named

SEEN: list[int] = []


@task()
def _remember(*, n: int) -> int:
    SEEN.append(n)
    return n


@pytest.fixture
def registry(monkeypatch):
    SEEN.clear()
    monkeypatch.setattr(tasks, "_NAMED", {})
    named("test.remember")(_remember)


def test_a_named_task_is_queued_with_its_arguments(registry):
    result = enqueue("test.remember", n=7)  # the tests' immediate backend runs it at once
    assert SEEN == [7] and result.return_value == 7


def test_an_unknown_name_and_a_taken_name_fail(registry):
    with pytest.raises(LookupError):
        enqueue("test.nobody")
    with pytest.raises(ValueError):
        named("test.remember")(tasks.send_email)
    named("test.remember")(_remember)  # the same task again is fine (a module imported twice)


def test_the_tasks_services_queue_are_registered_at_start_up():
    assert SUGGEST_LONG_TEXT in tasks._NAMED
