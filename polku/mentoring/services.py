"""Writes of mentoring: profiles, programmes, matching runs and proposals, mentorships and their life.

Every verb checks access, applies the rules and writes in one transaction. A mentor's seats are taken
with one conditional UPDATE (`seats_taken < capacity`) that a CHECK constraint backs, so two requests
for the last seat cannot both win, on PostgreSQL or SQLite alike. E-mails are queued on commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from polku.accounts.access import Access
from polku.accounts.models import Membership, Role, User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tasks import send_email
from polku.matching import cefr
from polku.mentoring.models import (
    CheckIn,
    DeclinedPair,
    Feedback,
    Goal,
    Kind,
    MatchingRun,
    MenteeRequest,
    MentoringProgramme,
    MentorProfile,
    Mentorship,
    Proposal,
    Session,
    Side,
)
from polku.participants.models import Participation
from polku.projects.models import Partner, Project

FIRST_CHECKIN_DAYS = 30
CHECKIN_EVERY_DAYS = 60
PROGRAMME_FIELDS = (
    "name",
    "description",
    "starts_on",
    "ends_on",
    "mode",
    "weights",
    "min_language_level",
    "forbid_same_employer",
    "reminder_days",
    "status",
)
PROFILE_FIELDS = (
    "bio",
    "organisation",
    "expertise",
    "industries",
    "languages",
    "kinds",
    "availability",
    "location",
    "capacity",
    "is_available",
)


# --- who may do what --------------------------------------------------------------------------


def can_manage_programme(access: Access, programme: MentoringProgramme) -> bool:
    """The project lead (or an admin) runs every programme; a coordinator those of their own partner."""
    return access.can_manage_activity(programme.project_id, programme.partner_id)


def _require_manager(access: Access, programme: MentoringProgramme) -> None:
    if not can_manage_programme(access, programme):
        raise AccessDenied(_("Only the programme's coordinators or the project lead can do this."))


def mentor_project_ids(user_id: int | None) -> set[int]:
    if user_id is None:
        return set()
    return set(
        Membership.objects.filter(user_id=user_id, role=Role.MENTOR).values_list("project_id", flat=True)
    )


def side_of(access: Access, mentorship: Mentorship) -> str | None:
    """ "mentee" or "mentor" when the reader is one of the pair, else None."""
    if access.person_id is not None and mentorship.mentee.participation.person_id == access.person_id:
        return Side.MENTEE
    if access.user_id is not None and mentorship.mentor.user_id == access.user_id:
        return Side.MENTOR
    return None


def _require_side(access: Access, mentorship: Mentorship) -> str:
    side = side_of(access, mentorship)
    if side is None:
        raise AccessDenied(_("Only the mentee and the mentor of this mentorship can do this."))
    return side


# --- e-mail -----------------------------------------------------------------------------------


def _mail(*, to: str, language: str, subject: Callable[[], str], body: Callable[[], str]) -> None:
    """Queue an e-mail after the transaction commits, rendered in the recipient's language."""
    if not to:
        return
    with override(language or "en"):
        subject_text, body_text = subject(), body()
    transaction.on_commit(lambda: send_email.enqueue(subject=subject_text, body=body_text, to=[to]))


def _mail_mentee(mentorship: Mentorship, subject: Callable[[], str], body: Callable[[], str]) -> None:
    person = mentorship.mentee.participation.person
    _mail(to=person.email, language=person.preferred_language, subject=subject, body=body)


def _mail_mentor(mentorship: Mentorship, subject: Callable[[], str], body: Callable[[], str]) -> None:
    user = mentorship.mentor.user
    _mail(to=user.email, language=user.preferred_language, subject=subject, body=body)


def _link(name: str, *args: Any) -> str:
    """An absolute link for e-mails, on the site's public address (POLKU_SITE_URL)."""
    return settings.POLKU_SITE_URL + reverse(name, args=args)


# --- mentor profiles --------------------------------------------------------------------------


def _clean_list(values: Any) -> list[str]:
    return list(dict.fromkeys(str(v).strip() for v in values or [] if str(v).strip()))


def _level(level: str) -> str:
    level = level.strip()
    return level.lower() if level.lower() == cefr.NATIVE else level.upper()


def _profile_errors(values: Mapping[str, Any], profile: MentorProfile) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    languages = values.get("languages", profile.languages)
    if not isinstance(languages, dict):
        errors["languages"] = [_("Give languages as language code and CEFR level.")]
    else:
        for code, level in languages.items():
            try:
                cefr.rank(str(level))
            except ValueError:
                errors.setdefault("languages", []).append(
                    _("Unknown level %(level)s for %(code)s.") % {"level": level, "code": code}
                )
    unknown = [k for k in values.get("kinds", profile.kinds) if k not in Kind.values]
    if unknown:
        errors["kinds"] = [_("Unknown kind of mentoring: %(kinds)s.") % {"kinds": ", ".join(unknown)}]
    capacity = values.get("capacity", profile.capacity)
    if capacity is None or capacity < 0 or capacity > 50:
        errors["capacity"] = [_("Give a capacity between 0 and 50 mentees.")]
    elif capacity < profile.seats_taken:
        errors["capacity"] = [
            _("You have %(n)s mentees now; the capacity cannot be lower.") % {"n": profile.seats_taken}
        ]
    return errors


def mentor_profile_save(*, actor: User, access: Access, data: Mapping[str, Any]) -> MentorProfile:
    """Create or change the signed-in mentor's own profile."""
    if not (access.is_admin or Role.MENTOR in access.roles):
        raise AccessDenied(_("Only mentors have a mentor profile."))
    values = {k: v for k, v in data.items() if k in PROFILE_FIELDS}
    for name in ("expertise", "industries", "kinds", "availability"):
        if name in values:
            values[name] = _clean_list(values[name])
    if "languages" in values and isinstance(values["languages"], dict):
        values["languages"] = {
            str(c).strip().lower(): _level(str(lv)) for c, lv in values["languages"].items() if str(c).strip()
        }
    with transaction.atomic():
        profile, _created = MentorProfile.objects.select_for_update().get_or_create(user=actor)
        errors = _profile_errors(values, profile)
        if errors:
            raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
        changed = [name for name, value in values.items() if getattr(profile, name) != value]
        for name in changed:
            setattr(profile, name, values[name])
        if changed:
            profile.save(update_fields=[*changed, "updated_at"])
    return profile


# --- seats ------------------------------------------------------------------------------------


def _take_seat(profile_id: int) -> None:
    """Take one of the mentor's seats, or fail if none is free; atomic under concurrent requests."""
    taken = MentorProfile.objects.filter(
        pk=profile_id, is_available=True, seats_taken__lt=F("capacity")
    ).update(seats_taken=F("seats_taken") + 1)
    if taken != 1:
        raise ApplicationError(_("This mentor has no free places left."))


def _free_seat(profile_id: int) -> None:
    MentorProfile.objects.filter(pk=profile_id, seats_taken__gt=0).update(seats_taken=F("seats_taken") - 1)


# --- programmes -------------------------------------------------------------------------------


def _programme_errors(programme: MentoringProgramme) -> dict[str, list[str]]:
    from polku.matching.scoring import CRITERIA

    errors: dict[str, list[str]] = {}
    if not programme.name.strip():
        errors["name"] = [_("Give the programme a name.")]
    if programme.starts_on and programme.ends_on and programme.ends_on < programme.starts_on:
        errors["ends_on"] = [_("The programme cannot end before it starts.")]
    if programme.mode not in MentoringProgramme.Mode.values:
        errors["mode"] = [_("Unknown matching mode.")]
    if programme.status not in MentoringProgramme.Status.values:
        errors["status"] = [_("Unknown status.")]
    if programme.min_language_level not in cefr.LEVELS:
        errors["min_language_level"] = [_("Give a CEFR level from A1 to C2.")]
    weights = programme.weights
    if not isinstance(weights, dict) or any(
        k not in CRITERIA or not isinstance(v, int | float) or v < 0 for k, v in weights.items()
    ):
        errors["weights"] = [
            _("Give a weight of zero or more for any of: %(names)s.") % {"names": ", ".join(CRITERIA)}
        ]
    elif weights and not any(weights.values()):
        errors["weights"] = [_("At least one weight must be above zero.")]
    return errors


def programme_create(
    *,
    access: Access,
    project: Project,
    partner: Partner | None,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    mode: str = MentoringProgramme.Mode.COORDINATOR,
    description: str = "",
    weights: Mapping[str, float] | None = None,
    min_language_level: str = "B1",
    forbid_same_employer: bool = True,
    reminder_days: int = 21,
) -> MentoringProgramme:
    """A mentoring programme of one partner (its coordinator or the lead) or of the whole project (the lead)."""
    from polku.matching.scoring import DEFAULT_WEIGHTS

    if partner is not None and partner.project_id != project.pk:
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={"partner": [_("The partner must be a partner of this project.")]},
        )
    programme = MentoringProgramme(
        project=project,
        partner=partner,
        name=name.strip(),
        description=description.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        mode=mode,
        weights=dict(weights) if weights else dict(DEFAULT_WEIGHTS),
        min_language_level=min_language_level,
        forbid_same_employer=forbid_same_employer,
        reminder_days=reminder_days,
    )
    _require_manager(access, programme)
    errors = _programme_errors(programme)
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    with transaction.atomic():
        programme.save()
    return programme


def programme_update(
    *, access: Access, programme: MentoringProgramme, data: Mapping[str, Any]
) -> MentoringProgramme:
    _require_manager(access, programme)
    changed = [n for n in PROGRAMME_FIELDS if n in data and getattr(programme, n) != data[n]]
    for name in changed:
        setattr(programme, name, data[name])
    errors = _programme_errors(programme)
    if errors:
        programme.refresh_from_db()
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    if changed:
        with transaction.atomic():
            programme.save(update_fields=[*changed, "updated_at"])
    return programme


# --- mentees ----------------------------------------------------------------------------------


def programme_mentors(programme: MentoringProgramme) -> list[MentorProfile]:
    """Mentor profiles of users with a mentor membership for this programme (its partner or project-wide)."""
    memberships = Membership.objects.filter(role=Role.MENTOR, project_id=programme.project_id)
    if programme.partner_id is not None:
        memberships = memberships.filter(Q(partner_id=programme.partner_id) | Q(partner__isnull=True))
    return list(
        MentorProfile.objects.filter(user_id__in=memberships.values("user_id"))
        .select_related("user")
        .order_by("user__full_name", "id")
    )


def _may_join(programme: MentoringProgramme, participation: Participation) -> bool:
    return participation.project_id == programme.project_id and (
        programme.partner_id is None or participation.partner_id == programme.partner_id
    )


def mentee_join(
    *,
    actor: User,
    access: Access,
    programme: MentoringProgramme,
    participation: Participation,
    kind: str,
    skills: Sequence[str] = (),
    industries: Sequence[str] = (),
    availability: Sequence[str] = (),
    employer: str = "",
    wishes: str = "",
    wished_mentor_ids: Sequence[int] = (),
) -> MenteeRequest:
    """Put a participant into the programme with what they want; by themselves or by their coordinator."""
    own = access.person_id is not None and participation.person_id == access.person_id
    if not own and not (
        access.can_manage_partner(participation.partner_id) and can_manage_programme(access, programme)
    ):
        raise AccessDenied(_("Only the participant or their coordinator can do this."))
    if not _may_join(programme, participation) or participation.exit_date is not None:
        raise ApplicationError(_("This participant cannot take part in this programme."))
    if programme.status != MentoringProgramme.Status.OPEN:
        raise ApplicationError(_("The programme is not open."))
    if kind not in Kind.values:
        raise ApplicationError(
            _("Please correct the errors below."), field_errors={"kind": [_("Choose a kind of mentoring.")]}
        )
    mentors = {p.pk for p in programme_mentors(programme)}
    unknown = [pk for pk in wished_mentor_ids if pk not in mentors]
    if unknown:
        raise ApplicationError(
            _("Please correct the errors below."),
            field_errors={"wished_mentors": [_("Choose mentors of this programme.")]},
        )
    values = {
        "kind": kind,
        "skills": _clean_list(skills),
        "industries": _clean_list(industries),
        "availability": _clean_list(availability),
        "employer": employer.strip(),
        "wishes": wishes.strip(),
    }
    with transaction.atomic():
        mentee, created = MenteeRequest.objects.update_or_create(
            programme=programme, participation=participation, defaults=values
        )
        mentee.wished_mentors.set(list(wished_mentor_ids))
        audit_record(
            actor=actor,
            action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            obj=mentee,
            person_id=participation.person_id,
            partner_id=participation.partner_id,
            fields=[*values, "wished_mentors"],
        )
    return mentee


# --- matching runs and proposals --------------------------------------------------------------

Solver = Callable[..., Any]


def _mentees_for(programme: MentoringProgramme) -> list[MenteeRequest]:
    """Mentees of the programme without an open mentorship in it, with what scoring needs prefetched."""
    return list(
        MenteeRequest.objects.filter(programme=programme, participation__exit_date__isnull=True)
        .exclude(mentorships__status__in=("pending", "active"))
        .select_related("participation__person")
        .prefetch_related("participation__person__languages", "wished_mentors")
    )


def matching_run(
    *,
    actor: User,
    access: Access,
    programme: MentoringProgramme,
    objective: str = MatchingRun.Objective.TOTAL,
    time_limit: float | None = 10.0,
    solver: Solver | None = None,
) -> MatchingRun:
    """Score every allowed pair, solve the assignment under the mentors' free seats, store the proposals.

    `solver` defaults to `polku.matching.assignment.solve`; tests may pass another with its signature.
    """
    from polku.matching import assignment, scoring
    from polku.mentoring import matchdata

    _require_manager(access, programme)
    if objective not in MatchingRun.Objective.values:
        raise ApplicationError(_("Unknown objective."))
    mentees = _mentees_for(programme)
    mentors = [p for p in programme_mentors(programme) if p.is_available and p.seats_free > 0]
    if not mentees or not mentors:
        raise ApplicationError(_("Matching needs mentees without a mentor and mentors with free places."))
    left = [matchdata.mentee_candidate(m) for m in mentees]
    right = [matchdata.mentor_candidate(p) for p in mentors]
    weights = matchdata.weights_of(programme)
    pairs = scoring.score_all(left, right, weights=weights, rules=matchdata.rules_of(programme))
    by_pair = {(p.left, p.right): p for p in pairs}
    problem = assignment.AssignmentProblem(
        left=[assignment.Side(id=c.id, capacity=1) for c in left],
        right=[assignment.Side(id=matchdata.mentor_id(p), capacity=p.seats_free) for p in mentors],
        scores=[(p.left, p.right, p.score) for p in pairs],
        objective=objective,  # type: ignore[arg-type]
    )
    result = (solver or assignment.solve)(problem, time_limit=time_limit)
    with transaction.atomic():
        run = MatchingRun.objects.create(
            programme=programme,
            objective=objective,
            created_by=actor,
            summary={
                "mentees": len(mentees),
                "mentors": len(mentors),
                "allowed_pairs": len(pairs),
                "matched": result.matched,
                "total": round(result.total, 4),
                "gap": result.gap,
                "min_score": result.min_score,
                "unmatched": len(mentees) - result.matched,
            },
        )
        Proposal.objects.bulk_create(
            [
                Proposal(
                    run=run,
                    mentee_id=matchdata.pk_of(left_id),
                    mentor_id=matchdata.pk_of(right_id),
                    score=round(by_pair[(left_id, right_id)].score, 4),
                    breakdown=matchdata.breakdown(by_pair[(left_id, right_id)]),
                )
                for left_id, right_id in result.pairs
            ]
        )
    return run


def _require_unpublished(run: MatchingRun) -> None:
    if run.published_at is not None:
        raise ApplicationError(_("This run is published already; run matching again for changes."))


def proposal_remove(*, access: Access, proposal: Proposal) -> Proposal:
    _require_manager(access, proposal.run.programme)
    _require_unpublished(proposal.run)
    with transaction.atomic():
        proposal.status = Proposal.Status.REMOVED
        proposal.save(update_fields=["status"])
    return proposal


def pair_score(*, programme: MentoringProgramme, mentee: MenteeRequest, mentor: MentorProfile) -> Any:
    """The engine's PairScore of one pair under the programme's weights and rules."""
    from polku.matching import scoring
    from polku.mentoring import matchdata

    mentee = (
        MenteeRequest.objects.select_related("participation__person")
        .prefetch_related("participation__person__languages", "wished_mentors")
        .get(pk=mentee.pk)
    )
    return scoring.score_pair(
        matchdata.mentee_candidate(mentee),
        matchdata.mentor_candidate(mentor),
        weights=matchdata.weights_of(programme),
        rules=matchdata.rules_of(programme),
    )


def _blocked_message(reason: str) -> str:
    messages = {
        "no_shared_language": _("They share no language at the programme's minimum level."),
        "same_employer": _("They work for the same employer."),
        "declined_before": _("One of them declined this pair before."),
    }
    return messages.get(reason, _("The programme's rules do not allow this pair."))


def proposal_add(
    *, access: Access, run: MatchingRun, mentee: MenteeRequest, mentor: MentorProfile
) -> Proposal:
    """The coordinator adds a pair by hand; it gets the same computed reasons as the engine's pairs."""
    programme = run.programme
    _require_manager(access, programme)
    _require_unpublished(run)
    if mentee.programme_id != programme.pk or mentor.pk not in {p.pk for p in programme_mentors(programme)}:
        raise ApplicationError(_("Choose a mentee and a mentor of this programme."))
    live = run.proposals.filter(status=Proposal.Status.PROPOSED)
    if live.filter(mentee=mentee).exclude(mentor=mentor).exists():
        raise ApplicationError(_("This mentee already has a proposal; remove it first."))
    if live.filter(mentor=mentor).count() >= mentor.seats_free:
        raise ApplicationError(_("This mentor has no free places left."))
    pair = pair_score(programme=programme, mentee=mentee, mentor=mentor)
    if pair.blocked_by:
        raise ApplicationError(_blocked_message(pair.blocked_by))
    from polku.mentoring import matchdata

    with transaction.atomic():
        proposal, _created = Proposal.objects.update_or_create(
            run=run,
            mentee=mentee,
            mentor=mentor,
            defaults={
                "score": round(pair.score, 4),
                "breakdown": matchdata.breakdown(pair),
                "by_hand": True,
                "status": Proposal.Status.PROPOSED,
            },
        )
    return proposal


def run_publish(*, actor: User, access: Access, run: MatchingRun) -> list[Mentorship]:
    """Turn the run's live proposals into pending mentorships; both sides are told and asked to answer."""
    programme = run.programme
    _require_manager(access, programme)
    _require_unpublished(run)
    created = []
    with transaction.atomic():
        run = MatchingRun.objects.select_for_update().get(pk=run.pk)
        _require_unpublished(run)
        proposals = list(
            run.proposals.filter(status=Proposal.Status.PROPOSED).select_related(
                "mentee__participation__person", "mentor__user"
            )
        )
        for proposal in proposals:
            if proposal.mentee.mentorships.filter(status__in=("pending", "active")).exists():
                raise ApplicationError(
                    _("%(mentee)s has a mentor already; remove the proposal first.")
                    % {"mentee": proposal.mentee}
                )
            _take_seat(proposal.mentor_id)
            try:
                with transaction.atomic():
                    mentorship = Mentorship.objects.create(
                        programme=programme,
                        mentee=proposal.mentee,
                        mentor=proposal.mentor,
                        proposal=proposal,
                        origin=Mentorship.Origin.MATCHING,
                        score=proposal.score,
                        breakdown=proposal.breakdown,
                    )
            except IntegrityError as error:
                raise ApplicationError(_("This pair has an open mentorship already.")) from error
            created.append(mentorship)
            _mail_offer(mentorship)
        run.proposals.filter(pk__in=[p.pk for p in proposals]).update(status=Proposal.Status.PUBLISHED)
        run.published_at = timezone.now()
        run.save(update_fields=["published_at"])
        audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=run, fields=["published_at"])
    return created


def _mail_offer(mentorship: Mentorship) -> None:
    url = _link("mentoring:mentorship", mentorship.pk)
    mentor_name = str(mentorship.mentor.user)
    mentee_name = str(mentorship.mentee.participation.person)
    programme = mentorship.programme.name
    _mail_mentee(
        mentorship,
        lambda: _("A mentor is proposed for you: %(name)s") % {"name": mentor_name},
        lambda: (
            _(
                "In %(programme)s, %(name)s is proposed as your mentor. See why, and accept or decline: %(url)s"
            )
            % {"programme": programme, "name": mentor_name, "url": url}
        ),
    )
    _mail_mentor(
        mentorship,
        lambda: _("A mentee is proposed for you: %(name)s") % {"name": mentee_name},
        lambda: (
            _("In %(programme)s, %(name)s is proposed as your mentee. Accept or decline: %(url)s")
            % {"programme": programme, "name": mentee_name, "url": url}
        ),
    )


# --- self-service requests --------------------------------------------------------------------


def mentor_request(
    *, actor: User, access: Access, mentee: MenteeRequest, mentor: MentorProfile
) -> Mentorship:
    """A participant asks a mentor of a self-service programme; the seat is taken at once, atomically."""
    programme = mentee.programme
    if access.person_id is None or mentee.participation.person_id != access.person_id:
        raise AccessDenied(_("Only the participant can ask for a mentor."))
    if (
        programme.mode != MentoringProgramme.Mode.SELF_SERVICE
        or programme.status != MentoringProgramme.Status.OPEN
    ):
        raise ApplicationError(_("In this programme the coordinator proposes the mentors."))
    if mentor.pk not in {p.pk for p in programme_mentors(programme)}:
        raise ApplicationError(_("Choose a mentor of this programme."))
    if mentee.mentorships.filter(status__in=("pending", "active")).exists():
        raise ApplicationError(_("You have a mentor already in this programme."))
    pair = pair_score(programme=programme, mentee=mentee, mentor=mentor)
    if pair.blocked_by:
        raise ApplicationError(_blocked_message(pair.blocked_by))
    from polku.mentoring import matchdata

    try:
        with transaction.atomic():
            _take_seat(mentor.pk)
            mentorship = Mentorship.objects.create(
                programme=programme,
                mentee=mentee,
                mentor=mentor,
                origin=Mentorship.Origin.REQUEST,
                mentee_response=Mentorship.Response.ACCEPTED,
                score=round(pair.score, 4),
                breakdown=matchdata.breakdown(pair),
            )
            mentee_name = str(mentee.participation.person)
            url = _link("mentoring:mentorship", mentorship.pk)
            _mail_mentor(
                mentorship,
                lambda: _("%(name)s asks you to be their mentor") % {"name": mentee_name},
                lambda: (
                    _("In %(programme)s, %(name)s asks you to be their mentor. Accept or decline: %(url)s")
                    % {"programme": programme.name, "name": mentee_name, "url": url}
                ),
            )
    except IntegrityError as error:
        # Another request of the same mentee to the same mentor won the race.
        raise ApplicationError(_("You have asked this mentor already.")) from error
    return mentorship


# --- answers ----------------------------------------------------------------------------------


def mentorship_respond(*, actor: User, access: Access, mentorship: Mentorship, accept: bool) -> Mentorship:
    """One side accepts or declines. Both accept: active. A decline frees the seat and is never proposed again."""
    side = _require_side(access, mentorship)
    with transaction.atomic():
        mentorship = (
            Mentorship.objects.select_for_update()
            .select_related("mentee__participation__person", "mentor__user", "programme")
            .get(pk=mentorship.pk)
        )
        if mentorship.status != Mentorship.Status.PENDING:
            raise ApplicationError(_("This mentorship is not waiting for answers."))
        field = "mentee_response" if side == Side.MENTEE else "mentor_response"
        if getattr(mentorship, field) != Mentorship.Response.WAITING:
            raise ApplicationError(_("You have answered already."))
        setattr(mentorship, field, Mentorship.Response.ACCEPTED if accept else Mentorship.Response.DECLINED)
        changed = [field, "updated_at"]
        if not accept:
            mentorship.status = Mentorship.Status.DECLINED
            _free_seat(mentorship.mentor_id)
            DeclinedPair.objects.get_or_create(
                participation_id=mentorship.mentee.participation_id,
                mentor_id=mentorship.mentor_id,
                defaults={"project_id": mentorship.programme.project_id, "declined_by": side},
            )
            changed.append("status")
        elif (
            mentorship.mentee_response == Mentorship.Response.ACCEPTED
            and mentorship.mentor_response == Mentorship.Response.ACCEPTED
        ):
            mentorship.status = Mentorship.Status.ACTIVE
            mentorship.started_on = timezone.localdate()
            changed += ["status", "started_on"]
        mentorship.save(update_fields=changed)
        _mail_answer(mentorship, side=side, accept=accept)
    return mentorship


def _mail_answer(mentorship: Mentorship, *, side: str, accept: bool) -> None:
    url = _link("mentoring:mentorship", mentorship.pk)
    who = str(mentorship.mentee.participation.person if side == Side.MENTEE else mentorship.mentor.user)
    notify = _mail_mentor if side == Side.MENTEE else _mail_mentee
    if accept:
        notify(
            mentorship,
            lambda: _("%(name)s accepted the mentoring") % {"name": who},
            lambda: _("%(name)s accepted. See the mentorship: %(url)s") % {"name": who, "url": url},
        )
    else:
        notify(
            mentorship,
            lambda: _("%(name)s declined the mentoring") % {"name": who},
            lambda: (
                _("%(name)s declined this match. Your coordinator will find another one.") % {"name": who}
            ),
        )


# --- during the relationship ------------------------------------------------------------------


def _require_active(mentorship: Mentorship) -> None:
    if mentorship.status != Mentorship.Status.ACTIVE:
        raise ApplicationError(_("This can be done only while the mentorship is active."))


def goal_add(*, access: Access, mentorship: Mentorship, text: str) -> Goal:
    _require_side(access, mentorship)
    _require_active(mentorship)
    if not text.strip():
        raise ApplicationError(
            _("Please correct the errors below."), field_errors={"text": [_("Write the goal.")]}
        )
    with transaction.atomic():
        return Goal.objects.create(mentorship=mentorship, text=text.strip()[:300])


def goal_set_status(*, access: Access, goal: Goal, status: str) -> Goal:
    _require_side(access, goal.mentorship)
    if status not in Goal.Status.values:
        raise ApplicationError(_("Unknown status."))
    with transaction.atomic():
        goal.status = status
        goal.save(update_fields=["status", "updated_at"])
    return goal


def session_log(
    *,
    access: Access,
    mentorship: Mentorship,
    held_on: dt.date,
    duration_minutes: int = 60,
    topics: str = "",
    notes: str = "",
    status: str = Session.Status.HELD,
) -> Session:
    """Either side logs a meeting (or that the other side did not come)."""
    side = _require_side(access, mentorship)
    _require_active(mentorship)
    errors: dict[str, list[str]] = {}
    if held_on > timezone.localdate():
        errors["held_on"] = [_("Log sessions that have taken place.")]
    if mentorship.started_on and held_on < mentorship.started_on - dt.timedelta(days=30):
        errors["held_on"] = [_("The date is before the mentorship started.")]
    if not 0 < duration_minutes <= 600:
        errors["duration_minutes"] = [_("Give a duration between 1 and 600 minutes.")]
    if status not in Session.Status.values:
        errors["status"] = [_("Unknown status.")]
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)
    with transaction.atomic():
        return Session.objects.create(
            mentorship=mentorship,
            held_on=held_on,
            duration_minutes=duration_minutes,
            topics=topics.strip()[:300],
            notes=notes.strip(),
            status=status,
            logged_by=side,
        )


def checkin_answer(*, access: Access, checkin: CheckIn, rating: int, text: str = "") -> CheckIn:
    side = _require_side(access, checkin.mentorship)
    if side != checkin.side:
        raise AccessDenied(_("This check-in is for the other side of the pair."))
    if not 1 <= rating <= 5:
        raise ApplicationError(
            _("Please correct the errors below."), field_errors={"rating": [_("Choose from 1 to 5.")]}
        )
    with transaction.atomic():
        checkin.rating = rating
        checkin.text = text.strip()
        checkin.answered_at = timezone.now()
        checkin.save(update_fields=["rating", "text", "answered_at"])
    return checkin


def mentorship_close(
    *, actor: User, access: Access, mentorship: Mentorship, rating: int | None = None, text: str = ""
) -> Mentorship:
    """Either side (with their feedback) or a coordinator closes an active mentorship; the seat is freed.

    A side whose partner closed it already can still give their feedback through this verb.
    """
    side = side_of(access, mentorship)
    if side is None:
        _require_manager(access, mentorship.programme)
    if side is not None and (rating is None or not 1 <= rating <= 5):
        raise ApplicationError(
            _("Please correct the errors below."), field_errors={"rating": [_("Choose from 1 to 5.")]}
        )
    with transaction.atomic():
        mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
        if mentorship.status == Mentorship.Status.ACTIVE:
            mentorship.status = Mentorship.Status.CLOSED
            mentorship.closed_on = timezone.localdate()
            mentorship.closed_by = side or "coordinator"
            mentorship.save(update_fields=["status", "closed_on", "closed_by", "updated_at"])
            _free_seat(mentorship.mentor_id)
        elif mentorship.status != Mentorship.Status.CLOSED:
            raise ApplicationError(_("Only an active mentorship can be closed."))
        if side is not None:
            if Feedback.objects.filter(mentorship=mentorship, side=side).exists():
                raise ApplicationError(_("You have given your feedback already."))
            assert rating is not None
            Feedback.objects.create(mentorship=mentorship, side=side, rating=rating, text=text.strip())
    return mentorship


# --- periodic work ----------------------------------------------------------------------------


def send_session_reminders(*, today: dt.date | None = None) -> int:
    """Remind both sides of active mentorships with no session in the programme's `reminder_days`.

    Idempotent: a mentorship is reminded at most once per `reminder_days`.
    """
    today = today or timezone.localdate()
    sent = 0
    rows = (
        Mentorship.objects.filter(status=Mentorship.Status.ACTIVE)
        .select_related("programme", "mentee__participation__person", "mentor__user")
        .annotate(last_session=Max("sessions__held_on"))
    )
    for mentorship in rows:
        days = dt.timedelta(days=mentorship.programme.reminder_days)
        last = mentorship.last_session or mentorship.started_on  # type: ignore[attr-defined]
        if last is None or today - last < days:
            continue
        if mentorship.reminded_on and today - mentorship.reminded_on < days:
            continue
        with transaction.atomic():
            claimed = Mentorship.objects.filter(pk=mentorship.pk, reminded_on=mentorship.reminded_on).update(
                reminded_on=today
            )
            if not claimed:
                continue
            url = _link("mentoring:mentorship", mentorship.pk)
            for notify in (_mail_mentee, _mail_mentor):
                notify(
                    mentorship,
                    lambda: _("Remember to log your mentoring sessions"),
                    partial(_reminder_body, last, url),
                )
        sent += 1
    return sent


def _reminder_body(last: dt.date, url: str) -> str:
    return _("No mentoring session has been logged since %(date)s. Log one here: %(url)s") % {
        "date": last.isoformat(),
        "url": url,
    }


def _checkin_body(url: str) -> str:
    return _("Please answer two short questions about your mentoring: %(url)s") % {"url": url}


def checkin_due_dates(started_on: dt.date, today: dt.date) -> list[dt.date]:
    """30 days after the start, then every 60 days, up to today."""
    dates = []
    due = started_on + dt.timedelta(days=FIRST_CHECKIN_DAYS)
    while due <= today:
        dates.append(due)
        due += dt.timedelta(days=CHECKIN_EVERY_DAYS)
    return dates


def send_due_checkins(*, today: dt.date | None = None) -> int:
    """Create and e-mail the latest due check-in of each side of every active mentorship; idempotent."""
    today = today or timezone.localdate()
    created = 0
    rows = Mentorship.objects.filter(
        status=Mentorship.Status.ACTIVE, started_on__isnull=False
    ).select_related("programme", "mentee__participation__person", "mentor__user")
    for mentorship in rows:
        assert mentorship.started_on is not None
        dates = checkin_due_dates(mentorship.started_on, today)
        if not dates:
            continue
        for side, notify in ((Side.MENTEE, _mail_mentee), (Side.MENTOR, _mail_mentor)):
            with transaction.atomic():
                checkin, new = CheckIn.objects.get_or_create(
                    mentorship=mentorship, side=side, due_on=dates[-1]
                )
                if not new:
                    continue
                url = _link("mentoring:checkin", checkin.pk)
                notify(
                    mentorship,
                    lambda: _("How is your mentoring going?"),
                    partial(_checkin_body, url),
                )
            created += 1
    return created
