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


def test_profile_page_shows_the_self_assessment_section_to_the_person(client, world):
    person = world.part_a.person
    assessment(person, level=2)
    assessment(person, level=3, days=30)
    client.force_login(world.user_a)
    html = client.get(reverse("competences:me")).content.decode()
    assert "Self-assessed skills" in html and "Digital skills (DigComp)" in html
    assert "Taken 2 times" in html and "+1" in html
    assert reverse("assessments:person", args=[person.pk]) in html
    assert not AuditEvent.objects.filter(person_id=person.pk, action="read").exists()  # own reads


def test_coordinator_of_the_partner_sees_the_section_and_the_read_is_audited(client, world):
    person = world.part_a.person
    assessment(person, level=4)
    client.force_login(world.coord_a)
    html = client.get(reverse("competences:profile", args=[person.pk])).content.decode()
    assert "Digital skills (DigComp)" in html and "Taken once" in html
    reads = AuditEvent.objects.filter(person_id=person.pk, action="read", actor=world.coord_a)
    assert ["self_assessments"] in [event.fields for event in reads]


def test_coordinator_of_another_partner_gets_no_section(world, rf):
    from polku.accounts.access import access_for
    from polku.assessments.selectors import profile_section

    person = world.part_a.person
    assessment(person)
    request = rf.get("/")
    request.user = world.coord_b
    assert profile_section(person, access_for(world.coord_b), request) is None
    request.user = world.coord_a
    section = profile_section(person, access_for(world.coord_a), request)
    assert section is not None and section["summaries"][0].taken == 1


def test_print_view_includes_the_section_without_links(client, world):
    person = world.part_a.person
    assessment(person, framework="entrecomp", level=5)
    client.force_login(world.coord_a)
    html = client.get(reverse("competences:print", args=[person.pk])).content.decode()
    assert "Entrepreneurial skills (EntreComp)" in html
    assert reverse("assessments:person", args=[person.pk]) not in html


def test_person_without_assessments_gets_links_to_take_one_others_no_section(client, world):
    person = world.part_a.person
    client.force_login(world.user_a)
    html = client.get(reverse("competences:me")).content.decode()
    assert "You have not assessed your digital or entrepreneurial skills yet." in html
    assert reverse("assessments:take", args=[person.pk, "digcomp"]) in html
    assert reverse("assessments:take", args=[person.pk, "entrecomp"]) in html
    client.force_login(world.coord_a)
    html = client.get(reverse("competences:profile", args=[person.pk])).content.decode()
    assert 'id="assessment-summary-title"' not in html
    reads = AuditEvent.objects.filter(person_id=person.pk, action="read")
    assert ["self_assessments"] not in [event.fields for event in reads]
