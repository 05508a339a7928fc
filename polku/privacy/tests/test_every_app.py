"""A person with data in every app: the full export has a section of each app, and erasure hears from all."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from polku.accounts.access import access_for
from polku.core.personal_data import providers
from polku.mentordays.tests.factories import privacy_data as mentor_day_data
from polku.mentoring.tests.factories import privacy_data as mentoring_data
from polku.outcomes.models import ExitRecord
from polku.peergroups.tests.factories import privacy_data as peer_group_data
from polku.privacy.models import ErasureRequest
from polku.privacy.selectors import person_export
from polku.privacy.services import erasure_request_create, erasure_request_handle
from polku.surveys.tests.factories import privacy_data as survey_data

pytestmark = pytest.mark.django_db

APPS = {"participants", "consent", "projects", "audit", "accounts", "outcomes"} | {
    "mentoring",
    "mentordays",
    "peergroups",
    "surveys",
}


def _everywhere(participation):
    ExitRecord.objects.create(
        participation=participation,
        status="unemployed",
        status_on=participation.entry_date,
        source="coordinator",
    )
    mentoring_data(participation)
    mentor_day_data(participation)
    peer_group_data(participation)
    survey_data(participation)


def test_registry_has_every_app_that_holds_personal_data():
    assert {"foundation", "outcomes", "mentoring", "mentordays", "peergroups", "surveys"} <= {
        p.name for p in providers()
    }
    # The knowledge base holds staff texts, not participants' data (docs/privacy.md).
    assert "knowledge" not in {p.name for p in providers()}


def test_full_export_of_a_person_with_data_everywhere_has_a_section_of_every_app(world):
    _everywhere(world.part_a)
    document = person_export(person=world.part_a.person)
    apps = {key.split(".")[0] for key in document["sections"]}
    assert apps >= APPS
    for app in ("outcomes", "mentoring", "mentordays", "peergroups", "surveys"):  # with the rows made above
        assert any(v["records"] for k, v in document["sections"].items() if k.startswith(f"{app}."))
    json.dumps(document)


def test_an_erasure_request_hears_from_every_app(world):
    _everywhere(world.part_a)
    request = erasure_request_create(
        actor=world.user_a, access=access_for(world.user_a), person=world.part_a.person, scope="all"
    )
    request = erasure_request_handle(actor=world.coord_a, access=access_for(world.coord_a), request=request)
    assert request.status == ErasureRequest.Status.PARTLY
    erased = " ".join(request.erased)
    for part in ("mentoring sessions", "mentor day bookings", "Peer-group reflections", "feedback answers"):
        assert part in erased
    kept = {k["item"] for k in request.kept}
    assert {
        "Mentor day bookings and attendance",
        "Peer-group opt-ins, memberships and attendance",
        "Satisfaction scores of feedback answers",
        "Mentorships, goals, session dates and ratings",
    } <= kept


def test_my_data_page_shows_every_apps_sections_in_the_readers_language(client, world):
    _everywhere(world.part_a)
    client.force_login(world.user_a)
    with translation.override("en"):  # the request activates Finnish; give the next tests their language back
        page = client.get(reverse("privacy:my_data"), HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    for title in (
        "Mentorointitapaamiset",
        "Mentoripäivien varaukset",
        "Vertaisryhmän pohdinnat",
        "Palautevastaukset",
    ):
        assert title in page
    assert "What was most useful?: Amina answer" in page
