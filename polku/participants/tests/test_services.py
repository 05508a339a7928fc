import datetime as dt

import pytest

from polku.accounts.access import access_for
from polku.audit.models import AuditEvent
from polku.consent.models import Consent
from polku.core.errors import AccessDenied, ApplicationError
from polku.participants.models import EntryData, Participation, Person
from polku.participants.services import Registration, entry_data_update, participant_register
from polku.testing import factories as f


def _registration(**entry):
    return Registration(
        person={
            "first_name": "Leila",
            "last_name": "Haddad",
            "email": "Leila@Example.org",
            "preferred_language": "fi",
        },
        entry={
            "date_of_birth": dt.date(1988, 2, 29),
            "gender": "woman",
            "labour_status": "unemployed",
            "unemployed_since": dt.date(2024, 1, 15),
            "education": "7",
            "citizenship": "non_eu",
            "foreign_background": "yes",
            "homeless": "declined",
            "rural": "no",
            **entry,
        },
        languages=[("ar", "native"), ("en", "C1"), ("fi", "A2")],
        entry_date=dt.date(2025, 4, 1),
        notice_language="fi",
    )


def test_coordinator_registers_participant_with_entry_data_consent_and_audit(world):
    access = access_for(world.coord_a)
    participation = participant_register(
        actor=world.coord_a,
        access=access,
        partner=world.a,
        registration=_registration(),
        channel="coordinator",
    )
    person = participation.person
    assert person.email == "leila@example.org"
    assert sorted(person.languages.values_list("language", "level")) == [
        ("ar", "native"),
        ("en", "C1"),
        ("fi", "A2"),
    ]
    entry = EntryData.objects.get(participation=participation)
    assert entry.homeless == "declined"
    assert "disability" not in entry.asked and "gender" in entry.asked
    consent = Consent.objects.get(person=person)
    assert consent.notice.language == "fi" and consent.purpose == "participation"
    actions = set(AuditEvent.objects.filter(person=person).values_list("object_type", "action"))
    assert ("participants.entrydata", "create") in actions and ("participants.person", "create") in actions


def test_coordinator_cannot_register_for_another_partner(world):
    with pytest.raises(AccessDenied):
        participant_register(
            actor=world.coord_a,
            access=access_for(world.coord_a),
            partner=world.b,
            registration=_registration(),
            channel="coordinator",
        )
    assert not Person.objects.filter(email="leila@example.org").exists()


def test_bad_entry_data_is_rejected_and_nothing_is_written(world):
    with pytest.raises(ApplicationError) as error:
        participant_register(
            actor=world.coord_a,
            access=access_for(world.coord_a),
            partner=world.a,
            registration=_registration(labour_status="employed", disability="yes"),
            channel="coordinator",
        )
    assert set(error.value.field_errors) == {"unemployed_since", "disability"}
    assert not Person.objects.filter(email="leila@example.org").exists()
    assert Participation.objects.count() == 2


def test_same_person_twice_in_one_project_is_refused(world):
    access = access_for(world.coord_a)
    participant_register(
        actor=world.coord_a,
        access=access,
        partner=world.a,
        registration=_registration(),
        channel="coordinator",
    )
    with pytest.raises(ApplicationError):
        participant_register(
            actor=world.coord_a,
            access=access,
            partner=world.a,
            registration=_registration(),
            channel="coordinator",
        )


def test_participant_corrects_own_entry_data_but_not_someone_elses(world):
    own = access_for(world.user_a)
    entry_data_update(actor=world.user_a, access=own, participation=world.part_a, data={"gender": "declined"})
    world.part_a.entry_data.refresh_from_db()
    assert world.part_a.entry_data.gender == "declined"
    event = AuditEvent.objects.filter(object_type="participants.entrydata", action="update").get()
    assert event.fields == ["gender"] and event.actor == world.user_a
    with pytest.raises(AccessDenied):
        entry_data_update(actor=world.user_a, access=own, participation=world.part_b, data={"gender": "man"})


def test_person_known_from_another_project_keeps_their_languages(world):
    other = f.PartnerFactory(project=f.ProjectFactory())
    f.PrivacyNoticeFactory(project=other.project)
    f.membership(world.coord_a, f.Role.COORDINATOR, partner=other)
    access = access_for(world.coord_a)
    participant_register(
        actor=world.coord_a,
        access=access,
        partner=world.a,
        registration=_registration(),
        channel="coordinator",
    )
    again = _registration()
    again.languages = [("sv", "A1")]
    participation = participant_register(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        partner=other,
        registration=again,
        channel="coordinator",
    )
    assert sorted(participation.person.languages.values_list("language", flat=True)) == [
        "ar",
        "en",
        "fi",
        "sv",
    ]
    assert participation.person.participations.count() == 2
