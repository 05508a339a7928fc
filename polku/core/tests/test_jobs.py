"""Background jobs (polku.core.jobs): the life cycle with progress, failures, the owner-only page, file and
API, and the removal of expired files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from polku.core import jobs
from polku.core.errors import ApplicationError
from polku.core.jobs import JobFile, job_create, job_kind, job_run, jobs_expire
from polku.core.models import BackgroundJob
from polku.core.schedule import REGISTRY
from polku.core.tasks import _NAMED
from polku.core.tests.jobs_world import done_job, running_job
from polku.testing import factories as f

SEEN: list[tuple[str, int, str]] = []


@pytest.fixture
def kinds(monkeypatch) -> Iterator[None]:
    monkeypatch.setattr(jobs, "HANDLERS", {})
    SEEN.clear()

    @job_kind("test.count")
    def count(job: BackgroundJob, progress: jobs.Progress) -> JobFile:
        for step in (25, 50, 75):
            progress(step, f"step {step}")
            row = BackgroundJob.objects.get(pk=job.pk)  # what a poller reads meanwhile
            SEEN.append((row.status, row.progress, row.message))
        if job.params.get("fail") == "user":
            raise ApplicationError("The period is empty.")
        if job.params.get("fail") == "bug":
            raise RuntimeError("database gone")
        return JobFile(content=b"%PDF-1.4 made", filename="made.pdf", content_type="application/pdf")

    yield


@pytest.fixture
def owner(db):
    return f.UserFactory(email="owner@example.org")


def test_a_job_goes_from_queued_through_running_with_progress_to_done(kinds, owner):
    job = job_create(owner=owner, kind="test.count", title="A count", params={})  # immediate backend
    assert SEEN == [("running", 25, "step 25"), ("running", 50, "step 50"), ("running", 75, "step 75")]
    assert job.status == BackgroundJob.Status.DONE and job.progress == 100 and job.ready
    assert job.filename == "made.pdf" and job.content_type == "application/pdf"
    assert job.file.read() == b"%PDF-1.4 made"
    assert job.started_at and job.finished_at and job.expires_at
    assert job.expires_at - job.finished_at == dt.timedelta(hours=72)


def test_a_queued_job_runs_once_only(kinds, owner, monkeypatch):
    monkeypatch.setattr(jobs, "enqueue", lambda *a, **k: None)  # a worker that has not picked it up yet
    job = job_create(owner=owner, kind="test.count", title="A count", params={})
    assert job.status == BackgroundJob.Status.QUEUED and job.progress == 0 and not job.ready
    assert job_run(job.pk) is not None
    assert job_run(job.pk) is None  # a second worker finds it claimed
    assert len(SEEN) == 3


def test_a_failure_is_recorded_with_the_message_for_the_owner(kinds, owner):
    job = job_create(owner=owner, kind="test.count", title="A count", params={"fail": "user"})
    assert job.status == BackgroundJob.Status.FAILED and not job.ready and not job.file
    assert job.message == "The period is empty." and job.progress == 75  # how far it got
    crashed = job_create(owner=owner, kind="test.count", title="A count", params={"fail": "bug"})
    assert crashed.status == BackgroundJob.Status.FAILED
    assert crashed.message == "The file could not be made. Try again later."
    assert "database gone" in crashed.error  # for the logs, never shown


def test_an_unknown_kind_is_refused(kinds, owner):
    with pytest.raises(LookupError):
        job_create(owner=owner, kind="test.nobody", title="x", params={})


def test_the_tasks_are_registered():
    assert jobs.RUN_JOB in _NAMED and "core.expire_jobs" in REGISTRY


def test_expired_jobs_and_their_files_are_removed(owner):
    old, fresh = done_job(owner), done_job(owner)
    name = old.file.name
    assert name is not None
    BackgroundJob.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    stuck = running_job(owner)
    BackgroundJob.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    assert default_storage.exists(name)
    assert jobs_expire() == 2
    assert not default_storage.exists(name)
    assert list(BackgroundJob.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_the_page_shows_progress_while_running_and_the_download_when_done(client, owner):
    running = running_job(owner)
    BackgroundJob.objects.filter(pk=running.pk).update(message="Counting the figures…")
    client.force_login(owner)
    html = client.get(reverse("core:job", args=[running.pk])).content.decode()
    assert '<progress id="work-progress" class="job" max="100" value="40">40 %</progress>' in html
    assert 'aria-live="polite"' in html and "hx-get" in html and 'hx-trigger="every 2s"' in html
    assert "Counting the figures…" in html and '<meta http-equiv="refresh"' in html
    assert "<script>" not in html.split("<main")[-1]  # no inline script: polling is htmx attributes
    # the file is not there yet: the download address leads back to the page
    assert client.get(reverse("core:job_download", args=[running.pk])).status_code == 302

    done = done_job(owner)
    html = client.get(reverse("core:job", args=[done.pk])).content.decode()
    assert reverse("core:job_download", args=[done.pk]) in html and "hx-get" not in html
    response = client.get(reverse("core:job_download", args=[done.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="file.csv"' in response["Content-Disposition"]
    assert response.getvalue() == b"a;b\r\n1;2\r\n"


def test_only_the_owner_sees_a_job(client, owner):
    job = done_job(owner)
    other = f.UserFactory(email="other@example.org")
    client.force_login(other)
    assert client.get(reverse("core:job", args=[job.pk])).status_code == 404
    assert client.get(reverse("core:job_download", args=[job.pk])).status_code == 404
    api = APIClient()
    api.force_authenticate(other)
    assert api.get(f"/api/v1/jobs/{job.pk}/").status_code == 404
    assert api.get(f"/api/v1/jobs/{job.pk}/download/").status_code == 404
    assert api.get("/api/v1/jobs/").json()["count"] == 0


def test_the_api_gives_status_progress_and_the_file(owner):
    running, done = running_job(owner), done_job(owner)
    api = APIClient()
    api.force_authenticate(owner)
    body = api.get(f"/api/v1/jobs/{running.pk}/").json()
    assert body["status"] == "running" and body["progress"] == 40 and body["download_url"] is None
    assert api.get(f"/api/v1/jobs/{running.pk}/download/").status_code == 409
    body = api.get(f"/api/v1/jobs/{done.pk}/").json()
    assert body["status"] == "done" and body["download_url"] == f"/api/v1/jobs/{done.pk}/download/"
    response = api.get(body["download_url"])
    assert response.status_code == 200 and response.getvalue().startswith(b"a;b")
    assert [row["id"] for row in api.get("/api/v1/jobs/").json()["results"]] == [done.pk, running.pk]


def test_an_expired_job_is_gone_for_its_owner_too(client, owner):
    job = done_job(owner)
    BackgroundJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    client.force_login(owner)
    assert client.get(reverse("core:job", args=[job.pk])).status_code == 404
