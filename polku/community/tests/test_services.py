"""The community network's rules against the database: the consent gate, audiences, sharing between
projects, connections, blocks, reports, messages and their e-mails."""

from __future__ import annotations

import io

import pytest
from django.http import Http404
from PIL import Image

from polku.accounts.access import access_for
from polku.community import selectors, services
from polku.community.models import Connection, DirectorySharing, Message, Profile, ProfilePhoto, Report
from polku.community.selectors import Filters, directory_search, sharing_projects, viewer_for
from polku.community.tests.factories import connect, profile_on
from polku.competences.models import ProfileSkill
from polku.consent.models import Consent, Purpose
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.models import OutgoingEmail
from polku.esco.tests.factories import skill
from polku.testing import factories as f

pytestmark = pytest.mark.django_db


def _names(user) -> list[str]:
    viewer = viewer_for(user)
    assert viewer is not None
    return [p.display_name for p in directory_search(viewer=viewer, filters=Filters())]


def test_a_profile_is_off_until_the_directory_consent_is_given(world):
    access = access_for(world.user_a)
    profile = services.profile_save(actor=world.user_a, access=access, data={"display_name": "Amina"})
    profile_on(world.user_b, display_name="Bogdan")
    assert _names(world.user_b) == []  # saved, not turned on
    services.directory_turn_on(actor=world.user_a, access=access, language="en")
    consent = Consent.objects.get(person=world.part_a.person, purpose=Purpose.DIRECTORY, withdrawn_at=None)
    assert consent.project_id == profile.project_id
    assert _names(world.user_b) == ["Amina"]


def test_withdrawing_the_consent_hides_the_profile_at_once_everywhere(world, client):
    amina = profile_on(
        world.user_a, display_name="Amina", introduction_audience="directory", introduction="Hello"
    )
    profile_on(world.user_b, display_name="Bogdan")
    client.force_login(world.user_b)
    assert client.get(f"/community/people/{amina.pk}/").status_code == 200
    assert client.get(f"/api/v1/community/profiles/{amina.pk}/").status_code == 200
    # withdrawn through the consent itself (the privacy page), not through the community page
    consent = Consent.objects.get(person=world.part_a.person, purpose=Purpose.DIRECTORY, withdrawn_at=None)
    from polku.consent.services import consent_withdraw

    consent_withdraw(actor=world.user_a, consent=consent)
    assert _names(world.user_b) == []
    assert client.get(f"/community/people/{amina.pk}/").status_code == 404
    assert client.get(f"/api/v1/community/profiles/{amina.pk}/").status_code == 404
    assert "Amina" not in client.get("/community/").content.decode()
    assert client.get(f"/community/people/{amina.pk}/photo/").status_code == 404
    # and the one who withdrew no longer sees the directory either
    assert viewer_for(world.user_a) is None


def test_each_field_is_shown_only_to_its_audience(net):
    amina = profile_on(
        net.user_a,
        display_name="Amina",
        city="Espoo",
        country="FI",
        place_audience="directory",
        introduction="Baker from Aleppo",
        introduction_audience="project",
        links=["https://example.org/amina"],
        links_audience="connections",
        contact_email="amina@example.org",
        contact_audience="connections",
        languages=[{"language": "ar", "level": "native"}],
        languages_audience="nobody",
    )
    profile_on(net.user_b, display_name="Bogdan")  # same project, other partner
    profile_on(net.user_n, display_name="Nora")  # other project, shares both ways

    def seen(user):
        viewer = viewer_for(user)
        return selectors.cards(viewer, [selectors.profile_for(viewer=viewer, pk=amina.pk)], full=True)[
            0
        ].fields

    nora = seen(net.user_n)
    assert nora["place"] == "Espoo, Finland"
    assert (
        "introduction" not in nora
        and "links" not in nora
        and "contact" not in nora
        and "languages" not in nora
    )
    bogdan = seen(net.user_b)
    assert bogdan["introduction"] == "Baker from Aleppo"
    assert "links" not in bogdan and "contact" not in bogdan
    connect(net.user_n, net.user_a)
    nora = seen(net.user_n)
    assert nora["introduction"] == "Baker from Aleppo"  # connections see what the project sees
    assert nora["links"] == ["https://example.org/amina"]
    assert nora["contact"] == {"email": "amina@example.org", "phone": ""}
    assert "languages" not in nora  # nobody means nobody


def test_a_filter_never_matches_a_field_kept_from_the_reader(world):
    profile_on(world.user_a, display_name="Amina", country="FI", place_audience="nobody")
    profile_on(world.user_b, display_name="Bogdan")
    viewer = viewer_for(world.user_b)
    assert viewer is not None
    assert list(directory_search(viewer=viewer, filters=Filters(country="FI"))) == []
    assert [p.display_name for p in directory_search(viewer=viewer, filters=Filters(text="Amina"))] == [
        "Amina"
    ]


def test_projects_share_only_when_both_opted_in_and_named_each_other(net):
    assert sharing_projects(net.project.pk) == {net.project.pk, net.other.pk}
    theirs = DirectorySharing.objects.get(project=net.other)
    theirs.partners.clear()
    assert sharing_projects(net.project.pk) == {net.project.pk}
    assert sharing_projects(net.other.pk) == {net.other.pk}
    theirs.partners.set([net.project])
    theirs.enabled = False
    theirs.save()
    assert sharing_projects(net.project.pk) == {net.project.pk}
    profile_on(net.user_a, display_name="Amina")
    profile_on(net.user_n, display_name="Nora")
    assert _names(net.user_n) == []


def test_an_audience_that_does_not_exist_is_refused_with_the_field_named(world):
    access = access_for(world.user_a)
    with pytest.raises(ApplicationError) as error:
        services.profile_save(actor=world.user_a, access=access, data={"skills_audience": "everyone"})
    assert "skills_audience" in error.value.field_errors
    with pytest.raises(ApplicationError) as error:
        services.profile_save(actor=world.user_a, access=access, data={"contact_audience": "directory"})
    assert "contact_audience" in error.value.field_errors
    with pytest.raises(ApplicationError) as error:
        services.profile_save(actor=world.user_a, access=access, data={"links": ["javascript:alert(1)"]})
    assert "links" in error.value.field_errors


def test_only_confirmed_skills_are_shown(world):
    python, cooking = skill("use Python", fi="käyttää Pythonia"), skill("cook")
    ProfileSkill.objects.create(
        person=world.part_a.person, skill=python, status=ProfileSkill.Status.CONFIRMED
    )
    ProfileSkill.objects.create(
        person=world.part_a.person, skill=cooking, status=ProfileSkill.Status.SUGGESTED
    )
    amina = profile_on(world.user_a, display_name="Amina", skills=[python.pk, cooking.pk])
    assert list(amina.skills.all()) == [python]


def test_staff_have_no_profile_but_mentors_opt_in_without_a_consent_row(world):
    with pytest.raises(AccessDenied):
        services.profile_save(actor=world.coord_a, access=access_for(world.coord_a), data={})
    mentor = f.UserFactory(email="m@example.org", full_name="Maria Mentor")
    f.membership(mentor, f.Role.MENTOR, partner=world.a)
    profile = profile_on(mentor)
    assert profile.person_id is None and profile.opted_in_at is not None
    profile_on(world.user_a, display_name="Amina")
    assert _names(world.user_a) == ["Maria Mentor"]
    services.directory_turn_off(actor=mentor, access=access_for(mentor))
    assert _names(world.user_a) == []


def test_a_second_request_to_someone_who_declined_is_refused_quietly(world):
    profile_on(world.user_a, display_name="Amina")
    bogdan = profile_on(world.user_b, display_name="Bogdan")
    first = services.connection_request(actor=world.user_a, recipient=bogdan, message="Hi")
    services.connection_answer(actor=world.user_b, connection=first, accept=False)
    again = services.connection_request(actor=world.user_a, recipient=bogdan, message="Please")
    assert again.pk == first.pk and again.status == Connection.Status.DECLINED and again.message == "Hi"
    assert Connection.objects.count() == 1
    viewer = viewer_for(world.user_a)
    assert viewer is not None and viewer.connected == set()
    # the sender is never told: the API shows the request as waiting
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(world.user_a)
    rows = client.get("/api/v1/community/connections/").json()
    assert [row["status"] for row in rows] == ["pending"]
    # and the decliner no longer sees it among the requests to answer
    decliner = viewer_for(world.user_b)
    assert decliner is not None and list(selectors.incoming_requests(decliner)) == []


def test_messages_only_between_connections_and_blocks_end_them(world):
    amina = profile_on(world.user_a, display_name="Amina")
    bogdan = profile_on(world.user_b, display_name="Bogdan")
    with pytest.raises(ApplicationError):
        services.message_send(actor=world.user_a, recipient=bogdan, body="Hello")
    connect(world.user_a, world.user_b)
    services.message_send(actor=world.user_a, recipient=bogdan, body="<script>alert(1)</script>")
    assert selectors.unread_count(bogdan) == 1
    services.block(actor=world.user_b, other=amina)
    with pytest.raises(ApplicationError):
        services.message_send(actor=world.user_a, recipient=bogdan, body="Still there?")
    with pytest.raises(Http404):
        selectors.profile_for(viewer=viewer_for(world.user_a), pk=bogdan.pk)


def test_html_in_messages_and_profiles_is_escaped(world, client):
    amina = profile_on(
        world.user_a,
        display_name="<b>Amina</b>",
        introduction="<img src=x onerror=alert(1)>",
        introduction_audience="directory",
    )
    profile_on(world.user_b, display_name="Bogdan")
    connect(world.user_a, world.user_b)
    services.message_send(
        actor=world.user_a, recipient=world.user_b.community_profile, body="<script>alert(1)</script>"
    )
    client.force_login(world.user_b)
    page = client.get(f"/community/people/{amina.pk}/").content.decode()
    assert "<img src=x" not in page and "&lt;img src=x" in page and "&lt;b&gt;Amina" in page
    thread = client.get(f"/community/people/{amina.pk}/messages/").content.decode()
    assert "<script>alert(1)" not in thread and "&lt;script&gt;alert(1)" in thread


def test_a_message_e_mail_at_most_once_a_day_unless_immediate(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    profile_on(world.user_a, display_name="Amina")
    bogdan = profile_on(world.user_b, display_name="Bogdan")
    connect(world.user_a, world.user_b)
    for text in ("first secret", "second secret"):
        services.message_send(actor=world.user_a, recipient=bogdan, body=text)
    assert services.digests_send() == 1
    services.message_send(actor=world.user_a, recipient=bogdan, body="three")
    assert services.digests_send() == 0  # within the day
    assert OutgoingEmail.objects.count() == 1
    digest = mailoutbox[0]
    assert "secret" not in digest.body and "Amina" in digest.body and "2 new messages" in digest.body
    amina = world.user_a.community_profile
    amina.notify = "immediate"
    amina.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(actor=world.user_b, recipient=amina, body="hi back")
    assert OutgoingEmail.objects.count() == 2


def test_a_report_goes_to_the_reporters_partner_who_can_hide(net):
    amina = profile_on(net.user_a, display_name="Amina")
    profile_on(net.user_n, display_name="Nora")
    report = services.report_create(actor=net.user_n, reported=amina, reason="Spam")
    assert report.partner_id == net.n.pk
    assert list(selectors.report_list(access=access_for(net.coord_a))) == []
    with pytest.raises(AccessDenied):
        services.report_handle(actor=net.coord_a, access=access_for(net.coord_a), report=report, hide=True)
    services.report_handle(actor=net.coord_n, access=access_for(net.coord_n), report=report, hide=True)
    assert Report.objects.get().status == Report.Status.HIDDEN
    assert _names(net.user_n) == []


def _png(size=(1200, 800)) -> bytes:
    image = Image.new("RGB", size, "red")
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_the_photo_is_resized_and_its_exif_removed(world):
    profile_on(world.user_a, display_name="Amina")
    services.photo_set(actor=world.user_a, access=access_for(world.user_a), content=_png())
    photo = ProfilePhoto.objects.get()
    with Image.open(io.BytesIO(bytes(photo.data))) as image:
        assert max(image.size) == 512
        assert not image.getexif()
    assert b"SecretCam" not in bytes(photo.data)


def test_a_file_that_is_not_a_photo_or_too_large_is_refused(world, settings):
    profile_on(world.user_a, display_name="Amina")
    access = access_for(world.user_a)
    with pytest.raises(ApplicationError) as error:
        services.photo_set(actor=world.user_a, access=access, content=b"%PDF-1.4 not an image")
    assert "photo" in error.value.field_errors
    with pytest.raises(ApplicationError):
        services.photo_set(actor=world.user_a, access=access, content=b"\xff\xd8" + b"0" * (6 * 1024 * 1024))
    assert not ProfilePhoto.objects.exists()


def test_coordinators_see_counts_across_partners_and_countries(net):
    profile_on(net.user_a, display_name="Amina")
    profile_on(net.user_b, display_name="Bogdan")
    profile_on(net.user_n, display_name="Nora")
    connect(net.user_a, net.user_b)  # FI–SE, two partners of the project
    connect(net.user_n, net.user_a)  # NO–FI, across projects
    counts = selectors.project_counts(project_id=net.project.pk)
    assert (counts.profiles_on, counts.connections, counts.across_partners, counts.across_countries) == (
        2,
        2,
        2,
        2,
    )
    a_only = selectors.project_counts(project_id=net.project.pk, partner_ids={net.a.pk})
    assert a_only.profiles_on == 1


def test_profiles_keep_nothing_after_erasure_but_the_others_thread(world):
    from polku.community.privacy import erase, export

    amina = profile_on(world.user_a, display_name="Amina")
    bogdan = profile_on(world.user_b, display_name="Bogdan")
    connect(world.user_a, world.user_b)
    services.message_send(actor=world.user_a, recipient=bogdan, body="Secret plan")
    services.message_send(actor=world.user_b, recipient=amina, body="Reply")
    sections = export(world.part_a.person)
    assert [m["text"] for m in sections["community.messages"]["records"]] == ["Secret plan", "Reply"]
    assert erase(world.part_a.person).erased
    assert not Profile.objects.filter(pk=amina.pk).exists()
    texts = {m.body: m.erased for m in Message.objects.all()}
    assert texts == {"": True, "Reply": False}
    assert [selectors.message_text(m) for m in Message.objects.order_by("pk")] == ["deleted", "Reply"]


def test_suggestions_give_reasons_in_words_and_never_from_hidden_fields(net):
    from polku.community.suggestions import suggestions

    python = skill("use Python", fi="käyttää Python-ohjelmointikieltä")
    for part in (net.part_a, net.part_b, net.part_n):
        ProfileSkill.objects.create(person=part.person, skill=python, status=ProfileSkill.Status.CONFIRMED)
    profile_on(net.user_a, display_name="Amina", skills=[python.pk], looks_for=["cofounder"])
    profile_on(net.user_b, display_name="Bogdan", skills=[python.pk], skills_audience="nobody")
    profile_on(net.user_n, display_name="Nora", skills=[python.pk], offers=["cofounder"])
    viewer = viewer_for(net.user_a)
    assert viewer is not None
    rows = suggestions(viewer=viewer)
    assert [row.card.name for row in rows] == ["Nora"]  # Bogdan's skills are hidden from everyone
    assert rows[0].reasons == [
        "They offer what you look for: a co-founder",
        "You both work with use Python",
        "Takes part in another country: Norway",
        "Takes part through another partner",
    ]
    from django.utils import translation

    with translation.override("fi"):
        assert (
            "Teillä molemmilla on taito: käyttää Python-ohjelmointikieltä"
            in suggestions(viewer=viewer)[0].reasons
        )
    # once asked, never suggested again
    services.connection_request(actor=net.user_a, recipient=net.user_n.community_profile)
    assert suggestions(viewer=viewer) == []
