"""Recording and removing self-assessments: access, validation, the stored version, the audit log."""

import datetime as dt

import pytest
from django.utils import timezone

from polku.accounts.access import access_for
from polku.assessments import services
from polku.assessments.models import Answer, SelfAssessment
from polku.audit.models import AuditEvent
from polku.core.errors import AccessDenied, ApplicationError

pytestmark = pytest.mark.django_db


def _create(w, user, person=None, **kwargs):
    return services.assessment_create(
        actor=user,
        access=access_for(user),
        person=person or w.part_a.person,
        framework=kwargs.pop("framework", "digcomp"),
        levels=kwargs.pop("levels", {"digcomp-2.2:1.1": 3, "digcomp-2.2:5.4": None}),
        **kwargs,
    )


def test_participant_records_own_assessment_with_version_and_every_competence(world):
    a = _create(world, world.user_a, note="  Want to learn spreadsheets ")
    assert (a.framework, a.framework_version, a.framework_key) == ("digcomp", "2.2", "digcomp-2.2")
    assert a.source == "self" and a.created_by == world.user_a
    assert a.note == "Want to learn spreadsheets"
    answers = dict(Answer.objects.filter(assessment=a).values_list("competence", "level"))
    assert len(answers) == 21
    assert answers["digcomp-2.2:1.1"] == 3
    assert answers["digcomp-2.2:5.4"] is None and answers["digcomp-2.2:2.1"] is None
    event = AuditEvent.objects.get(action="create", object_type="assessments.selfassessment")
    assert event.person_id == world.part_a.person_id and event.partner_id == world.a.pk
    assert "note" in event.fields


def test_coordinator_fills_it_with_the_person_and_it_is_repeatable(world):
    _create(world, world.coord_a)
    second = _create(world, world.coord_a, participation=world.part_a)
    assert second.source == "with_staff" and second.participation == world.part_a
    assert SelfAssessment.objects.filter(person=world.part_a.person).count() == 2


def test_entrecomp_uses_its_own_codes(world):
    a = _create(world, world.user_a, framework="entrecomp", levels={"entrecomp-1.0:3.5": 8})
    assert a.framework_key == "entrecomp-1.0"
    assert a.answers.count() == 15


@pytest.mark.parametrize("user", ["coord_b", "lead", "evaluator", "stranger", "user_b"])
def test_others_may_not_record(world, user):
    with pytest.raises(AccessDenied):
        _create(world, getattr(world, user))
    assert not SelfAssessment.objects.exists()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"framework": "nope"},
        {"levels": {"digcomp-2.2:9.9": 3}},
        {"levels": {"entrecomp-1.0:1.1": 3}},  # another framework's competence
        {"levels": {"digcomp-2.2:1.1": 9}},
        {"levels": {"digcomp-2.2:1.1": 0}},
        {"levels": {"digcomp-2.2:1.1": None}},  # nothing assessed
        {"levels": {}},
        {"note": "x" * 2001},
        {"taken_at": timezone.now() + dt.timedelta(days=1)},
    ],
)
def test_invalid_input_writes_nothing(world, kwargs):
    with pytest.raises(ApplicationError) as error:
        _create(world, world.user_a, **kwargs)
    assert error.value.message
    assert not SelfAssessment.objects.exists() and not Answer.objects.exists()


def test_participation_must_be_the_persons(world):
    with pytest.raises(ApplicationError):
        _create(world, world.admin, participation=world.part_b)
    assert not SelfAssessment.objects.exists()


def test_delete_is_audited_and_refused_to_others(world):
    a = _create(world, world.user_a)
    with pytest.raises(AccessDenied):
        services.assessment_delete(actor=world.coord_b, access=access_for(world.coord_b), assessment=a)
    services.assessment_delete(actor=world.coord_a, access=access_for(world.coord_a), assessment=a)
    assert not SelfAssessment.objects.exists() and not Answer.objects.exists()
    assert AuditEvent.objects.filter(action="delete", person_id=world.part_a.person_id).exists()
