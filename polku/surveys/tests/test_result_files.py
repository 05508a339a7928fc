"""An activity's feedback results as CSV and XLSX through the API (evaluation data), with the same
readers and suppression as the results page."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from rest_framework.test import APIClient

from polku.activities.models import ActivityEnrolment
from polku.assessments.tests.factories import assessment
from polku.surveys.models import FeedbackResponse
from polku.surveys.tests.factories import FeedbackFormFactory
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


@pytest.fixture
def survey(world):
    activity = f.ActivityFactory(partner=world.a, project=world.project, name="Mentor day")
    ActivityEnrolment.objects.create(
        activity=activity, participation=world.part_a, enrolled_on=dt.date(2025, 5, 1)
    )
    survey = FeedbackFormFactory(activity=activity, title="Mentor day feedback", questions=["What helped?"])
    FeedbackResponse.objects.create(
        form=survey, participation=world.part_a, satisfaction=4, answers=["=the mentor"]
    )
    assessment(world.part_a.person, level=2)
    assessment(world.part_a.person, level=5, days=100)
    return survey


def test_results_as_csv_for_the_coordinator(world, survey):
    response = _api(world.coord_a).get(
        f"/api/v1/feedback-forms/{survey.pk}/results.csv", HTTP_ACCEPT="text/csv"
    )
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="feedback-{survey.pk}.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert ["Feedback form", "Mentor day feedback"] in rows and ["Answers", "1"] in rows
    assert ["Average satisfaction (1–5)", "4.0"] in rows and ["4", "1"] in rows
    assert ["What helped?", "'=the mentor"] in rows  # a formula stays text
    area = next(r for r in rows if len(r) > 3 and r[0].startswith("DigComp") and r[2] == "")
    assert area[3] == "1" and area[9] == "3.0"  # one person, from level 2 to 5


def test_results_as_xlsx_suppressed_for_the_lead(world, survey):
    response = _api(world.lead).get(f"/api/v1/feedback-forms/{survey.pk}/results.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = [r for r in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)]
    by_label = {r[0]: r[1:] for r in rows if r and r[0]}
    assert by_label["Answers"][0] == "hidden" and by_label["Average satisfaction (1–5)"][0] == "hidden"
    assert "What helped?" not in by_label  # no free text while few have answered


def test_results_file_access(world, survey):
    assert _api(world.coord_b).get(f"/api/v1/feedback-forms/{survey.pk}/results.csv").status_code == 403
    assert _api(world.stranger).get(f"/api/v1/feedback-forms/{survey.pk}/results.xlsx").status_code == 404
