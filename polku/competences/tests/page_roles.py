"""Competence profile pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.competences.tests.api_roles import job

# Participant a's profile: they, their coordinator and admins; others 404; anonymous to the sign-in.
OWN = {"anonymous": 302, "coord_a": 200, "admin": 200, "user_a": 200}


def _page(name: str, *extra):
    return lambda w: reverse(f"competences:{name}", args=[w.part_a.person_id, *(e(w) for e in extra)])


PAGES = {
    "competences_me": (lambda w: reverse("competences:me"), {"anonymous": 302, "user_a": 200}, 403),
    "competences_profile": (_page("profile"), OWN, 404),
    "competences_print": (_page("print"), OWN, 404),
    "competences_pdf": (_page("pdf"), OWN, 404),
    "competences_suggest": (_page("suggest"), OWN, 404),
    "competences_job": (_page("job", job), OWN, 404),
    "competences_review": (_page("review"), OWN, 404),
    "competences_add_skill": (_page("add_skill"), OWN, 404),
    "competences_languages": (_page("languages"), OWN, 404),
    "competences_education": (_page("education"), OWN, 404),
    "competences_occupations": (_page("occupations"), OWN, 404),
}
