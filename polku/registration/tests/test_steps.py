"""Self-registration in steps: the progress indicator, one step's errors at a time, no skipping ahead, and
save-and-continue-later with a resume link (a draft kept hashed, deleted on submit and after 30 days)."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from polku.consent.models import PrivacyNotice
from polku.core.schedule import REGISTRY
from polku.participants.models import Person
from polku.registration.models import RegistrationDraft, draft_token_hash
from polku.registration.services import registration_drafts_delete_expired
from polku.registration.tasks import delete_expired_drafts
from polku.registration.tests.test_register import PASSWORD, _data, post_steps, step_url
from polku.testing.asserts import present


@pytest.fixture
def notice(world):
    return PrivacyNotice.objects.get(project=world.project, language="en")


def _resume_token(link: str) -> str:
    return present(re.search(r"/resume/([^/]+)/", link)).group(1)


def test_first_step_shows_progress_and_the_list_of_steps(world, client):
    html = client.get(step_url(world.a, "contact")).content.decode()
    assert "Step 1 of 6" in html
    assert '<span aria-current="step">About you</span>' in html
    for title in ("Languages you know", "Your situation when you join", "Check your answers"):
        assert title in html
    assert 'value="continue"' in html and 'value="save"' in html
    assert 'value="back"' not in html  # nothing before the first step


def test_a_step_checks_only_its_own_answers_and_keeps_them(world, client, notice):
    response = client.post(
        step_url(world.a, "contact"), {"first_name": "Leila", "last_name": "", "email": "leila@"}
    )
    assert response.status_code == 200
    assert {"last_name", "email"} <= set(response.context["forms"].person.errors)
    assert {"id_last_name", "id_email"} <= {item.anchor for item in response.context["summary"]}
    html = response.content.decode()
    assert 'value="Leila"' in html and 'value="leila@"' in html
    assert "Last name" in html or "last name" in html
    assert "id_date_of_birth" not in {item.anchor for item in response.context["summary"]}  # a later step

    response = post_steps(client, world.a, _data(notice=str(notice.pk)), until="contact")
    assert response.status_code == 302 and response["Location"] == step_url(world.a, "languages")
    page = client.get(response["Location"]).content.decode()
    assert "Step 2 of 6" in page and '<span aria-current="step">Languages you know</span>' in page
    assert f'<a href="{step_url(world.a, "contact")}">About you</a>' in page


def test_cannot_skip_to_a_later_step_with_earlier_answers_missing(world, client, notice):
    for slug in ("languages", "situation", "goals", "consents", "check"):
        response = client.get(step_url(world.a, slug))
        assert response.status_code == 302 and response["Location"] == step_url(world.a, "contact")
    response = client.post(step_url(world.a, "check"), {"password1": PASSWORD, "password2": PASSWORD})
    assert response["Location"] == step_url(world.a, "contact")

    post_steps(client, world.a, _data(notice=str(notice.pk)), until="languages")
    assert client.get(step_url(world.a, "consents"))["Location"] == step_url(world.a, "situation")
    # A step that turns invalid again is missing again.
    client.post(step_url(world.a, "contact"), {"first_name": "Leila"})
    assert client.get(step_url(world.a, "situation"))["Location"] == step_url(world.a, "contact")
    assert not Person.objects.filter(last_name="Haddad").exists()


def test_back_keeps_what_was_typed_without_checking_it(world, client, notice):
    post_steps(client, world.a, _data(notice=str(notice.pk)), until="contact")
    response = client.post(step_url(world.a, "languages"), {"language_0": "Arabic", "action": "back"})
    assert response["Location"] == step_url(world.a, "contact")
    html = client.get(step_url(world.a, "contact")).content.decode()
    assert 'value="Leila"' in html and 'value="Haddad"' in html
    html = client.get(step_url(world.a, "languages")).content.decode()
    assert 'value="Arabic"' in html and "Please correct" not in html


def test_check_your_answers_lists_every_step_with_change_links(world, client, notice):
    post_steps(client, world.a, _data(notice=str(notice.pk)), until="consents")
    response = client.get(step_url(world.a, "check"))
    html = response.content.decode()
    assert "Step 6 of 6" in html and "govuk-summary-list" in html
    for slug in ("contact", "languages", "situation", "goals", "consents"):
        assert f'href="{step_url(world.a, slug)}"' in html
    # Answers in words, not codes.
    assert "Arabic" in html and "Native or first language" in html and "Unemployed" in html
    assert "Tampere" in html and "17" in html and "1990" in html and "English" in html
    assert html.count('govuk-summary-card__action"') == 5  # one Change link per step
    # Change goes back to the step with the answers filled in, and Continue comes back to the check.
    page = client.get(step_url(world.a, "goals")).content.decode()
    assert 'value="Tampere"' in page and re.search(r'value="employment"[^>]*checked', page)
    response = client.post(step_url(world.a, "goals"), {"goals": ["employment"], "municipality": "Turku"})
    assert response["Location"] == step_url(world.a, "check")
    assert "Turku" in client.get(step_url(world.a, "check")).content.decode()


def test_save_and_resume_in_another_browser_then_register(
    world, client, notice, django_capture_on_commit_callbacks
):
    data = _data(notice=str(notice.pk))
    post_steps(client, world.a, data, until="situation")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            step_url(world.a, "goals"), {"municipality": "Tampere", "work_history": "Cook", "action": "save"}
        )
    assert response.status_code == 200
    link = response.context["link"]
    token = _resume_token(link)
    assert link in response.content.decode() and "leila.haddad@example.org" in response.content.decode()

    draft = RegistrationDraft.objects.get()
    assert draft.step == "goals" and draft.partner == world.a
    assert draft.token_hash == draft_token_hash(token) and token not in draft.token_hash
    assert token not in str(draft.answers)
    assert "password1" not in str(draft.answers)
    assert dt.timedelta(days=29) < draft.expires_at - timezone.now() <= dt.timedelta(days=30)
    assert draft.answers["contact"]["first_name"] == ["Leila"]

    # The link was e-mailed to the address of step 1.
    (message,) = mail.outbox
    assert message.to == ["leila.haddad@example.org"] and link in message.body

    # Another browser opens the link: it lands on the step, with every answer.
    other = Client()
    response = other.get(link.split("testserver", 1)[1])
    assert response.status_code == 302 and response["Location"] == step_url(world.a, "goals")
    page = other.get(response["Location"]).content.decode()
    assert 'value="Tampere"' in page and "Cook" in page
    assert 'value="Leila"' in other.get(step_url(world.a, "contact")).content.decode()

    response = post_steps(other, world.a, {k: v for k, v in data.items()}, until=None)
    assert response.status_code == 302, response.context and response.context["summary"]
    person = Person.objects.get(email="leila.haddad@example.org")
    assert person.municipality == "Tampere"
    assert not RegistrationDraft.objects.exists()  # registering deletes the draft
    assert other.get(link.split("testserver", 1)[1]).status_code == 404


def test_saving_again_replaces_the_link_and_keeps_one_draft(world, client, notice):
    post_steps(client, world.a, _data(notice=str(notice.pk)), until="contact")
    first = client.post(step_url(world.a, "languages"), {"action": "save"}).context["link"]
    second = client.post(step_url(world.a, "languages"), {"language_0": "fi", "action": "save"}).context[
        "link"
    ]
    assert first != second and RegistrationDraft.objects.count() == 1
    assert client.get(first.split("testserver", 1)[1]).status_code == 404
    assert client.get(second.split("testserver", 1)[1]).status_code == 302


def test_save_without_an_email_only_shows_the_link(world, client):
    response = client.post(step_url(world.a, "contact"), {"first_name": "Leila", "action": "save"})
    assert response.status_code == 200 and "/resume/" in response.context["link"]
    assert response.context["email"] == "" and not mail.outbox
    assert RegistrationDraft.objects.get().step == "contact"


def test_expired_draft_gives_a_clear_page_and_is_deleted(world, client, notice):
    post_steps(client, world.a, _data(notice=str(notice.pk)), until="contact")
    link = client.post(step_url(world.a, "languages"), {"action": "save"}).context["link"]
    RegistrationDraft.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    response = client.get(link.split("testserver", 1)[1])
    assert response.status_code == 410
    html = response.content.decode()
    assert "This link has expired" in html and step_url(world.a, "contact") in html
    assert not RegistrationDraft.objects.exists()


def test_unknown_resume_link_is_a_clear_404(world, client):
    response = client.get(f"/r/{world.a.registration_code}/resume/not-a-token/")
    assert response.status_code == 404 and "This link does not work" in response.content.decode()


def test_expiry_job_deletes_only_expired_drafts(world):
    now = timezone.now()
    RegistrationDraft.objects.create(
        partner=world.a, token_hash="a" * 64, step="contact", expires_at=now - dt.timedelta(seconds=1)
    )
    kept = RegistrationDraft.objects.create(
        partner=world.a, token_hash="b" * 64, step="contact", expires_at=now + dt.timedelta(days=1)
    )
    assert REGISTRY["registration.expired_drafts"].task is delete_expired_drafts
    assert delete_expired_drafts.call() == 1
    assert list(RegistrationDraft.objects.all()) == [kept]
    assert registration_drafts_delete_expired(now=now + dt.timedelta(days=2)) == 1


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("fi", ("Vaihe 1/6", "Tietoja sinusta", "Tallenna ja jatka myöhemmin", "Tarkista vastauksesi")),
        ("sv", ("Steg 1 av 6", "Om dig", "Spara och fortsätt senare", "Kontrollera dina svar")),
    ],
)
def test_steps_read_in_finnish_and_swedish(world, client, language, texts):
    client.cookies["polku_language"] = language
    html = client.get(step_url(world.a, "contact")).content.decode()
    for text in texts:
        assert text in html


def test_saving_on_the_check_page_keeps_no_password_and_resumes_there(world, client, notice):
    post_steps(client, world.a, _data(notice=str(notice.pk)), until="consents")
    response = client.post(
        step_url(world.a, "check"), {"password1": PASSWORD, "password2": PASSWORD, "action": "save"}
    )
    draft = RegistrationDraft.objects.get()
    assert draft.step == "check" and PASSWORD not in str(draft.answers)
    assert PASSWORD not in str(client.session.items())
    other = Client()
    resumed = other.get(response.context["link"].split("testserver", 1)[1])
    assert resumed["Location"] == step_url(world.a, "check")
    assert "Leila" in other.get(resumed["Location"]).content.decode()


def test_unknown_step_is_404(world, client):
    assert client.get(f"/r/{world.a.registration_code}/steps/nothing/").status_code == 404


def test_a_newer_notice_reopens_the_consents_step(world, client, notice):
    from polku.testing import factories as f

    client.cookies["polku_language"] = "en"
    post_steps(client, world.a, _data(notice=str(notice.pk)), until="consents")
    f.PrivacyNoticeFactory(project=world.project, language="en", version=2, body="Version two.")
    response = client.post(step_url(world.a, "check"), {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 200 and response.context["step"].slug == "consents"
    assert "Version two." in response.content.decode()
    assert client.get(step_url(world.a, "check"))["Location"] == step_url(world.a, "consents")
