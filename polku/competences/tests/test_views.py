"""Competence pages: the profile for the person and their coordinator, suggestions, review, search, forms."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from fpdf.fonts import TTFFont

from polku.audit.models import AuditEvent
from polku.competences.models import Education, OccupationHeld, ProfileSkill, SkillEvidence, SuggestionJob
from polku.competences.sections import profile_sections
from polku.competences.tests import factories as cf
from polku.esco.tests import factories as ef
from polku.participants.models import LanguageSkill
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def _login(client, user, language="en"):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_participant_sees_their_profile_in_finnish(client, world):
    person = world.part_a.person
    skill = ef.skill("operate forklift", fi="ajaa trukkia")
    row = ProfileSkill.objects.create(person=person, skill=skill, status=ProfileSkill.Status.CONFIRMED)
    SkillEvidence.objects.create(profile_skill=row, kind="text", text="trukkikortti")
    LanguageSkill.objects.create(person=person, language="fi", level="B1", listening="B2")
    Education.objects.create(person=person, level="6", isced_field="06", title="BSc Computer Engineering")
    OccupationHeld.objects.create(person=person, title="Varastotyöntekijä", employer="Logistiikka Oy")

    response = _login(client, world.user_a, "fi").get(reverse("competences:me"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Osaamiseni" in body
    assert "ajaa trukkia" in body and "trukkikortti" in body
    assert "Suomi" in body and "B2" in body
    assert "BSc Computer Engineering" in body and "Varastotyöntekijä" in body
    assert not AuditEvent.objects.filter(person_id=person.pk, action="read").exists()  # own reads not logged


def test_coordinator_read_is_audited_and_other_partner_gets_404(client, world):
    url = reverse("competences:profile", args=[world.part_a.person_id])
    assert _login(client, world.coord_a).get(url).status_code == 200
    event = AuditEvent.objects.get(person_id=world.part_a.person_id, action="read")
    assert event.partner_id == world.a.pk and event.fields == ["competence_profile"]
    client.logout()
    assert _login(client, world.coord_b).get(url).status_code == 404


def test_suggest_from_text_then_confirm_selected(client, world):
    cf.ranker_concepts()
    _login(client, world.user_a)
    person_id = world.part_a.person_id
    response = client.post(
        reverse("competences:suggest", args=[person_id]), {"text": cf.ENGLISH_TEXT, "language": "en"}
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "competences:review", args=[person_id]
    )
    page = client.get(response["Location"])
    assert "operate forklift" in page.content.decode()
    forklift = ProfileSkill.objects.get(person_id=person_id, skill__uri=cf.FORKLIFT)
    sql = ProfileSkill.objects.get(person_id=person_id, skill__uri=cf.SQL)

    client.post(
        reverse("competences:review", args=[person_id]), {"skill": [forklift.pk], "decision": "confirm"}
    )
    client.post(reverse("competences:review", args=[person_id]), {"skill": [sql.pk], "decision": "reject"})

    forklift.refresh_from_db()
    sql.refresh_from_db()
    assert forklift.status == "confirmed" and forklift.decided_by == world.user_a
    assert sql.status == "rejected"


def test_cv_upload_with_a_wrong_type_shows_the_error_in_swedish(client, world):
    _login(client, world.user_a, "sv")
    upload = SimpleUploadedFile(
        "cv.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), content_type="application/pdf"
    )
    response = client.post(
        reverse("competences:suggest", args=[world.part_a.person_id]),
        {"file": upload, "language": "en", "upload": "1"},
    )
    assert response.status_code == 400
    assert "Ladda upp en PDF" in response.content.decode()
    assert not ProfileSkill.objects.filter(person_id=world.part_a.person_id).exists()


def test_cv_upload_pdf_gives_suggestions(client, world):
    cf.ranker_concepts()
    _login(client, world.coord_a)
    upload = SimpleUploadedFile(
        "cv.bin", cf.pdf_bytes(cf.ENGLISH_TEXT), content_type="application/octet-stream"
    )
    response = client.post(
        reverse("competences:suggest", args=[world.part_a.person_id]), {"file": upload, "language": "en"}
    )
    assert response.status_code == 302
    row = ProfileSkill.objects.get(person_id=world.part_a.person_id, skill__uri=cf.FORKLIFT)
    assert row.evidence.get().kind == "cv" and row.evidence.get().created_by == world.coord_a


def test_job_page_polls_while_working_and_goes_to_review_when_done(client, world):
    _login(client, world.user_a)
    job = SuggestionJob.objects.create(person=world.part_a.person, source="cv", language="en")
    url = reverse("competences:job", args=[world.part_a.person_id, job.pk])
    page = client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in page and 'http-equiv="refresh"' in page
    job.status = SuggestionJob.Status.DONE
    job.save()
    assert client.get(url)["Location"] == reverse("competences:review", args=[world.part_a.person_id])
    assert client.get(url, headers={"HX-Request": "true"})["HX-Redirect"] == url


def test_add_skill_by_search_with_and_without_htmx(client, world):
    ef.skill("weld metal", fi="hitsata metallia")
    _login(client, world.user_a, "fi")
    url = reverse("competences:add_skill", args=[world.part_a.person_id])
    full = client.get(url, {"q": "hitsata"}).content.decode()
    assert "<h1>" in full and "hitsata metallia" in full
    partial = client.get(url, {"q": "hitsata"}, headers={"HX-Request": "true"}).content.decode()
    assert "<h1>" not in partial and "hitsata metallia" in partial
    concept = ef.skill("weld metal")
    response = client.post(url, {"skill": concept.pk})
    assert response["Location"] == reverse("competences:me")
    assert ProfileSkill.objects.get(person=world.part_a.person, skill=concept).status == "confirmed"


def test_remove_skill(client, world):
    row = ProfileSkill.objects.create(
        person=world.part_a.person, skill=ef.skill("welding"), status=ProfileSkill.Status.CONFIRMED
    )
    _login(client, world.coord_a)
    response = client.post(reverse("competences:remove_skill", args=[world.part_a.person_id, row.pk]))
    assert response["Location"] == reverse("competences:profile", args=[world.part_a.person_id])
    row.refresh_from_db()
    assert row.status == "rejected"


def test_languages_education_occupations_forms(client, world):
    _login(client, world.user_a)
    pid = world.part_a.person_id
    r = client.post(
        reverse("competences:languages", args=[pid]),
        {"language": "ar", "level": "native", "listening": "", "writing": ""},
    )
    assert r.status_code == 302
    r = client.post(reverse("competences:languages", args=[pid]), {"language": "xx", "level": "B1"})
    assert r.status_code == 400 and "We do not know the language" in r.content.decode()
    r = client.post(
        reverse("competences:education", args=[pid]),
        {"level": "7", "isced_field": "01", "title": "MA", "country": "IQ", "year_completed": "2012"},
    )
    assert r.status_code == 302
    cook = ef.occupation("cook", essential=(ef.skill("prepare food"),))
    r = client.post(
        reverse("competences:occupations", args=[pid]) + f"?occupation={cook.pk}",
        {"occupation": cook.pk, "employer": "Hotel", "start_year": "2015", "end_year": "2020"},
    )
    assert r.status_code == 302
    r = client.post(reverse("competences:occupations", args=[pid]), {"title": "", "employer": "X"})
    assert r.status_code == 400
    person = world.part_a.person
    assert person.languages.get().level == "native"
    assert person.educations.get().country == "IQ"
    assert person.occupations_held.get().occupation == cook
    assert (
        ProfileSkill.objects.get(person=person, skill__uri__contains="skill").evidence.get().kind
        == "occupation"
    )


def test_print_view_and_pdf_with_unicode_names(client, world):
    person = world.part_a.person
    person.first_name, person.last_name = "Äïšá", "أمينة"
    person.save()
    ProfileSkill.objects.create(person=person, skill=ef.skill("customer service"), status="confirmed")
    _login(client, world.coord_a)
    page = client.get(reverse("competences:print", args=[person.pk])).content.decode()
    assert "competences/print.css" in page and "customer service" in page  # a stylesheet: no inline style
    assert "@media print" in Path(str(finders.find("competences/print.css"))).read_text(encoding="utf-8")
    response = client.get(reverse("competences:pdf", args=[person.pk]))
    assert response["Content-Type"] == "application/pdf"
    from io import BytesIO

    from pypdf import PdfReader

    text = PdfReader(BytesIO(response.content)).pages[0].extract_text()
    assert "Äïšá" in text and "customer service" in text


def test_pdf_shapes_an_arabic_name_and_skill(client, world):
    """With uharfbuzz, the profile PDF joins Arabic letters (positional glyph forms in the Arabic font)."""
    from polku.competences.pdf import _Writer

    person = world.part_a.person
    person.first_name, person.last_name = "أمينة", "يوسف"
    person.save()
    ProfileSkill.objects.create(person=person, skill=ef.skill("خدمة العملاء"), status="confirmed")
    _login(client, world.coord_a)
    response = client.get(reverse("competences:pdf", args=[person.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    writer = _Writer()
    assert not writer.pdf.text_shaping  # shaping costs time: on with the first text that needs it
    writer.line("أمينة يوسف — خدمة العملاء")
    assert writer.pdf.text_shaping and writer.pdf.text_shaping["use_shaping_engine"]
    writer.pdf.output()
    font = writer.pdf.fonts["noto-arabic"]
    assert isinstance(font, TTFFont)
    glyphs = [present(g).glyph_name for g, _id in font.subset.items()]
    assert any(name.endswith((".init", ".medi", ".fina")) for name in glyphs)


def test_apps_add_sections_to_the_profile(client, world, settings):
    from pathlib import Path

    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "DIRS": [*settings.TEMPLATES[0]["DIRS"], Path(__file__).parent / "templates"],
        }
    ]
    profile_sections.register(
        "test-section",
        template="competences/tests_section.html",
        context=lambda person, access, request: {"who": person.first_name},
    )
    try:
        body = _login(client, world.user_a).get(reverse("competences:me")).content.decode()
    finally:
        profile_sections.unregister("test-section")
    assert "Section for Amina" in body


def test_a_search_too_long_says_so_and_keeps_the_text(client, world):
    _login(client, world.user_a)
    pid = world.part_a.person_id
    long_query = "asiakaspalvelu" * 8
    for name in ("competences:add_skill", "competences:occupations"):
        html = client.get(reverse(name, args=[pid]), {"q": long_query}).content.decode()
        assert "The search is too long (112 characters): use at most 100." in html, name
        assert f'value="{long_query}"' in html, name


def test_the_text_form_speaks_of_the_participant_to_a_coordinator(client, world):
    pid = world.part_a.person_id
    _login(client, world.coord_a)
    html = client.get(reverse("competences:suggest", args=[pid])).content.decode()
    assert (
        "About the participant&#x27;s education, work and skills" in html or "About the participant's" in html
    )
    _login(client, world.user_a)
    assert (
        "About your education, work and skills"
        in client.get(reverse("competences:suggest", args=[pid])).content.decode()
    )
