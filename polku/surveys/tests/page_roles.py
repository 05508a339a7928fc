import datetime as dt

from django.urls import reverse

from polku.activities.models import ActivityEnrolment
from polku.surveys.tests.factories import FeedbackFormFactory
from polku.testing import factories as f
from polku.testing.roles import NON_MEMBERS


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
    # exact for the activity's coordinator, suppressed for the lead and evaluator; coord_b sees no results
    "surveys_results": (
        lambda w: reverse("surveys:results", args=[_form_of_a(w).pk]),
        NON_MEMBERS | {"coord_b": 403, "user_a": 403},
        200,
    ),
    "surveys_answer": (
        lambda w: reverse("surveys:answer", args=[_form_of_a(w).pk]),
        NON_MEMBERS | {"user_a": 200},
        404,
    ),
}
