import datetime as dt

import pytest
from django.urls import reverse

from polku.accounts.access import access_for
from polku.core.errors import AccessDenied, ApplicationError
from polku.projects.models import ActivityEnrolment
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
