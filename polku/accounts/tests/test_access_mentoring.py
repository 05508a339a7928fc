"""The rules of mentoring, mentor days and peer groups as methods of Access (polku.accounts.access).

Each role is an `Access` built by hand, as `access_for` builds it from memberships: project 1 has
partners 10 and 11, project 2 has partner 20. The filters are checked on real rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from polku.accounts.access import ANONYMOUS, Access, access_for
from polku.accounts.models import Role
from polku.mentordays.models import MentorDay
from polku.mentordays.tests.factories import MentorDayFactory
from polku.mentoring.models import MentoringProgramme
from polku.mentoring.tests.factories import ProgrammeFactory
from polku.peergroups.models import PeerGroupRound
from polku.peergroups.tests.factories import PeerGroupRoundFactory
from polku.projects.models import Partner, Project
from polku.testing import factories as f

P1, P2 = 1, 2
A, B, C = 10, 11, 20  # A and B are partners of project 1, C of project 2

ADMIN = Access(user_id=1, is_admin=True)
COORD_A = Access(
    user_id=2,
    coordinator_partner_ids=frozenset({A}),
    coordinator_project_ids=frozenset({P1}),
    member_project_ids=frozenset({P1}),
    roles=frozenset({Role.COORDINATOR}),
)
LEAD = Access(
    user_id=3,
    lead_project_ids=frozenset({P1}),
    member_project_ids=frozenset({P1}),
    roles=frozenset({Role.PROJECT_LEAD}),
)
EVALUATOR = Access(
    user_id=4,
    evaluator_project_ids=frozenset({P1}),
    member_project_ids=frozenset({P1}),
    roles=frozenset({Role.EVALUATOR}),
)
MENTOR = Access(user_id=5, member_project_ids=frozenset({P1}), roles=frozenset({Role.MENTOR}))
PARTICIPANT = Access(user_id=6, person_id=60)
MENTOR_AND_PARTICIPANT = Access(
    user_id=7, person_id=70, member_project_ids=frozenset({P1}), roles=frozenset({Role.MENTOR})
)
STRANGER = Access(user_id=8)


def test_is_own_person():
    assert PARTICIPANT.is_own_person(60)
    assert not PARTICIPANT.is_own_person(61)
    assert not STRANGER.is_own_person(None)
    assert not ANONYMOUS.is_own_person(None)
    assert not ADMIN.is_own_person(60)


def test_is_mentor():
    assert MENTOR.is_mentor() and MENTOR_AND_PARTICIPANT.is_mentor()
    assert not any(a.is_mentor() for a in (ADMIN, COORD_A, LEAD, EVALUATOR, PARTICIPANT, ANONYMOUS))


def test_can_keep_mentor_profile():
    assert ADMIN.can_keep_mentor_profile() and MENTOR.can_keep_mentor_profile()
    assert not any(a.can_keep_mentor_profile() for a in (COORD_A, LEAD, EVALUATOR, PARTICIPANT, ANONYMOUS))


def test_can_use_my_mentoring():
    assert all(a.can_use_my_mentoring() for a in (PARTICIPANT, MENTOR, MENTOR_AND_PARTICIPANT))
    assert not any(a.can_use_my_mentoring() for a in (ADMIN, COORD_A, LEAD, EVALUATOR, STRANGER, ANONYMOUS))


def test_can_view_mentoring_programmes():
    assert all(a.can_view_mentoring_programmes() for a in (ADMIN, COORD_A, LEAD, EVALUATOR))
    assert not any(a.can_view_mentoring_programmes() for a in (MENTOR, PARTICIPANT, STRANGER, ANONYMOUS))


def test_can_manage_mentoring_programme():
    assert ADMIN.can_manage_mentoring_programme(P2, None)
    assert LEAD.can_manage_mentoring_programme(P1, None) and LEAD.can_manage_mentoring_programme(P1, B)
    assert not LEAD.can_manage_mentoring_programme(P2, C)
    assert COORD_A.can_manage_mentoring_programme(P1, A)
    assert not COORD_A.can_manage_mentoring_programme(P1, B)
    # A project-wide programme is run by the lead only.
    assert not COORD_A.can_manage_mentoring_programme(P1, None)
    assert not EVALUATOR.can_manage_mentoring_programme(P1, None)
    assert not MENTOR.can_manage_mentoring_programme(P1, None)


def test_mentoring_mentee_filter_shows_a_partner_its_own_mentees_and_others_only_with_consent(world):
    """Decision 0060: the lead of a project-wide programme, who coordinates partner a, sees partner b's
    mentee only once b's participant agreed at joining to share their request."""
    from polku.mentoring.models import MenteeRequest
    from polku.mentoring.tests import factories as mf

    f.membership(world.lead, Role.COORDINATOR, partner=world.a)
    lead, coord_a, admin = access_for(world.lead), access_for(world.coord_a), access_for(world.admin)
    wide = mf.ProgrammeFactory(project=world.project, partner=None)
    of_a = mf.MenteeRequestFactory(programme=wide, participation=world.part_a)
    of_b = mf.MenteeRequestFactory(programme=wide, participation=world.part_b)
    rows = MenteeRequest.objects.filter(programme=wide)
    project = world.project.pk

    assert set(rows.filter(lead.mentoring_mentee_filter(project, None))) == {of_a}
    assert set(rows.filter(coord_a.mentoring_mentee_filter(project, None))) == {of_a}
    assert set(rows.filter(admin.mentoring_mentee_filter(project, None))) == {of_a, of_b}
    MenteeRequest.objects.filter(pk=of_b.pk).update(shared_with_other_partners_at=dt.datetime.now(dt.UTC))
    assert set(rows.filter(lead.mentoring_mentee_filter(project, None))) == {of_a, of_b}
    # the consent is for the staff who run the programme, not for every coordinator of the project
    assert set(rows.filter(coord_a.mentoring_mentee_filter(project, None))) == {of_a}
    # in partner b's own programme the lead of partner a sees none of b's mentees
    own_b = mf.ProgrammeFactory(project=world.project, partner=world.b)
    in_b = mf.MenteeRequestFactory(programme=own_b, participation=world.part_b)
    assert not MenteeRequest.objects.filter(pk=in_b.pk).filter(
        lead.mentoring_mentee_filter(project, world.b.pk)
    )


def test_can_enrol_mentee():
    own: dict[str, Any] = {"person_id": 60, "partner_id": A, "project_id": P1, "programme_partner_id": None}
    assert PARTICIPANT.can_enrol_mentee(**own)
    assert not PARTICIPANT.can_enrol_mentee(**{**own, "person_id": 61})
    of_a: dict[str, Any] = {"person_id": 99, "partner_id": A, "project_id": P1, "programme_partner_id": A}
    assert COORD_A.can_enrol_mentee(**of_a)
    assert not COORD_A.can_enrol_mentee(**{**of_a, "partner_id": B, "programme_partner_id": B})
    # The coordinator's own participant, but in a programme of the whole project (run by the lead).
    assert not COORD_A.can_enrol_mentee(**{**of_a, "programme_partner_id": None})
    # The lead runs the programme but is no coordinator of the participant's partner.
    assert not LEAD.can_enrol_mentee(**of_a)
    assert ADMIN.can_enrol_mentee(**of_a)


def test_mentoring_side():
    assert PARTICIPANT.mentoring_side(mentee_person_id=60, mentor_user_id=5) == "mentee"
    assert MENTOR.mentoring_side(mentee_person_id=60, mentor_user_id=5) == "mentor"
    assert COORD_A.mentoring_side(mentee_person_id=60, mentor_user_id=5) is None
    assert ADMIN.mentoring_side(mentee_person_id=60, mentor_user_id=5) is None
    assert ANONYMOUS.mentoring_side(mentee_person_id=60, mentor_user_id=5) is None
    # A mentor who is a mentee of their own mentorship is seen as the mentee.
    assert MENTOR_AND_PARTICIPANT.mentoring_side(mentee_person_id=70, mentor_user_id=7) == "mentee"


def test_can_oversee_mentorship():
    assert COORD_A.can_oversee_mentorship(project_id=P1, programme_partner_id=A, mentee_partner_id=A)
    assert not COORD_A.can_oversee_mentorship(project_id=P1, programme_partner_id=B, mentee_partner_id=B)
    # A project-wide programme: the lead oversees the pairs of mentees who share their profile with the
    # programme's staff (decision 0060); a coordinator is not its manager.
    assert not LEAD.can_oversee_mentorship(project_id=P1, programme_partner_id=None, mentee_partner_id=B)
    assert LEAD.can_oversee_mentorship(
        project_id=P1, programme_partner_id=None, mentee_partner_id=B, mentee_shared=True
    )
    # Sharing is asked only in project-wide programmes: a partner's own programme stays the partner's.
    assert not LEAD.can_oversee_mentorship(
        project_id=P1, programme_partner_id=B, mentee_partner_id=B, mentee_shared=True
    )
    assert not COORD_A.can_oversee_mentorship(project_id=P1, programme_partner_id=None, mentee_partner_id=A)
    assert ADMIN.can_oversee_mentorship(project_id=P2, programme_partner_id=C, mentee_partner_id=C)
    assert not EVALUATOR.can_oversee_mentorship(project_id=P1, programme_partner_id=None, mentee_partner_id=A)
    assert not MENTOR.can_oversee_mentorship(project_id=P1, programme_partner_id=A, mentee_partner_id=A)


@pytest.fixture
def programmes(world):
    """Three programmes of the world's project (partner a, partner b, the whole project) and one elsewhere."""
    other = f.PartnerFactory()
    day = dt.date(2026, 1, 1)

    def make(project: Project, partner: Partner | None, name: str) -> MentoringProgramme:
        return ProgrammeFactory(project=project, partner=partner, name=name, starts_on=day, ends_on=day)

    return {
        "a": make(world.project, world.a, "a"),
        "b": make(world.project, world.b, "b"),
        "whole": make(world.project, None, "whole"),
        "elsewhere": make(other.project, other, "elsewhere"),
    }


def _names(access: Access) -> set[str]:
    return set(
        MentoringProgramme.objects.filter(access.mentoring_programme_filter()).values_list("name", flat=True)
    )


def test_mentoring_programme_filter(world, programmes):
    assert _names(access_for(world.admin)) == {"a", "b", "whole", "elsewhere"}
    assert _names(access_for(world.lead)) == {"a", "b", "whole"}
    assert _names(access_for(world.evaluator)) == {"a", "b", "whole"}
    assert _names(access_for(world.coord_a)) == {"a", "whole"}
    assert _names(access_for(world.user_a)) == set()
    assert _names(access_for(world.stranger)) == set()


def test_mentoring_project_filter(world):
    other = f.ProjectFactory()

    def projects(access: Access) -> set[Project]:
        return set(Project.objects.filter(access.mentoring_project_filter()))

    assert projects(access_for(world.admin)) == {world.project, other}
    assert projects(access_for(world.lead)) == {world.project}
    assert projects(access_for(world.coord_a)) == {world.project}
    assert projects(access_for(world.evaluator)) == set()
    assert projects(access_for(world.user_a)) == set()


def test_can_use_mentor_days():
    assert all(a.can_use_mentor_days() for a in (ADMIN, COORD_A, LEAD, PARTICIPANT))
    assert not any(a.can_use_mentor_days() for a in (EVALUATOR, MENTOR, STRANGER, ANONYMOUS))


def test_can_manage_mentor_days():
    assert all(a.can_manage_mentor_days() for a in (ADMIN, COORD_A, LEAD))
    assert not any(a.can_manage_mentor_days() for a in (EVALUATOR, MENTOR, PARTICIPANT, ANONYMOUS))


def test_can_manage_mentor_day():
    assert ADMIN.can_manage_mentor_day(P2, C)
    assert LEAD.can_manage_mentor_day(P1, A) and LEAD.can_manage_mentor_day(P1, B)
    assert not LEAD.can_manage_mentor_day(P2, C)
    assert COORD_A.can_manage_mentor_day(P1, A) and not COORD_A.can_manage_mentor_day(P1, B)
    assert not EVALUATOR.can_manage_mentor_day(P1, A) and not PARTICIPANT.can_manage_mentor_day(P1, A)


def test_mentor_day_filter(world):
    day_a, day_b = MentorDayFactory(activity__partner=world.a), MentorDayFactory(activity__partner=world.b)
    elsewhere = MentorDayFactory()
    days = MentorDay.objects.all()

    assert set(days.filter(access_for(world.admin).mentor_day_filter())) == {day_a, day_b, elsewhere}
    assert set(days.filter(access_for(world.lead).mentor_day_filter())) == {day_a, day_b}
    assert set(days.filter(access_for(world.coord_a).mentor_day_filter())) == {day_a}
    assert set(days.filter(access_for(world.evaluator).mentor_day_filter())) == set()


def test_mentor_day_partner_filter(world):
    other = f.PartnerFactory()

    def partners(access: Access) -> set[Partner]:
        return set(Partner.objects.filter(access.mentor_day_partner_filter()))

    assert partners(access_for(world.admin)) == {world.a, world.b, other}
    assert partners(access_for(world.lead)) == {world.a, world.b}
    assert partners(access_for(world.coord_a)) == {world.a}
    assert partners(access_for(world.evaluator)) == set()


def test_can_cancel_mentor_day_booking():
    assert PARTICIPANT.can_cancel_mentor_day_booking(person_id=60, project_id=P1, partner_id=A)
    assert not PARTICIPANT.can_cancel_mentor_day_booking(person_id=61, project_id=P1, partner_id=A)
    assert COORD_A.can_cancel_mentor_day_booking(person_id=61, project_id=P1, partner_id=A)
    assert not COORD_A.can_cancel_mentor_day_booking(person_id=61, project_id=P1, partner_id=B)
    assert LEAD.can_cancel_mentor_day_booking(person_id=61, project_id=P1, partner_id=B)
    assert not EVALUATOR.can_cancel_mentor_day_booking(person_id=61, project_id=P1, partner_id=A)


def test_can_manage_peer_groups():
    assert ADMIN.can_manage_peer_groups() and COORD_A.can_manage_peer_groups()
    assert not any(a.can_manage_peer_groups() for a in (LEAD, EVALUATOR, MENTOR, PARTICIPANT, ANONYMOUS))


def test_can_manage_peer_round():
    assert COORD_A.can_manage_peer_round(A) and ADMIN.can_manage_peer_round(B)
    assert not COORD_A.can_manage_peer_round(B)
    # The project lead does not run the partners' peer groups.
    assert not LEAD.can_manage_peer_round(A)


def test_peer_round_filter(world):
    round_a = PeerGroupRoundFactory(partner=world.a, name="a")
    round_b = PeerGroupRoundFactory(partner=world.b, name="b")

    assert set(PeerGroupRound.objects.filter(access_for(world.admin).peer_round_filter())) == {
        round_a,
        round_b,
    }
    assert set(PeerGroupRound.objects.filter(access_for(world.coord_a).peer_round_filter())) == {round_a}
    assert set(PeerGroupRound.objects.filter(access_for(world.lead).peer_round_filter())) == set()
    assert set(Partner.objects.filter(access_for(world.coord_a).peer_round_filter("pk"))) == {world.a}


def test_can_opt_in_peer_round():
    assert PARTICIPANT.can_opt_in_peer_round(person_id=60, partner_id=B)
    assert not PARTICIPANT.can_opt_in_peer_round(person_id=61, partner_id=A)
    assert COORD_A.can_opt_in_peer_round(person_id=61, partner_id=A)
    assert not COORD_A.can_opt_in_peer_round(person_id=61, partner_id=B)
    assert not LEAD.can_opt_in_peer_round(person_id=61, partner_id=A)


def test_can_join_peer_groups():
    assert PARTICIPANT.can_join_peer_groups() and MENTOR_AND_PARTICIPANT.can_join_peer_groups()
    assert not any(a.can_join_peer_groups() for a in (ADMIN, COORD_A, LEAD, MENTOR, ANONYMOUS))
