"""Every role against every page: who gets the page, who is refused, and that refusals leak nothing."""

import pytest
from django.urls import reverse

from polku.testing import factories as f
from polku.testing.roles import LEAD_ONLY, NON_MEMBERS, collected_pages
from polku.testing.roles import PAGE_ROLES as ROLES

# page -> {role: expected status}; roles not listed expect the default in the last element.
PAGES = {
    "project_list": (
        lambda w: reverse("projects:list"),
        {"anonymous": 302, "user_a": 200, "stranger": 200},
        200,
    ),
    "project_detail": (
        lambda w: reverse("projects:detail", args=[w.project.code]),
        {"anonymous": 302, "user_a": 404, "stranger": 404},
        200,
    ),
    # the project's own fields (name, funder, period, indicator set): platform admins only
    "project_edit": (
        lambda w: reverse("projects:edit", args=[w.project.code]),
        {"anonymous": 302, "admin": 200, "user_a": 404, "stranger": 404},
        403,
    ),
    "organisation": (
        lambda w: reverse("organisations:detail", args=[w.a.organisation_id]),
        {"anonymous": 302, "user_a": 404, "stranger": 404},
        200,
    ),
    "participant_list": (
        lambda w: reverse("participants:list"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "admin": 200},
        403,
    ),
    "participant_detail_a": (
        lambda w: reverse("participants:detail", args=[w.part_a.pk]),
        {"anonymous": 302, "coord_a": 200, "admin": 200, "user_a": 302},
        404,
    ),
    "entry_data_a": (
        lambda w: reverse("participants:entry_data", args=[w.part_a.pk]),
        {"anonymous": 302, "coord_a": 200, "admin": 200, "user_a": 200},
        404,
    ),
    "participant_create": (
        lambda w: reverse("participants:create") + f"?partner={w.a.pk}",
        {"anonymous": 302, "coord_a": 200, "admin": 200, "coord_b": 404},
        403,
    ),
    "me": (lambda w: reverse("participants:me"), {"anonymous": 302, "user_a": 200}, 403),
    "audit": (
        lambda w: reverse("audit:list"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "admin": 200},
        403,
    ),
    # the project's structure: the lead (and admins) only; non-members do not learn the project exists
    "work_package_create": (
        lambda w: reverse("projects:work_package_create", args=[w.project.code]),
        LEAD_ONLY,
        403,
    ),
    "work_package_edit": (
        lambda w: reverse(
            "projects:work_package_edit", args=[w.project.code, f.WorkPackageFactory(project=w.project).pk]
        ),
        LEAD_ONLY,
        403,
    ),
    "work_package_delete": (
        lambda w: reverse(
            "projects:work_package_delete", args=[w.project.code, f.WorkPackageFactory(project=w.project).pk]
        ),
        LEAD_ONLY,
        403,
    ),
    "target_create": (lambda w: reverse("activities:target_create", args=[w.project.code]), LEAD_ONLY, 403),
    "target_edit": (
        lambda w: reverse(
            "activities:target_edit", args=[w.project.code, f.TargetFactory(project=w.project).pk]
        ),
        LEAD_ONLY,
        403,
    ),
    "target_delete": (
        lambda w: reverse(
            "activities:target_delete", args=[w.project.code, f.TargetFactory(project=w.project).pk]
        ),
        LEAD_ONLY,
        403,
    ),
    # activities: the lead for any partner, a coordinator for their own
    "activity_create": (
        lambda w: reverse("activities:create", args=[w.project.code]),
        NON_MEMBERS | {"coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200},
        403,
    ),
    "activity_detail": (
        lambda w: reverse("activities:detail", args=[w.project.code, f.ActivityFactory(partner=w.a).pk]),
        NON_MEMBERS,
        200,
    ),
    "activity_edit": (
        lambda w: reverse("activities:edit", args=[w.project.code, f.ActivityFactory(partner=w.a).pk]),
        LEAD_ONLY | {"coord_a": 200},
        403,
    ),
    "activity_delete": (
        lambda w: reverse("activities:delete", args=[w.project.code, f.ActivityFactory(partner=w.a).pk]),
        LEAD_ONLY | {"coord_a": 200},
        403,
    ),
    "privacy": (lambda w: reverse("consent:notices", args=[w.project.code]), NON_MEMBERS, 200),
}


# The foundation's pages, then every app's own `tests/page_roles.py`.
PAGES = PAGES | collected_pages()


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(client, world, page, role):
    url_of, expected, default = PAGES[page]
    if role != "anonymous":
        client.force_login(getattr(world, role))
    response = client.get(url_of(world))
    assert response.status_code == expected.get(role, default), (page, role)


def test_project_lead_sees_partner_counts_but_a_coordinator_only_their_own(client, world):
    client.force_login(world.lead)
    partners = {
        p.pk: p for p in client.get(reverse("projects:detail", args=[world.project.code])).context["partners"]
    }
    assert partners[world.a.pk].count_visible and partners[world.b.pk].count_visible
    client.force_login(world.coord_a)
    partners = {
        p.pk: p for p in client.get(reverse("projects:detail", args=[world.project.code])).context["partners"]
    }
    assert partners[world.a.pk].count_visible and not partners[world.b.pk].count_visible


def test_audit_log_is_partner_isolated(client, world):
    client.force_login(world.coord_a)
    client.get(reverse("participants:detail", args=[world.part_a.pk]))
    client.force_login(world.coord_b)
    client.get(reverse("participants:detail", args=[world.part_b.pk]))
    client.force_login(world.coord_a)
    events = list(client.get(reverse("audit:list")).context["page"].object_list)
    assert events and all(e.partner_id == world.a.pk for e in events)
