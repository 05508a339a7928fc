"""The OpenAPI schema is generated from the code; it must stay valid and free of warnings."""

from __future__ import annotations

import yaml
from django.core.management import call_command
from rest_framework.test import APIClient


def test_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    operations = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert {
        "participation_list",
        "participation_create",
        "entry_data_replace",
        "consent_withdraw",
        "me_retrieve",
        "participant_counts",
        "target_delete",
        "activity_create",
        "enrolment_create",
        "enrolment_delete",
        "privacy_notice_publish",
    } <= operations
    # One operation per method of every route (each app appends its own routes).
    from config.api_urls import urlpatterns

    methods = ("get", "post", "put", "patch", "delete")
    routed = sum(
        1 for p in urlpatterns for m in methods if hasattr(getattr(p.callback, "view_class", None), m)
    )
    assert len(operations) == routed >= 45
    # Lists are paged and say so; query parameters of the participant list are documented.
    listing = schema["paths"]["/api/v1/participants/"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {
        "q",
        "project",
        "partner",
        "status",
        "page",
        "page_size",
    }
    ok = listing["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ok.endswith("/PaginatedParticipationList")


def test_schema_and_docs_are_served(world):
    client = APIClient()
    client.force_login(world.coord_a)
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200
