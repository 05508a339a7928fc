"""Business ideas: the team writes the idea, its Lean Canvas and its evidence and moves its stage; the
owner's coordinators and the idea's sparring experts comment. Every write is audited by field name.

Who does what (`polku.accounts.access`): the team (the owner and co-founders) edits; `can_coach_idea`
(the owner's coordinators, admins) also edits the team and records companies; experts attached to the
idea comment. A stage move follows `polku.entrepreneurship.rules`; the error names the rule broken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import changed_fields
from polku.core.errors import AccessDenied, ApplicationError
from polku.entrepreneurship import codes, rules
from polku.entrepreneurship.models import (
    CANVAS_FIELDS,
    BusinessIdea,
    Experiment,
    IdeaComment,
    Interview,
    Milestone,
    Stage,
    StageChange,
)
from polku.entrepreneurship.services.common import audit, correct_errors, text
from polku.participants.models import Participation, Person

IDEA_FIELDS = ("title", "pitch", "industry", *CANVAS_FIELDS)


def _stage_label(stage: str) -> str:
    return str(dict(Stage.choices).get(stage, stage))


def is_team(access: Access, idea: BusinessIdea) -> bool:
    if access.person_id is None:
        return False
    if idea.participation.person_id == access.person_id:
        return True
    return idea.co_founders.filter(pk=access.person_id).exists()


def can_edit(access: Access, idea: BusinessIdea) -> bool:
    return is_team(access, idea) or access.can_coach_idea(idea.participation.partner_id)


def is_expert(access: Access, idea: BusinessIdea) -> bool:
    return access.user_id is not None and idea.sparrings.filter(expert_id=access.user_id).exists()


def _check_edit(access: Access, idea: BusinessIdea) -> None:
    if not can_edit(access, idea):
        raise AccessDenied(_("Only the idea's team and their coordinators change the idea."))


def _audit(actor: User | None, action: str, obj: Any, idea: BusinessIdea, fields: Iterable[str]) -> None:
    audit(
        actor,
        action,
        obj,
        person_id=idea.participation.person_id,
        partner_id=idea.participation.partner_id,
        fields=list(fields),
    )


def idea_errors(data: Mapping[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not (data.get("title") or "").strip():
        errors["title"] = [_("Give the idea a name.")]
    industry = data.get("industry") or ""
    if industry and not codes.industries().get(industry, None):
        errors["industry"] = [_("Choose the industry from the list.")]
    elif industry and not codes.industries()[industry].section:
        errors["industry"] = [_("Choose an industry, not only its main group.")]
    return errors


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    return {name: text(data, name) for name in IDEA_FIELDS if name in data}


def idea_create(
    *, actor: User, access: Access, participation: Participation, data: Mapping[str, Any]
) -> BusinessIdea:
    """A new idea of the participant (themself, or entered by their coordinator), at the stage "idea"."""
    if not (access.is_own_person(participation.person_id) or access.can_coach_idea(participation.partner_id)):
        raise AccessDenied(_("Only the participant and their coordinators add the participant's ideas."))
    cleaned = _clean(data)
    errors = idea_errors(cleaned)
    if errors:
        raise correct_errors(errors)
    today = timezone.localdate()
    with transaction.atomic():
        idea = BusinessIdea.objects.create(participation=participation, stage_since=today, **cleaned)
        StageChange.objects.create(idea=idea, to_stage=Stage.IDEA, changed_on=today, changed_by=actor)
        _audit(actor, AuditEvent.Action.CREATE, idea, idea, [k for k, v in cleaned.items() if v])
    return idea


def idea_update(*, actor: User, access: Access, idea: BusinessIdea, data: Mapping[str, Any]) -> BusinessIdea:
    """Change the pitch, industry or canvas; an empty value empties the field."""
    _check_edit(access, idea)
    merged = {name: getattr(idea, name) for name in IDEA_FIELDS}
    merged.update(_clean(data))
    errors = idea_errors(merged)
    if errors:
        raise correct_errors(errors)
    changed = changed_fields(idea, merged)
    if not changed:
        return idea
    with transaction.atomic():
        for name in changed:
            setattr(idea, name, merged[name])
        idea.save(update_fields=[*changed, "updated_at"])
        _audit(actor, AuditEvent.Action.UPDATE, idea, idea, changed)
    return idea


def idea_set_co_founders(
    *, actor: User, access: Access, idea: BusinessIdea, people: Iterable[Person]
) -> BusinessIdea:
    """The idea's co-founders: participants of the same partner (their coordinator decides)."""
    if not access.can_coach_idea(idea.participation.partner_id):
        raise AccessDenied(_("The idea's coordinators choose its co-founders."))
    chosen = [p for p in people if p.pk != idea.participation.person_id]
    allowed = set(
        Participation.objects.filter(partner_id=idea.participation.partner_id).values_list(
            "person_id", flat=True
        )
    )
    if any(p.pk not in allowed for p in chosen):
        raise correct_errors({"co_founders": [_("Co-founders are participants of the same partner.")]})
    with transaction.atomic():
        idea.co_founders.set(chosen)
        _audit(actor, AuditEvent.Action.UPDATE, idea, idea, ["co_founders"])
    return idea


def evidence_of(idea: BusinessIdea) -> rules.Evidence:
    paused_from = None
    if idea.stage == Stage.PAUSED:
        last = idea.stage_changes.filter(to_stage=Stage.PAUSED).order_by("-changed_on", "-id").first()
        paused_from = last.from_stage if last else None
    return rules.Evidence(
        canvas_core=all(
            getattr(idea, name).strip() for name in ("problem", "customer_segments", "unique_value")
        ),
        interviews=idea.interviews.count(),
        finished_experiments=idea.experiments.exclude(result=Experiment.Result.RUNNING).count(),
        has_company=idea.companies.exists(),
        paused_from=paused_from,
    )


def broken_message(broken: rules.Broken, current: str, target: str) -> str:
    """The rule a stage move breaks, in words."""
    names = {"current": _stage_label(current), "target": _stage_label(target)}
    allowed = ", ".join(f"“{_stage_label(s)}”" for s in broken.allowed)
    match broken.code:
        case "same":
            return _("The idea is already at the stage “%(target)s”.") % names
        case "jump":
            return _(
                "An idea moves one stage at a time: from “%(current)s” it can move to %(allowed)s, not straight "
                "to “%(target)s”."
            ) % {**names, "allowed": allowed}
        case "back":
            return _("An idea steps back only one stage: from “%(current)s” it can move to %(allowed)s.") % {
                **names,
                "allowed": allowed,
            }
        case "resume":
            return _(
                "A paused idea resumes at the stage it was paused in or an earlier one: %(allowed)s."
            ) % {"allowed": allowed}
        case "canvas":
            return _(
                "To start validating, write the problem, the customer segments and the unique value proposition "
                "of the canvas first."
            )
        case "evidence":
            return _(
                "To be ready to start, the idea needs at least %(interviews)s customer interviews and one "
                "finished experiment."
            ) % {"interviews": rules.MIN_INTERVIEWS}
        case "company":
            return _("An idea is “%(target)s” once its company is recorded with its business ID.") % names
    return _("Choose a stage from the list.")


def stage_move(
    *,
    actor: User,
    access: Access,
    idea: BusinessIdea,
    to_stage: str,
    note: str = "",
    on: dt.date | None = None,
) -> BusinessIdea:
    """Move the idea to `to_stage` by the rules; the move is kept in the stage history with its date."""
    _check_edit(access, idea)
    with transaction.atomic():
        idea = BusinessIdea.objects.select_for_update().get(pk=idea.pk)
        broken = rules.check_move(idea.stage, to_stage, evidence_of(idea))
        if broken is not None:
            raise ApplicationError(
                broken_message(broken, idea.stage, to_stage),
                field_errors={"stage": [broken_message(broken, idea.stage, to_stage)]},
            )
        _record_move(actor, idea, to_stage, note=note.strip(), on=on or timezone.localdate())
    return idea


def _record_move(actor: User | None, idea: BusinessIdea, to_stage: str, *, note: str, on: dt.date) -> None:
    StageChange.objects.create(
        idea=idea, from_stage=idea.stage, to_stage=to_stage, changed_on=on, changed_by=actor, note=note[:300]
    )
    idea.stage, idea.stage_since = to_stage, on
    idea.save(update_fields=["stage", "stage_since", "updated_at"])
    _audit(actor, AuditEvent.Action.UPDATE, idea, idea, ["stage"])


def stage_started_by_company(*, actor: User | None, idea: BusinessIdea, on: dt.date) -> None:
    """Recording the idea's company moves it to "started" (from any stage before it)."""
    if idea.stage in (Stage.STARTED, Stage.GROWING):
        return
    _record_move(actor, idea, Stage.STARTED, note="", on=on)


# --- evidence -------------------------------------------------------------------------------------


def interview_add(*, actor: User, access: Access, idea: BusinessIdea, data: Mapping[str, Any]) -> Interview:
    _check_edit(access, idea)
    errors: dict[str, list[str]] = {}
    if not text(data, "interviewee"):
        errors["interviewee"] = [_("Say who was interviewed (no name needed).")]
    held_on = data.get("held_on")
    if held_on is None:
        errors["held_on"] = [_("Give the date of the interview.")]
    elif held_on > timezone.localdate():
        errors["held_on"] = [_("Record an interview once it has happened.")]
    if not text(data, "learnt"):
        errors["learnt"] = [_("Write what you learnt.")]
    if errors:
        raise correct_errors(errors)
    assert held_on is not None
    with transaction.atomic():
        row = Interview.objects.create(
            idea=idea, interviewee=text(data, "interviewee"), held_on=held_on, learnt=text(data, "learnt")
        )
        _audit(actor, AuditEvent.Action.CREATE, row, idea, ["interviewee", "held_on", "learnt"])
    return row


def experiment_add(*, actor: User, access: Access, idea: BusinessIdea, data: Mapping[str, Any]) -> Experiment:
    _check_edit(access, idea)
    errors: dict[str, list[str]] = {}
    if not text(data, "assumption"):
        errors["assumption"] = [_("Write what the experiment tests.")]
    result = data.get("result") or Experiment.Result.RUNNING
    if result not in Experiment.Result.values:
        errors["result"] = [_("Choose the result from the list.")]
    done_on = data.get("done_on")
    if result != Experiment.Result.RUNNING and done_on is None:
        errors["done_on"] = [_("Give the date the experiment finished.")]
    if errors:
        raise correct_errors(errors)
    with transaction.atomic():
        row = Experiment.objects.create(
            idea=idea,
            assumption=text(data, "assumption"),
            method=text(data, "method"),
            result=result,
            learnt=text(data, "learnt"),
            done_on=done_on if result != Experiment.Result.RUNNING else None,
        )
        _audit(actor, AuditEvent.Action.CREATE, row, idea, ["assumption", "result"])
    return row


def milestone_add(*, actor: User, access: Access, idea: BusinessIdea, data: Mapping[str, Any]) -> Milestone:
    _check_edit(access, idea)
    errors: dict[str, list[str]] = {}
    if not text(data, "title"):
        errors["title"] = [_("Write the milestone.")]
    if data.get("due_on") is None:
        errors["due_on"] = [_("Give the date it is due.")]
    reached_on = data.get("reached_on")
    if reached_on is not None and reached_on > timezone.localdate():
        errors["reached_on"] = [_("A milestone is reached on a day that has come.")]
    if errors:
        raise correct_errors(errors)
    with transaction.atomic():
        row = Milestone.objects.create(
            idea=idea, title=text(data, "title"), due_on=data["due_on"], reached_on=reached_on
        )
        _audit(actor, AuditEvent.Action.CREATE, row, idea, ["title", "due_on"])
    return row


def comment_add(*, actor: User, access: Access, idea: BusinessIdea, body: str) -> IdeaComment:
    """A comment of the owner's coordinators or the idea's sparring experts (the team reads them)."""
    if not (access.can_coach_idea(idea.participation.partner_id) or is_expert(access, idea)):
        raise AccessDenied(_("The idea's coordinators and sparring experts comment on it."))
    body = (body or "").strip()
    if not body:
        raise correct_errors({"body": [_("Write the comment.")]})
    with transaction.atomic():
        row = IdeaComment.objects.create(idea=idea, author=actor, body=body)
        _audit(actor, AuditEvent.Action.CREATE, row, idea, ["body"])
    return row
