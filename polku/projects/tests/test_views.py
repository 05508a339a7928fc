"""Project pages: the project page's parts and links by role, the lead edits the work packages. Bad input
answers 400 with field errors and writes nothing."""

import pytest
from django.urls import reverse

from polku.audit.models import AuditEvent
from polku.organisations.models import Organisation
from polku.projects.models import Project, WorkPackage
from polku.testing import factories as f

CODE = "S29999"


def url(name, *args):
    return reverse(f"projects:{name}", args=[CODE, *args])


def activities_url(name, *args):
    return reverse(f"activities:{name}", args=[CODE, *args])


# --- project page -----------------------------------------------------------------------------


def test_edit_links_only_for_the_lead(client, world):
    f.WorkPackageFactory(project=world.project)
    f.TargetFactory(project=world.project)
    client.force_login(world.lead)
    page = client.get(url("detail")).content.decode()
    assert url("work_package_create") in page and activities_url("target_create") in page
    assert activities_url("create") in page
    for user in (world.coord_a, world.evaluator):
        client.force_login(user)
        page = client.get(url("detail")).content.decode()
        assert url("work_package_create") not in page and activities_url("target_create") not in page
        assert "/edit/" not in page and "/delete/" not in page
    # a coordinator adds activities for their own partner; an evaluator adds none
    client.force_login(world.coord_a)
    assert activities_url("create") in client.get(url("detail")).content.decode()
    client.force_login(world.evaluator)
    assert activities_url("create") not in client.get(url("detail")).content.decode()


# --- work packages ----------------------------------------------------------------------------


def test_lead_adds_edits_and_removes_a_work_package(client, world):
    client.force_login(world.lead)
    response = client.post(
        url("work_package_create"), {"number": "3", "name": "Mentoring", "responsible": world.b.pk}
    )
    assert response.status_code == 302 and response.url == url("detail") + "#work-packages"
    wp = WorkPackage.objects.get(project=world.project, number=3)
    assert wp.responsible == world.b
    response = client.post(
        url("work_package_edit", wp.pk), {"number": "3", "name": "Mentors", "responsible": ""}
    )
    assert response.status_code == 302
    wp.refresh_from_db()
    assert (wp.name, wp.responsible) == ("Mentors", None)
    assert client.get(url("work_package_delete", wp.pk)).status_code == 200
    assert client.post(url("work_package_delete", wp.pk)).status_code == 302
    assert not WorkPackage.objects.exists()


def test_work_package_bad_input_shows_field_errors_and_writes_nothing(client, world):
    f.WorkPackageFactory(project=world.project, number=1, name="Intake")
    client.force_login(world.lead)
    response = client.post(url("work_package_create"), {"number": "1", "name": "Again"})
    assert response.status_code == 400
    assert "number" in response.context["form"].errors  # the service's rule, on the field
    response = client.post(url("work_package_create"), {"number": "0", "name": ""})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"number", "name"}
    assert b"error-summary" in response.content
    assert WorkPackage.objects.count() == 1


def test_work_package_with_targets_is_not_removed(client, world):
    wp = f.WorkPackageFactory(project=world.project)
    f.TargetFactory(project=world.project, work_package=wp)
    client.force_login(world.lead)
    response = client.post(url("work_package_delete", wp.pk))
    assert response.status_code == 400 and b"has targets" in response.content
    assert WorkPackage.objects.filter(pk=wp.pk).exists()


@pytest.mark.parametrize("user", ["coord_a", "evaluator"])
def test_others_are_refused_structure_writes(client, world, user):
    wp = f.WorkPackageFactory(project=world.project, name="Intake")
    client.force_login(getattr(world, user))
    assert client.post(url("work_package_create"), {"number": "5", "name": "X"}).status_code == 403
    assert client.post(url("work_package_edit", wp.pk), {"number": "5", "name": "X"}).status_code == 403
    assert client.post(url("work_package_delete", wp.pk)).status_code == 403
    assert list(WorkPackage.objects.values_list("number", "name")) == [(wp.number, "Intake")]


def test_structure_of_another_project_is_not_found(client, world):
    elsewhere = f.WorkPackageFactory()
    client.force_login(world.lead)
    assert client.get(url("work_package_edit", elsewhere.pk)).status_code == 404
    other = f.ProjectFactory()
    assert client.get(reverse("projects:work_package_create", args=[other.code])).status_code == 404


# --- setting a project up from nothing (issue 16: no Django admin needed) ---------------------------


def test_admin_sets_up_organisations_a_project_and_its_partners_through_the_pages(client, world):
    client.force_login(world.admin)
    assert reverse("projects:create") in client.get(reverse("projects:list")).content.decode()
    response = client.post(
        reverse("organisations:create"),
        {
            "name": "Folkuniversitetet",
            "kind": "association",
            "country": "SE",
            "website": "folkuniversitetet.se",
        },
    )
    assert response.status_code == 302
    folk = Organisation.objects.get(name="Folkuniversitetet")
    assert folk.website == "https://folkuniversitetet.se"
    response = client.post(
        reverse("projects:create"),
        {
            "name": "Crossing Borders",
            "code": "CB-2025",
            "funder": "erasmus_plus",
            "starts_on": "2025-01-01",
            "ends_on": "2026-12-31",
            "languages": "sv, fi, no, en",
        },
    )
    assert response.status_code == 302 and response.url == reverse("projects:detail", args=["CB-2025"])
    project = Project.objects.get(code="CB-2025")
    assert AuditEvent.objects.filter(
        object_type="projects.project", object_id=str(project.pk), action="create"
    )
    partner_new = reverse("projects:partner_create", args=["CB-2025"])
    assert partner_new in client.get(response.url).content.decode()
    response = client.post(partner_new, {"organisation": folk.pk, "country": "SE", "is_lead": "on"})
    assert response.status_code == 302
    partner = project.partners.get()
    assert (partner.organisation, partner.country, partner.is_lead) == (folk, "SE", True)
    # the country reads as a name, in the reader's language
    page = client.get(
        reverse("projects:detail", args=["CB-2025"]), HTTP_ACCEPT_LANGUAGE="fi"
    ).content.decode()
    assert "Ruotsi" in page
    # a second lead partner is refused with the field named, and what was typed stays
    other = f.OrganisationFactory(name="Hanken")
    response = client.post(partner_new, {"organisation": other.pk, "country": "FI", "is_lead": "on"})
    assert response.status_code == 400
    assert "already has a lead partner" in response.content.decode()
    assert response.context["form"]["country"].value() == "FI"
    assert project.partners.count() == 1


def test_project_form_keeps_input_and_names_the_field_on_bad_input(client, world):
    client.force_login(world.admin)
    data = {
        "name": "Late",
        "code": world.project.code,  # taken
        "funder": "erdf",
        "starts_on": "2026-01-01",
        "ends_on": "2025-01-01",
        "languages": "fi",
    }
    response = client.post(reverse("projects:create"), data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "ends_on" in errors or "code" in errors
    assert response.context["form"]["name"].value() == "Late"
    assert not Project.objects.filter(name="Late").exists()


def test_a_partner_with_participants_is_not_removed(client, world):
    client.force_login(world.lead)
    response = client.post(url("partner_delete", world.a.pk))
    assert response.status_code == 400 and "has participants" in response.content.decode()
    assert world.project.partners.filter(pk=world.a.pk).exists()
    empty = f.PartnerFactory(project=world.project)
    assert client.post(url("partner_delete", empty.pk)).status_code == 302
    assert not world.project.partners.filter(pk=empty.pk).exists()
