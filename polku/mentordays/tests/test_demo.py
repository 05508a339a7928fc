import pytest

from polku.demo.builder import build_demo
from polku.mentordays.models import Booking, Expert, MentorDay, Slot

pytestmark = pytest.mark.django_db


def test_demo_has_crossing_borders_mentor_days_with_two_experts_each():
    build_demo(participants=40)
    days = MentorDay.objects.filter(activity__project__code="2019-1-DK01-KA204-060277")
    assert days.count() == 30
    assert all(Expert.objects.filter(mentor_day=d).count() == 2 for d in days)
    assert Slot.objects.count() == 30 * 2 * 4
    assert Booking.objects.exists()
