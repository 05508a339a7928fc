"""Writes of employers: employers and their representatives, talent needs and their skills, introductions
and their results, the company-cooperation log, and a participant's choice to be found by employers.

Each verb checks access, applies its rules (field errors name the field), writes in one transaction and
records an audit event; every proposal, decision and reveal of an introduction is an audit event with the
person's id. A participant is introduced only when they have opted in (consent "employers", read now) and
never again to an employer they declined (a check here and a partial unique constraint in the database).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import Invitation, Role, User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record, changed_fields
from polku.competences import ranking
from polku.consent.models import Consent, Purpose
from polku.consent.services import consent_give, consent_withdraw, notice_current
from polku.core.errors import AccessDenied, ApplicationError, field_errors_from
from polku.employers import matchdata
from polku.employers.models import (
    PLACEMENT_KINDS,
    CooperationEntry,
    Employer,
    EmployerRepresentative,
    Introduction,
    NeedKind,
    NeedLanguage,
    NeedSkill,
    TalentNeed,
    Way,
    WorkMode,
)
from polku.employers.selectors import can_act, can_manage
from polku.esco.models import Concept
from polku.matching import cefr
from polku.matching.errors import InvalidInput
from polku.organisations.models import Organisation
from polku.outcomes.models import Outcome
from polku.outcomes.services import outcome_create
from polku.participants.models import Participation, Person
from polku.projects.models import Partner, Project
from polku.projects.people.invitations import staff_invite

NEED_FIELDS = ("kind", "title", "description", "mode", "location", "starts_on", "closes_on", "openings")
ENTRY_FIELDS = ("kind", "happened_on", "summary", "needs_identified", "ways", "follow_up_on")
EMPLOYER_KEY = "employer"
SUGGESTED_SKILLS = 12


def _correct() -> str:
    return _("Please correct the errors below.")


def _refuse(field: str, message: str) -> ApplicationError:
    return ApplicationError(message, field_errors={field: [message]})


def _audit(actor: User | None, action: str, obj: Any, fields: Iterable[str], **kw: Any) -> None:
    audit_record(actor=actor, action=action, obj=obj, fields=list(fields), **kw)


# --- employers and representatives ---------------------------------------------------------------------


def employer_add(
    *,
    actor: User,
    access: Access,
    project: Project,
    partner: Partner,
    name: str = "",
    country: str = "FI",
    business_id: str = "",
    website: str = "",
    organisation: Organisation | None = None,
) -> Employer:
    """Add a company the partner works with: an existing organisation, or a new one of kind company. A
    business ID another organisation has is refused (choose that organisation instead)."""
    if partner.project_id != project.pk:
        raise _refuse("partner", _("Choose a partner of this project."))
    if not access.can_manage_employer(project.pk, partner.pk):
        raise AccessDenied(_("Only the partner's coordinators and the project lead add its employers."))
    with transaction.atomic():
        if organisation is None:
            organisation = _new_company(name=name, country=country, business_id=business_id, website=website)
        elif organisation.kind != Organisation.Kind.COMPANY:
            raise _refuse("organisation", _("Choose a company."))
        if Employer.objects.filter(project=project, organisation=organisation).exists():
            raise _refuse(
                "name", _("%(name)s is already an employer of this project.") % {"name": organisation.name}
            )
        employer = Employer.objects.create(
            project=project, partner=partner, organisation=organisation, created_by=actor
        )
        _audit(actor, AuditEvent.Action.CREATE, employer, ["organisation", "partner"], partner_id=partner.pk)
    return employer


def _new_company(*, name: str, country: str, business_id: str, website: str) -> Organisation:
    organisation = Organisation(
        name=name.strip(),
        kind=Organisation.Kind.COMPANY,
        country=(country or "").strip().upper(),
        business_id=business_id.strip(),
        website=website.strip(),
    )
    errors: dict[str, list[str]] = {}
    try:
        organisation.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = field_errors_from(error)
    taken = Organisation.objects.filter(business_id=organisation.business_id)
    if organisation.business_id and "business_id" not in errors and taken.exists():
        errors["business_id"] = [
            _("Another organisation already has this business ID: choose it from the list instead.")
        ]
    if errors:
        raise ApplicationError(_correct(), field_errors=errors)
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError as error:  # the same business ID saved at the same moment
        raise _refuse("business_id", _("Another organisation already has this business ID.")) from error
    return organisation


def representative_invite(
    *, actor: User, access: Access, employer: Employer, email: str, language: str
) -> Invitation:
    """Invite a representative of the employer by e-mail (the invitation creates the log-in; on acceptance
    they act for this employer, `link_representative_on_acceptance`)."""
    if not can_manage(access, employer):
        raise AccessDenied(_("Only the employer's coordinators invite its representatives."))
    return staff_invite(
        actor=actor,
        access=access,
        project=employer.project,
        email=email,
        role=Role.EMPLOYER,
        partner=employer.partner,
        language=language,
        extra={EMPLOYER_KEY: employer.pk},
    )


# --- talent needs ------------------------------------------------------------------------------------------


def need_errors(data: Mapping[str, Any], *, today: dt.date) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not (data.get("title") or "").strip():
        errors["title"] = [_("Give the need a title.")]
    if data.get("kind") not in NeedKind.values:
        errors["kind"] = [_("Choose the kind of need.")]
    if data.get("mode") not in WorkMode.values:
        errors["mode"] = [_("Choose where the work is done.")]
    closes_on = data.get("closes_on")
    if closes_on is not None and closes_on < today:
        errors["closes_on"] = [_("The closing date has passed: give a date from today on.")]
    openings = data.get("openings")
    if openings is None or isinstance(openings, bool) or not isinstance(openings, int) or openings < 1:
        errors["openings"] = [_("Give the number of openings, at least 1.")]
    if data.get("mode") in (WorkMode.ON_SITE, WorkMode.HYBRID) and not (data.get("location") or "").strip():
        errors["location"] = [_("Give the place where the work is done.")]
    return errors


def language_errors(languages: Mapping[str, str]) -> dict[str, list[str]]:
    for code, level in languages.items():
        try:
            cefr.rank(level)
        except InvalidInput:
            return {
                "languages": [
                    _("%(level)s is not a language level: use A1, A2, B1, B2, C1, C2 or first language.")
                    % {"level": level}
                ]
            }
        if not code or len(code) > 3 or not code.isalpha():
            return {"languages": [_("Choose the language from the list.")]}
    return {}


def _clean_need(data: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = {k: data[k] for k in NEED_FIELDS if k in data}
    for k in ("title", "description", "location"):
        if k in cleaned:
            cleaned[k] = (cleaned[k] or "").strip()
    return cleaned


def _levels(languages: Mapping[str, str]) -> dict[str, str]:
    out = {}
    for code, level in languages.items():
        key = level.strip()
        out[code.strip().lower()] = "native" if key.lower() == "native" else key.upper()
    return out


def _check_act(access: Access, employer: Employer) -> None:
    if not can_act(access, employer):
        raise AccessDenied(_("Only the employer's representatives and coordinators change its needs."))


def need_create(
    *,
    actor: User,
    access: Access,
    employer: Employer,
    data: Mapping[str, Any],
    languages: Mapping[str, str] | None = None,
    open_now: bool = False,
) -> TalentNeed:
    """Record a need (a coordinator may record it for the employer after a meeting); a draft unless
    `open_now`. Skills come from `need_suggest_skills` and a person's confirmation."""
    _check_act(access, employer)
    cleaned = _clean_need(data)
    cleaned.setdefault("openings", 1)
    errors = need_errors(cleaned, today=timezone.localdate())
    levels = _levels(languages or {})
    errors.update(language_errors(levels))
    if errors:
        raise ApplicationError(_correct(), field_errors=errors)
    now = timezone.now()
    with transaction.atomic():
        need = TalentNeed.objects.create(
            employer=employer,
            created_by=actor,
            status=TalentNeed.Status.OPEN if open_now else TalentNeed.Status.DRAFT,
            opened_at=now if open_now else None,
            **cleaned,
        )
        NeedLanguage.objects.bulk_create(
            NeedLanguage(need=need, language=k, level=v) for k, v in levels.items()
        )
        _audit(actor, AuditEvent.Action.CREATE, need, [*cleaned, "status"], partner_id=employer.partner_id)
    return need


def need_update(
    *,
    actor: User,
    access: Access,
    need: TalentNeed,
    data: Mapping[str, Any],
    languages: Mapping[str, str] | None = None,
) -> TalentNeed:
    """Change a need's facts or languages (the given ones; a closing date already passed may stay)."""
    _check_act(access, need.employer)
    merged = {name: getattr(need, name) for name in NEED_FIELDS}
    merged.update(_clean_need(data))
    errors = need_errors(merged, today=timezone.localdate())
    if "closes_on" not in data and "closes_on" in errors:
        del errors["closes_on"]
    levels = _levels(languages) if languages is not None else None
    if levels is not None:
        errors.update(language_errors(levels))
    if errors:
        raise ApplicationError(_correct(), field_errors=errors)
    changed = changed_fields(need, merged)
    with transaction.atomic():
        for name in changed:
            setattr(need, name, merged[name])
        if changed:
            need.save(update_fields=[*changed, "updated_at"])
        if levels is not None:
            need.languages.all().delete()
            NeedLanguage.objects.bulk_create(
                NeedLanguage(need=need, language=k, level=v) for k, v in levels.items()
            )
            changed.append("languages")
        if changed:
            _audit(actor, AuditEvent.Action.UPDATE, need, changed, partner_id=need.employer.partner_id)
    return need


def need_set_status(*, actor: User, access: Access, need: TalentNeed, status: str) -> TalentNeed:
    """Open, fill or close a need (or take it back to a draft)."""
    _check_act(access, need.employer)
    if status not in TalentNeed.Status.values:
        raise _refuse("status", _("Choose a status."))
    if status == need.status:
        return need
    if status == TalentNeed.Status.OPEN and need.closes_on and need.closes_on < timezone.localdate():
        raise _refuse("closes_on", _("The closing date has passed: give a date from today on."))
    now = timezone.now()
    fields = ["status"]
    with transaction.atomic():
        need.status = status
        if status == TalentNeed.Status.OPEN and need.opened_at is None:
            need.opened_at = now
            fields.append("opened_at")
        if status == TalentNeed.Status.FILLED and need.filled_at is None:
            need.filled_at = now
            fields.append("filled_at")
        need.save(update_fields=[*fields, "updated_at"])
        _audit(actor, AuditEvent.Action.UPDATE, need, fields, partner_id=need.employer.partner_id)
    return need


def need_suggest_skills(*, actor: User, access: Access, need: TalentNeed, language: str) -> int:
    """Suggest ESCO skills from the need's title and description with the skill ranker; they count only
    once a person confirms them. Skills already on the need are not suggested again. Returns how many."""
    _check_act(access, need.employer)
    text = f"{need.title}. {need.description}".strip()
    known = set(NeedSkill.objects.filter(need=need).values_list("skill__uri", flat=True))
    ranked = ranking.rank(text, language=language, skip_skills=known, skip_occupations=set()).skills
    uris = [r.uri for r in ranked]
    concepts = {c.uri: c for c in Concept.objects.filter(uri__in=uris)}
    scores = {r.uri: r.score for r in ranked}
    rows = [
        NeedSkill(need=need, skill=concepts[u], score=scores[u], status=NeedSkill.Status.SUGGESTED)
        for u in uris
        if u in concepts
    ][:SUGGESTED_SKILLS]
    with transaction.atomic():
        NeedSkill.objects.bulk_create(rows, ignore_conflicts=True)
        if rows:
            _audit(
                actor,
                AuditEvent.Action.UPDATE,
                need,
                ["suggested_skills"],
                partner_id=need.employer.partner_id,
            )
    return len(rows)


def need_skills_decide(
    *,
    actor: User,
    access: Access,
    need: TalentNeed,
    confirm: Iterable[int] = (),
    nice_to_have: Iterable[int] = (),
    remove: Iterable[int] = (),
) -> None:
    """A person's decision on the need's skills: `confirm` makes them count (as required, or nice to have
    when also in `nice_to_have`), `remove` drops them."""
    _check_act(access, need.employer)
    nice = set(nice_to_have)
    with transaction.atomic():
        rows = {r.pk: r for r in NeedSkill.objects.select_for_update().filter(need=need)}
        for pk in confirm:
            if pk in rows:
                row = rows[pk]
                row.status = NeedSkill.Status.CONFIRMED
                row.required = pk not in nice
                row.save(update_fields=["status", "required"])
        NeedSkill.objects.filter(need=need, pk__in=list(remove)).delete()
        _audit(actor, AuditEvent.Action.UPDATE, need, ["skills"], partner_id=need.employer.partner_id)


def need_skill_add(
    *, actor: User, access: Access, need: TalentNeed, skill: Concept, required: bool
) -> NeedSkill:
    """Add a skill chosen by a person (confirmed at once)."""
    _check_act(access, need.employer)
    if skill.kind not in ("skill", "skill-group"):
        raise _refuse("skill", _("Choose a skill."))
    with transaction.atomic():
        row, _created = NeedSkill.objects.update_or_create(
            need=need, skill=skill, defaults={"required": required, "status": NeedSkill.Status.CONFIRMED}
        )
        _audit(actor, AuditEvent.Action.UPDATE, need, ["skills"], partner_id=need.employer.partner_id)
    return row


# --- a participant's choice -----------------------------------------------------------------------------


def employers_opt_in(*, actor: User, person: Person, participation: Participation, language: str) -> None:
    """The person chooses to be found by the project's employers (consent "employers")."""
    notice = notice_current(project_id=participation.project_id, language=language)
    if notice is None:
        raise ApplicationError(_("The project has no privacy notice yet: ask your coordinator."))
    consent_give(
        actor=actor,
        person=person,
        project_id=participation.project_id,
        purposes=[Purpose.EMPLOYERS],
        notice=notice,
    )


def employers_opt_out(*, actor: User, person: Person, participation: Participation) -> None:
    """The person withdraws: from now on no employer finds them and nobody can propose them."""
    consent = Consent.objects.filter(
        person=person,
        project_id=participation.project_id,
        purpose=Purpose.EMPLOYERS,
        withdrawn_at__isnull=True,
    ).first()
    if consent is not None:
        consent_withdraw(actor=actor, consent=consent)


# --- introductions -------------------------------------------------------------------------------------------


def introduction_propose(
    *, actor: User, access: Access, need: TalentNeed, participation: Participation, message: str = ""
) -> Introduction:
    """Propose the participant to the need's employer: a coordinator (of the participant's partner or of
    the employer) or the employer's representative. Refused with the reason when the person has not opted
    in, declined this employer before, or was already proposed for this need."""
    employer = need.employer
    side = Introduction.Side.COORDINATOR
    if access.can_manage_partner(participation.partner_id) or can_manage(access, employer):
        pass
    elif can_act(access, employer):
        side = Introduction.Side.EMPLOYER
    else:
        raise AccessDenied(_("You may not propose introductions to this employer."))
    if participation.project_id != employer.project_id:
        raise _refuse("participation", _("The participant takes part in another project."))
    if need.status != TalentNeed.Status.OPEN:
        raise _refuse("need", _("Introductions are asked for open needs only: open the need first."))
    with transaction.atomic():
        Participation.objects.select_for_update().filter(pk=participation.pk).first()
        if not matchdata.is_candidate(participation):
            raise _refuse(
                "participation",
                _("This participant has not chosen to be found by employers, so they cannot be introduced."),
            )
        earlier = Introduction.objects.filter(employer=employer, participation=participation)
        if earlier.filter(status=Introduction.Status.DECLINED).exists():
            raise _refuse(
                "participation",
                _("This participant declined an introduction to this employer; they are not proposed again."),
            )
        if earlier.filter(need=need).exists() or earlier.filter(status=Introduction.Status.PROPOSED).exists():
            raise _refuse(
                "participation",
                _("This participant has already been proposed to this employer and is deciding."),
            )
        try:
            with transaction.atomic():
                introduction = Introduction.objects.create(
                    need=need,
                    employer=employer,
                    participation=participation,
                    proposed_by=actor,
                    proposed_side=side,
                    message=message.strip()[:500],
                )
        except IntegrityError as error:
            raise _refuse(
                "participation", _("This participant has already been proposed to this employer.")
            ) from error
        _audit(
            actor,
            AuditEvent.Action.CREATE,
            introduction,
            ["need", "employer", "proposed_side"],
            person_id=participation.person_id,
            partner_id=participation.partner_id,
        )
    return introduction


def introduction_decide(
    *, actor: User, access: Access, introduction: Introduction, approve: bool
) -> Introduction:
    """The participant approves (the employer then sees their name and contact) or declines (the employer
    is never proposed again for them)."""
    participation = introduction.participation
    if not access.can_decide_introduction(participation.person_id):
        raise AccessDenied(_("Only the participant decides on an introduction."))
    with transaction.atomic():
        row = Introduction.objects.select_for_update().get(pk=introduction.pk)
        if row.status != Introduction.Status.PROPOSED:
            raise _refuse("status", _("You have already decided on this introduction."))
        row.status = Introduction.Status.APPROVED if approve else Introduction.Status.DECLINED
        row.decided_at = timezone.now()
        row.save(update_fields=["status", "decided_at", "updated_at"])
        _audit(
            actor,
            AuditEvent.Action.UPDATE,
            row,
            ["status", "decided_at"],
            person_id=participation.person_id,
            partner_id=participation.partner_id,
        )
    introduction.status, introduction.decided_at = row.status, row.decided_at
    return introduction


def _check_follow(access: Access, introduction: Introduction) -> None:
    if introduction.status != Introduction.Status.APPROVED:
        raise _refuse("status", _("Record interviews once the participant has approved the introduction."))
    if not (
        access.can_manage_partner(introduction.participation.partner_id)
        or can_act(access, introduction.employer)
    ):
        raise AccessDenied(_("You may not record this introduction's results."))


def introduction_record(
    *, actor: User, access: Access, introduction: Introduction, data: Mapping[str, Any]
) -> Introduction:
    """Record the interview date and its result (the employer's side or the coordinators)."""
    _check_follow(access, introduction)
    values = {k: data[k] for k in ("interview_on", "result") if k in data}
    if values.get("result") and values["result"] not in Introduction.Result.values:
        raise _refuse("result", _("Choose one of the listed results."))
    changed = changed_fields(introduction, values)
    if not changed:
        return introduction
    with transaction.atomic():
        for name in changed:
            setattr(introduction, name, values[name])
        introduction.save(update_fields=[*changed, "updated_at"])
        _audit(
            actor,
            AuditEvent.Action.UPDATE,
            introduction,
            changed,
            person_id=introduction.participation.person_id,
            partner_id=introduction.participation.partner_id,
        )
    return introduction


def placement_start(
    *, actor: User, access: Access, introduction: Introduction, started_on: dt.date
) -> Introduction:
    """The internship or job started: recorded by the participant's coordinator, which records the outcome
    (started an internship, or got a job) in the outcomes app, where the funder indicators count it. When
    every opening is taken the need is filled."""
    participation = introduction.participation
    if not access.can_manage_partner(participation.partner_id):
        raise AccessDenied(_("The participant's coordinator records that a placement started."))
    if introduction.status != Introduction.Status.APPROVED:
        raise _refuse("started_on", _("The participant has not approved this introduction."))
    if introduction.started_on is not None:
        raise _refuse("started_on", _("The start has already been recorded."))
    need = introduction.need
    if need.kind not in PLACEMENT_KINDS:
        raise _refuse("started_on", _("Only a job, an internship or a work trial starts."))
    kind = Outcome.Kind.JOB if need.kind == NeedKind.JOB else Outcome.Kind.INTERNSHIP_STARTED
    with transaction.atomic():
        outcome = outcome_create(
            actor=actor,
            access=access,
            participation=participation,
            data={
                "kind": kind,
                "date": started_on,
                "description": f"{need.title} – {introduction.employer.organisation.name}",
            },
        )
        introduction.started_on = started_on
        introduction.outcome = outcome
        if not introduction.result:
            introduction.result = Introduction.Result.OFFERED
        introduction.save(update_fields=["started_on", "outcome", "result", "updated_at"])
        _audit(
            actor,
            AuditEvent.Action.UPDATE,
            introduction,
            ["started_on", "outcome"],
            person_id=participation.person_id,
            partner_id=participation.partner_id,
        )
        started = need.introductions.filter(started_on__isnull=False).count()
        if started >= need.openings and need.status == TalentNeed.Status.OPEN:
            need.status = TalentNeed.Status.FILLED
            need.filled_at = timezone.now()
            need.save(update_fields=["status", "filled_at", "updated_at"])
            _audit(actor, AuditEvent.Action.UPDATE, need, ["status", "filled_at"])
    return introduction


# --- the cooperation log ---------------------------------------------------------------------------------------


def entry_errors(data: Mapping[str, Any], *, today: dt.date) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data.get("kind") not in CooperationEntry.Kind.values:
        errors["kind"] = [_("Choose the kind of contact.")]
    happened_on = data.get("happened_on")
    if happened_on is None:
        errors["happened_on"] = [_("Give the date.")]
    elif happened_on > today:
        errors["happened_on"] = [_("Record a contact once it has happened: the date is in the future.")]
    ways = data.get("ways") or []
    if not isinstance(ways, list | tuple) or any(w not in Way.values for w in ways):
        errors["ways"] = [_("Choose the ways of meeting talent from the list.")]
    follow_up_on = data.get("follow_up_on")
    if follow_up_on and happened_on and follow_up_on < happened_on:
        errors["follow_up_on"] = [_("The follow-up cannot be before the contact.")]
    return errors


def cooperation_add(
    *, actor: User, access: Access, employer: Employer, data: Mapping[str, Any]
) -> CooperationEntry:
    """Log a contact or meeting with the company (by the partner that keeps the relationship)."""
    if not can_manage(access, employer):
        raise AccessDenied(_("Only the employer's coordinators keep its cooperation log."))
    cleaned = {k: data[k] for k in ENTRY_FIELDS if k in data}
    for k in ("summary", "needs_identified"):
        cleaned[k] = (cleaned.get(k) or "").strip()
    cleaned["ways"] = list(dict.fromkeys(cleaned.get("ways") or []))
    errors = entry_errors(cleaned, today=timezone.localdate())
    if errors:
        raise ApplicationError(_correct(), field_errors=errors)
    with transaction.atomic():
        entry = CooperationEntry.objects.create(
            employer=employer, partner=employer.partner, recorded_by=actor, **cleaned
        )
        _audit(
            actor,
            AuditEvent.Action.CREATE,
            entry,
            [k for k, v in cleaned.items() if v],
            partner_id=employer.partner_id,
        )
    return entry


def follow_up_done(*, actor: User, access: Access, entry: CooperationEntry) -> CooperationEntry:
    if not can_manage(access, entry.employer):
        raise AccessDenied(_("Only the employer's coordinators keep its cooperation log."))
    if entry.follow_up_done_at is None:
        with transaction.atomic():
            entry.follow_up_done_at = timezone.now()
            entry.save(update_fields=["follow_up_done_at", "updated_at"])
            _audit(actor, AuditEvent.Action.UPDATE, entry, ["follow_up_done_at"], partner_id=entry.partner_id)
    return entry


def representative_link(*, employer: Employer, user: User, actor: User | None) -> EmployerRepresentative:
    """Make the user a representative of the employer (one employer per person and project)."""
    existing = EmployerRepresentative.objects.filter(user=user, project_id=employer.project_id).first()
    if existing is not None:
        if existing.employer_id != employer.pk:
            raise ApplicationError(
                _("You already represent another employer in this project; ask the coordinator.")
            )
        return existing
    row = EmployerRepresentative.objects.create(employer=employer, user=user, project_id=employer.project_id)
    _audit(actor or user, AuditEvent.Action.CREATE, row, ["employer", "user"], partner_id=employer.partner_id)
    return row
