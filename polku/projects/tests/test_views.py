"""Project pages: the lead edits the structure, coordinators run activities and enrol their people,
the lead publishes privacy notices. Bad input answers 400 with field errors and writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from polku.audit.models import AuditEvent
from polku.consent.models import PrivacyNotice
from polku.consent.services import consent_give, notice_current
from polku.projects.models import Activity, ActivityEnrolment, Target, WorkPackage
from polku.testing import factories as f

CODE = "S29999"


def url(name, *args):
    return reverse(f"projects:{name}", args=[CODE, *args])


# --- project page -----------------------------------------------------------------------------


def test_edit_links_only_for_the_lead(client, world):
    f.WorkPackageFactory(project=world.project)
    f.TargetFactory(project=world.project)
    client.force_login(world.lead)
    page = client.get(url("detail")).content.decode()
    assert url("work_package_create") in page and url("target_create") in page
    assert url("activity_create") in page
    for user in (world.coord_a, world.evaluator):
        client.force_login(user)
        page = client.get(url("detail")).content.decode()
        assert url("work_package_create") not in page and url("target_create") not in page
        assert "/edit/" not in page and "/delete/" not in page
    # a coordinator adds activities for their own partner; an evaluator adds none
    client.force_login(world.coord_a)
    assert url("activity_create") in client.get(url("detail")).content.decode()
    client.force_login(world.evaluator)
    assert url("activity_create") not in client.get(url("detail")).content.decode()


# --- work packages and targets ----------------------------------------------------------------


def test_lead_adds_edits_and_removes_a_work_package(client, world):
    client.force_login(world.lead)
    response = client.post(
        url("work_package_create"), {"number": "3", "name": "Mentoring", "responsible": world.b.pk}
    )
    assert response.status_code == 302 and response.url == url("detail") + "#work-packages"
    wp = WorkPackage.objects.get(project=world.project, number=3)
    assert wp.responsible == world.b
    response = client.post(
        url("work_package_edit", wp.pk), {"number": "3", "name": "Mentors", "responsible": ""}
    )
    assert response.status_code == 302
    wp.refresh_from_db()
    assert (wp.name, wp.responsible) == ("Mentors", None)
    assert client.get(url("work_package_delete", wp.pk)).status_code == 200
    assert client.post(url("work_package_delete", wp.pk)).status_code == 302
    assert not WorkPackage.objects.exists()


def test_work_package_bad_input_shows_field_errors_and_writes_nothing(client, world):
    f.WorkPackageFactory(project=world.project, number=1, name="Intake")
    client.force_login(world.lead)
    response = client.post(url("work_package_create"), {"number": "1", "name": "Again"})
    assert response.status_code == 400
    assert "number" in response.context["form"].errors  # the service's rule, on the field
    response = client.post(url("work_package_create"), {"number": "0", "name": ""})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"number", "name"}
    assert b"error-summary" in response.content
    assert WorkPackage.objects.count() == 1


def test_work_package_with_targets_is_not_removed(client, world):
    wp = f.WorkPackageFactory(project=world.project)
    f.TargetFactory(project=world.project, work_package=wp)
    client.force_login(world.lead)
    response = client.post(url("work_package_delete", wp.pk))
    assert response.status_code == 400 and b"has targets" in response.content
    assert WorkPackage.objects.filter(pk=wp.pk).exists()


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


@pytest.mark.parametrize("user", ["coord_a", "evaluator"])
def test_others_are_refused_structure_writes(client, world, user):
    wp = f.WorkPackageFactory(project=world.project, name="Intake")
    client.force_login(getattr(world, user))
    assert client.post(url("work_package_create"), {"number": "5", "name": "X"}).status_code == 403
    assert client.post(url("work_package_edit", wp.pk), {"number": "5", "name": "X"}).status_code == 403
    assert client.post(url("work_package_delete", wp.pk)).status_code == 403
    assert list(WorkPackage.objects.values_list("number", "name")) == [(wp.number, "Intake")]


def test_structure_of_another_project_is_not_found(client, world):
    elsewhere = f.WorkPackageFactory()
    client.force_login(world.lead)
    assert client.get(url("work_package_edit", elsewhere.pk)).status_code == 404
    other = f.ProjectFactory()
    assert client.get(reverse("projects:work_package_create", args=[other.code])).status_code == 404


# --- activities -------------------------------------------------------------------------------


def activity_data(partner, **overrides):
    return {"name": "Finnish for work", "kind": "training", "partner": partner.pk} | overrides


def test_coordinator_creates_and_edits_an_activity_of_their_partner(client, world):
    client.force_login(world.coord_a)
    form = client.get(url("activity_create")).context["form"]
    assert list(form.fields["partner"].queryset) == [world.a]
    response = client.post(url("activity_create"), activity_data(world.a, starts_on="2025-09-01"))
    activity = Activity.objects.get()
    assert response.status_code == 302 and response.url == url("activity", activity.pk)
    assert (activity.partner, activity.starts_on) == (world.a, dt.date(2025, 9, 1))
    response = client.post(url("activity_edit", activity.pk), activity_data(world.a, name="Työelämän suomi"))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.name == "Työelämän suomi"


def test_coordinator_cannot_create_for_another_partner_or_edit_its_activity(client, world):
    client.force_login(world.coord_a)
    response = client.post(url("activity_create"), activity_data(world.b))
    assert response.status_code == 400 and "partner" in response.context["form"].errors
    theirs = f.ActivityFactory(partner=world.b, name="B's")
    assert client.get(url("activity_edit", theirs.pk)).status_code == 403
    assert client.post(url("activity_edit", theirs.pk), activity_data(world.a)).status_code == 403
    assert client.post(url("activity_delete", theirs.pk)).status_code == 403
    assert list(Activity.objects.values_list("name", "partner")) == [("B's", world.b.pk)]


def test_activity_bad_input_answers_400_and_writes_nothing(client, world):
    client.force_login(world.lead)
    response = client.post(
        url("activity_create"), activity_data(world.b, name="", starts_on="2025-09-01", ends_on="2025-08-01")
    )
    assert response.status_code == 400 and "name" in response.context["form"].errors
    response = client.post(
        url("activity_create"), activity_data(world.b, starts_on="2025-09-01", ends_on="2025-08-01")
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
    response = client.post(url("activity_delete", activity.pk))
    assert response.status_code == 400 and Activity.objects.filter(pk=activity.pk).exists()
    activity.enrolments.all().delete()
    assert client.post(url("activity_delete", activity.pk)).status_code == 302
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
    page = client.get(url("activity", activity.pk)).content.decode()
    assert "Amina Yusuf" in page and "Bogdan" not in page
    assert "3 participants enrolled." in page and "And 2 participants from other partners." in page


def test_lead_and_evaluator_see_counts_only(client, world, activity):
    for user in (world.lead, world.evaluator):
        client.force_login(user)
        response = client.get(url("activity", activity.pk))
        page = response.content.decode()
        assert "3 participants enrolled." in page
        assert response.context["roster"].per_partner == [("City of A", 1), ("University of B", 2)]
        assert "Amina" not in page and "Bogdan" not in page
        assert url("activity_enrol", activity.pk) not in page


def test_coordinator_enrols_and_removes_own_participants(client, world):
    activity = f.ActivityFactory(partner=world.b)
    second = f.ParticipationFactory(partner=world.a, person__first_name="Leila", person__last_name="Haddad")
    client.force_login(world.coord_a)
    form = client.get(url("activity", activity.pk)).context["enrol_form"]
    assert set(form.fields["participations"].queryset) == {world.part_a, second}
    response = client.post(
        url("activity_enrol", activity.pk),
        {"participations": [world.part_a.pk, second.pk], "enrolled_on": "2025-05-02"},
    )
    assert response.status_code == 302
    assert set(activity.enrolments.values_list("participation_id", flat=True)) == {world.part_a.pk, second.pk}
    assert (
        AuditEvent.objects.filter(object_type="projects.activityenrolment", actor=world.coord_a).count() == 2
    )
    response = client.post(url("activity_unenrol", activity.pk), {"participation": second.pk})
    assert response.status_code == 302
    assert list(activity.enrolments.values_list("participation_id", flat=True)) == [world.part_a.pk]


def test_enrolment_form_refuses_other_partners_people_and_bad_dates(client, world):
    activity = f.ActivityFactory(partner=world.a)
    client.force_login(world.coord_a)
    response = client.post(
        url("activity_enrol", activity.pk), {"participations": [world.part_b.pk], "enrolled_on": "2025-05-02"}
    )
    assert response.status_code == 400 and "participations" in response.context["enrol_form"].errors
    response = client.post(url("activity_enrol", activity.pk), {"participations": [], "enrolled_on": "x"})
    assert response.status_code == 400
    assert set(response.context["enrol_form"].errors) == {"participations", "enrolled_on"}
    response = client.post(
        url("activity_enrol", activity.pk), {"participations": [world.part_a.pk], "enrolled_on": "2024-01-01"}
    )
    assert response.status_code == 400 and "enrolled_on" in response.context["enrol_form"].errors
    assert b"error-summary" in response.content
    assert not ActivityEnrolment.objects.exists()


def test_others_cannot_enrol_or_remove(client, world, activity):
    client.force_login(world.lead)
    response = client.post(
        url("activity_enrol", activity.pk), {"participations": [world.part_a.pk], "enrolled_on": "2025-05-02"}
    )
    assert response.status_code == 403
    assert (
        client.post(url("activity_unenrol", activity.pk), {"participation": world.part_a.pk}).status_code
        == 403
    )
    client.force_login(world.coord_b)
    assert (
        client.post(url("activity_unenrol", activity.pk), {"participation": world.part_a.pk}).status_code
        == 403
    )
    assert activity.enrolments.count() == 3


def test_search_narrows_the_enrolment_list(client, world):
    activity = f.ActivityFactory(partner=world.a)
    f.ParticipationFactory(partner=world.a, person__first_name="Leila", person__last_name="Haddad")
    client.force_login(world.coord_a)
    form = client.get(url("activity", activity.pk), {"q": "hadd"}).context["enrol_form"]
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
    # candidate ids, candidates shown; the activity's feedback form (for the link to its results)
    for enrolled, n in ((1, 1), (6, 5)):
        add(n)
        with django_assert_num_queries(11):
            response = client.get(url("activity", activity.pk))
        assert len(response.context["roster"].enrolments) == enrolled
        assert response.context["roster"].total == 2 * enrolled


# --- the participant's activities -------------------------------------------------------------


def test_participant_detail_and_my_page_list_activities(client, world, activity):
    client.force_login(world.coord_a)
    page = client.get(reverse("participants:detail", args=[world.part_a.pk])).content.decode()
    assert "Finnish for working life" in page and url("activity", activity.pk) in page
    client.force_login(world.user_a)
    page = client.get(reverse("participants:me")).content.decode()
    assert "Finnish for working life" in page


# --- privacy notices --------------------------------------------------------------------------


def test_members_see_notice_versions_only_the_lead_publishes(client, world):
    client.force_login(world.coord_a)
    response = client.get(url("privacy"))
    assert response.status_code == 200 and response.context["form"] is None
    assert [v for v, _ in response.context["versions"]] == [1]
    assert client.post(url("privacy"), {"title_en": "New", "body_en": "Text"}).status_code == 403
    client.force_login(world.lead)
    form = client.get(url("privacy")).context["form"]
    assert form["title_fi"].initial == "Tietosuojaseloste"  # starts from the current version
    assert PrivacyNotice.objects.filter(version=2).count() == 0


def test_lead_publishes_a_new_version_and_consents_keep_theirs(client, world):
    notice = notice_current(project_id=world.project.pk, language="en")
    (consent,) = consent_give(
        actor=None,
        person=world.part_a.person,
        project_id=world.project.pk,
        purposes=["participation"],
        notice=notice,
    )
    client.force_login(world.lead)
    empty = {f"{part}_{code}": "" for part in ("title", "body") for code in ("fi", "sv", "en")}
    response = client.post(
        url("privacy"), empty | {"title_fi": "Tietosuojaseloste 2", "body_fi": "Uusi teksti."}
    )
    assert response.status_code == 302
    assert list(PrivacyNotice.objects.filter(version=2).values_list("language", "title")) == [
        ("fi", "Tietosuojaseloste 2")
    ]
    page = client.get(url("privacy")).content.decode()
    assert "Version 2" in page and "Version 1" in page
    consent.refresh_from_db()
    assert consent.notice == notice
    assert notice_current(project_id=world.project.pk, language="en").version == 2  # falls back to fi


def test_publishing_bad_input_answers_400_and_writes_nothing(client, world):
    client.force_login(world.lead)
    empty = {f"{part}_{code}": "" for part in ("title", "body") for code in ("fi", "sv", "en")}
    response = client.post(url("privacy"), empty)
    assert response.status_code == 400 and response.context["form"].non_field_errors()
    response = client.post(url("privacy"), empty | {"title_sv": "Dataskydd", "body_en": "Text only"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"body_sv", "title_en"}
    assert b"error-summary" in response.content
    assert PrivacyNotice.objects.filter(project=world.project).count() == 2
