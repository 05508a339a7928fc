import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.participants.models import Participation, Person
from polku.testing import factories as f
from polku.testing.asserts import present


def _intake_post(partner, **overrides):
    data = {
        "partner": partner.pk,
        "person-first_name": "Oksana",
        "person-last_name": "Melnyk",
        "person-email": "oksana@example.org",
        "person-phone": "",
        "person-preferred_language": "en",
        "lang-language_0": "uk",
        "lang-level_0": "native",
        "lang-language_1": "en",
        "lang-level_1": "B2",
        "entry-date_of_birth": "1991-07-03",
        "entry-gender": "woman",
        "entry-labour_status": "unemployed",
        "entry-unemployed_since": "2025-01-10",
        "entry-education": "7",
        "entry-citizenship": "non_eu",
        "entry-foreign_background": "yes",
        "entry-homeless": "declined",
        "entry-rural": "no",
        "consent-entry_date": "2025-04-01",
        "consent-purposes": ["participation"],
        "consent-notice_language": "en",
    }
    data.update(overrides)
    return data


def test_coordinator_registers_then_finds_and_opens_participant(client, world):
    client.force_login(world.coord_a)
    response = client.post(reverse("participants:create"), _intake_post(world.a))
    participation = Participation.objects.get(person__email="oksana@example.org")
    assert response.status_code == 302 and response.url == reverse(
        "participants:detail", args=[participation.pk]
    )
    assert participation.partner == world.a and participation.entry_data.homeless == "declined"

    listing = client.get(reverse("participants:list"), {"q": "melnyk"})
    assert listing.status_code == 200
    assert b"Melnyk" in listing.content and b"Yusuf" not in listing.content

    detail = client.get(reverse("participants:detail", args=[participation.pk]))
    assert detail.status_code == 200 and b"Oksana Melnyk" in detail.content
    assert AuditEvent.objects.filter(action="read", person=participation.person, actor=world.coord_a).exists()


def test_intake_with_bad_input_shows_field_errors_and_writes_nothing(client, world):
    client.force_login(world.coord_a)
    response = client.post(
        reverse("participants:create"),
        _intake_post(
            world.a,
            **{
                "person-email": "not-an-email",
                "entry-unemployed_since": "2026-01-01",
                "entry-labour_status": "employed",
            },
        ),
    )
    assert response.status_code == 400
    assert b"error-summary" in response.content
    assert not Participation.objects.filter(person__last_name="Melnyk").exists()


def test_intake_errors_are_in_the_users_language(client, world):
    client.force_login(world.coord_a)
    response = client.post(
        reverse("participants:create"),
        _intake_post(world.a, **{"person-first_name": ""}),
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 400
    assert 'lang="fi"' in response.content.decode()


def test_coordinator_cannot_open_other_partners_participant(client, world):
    client.force_login(world.coord_a)
    assert client.get(reverse("participants:detail", args=[world.part_b.pk])).status_code == 404
    assert client.get(reverse("participants:entry_data", args=[world.part_b.pk])).status_code == 404
    assert (
        client.post(
            reverse("participants:exit", args=[world.part_b.pk]), {"exit_date": "2025-06-01"}
        ).status_code
        == 404
    )


def test_list_is_partner_isolated_and_query_count_is_constant(client, world, django_assert_max_num_queries):
    for _ in range(30):
        f.ParticipationFactory(partner=world.a)
    client.force_login(world.coord_a)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("participants:list"))
    page = response.context["page"]
    assert page.paginator.count == 31 and len(page.object_list) == 25
    assert all(row.partner_id == world.a.pk for row in page.object_list)
    for _ in range(30):
        f.ParticipationFactory(partner=world.a)
    with django_assert_max_num_queries(12):
        client.get(reverse("participants:list"), {"page": 2})


def test_list_htmx_returns_only_the_results_partial(client, world):
    client.force_login(world.coord_a)
    response = client.get(
        reverse("participants:list"),
        {"q": "yusuf"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="participant-results",
    )
    body = response.content.decode()
    assert "Yusuf" in body and "<html" not in body


def test_participant_corrects_own_profile_and_sees_who_accessed(client, world):
    client.force_login(world.coord_a)
    client.get(reverse("participants:detail", args=[world.part_a.pk]))
    client.force_login(world.user_a)
    url = reverse("participants:edit", args=[world.part_a.pk])
    person = world.part_a.person
    response = client.post(
        url,
        {
            "person-first_name": person.first_name,
            "person-last_name": person.last_name,
            "person-email": person.email,
            "person-phone": "+358 40 123 4567",
            "person-preferred_language": "fi",
            "lang-language_0": "so",
            "lang-level_0": "native",
            "lang-language_1": "fi",
            "lang-level_1": "B1",
            "profile-country_of_residence": "FI",
            "profile-municipality": "Espoo",
            "profile-education_level": "6",
            "profile-education_field": "Nursing",
            "profile-work_history": "",
            "profile-goals": ["employment"],
        },
    )
    assert response.status_code == 302 and response.url == reverse("participants:me")
    person.refresh_from_db()
    assert person.phone == "+358 40 123 4567" and person.goals == ["employment"]
    assert set(person.languages.values_list("language", flat=True)) == {"so", "fi"}
    me = client.get(reverse("participants:me"))
    assert b"coord.a@example.org" in me.content  # the coordinator's read shows up


def test_participant_cannot_open_someone_elses_pages(client, world):
    client.force_login(world.user_a)
    assert client.get(reverse("participants:edit", args=[world.part_b.pk])).status_code == 404
    assert client.get(reverse("participants:list")).status_code == 403


def test_participant_withdraws_consent(client, world):
    from polku.consent.models import Consent, PrivacyNotice

    consent = Consent.objects.create(
        person=world.part_a.person,
        project=world.project,
        purpose="directory",
        notice=present(PrivacyNotice.objects.filter(project=world.project).first()),
        given_at="2025-03-01T10:00Z",
    )
    client.force_login(world.user_b)
    assert client.post(reverse("participants:consent_withdraw", args=[consent.pk])).status_code == 404
    client.force_login(world.user_a)
    assert client.post(reverse("participants:consent_withdraw", args=[consent.pk])).status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


@pytest.mark.parametrize("exit_date,ok", [("2025-06-30", True), ("2025-01-01", False)])
def test_coordinator_records_exit(client, world, exit_date, ok):
    client.force_login(world.coord_a)
    client.post(reverse("participants:exit", args=[world.part_a.pk]), {"exit_date": exit_date})
    world.part_a.refresh_from_db()
    assert (world.part_a.exit_date is not None) is ok


def test_detail_links_to_the_persons_competences_assessments_and_plans(client, world):
    person_id = world.part_a.person_id
    links = [
        reverse("competences:profile", args=[person_id]),
        reverse("assessments:person", args=[person_id]),
        reverse("learning:person_plans", args=[person_id]),
    ]
    client.force_login(world.coord_a)
    html = client.get(reverse("participants:detail", args=[world.part_a.pk])).content.decode()
    assert "Competences and learning" in html
    for link in links:
        assert f'href="{link}"' in html
        assert client.get(link).status_code == 200  # the coordinator may open each of them

    client.force_login(world.coord_b)  # another partner: neither the page nor the pages it links to
    assert client.get(reverse("participants:detail", args=[world.part_a.pk])).status_code == 404
    assert [client.get(link).status_code for link in links] == [404, 404, 404]


def test_detail_of_an_anonymised_person_has_no_links_to_their_profile(client, world):
    from django.utils import timezone

    Person.objects.filter(pk=world.part_a.person_id).update(anonymised_at=timezone.now())
    client.force_login(world.coord_a)
    html = client.get(reverse("participants:detail", args=[world.part_a.pk])).content.decode()
    assert "Competences and learning" not in html
    assert reverse("competences:profile", args=[world.part_a.person_id]) not in html


def test_participant_reads_who_accessed_their_data_in_words_on_the_page_and_in_the_api(client, world):
    """Issue 16: the API shows what the page shows; issue 17: in words, not field or table names."""
    person = world.part_a.person
    update = AuditEvent.Action.UPDATE
    where = {"person_id": person.pk, "partner_id": world.a.pk}
    audit_record(
        actor=world.coord_a, action=update, obj=person, fields=["date_of_birth", "work_history"], **where
    )
    audit_record(actor=None, action=update, obj=world.part_a, fields=["exit_date"], **where)
    client.force_login(world.user_a)
    page = client.get(reverse("participants:me")).content.decode()
    assert "date of birth, work history" in page and "date_of_birth" not in page
    assert "Polku (an automatic task)" in page and ">system<" not in page
    api = APIClient()
    api.force_authenticate(world.user_a)
    data = api.get("/api/v1/me/data-access/").json()
    assert data["count"] == 2
    newest, oldest = data["results"]
    assert newest["who"] == "Polku (an automatic task)" and newest["what"] == "participation"
    assert newest["field_labels"] == ["exit date"] and newest["action"] == "update"
    assert oldest["who"] == "coord.a@example.org" and oldest["what"] == "participant"
    assert oldest["field_labels"] == ["date of birth", "work history"]
    api.force_authenticate(world.coord_a)
    assert api.get("/api/v1/me/data-access/").status_code == 403


def test_a_search_too_long_says_so_keeps_the_text_and_finds_nobody(client, world):
    """Issue 17: a search over 100 characters silently showed everyone."""
    client.force_login(world.coord_a)
    long_query = "Yusuf" + "x" * 115
    page = client.get(reverse("participants:list"), {"q": long_query})
    html = page.content.decode()
    assert "The search is too long (120 characters): use at most 100." in html
    assert long_query.strip() in html  # kept in the search box
    assert "Yusuf, Amina" not in html and "0 participants" in html
    partial = client.get(
        reverse("participants:list"),
        {"q": long_query},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="participant-results",
    ).content.decode()
    assert "The search is too long" in partial and "0 participants" in partial


def test_intake_reads_languages_by_name(client, world):
    """Names in the reader's language (or a common other name) are stored as codes; Klingonese is not."""
    client.force_login(world.coord_a)
    response = client.post(
        reverse("participants:create"),
        _intake_post(
            world.a, **{"lang-language_0": "Dari", "lang-language_1": "Farsi", "lang-level_1": "C1"}
        ),
    )
    assert response.status_code == 302
    person = Person.objects.get(email="oksana@example.org")
    assert set(person.languages.values_list("language", "level")) == {("prs", "native"), ("fa", "C1")}
    response = client.post(
        reverse("participants:create"),
        _intake_post(world.a, **{"person-email": "x@example.org", "lang-language_0": "Klingonese"}),
    )
    html = response.content.decode()
    assert response.status_code == 400 and "We do not know the language “Klingonese”" in html
    assert 'value="Klingonese"' in html
