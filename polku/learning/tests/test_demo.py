"""The demo catalogue: 20 opportunities with real ESCO skills, and plans for the demo participants."""

import pytest

from polku.learning import demo
from polku.learning.models import LearningOpportunity, Plan
from polku.testing import factories as f
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def test_demo_builds_the_catalogue_and_plans():
    amina = f.ParticipationFactory(person__email="amina.warsame@polku.example").person
    f.UserFactory(email="admin@polku.example", is_superuser=True)
    demo.populate(seed=1)
    assert LearningOpportunity.objects.count() == len(demo.CATALOGUE) == 20
    assert (
        LearningOpportunity.objects.filter(skills__isnull=True).count() == 1
    )  # Elements of AI: DigComp only
    plan = Plan.objects.get(person=amina)
    assert present(plan.target).uri == demo.FORKLIFT_OPERATOR
    assert plan.gap["essential_total"] > 20
    assert plan.items.filter(opportunity__code="trukkikortti-omnia").exists()
    demo.populate(seed=1)  # again: the catalogue is updated in place
    assert LearningOpportunity.objects.count() == 20
