"""Matching runs and their proposals: the engine scores every allowed pair and solves the assignment
under the mentors' free places; the coordinator reviews, removes or adds pairs by hand, and publishes
the proposals as mentorships that wait for both sides' answers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import ApplicationError
from polku.matching import assignment, scoring
from polku.mentoring import emails, matchdata
from polku.mentoring.models import (
    MatchingRun,
    MenteeRequest,
    MentoringProgramme,
    MentorProfile,
    Mentorship,
    Proposal,
)
from polku.mentoring.selectors import programme_mentors
from polku.mentoring.services.profiles import take_seat
from polku.mentoring.services.programmes import require_manager

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
    require_manager(access, programme)
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
    require_manager(access, proposal.run.programme)
    _require_unpublished(proposal.run)
    with transaction.atomic():
        proposal.status = Proposal.Status.REMOVED
        proposal.save(update_fields=["status"])
    return proposal


def pair_score(*, programme: MentoringProgramme, mentee: MenteeRequest, mentor: MentorProfile) -> Any:
    """The engine's PairScore of one pair under the programme's weights and rules."""
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


def blocked_message(reason: str) -> str:
    """Why the programme's hard rules refuse a pair, for the reader."""
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
    require_manager(access, programme)
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
        raise ApplicationError(blocked_message(pair.blocked_by))
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
    require_manager(access, programme)
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
            take_seat(proposal.mentor_id)
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
            emails.offer(mentorship)
        run.proposals.filter(pk__in=[p.pk for p in proposals]).update(status=Proposal.Status.PUBLISHED)
        run.published_at = timezone.now()
        run.save(update_fields=["published_at"])
        audit_record(actor=actor, action=AuditEvent.Action.UPDATE, obj=run, fields=["published_at"])
    return created
