"""The privacy-notice page of a project: members read every version, the lead publishes the next one.
Bad input answers 400 with field errors and writes nothing."""

from django.urls import reverse

from polku.consent.models import PrivacyNotice
from polku.consent.services import consent_give, notice_current
from polku.testing.asserts import present

CODE = "S29999"


def url(name, *args):
    return reverse(f"consent:{name}", args=[CODE, *args])


def test_members_see_notice_versions_only_the_lead_publishes(client, world):
    client.force_login(world.coord_a)
    response = client.get(url("notices"))
    assert response.status_code == 200 and response.context["form"] is None
    assert [v for v, _ in response.context["versions"]] == [1]
    assert client.post(url("notices"), {"title_en": "New", "body_en": "Text"}).status_code == 403
    client.force_login(world.lead)
    form = client.get(url("notices")).context["form"]
    assert form["title_fi"].initial == "Tietosuojaseloste"  # starts from the current version
    assert PrivacyNotice.objects.filter(version=2).count() == 0


def test_lead_publishes_a_new_version_and_consents_keep_theirs(client, world):
    notice = present(notice_current(project_id=world.project.pk, language="en"))
    (consent,) = consent_give(
        actor=None,
        person=world.part_a.person,
        project_id=world.project.pk,
        purposes=["participation"],
        notice=notice,
    )
    client.force_login(world.lead)
    empty = {f"{part}_{code}": "" for part in ("title", "body") for code in ("fi", "sv", "en")}
    response = client.post(
        url("notices"), empty | {"title_fi": "Tietosuojaseloste 2", "body_fi": "Uusi teksti."}
    )
    assert response.status_code == 302
    assert list(PrivacyNotice.objects.filter(version=2).values_list("language", "title")) == [
        ("fi", "Tietosuojaseloste 2")
    ]
    page = client.get(url("notices")).content.decode()
    assert "Version 2" in page and "Version 1" in page
    consent.refresh_from_db()
    assert consent.notice == notice
    assert (
        present(notice_current(project_id=world.project.pk, language="en")).version == 2
    )  # falls back to fi


def test_publishing_bad_input_answers_400_and_writes_nothing(client, world):
    client.force_login(world.lead)
    empty = {f"{part}_{code}": "" for part in ("title", "body") for code in ("fi", "sv", "en")}
    response = client.post(url("notices"), empty)
    assert response.status_code == 400 and response.context["form"].non_field_errors()
    response = client.post(url("notices"), empty | {"title_sv": "Dataskydd", "body_en": "Text only"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"body_sv", "title_en"}
    assert b"error-summary" in response.content
    assert PrivacyNotice.objects.filter(project=world.project).count() == 2
