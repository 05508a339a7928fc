"""Outcome targets ("15 move on to further studies", "companies founded"): the different people with an
outcome, of one kind where the target names it, within the target's project, partner and country; a work
package does not narrow them. The kinds are those of the model."""

from polku.activities import metrics
from polku.activities.models import Target
from polku.activities.selectors import target_progress
from polku.outcomes.models import Outcome
from polku.outcomes.tests.factories import OutcomeFactory
from polku.testing import factories as f


def test_outcome_targets_take_their_kinds_from_the_model():
    kinds = dict(metrics.kinds_for("outcomes"))
    assert list(kinds) == list(Outcome.Kind.values)
    assert kinds["company_founded"] == "Founded a company"
    assert kinds["studies_started"] == "Started studies"


def test_outcome_targets_count_different_people_within_scope(world):
    se = f.PartnerFactory(project=world.project, country="SE", organisation__name="Malmö")
    part_se = f.ParticipationFactory(partner=se)
    part_a2 = f.ParticipationFactory(partner=world.a)
    elsewhere = f.ParticipationFactory()  # another project's
    # part_a: studies twice (counts once) and a job; part_a2: a company; part_se: studies; part_b: nothing
    for participation, kind in [
        (world.part_a, "studies_started"),
        (world.part_a, "studies_started"),
        (world.part_a, "job"),
        (part_a2, "company_founded"),
        (part_se, "studies_started"),
        (elsewhere, "studies_started"),
    ]:
        OutcomeFactory(participation=participation, kind=kind, business_id="1234567-8")
    wp = f.WorkPackageFactory(project=world.project)
    for label, kind, where in [
        ("anyone", "", {}),
        ("studies", "studies_started", {}),
        ("studies of a", "studies_started", {"partner": world.a}),
        ("studies of b", "studies_started", {"partner": world.b}),
        ("studies in Sweden", "studies_started", {"country": "SE"}),
        ("studies in the WP", "studies_started", {"work_package": wp}),
        ("companies", "company_founded", {}),
    ]:
        f.TargetFactory(
            project=world.project, metric=Target.Metric.OUTCOMES, kind=kind, label=label, value=4, **where
        )
    counts = {row.target.label: row.actual for row in target_progress(project=world.project)}
    assert counts == {
        "anyone": 3,
        "studies": 2,
        "studies of a": 1,
        "studies of b": 0,
        "studies in Sweden": 1,
        "studies in the WP": 2,
        "companies": 1,
    }
