"""The demo builds mentoring programmes with mentor log-ins and published and active pairs."""

from __future__ import annotations

import pytest

from polku.accounts.models import Membership, Role, User
from polku.demo.builder import DEMO_PASSWORD, build_demo
from polku.mentoring.models import MentoringProgramme, MentorProfile, Mentorship

pytestmark = pytest.mark.django_db


def test_demo_has_programmes_mentors_and_mentorships():
    build_demo(participants=40)
    assert MentoringProgramme.objects.filter(project__code="S21307", partner__isnull=False).exists()
    assert MentoringProgramme.objects.filter(
        project__code="2019-1-DK01-KA204-060277", mode="self_service"
    ).exists()
    leena = User.objects.get(email="mentor.leena@polku.example")
    assert leena.check_password(DEMO_PASSWORD)
    assert Membership.objects.filter(user=leena, role=Role.MENTOR).exists()
    assert Mentorship.objects.filter(status="active").exists()
    assert Mentorship.objects.filter(
        status="pending", mentee__participation__person__email="amina.warsame@polku.example"
    ).exists()
    for profile in MentorProfile.objects.all():
        open_count = profile.mentorships.filter(status__in=["pending", "active"]).count()
        assert profile.seats_taken == open_count <= profile.capacity
