"""Suggestions from text and CVs with the real ranker; confirm, reject, add, occupations."""

import pytest
from django.utils import translation

from polku.audit.models import AuditEvent
from polku.competences import services
from polku.competences.models import (
    OccupationHeld,
    OccupationSuggestion,
    ProfileSkill,
    SkillEvidence,
    SuggestionJob,
)
from polku.competences.selectors import confirmed_skill_uris
from polku.competences.tests import factories as cf
from polku.core.errors import ApplicationError
from polku.esco.tests import factories as ef
from polku.testing import factories as f
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def _suggested(person) -> dict[str, ProfileSkill]:
    rows = ProfileSkill.objects.filter(person=person, status=ProfileSkill.Status.SUGGESTED).select_related(
        "skill"
    )
    return {row.skill.uri: row for row in rows}


@pytest.mark.usefixtures("esco_empty")  # only the concepts the test builds
def test_english_text_suggests_real_esco_skills_with_the_supporting_words():
    cf.ranker_concepts()
    person = f.PersonFactory()

    outcome = services.suggest_from_text(person=person, text=cf.ENGLISH_TEXT, language="en", actor=None)

    suggested = _suggested(person)
    assert {cf.FORKLIFT, cf.CUSTOMER_SERVICE, cf.PYTHON, cf.SQL} <= set(suggested)
    assert not isinstance(outcome, SuggestionJob)  # a short text is read at once
    assert outcome.skills == len(suggested)
    evidence = suggested[cf.FORKLIFT].evidence.get()
    assert evidence.kind == SkillEvidence.Kind.TEXT
    assert "forklift" in evidence.text
    assert confirmed_skill_uris(person) == set()  # nothing is a skill before it is confirmed
    assert OccupationSuggestion.objects.filter(person=person, occupation__uri=cf.FORKLIFT_OPERATOR).exists()
    assert AuditEvent.objects.filter(person_id=person.pk, action=AuditEvent.Action.CREATE).exists()


def test_finnish_text_suggests_forklift_and_customer_service():
    cf.ranker_concepts()
    person = f.PersonFactory()

    services.suggest_from_text(person=person, text=cf.FINNISH_TEXT, language="fi", actor=None)

    suggested = _suggested(person)
    assert {cf.FORKLIFT, cf.CUSTOMER_SERVICE} <= set(suggested)
    assert "trukkia" in suggested[cf.FORKLIFT].evidence.get().text


def test_rejected_and_confirmed_skills_are_not_suggested_again():
    concepts = cf.ranker_concepts()
    person = f.PersonFactory()
    user = f.UserFactory()
    services.suggest_from_text(person=person, text=cf.ENGLISH_TEXT, language="en", actor=user)
    rows = _suggested(person)
    services.skills_decide(person=person, ids=[rows[cf.FORKLIFT].pk], confirm=False, actor=user)
    services.skills_decide(person=person, ids=[rows[cf.PYTHON].pk], confirm=True, actor=user)

    services.suggest_from_text(person=person, text=cf.ENGLISH_TEXT, language="en", actor=user)

    forklift = ProfileSkill.objects.get(person=person, skill=concepts[cf.FORKLIFT])
    assert forklift.status == ProfileSkill.Status.REJECTED
    assert forklift.evidence.count() == 1  # no new evidence on a rejected skill
    python = ProfileSkill.objects.get(person=person, skill=concepts[cf.PYTHON])
    assert python.status == ProfileSkill.Status.CONFIRMED
    assert python.decided_by == user and python.decided_at is not None
    assert confirmed_skill_uris(person) == {cf.PYTHON}


def test_confirm_only_touches_the_persons_own_suggestions():
    skill = ef.skill("SQL")
    mine, other = f.PersonFactory(), f.PersonFactory()
    theirs = ProfileSkill.objects.create(person=other, skill=skill)
    assert services.skills_decide(person=mine, ids=[theirs.pk], confirm=True, actor=None) == 0
    theirs.refresh_from_db()
    assert theirs.status == ProfileSkill.Status.SUGGESTED


def test_add_by_search_and_remove_keeps_it_rejected():
    skill = ef.skill("welding")
    person = f.PersonFactory()
    row = services.skill_add(person=person, skill=skill, actor=None)
    assert row.status == ProfileSkill.Status.CONFIRMED
    assert row.evidence.get().kind == SkillEvidence.Kind.MANUAL
    services.skill_remove(person=person, profile_skill_id=row.pk, actor=None)
    row.refresh_from_db()
    assert row.status == ProfileSkill.Status.REJECTED


def test_empty_text_is_refused_in_the_users_language():
    person = f.PersonFactory()
    with translation.override("fi"), pytest.raises(ApplicationError) as error:
        services.suggest_from_text(person=person, text="   ", language="fi", actor=None)
    assert "Kirjoita" in error.value.message
    assert not ProfileSkill.objects.filter(person=person).exists()


def test_long_text_runs_as_a_task_and_the_text_is_not_kept():
    cf.ranker_concepts()
    person = f.PersonFactory()
    text = (cf.ENGLISH_TEXT + " ") * 160
    assert len(text) > services.LONG_TEXT

    job = services.suggest_from_text(person=person, text=text, language="en", actor=None)

    assert isinstance(job, SuggestionJob)
    job.refresh_from_db()
    assert job.status == SuggestionJob.Status.DONE  # the immediate backend of the tests ran it
    assert job.text == ""
    assert job.skills_found >= 4
    assert cf.FORKLIFT in _suggested(person)


def test_cv_pdf_docx_and_txt_give_suggestions_with_cv_evidence():
    cf.ranker_concepts()
    for data in (
        cf.pdf_bytes(cf.ENGLISH_TEXT),
        cf.docx_bytes(cf.ENGLISH_TEXT),
        cf.ENGLISH_TEXT.encode("utf-16"),
    ):
        person = f.PersonFactory()
        services.suggest_from_cv(person=person, data=data, language="en", actor=None)
        suggested = _suggested(person)
        assert cf.FORKLIFT in suggested
        assert suggested[cf.FORKLIFT].evidence.get().kind == SkillEvidence.Kind.CV


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PDF"),
        ("empty-pdf", "scanned"),
        ("too-big", "too big"),
    ],
)
def test_cv_errors_are_clear_and_save_nothing(settings, data, words):
    settings.POLKU_CV_MAX_BYTES = 50_000
    if data == "empty-pdf":
        data = cf.pdf_bytes("")
    elif data == "too-big":
        data = b"a" * 50_001
    person = f.PersonFactory()
    with pytest.raises(ApplicationError) as error:
        services.suggest_from_cv(person=person, data=data, language="en", actor=None)
    assert words in error.value.message
    assert "file" in error.value.field_errors
    assert not ProfileSkill.objects.filter(person=person).exists()
    assert not SuggestionJob.objects.filter(person=person).exists()


def test_occupation_held_offers_its_essential_skills():
    weld = ef.skill("weld metal")
    rejected = ef.skill("read blueprints")
    welder = ef.occupation("welder", essential=(weld, rejected))
    person = f.PersonFactory()
    ProfileSkill.objects.create(person=person, skill=rejected, status=ProfileSkill.Status.REJECTED)

    held = services.occupation_add(
        person=person, occupation=welder, actor=None, employer="Steel Oy", start_year=2015
    )

    row = ProfileSkill.objects.get(person=person, skill=weld)
    assert row.status == ProfileSkill.Status.SUGGESTED
    evidence = row.evidence.get()
    assert evidence.kind == SkillEvidence.Kind.OCCUPATION and evidence.reference == f"occupation:{held.pk}"
    assert ProfileSkill.objects.get(person=person, skill=rejected).status == ProfileSkill.Status.REJECTED


@pytest.mark.usefixtures("esco_empty")  # only the concepts the test builds
def test_occupation_suggestion_marked_held_and_not_suggested_again():
    cf.ranker_concepts()
    person = f.PersonFactory()
    services.suggest_from_text(person=person, text=cf.ENGLISH_TEXT, language="en", actor=None)
    suggestion = OccupationSuggestion.objects.get(person=person, occupation__uri=cf.FORKLIFT_OPERATOR)

    held = services.occupation_suggestion_decide(person=person, pk=suggestion.pk, held=True, actor=None)

    assert held is not None and present(held.occupation).uri == cf.FORKLIFT_OPERATOR
    suggestion.refresh_from_db()
    assert suggestion.status == OccupationSuggestion.Status.HELD
    services.suggest_from_text(person=person, text=cf.ENGLISH_TEXT, language="en", actor=None)
    assert (
        OccupationSuggestion.objects.filter(person=person, occupation__uri=cf.FORKLIFT_OPERATOR).count() == 1
    )
    assert OccupationHeld.objects.filter(person=person).count() == 1


def test_occupation_needs_a_title_or_an_occupation_and_years_in_order():
    person = f.PersonFactory()
    with pytest.raises(ApplicationError) as error:
        services.occupation_add(person=person, occupation=None, actor=None, employer="X")
    assert "title" in error.value.field_errors
    with pytest.raises(ApplicationError) as error:
        services.occupation_add(
            person=person, occupation=None, actor=None, title="Cook", start_year=2020, end_year=2019
        )
    assert "end_year" in error.value.field_errors
    assert not OccupationHeld.objects.filter(person=person).exists()


def test_language_with_levels_per_skill_and_education():
    person = f.PersonFactory()
    services.language_set(person=person, language="FI", level="B1", actor=None, listening="B2", writing="A2")
    services.language_set(person=person, language="fi", level="B2", actor=None)
    lang = person.languages.get()
    assert (lang.language, lang.level, lang.listening, lang.writing) == ("fi", "B2", "", "")
    with pytest.raises(ApplicationError):
        services.language_set(person=person, language="en", level="Z9", actor=None)

    edu = services.education_add(
        person=person, actor=None, level="6", isced_field="06", title="BSc", country="sy", year_completed=2014
    )
    assert edu.country == "SY"
    with pytest.raises(ApplicationError) as error:
        services.education_add(person=person, actor=None, level="6", year_completed=1800)
    assert "year_completed" in error.value.field_errors
