"""Writes of competence profiles."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.competences import cv, ranking
from polku.competences.models import (
    Education,
    OccupationHeld,
    OccupationSuggestion,
    ProfileSkill,
    SkillEvidence,
    SuggestionJob,
)
from polku.core import uploads
from polku.core.errors import ApplicationError, field_errors_from
from polku.core.names import canonical_language
from polku.core.tasks import enqueue
from polku.esco.models import Concept, OccupationSkill, Relation
from polku.esco.selectors import preferred_labels
from polku.participants.models import LanguageSkill, Person

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from polku.accounts.models import User


@transaction.atomic
def add_confirmed_skill(
    *,
    person: Person,
    skill: Concept,
    kind: str,
    text: str = "",
    reference: str = "",
    actor: User | None = None,
) -> ProfileSkill:
    """Confirm `skill` in the person's profile (creating it, or confirming a suggestion) and record why.

    Used for evidence that proves the skill by itself, such as a completed course. Evidence with the same
    kind and reference is recorded once, so repeating an import does not pile up rows. A skill the person
    rejected earlier becomes confirmed: the new evidence is newer than the rejection.
    """
    profile_skill, _created = ProfileSkill.objects.select_for_update().get_or_create(
        person=person, skill=skill
    )
    if profile_skill.status != ProfileSkill.Status.CONFIRMED:
        profile_skill.status = ProfileSkill.Status.CONFIRMED
        profile_skill.decided_by = actor if actor is not None and actor.is_authenticated else None
        profile_skill.decided_at = timezone.now()
        profile_skill.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    if not (reference and profile_skill.evidence.filter(kind=kind, reference=reference).exists()):
        SkillEvidence.objects.create(
            profile_skill=profile_skill,
            kind=kind,
            text=text[:500],
            reference=reference,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
    return profile_skill


# --- suggestions from text or a CV ------------------------------------------------------------------------

# Texts longer than this are ranked in a background task (a long CV takes several seconds).
LONG_TEXT = 20_000
# The most text one suggestion run reads; the rest of a very long document is ignored.
MAX_TEXT = 200_000
# The task that ranks a long text (polku.competences.tasks), queued by name: the tasks import the services.
SUGGEST_LONG_TEXT = "competences.suggest_long_text"


@dataclass(frozen=True)
class SuggestionOutcome:
    skills: int
    occupations: int


def _actor(actor: User | None) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


def _evidence(words: tuple[str, ...] | list[str]) -> str:
    return " ".join(words)[:500]


def _store_suggestions(
    *, person: Person, text: str, language: str, source: str, actor: User | None
) -> SuggestionOutcome:
    decided_skills = set(
        ProfileSkill.objects.filter(person=person)
        .exclude(status=ProfileSkill.Status.SUGGESTED)
        .values_list("skill__uri", flat=True)
    )
    decided_occupations = set(
        OccupationSuggestion.objects.filter(person=person)
        .exclude(status=OccupationSuggestion.Status.SUGGESTED)
        .values_list("occupation__uri", flat=True)
    ) | set(
        OccupationHeld.objects.filter(person=person, occupation__isnull=False).values_list(
            "occupation__uri", flat=True
        )
    )
    found = ranking.rank(
        text, language=language, skip_skills=decided_skills, skip_occupations=decided_occupations
    )
    concepts = Concept.objects.in_bulk(
        [r.uri for r in found.skills] + [r.uri for r in found.occupations], field_name="uri"
    )
    skills = 0
    with transaction.atomic():
        for ranked in found.skills:
            if skills >= ranking.TOP_SKILLS:
                break
            concept = concepts.get(ranked.uri)
            if concept is None or concept.kind not in (Concept.Kind.SKILL, Concept.Kind.SKILL_GROUP):
                continue  # the database's ESCO release lacks it
            row, created = ProfileSkill.objects.select_for_update().get_or_create(
                person=person, skill=concept, defaults={"score": ranked.score}
            )
            if row.status != ProfileSkill.Status.SUGGESTED:
                continue
            if not created and (row.score or 0) < ranked.score:
                row.score = ranked.score
                row.save(update_fields=["score", "updated_at"])
            SkillEvidence.objects.create(
                profile_skill=row, kind=source, text=_evidence(ranked.evidence), created_by=_actor(actor)
            )
            skills += 1
        occupations = 0
        for ranked in found.occupations:
            if occupations >= ranking.TOP_OCCUPATIONS:
                break
            concept = concepts.get(ranked.uri)
            if concept is None or concept.kind != Concept.Kind.OCCUPATION:
                continue
            _suggestion, created = OccupationSuggestion.objects.get_or_create(
                person=person,
                occupation=concept,
                defaults={"score": ranked.score, "evidence": _evidence(ranked.evidence), "source": source},
            )
            if created:
                occupations += 1
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=person,
            person_id=person.pk,
            fields=["suggested_skills", "suggested_occupations", f"source:{source}"],
        )
    return SuggestionOutcome(skills=skills, occupations=occupations)


def suggest_from_text(
    *, person: Person, text: str, language: str, source: str = SkillEvidence.Kind.TEXT, actor: User | None
) -> SuggestionOutcome | SuggestionJob:
    """Suggest skills and occupations from the person's text: stored as SUGGESTED with the supporting
    words; a text over LONG_TEXT characters is queued as a task and its job is returned instead.

    Skills the person confirmed or rejected are not suggested again. The text itself is not kept."""
    text = text.strip()[:MAX_TEXT]
    if not text:
        raise ApplicationError(
            _("Write a few sentences about your education, work and skills first."),
            field_errors={"text": [_("This field is required.")]},
        )
    if language not in ranking.LANGUAGES:
        raise ApplicationError(
            _("Choose Finnish, Swedish or English."), field_errors={"language": [_("Choose a language.")]}
        )
    if len(text) > LONG_TEXT:
        job = SuggestionJob.objects.create(
            person=person, source=source, language=language, text=text, created_by=_actor(actor)
        )
        enqueue(SUGGEST_LONG_TEXT, job_id=job.pk)
        job.refresh_from_db()
        return job
    return _store_suggestions(person=person, text=text, language=language, source=source, actor=actor)


def run_job(job_id: int) -> SuggestionJob | None:
    """Rank a queued text, store its suggestions and forget the text (whether it worked or not)."""
    job = SuggestionJob.objects.filter(pk=job_id, status=SuggestionJob.Status.PENDING).first()
    if job is None:
        return None
    try:
        outcome = _store_suggestions(
            person=job.person, text=job.text, language=job.language, source=job.source, actor=job.created_by
        )
    except Exception:
        job.status, job.error = SuggestionJob.Status.FAILED, "failed"
        logger.exception("suggestion job %s failed", job.pk)
    else:
        job.status = SuggestionJob.Status.DONE
        job.skills_found, job.occupations_found = outcome.skills, outcome.occupations
    job.text = ""
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "text", "finished_at", "skills_found", "occupations_found"])
    return job


CV_PROBLEMS = {
    cv.Problem.TOO_BIG: gettext_lazy("The file is too big. The largest file accepted is %(size)s."),
    cv.Problem.EMPTY: gettext_lazy("The file is empty."),
    cv.Problem.UNKNOWN_TYPE: gettext_lazy("Upload a PDF, a Word document (DOCX) or a plain text file."),
    cv.Problem.NO_TEXT: gettext_lazy(
        "No text could be read from the file. If it is a scanned PDF, upload a version with text (for "
        "example saved from a word processor), or copy the text into the text box."
    ),
    cv.Problem.DAMAGED: gettext_lazy("The file could not be read. It may be damaged or password-protected."),
}


def cv_max_bytes() -> int:
    return int(getattr(settings, "POLKU_CV_MAX_BYTES", 5 * 1024 * 1024))


def suggest_from_cv(
    *, person: Person, data: bytes, language: str, actor: User | None
) -> SuggestionOutcome | SuggestionJob:
    """Suggest skills from an uploaded CV. The file and its text are only held in memory (decision 0036)."""
    try:
        _kind, text = cv.extract_text(
            data, max_bytes=cv_max_bytes(), limits=uploads.zip_limits(), max_chars=MAX_TEXT
        )
    except cv.ExtractionError as error:
        if error.refused is not None and error.problem == cv.Problem.TOO_BIG:
            message = uploads.refusal_message(error.refused)
        else:
            message = str(CV_PROBLEMS[error.problem]) % {"size": filesizeformat(cv_max_bytes())}
        raise ApplicationError(message, field_errors={"file": [message]}) from error
    return suggest_from_text(
        person=person, text=text, language=language, source=SkillEvidence.Kind.CV, actor=actor
    )


# --- confirm, reject, add, remove -------------------------------------------------------------------------


@transaction.atomic
def skills_decide(*, person: Person, ids: list[int], confirm: bool, actor: User | None) -> int:
    """Confirm or reject the person's suggested skills with these ids; returns how many changed."""
    status = ProfileSkill.Status.CONFIRMED if confirm else ProfileSkill.Status.REJECTED
    rows = ProfileSkill.objects.select_for_update().filter(
        person=person, pk__in=ids, status=ProfileSkill.Status.SUGGESTED
    )
    changed = [row.pk for row in rows]
    ProfileSkill.objects.filter(pk__in=changed).update(
        status=status, decided_by=_actor(actor), decided_at=timezone.now(), updated_at=timezone.now()
    )
    if changed:
        audit_record(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=person,
            person_id=person.pk,
            fields=[f"skills_{'confirmed' if confirm else 'rejected'}"],
        )
    return len(changed)


def skill_add(*, person: Person, skill: Concept, actor: User | None) -> ProfileSkill:
    """Add a skill found by search as confirmed (it may have been rejected before)."""
    if skill.kind not in (Concept.Kind.SKILL, Concept.Kind.SKILL_GROUP):
        raise ApplicationError(_("Choose a skill."), field_errors={"skill": [_("Choose a skill.")]})
    with transaction.atomic():
        row = add_confirmed_skill(person=person, skill=skill, kind=SkillEvidence.Kind.MANUAL, actor=actor)
        audit_record(
            actor=actor, action=AuditEvent.Action.CREATE, obj=row, person_id=person.pk, fields=["skill"]
        )
    return row


@transaction.atomic
def skill_remove(*, person: Person, profile_skill_id: int, actor: User | None) -> None:
    """Take a skill out of the profile. It is kept as rejected, so that it is not suggested again."""
    row = ProfileSkill.objects.select_for_update().filter(person=person, pk=profile_skill_id).first()
    if row is None:
        raise Http404
    row.status = ProfileSkill.Status.REJECTED
    row.decided_by, row.decided_at = _actor(actor), timezone.now()
    row.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    audit_record(actor=actor, action=AuditEvent.Action.DELETE, obj=row, person_id=person.pk, fields=["skill"])


# --- languages --------------------------------------------------------------------------------------------


@transaction.atomic
def language_set(
    *, person: Person, language: str, level: str, actor: User | None, **skills: str
) -> LanguageSkill:
    """Add or change one language: the overall CEFR level and, if wished, a level per language skill."""
    language = canonical_language(language) or language.strip().lower()
    unknown = set(skills) - set(LanguageSkill.SKILL_FIELDS)
    if unknown:
        raise ValueError(f"unknown language skills {sorted(unknown)}")
    values = {"level": level, **{name: skills.get(name, "") or "" for name in LanguageSkill.SKILL_FIELDS}}
    row = LanguageSkill(person=person, language=language, **values)
    existing = LanguageSkill.objects.filter(person=person, language=language).first()
    if existing is not None:
        row.pk = existing.pk
    try:
        row.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise ApplicationError(
            _("Check the language and its levels."), field_errors=field_errors_from(error)
        ) from error
    row.save()
    audit_record(
        actor=actor,
        action=AuditEvent.Action.UPDATE if existing else AuditEvent.Action.CREATE,
        obj=row,
        person_id=person.pk,
        fields=["language", *values],
    )
    return row


@transaction.atomic
def language_remove(*, person: Person, language: str, actor: User | None) -> None:
    row = LanguageSkill.objects.filter(person=person, language=language).first()
    if row is None:
        raise Http404
    audit_record(
        actor=actor, action=AuditEvent.Action.DELETE, obj=row, person_id=person.pk, fields=["language"]
    )
    row.delete()


# --- education --------------------------------------------------------------------------------------------

EDUCATION_FIELDS = ("level", "isced_field", "title", "institution", "country", "year_completed")
OCCUPATION_FIELDS = ("title", "employer", "country", "start_year", "end_year")


def _checked(row: Any, message: str) -> None:
    try:
        row.full_clean()
    except ValidationError as error:
        raise ApplicationError(message, field_errors=field_errors_from(error)) from error


def _year_ok(year: int | None, name: str) -> None:
    if year is not None and not (1940 <= year <= timezone.localdate().year + 10):
        message = _("Give a year between 1940 and %(last)s.") % {"last": timezone.localdate().year + 10}
        raise ApplicationError(message, field_errors={name: [message]})


@transaction.atomic
def education_add(*, person: Person, actor: User | None, **data: Any) -> Education:
    data = {k: data.get(k) for k in EDUCATION_FIELDS if k in data}
    data["country"] = (data.get("country") or "").upper()
    for k in ("isced_field", "title", "institution"):
        data[k] = data.get(k) or ""
    _year_ok(data.get("year_completed"), "year_completed")
    row = Education(person=person, created_by=_actor(actor), **data)
    _checked(row, _("Check the education."))
    row.save()
    audit_record(
        actor=actor, action=AuditEvent.Action.CREATE, obj=row, person_id=person.pk, fields=list(data)
    )
    return row


@transaction.atomic
def education_remove(*, person: Person, pk: int, actor: User | None) -> None:
    row = Education.objects.filter(person=person, pk=pk).first()
    if row is None:
        raise Http404
    audit_record(
        actor=actor, action=AuditEvent.Action.DELETE, obj=row, person_id=person.pk, fields=["education"]
    )
    row.delete()


# --- occupations held -------------------------------------------------------------------------------------


@transaction.atomic
def occupation_add(
    *, person: Person, occupation: Concept | None, actor: User | None, offer_skills: bool = True, **data: Any
) -> OccupationHeld:
    """Record work the person has done. With an ESCO occupation, its essential skills the person has not
    decided on yet are suggested (evidence kind "occupation")."""
    if occupation is not None and occupation.kind != Concept.Kind.OCCUPATION:
        raise ApplicationError(
            _("Choose an occupation."), field_errors={"occupation": [_("Choose an occupation.")]}
        )
    data = {k: data.get(k) for k in OCCUPATION_FIELDS if k in data}
    for k in ("title", "employer"):
        data[k] = (data.get(k) or "").strip()
    data["country"] = (data.get("country") or "").upper()
    if occupation is None and not data["title"]:
        message = _("Choose an occupation or write a job title.")
        raise ApplicationError(message, field_errors={"title": [message]})
    _year_ok(data.get("start_year"), "start_year")
    _year_ok(data.get("end_year"), "end_year")
    start, end = data.get("start_year"), data.get("end_year")
    if start and end and end < start:
        message = _("The end year cannot be before the start year.")
        raise ApplicationError(message, field_errors={"end_year": [message]})
    row = OccupationHeld(person=person, occupation=occupation, created_by=_actor(actor), **data)
    _checked(row, _("Check the occupation."))
    row.save()
    if occupation is not None:
        OccupationSuggestion.objects.filter(person=person, occupation=occupation).update(
            status=OccupationSuggestion.Status.HELD, decided_by=_actor(actor), decided_at=timezone.now()
        )
        if offer_skills:
            _suggest_essential_skills(person=person, held=row, actor=actor)
    audit_record(
        actor=actor, action=AuditEvent.Action.CREATE, obj=row, person_id=person.pk, fields=list(data)
    )
    return row


def _suggest_essential_skills(*, person: Person, held: OccupationHeld, actor: User | None) -> int:
    assert held.occupation is not None
    label = preferred_labels([held.occupation.pk], "en").get(held.occupation.pk, "")
    decided = set(
        ProfileSkill.objects.filter(person=person)
        .exclude(status=ProfileSkill.Status.SUGGESTED)
        .values_list("skill_id", flat=True)
    )
    skill_ids = OccupationSkill.objects.filter(
        occupation=held.occupation, relation=Relation.ESSENTIAL
    ).values_list("skill_id", flat=True)
    count = 0
    for skill_id in skill_ids:
        if skill_id in decided:
            continue
        row, _created = ProfileSkill.objects.get_or_create(person=person, skill_id=skill_id)
        reference = f"occupation:{held.pk}"
        if not row.evidence.filter(kind=SkillEvidence.Kind.OCCUPATION, reference=reference).exists():
            SkillEvidence.objects.create(
                profile_skill=row,
                kind=SkillEvidence.Kind.OCCUPATION,
                text=label[:500],
                reference=reference,
                created_by=_actor(actor),
            )
            count += 1
    return count


@transaction.atomic
def occupation_remove(*, person: Person, pk: int, actor: User | None) -> None:
    row = OccupationHeld.objects.filter(person=person, pk=pk).first()
    if row is None:
        raise Http404
    audit_record(
        actor=actor, action=AuditEvent.Action.DELETE, obj=row, person_id=person.pk, fields=["occupation"]
    )
    row.delete()


@transaction.atomic
def occupation_suggestion_decide(
    *, person: Person, pk: int, held: bool, actor: User | None
) -> OccupationHeld | None:
    """ "I have worked as this" (→ an occupation held, with its essential skills suggested) or "not me"."""
    suggestion = (
        OccupationSuggestion.objects.select_for_update()
        .filter(person=person, pk=pk, status=OccupationSuggestion.Status.SUGGESTED)
        .select_related("occupation")
        .first()
    )
    if suggestion is None:
        raise Http404
    if held:
        return occupation_add(person=person, occupation=suggestion.occupation, actor=actor)
    suggestion.status = OccupationSuggestion.Status.DISMISSED
    suggestion.decided_by, suggestion.decided_at = _actor(actor), timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    return None
