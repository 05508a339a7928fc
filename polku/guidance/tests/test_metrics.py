"""Guidance targets count raw session rows within the target's project, partner and country."""

from __future__ import annotations

import pytest

from polku.activities.metrics import count, kinds_for
from polku.activities.models import Target
from polku.guidance.tests.factories import GuidanceSessionFactory
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def _target(world, metric, **extra):
    return f.TargetFactory(project=world.project, metric=metric, **extra)


def test_sessions_and_people_by_scope_and_kind(world):
    GuidanceSessionFactory(participation=world.part_a, kind="career_guidance")
    GuidanceSessionFactory(participation=world.part_a, kind="social_support")
    GuidanceSessionFactory(participation=world.part_b, kind="career_guidance")
    other = f.ParticipationFactory()  # another project
    GuidanceSessionFactory(participation=other)
    sessions, people = Target.Metric.GUIDANCE_SESSIONS, Target.Metric.GUIDANCE_PARTICIPANTS
    assert count(_target(world, sessions)) == 3
    assert count(_target(world, people)) == 2
    assert count(_target(world, sessions, partner=world.a)) == 2
    assert count(_target(world, people, partner=world.a)) == 1
    assert count(_target(world, sessions, kind="career_guidance")) == 2
    assert count(_target(world, people, kind="social_support")) == 1
    assert count(_target(world, sessions, country="SE")) == 0


def test_targets_may_narrow_to_a_kind_of_guidance():
    kinds = dict(kinds_for(Target.Metric.GUIDANCE_SESSIONS))
    assert set(kinds) == {"career_guidance", "study_counselling", "social_support", "entrepreneurship"}
    assert kinds_for(Target.Metric.GUIDANCE_PARTICIPANTS) == kinds_for(Target.Metric.GUIDANCE_SESSIONS)
