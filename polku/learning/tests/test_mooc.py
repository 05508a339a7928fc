"""The MOOC completion import: two layouts and a mapping, matching by e-mail within the partner, idempotence."""

from __future__ import annotations

import pytest

from polku.accounts.access import access_for
from polku.competences.models import ProfileSkill
from polku.core.errors import AccessDenied
from polku.esco.tests.factories import skill
from polku.learning.models import Completion
from polku.learning.services.mooc import mooc_import
from polku.learning.tests.factories import opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(world):
    return opportunity(
        skill("Python (computer programming)"), code="python-2026", url="https://programming-26.mooc.fi/"
    )


MOODLE = (
    "First name,Surname,Email address,Course short name,Date completed,Grade\n"
    "Amina,Yusuf,PARTICIPANT.A@example.org,python-2026,2026-02-03 14:05,5\n"
    "Bogdan,Kovalenko,participant.b@example.org,python-2026,2026-02-03,4\n"
    "Nobody,Here,nobody@example.org,python-2026,3.2.2026,3\n"
    "Amina,Yusuf,participant.a@example.org,unknown-course,2026-02-03,3\n"
)
MOOCFI = "email;course_url;completion_date;grade\nparticipant.a@example.org;https://programming-26.mooc.fi;2026-01-20;pass\n"


def test_moodle_layout_matches_people_of_the_partner_only(world, course):
    rows = mooc_import(
        access=access_for(world.coord_a), actor=world.coord_a, partner=world.a, content=MOODLE.encode()
    )
    assert [r.status for r in rows] == [
        "recorded",
        "unmatched-person",
        "unmatched-person",
        "unmatched-course",
    ]
    completion = Completion.objects.get()
    assert (
        completion.person == world.part_a.person and completion.grade == "5" and completion.source == "import"
    )
    assert ProfileSkill.objects.filter(person=world.part_a.person, status="confirmed").count() == 1
    assert not Completion.objects.filter(person=world.part_b.person).exists()


def test_reimport_changes_nothing(world, course):
    access = access_for(world.coord_a)
    mooc_import(access=access, actor=world.coord_a, partner=world.a, content=MOODLE.encode())
    again = mooc_import(access=access, actor=world.coord_a, partner=world.a, content=MOODLE.encode())
    assert again[0].status == "already"
    assert Completion.objects.count() == 1


def test_moocfi_layout_matches_the_course_by_url(world, course):
    rows = mooc_import(
        access=access_for(world.coord_a), actor=world.coord_a, partner=world.a, content=MOOCFI.encode()
    )
    assert rows[0].status == "recorded"


def test_dry_run_writes_nothing(world, course):
    rows = mooc_import(
        access=access_for(world.coord_a),
        actor=world.coord_a,
        partner=world.a,
        content=MOODLE.encode(),
        dry_run=True,
    )
    assert rows[0].status == "matched" and not Completion.objects.exists()


def test_a_mapping_reads_any_layout(world, course):
    content = b"Learner,Module,Finished\nparticipant.a@example.org,python-2026,01.02.2026\n"
    rows = mooc_import(
        access=access_for(world.coord_a),
        actor=world.coord_a,
        partner=world.a,
        content=content,
        mapping={"email": "Learner", "course": "Module", "completed_on": "Finished"},
    )
    assert rows[0].status == "recorded"
    assert Completion.objects.get().completed_on.isoformat() == "2026-02-01"


def test_other_partners_coordinator_cannot_import(world, course):
    with pytest.raises(AccessDenied):
        mooc_import(
            access=access_for(world.coord_b), actor=world.coord_b, partner=world.a, content=MOODLE.encode()
        )
