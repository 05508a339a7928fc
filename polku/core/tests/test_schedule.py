"""Periodic jobs are queued when due, once per period, whichever worker asks first."""

import datetime as dt

import pytest
from django.core.management import call_command
from django_tasks import task

from polku.core import schedule
from polku.core.models import ScheduledJob

RUNS: list[str] = []


@task()
def _record_run() -> int:
    RUNS.append("ran")
    return len(RUNS)


@pytest.fixture
def registered(monkeypatch):
    RUNS.clear()
    monkeypatch.setattr(schedule, "REGISTRY", {})
    schedule.periodic("test.record", every=dt.timedelta(hours=1))(_record_run)
    return schedule.REGISTRY


@pytest.mark.django_db
def test_a_job_runs_when_due_and_not_again_within_its_period(registered):
    start = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    assert schedule.enqueue_due(now=start) == ["test.record"]
    assert schedule.enqueue_due(now=start + dt.timedelta(minutes=59)) == []
    assert schedule.enqueue_due(now=start + dt.timedelta(minutes=60)) == ["test.record"]
    assert RUNS == ["ran", "ran"]
    job = ScheduledJob.objects.get(name="test.record")
    assert job.next_run_at == start + dt.timedelta(hours=2)


@pytest.mark.django_db
def test_a_second_worker_does_not_claim_the_same_run(registered):
    now = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    ScheduledJob.objects.create(name="test.record", next_run_at=now)
    assert schedule._claim(registered["test.record"], now) is True
    assert schedule._claim(registered["test.record"], now) is False


@pytest.mark.django_db
def test_schedule_command_lists_and_forces(registered, capsys):
    call_command("schedule", "--list")
    assert "test.record" in capsys.readouterr().out
    call_command("schedule", "--all")
    call_command("schedule", "--all")
    assert RUNS == ["ran", "ran"]


@task()
def _other() -> None:
    return None


def test_registering_another_task_under_a_taken_name_fails(registered):
    with pytest.raises(ValueError, match="registered twice"):
        schedule.periodic("test.record", every=dt.timedelta(hours=1))(_other)
