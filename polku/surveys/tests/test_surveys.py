import datetime as dt

import pytest
from django.urls import reverse

from polku.accounts.access import access_for
from polku.activities.models import ActivityEnrolment
from polku.core.errors import AccessDenied, ApplicationError
from polku.surveys.models import FeedbackResponse
from polku.surveys.selectors import feedback_results
from polku.surveys.services import feedback_answer, feedback_form_save
from polku.testing import factories as f


@pytest.fixture
def activity(world):
    activity = f.ActivityFactory(partner=world.a, project=world.project, name="Mentor day")
    ActivityEnrolment.objects.create(
        activity=activity, participation=world.part_a, enrolled_on=dt.date(2025, 5, 1)
    )
    return activity


def test_coordinator_attaches_a_form_and_participant_answers_once(client, world, activity):
    client.force_login(world.coord_a)
    response = client.post(
        reverse("surveys:manage", args=[world.project.code, activity.pk]),
        {"title": "Mentor day feedback", "questions": "What helped?\n\nWhat next?", "is_open": "on"},
    )
    assert response.status_code == 302
    survey = activity.feedback_form
    assert survey.questions == ["What helped?", "What next?"]

    client.force_login(world.user_a)
    assert "Mentor day feedback" in client.get(reverse("surveys:mine")).content.decode()
    url = reverse("surveys:answer", args=[survey.pk])
    response = client.post(url, {"satisfaction": "4", "q0": "The mentor", "q1": ""})
    assert response.status_code == 302
    assert FeedbackResponse.objects.get().answers == ["The mentor", ""]
    response = client.post(url, {"satisfaction": "5"})
    assert response.status_code == 400 and "already answered" in response.content.decode()

    client.force_login(world.coord_a)
    results = client.get(reverse("surveys:results", args=[survey.pk])).context["results"]
    assert results.exact and results.average == 4.0 and results.distribution[4].value == 1
    assert results.free_text[0] == ("What helped?", ["The mentor"])
    # the lead sees the same form suppressed: one answer is a small number, no average, no free text
    client.force_login(world.lead)
    page = client.get(reverse("surveys:results", args=[survey.pk]))
    results = page.context["results"]
    assert results.responses.hidden and results.average is None and results.free_text == []
    assert "self-assessments" in page.content.decode()


def test_rules(world, activity):
    access = access_for(world.coord_b)
    with pytest.raises(AccessDenied):
        feedback_form_save(
            actor=world.coord_b, access=access, activity=activity, title="x", questions=[], is_open=True
        )
    survey = feedback_form_save(
        actor=world.coord_a,
        access=access_for(world.coord_a),
        activity=activity,
        title="x",
        questions=["Q"],
        is_open=True,
    )
    with pytest.raises(AccessDenied):  # participant b is not enrolled
        feedback_answer(
            actor=world.user_b, form=survey, participation=world.part_b, satisfaction=3, answers=[]
        )
    with pytest.raises(ApplicationError):
        feedback_answer(
            actor=world.user_a, form=survey, participation=world.part_a, satisfaction=9, answers=[]
        )
    feedback_answer(
        actor=world.user_a, form=survey, participation=world.part_a, satisfaction=2, answers=["ok"]
    )
    with pytest.raises(ApplicationError):  # questions are fixed once answered
        feedback_form_save(
            actor=world.coord_a,
            access=access_for(world.coord_a),
            activity=activity,
            title="x",
            questions=["Other"],
            is_open=True,
        )
    with pytest.raises(AccessDenied):
        feedback_results(access=access_for(world.coord_b), form=survey)


def test_results_show_the_activitys_self_assessment_deltas(client, world, activity, settings):
    from polku.assessments.tests.factories import assessment
    from polku.surveys.tests.factories import FeedbackFormFactory

    settings.POLKU_SUPPRESSION_THRESHOLD = 5
    survey = FeedbackFormFactory(activity=activity)
    url = reverse("surveys:results", args=[survey.pk])
    client.force_login(world.coord_a)
    page = client.get(url)
    assert page.context["deltas"] == []
    assert "None of the activity" in page.content.decode()

    assessment(world.part_a.person, level=2)
    assessment(world.part_a.person, level=4, days=100)
    assessment(world.part_b.person, level=1)  # not enrolled in the activity
    assessment(world.part_b.person, level=8, days=100)
    page = client.get(url)
    [(deltas, name, rows)] = page.context["deltas"]  # DigComp only: nobody took EntreComp
    assert name.startswith("DigComp 2.2")
    assert deltas.exact and deltas.people_repeated == 1
    assert all(delta.people == 1 and delta.mean_change == 2 for _area, delta in rows)
    assert '<span class="delta-up">+2</span>' in page.content.decode()

    # the lead sees that someone took it but not the figures of one person
    client.force_login(world.lead)
    page = client.get(url)
    [(deltas, _name, rows)] = page.context["deltas"]
    assert deltas.people_assessed is None and all(delta.hidden for _area, delta in rows)
    assert "delta-up" not in page.content.decode()


def test_api_results_carry_the_same_self_assessment_deltas(world, activity, settings):
    from rest_framework.test import APIClient

    from polku.assessments.tests.factories import assessment
    from polku.surveys.tests.factories import FeedbackFormFactory

    settings.POLKU_SUPPRESSION_THRESHOLD = 5
    survey = FeedbackFormFactory(activity=activity)
    assessment(world.part_a.person, framework="entrecomp", level=3)
    assessment(world.part_a.person, framework="entrecomp", level=5, days=60)
    client = APIClient()
    client.force_authenticate(world.coord_a)
    url = f"/api/v1/feedback-forms/{survey.pk}/results/"
    [entrecomp] = client.get(url).json()["self_assessments"]
    assert entrecomp["framework_key"].startswith("entrecomp") and entrecomp["exact"]
    assert entrecomp["people_repeated"] == 1
    assert entrecomp["areas"][0]["delta"]["mean_change"] == 2
    client.force_authenticate(world.evaluator)
    [entrecomp] = client.get(url).json()["self_assessments"]
    assert entrecomp["people_assessed"] is None and entrecomp["areas"][0]["delta"]["people"] is None


def test_questions_are_read_in_the_readers_language_when_translated(client, world, activity):
    """Issue 17: survey questions appeared in Finnish to English and Swedish readers."""
    client.force_login(world.coord_a)
    url = reverse("surveys:manage", args=[world.project.code, activity.pk])
    bad = client.post(
        url,
        {
            "title": "Palaute",
            "questions": "Mikä auttoi?\nMitä seuraavaksi?",
            "is_open": "on",
            "title_en": "Feedback",
            "questions_en": "What helped?",
        },
    )
    assert (
        bad.status_code == 400
        and "Give all 2 questions, in the same order (1 given)." in bad.content.decode()
    )
    assert "Mikä auttoi?" in bad.content.decode()  # kept
    response = client.post(
        url,
        {
            "title": "Palaute",
            "questions": "Mikä auttoi?\nMitä seuraavaksi?",
            "is_open": "on",
            "title_en": "Feedback",
            "questions_en": "What helped?\nWhat next?",
        },
    )
    assert response.status_code == 302
    survey = activity.feedback_form
    client.force_login(world.user_a)
    answer = reverse("surveys:answer", args=[survey.pk])
    english = client.get(answer, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "What helped?" in english and "Feedback" in english and "Mikä auttoi?" not in english
    assert survey.questions_in("sv") == ["Mikä auttoi?", "Mitä seuraavaksi?"]  # not translated: as written
    assert survey.questions_in("fi") == ["Mikä auttoi?", "Mitä seuraavaksi?"]
