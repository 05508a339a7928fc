"""Targets of the metrics that apps above register (outcomes, mentoring pairs) with their kinds: offered by
the target form per metric, checked per metric by the service (a field error that names what is counted),
added through the page and the API, and shown in words on the project page. And an activity of the whole
project (no partner) counted for each participant where they belong."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from polku.activities.forms import TargetForm
from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.activities.selectors import target_progress
from polku.testing import factories as f

CODE = "S29999"
PROJECT = f"/api/v1/projects/{CODE}"


def api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def _choices(form: TargetForm) -> dict[str, list[str]]:
    """The kind select's groups: metric label -> kind values."""
    groups: dict[str, list[str]] = {}
    for value, label in form.fields["kind"].choices:  # type: ignore[attr-defined]
        if isinstance(label, list | tuple):
            groups[str(value)] = [str(v) for v, _l in label]
    return groups


def test_the_kind_select_offers_the_kinds_of_each_metric(world):
    groups = _choices(TargetForm(project=world.project))
    assert groups["Different people with an outcome"] == [
        "job",
        "internship_started",
        "internship_finished",
        "company_founded",
        "business_taken_over",
        "studies_started",
        "qualification",
        "other_service",
    ]
    assert groups["Mentoring pairs formed"] == ["career", "entrepreneurship", "sparring", "peer"]
    assert "mentoring" in groups["Activities held"] and "peer_group" in groups["Activities held"]


@pytest.mark.parametrize(
    ("metric", "kind"),
    [
        ("outcomes", "studies_started"),
        ("outcomes", "company_founded"),
        ("outcomes", ""),
        ("mentoring_pairs", "career"),
        ("mentoring_pairs", ""),
        ("activities", "peer_group"),
        ("activity_participants", ""),
    ],
)
def test_lead_adds_a_target_of_each_metric_through_the_page(client, world, metric, kind):
    client.force_login(world.lead)
    data = {"label": "Promised", "metric": metric, "kind": kind, "value": "15", "country": "FI"}
    response = client.post(reverse("activities:target_create", args=[CODE]), data)
    assert response.status_code == 302
    target = Target.objects.get(label="Promised")
    assert (target.metric, target.kind, target.value, target.country) == (metric, kind, 15, "FI")


def test_a_kind_of_another_metric_is_a_field_error_naming_what_is_counted(client, world):
    client.force_login(world.lead)
    url = reverse("activities:target_create", args=[CODE])
    response = client.post(url, {"label": "Dinners", "metric": "outcomes", "kind": "dinner", "value": "6"})
    assert response.status_code == 400
    (message,) = response.context["form"].errors["kind"]
    assert "Different people with an outcome" in message and "Started studies" in message
    response = client.post(url, {"label": "X", "metric": "participants", "kind": "career", "value": "6"})
    assert response.status_code == 400
    assert response.context["form"].errors["kind"] == [
        "“Participants who started” has no kinds: leave the kind empty."
    ]
    assert response.context["form"].data["label"] == "X"  # the input is kept
    assert not Target.objects.exists()


@pytest.mark.parametrize(
    ("metric", "kind"),
    [("outcomes", "company_founded"), ("mentoring_pairs", "sparring"), ("activities", "mentoring")],
)
def test_the_api_adds_targets_of_the_new_metrics_with_labels_in_words(world, metric, kind):
    response = api(world.lead).post(
        f"{PROJECT}/targets/",
        {"label": "Promised", "metric": metric, "kind": kind, "value": 6, "partner": world.a.pk},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["metric"], body["kind"]) == (metric, kind)
    assert body["metric_label"] == str(Target.Metric(metric).label)
    assert body["kind_label"] in {"Founded a company", "Sparring", "Mentoring"}


def test_the_api_refuses_a_kind_the_metric_does_not_count_with_a_field_error(world):
    client = api(world.lead)
    response = client.post(
        f"{PROJECT}/targets/",
        {"label": "Studies", "metric": "mentoring_pairs", "kind": "studies_started", "value": 15},
        format="json",
    )
    assert response.status_code == 400
    (message,) = response.json()["kind"]
    assert message.startswith("“Mentoring pairs formed” counts only these kinds: Career mentoring")
    target = f.TargetFactory(project=world.project, metric="outcomes", kind="job", label="Jobs")
    response = client.patch(f"{PROJECT}/targets/{target.pk}/", {"kind": "dinner"}, format="json")
    assert response.status_code == 400 and "kind" in response.json()
    target.refresh_from_db()
    assert target.kind == "job"


def test_target_rows_name_metric_kind_and_country_in_words(client, world):
    f.TargetFactory(
        project=world.project,
        metric="outcomes",
        kind="studies_started",
        country="SE",
        label="Further studies",
    )
    client.force_login(world.lead)
    html = client.get(reverse("projects:detail", args=[CODE])).content.decode()
    assert "Different people with an outcome: Started studies" in html
    assert "Sweden" in html and ">SE<" not in html and "studies_started" not in html
    with_fi = client.get(reverse("projects:detail", args=[CODE]), HTTP_ACCEPT_LANGUAGE="fi")
    assert "Ruotsi" in with_fi.content.decode()


def test_the_dashboard_names_what_a_target_counts_and_its_country_in_words(client, world):
    f.TargetFactory(
        project=world.project, metric="mentoring_pairs", kind="sparring", country="NO", label="Sparring pairs"
    )
    client.force_login(world.lead)
    html = client.get(reverse("dashboards:dashboard", args=[CODE])).content.decode()
    assert "Mentoring pairs formed: Sparring" in html
    assert "<td>Norway</td>" in html and "<td>NO</td>" not in html


def test_an_activity_of_the_whole_project_counts_each_participant_for_their_own_partner(world):
    se = f.PartnerFactory(project=world.project, country="SE", organisation__name="Malmö")
    part_se = f.ParticipationFactory(partner=se)
    whole = Activity.objects.create(project=world.project, partner=None, kind="mentoring", name="Circle")
    own_of_b = f.ActivityFactory(partner=world.b, kind="training")
    for activity, participation in ((whole, world.part_a), (whole, part_se), (own_of_b, world.part_a)):
        ActivityEnrolment.objects.create(
            activity=activity, participation=participation, enrolled_on=dt.date(2025, 5, 1)
        )
    for label, where in [
        ("all", {}),
        ("a", {"partner": world.a}),
        ("b", {"partner": world.b}),
        ("se", {"country": "SE"}),
        ("fi", {"country": "FI"}),
    ]:
        f.TargetFactory(project=world.project, metric="activity_participants", label=label, **where)
    f.TargetFactory(project=world.project, metric="activities", label="held", kind="mentoring")
    f.TargetFactory(project=world.project, metric="activities", label="held by a", partner=world.a)
    counts = {row.target.label: row.actual for row in target_progress(project=world.project)}
    # a: only through the whole project's activity (part_a's other activity is b's, counted for b)
    assert counts == {"all": 2, "a": 1, "b": 1, "se": 1, "fi": 1, "held": 1, "held by a": 0}
