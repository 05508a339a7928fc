"""Activity services: who may create, change and remove activities, and enrolment rules."""

import datetime as dt

import pytest

from polku.accounts.access import access_for
from polku.activities import services
from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.activities.selectors import activity_roster, target_progress
from polku.audit.models import AuditEvent
from polku.core.errors import AccessDenied, ApplicationError
from polku.testing import factories as f

MAY = dt.date(2025, 5, 1)


def create(user, world, **kwargs):
    values = {"partner": world.a, "kind": Activity.Kind.TRAINING, "name": "Finnish for work"} | kwargs
    return services.activity_create(access=access_for(user), project=world.project, **values)


# --- activities -------------------------------------------------------------------------------


def test_lead_creates_activities_for_any_partner_a_coordinator_for_their_own(world):
    wp = f.WorkPackageFactory(project=world.project)
    assert create(world.lead, world, partner=world.b, work_package=wp, name="  MOOC  ").name == "MOOC"
    assert create(world.coord_a, world, partner=world.a).partner == world.a
    assert create(world.admin, world, partner=world.b).pk
    with pytest.raises(AccessDenied):
        create(world.coord_a, world, partner=world.b)
    with pytest.raises(AccessDenied):
        create(world.evaluator, world)
    assert Activity.objects.count() == 3


def test_coordinator_cannot_use_a_partner_of_another_project(world):
    elsewhere = f.PartnerFactory()
    f.membership(world.coord_a, f.Role.COORDINATOR, partner=elsewhere)
    with pytest.raises(AccessDenied):
        create(world.coord_a, world, partner=elsewhere)
    with pytest.raises(ApplicationError) as error:
        create(world.lead, world, partner=elsewhere)
    assert set(error.value.field_errors) == {"partner"}
    assert not Activity.objects.exists()


def test_activity_rules_come_back_as_field_errors(world):
    other_wp = f.WorkPackageFactory()
    with pytest.raises(ApplicationError) as error:
        create(
            world.lead,
            world,
            name=" ",
            kind="party",
            work_package=other_wp,
            starts_on=dt.date(2025, 6, 1),
            ends_on=dt.date(2025, 5, 1),
        )
    assert set(error.value.field_errors) == {"name", "kind", "work_package", "ends_on"}
    assert not Activity.objects.exists()


def test_update_checks_both_partners_when_moving_an_activity(world):
    activity = create(world.coord_a, world)
    services.activity_update(access=access_for(world.coord_a), activity=activity, data={"name": "Renamed"})
    with pytest.raises(AccessDenied):
        services.activity_update(
            access=access_for(world.coord_a), activity=activity, data={"partner": world.b}
        )
    with pytest.raises(AccessDenied):
        services.activity_update(access=access_for(world.coord_b), activity=activity, data={"name": "Mine"})
    services.activity_update(access=access_for(world.lead), activity=activity, data={"partner": world.b})
    activity.refresh_from_db()
    assert (activity.name, activity.partner) == ("Renamed", world.b)


def test_activity_with_enrolments_cannot_be_removed(world):
    activity = create(world.coord_a, world)
    enrol(world.coord_a, activity, [world.part_a.pk])
    with pytest.raises(ApplicationError):
        services.activity_delete(access=access_for(world.lead), activity=activity)
    with pytest.raises(AccessDenied):
        services.activity_delete(access=access_for(world.coord_b), activity=activity)
    services.activity_unenrol(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        activity=activity,
        participation_ids=[world.part_a.pk],
    )
    services.activity_delete(access=access_for(world.coord_a), activity=activity)
    assert not Activity.objects.exists()


# --- enrolment --------------------------------------------------------------------------------


def enrol(user, activity, ids, on=MAY):
    return services.activity_enrol(
        actor=user, access=access_for(user), activity=activity, participation_ids=ids, enrolled_on=on
    )


def test_enrolment_is_idempotent_and_audited_per_person(world):
    activity = f.ActivityFactory(partner=world.b)  # another partner's activity takes a's people too
    second = f.ParticipationFactory(partner=world.a)
    created = enrol(world.coord_a, activity, [world.part_a.pk, second.pk])
    assert {e.participation_id for e in created} == {world.part_a.pk, second.pk}
    again = enrol(world.coord_a, activity, [world.part_a.pk], on=dt.date(2025, 6, 1))
    assert again == []
    assert ActivityEnrolment.objects.get(participation=world.part_a).enrolled_on == MAY
    events = AuditEvent.objects.filter(object_type="activities.activityenrolment", action="create")
    assert sorted((e.person_id, e.partner_id, e.actor_id) for e in events) == sorted(
        [
            (world.part_a.person_id, world.a.pk, world.coord_a.pk),
            (second.person_id, world.a.pk, world.coord_a.pk),
        ]
    )


def test_enrolment_refuses_other_partners_and_unknown_ids_and_writes_nothing(world):
    activity = f.ActivityFactory(partner=world.a)
    for ids in ([world.part_a.pk, world.part_b.pk], [world.part_a.pk, 999999]):
        with pytest.raises(AccessDenied):
            enrol(world.coord_a, activity, ids)
    for user in (world.lead, world.evaluator):
        with pytest.raises(AccessDenied):
            enrol(user, activity, [world.part_a.pk])
    assert not ActivityEnrolment.objects.exists()
    assert not AuditEvent.objects.filter(object_type="activities.activityenrolment").exists()


def test_enrolment_refuses_participations_of_another_project(world):
    activity = f.ActivityFactory(partner=world.a)
    other_partner = f.PartnerFactory()
    f.membership(world.coord_a, f.Role.COORDINATOR, partner=other_partner)
    elsewhere = f.ParticipationFactory(
        partner=other_partner, person__first_name="Noor", person__last_name="Ali"
    )
    with pytest.raises(ApplicationError) as error:
        enrol(world.coord_a, activity, [world.part_a.pk, elsewhere.pk])
    assert "Noor Ali" in error.value.field_errors["participations"][0]
    assert not ActivityEnrolment.objects.exists()


def test_enrolment_date_must_fall_within_the_participation(world):
    activity = f.ActivityFactory(partner=world.a)
    left = f.ParticipationFactory(partner=world.a, exit_date=dt.date(2025, 4, 1))
    with pytest.raises(ApplicationError) as error:
        enrol(world.coord_a, activity, [world.part_a.pk, left.pk])
    assert len(error.value.field_errors["enrolled_on"]) == 1  # part_a is fine on 1 May; `left` had left
    with pytest.raises(ApplicationError):
        enrol(world.coord_a, activity, [world.part_a.pk], on=dt.date(2025, 2, 1))  # before the entry date
    with pytest.raises(ApplicationError) as error:
        enrol(world.coord_a, activity, [])
    assert "participations" in error.value.field_errors
    assert not ActivityEnrolment.objects.exists()


def test_unenrol_is_idempotent_audited_and_own_partner_only(world):
    activity = f.ActivityFactory(partner=world.a)
    enrol(world.coord_a, activity, [world.part_a.pk])
    enrol(world.coord_b, activity, [world.part_b.pk])
    with pytest.raises(AccessDenied):
        services.activity_unenrol(
            actor=world.coord_a,
            access=access_for(world.coord_a),
            activity=activity,
            participation_ids=[world.part_b.pk],
        )
    unenrol = {"actor": world.coord_a, "access": access_for(world.coord_a), "activity": activity}
    assert services.activity_unenrol(**unenrol, participation_ids=[world.part_a.pk]) == 1
    assert services.activity_unenrol(**unenrol, participation_ids=[world.part_a.pk]) == 0
    assert list(activity.enrolments.values_list("participation_id", flat=True)) == [world.part_b.pk]
    deleted = AuditEvent.objects.get(object_type="activities.activityenrolment", action="delete")
    assert (deleted.person_id, deleted.partner_id) == (world.part_a.person_id, world.a.pk)


def test_roster_shows_own_people_and_counts_the_others(world):
    activity = f.ActivityFactory(partner=world.a)
    enrol(world.coord_a, activity, [world.part_a.pk])
    enrol(world.coord_b, activity, [world.part_b.pk, f.ParticipationFactory(partner=world.b).pk])
    own = activity_roster(access=access_for(world.coord_a), activity=activity)
    assert [e.participation_id for e in own.enrolments] == [world.part_a.pk]
    assert (own.total, own.others, own.per_partner) == (3, 2, [])
    lead = activity_roster(access=access_for(world.lead), activity=activity)
    assert (lead.enrolments, lead.total) == ([], 3)
    assert lead.per_partner == [("City of A", 1), ("University of B", 2)]
    assert len(activity_roster(access=access_for(world.admin), activity=activity).enrolments) == 3


def test_targets_count_enrolments_and_activities(world):
    wp = f.WorkPackageFactory(project=world.project)
    activity = f.ActivityFactory(partner=world.a, work_package=wp)
    f.ActivityFactory(partner=world.b, work_package=wp)
    f.TargetFactory(
        project=world.project, work_package=wp, metric=Target.Metric.ACTIVITY_PARTICIPANTS, label="In"
    )
    f.TargetFactory(project=world.project, work_package=wp, metric=Target.Metric.ACTIVITIES, label="Held")
    enrol(world.coord_a, activity, [world.part_a.pk])
    enrol(world.coord_b, activity, [world.part_b.pk])
    actual = {row.target.label: row.actual for row in target_progress(project=world.project)}
    assert (actual["In"], actual["Held"]) == (2, 2)
