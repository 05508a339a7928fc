import pytest

from polku.competences.models import ProfileSkill, SkillEvidence
from polku.competences.selectors import confirmed_skill_uris
from polku.competences.services import add_confirmed_skill
from polku.esco.tests import factories as ef
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def test_completion_confirms_a_rejected_suggestion_once_per_reference():
    person = f.PersonFactory()
    python = ef.skill("Python (computer programming)")
    ProfileSkill.objects.create(person=person, skill=python, status=ProfileSkill.Status.REJECTED)

    for _ in range(2):
        add_confirmed_skill(
            person=person,
            skill=python,
            kind=SkillEvidence.Kind.COMPLETION,
            text="Python basics",
            reference="c:1",
        )

    assert confirmed_skill_uris(person) == {python.uri}
    assert SkillEvidence.objects.filter(profile_skill__person=person).count() == 1
