"""The API: frameworks, a person's assessments and progress, project deltas."""

import pytest
from rest_framework.test import APIClient

from polku.assessments.models import SelfAssessment
from polku.assessments.tests.factories import assessment

pytestmark = pytest.mark.django_db
URL = "/api/v1/assessments"


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_frameworks(world):
    client = _client(world.user_a)
    rows = client.get(f"{URL}/frameworks/").json()
    assert [(r["key"], r["current"]) for r in rows] == [("digcomp-2.2", True), ("entrecomp-1.0", True)]
    data = client.get(f"{URL}/frameworks/entrecomp/").json()
    assert len(data["areas"]) == 3 and len(data["levels"]) == 8
    assert data["areas"][2]["competences"][4]["code"] == "entrecomp-1.0:3.5"
    assert data["areas"][0]["competences"][0]["name"]["sv"] == "Upptäcka möjligheter"
    assert data["levels"][7]["band"] == "expert"
    assert client.get(f"{URL}/frameworks/nope/").status_code == 404


def test_create_list_progress_detail(world):
    client = _client(world.user_a)
    person = world.part_a.person_id
    body = {
        "framework": "digcomp",
        "answers": {"digcomp-2.2:1.1": 2, "digcomp-2.2:1.2": None},
        "taken_at": "2025-01-10T10:00:00Z",
        "participation": world.part_a.pk,
    }
    created = client.post(f"{URL}/people/{person}/", body, format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["framework_key"] == "digcomp-2.2" and len(data["answers"]) == 21
    body |= {"answers": {"digcomp-2.2:1.1": 5}, "taken_at": "2025-06-10T10:00:00Z"}
    assert client.post(f"{URL}/people/{person}/", body, format="json").status_code == 201
    listing = client.get(f"{URL}/people/{person}/").json()
    assert listing["count"] == 2
    assert listing["results"][0]["taken_at"].startswith("2025-06-10")
    (progress,) = client.get(f"{URL}/people/{person}/progress/").json()
    area1 = progress["areas"][0]
    assert (area1["first"], area1["latest"], area1["delta"]) == (2, 5, 3)
    assert area1["competences"][0] == {"code": "digcomp-2.2:1.1", "first": 2, "latest": 5, "delta": 3}
    assert client.get(f"{URL}/{data['id']}/").json()["answers"][0]["competence"] == "digcomp-2.2:1.1"


@pytest.mark.parametrize(
    "body",
    [
        {"framework": "digcomp", "answers": {"digcomp-2.2:1.1": 9}},
        {"framework": "digcomp", "answers": {"digcomp-2.2:7.1": 3}},
        {"framework": "digcomp", "answers": {}},
        {"framework": "other", "answers": {"digcomp-2.2:1.1": 3}},
        {"framework": "digcomp", "answers": {"digcomp-2.2:1.1": 3}, "participation": 999999},
    ],
)
def test_invalid_bodies_are_400_and_write_nothing(world, body):
    response = _client(world.user_a).post(f"{URL}/people/{world.part_a.person_id}/", body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()
    assert not SelfAssessment.objects.exists()


def test_list_filters_by_framework(world):
    assessment(world.part_a.person)
    assessment(world.part_a.person, framework="entrecomp")
    client = _client(world.coord_a)
    data = client.get(f"{URL}/people/{world.part_a.person_id}/?framework=entrecomp").json()
    assert [r["framework"] for r in data["results"]] == ["entrecomp"]


def test_project_deltas(world):
    assessment(world.part_a.person, level=2)
    assessment(world.part_a.person, level=6, days=60)
    data = _client(world.coord_a).get(f"{URL}/projects/{world.project.code}/deltas/").json()
    assert data["exact"] and data["partners"] == [world.a.pk]
    assert data["areas"][0]["delta"]["mean_change"] == 4
    assert data["areas"][0]["competences"][0]["delta"]["people"] == 1
    lead = _client(world.lead).get(f"{URL}/projects/{world.project.code}/deltas/?framework=digcomp").json()
    assert not lead["exact"] and lead["areas"][0]["delta"]["people"] is None


def test_project_deltas_as_csv_and_xlsx(world):
    import csv
    import io

    from openpyxl import load_workbook

    assessment(world.part_a.person, level=2)
    assessment(world.part_a.person, level=6, days=60)
    url = f"{URL}/projects/{world.project.code}/deltas"
    response = _client(world.coord_a).get(f"{url}.csv", HTTP_ACCEPT="text/csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="S29999-self-assessments-digcomp.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Framework", "Area", "Competence", "People"]
    area = rows[1]
    assert area[0].startswith("DigComp") and area[2] == "" and area[3] == "1" and area[9] == "4.0"
    assert rows[2][2].startswith("1.1 ")  # the area's first competence
    response = _client(world.lead).get(f"{url}.xlsx", {"framework": "digcomp"})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    first = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[3] == "hidden"  # one person: suppressed for the lead
    assert _client(world.stranger).get(f"{url}.csv").status_code == 404
    assert _client(world.coord_a).get(f"{url}.csv", {"framework": "nope"}).status_code == 400
