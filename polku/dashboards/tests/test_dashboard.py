import datetime as dt

import pytest
from django.urls import reverse

from polku.activities.models import ActivityEnrolment, Target
from polku.competences.models import ProfileSkill
from polku.esco.tests import factories as esco
from polku.learning.tests.factories import PlanFactory
from polku.outcomes.models import ExitRecord, ExitStatus, Outcome, Source
from polku.participants.models import Participation
from polku.testing import factories as f


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
    # grouped queries: the count does not grow with partners, targets or months (22 of the dashboard; one
    # for the employers section's check that the project has employers, and the community and
    # entrepreneurship sections' own counts, each a fixed number: their sections.py)
    with django_assert_max_num_queries(33):
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
    assert board.funnel["mapped"].value == 0 and board.funnel["plan"].value == 0
    assert [(r.month, r.total.value) for r in board.months] == [(dt.date(2025, 5, 1), 1)]
    response = client.get(reverse("dashboards:dashboard", args=[w.project.code]))
    html = response.content.decode()
    assert "not tracked yet" not in html and "<svg" in html and "<title" in html


def test_funnel_counts_competences_mapped_and_plans_made_while_taking_part(client, crowd):
    w = crowd
    people = list(Participation.objects.filter(partner=w.a).order_by("pk"))
    exited, staying = people[1], people[-1]  # exited 2025-03-31; still taking part
    assert exited.exit_date and not staying.exit_date
    for p in (exited, staying):
        ProfileSkill.objects.create(person=p.person, skill=esco.skill(f"skill {p.pk}"), status="confirmed")
    ProfileSkill.objects.create(person=people[2].person, skill=esco.skill("only suggested"))
    PlanFactory(person=staying.person)
    PlanFactory(person=exited.person)  # made today, after the exit: not this participation's plan
    board = _board(client, w.coord_a, w.project)
    assert board.funnel["mapped"].value == 2
    assert board.funnel["plan"].value == 1
    rows = {r.partner.pk: r for r in board.partner_rows}
    assert rows[w.a.pk].stages["mapped"].value == 2


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


def test_work_package_and_activity_targets_count_each_person_once(client, crowd):
    """The enrolment counts of one statement: per work package and per "participants in activities"
    target, a person enrolled twice counts once; a person in two work packages counts in each, and once
    for a target over all activities; the targets' partner and country, and the period, narrow them."""
    w = crowd
    wp1 = f.WorkPackageFactory(project=w.project, number=1)
    wp2 = f.WorkPackageFactory(project=w.project, number=2)
    in_wp1 = [f.ActivityFactory(partner=w.a, work_package=wp1) for _ in range(2)]
    in_wp2 = f.ActivityFactory(partner=w.c, work_package=wp2)
    a_people = list(w.a.participations.filter(enrolments__isnull=False).order_by("pk"))  # the crowd's 7
    c_people = list(w.c.participations.order_by("pk"))
    on = dt.date(2025, 3, 5)
    for p in a_people[:3]:  # in both activities of WP1: once each
        for activity in in_wp1:
            ActivityEnrolment.objects.create(activity=activity, participation=p, enrolled_on=on)
    for p in [a_people[0], *c_people[:5]]:  # the first of a also in WP2
        ActivityEnrolment.objects.create(activity=in_wp2, participation=p, enrolled_on=on)
    targets = {
        "WP1 people": {"work_package": wp1},
        "WP2 people of c": {"work_package": wp2, "partner": w.c},
        "People in the country": {"country": w.a.country},
        "People with b": {"partner": w.b},
    }
    for label, where in targets.items():
        f.TargetFactory(
            project=w.project, metric=Target.Metric.ACTIVITY_PARTICIPANTS, label=label, value=10, **where
        )
    board = _board(client, w.coord_a, w.project)  # exact: coordinator of a sees only a
    assert {r.label.split(" ")[0]: r.participants.value for r in board.work_packages} == {
        "WP1": 3,
        "WP2": 1,
        "No": 7,  # the crowd's activity without a work package
    }
    actual = {t.target.label: t.actual.value for t in board.targets}
    assert actual["WP1 people"] == 3
    assert actual["In trainings"] == 7  # all activities: the seven of the crowd's activity, a's three in it
    assert actual["People in the country"] == 7
    assert "WP2 people of c" not in actual  # another partner's target
    w.coord_a.is_superuser = True  # an admin: the whole project, exact
    w.coord_a.save()
    board = _board(client, w.coord_a, w.project)
    assert {r.label.split(" ")[0]: r.participants.value for r in board.work_packages} == {
        "WP1": 3,
        "WP2": 6,
        "No": 7,
    }
    actual = {t.target.label: t.actual.value for t in board.targets}
    assert actual["WP2 people of c"] == 6
    assert actual["In trainings"] == 12  # 7 + c's five; a's first once
    assert actual["People in the country"] == 12  # a and c are in the same country
    assert actual["People with b"] == 0
    board = _board(client, w.coord_a, w.project, **{"from": "2025-04-01"})  # nobody entered after March
    assert {t.target.label: t.actual.value for t in board.targets}["In trainings"] == 0


def test_months_without_outcomes_show_as_zero_between_the_first_and_the_last(client, crowd):
    w = crowd
    later = Participation.objects.filter(partner=w.a).order_by("pk")[2]
    Outcome.objects.create(
        participation=later, kind=Outcome.Kind.JOB, date=dt.date(2025, 8, 20), source=Source.COORDINATOR
    )
    board = _board(client, w.coord_a, w.project)
    assert [r.month for r in board.months] == [dt.date(2025, m, 1) for m in (5, 6, 7, 8)]
    june, july = board.months[1], board.months[2]
    assert june.total.value == 0 and july.total.value == 0
    assert all(figure.value == 0 for figure in june.kinds.values())
    # the sums are those of the suppressed table: the zeros change nothing
    assert board.outcome_total.hidden or board.outcome_total.value == 2


def test_the_year_end_is_crossed_month_by_month():
    from polku.dashboards.selectors import _month_range

    months = _month_range(dt.date(2025, 11, 1), dt.date(2026, 2, 1))
    assert months == [dt.date(2025, 11, 1), dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 2, 1)]


def test_chart_text_is_html_at_the_page_size_and_bars_are_percentages():
    from polku.dashboards.charts import bar_chart
    from polku.suppression import Figure

    chart = bar_chart(
        chart_id="c", title="T", bars=[("a", Figure(10)), ("b", Figure(5)), ("c", Figure(None)), ("d", None)]
    )
    assert [b.percent for b in chart.bars] == ["100", "50", "0", "0"]
    assert chart.bars[2].hidden and chart.any_hidden
    goals = bar_chart(chart_id="g", title="G", bars=[("x", Figure(15)), ("y", Figure(60))], goals=[40, 50])
    assert [(b.percent, b.text) for b in goals.bars] == [("37.5", "15 / 40"), ("100", "60 / 50")]
    from django.template.loader import render_to_string

    html = render_to_string("dashboards/_bar_chart.html", {"chart": chart})
    assert "font-size" not in html and 'width="50"' in html and "<text" not in html
