"""The pages: taking a self-assessment (all at once, nothing half-written), history, detail, the project view."""

import pytest
from django.urls import reverse

from polku.assessments.models import SelfAssessment
from polku.assessments.tests.factories import assessment
from polku.audit.models import AuditEvent
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def test_form_has_a_fieldset_per_competence_with_plain_statements(client, world):
    client.force_login(world.user_a)
    response = client.get(reverse("assessments:take", args=[world.part_a.person_id, "digcomp"]))
    html = response.content.decode()
    assert html.count('<fieldset class="competence"') == 21
    assert html.count('type="radio"') == 21 * 9
    assert "I can do simple things when someone helps me." in html
    assert "Browsing, searching and filtering data, information and digital content" in html
    assert "Area 5 of 5: Problem solving" in html


def test_form_in_finnish(client, world):
    client.force_login(world.user_a)
    response = client.get(
        reverse("assessments:take", args=[world.part_a.person_id, "entrecomp"]), HTTP_ACCEPT_LANGUAGE="fi"
    )
    html = response.content.decode()
    assert "Mahdollisuuksien tunnistaminen" in html
    assert html.count('<fieldset class="competence"') == 15


def test_submitting_nothing_shows_the_error_and_saves_nothing(client, world):
    client.force_login(world.user_a)
    url = reverse("assessments:take", args=[world.part_a.person_id, "digcomp"])
    response = client.post(url, {"c_1_1": "none"})
    assert response.status_code == 400
    assert "Choose a level for at least one competence" in response.content.decode()
    assert not SelfAssessment.objects.exists()


def test_a_bad_value_is_refused(client, world):
    client.force_login(world.user_a)
    url = reverse("assessments:take", args=[world.part_a.person_id, "digcomp"])
    response = client.post(url, {"c_1_1": "9", "c_1_2": "3"})
    assert response.status_code == 400
    assert not SelfAssessment.objects.exists()


def test_participant_takes_it_and_sees_the_result(client, world):
    client.force_login(world.user_a)
    url = reverse("assessments:take", args=[world.part_a.person_id, "digcomp"])
    form = client.get(url).context["form"]
    assert form["participation"].value() == world.part_a.pk  # the active participation is preselected
    response = client.post(
        url,
        {"c_1_1": "3", "c_2_6": "5", "c_5_4": "none", "note": "Excel next", "participation": world.part_a.pk},
        follow=True,
    )
    assert response.status_code == 200
    a = SelfAssessment.objects.get()
    assert a.participation == world.part_a and a.note == "Excel next"
    assert response.redirect_chain[-1][0] == reverse("assessments:detail", args=[a.pk])
    html = response.content.decode()
    assert "Your self-assessment was saved." in html
    assert "I can do everyday tasks and solve easy problems on my own." in html


def test_coordinator_fills_it_in_with_the_person(client, world):
    client.force_login(world.coord_a)
    url = reverse("assessments:take", args=[world.part_a.person_id, "digcomp"])
    assert "You are filling this in with Amina Yusuf" in client.get(url).content.decode()
    client.post(url, {"c_1_1": "4", "participation": str(world.part_a.pk)})
    a = SelfAssessment.objects.get()
    assert a.source == "with_staff" and a.created_by == world.coord_a


def test_history_shows_first_latest_and_chart_and_audits_staff(client, world):
    person = world.part_a.person
    assessment(person, level=2)
    assessment(person, level=4, days=120)
    client.force_login(world.coord_a)
    html = client.get(reverse("assessments:person", args=[person.pk])).content.decode()
    assert '<svg class="chart level-chart" role="img"' in html
    assert "+2" in html
    assert "Taken 2 times" in html
    assert AuditEvent.objects.filter(action="read", person_id=person.pk).exists()


def test_previous_levels_are_shown_when_retaking(client, world):
    assessment(world.part_a.person, level=3)
    client.force_login(world.user_a)
    html = client.get(reverse("assessments:take", args=[world.part_a.person_id, "digcomp"])).content.decode()
    assert html.count("Last time: level 3") == 21
    assert "checked" not in html  # never preselected


def test_unknown_framework_is_404(client, world):
    client.force_login(world.user_a)
    assert client.get(reverse("assessments:take", args=[world.part_a.person_id, "nope"])).status_code == 404


def test_delete_by_the_person(client, world):
    a = assessment(world.part_a.person)
    client.force_login(world.user_b)
    assert client.post(reverse("assessments:delete", args=[a.pk])).status_code == 404
    client.force_login(world.user_a)
    response = client.post(reverse("assessments:delete", args=[a.pk]))
    assert response.status_code == 302 and not SelfAssessment.objects.exists()


def test_project_view_suppresses_for_the_lead_and_not_for_the_coordinator(client, world, settings):
    settings.POLKU_SUPPRESSION_THRESHOLD = 5
    for _ in range(2):
        person = f.ParticipationFactory(partner=world.a).person
        assessment(person, level=2)
        assessment(person, level=5, days=90)
    url = reverse("assessments:project", args=[world.project.code])
    client.force_login(world.lead)
    response = client.get(url)
    assert response.context["deltas"].areas[0].delta.hidden
    assert "Figures of fewer than 5 people are hidden." in response.content.decode()
    client.force_login(world.coord_a)
    response = client.get(url + "?framework=digcomp")
    delta = response.context["deltas"].areas[0].delta
    assert (delta.people, delta.mean_change) == (2, 3)
    assert "+3" in response.content.decode()


def test_index_lists_the_coordinators_people(client, world):
    assessment(world.part_a.person)
    assessment(world.part_b.person)
    client.force_login(world.coord_a)
    html = client.get(reverse("assessments:index")).content.decode()
    assert "Amina Yusuf" in html and "Bogdan" not in html


def test_profile_section_renders_the_summary(world):
    from django.template.loader import render_to_string

    person = world.part_a.person
    assessment(person, level=2)
    assessment(person, level=3, days=30)
    html = render_to_string("assessments/_profile_section.html", {"person": person})
    assert "Digital skills (DigComp)" in html and "+1" in html
    from polku.assessments.selectors import latest_summary

    html = render_to_string(
        "assessments/_profile_section.html", {"person": person, "summaries": latest_summary(person)}
    )
    assert "Taken 2 times" in html
