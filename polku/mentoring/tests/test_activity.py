"""A mentoring programme is one of its project's activities (decision 0057): created with it, its mentees
enrolled when their pair becomes active (and kept when it ends), so that activity targets count them; and
mentoring pairs are a target metric of their own."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from polku.accounts.access import access_for
from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.activities.selectors import target_progress
from polku.activities.services import activity_delete
from polku.audit.models import AuditEvent
from polku.core.errors import ApplicationError
from polku.mentoring import services
from polku.mentoring.models import Mentorship
from polku.mentoring.tests import factories as mf
from polku.testing import factories as f


def _access(user):
    return access_for(type(user).objects.get(pk=user.pk))


def test_a_programme_is_created_with_its_activity_and_keeps_its_name_and_dates(world):
    programme = services.programme_create(
        access=_access(world.coord_a),
        project=world.project,
        partner=world.a,
        name=" Espoo mentors ",
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
    )
    activity = programme.activity
    assert (activity.project, activity.partner, activity.kind, activity.name) == (
        world.project,
        world.a,
        Activity.Kind.MENTORING,
        "Espoo mentors",
    )
    assert (activity.starts_on, activity.ends_on) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    services.programme_update(
        access=_access(world.coord_a),
        programme=programme,
        data={"name": "Espoo mentor network", "ends_on": dt.date(2027, 6, 30)},
    )
    activity.refresh_from_db()
    assert (activity.name, activity.ends_on) == ("Espoo mentor network", dt.date(2027, 6, 30))


def test_a_programme_of_the_whole_project_is_an_activity_of_the_whole_project(world):
    programme = services.programme_create(
        access=_access(world.lead),
        project=world.project,
        partner=None,
        name="Mentor circle",
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
    )
    assert programme.activity.partner is None and programme.activity.project == world.project


def _offer(world, mentee_participation, *, kind="career"):
    """A pending pair of `mentee_participation` (a mentee of partner a's programme) and a new mentor."""
    programme = mf.ProgrammeFactory(partner=world.a)
    mentee = mf.MenteeRequestFactory(programme=programme, participation=mentee_participation, kind=kind)
    mentor = mf.mentor(world.a, email=f"m{mentee.pk}@example.org")
    mentorship = mf.MentorshipFactory(mentee=mentee, mentor=mentor)
    return programme, mentorship, mentor


def test_the_mentee_is_enrolled_when_both_accept_and_stays_after_the_pair_closes(world):
    programme, mentorship, mentor = _offer(world, world.part_a)
    services.mentorship_respond(
        actor=world.user_a, access=_access(world.user_a), mentorship=mentorship, accept=True
    )
    assert not ActivityEnrolment.objects.exists()  # the mentor has not answered: not a pair yet
    mentorship = services.mentorship_respond(
        actor=mentor.user, access=_access(mentor.user), mentorship=mentorship, accept=True
    )
    (enrolment,) = ActivityEnrolment.objects.all()
    assert (enrolment.activity, enrolment.participation) == (programme.activity, world.part_a)
    assert enrolment.enrolled_on == timezone.localdate()
    assert AuditEvent.objects.filter(
        object_type="activities.activityenrolment", object_id=str(enrolment.pk), action="create"
    ).exists()
    services.mentorship_close(actor=world.coord_a, access=_access(world.coord_a), mentorship=mentorship)
    assert Mentorship.objects.get(pk=mentorship.pk).status == Mentorship.Status.CLOSED
    assert list(ActivityEnrolment.objects.all()) == [enrolment]  # they took part


def test_a_declined_offer_enrols_nobody_and_a_second_pair_does_not_enrol_twice(world):
    programme, declined, mentor = _offer(world, world.part_a)
    services.mentorship_respond(
        actor=mentor.user, access=_access(mentor.user), mentorship=declined, accept=False
    )
    assert not ActivityEnrolment.objects.exists()
    other = mf.mentor(world.a, email="second@example.org")
    for _ in range(2):  # a second pair of the same mentee in the same programme, one after the other
        pair = mf.MentorshipFactory(mentee=declined.mentee, mentor=other)
        for side in (world.user_a, other.user):
            pair = services.mentorship_respond(actor=side, access=_access(side), mentorship=pair, accept=True)
        services.mentorship_close(actor=world.coord_a, access=_access(world.coord_a), mentorship=pair)
    assert ActivityEnrolment.objects.filter(activity=programme.activity).count() == 1


def test_activity_targets_count_mentees_of_active_pairs(world):
    pending = mf.MentorshipFactory(mentee__programme__partner=world.a)
    active = mf.active(mentee__programme=pending.programme, mentee__participation=world.part_a)
    ActivityEnrolment.objects.create(
        activity=active.programme.activity, participation=world.part_a, enrolled_on=dt.date(2025, 5, 1)
    )
    f.TargetFactory(project=world.project, metric="activity_participants", label="people", partner=world.a)
    f.TargetFactory(project=world.project, metric="activities", kind="mentoring", label="programmes")
    f.TargetFactory(project=world.project, metric="activities", kind="peer_group", label="rounds")
    counts = {row.target.label: row.actual for row in target_progress(project=world.project)}
    assert counts == {"people": 1, "programmes": 1, "rounds": 0}


def test_mentoring_pairs_count_pairs_that_started_within_scope(world):
    se = f.PartnerFactory(project=world.project, country="SE", organisation__name="Malmö")
    whole = mf.ProgrammeFactory(project=world.project, partner=None)
    # two pairs of a (one closed since), one of the Swedish partner in the whole project's programme
    mf.active(mentee__programme__partner=world.a, mentee__kind="career")
    closed = mf.active(mentee__programme__partner=world.a, mentee__kind="sparring")
    Mentorship.objects.filter(pk=closed.pk).update(
        status=Mentorship.Status.CLOSED, closed_on=dt.date(2025, 9, 1)
    )
    mf.active(
        mentee__programme=whole,
        mentee__participation=f.ParticipationFactory(partner=se),
        mentee__kind="career",
    )
    # not pairs: waiting for answers, declined; and another project's pair
    mf.MentorshipFactory(mentee__programme__partner=world.a)
    mf.MentorshipFactory(mentee__programme__partner=world.b, status=Mentorship.Status.DECLINED)
    mf.active()
    for label, kind, where in [
        ("all", "", {}),
        ("career", "career", {}),
        ("a", "", {"partner": world.a}),
        ("b", "", {"partner": world.b}),
        ("Sweden", "", {"country": "SE"}),
    ]:
        f.TargetFactory(
            project=world.project, metric=Target.Metric.MENTORING_PAIRS, kind=kind, label=label, **where
        )
    counts = {row.target.label: row.actual for row in target_progress(project=world.project)}
    assert counts == {"all": 3, "career": 2, "a": 2, "b": 0, "Sweden": 1}


def test_the_activity_page_links_to_the_programme_for_those_who_run_it(client, world):
    programme = mf.ProgrammeFactory(partner=world.a, name="Espoo mentors")
    page = reverse("activities:detail", args=[world.project.code, programme.activity.pk])
    programme_url = reverse("mentoring:programme", args=[programme.pk])
    client.force_login(world.coord_a)
    html = client.get(page).content.decode()
    assert f'<a href="{programme_url}">Espoo mentors</a>' in html
    client.force_login(world.evaluator)
    html = client.get(page).content.decode()
    assert "This activity is the mentoring programme Espoo mentors." in html and programme_url not in html


def test_a_programmes_activity_is_not_removed_on_its_own(world):
    programme = mf.ProgrammeFactory(partner=world.a)
    with pytest.raises(ApplicationError, match="mentoring programme or a peer-group round"):
        activity_delete(access=_access(world.coord_a), activity=programme.activity)
    assert Activity.objects.filter(pk=programme.activity.pk).exists()
    programme.delete()  # without its programme it may go
    activity_delete(access=_access(world.coord_a), activity=programme.activity)
    assert not Activity.objects.exists()


def test_the_api_lists_a_whole_project_programmes_activity_without_a_partner_and_keeps_it(world):
    programme = mf.ProgrammeFactory(project=world.project, partner=None, name="Mentor circle")
    client = APIClient()
    client.force_login(world.lead)
    base = f"/api/v1/projects/{world.project.code}/activities/"
    rows = {row["id"]: row for row in client.get(base).json()["results"]}
    row = rows[programme.activity_id]
    assert (row["partner"], row["partner_name"], row["kind"], row["name"]) == (
        None,
        None,
        "mentoring",
        "Mentor circle",
    )
    assert client.delete(f"{base}{programme.activity_id}/").status_code == 400
    assert Activity.objects.filter(pk=programme.activity_id).exists()
    body = client.get(f"/api/v1/mentoring/programmes/{programme.pk}/").json()
    assert body["activity"] == programme.activity_id
