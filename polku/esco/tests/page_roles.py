"""ESCO pages against every role (collected by polku/core/tests/test_page_roles.py): any signed-in user."""

from __future__ import annotations

from django.urls import reverse

from polku.esco.tests.api_roles import forklift

SIGNED_IN = {"anonymous": 302}

PAGES = {
    "esco_search": (lambda w: reverse("esco:search") + "?q=forklift", SIGNED_IN, 200),
    "esco_concept": (lambda w: reverse("esco:concept", args=[forklift(w).pk]), SIGNED_IN, 200),
    "esco_releases": (lambda w: reverse("esco:releases"), SIGNED_IN, 200),
}
