"""Export, anonymisation, retention and erasure against the real database."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from polku.accounts.access import access_for
from polku.audit.models import AuditEvent
from polku.consent.models import Consent, Purpose
from polku.consent.services import consent_give, notice_current
from polku.core.personal_data import providers
from polku.outcomes.models import ExitRecord, Outcome
from polku.participants.models import EntryData, LanguageSkill, Participation, Person
from polku.privacy.models import ErasureRequest
from polku.privacy.rules import age_on, generalised_birth_date, keep_until
from polku.privacy.selectors import person_export, persons_due
from polku.privacy.services import (
    erasure_request_create,
    erasure_request_handle,
    person_anonymise,
    retention_run,
)
from polku.testing import factories as f
from polku.testing.asserts import present


def _facts(person: Person) -> list[tuple]:
    """What the indicators read: every participation's entry facts, age at entry, exits and outcomes."""
    rows = []
    for p in Participation.objects.filter(person=person).select_related("entry_data").order_by("pk"):
        e = p.entry_data
        rows.append(
            (
                p.project_id,
                p.partner_id,
                p.entry_date,
                p.exit_date,
                p.channel,
                age_on(e.date_of_birth, p.entry_date) if e.date_of_birth else None,
                *(getattr(e, item) for item in EntryData.ITEMS if item != "date_of_birth"),
                tuple(e.asked),
                tuple(ExitRecord.objects.filter(participation=p).values_list("status", "status_on")),
                tuple(Outcome.objects.filter(participation=p).values_list("kind", "date")),
            )
        )
    return rows


def test_registry_finds_the_foundation_and_outcomes_by_module_name():
    names = {p.name for p in providers()}
    assert {"foundation", "outcomes"} <= names


@pytest.mark.parametrize(
    ("birth", "entries"),
    [
        (dt.date(1990, 5, 20), [dt.date(2025, 5, 10)]),  # birthday not yet reached in the entry month
        (dt.date(2000, 2, 29), [dt.date(2021, 2, 28), dt.date(2024, 2, 29)]),
        (dt.date(1970, 12, 31), [dt.date(2025, 1, 1), dt.date(2026, 12, 30), dt.date(2027, 12, 31)]),
    ],
)
def test_generalised_birth_date_keeps_every_age_at_entry(birth, entries):
    generalised = generalised_birth_date(birth, entries)
    assert [age_on(generalised, e) for e in entries] == [age_on(birth, e) for e in entries]
    assert generalised >= birth


def test_keep_until_is_the_end_of_the_year_plus_the_period():
    assert keep_until(last_payment_on=dt.date(2027, 3, 15), retention_years=5) == dt.date(2032, 12, 31)


def test_export_has_every_section_and_is_json(world):
    person = world.part_a.person
    LanguageSkill.objects.create(person=person, language="so", level="native")
    Outcome.objects.create(
        participation=world.part_a, kind="job", date=dt.date(2025, 6, 1), source="coordinator"
    )
    document = person_export(person=person)
    json.dumps(document)
    sections = document["sections"]
    assert sections["participants.person"]["records"][0]["first_name"] == "Amina"
    assert sections["participants.languages"]["records"] == [{"language": "so", "level": "native"}]
    assert sections["outcomes.outcomes"]["records"][0]["kind"] == "job"
    assert "accounts.user" in sections and "audit.events" in sections


def test_anonymisation_removes_identifiers_and_keeps_indicator_facts(world):
    person = world.part_a.person
    entry = world.part_a.entry_data
    entry.date_of_birth = dt.date(1990, 5, 20)
    entry.save()
    Outcome.objects.create(
        participation=world.part_a,
        kind="company_founded",
        date=dt.date(2025, 6, 1),
        business_id="1234567-8",
        description="Amina's bakery",
        source="coordinator",
    )
    ExitRecord.objects.create(participation=world.part_a, status="employed", source="coordinator")
    before = _facts(person)
    counts_before = (Participation.objects.count(), EntryData.objects.count(), Consent.objects.count())
    changed = person_anonymise(person=person)
    person.refresh_from_db()
    assert changed >= 2
    assert person.anonymised_at is not None
    assert (person.email, person.phone, person.user_id) == ("", "", None)
    assert "amina" not in person.search_name and "Amina" not in person.full_name
    assert _facts(person) == before
    assert (
        Participation.objects.count(),
        EntryData.objects.count(),
        Consent.objects.count(),
    ) == counts_before
    outcome = Outcome.objects.get(participation=world.part_a)
    assert (outcome.description, outcome.business_id) == ("", "")
    world.user_a.refresh_from_db()
    assert not world.user_a.is_active and "participant.a" not in world.user_a.email
    event = AuditEvent.objects.filter(person=person).latest("id")
    assert event.fields == ["anonymised"] and event.actor_label == "system"
    assert person_anonymise(person=person) == 0  # idempotent


def test_retention_anonymises_only_people_whose_projects_are_all_due(world):
    world.project.last_payment_on = dt.date(2020, 6, 1)
    world.project.save()
    other = f.PartnerFactory(project=f.ProjectFactory(ends_on=dt.date(2030, 12, 31)))
    f.ParticipationFactory(person=world.part_b.person, partner=other, project=other.project)
    today = dt.date(2026, 1, 1)
    assert list(persons_due(today=today)) == [world.part_a.person]
    dry = retention_run(today=today, dry_run=True)
    assert (dry.people, dry.per_project) == (1, {"S29999": 1})
    assert Person.objects.filter(anonymised_at__isnull=False).count() == 0
    world.project.legal_hold = True
    world.project.save()
    assert retention_run(today=today).people == 0
    world.project.legal_hold = False
    world.project.save()
    assert retention_run(today=today).people == 1
    assert retention_run(today=today).people == 0


def test_retention_command_prints_counts_without_names(world):
    world.project.last_payment_on = dt.date(2019, 1, 1)
    world.project.save()
    out = StringIO()
    call_command("privacy", "retention", "--dry-run", "--today", "2026-01-01", stdout=out)
    text = out.getvalue()
    assert "S29999: 2 people would be anonymised" in text and "Amina" not in text
    assert Person.objects.filter(anonymised_at__isnull=False).count() == 0


def _consents(world, purposes):
    notice = present(notice_current(project_id=world.project.pk, language="en"))
    return consent_give(
        actor=None, person=world.part_a.person, project_id=world.project.pk, purposes=purposes, notice=notice
    )


def test_erasure_erases_optional_data_and_records_what_is_kept(world):
    person = world.part_a.person
    person.phone = "+358 40 1"
    person.work_history = "Baker"
    person.save()
    LanguageSkill.objects.create(person=person, language="fi", level="B1")
    _consents(world, [Purpose.PARTICIPATION, Purpose.DIRECTORY])
    request = erasure_request_create(
        actor=world.user_a, access=access_for(world.user_a), person=person, scope=ErasureRequest.Scope.ALL
    )
    assert not request.on_behalf
    with pytest.raises(Exception, match="already waiting"):
        erasure_request_create(
            actor=world.user_a, access=access_for(world.user_a), person=person, scope="optional"
        )
    handled = erasure_request_handle(actor=world.coord_a, access=access_for(world.coord_a), request=request)
    person.refresh_from_db()
    assert handled.status == ErasureRequest.Status.PARTLY
    assert (person.phone, person.work_history, person.first_name) == ("", "", "Amina")
    assert not LanguageSkill.objects.filter(person=person).exists()
    active = set(
        Consent.objects.filter(person=person, withdrawn_at__isnull=True).values_list("purpose", flat=True)
    )
    assert active == {Purpose.PARTICIPATION}
    assert "funder" in handled.reason and handled.kept


def test_erasure_refusal_needs_a_reason_and_other_partners_cannot_handle(world):
    request = erasure_request_create(
        actor=world.coord_a, access=access_for(world.coord_a), person=world.part_a.person, scope="optional"
    )
    assert request.on_behalf
    with pytest.raises(Exception, match="coordinator of the person"):
        erasure_request_handle(actor=world.coord_b, access=access_for(world.coord_b), request=request)
    from polku.core.errors import ApplicationError

    with pytest.raises(ApplicationError):
        erasure_request_handle(
            actor=world.coord_a, access=access_for(world.coord_a), request=request, refuse=True
        )
    handled = erasure_request_handle(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        request=request,
        refuse=True,
        reason="Open claim",
    )
    assert handled.status == ErasureRequest.Status.REFUSED and handled.reason == "Open claim"


def test_participant_downloads_their_data_and_a_coordinator_export_is_audited(client, world):
    client.force_login(world.user_a)
    page = client.get(reverse("privacy:my_data"))
    assert b"Amina" in page.content
    download = client.get(reverse("privacy:my_data_json"))
    assert download["Content-Disposition"].startswith("attachment")
    assert (
        json.loads(download.content)["sections"]["participants.person"]["records"][0]["last_name"] == "Yusuf"
    )
    client.force_login(world.coord_a)
    client.get(reverse("privacy:participant_data_json", args=[world.part_a.pk]))
    assert AuditEvent.objects.filter(
        person=world.part_a.person, action="export", actor=world.coord_a
    ).exists()


def test_lead_changes_retention_settings_on_the_page(client, world):
    client.force_login(world.lead)
    url = reverse("privacy:project_retention", args=[world.project.code])
    response = client.post(url, {"retention_years": 10, "last_payment_on": "2028-02-01", "legal_hold": "on"})
    assert response.status_code == 302
    world.project.refresh_from_db()
    assert (world.project.retention_years, world.project.legal_hold) == (10, True)


def test_erasure_list_queries_do_not_grow_with_requests(client, world, django_assert_max_num_queries):
    for _ in range(5):
        person = f.ParticipationFactory(partner=world.a).person
        ErasureRequest.objects.create(person=person, scope=ErasureRequest.Scope.OPTIONAL)
    client.force_login(world.coord_a)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("privacy:erasure_list"))
    assert len(response.context["pending"]) == 5


def test_erasing_everything_after_retention_anonymises_the_person(world):
    world.project.last_payment_on = dt.date(2015, 1, 1)
    world.project.ends_on = dt.date(2027, 12, 31)
    world.project.save()
    world.project.refresh_from_db()
    assert persons_due(today=timezone.localdate()).filter(pk=world.part_a.person_id).exists()
    request = erasure_request_create(
        actor=world.user_a, access=access_for(world.user_a), person=world.part_a.person, scope="all"
    )
    handled = erasure_request_handle(actor=world.coord_a, access=access_for(world.coord_a), request=request)
    person = Person.objects.get(pk=world.part_a.person_id)
    assert handled.status == ErasureRequest.Status.DONE
    assert person.anonymised_at is not None and person.email == ""
