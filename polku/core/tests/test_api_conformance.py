"""The API answers as its schema says: schemathesis generates requests for every operation of the OpenAPI
schema, as a coordinator and as a participant, and checks each answer — no 5xx, a documented status code,
the documented content type, and a body that matches the documented schema.

Bounded: a few examples per operation (`EXAMPLES`), positive data only (requests the schema allows; the
validation of bad input has tests of its own). Requests run in this process through the WSGI application,
inside the test's transaction, against the world of the role matrix.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.specs.openapi import checks as openapi

from polku.outcomes.models import ExitRecord, FollowUp, Source
from polku.participants.models import EntryData, Participation
from polku.testing.roles import with_every_role

EXAMPLES = 3
CHECKED = (
    openapi.status_code_conformance,
    openapi.content_type_conformance,
    openapi.response_schema_conformance,
)


@pytest.fixture(autouse=True)
def _reconnect_after():
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _keep_the_test_connection() -> None:
    """The WSGI handler closes the database connection when a request ends (`close_old_connections`);
    the test's transaction lives on that connection, so keep it open as Django's test client does (its
    own requests connect the handler again when they end: call this after them)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)


def _schema() -> schemathesis.BaseSchema:
    document = SchemaGenerator().get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(document)
    schema.app = get_wsgi_application()
    return schema


def _session(user) -> dict[str, Any]:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/")  # sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else "x" * 32
    return {
        "cookies": {"sessionid": client.cookies["sessionid"].value, "csrftoken": csrf},
        "headers": {"X-CSRFToken": csrf},
    }


def _failures(schema, auth) -> list[str]:
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        strategy = operation.as_strategy()

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def run(case) -> None:
            response = case.call(**auth)
            if response.status_code >= 500:
                raise AssertionError(f"{response.status_code}")
            case.validate_response(response, checks=list(CHECKED))

        try:
            run()
        except (
            Exception,
            BaseExceptionGroup,
        ) as error:  # every operation is tried; the failures are listed at the end
            failures.append(f"{operation.method.upper()} {operation.path}: {str(error)[:600]}")
    return failures


@pytest.mark.parametrize("role", ["coord_a", "user_a"])
def test_every_operation_answers_as_its_schema_says(world, role, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    world = with_every_role(world)
    auth = _session(getattr(world, role))
    _keep_the_test_connection()
    failures = _failures(_schema(), auth)
    assert not failures, f"{len(failures)} operations:\n" + "\n\n".join(failures)


def test_answers_about_real_rows_match_the_schema(world, settings):
    """Rows the generated requests would not find: blank answers of entry data, an exit with no situation,
    a follow-up not answered yet, and the consents a POST creates (a list, not a page)."""
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    pk = world.part_a.pk
    EntryData.objects.filter(participation=world.part_a).update(
        education="", homeless="", rural="", disability="", minority="", gender="", labour_status=""
    )
    Participation.objects.filter(pk=pk).update(exit_date=dt.date(2025, 6, 30))
    ExitRecord.objects.create(participation=world.part_a, status="", source=Source.COORDINATOR)
    FollowUp.objects.create(participation=world.part_a, due_on=dt.date(2025, 12, 30), token="t" * 40)
    schema, auth = _schema(), _session(world.coord_a)
    _keep_the_test_connection()
    calls: list[tuple[str, str, Any]] = [
        ("GET", "/api/v1/participants/{id}/entry-data/", None),
        ("GET", "/api/v1/participants/{id}/exit-record/", None),
        ("GET", "/api/v1/participants/{id}/follow-up/", None),
        (
            "POST",
            "/api/v1/participants/{id}/consents/",
            {"purposes": ["communications"], "notice_language": "en"},
        ),
    ]
    for method, path, body in calls:
        operation = schema[path][method]
        case = operation.Case(path_parameters={"id": pk}, body=body, media_type="application/json")
        response = case.call(**auth)
        assert response.status_code in (200, 201), (path, response.status_code, response.text[:300])
        case.validate_response(response, checks=list(CHECKED))
