"""The competence API: profile read, suggestions from text and CV, decisions, languages, education, work."""

import pytest
from rest_framework.test import APIClient

from polku.audit.models import AuditEvent
from polku.competences.models import ProfileSkill
from polku.competences.tests import factories as cf
from polku.esco.tests import factories as ef

pytestmark = pytest.mark.django_db


def _client(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


@pytest.mark.usefixtures("esco_empty")  # only the concepts the test builds
def test_suggest_decide_and_read_the_profile(world):
    cf.ranker_concepts()
    base = f"/api/v1/competences/people/{world.part_a.person_id}"
    client = _client(world.user_a)

    result = client.post(f"{base}/suggestions/", {"text": cf.ENGLISH_TEXT, "language": "en"}, format="json")
    assert result.status_code == 200, result.content
    assert result.json()["skills"] >= 4 and result.json()["job"] is None

    profile = client.get(f"{base}/").json()
    suggestions = {s["uri"]: s for s in profile["suggestions"]}
    assert cf.FORKLIFT in suggestions and "forklift" in suggestions[cf.FORKLIFT]["evidence"][0]["text"]
    assert profile["skills"] == []
    decided = client.post(
        f"{base}/skills/decide/",
        {"ids": [suggestions[cf.FORKLIFT]["id"]], "decision": "confirm"},
        format="json",
    )
    assert decided.json() == {"changed": 1}
    profile = client.get(f"{base}/").json()
    assert [s["uri"] for s in profile["skills"]] == [cf.FORKLIFT]
    assert profile["occupation_suggestions"][0]["uri"] == cf.FORKLIFT_OPERATOR


def test_cv_upload_multipart_and_errors(world):
    cf.ranker_concepts()
    base = f"/api/v1/competences/people/{world.part_a.person_id}"
    client = _client(world.coord_a)
    from django.core.files.uploadedfile import SimpleUploadedFile

    ok = client.post(
        f"{base}/cv/", {"file": SimpleUploadedFile("cv", cf.docx_bytes(cf.ENGLISH_TEXT)), "language": "en"}
    )
    assert ok.status_code == 200, ok.content
    empty = client.post(f"{base}/cv/", {"file": SimpleUploadedFile("cv.pdf", cf.pdf_bytes(""))})
    assert empty.status_code == 400 and "scanned" in empty.json()["file"][0]
    assert AuditEvent.objects.filter(person_id=world.part_a.person_id, actor=world.coord_a).exists()


def test_languages_education_and_occupations(world):
    base = f"/api/v1/competences/people/{world.part_a.person_id}"
    client = _client(world.user_a)
    r = client.post(f"{base}/languages/", {"language": "fi", "level": "B1", "reading": "B2"}, format="json")
    assert r.json()["reading"] == "B2"
    assert (
        client.post(f"{base}/languages/", {"language": "fi", "level": "Q"}, format="json").status_code == 400
    )
    r = client.post(
        f"{base}/education/", {"level": "6", "isced_field": "06", "year_completed": 2014}, format="json"
    )
    assert r.status_code == 201 and r.json()["isced_field"] == "06"
    cook = ef.occupation("cook", essential=(ef.skill("prepare food"),))
    r = client.post(f"{base}/occupations/", {"occupation": cook.uri, "employer": "Hotel"}, format="json")
    assert r.status_code == 201 and r.json()["label"] == "cook"
    assert ProfileSkill.objects.filter(person=world.part_a.person, status="suggested").count() == 1
    r = client.post(f"{base}/occupations/", {"occupation": "http://nope"}, format="json")
    assert r.status_code == 400
    added = client.post(f"{base}/skills/", {"uri": ef.skill("welding").uri}, format="json")
    assert added.status_code == 201 and added.json()["status"] == "confirmed"


def test_the_profile_pdf_through_the_api(world):
    import io

    from pypdf import PdfReader

    person = world.part_a.person
    person.first_name, person.last_name = "Åsa", "Öberg"
    person.save()
    ProfileSkill.objects.create(person=person, skill=ef.skill("customer service"), status="confirmed")
    url = f"/api/v1/competences/people/{person.pk}/profile.pdf"
    response = _client(world.coord_a).get(url, HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="competences-{person.pk}.pdf"'
    assert response.content.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Åsa Öberg" in text and "customer service" in text
    # a staff read of the profile is audited, as on the page
    assert AuditEvent.objects.filter(person_id=person.pk, actor=world.coord_a).exists()
    # the other partner's coordinator does not learn the person exists
    assert _client(world.coord_b).get(url).status_code == 404
    assert _client(world.user_a).get(url).status_code == 200
