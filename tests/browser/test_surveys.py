"""A coordinator attaches a feedback form to an activity; a participant answers it on a phone; the
coordinator sees the results exactly, the project lead with small numbers suppressed. axe-core runs on
every page."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.browser.support import PHONE

pytestmark = pytest.mark.browser


def _answer(form, participation, satisfaction: int, text: str) -> None:
    from polku.surveys.models import FeedbackResponse

    FeedbackResponse.objects.create(
        form=form, participation=participation, satisfaction=satisfaction, answers=[text, ""]
    )


def test_feedback_form_from_attaching_to_results(open_browser, live_world):
    from polku.activities.models import Activity, ActivityEnrolment
    from polku.surveys.models import FeedbackForm, FeedbackResponse
    from polku.testing import factories as f

    activity = Activity.objects.get(name="Finnish for working life")
    others = [f.ParticipationFactory(partner=live_world.a) for _ in range(5)]
    for participation in [live_world.part_a, *others]:
        ActivityEnrolment.objects.create(
            activity=activity, participation=participation, enrolled_on=dt.date(2025, 4, 1)
        )

    # The coordinator attaches the form from the activity's page.
    coordinator = open_browser()
    page = coordinator.page
    main = page.locator("main")
    coordinator.sign_in(live_world.coord_a.email)
    coordinator.go(f"/projects/{live_world.project.code}/")
    coordinator.follow(main.get_by_role("link", name="Finnish for working life"))
    coordinator.follow(main.get_by_role("link", name="Feedback form"))
    assert main.locator("#id_title").input_value() == "Feedback: Finnish for working life"
    main.locator("#id_title").fill("How was the course?")
    main.get_by_label("Free-text questions").fill("What helped you most?\nWhat should we change?")
    coordinator.follow(main.get_by_role("button", name="Save"))
    assert page.get_by_role("status").inner_text() == "The feedback form was saved."
    assert main.get_by_role("heading", level=1).inner_text() == "Results: How was the course?"
    assert main.locator("[data-answers]").inner_text() == "0"
    survey = FeedbackForm.objects.get(activity=activity)
    assert survey.questions == ["What helped you most?", "What should we change?"]

    # The participant answers on a phone; sending no score is refused, nothing is saved.
    participant = open_browser(viewport=PHONE)
    phone = participant.page
    pmain = phone.locator("main")
    participant.sign_in(live_world.user_a.email)
    participant.follow_menu("Feedback")
    participant.follow(pmain.get_by_role("link", name="How was the course?"))
    assert participant.horizontal_overflow() == 0
    pmain.get_by_label("What helped you most?").fill("The practice conversations")
    participant.follow(pmain.get_by_role("button", name="Send"), status=400)
    assert pmain.get_by_role("alert").is_visible()
    assert not FeedbackResponse.objects.exists()
    pmain.get_by_role("group", name="How satisfied are you with the activity?", exact=False).get_by_label(
        "4"
    ).check()
    pmain.get_by_label("What helped you most?").fill("The practice conversations")
    participant.follow(pmain.get_by_role("button", name="Send"))
    assert phone.get_by_role("status").inner_text() == "Thank you for your feedback."
    assert "How was the course? – answered, thank you" in pmain.inner_text()
    assert participant.horizontal_overflow() == 0
    participant.screenshot("surveys-answered")

    # Two more answer; the coordinator sees three exactly, the average and the free text, and the
    # before/after change of the self-assessments of the activity's participants.
    from polku.assessments.tests.factories import assessment

    assessment(live_world.part_a.person, level=2)
    assessment(live_world.part_a.person, level=4, days=100)
    _answer(survey, others[0], 5, "The teacher")
    _answer(survey, others[1], 3, "")
    coordinator.go(f"/feedback/{survey.pk}/")
    assert main.locator("[data-answers]").inner_text() == "3"
    assert main.get_by_role("definition").nth(1).inner_text() == "4.0"
    assert "The practice conversations" in main.inner_text() and "The teacher" in main.inner_text()
    assert main.get_by_role("row").filter(has_text="5").last.get_by_role("cell").inner_text() == "1"
    deltas = main.get_by_role(
        "table",
        name="DigComp 2.2 – The Digital Competence Framework for Citizens: change per area",
        exact=False,
    )
    assert (
        deltas.get_by_role("row").filter(has_text="Digital content creation").get_by_text("+2").is_visible()
    )
    coordinator.screenshot("surveys-results-coordinator")

    # The project lead sees the same results suppressed: three is a small number.
    lead = open_browser()
    lmain = lead.page.locator("main")
    lead.sign_in(live_world.lead.email)
    lead.go(f"/projects/{live_world.project.code}/activities/{activity.pk}/")
    lead.follow(lmain.get_by_role("link", name="Feedback results"))
    assert "hidden (small numbers)" in lmain.locator("[data-answers]").inner_text()
    assert lmain.get_by_role("definition").nth(1).inner_text() == "–"
    assert "Small numbers are hidden" in lmain.inner_text()
    assert "The practice conversations" not in lmain.inner_text()
    assert "+2" not in lmain.inner_text()  # one person's self-assessment change is a small number

    # Six answers: the lead sees the count, the average and the free text; the scores given by fewer than
    # five people stay hidden.
    _answer(survey, others[2], 4, "Visiting a workplace")
    _answer(survey, others[3], 4, "")
    _answer(survey, others[4], 5, "")
    lead.go(f"/feedback/{survey.pk}/")
    assert lmain.locator("[data-answers]").inner_text() == "6"
    assert lmain.get_by_role("definition").nth(1).inner_text() == "4.2"
    assert "Visiting a workplace" in lmain.inner_text()
    four = lmain.get_by_role("row").filter(has=lead.page.get_by_role("rowheader", name="4", exact=True))
    assert "hidden (small numbers)" in four.get_by_role("cell").inner_text()
    lead.screenshot("surveys-results-lead")
