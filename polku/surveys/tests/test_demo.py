"""The demo attaches feedback forms to its events, trainings and mentoring, answered in fi/sv/en."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.db.models import Q

from polku.accounts.models import Membership
from polku.activities.models import ActivityEnrolment
from polku.demo.builder import build_demo
from polku.surveys.demo import CHANGE, KINDS, QUESTIONS, USEFUL
from polku.surveys.models import FeedbackForm, FeedbackResponse

pytestmark = pytest.mark.django_db


def snapshot() -> tuple[list, list]:
    forms = sorted(FeedbackForm.objects.values_list("activity__name", "title", "questions", "is_open"))
    answers = sorted(
        FeedbackResponse.objects.values_list(
            "form__activity__name", "participation__person__email", "satisfaction", "answers"
        )
    )
    return forms, answers


def test_demo_has_feedback_forms_and_answers_in_three_languages():
    result = build_demo(participants=60)
    forms = FeedbackForm.objects.select_related("activity", "activity__partner")
    assert forms.exists()
    kinds = {form.activity.kind for form in forms}
    assert kinds <= set(KINDS) and len(kinds) >= 2
    for form in forms:
        # every form belongs to an activity with people enrolled, set up by one of its partner's
        # coordinators or, where the partner has no coordinator log-in, by the project lead
        assert form.activity.enrolments.exists()
        managers = Membership.objects.filter(
            Q(role="coordinator", partner=form.activity.partner)
            | Q(role="project_lead", project_id=form.activity.project_id)
        )
        if managers.exists():
            assert managers.filter(user=form.created_by).exists()
        assert tuple(form.questions) in set(QUESTIONS.values())
    responses = list(FeedbackResponse.objects.select_related("form", "participation__person"))
    assert responses
    for response in responses:
        assert ActivityEnrolment.objects.filter(
            activity_id=response.form.activity_id, participation_id=response.participation_id
        ).exists()
        assert 1 <= response.satisfaction <= 5
        assert len(response.answers) == len(response.form.questions)
    languages = set()
    for response in responses:
        for language in ("fi", "sv", "en"):
            if response.answers[0] in USEFUL[language] or response.answers[1] in CHANGE[language]:
                languages.add(language)
    assert languages == {"fi", "sv", "en"}
    assert any(r.answers[0] == "" or r.answers[1] == "" for r in responses)
    assert FeedbackForm.objects.filter(is_open=False).exists()
    # the demo log-ins find feedback waiting: an open form of their activity that they have not answered
    waiting = FeedbackForm.objects.filter(
        is_open=True, activity__enrolments__participation__person__email="amina.warsame@polku.example"
    )
    assert waiting.exists()
    # the demo's named log-ins (the community's demo profiles get log-ins of their own afterwards)
    logins = [login.email for login in result.logins]
    assert not FeedbackResponse.objects.filter(participation__person__user__email__in=logins).exists()


def test_demo_feedback_is_deterministic():
    # Two whole demos, not a second run of this app's rows: apps that run after it (the community's
    # demo gives its profiles log-ins) change what a second run would start from.
    with transaction.atomic():
        build_demo(participants=60)
        first = snapshot()
        transaction.set_rollback(True)
    build_demo(participants=60)
    assert snapshot() == first
    from polku.surveys.demo import populate

    with transaction.atomic():
        FeedbackForm.objects.all().delete()
        populate(seed=7)
        assert snapshot()[1] != first[1]
        transaction.set_rollback(True)
