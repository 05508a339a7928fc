import datetime as dt

import pytest
from rest_framework.test import APIClient

from polku.audit.models import AuditEvent
from polku.consent.models import Consent
from polku.participants.models import EntryData, Participation, Person
from polku.testing import factories as f

URL = "/api/v1/participants/"


def api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def new_person(world, **changes):
    return {
        "partner": world.a.pk,
        "first_name": "Leila",
        "last_name": "Haddad",
        "email": "Leila@Example.org",
        "preferred_language": "fi",
        "goals": ["entrepreneurship"],
        "languages": [{"language": "ar", "level": "native"}, {"language": "EN", "level": "C1"}],
        "entry_date": "2025-04-01",
        "date_of_birth": "1988-02-29",
        "gender": "woman",
        "labour_status": "unemployed",
        "unemployed_since": "2024-01-15",
        "education": "7",
        "homeless": "declined",
        "consents": ["participation", "communications"],
        "notice_language": "fi",
    } | changes


# --- list -------------------------------------------------------------------------------------


def test_coordinator_lists_own_partners_people_with_filters(world):
    f.ParticipationFactory(
        partner=world.a, person__first_name="Zainab", person__last_name="Ali", exit_date=dt.date(2025, 5, 1)
    )
    client = api(world.coord_a)
    names = lambda params: [p["person"]["first_name"] for p in client.get(URL, params).json()["results"]]  # noqa: E731
    assert sorted(names({})) == ["Amina", "Zainab"]
    assert names({"q": "yus"}) == ["Amina"]
    assert names({"status": "exited"}) == ["Zainab"]
    assert names({"partner": world.b.pk}) == []
    assert sorted(names({"project": world.project.pk, "status": "active"})) == ["Amina"]
    row = client.get(URL, {"q": "amina"}).json()["results"][0]
    assert row["partner_name"] == "City of A" and row["project_code"] == "S29999" and row["is_active"]


def test_bad_filter_is_a_field_error(world):
    response = api(world.coord_a).get(URL, {"status": "sleeping", "project": "x"})
    assert response.status_code == 400
    assert set(response.json()) == {"status", "project"}


def test_lead_and_evaluator_see_no_people(world):
    for user in (world.lead, world.evaluator):
        assert api(user).get(URL).json() == {"count": 0, "next": None, "previous": None, "results": []}


@pytest.mark.parametrize("extra", [0, 12])
def test_list_query_count_is_constant(world, django_assert_num_queries, extra):
    for _ in range(extra):
        f.ParticipationFactory(partner=world.a)
    client = api(world.coord_a)
    # session, user, memberships, person; count and page
    with django_assert_num_queries(6):
        response = client.get(URL)
    assert response.json()["count"] == extra + 1


# --- create -----------------------------------------------------------------------------------


def test_coordinator_registers_a_person(world):
    response = api(world.coord_a).post(URL, new_person(world), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["person"]["email"] == "leila@example.org" and body["channel"] == "coordinator"
    participation = Participation.objects.get(pk=body["id"])
    person = participation.person
    assert sorted(person.languages.values_list("language", "level")) == [("ar", "native"), ("en", "C1")]
    assert person.goals == ["entrepreneurship"]
    entry = participation.entry_data
    assert entry.homeless == "declined" and entry.unemployed_since == dt.date(2024, 1, 15)
    assert entry.recorded_by == world.coord_a
    consents = Consent.objects.filter(person=person)
    assert sorted(consents.values_list("purpose", flat=True)) == ["communications", "participation"]
    assert {c.notice.language for c in consents} == {"fi"}
    assert AuditEvent.objects.filter(person=person, action="create", actor=world.coord_a).count() >= 3


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        # domain rules, from the service
        ({"labour_status": "employed"}, {"unemployed_since"}),
        ({"disability": "yes"}, {"disability"}),
        ({"date_of_birth": "2025-05-01"}, {"date_of_birth"}),
        # formats, from the serializer
        ({"email": "not-an-email", "gender": "other"}, {"email", "gender"}),
        ({"languages": [{"language": "zz", "level": "C1"}]}, {"languages"}),
        (
            {"languages": [{"language": "fi", "level": "A1"}, {"language": "fi", "level": "B1"}]},
            {"languages"},
        ),
        ({"country_of_residence": "XX", "consents": ["spam"]}, {"country_of_residence", "consents"}),
        ({"date_of_birth": None, "partner": 999999}, {"date_of_birth", "partner"}),
    ],
)
def test_create_with_bad_input_returns_field_errors_and_writes_nothing(world, changes, fields):
    events = AuditEvent.objects.count()
    response = api(world.coord_a).post(URL, new_person(world, **changes), format="json")
    assert response.status_code == 400
    assert set(response.json()) - {"detail"} == fields
    assert not Person.objects.filter(email="leila@example.org").exists()
    assert Participation.objects.count() == 2 and AuditEvent.objects.count() == events


def test_same_email_twice_in_a_project_is_an_email_error(world):
    response = api(world.coord_a).post(
        URL, new_person(world, email="participant.b@example.org"), format="json"
    )
    assert response.status_code == 400
    assert "email" in response.json()


def test_coordinator_cannot_register_for_another_partner(world):
    response = api(world.coord_a).post(URL, new_person(world, partner=world.b.pk), format="json")
    assert response.status_code == 403
    assert not Person.objects.filter(email="leila@example.org").exists()


# --- retrieve ---------------------------------------------------------------------------------


def test_staff_read_of_a_participant_is_audited(world):
    response = api(world.coord_a).get(f"{URL}{world.part_a.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["person"]["first_name"] == "Amina" and body["entry_data"]["gender"] == "woman"
    event = AuditEvent.objects.get(action="read")
    assert event.actor == world.coord_a and event.person_id == world.part_a.person_id
    assert event.fields == ["entry_data", "profile"]


def test_participant_reads_own_participation_without_audit_entry(world):
    response = api(world.user_a).get(f"{URL}{world.part_a.pk}/")
    assert response.status_code == 200
    assert not AuditEvent.objects.filter(action="read").exists()
    assert api(world.user_a).get(f"{URL}{world.part_b.pk}/").status_code == 404


def test_other_partners_participation_is_not_found_and_not_audited(world):
    assert api(world.coord_b).get(f"{URL}{world.part_a.pk}/").status_code == 404
    assert not AuditEvent.objects.exists()


# --- exit -------------------------------------------------------------------------------------


def test_coordinator_records_exit(world):
    response = api(world.coord_a).post(
        f"{URL}{world.part_a.pk}/exit/", {"exit_date": "2025-09-30"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["exit_date"] == "2025-09-30" and not response.json()["is_active"]
    world.part_a.refresh_from_db()
    assert world.part_a.exit_date == dt.date(2025, 9, 30)


def test_exit_before_entry_is_a_field_error(world):
    response = api(world.coord_a).post(
        f"{URL}{world.part_a.pk}/exit/", {"exit_date": "2024-01-01"}, format="json"
    )
    assert response.status_code == 400 and "exit_date" in response.json()
    world.part_a.refresh_from_db()
    assert world.part_a.exit_date is None


# --- entry data -------------------------------------------------------------------------------


def test_entry_data_read_by_staff_is_audited(world):
    response = api(world.coord_a).get(f"{URL}{world.part_a.pk}/entry-data/")
    assert response.status_code == 200
    assert response.json()["date_of_birth"] == "1990-05-17"
    assert AuditEvent.objects.filter(
        action="read", person_id=world.part_a.person_id, actor=world.coord_a
    ).exists()


def test_put_replaces_entry_data(world):
    body = {"date_of_birth": "1990-05-17", "gender": "declined", "labour_status": "employed"}
    response = api(world.user_a).put(f"{URL}{world.part_a.pk}/entry-data/", body, format="json")
    assert response.status_code == 200, response.json()
    entry = EntryData.objects.get(participation=world.part_a)
    assert (entry.gender, entry.labour_status) == ("declined", "employed")
    assert entry.education == "" and entry.citizenship == ""  # left out: not answered
    event = AuditEvent.objects.get(action="update", object_type="participants.entrydata")
    assert event.actor == world.user_a
    assert set(event.fields) == {"gender", "labour_status", "education", "citizenship"}


def test_put_breaking_a_rule_changes_nothing(world):
    body = {
        "date_of_birth": "1990-05-17",
        "labour_status": "employed",
        "unemployed_since": "2024-01-01",
        "minority": "yes",
    }
    response = api(world.coord_a).put(f"{URL}{world.part_a.pk}/entry-data/", body, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"detail", "unemployed_since", "minority"}
    assert EntryData.objects.get(participation=world.part_a).labour_status == "unemployed"


# --- person -----------------------------------------------------------------------------------


def test_patch_person_replaces_languages_and_keeps_other_fields(world):
    person = world.part_a.person
    f_languages = [{"language": "so", "level": "native"}, {"language": "fi", "level": "B1"}]
    response = api(world.user_a).patch(
        f"{URL}{world.part_a.pk}/person/", {"municipality": "Espoo", "languages": f_languages}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["languages"] == [
        {"language": "fi", "level": "B1"},
        {"language": "so", "level": "native"},
    ]
    person.refresh_from_db()
    assert person.municipality == "Espoo" and person.first_name == "Amina"
    event = AuditEvent.objects.get(action="update", object_type="participants.person")
    assert set(event.fields) == {"municipality", "languages"}


def test_patch_person_with_bad_level_changes_nothing(world):
    response = api(world.coord_a).patch(
        f"{URL}{world.part_a.pk}/person/",
        {"municipality": "Espoo", "languages": [{"language": "fi", "level": "Z9"}]},
        format="json",
    )
    assert response.status_code == 400 and "languages" in response.json()
    world.part_a.person.refresh_from_db()
    assert world.part_a.person.municipality == ""
