"""Mentoring pages and API end to end through the test client: self-service, the pair's page, privacy."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from polku.audit.models import AuditEvent
from polku.mentoring.models import Mentorship, Session
from polku.mentoring.tests import factories as mf
from polku.mentoring.tests.api_roles import joined


def test_a_participant_joins_chooses_a_mentor_and_the_mentor_accepts(client, world):
    programme, _mentee, profile = joined(world, "self_service")
    client.force_login(world.user_a)
    response = client.post(
        reverse("mentoring:join", args=[programme.pk]), {"kind": "career", "skills": "python, sql"}
    )
    assert response.status_code == 302 and response.url == reverse("mentoring:choose", args=[programme.pk])
    page = client.get(response.url)
    assert [r.profile for r in page.context["ranked"]] == [profile]
    assert b"Why this match" in page.content
    response = client.post(reverse("mentoring:choose", args=[programme.pk]), {"mentor": profile.pk})
    mentorship = Mentorship.objects.get()
    assert response.url == reverse("mentoring:mentorship", args=[mentorship.pk])

    client.force_login(profile.user)
    assert client.get(reverse("mentoring:mine")).context["as_mentor"] == [mentorship]
    client.post(reverse("mentoring:respond", args=[mentorship.pk]), {"answer": "accept"})
    mentorship.refresh_from_db()
    assert mentorship.status == Mentorship.Status.ACTIVE
    assert AuditEvent.objects.filter(actor=profile.user, object_id=str(mentorship.pk), action="read").exists()


def test_the_pair_logs_sessions_and_goals_and_closes_and_other_mentors_see_nothing(client, world):
    _programme, mentee, profile = joined(world)
    mentorship = mf.active(mentee=mentee, mentor=profile)
    url = reverse("mentoring:mentorship", args=[mentorship.pk])
    client.force_login(world.user_a)
    today = timezone.localdate().isoformat()
    client.post(
        reverse("mentoring:session_create", args=[mentorship.pk]),
        {"held_on": today, "duration_minutes": 50, "status": "held", "topics": "CV", "notes": "secret"},
    )
    client.post(reverse("mentoring:goal_create", args=[mentorship.pk]), {"text": "Apply for three jobs"})
    assert Session.objects.get().notes == "secret" and mentorship.goals.count() == 1
    assert b"secret" in client.get(url).content

    client.force_login(world.coord_a)
    page = client.get(url)
    assert page.status_code == 200 and b"secret" not in page.content and b"CV" in page.content
    api = APIClient()
    api.force_authenticate(world.coord_a)
    sessions = api.get(f"/api/v1/mentoring/mentorships/{mentorship.pk}/").json()["sessions"]
    assert sessions[0]["notes"] == "" and sessions[0]["topics"] == "CV"

    other = mf.mentor(world.a)
    client.force_login(other.user)
    assert client.get(url).status_code == 404

    client.force_login(world.user_a)
    client.post(reverse("mentoring:close", args=[mentorship.pk]), {"rating": 5, "text": "Thank you"})
    mentorship.refresh_from_db()
    assert mentorship.status == Mentorship.Status.CLOSED


def test_programme_list_pins_its_queries(client, world, django_assert_max_num_queries):
    for _ in range(5):
        mf.active(
            mentee=mf.MenteeRequestFactory(programme=mf.ProgrammeFactory(partner=world.a)),
            mentor=mf.mentor(world.a),
        )
    client.force_login(world.coord_a)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("mentoring:programmes"))
    assert len(page.context["programmes"]) == 5


def test_a_coordinator_adds_their_own_participant_but_not_another_partners(client, world):
    programme = mf.ProgrammeFactory(partner=world.a)
    client.force_login(world.coord_a)
    page = client.get(reverse("mentoring:programme", args=[programme.pk]))
    choices = dict(page.context["add_form"].fields["participation"].choices)
    assert world.part_a.pk in choices and world.part_b.pk not in choices
    response = client.post(
        reverse("mentoring:programme", args=[programme.pk]),
        {"participation": world.part_a.pk, "kind": "sparring", "skills": "pitching"},
    )
    assert response.status_code == 302
    assert programme.mentees.get().skills == ["pitching"]
    assert AuditEvent.objects.filter(person_id=world.part_a.person_id, action="create").exists()

    api = APIClient()
    api.force_authenticate(world.coord_a)
    answer = api.post(
        f"/api/v1/mentoring/programmes/{programme.pk}/mentees/",
        {"participation": world.part_b.pk, "kind": "career"},
        format="json",
    )
    assert answer.status_code == 404


def test_a_session_too_long_names_the_field_and_keeps_what_was_typed(client, world):
    """Issue 17: 601 minutes said "Ensure this value is less than or equal to 600." with no field and an
    empty form; now the page comes back with the field named and every input kept."""
    _programme, mentee, profile = joined(world)
    mentorship = mf.active(mentee=mentee, mentor=profile)
    client.force_login(world.user_a)
    response = client.post(
        reverse("mentoring:session_create", args=[mentorship.pk]),
        {
            "held_on": "2026-03-02",
            "duration_minutes": 601,
            "status": "held",
            "topics": "Interview practice",
            "notes": "Went well",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400 and not Session.objects.exists()
    assert "Duration (minutes): A session can last at most 600 minutes (10 hours)." in html
    assert 'value="Interview practice"' in html and "Went well</textarea>" in html and 'value="601"' in html
