"""Publishing privacy notice versions: the service and the API."""

import pytest
from rest_framework.test import APIClient

from polku.accounts.access import access_for
from polku.consent.models import PrivacyNotice
from polku.consent.services import NoticeText, consent_give, notice_current, notice_publish
from polku.core.errors import AccessDenied, ApplicationError
from polku.testing import factories as f
from polku.testing.asserts import present

NOTICES = "/api/v1/projects/S29999/privacy-notices/"


def api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def publish(user, project, **texts):
    return notice_publish(
        actor=user,
        access=access_for(user),
        project=project,
        texts={code: NoticeText(*pair) for code, pair in texts.items()},
    )


def test_each_publication_is_the_next_version_in_the_languages_given(world):
    first = publish(world.lead, world.project, fi=(" Seloste ", " Teksti "), sv=("Beskrivning", "Text"))
    assert [(n.version, n.language, n.title, n.body) for n in first] == [
        (2, "fi", "Seloste", "Teksti"),
        (2, "sv", "Beskrivning", "Text"),
    ]
    assert first[0].published_at == first[1].published_at
    (second,) = publish(world.admin, world.project, en=("Notice", "Text"))
    assert second.version == 3
    other = f.ProjectFactory()
    (elsewhere,) = publish(world.admin, other, en=("Notice", "Text"))
    assert elsewhere.version == 1  # versions count per project


def test_consents_keep_the_version_they_were_given_against(world):
    old = present(notice_current(project_id=world.project.pk, language="fi"))
    (consent,) = consent_give(
        actor=None,
        person=world.part_a.person,
        project_id=world.project.pk,
        purposes=["directory"],
        notice=old,
    )
    publish(world.lead, world.project, fi=("Uusi", "Uusi teksti"), en=("New", "New text"))
    consent.refresh_from_db()
    assert consent.notice == old and old.version == 1
    assert present(notice_current(project_id=world.project.pk, language="fi")).title == "Uusi"
    assert PrivacyNotice.objects.filter(project=world.project, version=1).count() == 2


@pytest.mark.parametrize("user", ["coord_a", "evaluator", "stranger"])
def test_only_the_lead_or_an_admin_publishes(world, user):
    with pytest.raises(AccessDenied):
        publish(getattr(world, user), world.project, en=("Notice", "Text"))
    assert PrivacyNotice.objects.count() == 2


@pytest.mark.parametrize(
    ("texts", "fields"),
    [
        ({}, {"non_field_errors"}),
        ({"fi": ("  ", "  ")}, {"non_field_errors"}),
        ({"fi": ("Otsikko", ""), "en": ("", "Text")}, {"body_fi", "title_en"}),
        ({"sv": ("x" * 201, "Text")}, {"title_sv"}),
        ({"de": ("Titel", "Text")}, {"non_field_errors"}),
    ],
)
def test_bad_texts_are_field_errors_and_nothing_is_written(world, texts, fields):
    with pytest.raises(ApplicationError) as error:
        publish(world.lead, world.project, **texts)
    assert set(error.value.field_errors) == fields
    assert PrivacyNotice.objects.count() == 2


# --- API --------------------------------------------------------------------------------------


def test_members_list_every_version_and_language(world):
    publish(world.lead, world.project, sv=("Beskrivning", "Text"))
    rows = api(world.coord_b).get(NOTICES).json()["results"]
    assert [(r["version"], r["language"]) for r in rows] == [(2, "sv"), (1, "en"), (1, "fi")]
    assert rows[0]["body"] == "Text"
    assert api(world.user_a).get(NOTICES).status_code == 404


def test_lead_publishes_through_the_api(world):
    response = api(world.lead).post(
        NOTICES, {"title_en": "Privacy notice", "body_en": "Version two.", "title_fi": ""}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert [(n["version"], n["language"]) for n in response.json()] == [(2, "en")]
    bad = api(world.lead).post(NOTICES, {"title_fi": "Otsikko"}, format="json")
    assert bad.status_code == 400 and "body_fi" in bad.json()
    assert (
        api(world.coord_a).post(NOTICES, {"title_en": "X", "body_en": "Y"}, format="json").status_code == 403
    )
    assert PrivacyNotice.objects.filter(version=2).count() == 1


def test_notice_list_query_count_is_constant(world, django_assert_num_queries):
    client = api(world.lead)
    for _ in range(3):
        publish(
            world.lead, world.project, fi=("Otsikko", "Teksti"), sv=("Titel", "Text"), en=("Title", "Text")
        )
        with django_assert_num_queries(4 + 1 + 2):  # auth; project; count, page
            client.get(NOTICES)
