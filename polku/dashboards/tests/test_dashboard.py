import datetime as dt

import pytest
from django.urls import reverse

from polku.dashboards.figures import hidden_cells, publish
from polku.outcomes.models import ExitRecord, ExitStatus, Outcome, Source
from polku.projects.models import ActivityEnrolment, Target
from polku.testing import factories as f


def test_primary_and_secondary_suppression():
    cells = {"total": 12, "a": 3, "b": 9}
    assert hidden_cells(cells, [("total", ["a", "b"])]) == {"a", "b"}
    assert hidden_cells({"total": 20, "a": 10, "b": 10}, [("total", ["a", "b"])]) == set()
    # zero is shown; the smallest non-zero visible cell goes with a small one
    cells = {"t": 17, "a": 2, "b": 0, "c": 6, "d": 9}
    assert hidden_cells(cells, [("t", ["a", "b", "c", "d"])]) == {"a", "c"}
    assert publish(cells, [("t", ["a", "b", "c", "d"])], exact=True)["a"].value == 2


def test_nested_equations_reach_a_fixpoint():
    # partners p1 (4) and p2 (6) in FI, p3 (20) in SE; FI's subtotal 10 and the total 30
    cells = {"T": 30, "FI": 10, "SE": 20, "p1": 4, "p2": 6, "p3": 20}
    hidden = hidden_cells(cells, [("FI", ["p1", "p2"]), ("SE", ["p3"]), ("T", ["FI", "SE"])])
    assert {"p1", "p2"} <= hidden
    # no equation is left with exactly one hidden member
    for total, parts in [("FI", ["p1", "p2"]), ("SE", ["p3"]), ("T", ["FI", "SE"])]:
        assert sum(m in hidden for m in [total, *parts]) != 1


def _people(partner, n, *, exited=0, entry=dt.date(2025, 3, 1)):
    rows = [f.ParticipationFactory(partner=partner, entry_date=entry) for _ in range(n)]
    for p in rows[:exited]:
        p.exit_date = entry + dt.timedelta(days=30)
        p.save()
    return rows


@pytest.fixture
def crowd(world):
    a_people = _people(world.a, 9, exited=6)
    _people(world.b, 2, exited=1)
    world.c = f.PartnerFactory(project=world.project, country=world.a.country)
    _people(world.c, 8)
    ExitRecord.objects.create(
        participation=a_people[0], status=ExitStatus.EMPLOYED, source=Source.COORDINATOR
    )
    Outcome.objects.create(
        participation=a_people[1], kind=Outcome.Kind.JOB, date=dt.date(2025, 5, 3), source=Source.COORDINATOR
    )
    activity = f.ActivityFactory(partner=world.a)
    for p in a_people[:7]:
        ActivityEnrolment.objects.create(activity=activity, participation=p, enrolled_on=dt.date(2025, 3, 2))
    f.TargetFactory(project=world.project, metric=Target.Metric.PARTICIPANTS, label="Everyone", value=40)
    f.TargetFactory(
        project=world.project, metric=Target.Metric.EXITED, label="Exits of B", value=5, partner=world.b
    )
    f.TargetFactory(
        project=world.project, metric=Target.Metric.ACTIVITY_PARTICIPANTS, label="In trainings", value=20
    )
    return world


def _board(client, user, project, **params):
    client.force_login(user)
    response = client.get(reverse("dashboards:dashboard", args=[project.code]), params)
    assert response.status_code == 200
    return response.context["board"]


def test_lead_sees_the_whole_project_suppressed(client, crowd, django_assert_max_num_queries):
    w = crowd
    client.force_login(w.lead)
    client.get(reverse("projects:list"))
    # grouped queries: the count does not grow with partners, targets or months
    with django_assert_max_num_queries(22):
        board = _board(client, w.lead, w.project)
    rows = {r.partner.pk: r for r in board.partner_rows}
    assert rows[w.a.pk].stages["registered"].value == 10  # 9 + the world's participant a
    assert rows[w.b.pk].stages["registered"].hidden  # 3 people
    # b's hidden cell cannot be worked out from the total: the next smallest partner (c, 8) goes with it
    assert rows[w.c.pk].stages["registered"].hidden
    assert board.funnel["registered"].value == 21
    assert not board.scope.exact
    targets = {t.target.label: t.actual for t in board.targets}
    assert targets["Everyone"].value == 21
    assert targets["Exits of B"].hidden
    assert targets["In trainings"].value == 7


def test_coordinator_sees_only_their_partner_exactly(client, crowd):
    w = crowd
    board = _board(client, w.coord_b, w.project)
    assert [p.pk for p in board.scope.partners] == [w.b.pk]
    assert board.scope.exact
    assert board.funnel["registered"].value == 3
    assert board.funnel["exited"].value == 1
    labels = [t.target.label for t in board.targets]
    assert "Exits of B" in labels
    # a coordinator cannot filter their way into another partner
    board = _board(client, w.coord_b, w.project, partner=w.a.pk)
    assert [p.pk for p in board.scope.partners] == [w.b.pk]


def test_funnel_stages_and_outcomes(client, crowd):
    w = crowd
    board = _board(client, w.coord_a, w.project)
    assert board.funnel["registered"].value == 10
    assert board.funnel["active"].value == 7
    assert board.funnel["exited"].value == 6
    assert board.funnel["outcome"].value == 2  # an employed exit and a dated job
    assert [(r.month, r.total.value) for r in board.months] == [(dt.date(2025, 5, 1), 1)]
    response = client.get(reverse("dashboards:dashboard", args=[w.project.code]))
    html = response.content.decode()
    assert "not tracked yet" in html and "<svg" in html and "<title" in html


def test_period_filter_and_invalid_period(client, crowd):
    w = crowd
    board = _board(client, w.lead, w.project, **{"from": "2025-04-01"})
    assert board.funnel["registered"].value == 0
    board = _board(client, w.lead, w.project, **{"from": "2025-04-01", "to": "2025-01-01"})
    assert board.filters.period_from is None  # an invalid period is not applied; the form says why


def test_funnel_counts_each_person_once_and_respects_the_period_end(client, crowd):
    """The edges of the funnel's semi-joins: two enrolments or an outcome and a result count once; an
    enrolment, an outcome or an exit after the period's end does not count; a result whose
    participation has no exit date (re-entered) is not an outcome."""
    w = crowd
    first = Outcome.objects.get(participation__partner=w.a).participation  # exited, with a dated job
    third = w.a.participations.filter(exit_date__isnull=True, enrolments__isnull=True).first()
    assert first.exit_date is not None and third is not None
    other = f.ActivityFactory(partner=w.a)
    ActivityEnrolment.objects.create(activity=other, participation=first, enrolled_on=dt.date(2025, 6, 1))
    ExitRecord.objects.create(participation=first, status=ExitStatus.EDUCATION, source=Source.COORDINATOR)
    ExitRecord.objects.create(participation=third, status=ExitStatus.EMPLOYED, source=Source.COORDINATOR)
    ActivityEnrolment.objects.create(activity=other, participation=third, enrolled_on=dt.date(2025, 6, 1))
    board = _board(client, w.coord_a, w.project)
    assert board.funnel["active"].value == 8  # seven, and the third once more; the first once
    assert board.funnel["outcome"].value == 2  # an employed exit, a dated job with a result: once each
    board = _board(client, w.coord_a, w.project, to="2025-05-31")
    assert board.funnel["active"].value == 7  # the enrolments of June do not count
    assert board.funnel["outcome"].value == 2
    Outcome.objects.filter(participation=first).update(date=dt.date(2025, 6, 3))
    board = _board(client, w.coord_a, w.project, to="2025-05-31")
    assert board.funnel["outcome"].value == 2  # the first still has an education result at exit
    board = _board(client, w.coord_a, w.project, to="2025-03-15")
    assert board.funnel["exited"].value == 0  # the exits are on 31 March
    assert board.funnel["outcome"].value == 0
