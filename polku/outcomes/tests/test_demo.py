import pytest
from stdnum.fi import ytunnus
from stdnum.no import orgnr as no_orgnr
from stdnum.se import orgnr as se_orgnr

from polku.demo.builder import build_demo
from polku.outcomes.demo import DEMO_TODAY
from polku.outcomes.models import ExitRecord, FollowUp, Outcome
from polku.outcomes.rules import follow_up_due
from polku.participants.models import Participation
from polku.testing.asserts import present


@pytest.mark.django_db
def test_demo_has_exits_follow_ups_and_outcomes():
    build_demo(participants=40)
    total = Participation.objects.count()
    records = ExitRecord.objects.select_related("participation")
    assert 0.1 * total <= records.count() <= 0.5 * total
    assert all(r.participation.exit_date is not None for r in records)
    for follow_up in FollowUp.objects.select_related("participation"):
        assert follow_up.due_on == follow_up_due(present(follow_up.participation.exit_date)) <= DEMO_TODAY
    assert Outcome.objects.exists()
    for business_id in Outcome.objects.filter(kind="company_founded").values_list("business_id", flat=True):
        assert (
            ytunnus.is_valid(business_id) or se_orgnr.is_valid(business_id) or no_orgnr.is_valid(business_id)
        )


@pytest.mark.django_db
def test_demo_outcomes_are_deterministic():
    def snapshot():
        # the outcomes demo's own rows (the companies of the entrepreneurship demo carry theirs)
        own = Outcome.objects.filter(company__isnull=True)
        return sorted(own.values_list("participation__person__email", "kind", "date", "business_id")), sorted(
            ExitRecord.objects.values_list("participation__person__email", "status", "status_on")
        )

    build_demo(participants=40)
    first = snapshot()
    Outcome.objects.filter(company__isnull=True).delete()
    for model in (FollowUp, ExitRecord):
        model.objects.all().delete()
    from polku.outcomes.demo import populate

    populate(seed=2025)
    assert snapshot() == first


@pytest.mark.parametrize("country", ["FI", "SE", "NO"])
def test_demo_business_ids_are_valid_for_their_country(country):
    from polku.outcomes.demo import _business_id
    from polku.outcomes.rules import business_id_normalise

    for n in range(60):
        assert present(business_id_normalise(_business_id(country, n)))[0] == country
