import pytest

from polku.demo.builder import build_demo
from polku.knowledge.models import EvaluationNote, GoodPractice, HandbookPage

pytestmark = pytest.mark.django_db


def test_demo_has_good_practices_a_handbook_page_and_reflection_meetings():
    build_demo(participants=40)
    assert GoodPractice.objects.filter(project__code="S21307", status="published").count() == 2
    assert HandbookPage.objects.filter(project__code="S22729").exists()
    meetings = EvaluationNote.objects.filter(project__code="2019-1-DK01-KA204-060277", kind="reflection")
    assert meetings.count() == 4 and all(len(m.decisions) == 2 for m in meetings)
