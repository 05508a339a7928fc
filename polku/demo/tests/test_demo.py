"""`polku demo`: the five programmes, their people, working log-ins, determinism, --if-empty."""

from __future__ import annotations

import hashlib
from io import StringIO
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from stdnum.fi import ytunnus

from polku.accounts.access import access_for
from polku.accounts.models import Membership, Role, User
from polku.activities.models import ActivityEnrolment, Target
from polku.consent.models import Consent, PrivacyNotice, Purpose
from polku.demo.builder import DEMO_PASSWORD, FIXED_PARTICIPANTS, STAFF
from polku.demo.programmes import business_id
from polku.organisations.models import Organisation, validate_business_id
from polku.participants.models import DECLINED, EntryData, LanguageSkill, Participation, Person
from polku.projects.models import Project
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def fingerprint() -> str:
    """A digest of everything the seed decides (not primary keys or creation times)."""
    digest = hashlib.sha256()
    row: tuple[Any, ...]
    for row in Person.objects.order_by("email").values_list(
        "first_name",
        "last_name",
        "email",
        "phone",
        "preferred_language",
        "municipality",
        "education_level",
        "education_field",
        "work_history",
        "goals",
        "search_name",
    ):
        digest.update(repr(row).encode())
    for row in Participation.objects.order_by("person__email", "project__code").values_list(
        "person__email",
        "project__code",
        "partner__organisation__name",
        "entry_date",
        "exit_date",
        "channel",
        "entry_data__date_of_birth",
        "entry_data__gender",
        "entry_data__labour_status",
        "entry_data__education",
        "entry_data__citizenship",
        "entry_data__disability",
    ):
        digest.update(repr(row).encode())
    for row in LanguageSkill.objects.order_by("person__email", "language").values_list(
        "person__email", "language", "level"
    ):
        digest.update(repr(row).encode())
    for row in Consent.objects.order_by("person__email", "project__code", "purpose").values_list(
        "person__email", "project__code", "purpose", "notice__language", "given_at", "withdrawn_at"
    ):
        digest.update(repr(row).encode())
    for row in ActivityEnrolment.objects.order_by(
        "participation__person__email", "activity__name"
    ).values_list("participation__person__email", "activity__name", "enrolled_on"):
        digest.update(repr(row).encode())
    return digest.hexdigest()


def fingerprint_of_fresh_run(seed: int) -> str:
    """Load the demo, take its fingerprint and roll back: the next run starts from an empty database."""
    with transaction.atomic():
        run_demo("--participants", "50", "--seed", str(seed))
        value = fingerprint()
        transaction.set_rollback(True)
    assert not Project.objects.exists()
    return value


def test_demo_loads_the_five_programmes():
    output = run_demo("--participants", "50")

    assert "50 participants" in output
    codes = set(Project.objects.values_list("code", flat=True))
    assert {"S21307", "S22729", "S21876", "2019-1-DK01-KA204-060277"} <= codes
    assert Project.objects.filter(programme__contains="Talent Boost").count() == 3
    by_name = {p.name.split(" ")[0]: p for p in Project.objects.all()}
    assert set(by_name) >= {"DuuniPolku", "DiGIMESH", "Crossing", "DigiPoint", "Hidden", "MEGE"}

    digimesh = Project.objects.get(code="S22729")
    assert digimesh.funder == Project.Funder.ESF_2014
    assert (digimesh.starts_on.isoformat(), digimesh.ends_on.isoformat()) == ("2022-01-03", "2023-10-31")
    assert digimesh.work_packages.count() == 5
    assert set(digimesh.partners.values_list("organisation__name", flat=True)) == {
        "Tampereen ammattikorkeakoulu",
        "Turun ammattikorkeakoulu",
        "International Working Women of Finland ry",
    }
    assert digimesh.partners.get(is_lead=True).organisation.name == "Tampereen ammattikorkeakoulu"

    duunipolku = by_name["DuuniPolku"]
    assert duunipolku.partners.count() == 2
    assert duunipolku.partners.get(is_lead=True).organisation.name == "Espoon kaupunki"
    assert duunipolku.activities.filter(kind="peer_group", name__startswith="Mastermind").count() >= 2

    crossing = Project.objects.get(code="2019-1-DK01-KA204-060277")
    assert crossing.funder == Project.Funder.ERASMUS_PLUS
    assert set(crossing.partners.values_list("country", flat=True)) == {"DK", "SE", "FI", "NO"}
    for country in ("SE", "FI", "NO"):
        targets = {
            (t.metric, t.kind, t.value) for t in Target.objects.filter(project=crossing, country=country)
        }
        assert targets == {
            ("activity_participants", "", 25),
            ("events", "dinner", 6),
            ("activities", "mentoring", 10),
        }
        dinners = crossing.activities.filter(
            partner__country=country, name__startswith="Entrepreneurship Networking Dinner"
        )
        assert dinners.count() == 6
        assert dinners.filter(event__kind="dinner", event__speakers__isnull=False).distinct().count() == 6
        assert (
            crossing.activities.filter(partner__country=country, name__startswith="Mentor day").count() == 10
        )

    digipoint = by_name["DigiPoint"]
    assert digipoint.partners.count() == 6
    assert digipoint.partners.get(is_lead=True).organisation.name == "Turun kaupunki"
    assert digipoint.work_packages.count() == 4
    wp2 = {(t.metric, t.kind, t.value) for t in digipoint.targets.filter(work_package__number=2)}
    assert wp2 == {("activity_participants", "", 40), ("outcomes", "studies_started", 15)}

    for project in Project.objects.all():
        notices = PrivacyNotice.objects.filter(project=project, version=1)
        assert sorted(notices.values_list("language", flat=True)) == ["en", "fi", "sv"]
        assert all(project.name in n.body for n in notices)
        assert project.partners.filter(is_lead=True).count() == 1
    assert Organisation.objects.filter(partnerships__registration_open=True).distinct().count() >= 2


def test_demo_participants_are_complete_and_varied():
    run_demo("--participants", "50")

    persons = list(Person.objects.all())
    assert len(persons) == 50
    for person in persons:
        expected = person.search_name
        person.refresh_search_name()
        assert person.search_name == expected
    participations = Participation.objects.select_related("project", "entry_data")
    assert participations.count() >= 50
    for participation in participations:
        entry = participation.entry_data
        assert participation.project.starts_on <= participation.entry_date <= participation.project.ends_on
        assert participation.exit_date is None or participation.entry_date <= participation.exit_date
        assert present(entry.date_of_birth) < participation.entry_date
        assert ("disability" in entry.asked) == participation.project.asks_disability
        assert Consent.objects.filter(
            person=participation.person,
            project=participation.project,
            purpose=Purpose.PARTICIPATION,
            notice__project=participation.project,
        ).exists()
    assert participations.filter(exit_date__isnull=False).exists()
    assert participations.filter(exit_date__isnull=True).exists()
    languages = set(LanguageSkill.objects.values_list("language", flat=True))
    assert len(languages) >= 8 and {"fi", "en"} <= languages
    assert Person.objects.filter(languages__level="native").distinct().count() == 50
    declined = EntryData.objects.filter(gender=DECLINED) | EntryData.objects.filter(homeless=DECLINED)
    assert declined.exists()
    assert ActivityEnrolment.objects.exists()
    assert len({p.last_name for p in persons}) > 20


def test_demo_logins_work():
    output = run_demo("--participants", "50")

    emails = [s.email for s in STAFF] + [f.email for f in FIXED_PARTICIPANTS]
    for email in emails:
        assert email in output
        assert EmailAddress.objects.filter(email=email, verified=True, primary=True).exists()
    assert DEMO_PASSWORD in output

    from django.test import Client

    for email in emails:
        assert Client().login(email=email, password=DEMO_PASSWORD), email

    admin = User.objects.get(email="admin@polku.example")
    assert admin.is_superuser and admin.is_staff
    espoo = User.objects.get(email="coordinator.espoo@polku.example")
    roles = set(
        Membership.objects.filter(user=espoo).values_list(
            "role", "project__code", "partner__organisation__name"
        )
    )
    assert (Role.COORDINATOR, "S21307", "Espoon kaupunki") in roles
    assert (Role.PROJECT_LEAD, "S21307", None) in roles
    access = access_for(espoo)
    assert access.can_view_aggregates(Project.objects.get(code="S21307").pk)
    assert Participation.objects.filter(access.participation_filter()).exists()
    assert Membership.objects.filter(user__email="evaluator@polku.example", role=Role.EVALUATOR).count() == 3
    assert Membership.objects.filter(user__email="mentor@polku.example", role=Role.MENTOR).exists()
    for fixed in FIXED_PARTICIPANTS:
        user = User.objects.get(email=fixed.email)
        person = Person.objects.get(user=user)
        assert person.participations.get().project.code == fixed.code
        assert access_for(user).person_id == person.pk


def test_demo_coordinator_signs_in_through_allauth(client):
    run_demo("--participants", "50")

    response = client.post(
        "/accounts/login/", {"login": "coordinator.tamk@polku.example", "password": DEMO_PASSWORD}
    )

    assert response.status_code == 302
    assert "confirm-email" not in response["Location"]
    assert client.session.get("_auth_user_id") == str(
        User.objects.get(email="coordinator.tamk@polku.example").pk
    )


def test_demo_is_deterministic():
    first = fingerprint_of_fresh_run(7)
    second = fingerprint_of_fresh_run(7)
    other = fingerprint_of_fresh_run(8)

    assert first == second
    assert first != other


def test_if_empty_is_idempotent():
    run_demo("--participants", "50", "--if-empty")
    counts = (Project.objects.count(), Person.objects.count(), User.objects.count(), Consent.objects.count())

    output = run_demo("--participants", "50", "--if-empty")

    assert "already has projects" in output
    assert (
        Project.objects.count(),
        Person.objects.count(),
        User.objects.count(),
        Consent.objects.count(),
    ) == counts
    with pytest.raises(CommandError):
        run_demo("--participants", "50")


def test_every_business_id_validates():
    run_demo("--participants", "50")

    organisations = list(Organisation.objects.all())
    assert len(organisations) >= 14
    for organisation in organisations:
        if organisation.country == "FI":
            assert organisation.business_id, organisation.name
            validate_business_id(organisation.business_id)
            organisation.full_clean()
        else:
            assert organisation.business_id == ""
    ids = [o.business_id for o in organisations if o.business_id]
    assert len(ids) == len(set(ids))


def test_business_id_skips_bases_without_a_valid_check_digit():
    for base in range(1000000, 1000200):
        value = business_id(base)
        assert ytunnus.is_valid(value)
        assert int(value[:7]) >= base


def test_participant_search_has_a_trigram_index_on_postgresql():
    """The migration the benchmark asked for: on PostgreSQL, LIKE '%text%' on search_name is indexed."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("The trigram index exists on PostgreSQL only.")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'participants_person' "
            "AND indexname = 'participants_person_search_trgm'"
        )
        (definition,) = cursor.fetchone()
    assert "gin_trgm_ops" in definition
