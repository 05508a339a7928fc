"""Reads: who sees a person's self-assessments, the audit of staff reads, history, the profile summary,
and a project's before/after deltas with small-cell suppression and partner isolation."""

import pytest
from django.http import Http404

from polku.accounts.access import access_for
from polku.assessments import selectors
from polku.assessments.tests.factories import assessment
from polku.audit.models import AuditEvent
from polku.core.errors import AccessDenied
from polku.participants.selectors import visible_person
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "user,visible",
    [
        ("user_a", True),
        ("coord_a", True),
        ("admin", True),
        ("coord_b", False),
        ("lead", False),
        ("evaluator", False),
        ("user_b", False),
        ("stranger", False),
    ],
)
def test_who_sees_a_person(world, user, visible):
    access = access_for(getattr(world, user))
    if visible:
        assert visible_person(access=access, person_id=world.part_a.person_id) == world.part_a.person
    else:
        with pytest.raises(Http404):
            visible_person(access=access, person_id=world.part_a.person_id)


def test_staff_reads_are_audited_own_reads_are_not(world):
    person = world.part_a.person
    a = assessment(person)
    list(selectors.assessment_list(access=access_for(world.user_a), actor=world.user_a, person=person))
    assert not AuditEvent.objects.filter(action="read").exists()
    selectors.assessment_get(access=access_for(world.coord_a), actor=world.coord_a, pk=a.pk)
    event = AuditEvent.objects.get(action="read")
    assert (event.person_id, event.partner_id, event.fields) == (person.pk, world.a.pk, ["self_assessments"])
    with pytest.raises(Http404):
        selectors.assessment_get(access=access_for(world.coord_b), actor=world.coord_b, pk=a.pk)


def test_history_first_against_latest(world):
    person = world.part_a.person
    assessment(person, level=2, levels={"1.1": 1, "5.4": None}, days=0)
    assessment(person, level=4, levels={"1.1": 5}, days=120)
    assessment(person, framework="entrecomp", level=3)
    histories = selectors.person_history(access=access_for(world.user_a), actor=world.user_a, person=person)
    assert [h.framework.key for h in histories] == ["digcomp-2.2", "entrecomp-1.0"]
    dc = histories[0]
    assert dc.repeated and len(dc.assessments) == 2
    area1 = dc.areas[0]
    c11 = area1.competences[0]
    assert (c11.first, c11.latest, c11.delta) == (1, 5, 4)
    assert area1.first == pytest.approx(5 / 3) and area1.latest == pytest.approx(13 / 3)
    c54 = dc.areas[4].competences[3]
    assert (c54.first, c54.latest, c54.delta) == (None, 4, None)  # skipped the first time
    ec = histories[1]
    assert not ec.repeated and ec.areas[0].delta is None and ec.areas[0].latest == 3


def test_latest_summary(world):
    person = world.part_a.person
    assert selectors.latest_summary(person) == []
    assessment(person, level=2)
    assessment(person, level=3, days=90)
    (summary,) = selectors.latest_summary(person)
    assert summary.taken == 2 and summary.framework.key == "digcomp-2.2"
    assert [a.level for a in summary.areas] == [3, 3, 3, 3, 3]
    assert [a.delta for a in summary.areas] == [1, 1, 1, 1, 1]


def _people(world, partner, n, *, first=2, latest=4):
    for _ in range(n):
        person = f.ParticipationFactory(partner=partner).person
        assessment(person, level=first)
        assessment(person, level=latest, days=100)


def test_project_deltas_lead_sees_the_whole_project_with_small_cells_suppressed(world, settings):
    settings.POLKU_SUPPRESSION_THRESHOLD = 5
    _people(world, world.a, 4)
    _people(world, world.b, 3, first=3, latest=3)
    assessment(world.part_a.person)  # one sitting only: assessed, not compared
    d = selectors.project_deltas(access=access_for(world.lead), project=world.project)
    assert not d.exact and d.whole_project
    assert d.people_assessed == 8 and d.people_repeated == 7
    area = d.areas[0].delta
    assert area.people == 7
    assert area.mean_first == pytest.approx((4 * 2 + 3 * 3) / 7)
    assert area.mean_change == pytest.approx((4 * 2) / 7)
    # improved 4 and same 3 are both under 5: hidden; declined 0 shown
    assert (area.improved, area.same, area.declined) == (None, None, 0)


def test_project_deltas_hide_groups_under_the_threshold(world, settings):
    settings.POLKU_SUPPRESSION_THRESHOLD = 5
    _people(world, world.a, 2)
    d = selectors.project_deltas(access=access_for(world.evaluator), project=world.project)
    area = d.areas[0].delta
    assert area.hidden and area.mean_first is None and area.mean_change is None
    assert d.people_repeated is None


def test_coordinator_sees_only_their_partners_figures_exactly(world):
    _people(world, world.a, 2, first=1, latest=5)
    _people(world, world.b, 6, first=3, latest=3)
    d = selectors.project_deltas(access=access_for(world.coord_a), project=world.project)
    assert d.exact and [p.pk for p in d.partners] == [world.a.pk]
    area = d.areas[0].delta
    assert (area.people, area.improved, area.mean_change) == (2, 2, 4)
    # a partner filter cannot reach another partner's figures
    other = selectors.project_deltas(
        access=access_for(world.coord_a), project=world.project, partner_id=world.b.pk
    )
    assert other.partners == [] and other.areas[0].delta.people == 0


def test_entrecomp_deltas_and_refusals(world):
    _people(world, world.a, 5)
    with pytest.raises(AccessDenied):
        selectors.project_deltas(access=access_for(world.user_a), project=world.project)
    d = selectors.project_deltas(
        access=access_for(world.admin), project=world.project, framework_key="entrecomp"
    )
    assert d.exact and d.people_assessed == 0 and len(d.areas) == 3


def test_people_with_assessments_partner_isolation(world):
    assessment(world.part_a.person)
    assessment(world.part_b.person)
    assert [p.pk for p in selectors.people_with_assessments(access=access_for(world.coord_a))] == [
        world.part_a.person_id
    ]
    assert selectors.people_with_assessments(access=access_for(world.admin)).count() == 2
    with pytest.raises(AccessDenied):
        selectors.people_with_assessments(access=access_for(world.lead))


def _enrolled(activity, partner, n, *, first=2, latest=4):
    import datetime as dt

    from polku.activities.models import ActivityEnrolment

    for _ in range(n):
        participation = f.ParticipationFactory(partner=partner)
        ActivityEnrolment.objects.create(
            activity=activity, participation=participation, enrolled_on=dt.date(2025, 4, 1)
        )
        assessment(participation.person, level=first)
        assessment(participation.person, level=latest, days=100)


def test_activity_deltas_count_only_the_enrolled_under_the_project_rules(world, settings):
    settings.POLKU_SUPPRESSION_THRESHOLD = 5
    activity = f.ActivityFactory(partner=world.a, project=world.project)
    _enrolled(activity, world.a, 5)  # 2 → 4
    _enrolled(activity, world.b, 1, first=3, latest=3)  # enrolled through the other partner
    _people(world, world.a, 3, first=1, latest=8)  # in the project, not in the activity: never counted
    coordinator = selectors.activity_deltas(access=access_for(world.coord_a), activity=activity)
    assert coordinator.exact and [p.pk for p in coordinator.partners] == [world.a.pk]
    area = coordinator.areas[0].delta
    assert (coordinator.people_repeated, area.people, area.improved, area.mean_change) == (5, 5, 5, 2)
    # the other partner's coordinator sees only their own one participant of the activity, exactly
    other = selectors.activity_deltas(access=access_for(world.coord_b), activity=activity)
    assert other.exact and other.areas[0].delta.people == 1 and other.areas[0].delta.mean_change == 0
    # the lead sees both partners' six, suppressed: same 1 hidden, and improved 5 too, since 6 - 5 - 0
    # would give it away
    lead = selectors.activity_deltas(access=access_for(world.lead), activity=activity)
    area = lead.areas[0].delta
    assert not lead.exact and lead.whole_project and area.people == 6
    assert area.mean_change == pytest.approx(10 / 6)
    assert (area.improved, area.same, area.declined) == (None, None, 0)
    with pytest.raises(AccessDenied):
        selectors.activity_deltas(access=access_for(world.user_a), activity=activity)


def test_activity_deltas_hide_a_small_activity_from_the_lead(world, settings):
    settings.POLKU_SUPPRESSION_THRESHOLD = 5
    activity = f.ActivityFactory(partner=world.a, project=world.project)
    _enrolled(activity, world.a, 2)
    lead = selectors.activity_deltas(access=access_for(world.evaluator), activity=activity)
    assert lead.people_assessed is None and lead.people_repeated is None
    assert lead.areas[0].delta.hidden and lead.areas[0].delta.mean_change is None
    entrecomp = selectors.activity_deltas(
        access=access_for(world.admin), activity=activity, framework_key="entrecomp"
    )
    assert entrecomp.exact and entrecomp.people_assessed == 0
