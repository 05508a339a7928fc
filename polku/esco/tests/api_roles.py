"""ESCO API routes against every role of the `world` fixture (collected by polku/core/tests)."""

from __future__ import annotations

from typing import Any

from polku.esco.tests import factories as ef
from polku.testing.roles import EVERYONE, Case

API = "/api/v1/esco"
FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"


def forklift(w: Any) -> Any:
    return ef.skill("operate forklift", uri=FORKLIFT, fi="käyttää haarukkatrukkia")


CASES = [
    Case("esco-concept-list", lambda w: ("get", f"{API}/concepts/?q=forklift&lang=fi", None), EVERYONE),
    Case("esco-concept-detail", lambda w: ("get", f"{API}/concepts/{forklift(w).pk}/", None), EVERYONE),
    Case(
        "esco-concept-by-uri",
        lambda w: ("get", f"{API}/concepts/by-uri/?uri={forklift(w).uri}", None),
        EVERYONE,
    ),
    Case("esco-release-list", lambda w: ("get", f"{API}/releases/", None), EVERYONE),
]
