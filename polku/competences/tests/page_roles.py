"""Competence profile pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.competences.tests.api_roles import confirmed, job, suggestion
from polku.esco.tests.api_roles import forklift
from polku.testing.roles import Post

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


def _remove_skill(w):
    return reverse("competences:remove_skill", args=[w.part_a.person_id, confirmed(w).pk])


# the person, their coordinator and admins change the profile; everyone else 404; anonymous to sign-in
OWN_WRITE = {"anonymous": 302, "coord_a": 302, "admin": 302, "user_a": 302}

POSTS = {
    # an empty text: the form comes back with its error (ranking a text is the skills tests' business)
    "competences_suggest": Post(
        _page("suggest"),
        lambda w: {"text": "", "language": "en"},
        OWN_WRITE | {"coord_a": 400, "admin": 400, "user_a": 400},
        404,
    ),
    "competences_review": Post(
        _page("review"), lambda w: {"skill": [suggestion(w).pk], "decision": "confirm"}, OWN_WRITE, 404
    ),
    "competences_add_skill": Post(_page("add_skill"), lambda w: {"skill": forklift(w).pk}, OWN_WRITE, 404),
    "competences_remove_skill": Post(_remove_skill, lambda w: {}, OWN_WRITE, 404),
    "competences_languages": Post(
        _page("languages"), lambda w: {"language": "sv", "level": "A2"}, OWN_WRITE, 404
    ),
    "competences_education": Post(_page("education"), lambda w: {"level": "3"}, OWN_WRITE, 404),
    "competences_occupations": Post(_page("occupations"), lambda w: {"title": "Cook"}, OWN_WRITE, 404),
}
