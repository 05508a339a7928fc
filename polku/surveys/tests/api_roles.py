from polku.surveys.tests.factories import FeedbackFormFactory
from polku.surveys.tests.page_roles import _form_of_a
from polku.testing import factories as f
from polku.testing.roles import EVERYONE, MEMBERS_READ, Case, expect

PROJECT = "/api/v1/projects/S29999"


def _activity_with_form(w):
    return FeedbackFormFactory(activity=f.ActivityFactory(partner=w.a, project=w.project)).activity_id


RESULTS = expect(
    404, coord_a=200, coord_b=403, lead=200, evaluator=200, mentor=403, employer=403, admin=200, user_a=403
)

CASES = [
    Case(
        "surveys-activity-feedback-form",
        lambda w: ("get", f"{PROJECT}/activities/{_activity_with_form(w)}/feedback-form/", None),
        MEMBERS_READ,
    ),
    Case(
        "surveys-activity-feedback-form",
        lambda w: (
            "put",
            f"{PROJECT}/activities/{f.ActivityFactory(partner=w.a, project=w.project).pk}/feedback-form/",
            {"title": "Feedback", "questions": ["What helped?"]},
        ),
        expect(404, coord_a=200, coord_b=403, lead=200, evaluator=403, mentor=403, employer=403, admin=200),
    ),
    Case(
        "surveys-feedback-results",
        lambda w: ("get", f"/api/v1/feedback-forms/{_form_of_a(w).pk}/results/", None),
        expect(
            404,
            coord_a=200,
            coord_b=403,
            lead=200,
            evaluator=200,
            mentor=403,
            employer=403,
            admin=200,
            user_a=403,
        ),
    ),
    Case(
        "surveys-feedback-results-csv",
        lambda w: ("get", f"/api/v1/feedback-forms/{_form_of_a(w).pk}/results.csv", None),
        RESULTS,
    ),
    Case(
        "surveys-feedback-results-xlsx",
        lambda w: ("get", f"/api/v1/feedback-forms/{_form_of_a(w).pk}/results.xlsx", None),
        RESULTS,
    ),
    Case(
        "surveys-feedback-answer",
        lambda w: ("post", f"/api/v1/feedback-forms/{_form_of_a(w).pk}/answers/", {"satisfaction": 5}),
        expect(404, user_a=201),
    ),
    Case("surveys-my-feedback-forms", lambda w: ("get", "/api/v1/me/feedback-forms/", None), EVERYONE),
]
