"""Page role rows of self-registration in steps (collected by polku/core/tests/test_page_roles.py); the link
itself, its thanks page and the coordinators' pages are listed there. Every step is public: a step whose
earlier steps have no answers yet sends anyone back to the first one."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from polku.testing.roles import Post

PUBLIC: dict[str, int] = {}  # everyone, signed in or not, gets the row's default

PAGES: dict[str, Any] = {
    "registration_step_contact_a": (
        lambda w: reverse("registration:step", args=[w.a.registration_code, "contact"]),
        PUBLIC,
        200,
    ),
    "registration_check_a": (
        lambda w: reverse("registration:check", args=[w.a.registration_code]),
        PUBLIC,
        302,
    ),
    # a resume link nobody saved: a clear page saying the link does not work
    "registration_resume_unknown_a": (
        lambda w: reverse("registration:resume", args=[w.a.registration_code, "no-such-token"]),
        PUBLIC,
        404,
    ),
}

POSTS: dict[str, Post] = {
    # a step with a missing field comes back with its errors
    "registration_step_contact_a": Post(
        lambda w: reverse("registration:step", args=[w.a.registration_code, "contact"]),
        lambda w: {"first_name": "Leila"},
        PUBLIC,
        200,
    ),
    # registering before the steps are answered goes back to the first step; nothing is written
    "registration_check_a": Post(
        lambda w: reverse("registration:check", args=[w.a.registration_code]),
        lambda w: {"password1": "Kuusi-kettua-juoksee-9", "password2": "Kuusi-kettua-juoksee-9"},
        PUBLIC,
        302,
    ),
}
