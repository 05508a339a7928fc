"""The admin site for platform admins: every model registered, sign-in through allauth, read-only logs,
audited access to personal data, and list pages with a fixed number of queries."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from polku.accounts.models import Membership, User
from polku.activities.models import Activity, Target
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.consent.models import Consent, PrivacyNotice
from polku.imports.models import ImportBatch
from polku.organisations.models import Organisation
from polku.participants.models import EntryData, LanguageSkill, Participation, Person
from polku.projects.models import Partner, Project, WorkPackage
from polku.testing import factories as f

POLKU_MODELS = [
    User, Membership, Organisation, Project, Partner, Activity, Person, Participation,
    PrivacyNotice, Consent, AuditEvent, ImportBatch,
]  # fmt: skip


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.admin)
    return client


def changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def change(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def add_consent(world) -> Consent:
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    return Consent.objects.create(
        person=world.part_a.person, project=world.project, purpose="participation", notice=notice,
        given_at=timezone.now(),
    )  # fmt: skip


def add_import(world) -> ImportBatch:
    return ImportBatch.objects.create(
        partner=world.a, uploaded_by=world.coord_a, filename="list.xlsx",
        rows=[{"values": {"first_name": "Secret"}, "errors": []}],
    )  # fmt: skip


@pytest.mark.parametrize("model", POLKU_MODELS, ids=lambda m: m.__name__)
def test_every_model_is_registered(model):
    assert admin.site.is_registered(model)


def test_inlines_cover_the_parts_of_projects_and_participants():
    def inline_models(model):
        return {inline.model for inline in admin.site._registry[model].inlines}

    assert inline_models(Project) >= {Partner, WorkPackage, Target}
    assert inline_models(Person) >= {LanguageSkill}
    assert inline_models(Participation) == {EntryData}
    assert Membership in inline_models(User)


@pytest.mark.parametrize("model", POLKU_MODELS, ids=lambda m: m.__name__)
def test_list_and_detail_pages_open(admin_client, world, model):
    add_consent(world)
    add_import(world)
    audit_record(
        actor=world.coord_a, action="update", obj=world.part_a.person, person_id=world.part_a.person_id
    )
    f.ActivityFactory(partner=world.a)

    assert admin_client.get(changelist(model)).status_code == 200
    assert admin_client.get(changelist(model), {"q": "a"}).status_code == 200
    assert admin_client.get(change(model.objects.first())).status_code == 200


@pytest.mark.parametrize(
    ("model", "make"),
    [
        (Membership, lambda w, n: f.membership(f.UserFactory(), f.Role.COORDINATOR, partner=w.b)),
        (Partner, lambda w, n: f.PartnerFactory(project=w.project)),
        (Activity, lambda w, n: f.ActivityFactory(partner=w.b)),
        (Participation, lambda w, n: f.ParticipationFactory(partner=w.b)),
        (Consent, lambda w, n: None),
        (
            AuditEvent,
            lambda w, n: audit_record(actor=w.coord_b, action="read", obj=w.part_b, partner_id=w.b.pk),
        ),
        (ImportBatch, lambda w, n: add_import(w)),
        (User, lambda w, n: f.UserFactory()),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_list_pages_do_not_query_per_row(admin_client, world, model, make):
    make(world, 0)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(changelist(model))
    for n in range(5):
        make(world, n)

    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(changelist(model))

    assert response.status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_admin_login_goes_through_allauth(client, db):
    """Django's own admin log-in form would skip rate limits, e-mail verification and the TOTP code."""
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_signed_in_users_without_admin_rights_are_refused(client, world):
    client.force_login(world.coord_a)

    assert client.get("/admin/login/").status_code == 403
    assert client.get("/admin/").status_code == 302  # the admin sends non-staff to its log-in


def test_admin_creates_a_user_by_email_without_username(admin_client, world):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "New.Coordinator@Example.org",
            "full_name": "New Coordinator",
            "preferred_language": "fi",
            "usable_password": "true",
            "password1": "a-long-passphrase-1",
            "password2": "a-long-passphrase-1",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email="new.coordinator@example.org")
    assert user.check_password("a-long-passphrase-1")
    assert not user.is_staff


def test_admin_refuses_a_duplicate_email_in_other_case(admin_client, world):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {"email": "COORD.A@example.org", "usable_password": "false", "preferred_language": "en"},
    )

    assert response.status_code == 200
    assert "A user with this e-mail address already exists." in response.content.decode()


def test_user_list_shows_who_has_an_authenticator_app(admin_client, world):
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(world.coord_a, "JBSWY3DPEHPK3PXP")

    response = admin_client.get(changelist(User))

    users = {u.email: u for u in response.context["cl"].result_list}
    assert users["coord.a@example.org"]._has_totp is True
    assert users["coord.b@example.org"]._has_totp is False


def test_user_change_page_shows_memberships(admin_client, world):
    html = admin_client.get(change(world.coord_a)).content.decode()

    assert "memberships-TOTAL_FORMS" in html
    assert "emailaddress_set-TOTAL_FORMS" in html
    assert 'name="username"' not in html


def test_audit_events_cannot_be_added_changed_or_deleted(admin_client, world):
    event = audit_record(
        actor=world.coord_a, action="read", obj=world.part_a, person_id=world.part_a.person_id
    )
    model_admin = admin.site._registry[AuditEvent]
    request = type("Request", (), {"user": world.admin})()

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, event)
    assert not model_admin.has_delete_permission(request, event)
    assert admin_client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert (
        admin_client.post(
            reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    page = admin_client.get(change(event)).content.decode()
    assert 'name="_save"' not in page
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_imports_are_read_only_and_hide_the_rows(admin_client, world):
    batch = add_import(world)
    model_admin = admin.site._registry[ImportBatch]
    request = type("Request", (), {"user": world.admin})()

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, batch)
    assert not model_admin.has_delete_permission(request, batch)
    page = admin_client.get(change(batch)).content.decode()
    assert "Secret" not in page
    assert "list.xlsx" in page


def test_consents_are_read_only(admin_client, world):
    consent = add_consent(world)
    model_admin = admin.site._registry[Consent]
    request = type("Request", (), {"user": world.admin})()

    assert not model_admin.has_change_permission(request, consent)
    assert not model_admin.has_delete_permission(request, consent)


def test_a_notice_someone_agreed_to_is_frozen(admin_client, world):
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    model_admin = admin.site._registry[PrivacyNotice]
    request = type("Request", (), {"user": world.admin})()
    assert "body" not in model_admin.get_readonly_fields(request, notice)

    add_consent(world)

    assert "body" in model_admin.get_readonly_fields(request, notice)
    assert not model_admin.has_delete_permission(request, notice)


def test_opening_a_person_is_logged(admin_client, world):
    person = world.part_a.person

    admin_client.get(change(person))

    event = AuditEvent.objects.get(action="read", person=person)
    assert event.actor == world.admin
    assert "email" in event.fields


def test_changing_a_person_is_logged_with_the_changed_fields(admin_client, world):
    person = world.part_a.person
    page = admin_client.get(change(person))
    data = {
        **{key: value for key, value in page.context["adminform"].form.initial.items() if value is not None},
        "first_name": "Amina",
        "last_name": "Yusuf-Korhonen",
        "goals": "[]",
        "initial-goals": "[]",  # the hidden initial value the admin sends for fields with a callable default
        "languages-TOTAL_FORMS": "1",
        "languages-INITIAL_FORMS": "0",
        "languages-0-language": "fi",
        "languages-0-level": "B1",
        "participations-TOTAL_FORMS": "1",
        "participations-INITIAL_FORMS": "1",
        "participations-0-id": str(world.part_a.pk),
        "participations-0-person": str(person.pk),
    }
    data.pop("user", None)
    data["user"] = str(person.user_id)

    response = admin_client.post(change(person), data)

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    person.refresh_from_db()
    assert person.last_name == "Yusuf-Korhonen"
    assert "yusuf-korhonen" in person.search_name
    update = AuditEvent.objects.get(action="update", object_type="participants.person")
    assert update.fields == ["last_name"]
    assert update.person_id == person.pk
    skill = AuditEvent.objects.get(action="create", object_type="participants.languageskill")
    assert skill.person_id == person.pk


def test_people_are_not_added_in_the_admin(admin_client, world):
    assert admin_client.get(reverse("admin:participants_person_add")).status_code == 403
    assert admin_client.get(reverse("admin:participants_participation_add")).status_code == 403


def test_deleting_a_participation_is_logged(admin_client, world):
    participation = world.part_b

    response = admin_client.post(
        reverse("admin:participants_participation_delete", args=[participation.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Participation.objects.filter(pk=participation.pk).exists()
    event = AuditEvent.objects.get(action="delete", object_type="participants.participation")
    assert event.partner_id == world.b.pk
    assert event.person_id == world.part_b.person_id


def test_project_inlines_offer_only_the_projects_own_partners(admin_client, world):
    f.PartnerFactory(organisation__name="Elsewhere Ltd")

    html = admin_client.get(change(world.project)).content.decode()

    assert "City of A" in html
    assert "Elsewhere Ltd" not in html
