"""REST API for activities and enrolments."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from polku.activities.models import Activity, ActivityEnrolment
from polku.audit.models import AuditEvent
from polku.testing import factories as f

PROJECT = "/api/v1/projects/S29999"


def api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def enrolments_url(activity) -> str:
    return f"{PROJECT}/activities/{activity.pk}/enrolments/"


def test_coordinator_creates_an_activity_of_own_partner_only(world):
    wp = f.WorkPackageFactory(project=world.project, number=2)
    body = {"partner": world.a.pk, "work_package": wp.pk, "kind": "mooc", "name": "Cloud basics MOOC"}
    response = api(world.coord_a).post(f"{PROJECT}/activities/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json() | {"id": 0} == {
        "id": 0,
        "partner": world.a.pk,
        "partner_name": "City of A",
        "work_package": wp.pk,
        "kind": "mooc",
        "name": "Cloud basics MOOC",
        "starts_on": None,
        "ends_on": None,
        "enrolled": 0,
    }
    response = api(world.coord_a).post(
        f"{PROJECT}/activities/", body | {"partner": world.b.pk}, format="json"
    )
    assert response.status_code == 403
    assert Activity.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"name": ""}, "name"),
        ({"starts_on": "2025-09-01", "ends_on": "2025-08-01"}, "ends_on"),
        ({"work_package": "other"}, "work_package"),
        ({"partner": 999999}, "partner"),
    ],
)
def test_activity_bad_input_returns_field_errors_and_writes_nothing(world, data, field):
    if data.get("work_package") == "other":
        data = {"work_package": f.WorkPackageFactory().pk}
    body = {"partner": world.b.pk, "kind": "training", "name": "Mentoring circle"} | data
    response = api(world.lead).post(f"{PROJECT}/activities/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Activity.objects.exists()


def test_activity_update_and_delete(world):
    activity = f.ActivityFactory(partner=world.a, name="Old")
    client = api(world.coord_a)
    response = client.patch(f"{PROJECT}/activities/{activity.pk}/", {"name": "New"}, format="json")
    assert response.status_code == 200 and response.json()["name"] == "New"
    assert (
        client.patch(
            f"{PROJECT}/activities/{activity.pk}/", {"partner": world.b.pk}, format="json"
        ).status_code
        == 403
    )
    ActivityEnrolment.objects.create(
        activity=activity, participation=world.part_a, enrolled_on=dt.date(2025, 5, 1)
    )
    assert client.delete(f"{PROJECT}/activities/{activity.pk}/").status_code == 400
    activity.enrolments.all().delete()
    assert client.delete(f"{PROJECT}/activities/{activity.pk}/").status_code == 204
    assert not Activity.objects.exists()


def test_enrolled_count_is_for_readers_of_aggregates_and_coordinators(world):
    activity = f.ActivityFactory(partner=world.a)
    ActivityEnrolment.objects.create(
        activity=activity, participation=world.part_b, enrolled_on=dt.date(2025, 5, 1)
    )
    mentor = f.UserFactory(email="mentor@example.org")
    f.membership(mentor, f.Role.MENTOR, project=world.project)
    for user, enrolled in ((world.lead, 1), (world.evaluator, 1), (world.coord_a, 1), (mentor, None)):
        assert api(user).get(f"{PROJECT}/activities/").json()["results"][0]["enrolled"] == enrolled
        assert api(user).get(f"{PROJECT}/activities/{activity.pk}/").json()["enrolled"] == enrolled


def test_coordinator_enrols_idempotently_and_sees_only_own_people(world):
    activity = f.ActivityFactory(partner=world.b)
    api(world.coord_b).post(enrolments_url(activity), {"participations": [world.part_b.pk]}, format="json")
    client = api(world.coord_a)
    body = {"participations": [world.part_a.pk], "enrolled_on": "2025-05-02"}
    response = client.post(enrolments_url(activity), body, format="json")
    assert response.status_code == 201, response.json()
    (row,) = response.json()
    assert (row["participation"], row["person_name"], row["partner_name"], row["enrolled_on"]) == (
        world.part_a.pk,
        "Amina Yusuf",
        "City of A",
        "2025-05-02",
    )
    again = client.post(enrolments_url(activity), body, format="json")
    assert again.status_code == 201 and again.json() == []
    listed = client.get(enrolments_url(activity)).json()
    assert [r["person_name"] for r in listed["results"]] == ["Amina Yusuf"]
    assert api(world.lead).get(enrolments_url(activity)).json()["count"] == 0
    assert api(world.admin).get(enrolments_url(activity)).json()["count"] == 2
    assert AuditEvent.objects.filter(object_type="activities.activityenrolment", action="create").count() == 2


def test_enrolment_refuses_other_partners_and_other_projects(world):
    activity = f.ActivityFactory(partner=world.a)
    client = api(world.coord_a)
    response = client.post(
        enrolments_url(activity), {"participations": [world.part_a.pk, world.part_b.pk]}, format="json"
    )
    assert response.status_code == 403
    other_partner = f.PartnerFactory()
    f.membership(world.coord_a, f.Role.COORDINATOR, partner=other_partner)
    elsewhere = f.ParticipationFactory(partner=other_partner)
    response = client.post(
        enrolments_url(activity), {"participations": [world.part_a.pk, elsewhere.pk]}, format="json"
    )
    assert response.status_code == 400 and "participations" in response.json()
    assert client.post(enrolments_url(activity), {"participations": []}, format="json").status_code == 400
    assert not ActivityEnrolment.objects.exists()


def test_unenrol_by_participation_id(world):
    activity = f.ActivityFactory(partner=world.a)
    ActivityEnrolment.objects.create(
        activity=activity, participation=world.part_a, enrolled_on=dt.date(2025, 5, 1)
    )
    url = f"{enrolments_url(activity)}{world.part_a.pk}/"
    assert api(world.coord_b).delete(url).status_code == 404  # another partner's person
    assert api(world.lead).delete(url).status_code == 404
    assert api(world.coord_a).delete(url).status_code == 204
    assert api(world.coord_a).delete(url).status_code == 404  # no longer enrolled
    assert not ActivityEnrolment.objects.exists()


def test_activity_of_another_project_is_not_found(world):
    elsewhere = f.ActivityFactory()
    assert api(world.admin).get(f"{PROJECT}/activities/{elsewhere.pk}/").status_code == 404
    assert api(world.admin).get(enrolments_url(elsewhere)).status_code == 404


AUTH = 4  # session, user, the user's memberships, their person


def test_activity_list_query_count_is_constant(world, django_assert_num_queries):
    client = api(world.lead)
    for number in (1, 6):
        for _ in range(number):
            f.ActivityFactory(partner=world.b, work_package=f.WorkPackageFactory(project=world.project))
        # project; count, page; aggregate rights
        with django_assert_num_queries(AUTH + 1 + 2):
            response = client.get(f"{PROJECT}/activities/")
        assert response.json()["count"] >= number


def test_enrolment_list_query_count_is_constant(world, django_assert_num_queries):
    activity = f.ActivityFactory(partner=world.a)
    client = api(world.coord_a)
    for number in (1, 6):
        for _ in range(number):
            participation = f.ParticipationFactory(partner=world.a)
            ActivityEnrolment.objects.create(
                activity=activity, participation=participation, enrolled_on=dt.date(2025, 5, 1)
            )
        # project, activity; count, page
        with django_assert_num_queries(AUTH + 2 + 2):
            response = client.get(enrolments_url(activity))
        assert response.json()["count"] in (1, 7)
