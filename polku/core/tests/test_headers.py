"""Response headers (issue 18): a Content-Security-Policy without inline script or style, Permissions-Policy,
and `Cache-Control: no-store` on pages and API answers with personal data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from polku.accounts.tests.helpers import verify_email

POLKU = Path(__file__).resolve().parents[2]

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)


def _policy(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in header.split("; ")}


def _assert_strict_policy(response) -> None:
    policy = _policy(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "camera=(self)" in response.headers["Permissions-Policy"]
    assert "microphone=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def _assert_no_inline_code(html: str) -> None:
    assert not INLINE_SCRIPT.findall(html)
    assert not EVENT_HANDLER.findall(html)
    assert not STYLE_ATTRIBUTE.findall(html)
    assert not STYLE_ELEMENT.findall(html)


@pytest.mark.django_db
def test_login_page_has_the_policy_and_is_not_stored(client):
    response = client.get("/accounts/login/")

    assert response.status_code == 200
    _assert_strict_policy(response)
    assert "no-store" in response.headers["Cache-Control"]  # allauth's never_cache
    _assert_no_inline_code(response.content.decode())


def test_a_signed_in_page_has_the_policy_and_is_not_stored(client, world):
    client.force_login(world.coord_a)

    response = client.get(f"/participants/{world.part_a.pk}/")

    assert response.status_code == 200
    _assert_strict_policy(response)
    assert response.headers["Cache-Control"] == "no-store"
    _assert_no_inline_code(response.content.decode())


def test_api_answers_are_not_stored(client, world):
    client.force_login(world.coord_a)

    response = client.get("/api/v1/projects/")

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "Permissions-Policy" in response.headers


@pytest.mark.django_db
def test_an_anonymous_api_answer_is_not_stored_either(client):
    response = client.get("/api/v1/projects/")

    assert response.status_code == 403
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_a_view_that_sets_its_own_cache_control_keeps_it(client):
    response = client.get("/healthz")  # never_cache: Django's own, stricter list

    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["Cache-Control"] != "no-store"


def test_main_pages_render_without_inline_code(client, world):
    verify_email(world.user_a)
    client.force_login(world.coord_a)
    for url in ("/", f"/projects/{world.project.code}/", "/participants/", "/audit/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        _assert_no_inline_code(response.content.decode())
    client.force_login(world.user_a)
    response = client.get("/participants/me/")
    assert response.status_code == 200
    _assert_no_inline_code(response.content.decode())


def test_api_docs_relax_only_inline_styles(world):
    client = Client()
    client.force_login(world.coord_a)

    page = client.get("/api/docs/")
    script = client.get("/api/docs/?script=")

    policy = _policy(page)
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert not INLINE_SCRIPT.findall(page.content.decode())  # Swagger UI's start-up comes as a file
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


def _templates() -> list[Path]:
    return sorted(path for path in POLKU.rglob("templates/**/*.html") if "tests" not in path.parts)


def test_templates_have_no_inline_script_handler_or_style():
    """The policy refuses inline code; a template that had some would break in the browser."""
    offences = []
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, STYLE_ATTRIBUTE, STYLE_ELEMENT):
            offences += [f"{path.relative_to(POLKU)}: {match}" for match in pattern.findall(text)]

    assert len(_templates()) > 100
    assert offences == []
