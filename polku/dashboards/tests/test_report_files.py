"""The funder report's files through the API, and as a background job with progress for a large project
(POLKU_REPORT_BACKGROUND_OVER), on the page and in the API."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader
from rest_framework.test import APIClient

from polku.core.models import BackgroundJob
from polku.testing import factories as f

API = "/api/v1/projects/S29999"


@pytest.fixture(autouse=True)
def _files_in_memory(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


def _api(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def _crowd(world, n=7):
    for _ in range(n):
        f.ParticipationFactory(partner=world.a)


def _body(response) -> bytes:
    return response.getvalue()


def test_the_api_gives_the_report_as_xlsx_csv_and_pdf(world):
    _crowd(world)
    api = _api(world.lead)
    response = api.get(f"{API}/report.xlsx", {"from": "2020-01-01"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith('attachment; filename="S29999-report-')
    rows = {
        r[0]: r[1:]
        for r in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
        if r[0]
    }
    assert rows["Registered"][0] == 9 and rows["University of B"][1] == "hidden"

    response = api.get(f"{API}/report.csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert ["Project code", "S29999"] in table

    response = api.get(f"{API}/report.pdf", HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Funder report" in text and "S29999" in text and "City of A" in text


def test_the_api_file_follows_the_reader_and_the_filters(world):
    _crowd(world)
    response = _api(world.coord_a).get(f"{API}/report.csv")
    by_label = {
        r[0]: r[1:] for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";") if r
    }
    assert by_label["City of A"][1] == "8" and "University of B" not in by_label  # own partner, exact
    response = _api(world.lead).get(
        f"{API}/report.pdf", {"from": "not a date"}, HTTP_ACCEPT="application/pdf"
    )
    assert response.status_code == 400 and "from" in response.json()  # JSON, not a 406
    assert _api(world.stranger).get(f"{API}/report.pdf").status_code == 404
    assert _api(world.user_a).get(f"{API}/report.xlsx").status_code == 404  # a participant


def test_a_large_project_gets_a_background_job_in_the_api(world, settings):
    settings.POLKU_REPORT_BACKGROUND_OVER = 3
    _crowd(world)
    api = _api(world.lead)
    response = api.get(f"{API}/report.pdf", {"from": "2020-01-01"})
    assert response.status_code == 202
    job = response.json()
    assert response["Location"] == job["status_url"] == f"/api/v1/jobs/{job['id']}/"
    # the tests' task backend runs the job at once; a worker would take a moment
    status = api.get(job["status_url"]).json()
    assert (
        status["status"] == "done"
        and status["progress"] == 100
        and status["kind"] == "dashboards.report_file"
    )
    row = BackgroundJob.objects.get(pk=job["id"])
    assert row.params["from"] == "2020-01-01" and row.params["format"] == "pdf"
    download = api.get(status["download_url"])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    content = _body(download)
    assert content.startswith(b"%PDF") and "S29999" in PdfReader(io.BytesIO(content)).pages[0].extract_text()
    # the lead's file is the lead's: another reader of the same report does not get it
    assert _api(world.evaluator).get(status["download_url"]).status_code == 404


def test_a_large_project_gets_a_progress_page_and_a_download_on_the_site(client, world, settings):
    settings.POLKU_REPORT_BACKGROUND_OVER = 3
    _crowd(world)
    client.force_login(world.evaluator)
    page = client.get(reverse("dashboards:report", args=[world.project.code]))
    assert b"made in the background" in page.content
    response = client.get(reverse("dashboards:report_download", args=[world.project.code, "xlsx"]))
    job = BackgroundJob.objects.get(owner=world.evaluator)
    assert response.status_code == 302 and response["Location"] == reverse("core:job", args=[job.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Funder report: Test project (Excel workbook (XLSX))" in html
    assert reverse("core:job_download", args=[job.pk]) in html
    assert reverse("dashboards:report", args=[world.project.code]) in html  # the way back
    download = client.get(reverse("core:job_download", args=[job.pk]))
    book = load_workbook(io.BytesIO(_body(download)))
    assert any(r[0] == "Project code" for r in book.active.iter_rows(values_only=True))


def test_a_job_whose_owner_lost_access_fails_with_a_message(world, settings, monkeypatch):
    settings.POLKU_REPORT_BACKGROUND_OVER = 3
    _crowd(world)
    from polku.core import jobs

    monkeypatch.setattr(jobs, "enqueue", lambda *a, **k: None)  # queued; the worker runs it later
    response = _api(world.lead).get(f"{API}/report.csv")
    assert response.status_code == 202 and response.json()["status"] == "queued"
    world.lead.memberships.all().delete()
    job = jobs.job_run(response.json()["id"])
    assert job is not None and job.status == "failed" and not job.file
    assert job.message == "You can no longer see this project's report."
