"""A project's funder indicator set (ESF+ 2021–2027 or ESF 2014–2020): edited by platform admins on the
project edit page and through the API, audited, shown on the project page, counted by the reports."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from polku.audit.models import AuditEvent
from polku.projects.forms import ProjectForm
from polku.projects.indicator_sets import indicator_set_for

pytestmark = pytest.mark.django_db


def _form_data(project, **overrides):
    data = {
        "name": project.name,
        "code": project.code,
        "funder": project.funder,
        "programme": project.programme,
        "starts_on": project.starts_on.isoformat(),
        "ends_on": project.ends_on.isoformat(),
        "languages": ", ".join(project.languages),
        "description": project.description,
        "indicator_set": project.indicator_set,
    }
    return data | overrides


def test_project_page_shows_the_set_in_use_automatic_or_chosen(client, world):
    client.force_login(world.lead)
    page = client.get(reverse("projects:detail", args=[world.project.code])).content.decode()
    assert "ESF+ 2021–2027 (automatic, from the funder)" in page
    assert reverse("projects:edit", args=[world.project.code]) not in page  # the lead does not edit it
    world.project.indicator_set = "esf_2014"
    world.project.save()
    page = client.get(reverse("projects:detail", args=[world.project.code])).content.decode()
    assert "ESF 2014–2020</dd>" in page
    # an ERDF project reports no ESF indicators until a set is chosen, and its page says so
    world.project.funder, world.project.indicator_set = "erdf", ""
    world.project.save()
    page = client.get(reverse("projects:detail", args=[world.project.code])).content.decode()
    assert "None: the funder is not the ESF, and no indicator set is chosen</dd>" in page


def test_report_of_an_erdf_project_has_no_esf_indicators_and_says_so(client, world):
    world.project.funder = "erdf"
    world.project.save()
    client.force_login(world.lead)
    report = client.get(reverse("dashboards:report", args=[world.project.code])).context["report"]
    assert dict(report.details)["Funder indicator set"].startswith("None: the funder is not the ESF")
    assert not [s for s in report.sections if s.title.startswith("Funder indicators")]
    world.project.indicator_set = "esf_plus_2021"
    world.project.save()
    report = client.get(reverse("dashboards:report", args=[world.project.code])).context["report"]
    assert report.sections[0].title == "Funder indicators: ESF+ 2021–2027"


def test_admin_chooses_the_set_on_the_edit_page_and_it_is_audited(client, world):
    client.force_login(world.admin)
    detail = client.get(reverse("projects:detail", args=[world.project.code])).content.decode()
    url = reverse("projects:edit", args=[world.project.code])
    assert url in detail
    page = client.get(url)
    assert page.status_code == 200
    options = [value for value, _label in page.context["form"].fields["indicator_set"].choices]
    assert options == ["", "esf_plus_2021", "esf_2014"]
    response = client.post(url, _form_data(world.project, indicator_set="esf_2014"))
    assert response.status_code == 302
    world.project.refresh_from_db()
    assert world.project.indicator_set == "esf_2014" and indicator_set_for(world.project) == "esf_2014"
    event = AuditEvent.objects.get(object_type="projects.project", action=AuditEvent.Action.UPDATE)
    assert event.fields == ["indicator_set"] and event.actor == world.admin
    # back to automatic: the funder's ESF+ set
    client.post(url, _form_data(world.project, indicator_set=""))
    world.project.refresh_from_db()
    assert world.project.indicator_set == "" and indicator_set_for(world.project) == "esf_plus_2021"
    # saving without a change writes no audit event
    client.post(url, _form_data(world.project))
    assert AuditEvent.objects.filter(object_type="projects.project").count() == 2


def test_edit_page_refuses_a_bad_set_and_a_bad_period_writing_nothing(client, world):
    client.force_login(world.admin)
    url = reverse("projects:edit", args=[world.project.code])
    response = client.post(url, _form_data(world.project, indicator_set="esf_1990"))
    assert response.status_code == 400 and "indicator_set" in response.context["form"].errors
    response = client.post(url, _form_data(world.project, indicator_set="esf_2014", ends_on="2020-01-01"))
    assert response.status_code == 400 and "ends_on" in response.context["form"].errors
    world.project.refresh_from_db()
    assert world.project.indicator_set == "" and not AuditEvent.objects.filter(object_type="projects.project")


@pytest.mark.parametrize("user", ["lead", "coord_a", "evaluator"])
def test_only_admins_edit_the_project(client, world, user):
    client.force_login(getattr(world, user))
    url = reverse("projects:edit", args=[world.project.code])
    assert client.get(url).status_code == 403
    assert client.post(url, _form_data(world.project, indicator_set="esf_2014")).status_code == 403
    world.project.refresh_from_db()
    assert world.project.indicator_set == ""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_labels_and_help_in_three_languages(world, lang):
    with translation.override(lang):
        field = ProjectForm(instance=world.project).fields["indicator_set"]
        text = f"{field.label} {field.help_text} {dict(field.choices)['']}"  # type: ignore[attr-defined]
    assert "EECO01" in text and "CO01" in text
    if lang != "en":
        assert "Funder indicator set" not in text and "Automatic" not in text


def test_api_sets_and_reports_the_indicator_set(world):
    client = APIClient()
    client.force_login(world.admin)
    url = f"/api/v1/projects/{world.project.code}/"
    body = client.get(url).json()
    assert (body["indicator_set"], body["indicator_set_in_use"]) == ("", "esf_plus_2021")
    response = client.patch(url, {"indicator_set": "esf_2014"}, format="json")
    assert response.status_code == 200
    assert (response.json()["indicator_set"], response.json()["indicator_set_in_use"]) == ("esf_2014",) * 2
    assert AuditEvent.objects.get(object_type="projects.project").fields == ["indicator_set"]
    response = client.patch(url, {"indicator_set": "esf_1990"}, format="json")
    assert response.status_code == 400 and "indicator_set" in response.json()
    world.project.refresh_from_db()
    assert world.project.indicator_set == "esf_2014"
    # the lead reads it but cannot change it
    client.force_login(world.lead)
    assert client.get(url).json()["indicator_set_in_use"] == "esf_2014"
    assert client.patch(url, {"indicator_set": ""}, format="json").status_code == 403
