"""Pages of targets and activities: the lead edits the targets, coordinators run activities and enrol
their people, and a participant's pages list their activities. Bad input answers 400 with field errors and
writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.audit.models import AuditEvent
from polku.testing import factories as f

CODE = "S29999"


def url(name, *args):
    return reverse(name if ":" in name else f"activities:{name}", args=[CODE, *args])


# --- targets ----------------------------------------------------------------------------------


def test_lead_adds_edits_and_removes_a_target(client, world):
    wp = f.WorkPackageFactory(project=world.project)
    client.force_login(world.lead)
    data = {
        "label": "Trained",
        "metric": "activity_participants",
        "value": "30",
        "work_package": wp.pk,
        "partner": world.a.pk,
        "country": "FI",
    }
    assert client.post(url("target_create"), data).status_code == 302
    target = Target.objects.get(label="Trained")
    assert (target.work_package, target.partner, target.country, target.value) == (wp, world.a, "FI", 30)
    edit = client.get(url("target_edit", target.pk))
    assert edit.context["form"].initial["label"] == "Trained"
    assert (
        client.post(url("target_edit", target.pk), data | {"value": "45", "partner": ""}).status_code == 302
    )
    target.refresh_from_db()
    assert (target.value, target.partner) == (45, None)
    assert client.post(url("target_delete", target.pk)).status_code == 302
    assert not Target.objects.exists()


def test_target_bad_input_answers_400_and_writes_nothing(client, world):
    client.force_login(world.lead)
    response = client.post(url("target_create"), {"label": "", "metric": "nonsense", "value": "-1"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"label", "metric", "value"}
    other_wp = f.WorkPackageFactory()  # another project's: not even a choice
    response = client.post(
        url("target_create"),
        {"label": "X", "metric": "participants", "value": "1", "work_package": other_wp.pk},
    )
    assert response.status_code == 400 and "work_package" in response.context["form"].errors
    assert not Target.objects.exists()


# --- activities -------------------------------------------------------------------------------


def activity_data(partner, **overrides):
    return {"name": "Finnish for work", "kind": "training", "partner": partner.pk} | overrides


def test_coordinator_creates_and_edits_an_activity_of_their_partner(client, world):
    client.force_login(world.coord_a)
    form = client.get(url("create")).context["form"]
    assert list(form.fields["partner"].queryset) == [world.a]
    response = client.post(url("create"), activity_data(world.a, starts_on="2025-09-01"))
    activity = Activity.objects.get()
    assert response.status_code == 302 and response.url == url("detail", activity.pk)
    assert (activity.partner, activity.starts_on) == (world.a, dt.date(2025, 9, 1))
    response = client.post(url("edit", activity.pk), activity_data(world.a, name="Työelämän suomi"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.name == "Työelämän suomi"


def test_coordinator_cannot_create_for_another_partner_or_edit_its_activity(client, world):
    client.force_login(world.coord_a)
    response = client.post(url("create"), activity_data(world.b))
    assert response.status_code == 400 and "partner" in response.context["form"].errors
    theirs = f.ActivityFactory(partner=world.b, name="B's")
    assert client.get(url("edit", theirs.pk)).status_code == 403
    assert client.post(url("edit", theirs.pk), activity_data(world.a)).status_code == 403
    assert client.post(url("delete", theirs.pk)).status_code == 403
    assert list(Activity.objects.values_list("name", "partner")) == [("B's", world.b.pk)]


def test_activity_bad_input_answers_400_and_writes_nothing(client, world):
    client.force_login(world.lead)
    response = client.post(
        url("create"), activity_data(world.b, name="", starts_on="2025-09-01", ends_on="2025-08-01")
    )
    assert response.status_code == 400 and "name" in response.context["form"].errors
    response = client.post(
        url("create"), activity_data(world.b, starts_on="2025-09-01", ends_on="2025-08-01")
    )
    assert response.status_code == 400 and "ends_on" in response.context["form"].errors  # the service's rule
    assert b"error-summary" in response.content
    assert not Activity.objects.exists()


def test_activity_with_participants_is_not_removed_from_the_page(client, world):
    activity = f.ActivityFactory(partner=world.a)
    ActivityEnrolment.objects.create(
        activity=activity, participation=world.part_a, enrolled_on=dt.date(2025, 5, 1)
    )
    client.force_login(world.lead)
    response = client.post(url("delete", activity.pk))
    assert response.status_code == 400 and Activity.objects.filter(pk=activity.pk).exists()
    activity.enrolments.all().delete()
    assert client.post(url("delete", activity.pk)).status_code == 302
    assert not Activity.objects.exists()


# --- the activity page and enrolment ----------------------------------------------------------


@pytest.fixture
def activity(world):
    """An activity of partner a with part_a (a) and two participants of b enrolled."""
    activity = f.ActivityFactory(partner=world.a, name="Finnish for working life")
    for participation in (world.part_a, world.part_b, f.ParticipationFactory(partner=world.b)):
        ActivityEnrolment.objects.create(
            activity=activity, participation=participation, enrolled_on=dt.date(2025, 5, 1)
        )
    return activity


def test_coordinator_sees_own_participants_and_others_in_aggregate(client, world, activity):
    client.force_login(world.coord_a)
    page = client.get(url("detail", activity.pk)).content.decode()
    assert "Amina Yusuf" in page and "Bogdan" not in page
    assert "3 participants enrolled." in page and "And 2 participants from other partners." in page


def test_lead_and_evaluator_see_counts_only(client, world, activity):
    for user in (world.lead, world.evaluator):
        client.force_login(user)
        response = client.get(url("detail", activity.pk))
        page = response.content.decode()
        assert "3 participants enrolled." in page
        assert response.context["roster"].per_partner == [("City of A", 1), ("University of B", 2)]
        assert "Amina" not in page and "Bogdan" not in page
        assert url("enrol", activity.pk) not in page


def test_coordinator_enrols_and_removes_own_participants(client, world):
    activity = f.ActivityFactory(partner=world.b)
    second = f.ParticipationFactory(partner=world.a, person__first_name="Leila", person__last_name="Haddad")
    client.force_login(world.coord_a)
    form = client.get(url("detail", activity.pk)).context["enrol_form"]
    assert set(form.fields["participations"].queryset) == {world.part_a, second}
    response = client.post(
        url("enrol", activity.pk),
        {"participations": [world.part_a.pk, second.pk], "enrolled_on": "2025-05-02"},
    )
    assert response.status_code == 302
    assert set(activity.enrolments.values_list("participation_id", flat=True)) == {world.part_a.pk, second.pk}
    assert (
        AuditEvent.objects.filter(object_type="activities.activityenrolment", actor=world.coord_a).count()
        == 2
    )
    response = client.post(url("unenrol", activity.pk), {"participation": second.pk})
    assert response.status_code == 302
    assert list(activity.enrolments.values_list("participation_id", flat=True)) == [world.part_a.pk]


def test_enrolment_form_refuses_other_partners_people_and_bad_dates(client, world):
    activity = f.ActivityFactory(partner=world.a)
    client.force_login(world.coord_a)
    response = client.post(
        url("enrol", activity.pk), {"participations": [world.part_b.pk], "enrolled_on": "2025-05-02"}
    )
    assert response.status_code == 400 and "participations" in response.context["enrol_form"].errors
    response = client.post(url("enrol", activity.pk), {"participations": [], "enrolled_on": "x"})
    assert response.status_code == 400
    assert set(response.context["enrol_form"].errors) == {"participations", "enrolled_on"}
    response = client.post(
        url("enrol", activity.pk), {"participations": [world.part_a.pk], "enrolled_on": "2024-01-01"}
    )
    assert response.status_code == 400 and "enrolled_on" in response.context["enrol_form"].errors
    assert b"error-summary" in response.content
    assert not ActivityEnrolment.objects.exists()


def test_others_cannot_enrol_or_remove(client, world, activity):
    client.force_login(world.lead)
    response = client.post(
        url("enrol", activity.pk), {"participations": [world.part_a.pk], "enrolled_on": "2025-05-02"}
    )
    assert response.status_code == 403
    assert client.post(url("unenrol", activity.pk), {"participation": world.part_a.pk}).status_code == 403
    client.force_login(world.coord_b)
    assert client.post(url("unenrol", activity.pk), {"participation": world.part_a.pk}).status_code == 403
    assert activity.enrolments.count() == 3


def test_search_narrows_the_enrolment_list(client, world):
    activity = f.ActivityFactory(partner=world.a)
    f.ParticipationFactory(partner=world.a, person__first_name="Leila", person__last_name="Haddad")
    client.force_login(world.coord_a)
    form = client.get(url("detail", activity.pk), {"q": "hadd"}).context["enrol_form"]
    assert [p.person.last_name for p in form.fields["participations"].queryset] == ["Haddad"]


def test_activity_page_query_count_is_constant(client, world, django_assert_num_queries):
    activity = f.ActivityFactory(partner=world.a)
    client.force_login(world.coord_a)

    def add(n):
        for _ in range(n):
            for partner in (world.a, world.b):
                ActivityEnrolment.objects.create(
                    activity=activity,
                    participation=f.ParticipationFactory(partner=partner),
                    enrolled_on=dt.date(2025, 5, 1),
                )
            f.ParticipationFactory(partner=world.a)  # a candidate

    # session, user, memberships, person; project, activity; counts per partner, own people;
    # candidate ids, candidates shown; the activity's feedback form (for the link to its results); one
    # per app that says what the activity is (a mentoring programme's, a peer-group round's)
    for enrolled, n in ((1, 1), (6, 5)):
        add(n)
        with django_assert_num_queries(13):
            response = client.get(url("detail", activity.pk))
        assert len(response.context["roster"].enrolments) == enrolled
        assert response.context["roster"].total == 2 * enrolled


# --- the participant's activities -------------------------------------------------------------


def test_participant_detail_and_my_page_list_activities(client, world, activity):
    client.force_login(world.coord_a)
    page = client.get(reverse("participants:detail", args=[world.part_a.pk])).content.decode()
    assert "Finnish for working life" in page and url("detail", activity.pk) in page
    client.force_login(world.user_a)
    page = client.get(reverse("participants:me")).content.decode()
    assert "Finnish for working life" in page
