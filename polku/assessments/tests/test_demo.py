import pytest

from polku.assessments.models import SelfAssessment
from polku.assessments.selectors import history_of
from polku.demo.builder import build_demo
from polku.participants.models import Person


@pytest.mark.django_db
def test_demo_logins_have_two_digcomp_assessments_months_apart_showing_progress():
    result = build_demo(participants=40)
    assert SelfAssessment.objects.filter(framework="entrecomp").exists()
    # the demo's named log-ins (the community's demo profiles get log-ins of their own afterwards)
    logins = Person.objects.filter(user__email__in=[login.email for login in result.logins])
    assert logins.exists()
    for person in logins:
        (digcomp, *_rest) = history_of(person.self_assessments.prefetch_related("answers"))
        assert digcomp.framework.code == "digcomp" and len(digcomp.assessments) == 2
        assert (digcomp.latest.taken_at - digcomp.first.taken_at).days >= 90
        assert all(row.delta is not None and row.delta > 0 for row in digcomp.areas)
