"""Target progress: each target counted by the counter registered for its metric."""

import datetime as dt

import pytest

from polku.activities import metrics
from polku.activities.models import ActivityEnrolment, Target
from polku.activities.selectors import target_progress
from polku.testing import factories as f


def test_the_four_metrics_of_activities_are_registered():
    assert set(metrics.registered_metrics()) >= set(Target.Metric.values)


def test_each_metric_counts_within_the_targets_scope(world):
    wp = f.WorkPackageFactory(project=world.project)
    in_wp = f.ActivityFactory(partner=world.a, work_package=wp)
    f.ActivityFactory(partner=world.b)
    ActivityEnrolment.objects.create(
        activity=in_wp, participation=world.part_a, enrolled_on=dt.date(2025, 5, 1)
    )
    world.part_b.exit_date = dt.date(2025, 6, 1)
    world.part_b.save()
    for metric, label, where in [
        ("participants", "All", {}),
        ("participants", "Of A", {"partner": world.a}),
        ("exited", "Exited", {}),
        ("activities", "Held", {}),
        ("activities", "Held in WP", {"work_package": wp}),
        ("activity_participants", "In WP", {"work_package": wp}),
        ("activity_participants", "In B's", {"partner": world.b}),
    ]:
        f.TargetFactory(project=world.project, metric=metric, label=label, value=4, **where)
    progress = {row.target.label: (row.actual, row.percent) for row in target_progress(project=world.project)}
    assert progress == {
        "All": (2, 50),
        "Of A": (1, 25),
        "Exited": (1, 25),
        "Held": (2, 50),
        "Held in WP": (1, 25),
        "In WP": (1, 25),
        "In B's": (0, 0),
    }


def test_an_app_above_registers_its_own_counter(world):
    """What issue 16's apps will do in their ready(): a metric key and a function of the target
    and how far the count reaches."""
    target = f.TargetFactory(project=world.project, label="Custom", value=10)
    Target.objects.filter(pk=target.pk).update(metric="custom_app_metric")
    metrics.register_metric(
        "custom_app_metric", lambda t, within: 7 if t.project_id == world.project.pk else 0
    )
    try:
        (row,) = target_progress(project=world.project)
        assert (row.target.label, row.actual, row.percent) == ("Custom", 7, 70)
    finally:
        metrics.unregister_metric("custom_app_metric")


def test_a_metric_without_a_counter_is_an_error_and_a_key_is_registered_once(world):
    target = f.TargetFactory(project=world.project)
    Target.objects.filter(pk=target.pk).update(metric="nobody_counts_this")
    with pytest.raises(ValueError, match="unknown metric"):
        target_progress(project=world.project)
    with pytest.raises(ValueError, match="registered twice"):
        metrics.register_metric(Target.Metric.PARTICIPANTS, lambda t, within: 0)
    metrics.register_metric(Target.Metric.PARTICIPANTS, metrics.count_participants)  # the same: no change


def test_counts_narrow_to_the_partners_and_the_period_of_a_within(world):
    """The project dashboard narrows every metric to the partners the reader sees and to its period."""
    target = f.TargetFactory(project=world.project, metric=Target.Metric.PARTICIPANTS)
    f.ParticipationFactory(partner=world.b, entry_date=dt.date(2025, 6, 1))
    everywhere = metrics.count(target)
    assert everywhere == 3  # the world's two and the new one
    assert metrics.count(target, metrics.Within(partner_ids=frozenset({world.b.pk}))) == 2
    assert metrics.count(target, metrics.Within(since=dt.date(2025, 5, 1))) == 1
    assert metrics.count(target, metrics.Within(until=dt.date(2025, 5, 1))) == everywhere - 1
