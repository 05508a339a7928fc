from rest_framework.test import APIClient

from polku.audit.models import AuditEvent
from polku.consent.models import Consent
from polku.consent.services import consent_give, notice_current
from polku.testing import factories as f
from polku.testing.asserts import present


def api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def consents_url(participation) -> str:
    return f"/api/v1/participants/{participation.pk}/consents/"


def test_participant_gives_consents_against_the_notice_they_read(world):
    response = api(world.user_a).post(
        consents_url(world.part_a),
        {"purposes": ["directory", "communications"], "notice_language": "fi"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    given = response.json()
    assert sorted(c["purpose"] for c in given) == ["communications", "directory"]
    assert {c["notice"]["language"] for c in given} == {"fi"} and all(c["is_active"] for c in given)
    # giving again creates nothing new
    again = api(world.user_a).post(consents_url(world.part_a), {"purposes": ["directory"]}, format="json")
    assert again.status_code == 201 and again.json() == []
    assert Consent.objects.filter(person=world.part_a.person).count() == 2


def test_notice_language_falls_back_to_one_the_project_has(world):
    response = api(world.coord_a).post(
        consents_url(world.part_a), {"purposes": ["communications"], "notice_language": "sv"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()[0]["notice"]["language"] == "fi"


def test_unknown_purpose_or_no_purpose_is_a_field_error(world):
    client = api(world.coord_a)
    assert "purposes" in client.post(consents_url(world.part_a), {"purposes": ["spam"]}, format="json").json()
    assert client.post(consents_url(world.part_a), {"purposes": []}, format="json").status_code == 400
    assert not Consent.objects.exists()


def test_project_without_notice_refuses_consent(world):
    participation = f.ParticipationFactory(partner=world.a, project=world.project)
    project = f.ProjectFactory()
    other = f.ParticipationFactory(partner=f.PartnerFactory(project=project), person=participation.person)
    response = api(world.admin).post(consents_url(other), {"purposes": ["participation"]}, format="json")
    assert response.status_code == 400 and "privacy notice" in response.json()["detail"]


def test_list_shows_one_projects_consents_including_withdrawn(world):
    notice = present(notice_current(project_id=world.project.pk, language="en"))
    consent_give(
        actor=None,
        person=world.part_a.person,
        project_id=world.project.pk,
        purposes=["participation", "directory"],
        notice=notice,
    )
    other_project = f.ProjectFactory()
    other_notice = f.PrivacyNoticeFactory(project=other_project)
    consent_give(
        actor=None,
        person=world.part_a.person,
        project_id=other_project.pk,
        purposes=["directory"],
        notice=other_notice,
    )
    directory = Consent.objects.get(project=world.project, purpose="directory")
    api(world.user_a).post(f"/api/v1/consents/{directory.pk}/withdraw/")
    rows = api(world.coord_a).get(consents_url(world.part_a)).json()["results"]
    assert sorted((r["purpose"], r["is_active"]) for r in rows) == [
        ("directory", False),
        ("participation", True),
    ]
    assert {r["project"] for r in rows} == {world.project.pk}


def test_withdraw_records_time_and_audit_and_cannot_repeat(world):
    notice = present(notice_current(project_id=world.project.pk, language="en"))
    (consent,) = consent_give(
        actor=None,
        person=world.part_a.person,
        project_id=world.project.pk,
        purposes=["communications"],
        notice=notice,
    )
    url = f"/api/v1/consents/{consent.pk}/withdraw/"
    response = api(world.coord_a).post(url)
    assert response.status_code == 200
    assert response.json()["withdrawn_at"] is not None and not response.json()["is_active"]
    assert AuditEvent.objects.filter(
        object_type="consent.consent", action="update", actor=world.coord_a
    ).exists()
    assert api(world.user_a).post(url).status_code == 400


def test_coordinator_cannot_reach_consents_of_a_person_only_in_another_project(world):
    # Person a also takes part in another project, through a partner coord_a does not coordinate.
    project = f.ProjectFactory()
    notice = f.PrivacyNoticeFactory(project=project)
    f.ParticipationFactory(partner=f.PartnerFactory(project=project), person=world.part_a.person)
    (consent,) = consent_give(
        actor=None, person=world.part_a.person, project_id=project.pk, purposes=["directory"], notice=notice
    )
    assert api(world.coord_a).post(f"/api/v1/consents/{consent.pk}/withdraw/").status_code == 404
    assert api(world.user_a).post(f"/api/v1/consents/{consent.pk}/withdraw/").status_code == 200


def test_consent_list_query_count_is_constant(world, django_assert_num_queries):
    notice = present(notice_current(project_id=world.project.pk, language="en"))
    consent_give(
        actor=None,
        person=world.part_a.person,
        project_id=world.project.pk,
        purposes=["participation", "directory", "communications"],
        notice=notice,
    )
    client = api(world.coord_a)
    # session, user, memberships, person; the participation; count and page
    with django_assert_num_queries(7):
        response = client.get(consents_url(world.part_a))
    assert response.json()["count"] == 3
