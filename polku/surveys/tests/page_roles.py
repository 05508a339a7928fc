import datetime as dt

from django.urls import reverse

from polku.activities.models import ActivityEnrolment
from polku.surveys.tests.factories import FeedbackFormFactory
from polku.testing import factories as f
from polku.testing.roles import NON_MEMBERS, Post


def _form_of_a(w):
    """A feedback form on an activity of partner a with participant a enrolled."""
    activity = f.ActivityFactory(partner=w.a, project=w.project)
    ActivityEnrolment.objects.create(
        activity=activity, participation=w.part_a, enrolled_on=dt.date(2025, 5, 1)
    )
    return FeedbackFormFactory(activity=activity)


PAGES = {
    "surveys_mine": (lambda w: reverse("surveys:mine"), {"anonymous": 302}, 200),
    "surveys_manage": (
        lambda w: reverse(
            "surveys:manage", args=[w.project.code, f.ActivityFactory(partner=w.a, project=w.project).pk]
        ),
        NON_MEMBERS | {"coord_a": 200, "lead": 200, "admin": 200},
        403,
    ),
    # exact for the activity's coordinator, suppressed for the lead and evaluator; coord_b, mentors and
    # employer representatives (members without figures) see no results
    "surveys_results": (
        lambda w: reverse("surveys:results", args=[_form_of_a(w).pk]),
        NON_MEMBERS | {"coord_b": 403, "user_a": 403, "mentor": 403, "employer": 403},
        200,
    ),
    "surveys_answer": (
        lambda w: reverse("surveys:answer", args=[_form_of_a(w).pk]),
        NON_MEMBERS | {"user_a": 200},
        404,
    ),
}

POSTS = {
    "surveys_manage": Post(
        lambda w: reverse(
            "surveys:manage", args=[w.project.code, f.ActivityFactory(partner=w.a, project=w.project).pk]
        ),
        lambda w: {"title": "Feedback", "questions": "What was most useful?", "is_open": "on"},
        NON_MEMBERS | {"coord_a": 302, "lead": 302, "admin": 302},
        403,
    ),
    # only an enrolled participant answers
    "surveys_answer": Post(
        lambda w: reverse("surveys:answer", args=[_form_of_a(w).pk]),
        lambda w: {"satisfaction": 4, "q0": "The mentors"},
        {"anonymous": 302, "user_a": 302},
        404,
    ),
}
