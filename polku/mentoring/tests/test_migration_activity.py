"""Existing programmes and rounds become activities (mentoring.0002, peergroups.0002, decision 0057).

The test database is migrated back to before the link, rows are written with the models as they were then,
and the database is migrated forward: every programme and round has its activity, the mentees of pairs that
started and the members of published rounds are enrolled, and nobody else is.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from polku.activities.models import Activity, ActivityEnrolment
from polku.mentoring.models import MentoringProgramme
from polku.peergroups.models import PeerGroupRound

BEFORE = [("mentoring", "0001_initial"), ("peergroups", "0001_initial")]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)


def _latest() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _rows(apps) -> dict[str, int]:
    Organisation = apps.get_model("organisations", "Organisation")
    Project = apps.get_model("projects", "Project")
    Partner = apps.get_model("projects", "Partner")
    Person = apps.get_model("participants", "Person")
    Participation = apps.get_model("participants", "Participation")
    User = apps.get_model("accounts", "User")
    MentorProfile = apps.get_model("mentoring", "MentorProfile")
    Programme = apps.get_model("mentoring", "MentoringProgramme")
    MenteeRequest = apps.get_model("mentoring", "MenteeRequest")
    Mentorship = apps.get_model("mentoring", "Mentorship")
    Round = apps.get_model("peergroups", "PeerGroupRound")
    PeerGroup = apps.get_model("peergroups", "PeerGroup")
    Membership = apps.get_model("peergroups", "PeerGroupMembership")

    project = Project.objects.create(
        code="S20001",
        name="Old",
        funder="esf_plus",
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2027, 12, 31),
    )
    organisation = Organisation.objects.create(name="City", kind="city", country="FI")
    partner = Partner.objects.create(project=project, organisation=organisation, country="FI", is_lead=True)
    people = []
    for n in range(4):
        person = Person.objects.create(first_name=f"P{n}", last_name="Old", email=f"p{n}@example.org")
        people.append(
            Participation.objects.create(
                person=person,
                project=project,
                partner=partner,
                entry_date=dt.date(2025, 3, 1),
                channel="coordinator",
            )
        )
    mentor = MentorProfile.objects.create(user=User.objects.create(email="mentor@example.org"))
    own = Programme.objects.create(
        project=project,
        partner=partner,
        name="Own",
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
    )
    whole = Programme.objects.create(
        project=project,
        partner=None,
        name="Whole",
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
    )
    for participation, programme, status, started in [
        (people[0], own, "active", dt.date(2025, 4, 1)),
        (people[1], own, "closed", dt.date(2025, 2, 1)),  # before entry: enrolled from the entry
        (people[2], own, "pending", None),
        (people[3], whole, "declined", None),
    ]:
        mentee = MenteeRequest.objects.create(programme=programme, participation=participation, kind="career")
        Mentorship.objects.create(
            programme=programme,
            mentee=mentee,
            mentor=mentor,
            origin="matching",
            status=status,
            started_on=started,
        )
    published = Round.objects.create(
        project=project,
        partner=partner,
        name="Spring",
        status="published",
        published_at=dt.datetime(2025, 5, 2, 9, tzinfo=dt.UTC),  # noon in Helsinki
        attributes=[],
    )
    draft = Round.objects.create(project=project, partner=partner, name="Autumn", attributes=[])
    for peer_round in (published, draft):
        group = PeerGroup.objects.create(round=peer_round, number=1)
        for participation in people[:2]:
            Membership.objects.create(round=peer_round, group=group, participation=participation)
    return {
        "own": own.pk,
        "whole": whole.pk,
        "published": published.pk,
        "draft": draft.pk,
        **{f"p{n}": p.pk for n, p in enumerate(people)},
    }


@pytest.mark.django_db(transaction=True)
def test_existing_programmes_and_rounds_become_activities_with_who_took_part():
    try:
        executor = _migrate(BEFORE)
        # the state of every other app as it is now, with mentoring and peer groups before the link
        others = [n for n in executor.loader.graph.leaf_nodes() if n[0] not in {app for app, _ in BEFORE}]
        ids = _rows(executor.loader.project_state([*others, *BEFORE]).apps)
        _latest()

        own = MentoringProgramme.objects.get(pk=ids["own"])
        assert (own.activity.kind, own.activity.partner_id, own.activity.name) == (
            "mentoring",
            own.partner_id,
            "Own",
        )
        assert (own.activity.starts_on, own.activity.ends_on) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        assert {(e.participation_id, e.enrolled_on) for e in own.activity.enrolments.all()} == {
            (ids["p0"], dt.date(2025, 4, 1)),
            (ids["p1"], dt.date(2025, 3, 1)),
        }
        whole = MentoringProgramme.objects.get(pk=ids["whole"])
        assert whole.activity.partner_id is None and not whole.activity.enrolments.exists()

        published = PeerGroupRound.objects.get(pk=ids["published"])
        assert (published.activity.kind, published.activity.starts_on) == ("peer_group", dt.date(2025, 5, 2))
        assert set(published.activity.enrolments.values_list("participation_id", flat=True)) == {
            ids["p0"],
            ids["p1"],
        }
        draft = PeerGroupRound.objects.get(pk=ids["draft"])
        assert draft.activity.starts_on is None and not draft.activity.enrolments.exists()
        assert Activity.objects.count() == 4 and ActivityEnrolment.objects.count() == 4

        # backwards, the activities made by the migrations go again with their enrolments
        _migrate(BEFORE)
        assert not Activity.objects.exists() and not ActivityEnrolment.objects.exists()
    finally:
        _latest()
