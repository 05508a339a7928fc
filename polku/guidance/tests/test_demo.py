"""The demo's guidance sessions keep the rules the services apply."""

from __future__ import annotations

import pytest
from django.utils import timezone

from polku.accounts.models import Membership, Role
from polku.activities.metrics import count
from polku.activities.models import Target
from polku.demo.builder import build_demo
from polku.guidance.demo import DIGIMESH, DIGIPOINT, SHOWCASE
from polku.guidance.models import MAX_DURATION, GuidanceSession, NextStep


@pytest.mark.django_db
def test_demo_sessions_follow_the_rules():
    build_demo(participants=40)
    sessions = GuidanceSession.objects.select_related("participation__project")
    assert sessions.exists()
    today = timezone.localdate()
    coordinators = set(Membership.objects.filter(role=Role.COORDINATOR).values_list("user_id", "partner_id"))
    for session in sessions:
        assert session.participation.project.code in (DIGIPOINT, DIGIMESH)
        assert 1 <= session.duration_minutes <= MAX_DURATION and session.held_on <= today
        # met by a coordinator of the partner, where the demo has a log-in for one
        assert (
            session.staff_id is None or (session.staff_id, session.participation.partner_id) in coordinators
        )
    for step in NextStep.objects.select_related("session"):
        assert step.text and step.due_on >= step.session.held_on
    showcase = NextStep.objects.filter(session__participation__person__email=SHOWCASE, done_at__isnull=True)
    assert showcase.filter(owner="participant", due_on__gte=today).exists()
    for target in Target.objects.filter(metric__startswith="guidance_"):
        assert count(target) > 0
