"""What every request gets: an id (response header, log lines, the error page, Sentry), errors logged to
standard error with their traceback in every mode, and a 400 for a NUL character anywhere."""

from __future__ import annotations

import io
import logging
import re

import pytest
from django.conf import settings as django_settings
from django.test import Client, RequestFactory
from django.urls import reverse

from polku.core import requestid
from polku.core.views import server_error

FAILING = "polku.core.tests.failing_urls"


@pytest.fixture
def failing_client(settings):
    settings.ROOT_URLCONF = FAILING
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def test_every_response_carries_a_new_request_id(client, db):
    first = client.get(reverse("healthz"))["X-Request-ID"]
    second = client.get(reverse("healthz"))["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second


def test_a_well_formed_incoming_request_id_is_kept_and_a_malformed_one_replaced(client, db):
    kept = client.get(reverse("healthz"), headers={"X-Request-ID": "lb-2026.abc_123"})
    assert kept["X-Request-ID"] == "lb-2026.abc_123"
    replaced = client.get(reverse("healthz"), headers={"X-Request-ID": "bad id\nwith newline"})
    assert re.fullmatch(r"[0-9a-f]{32}", replaced["X-Request-ID"])


@pytest.fixture
def stderr_log():
    """What the configured standard-error handler of django.request writes (its stream swapped for a buffer)."""
    (handler,) = [
        h
        for h in logging.getLogger("django.request").handlers
        if any(isinstance(f, requestid.RequestIdFilter) for f in h.filters)
    ]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


def test_an_unhandled_error_is_logged_with_traceback_and_id_and_the_page_shows_the_id(
    failing_client, stderr_log
):
    response = failing_client.get("/test-failure/", headers={"X-Request-ID": "req-12345678"})
    assert response.status_code == 500 and response["X-Request-ID"] == "req-12345678"
    html = response.content.decode()
    assert "req-12345678" in html and "If you contact support, give them this code:" in html
    err = stderr_log.getvalue()
    assert "[request req-12345678]" in err and "ERROR django.request" in err
    assert "Traceback" in err and "RuntimeError: the test view failed on purpose" in err


def test_the_error_page_is_translated(failing_client):
    failing_client.cookies["polku_language"] = "fi"
    html = failing_client.get("/test-failure/").content.decode()
    assert '<html lang="fi">' in html and "If you contact support" not in html


def test_the_logging_of_errors_does_not_depend_on_debug():
    logging_config: dict = django_settings.LOGGING
    handler = logging_config["handlers"]["stderr"]
    assert handler["stream"] == "ext://sys.stderr" and "filters" in handler
    assert "require_debug_true" not in str(handler)
    assert logging_config["loggers"]["django.request"]["handlers"] == ["stderr"]


def test_the_error_page_renders_without_the_database():
    # No `db` fixture: any query would fail the test.
    token = requestid.current_request_id.set("abcdef0123456789")
    try:
        response = server_error(RequestFactory().get("/"))
    finally:
        requestid.current_request_id.reset(token)
    assert response.status_code == 500 and b"abcdef0123456789" in response.content


def test_log_records_outside_a_request_say_so():
    record = logging.LogRecord("polku", logging.INFO, __file__, 1, "message", None, None)
    requestid.RequestIdFilter().filter(record)
    assert record.request_id == "-"  # type: ignore[attr-defined]


def test_sentry_is_started_without_personal_data_and_tags_the_request_id(monkeypatch):
    seen: dict = {}
    monkeypatch.setattr(requestid.sentry_sdk, "init", lambda **options: seen.update(options))
    requestid.init_sentry(dsn="https://key@sentry.example.org/1", environment="staging")
    assert seen["dsn"] == "https://key@sentry.example.org/1" and seen["environment"] == "staging"
    assert seen["send_default_pii"] is False and seen["max_request_body_size"] == "never"
    assert seen["include_local_variables"] is False
    token = requestid.current_request_id.set("req-87654321")
    try:
        event = seen["before_send"]({"message": "x"}, {})
    finally:
        requestid.current_request_id.reset(token)
    assert event["tags"]["request_id"] == "req-87654321"


NUL_ROUTES = [
    ("api:esco-concept-list", {"lang": "fi\x00"}),
    ("api:esco-concept-by-uri", {"uri": "http://data.europa.eu/esco/skill/x\x00"}),
    ("api:esco-concept-by-uri", {"lang": "\x00"}),
    ("api:learning-opportunity-list", {"language": "fi\x00"}),
    ("api:learning-opportunity-list", {"mode": "\x00"}),
    ("api:learning-opportunity-list", {"skill": "x\x00y"}),
    ("api:learning-opportunity-list", {"kind": "\x00"}),
    ("audit:list", {"action": "read\x00"}),
    ("participants:list", {"q": "\x00"}),
]


@pytest.mark.parametrize(("name", "query"), NUL_ROUTES)
def test_a_nul_character_in_a_query_parameter_is_a_400(client, world, name, query):
    client.force_login(world.coord_a)
    response = client.get(reverse(name), query)  # the test client sends \x00 as %00
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "NUL character" in response.content.decode()


def test_a_nul_character_in_a_name_the_path_or_a_posted_form_is_a_400(client, world):
    client.force_login(world.coord_a)
    assert client.get(reverse("audit:list") + "?act%00ion=read").status_code == 400
    assert client.get("/participants/%00/").status_code == 400
    posted = client.post(
        reverse("imports:upload"), "partner=1%00", content_type="application/x-www-form-urlencoded"
    )
    assert posted.status_code == 400


def test_the_400_for_a_nul_character_is_in_the_users_language(client, world):
    client.force_login(world.coord_a)
    client.cookies["polku_language"] = "sv"
    response = client.get(reverse("audit:list"), {"action": "\x00"})
    assert response.status_code == 400 and "NUL" in response.content.decode()
    assert "never valid" not in response.content.decode()


def test_ordinary_queries_pass(client, world):
    client.force_login(world.coord_a)
    assert client.get(reverse("audit:list"), {"action": "read"}).status_code == 200
    assert client.get(reverse("api:esco-concept-list"), {"lang": "fi", "q": "100%"}).status_code == 200
