import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from polku.accounts.models import User
from polku.consent.models import Consent, PrivacyNotice
from polku.participants.models import EntryData, LanguageSkill, Participation, Person
from polku.testing import factories as f
from polku.testing.asserts import present

PASSWORD = "Kuusi-kettua-juoksee-9"


def _url(partner, name="registration:register"):
    return reverse(name, args=[partner.registration_code])


def _data(**overrides):
    data = {
        "notice": "",
        "participation": "on",
        "communications": "on",
        "first_name": "Leila",
        "last_name": "Haddad",
        "email": "Leila.Haddad@Example.org",
        "phone": "+358401234567",
        "preferred_language": "fi",
        "language_0": "ar",
        "level_0": "native",
        "language_1": "fi",
        "level_1": "A2",
        "date_of_birth": "1990-05-17",
        "gender": "woman",
        "labour_status": "unemployed",
        "unemployed_since": "2024-01-15",
        "education": "7",
        "citizenship": "non_eu",
        "foreign_background": "yes",
        "homeless": "declined",
        "rural": "no",
        "goals": ["employment"],
        "municipality": "Tampere",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


STEP_FIELDS = {
    "contact": {"first_name", "last_name", "email", "phone", "preferred_language"},
    "languages": {f"{kind}_{i}" for kind in ("language", "level") for i in range(4)},
    "situation": set(EntryData.ITEMS),
    "goals": {"goals", "country_of_residence", "municipality", "education_field", "work_history"},
    "consents": {"notice", "participation", "sensitive", "directory", "communications"},
    "check": {"password1", "password2"},
}


def step_url(partner, slug):
    if slug == "contact":
        return _url(partner)
    if slug == "check":
        return _url(partner, "registration:check")
    return reverse("registration:step", args=[partner.registration_code, slug])


def post_steps(client, partner, data, *, until=None):
    """Post the registration step by step, as a person would; the first page that is not a redirect to
    the next step (an error, a closed link), or the last response."""
    response = None
    for slug, fields in STEP_FIELDS.items():
        response = client.post(step_url(partner, slug), {k: v for k, v in data.items() if k in fields})
        if slug == until or response.status_code != 302 or slug == "check":
            return response
    return response


def _post(client, partner, notice, **overrides):
    return post_steps(client, partner, _data(notice=str(notice.pk), **overrides))


@pytest.fixture
def fi_client(client):
    client.cookies["polku_language"] = "fi"
    return client


def test_happy_path_registers_person_with_consents_account_and_email(
    world, fi_client, django_capture_on_commit_callbacks
):
    fi_notice = PrivacyNotice.objects.get(project=world.project, language="fi")
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(fi_client, world.a, fi_notice)
    assert response.status_code == 302, response.context and response.context["summary"]
    assert response["Location"] == _url(world.a, "registration:thanks")

    person = Person.objects.get(email="leila.haddad@example.org")
    participation = Participation.objects.get(person=person)
    assert (
        participation.partner == world.a and participation.channel == Participation.Channel.SELF_REGISTRATION
    )
    entry = EntryData.objects.get(participation=participation)
    assert (
        entry.gender == "woman" and entry.homeless == "declined" and str(entry.date_of_birth) == "1990-05-17"
    )
    assert "gender" in entry.asked and "disability" not in entry.asked
    assert sorted(LanguageSkill.objects.filter(person=person).values_list("language", "level")) == [
        ("ar", "native"),
        ("fi", "A2"),
    ]
    assert person.goals == ["employment"] and person.municipality == "Tampere"

    consents = Consent.objects.filter(person=person)
    assert sorted(c.purpose for c in consents) == ["communications", "participation"]
    assert {(c.notice_id, c.notice.language, c.notice.version) for c in consents} == {(fi_notice.pk, "fi", 1)}

    user = User.objects.get(email="leila.haddad@example.org")
    assert person.user == user and user.check_password(PASSWORD)
    address = EmailAddress.objects.get(user=user)
    assert address.primary and not address.verified

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["leila.haddad@example.org"]
    assert "Test project" in message.subject
    link = present(re.search(r"https?://\S+/accounts/confirm-email/\S+/", str(message.body))).group(0)

    thanks = fi_client.get(response["Location"])
    assert thanks.status_code == 200 and "leila.haddad@example.org" in thanks.content.decode()

    # The link in the e-mail verifies the address, after which the person can sign in.
    confirm_path = link.split("testserver", 1)[1]
    assert fi_client.get(confirm_path).status_code == 200
    fi_client.post(confirm_path)
    address.refresh_from_db()
    assert address.verified
    login = fi_client.post(
        reverse("account_login"), {"login": "leila.haddad@example.org", "password": PASSWORD}
    )
    assert login.status_code == 302
    assert fi_client.session.get("_auth_user_id") == str(user.pk)


def test_missing_participation_consent_writes_nothing(world, client):
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    response = _post(client, world.a, notice, participation=None)
    assert response.status_code == 200
    summary = response.context["summary"]
    assert any(item.anchor == "id_participation" for item in summary)
    html = response.content.decode()
    assert 'href="#id_participation"' in html and 'aria-invalid="true"' in html
    assert not Person.objects.filter(email="leila.haddad@example.org").exists()
    assert not User.objects.filter(email="leila.haddad@example.org").exists()


def test_bad_entry_data_shows_field_errors_and_writes_nothing(world, client):
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    response = _post(client, world.a, notice, labour_status="employed", date_of_birth="2030-01-01")
    assert response.status_code == 200
    entry_form = response.context["forms"].entry
    assert "unemployed_since" in entry_form.errors and "date_of_birth" in entry_form.errors
    anchors = {item.anchor for item in response.context["summary"]}
    assert {"id_unemployed_since", "id_date_of_birth"} <= anchors
    assert not Person.objects.filter(email="leila.haddad@example.org").exists()
    assert Participation.objects.count() == 2 and not mail.outbox


@pytest.mark.parametrize(
    ("overrides", "form", "fields", "anchors"),
    [
        ({"email": "not-an-address", "first_name": ""}, "person", {"email", "first_name"}, {"id_email"}),
        ({"level_1": ""}, "languages", {"level_1"}, {"id_level_1"}),
        ({"gender": "robot"}, "entry", {"gender"}, {"id_gender_0"}),
        (
            {"password1": "short", "password2": "other"},
            "password",
            {"password1", "password2"},
            {"id_password1", "id_password2"},
        ),
    ],
)
def test_each_step_names_its_errors_and_keeps_the_input(world, client, overrides, form, fields, anchors):
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    response = _post(client, world.a, notice, **overrides)
    assert response.status_code == 200
    assert fields <= set(getattr(response.context["forms"], form).errors)
    assert anchors <= {item.anchor for item in response.context["summary"]}
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and "Please correct the following" in html
    if form == "person":
        assert 'value="not-an-address"' in html and 'value="Haddad"' in html  # what was typed stays
    if form == "languages":
        assert 'value="Finnish"' in html or 'value="fi"' in html
    assert not Person.objects.filter(last_name="Haddad").exists()


def test_password_similar_to_email_is_refused(world, client):
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    response = _post(
        client, world.a, notice, password1="leila.haddad@example", password2="leila.haddad@example"
    )
    assert "password1" in response.context["forms"].password.errors
    assert not User.objects.filter(email="leila.haddad@example.org").exists()


def test_existing_account_email_is_refused_on_the_email_field(world, client):
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    response = _post(client, world.a, notice, email=world.stranger.email)
    assert "email" in response.context["forms"].person.errors
    assert not Participation.objects.filter(person__email=world.stranger.email).exists()


def test_closed_link_shows_closed_page_in_the_users_language(world, fi_client):
    world.a.registration_open = False
    world.a.save()
    response = fi_client.get(_url(world.a))
    assert response.status_code == 410
    html = response.content.decode()
    assert '<html lang="fi">' in html and "City of A" in html
    notice = PrivacyNotice.objects.get(project=world.project, language="fi")
    response = _post(fi_client, world.a, notice)
    assert response.status_code == 410
    assert not Person.objects.filter(email="leila.haddad@example.org").exists()


def test_unknown_code_is_404(db, client):
    assert client.get(reverse("registration:register", args=["no-such-code"])).status_code == 404


def test_link_without_privacy_notice_is_not_open(db, client):
    partner = f.PartnerFactory(registration_open=True)
    response = client.get(_url(partner))
    assert response.status_code == 410
    assert response.context["not_ready"] is True


def test_lang_parameter_switches_the_page_and_shows_the_finnish_notice(world, client):
    response = client.get(_url(world.a) + "?lang=fi")
    assert response.status_code == 302 and response["Location"] == _url(world.a)
    assert response.cookies["polku_language"].value == "fi"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert '<html lang="fi">' in html
    assert "Tietosuojaseloste" in html and "Käsittelemme tietojasi." in html
    assert page.context["notice"].language == "fi"
    # Swedish has no notice: it falls back to Finnish.
    page = client.get(client.get(_url(world.a) + "?lang=sv")["Location"])
    assert page.context["notice"].language == "fi" and '<html lang="sv">' in page.content.decode()


def test_unknown_lang_parameter_is_ignored(world, client):
    response = client.get(_url(world.a) + "?lang=xx")
    assert response.status_code == 302 and "polku_language" not in response.cookies


def test_english_page_shows_english_notice_and_no_sensitive_consent(world, client):
    client.cookies["polku_language"] = "en"
    response = client.get(_url(world.a))
    assert response.status_code == 200
    assert response.context["notice"].language == "en"
    assert "<legend>" in response.content.decode()
    post_steps(client, world.a, _data(notice=str(response.context["notice"].pk)), until="goals")
    html = client.get(step_url(world.a, "consents")).content.decode()
    assert 'name="participation"' in html and 'name="sensitive"' not in html
    post_steps(client, world.a, _data(notice=str(response.context["notice"].pk)), until="consents")
    html = client.get(step_url(world.a, "check")).content.decode()
    assert 'name="password1"' in html and "Leila" in html and "Tampere" in html


def test_sensitive_items_need_their_consent(world, client):
    world.project.asks_disability = True
    world.project.save()
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    post_steps(client, world.a, _data(notice=str(notice.pk)), until="languages")
    assert 'name="disability"' in client.get(step_url(world.a, "situation")).content.decode()
    post_steps(client, world.a, _data(notice=str(notice.pk)), until="goals")
    assert 'name="sensitive"' in client.get(step_url(world.a, "consents")).content.decode()
    response = _post(client, world.a, notice, disability="yes")
    assert "sensitive" in response.context["forms"].consents.errors
    assert not Person.objects.filter(email="leila.haddad@example.org").exists()

    response = _post(client, world.a, notice, disability="yes", sensitive="on")
    assert response.status_code == 302
    person = Person.objects.get(email="leila.haddad@example.org")
    assert EntryData.objects.get(participation__person=person).disability == "yes"
    assert set(Consent.objects.filter(person=person).values_list("purpose", flat=True)) == {
        "participation",
        "sensitive",
        "communications",
    }


def test_declining_sensitive_item_needs_no_consent(world, client):
    world.project.asks_minority = True
    world.project.save()
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    response = _post(client, world.a, notice, minority="declined")
    assert response.status_code == 302
    assert (
        EntryData.objects.get(participation__person__email="leila.haddad@example.org").minority == "declined"
    )


def test_newer_notice_published_meanwhile_asks_to_read_it_again(world, client):
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    client.cookies["polku_language"] = "en"
    f.PrivacyNoticeFactory(project=world.project, language="en", version=2, body="Version two.")
    response = _post(client, world.a, notice)
    assert response.status_code == 200
    assert response.context["notice"].version == 2
    assert (
        response.context["summary"] and not Person.objects.filter(email="leila.haddad@example.org").exists()
    )


def test_registering_twice_in_the_project_is_refused(world, client):
    notice = PrivacyNotice.objects.get(project=world.project, language="en")
    response = _post(client, world.a, notice, email=world.part_b.person.email)
    assert "email" in response.context["forms"].person.errors
    assert Participation.objects.filter(person=world.part_b.person).count() == 1
