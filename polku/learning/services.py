"""Writes of the learning app: the catalogue (and its CSV import), plans built from the planning engine's
proposal and then edited freely, milestones, comments, and completions (by hand or from a MOOC platform's
CSV) that add skills to the competence profile and move the plan on.

Every write checks access here, runs in one transaction and is audited where it touches a person's data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polku import planning
from polku.accounts.access import Access
from polku.accounts.models import User
from polku.assessments import frameworks
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.competences.models import SkillEvidence
from polku.competences.selectors import confirmed_skill_uris
from polku.competences.services import add_confirmed_skill
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tabular import ImportFileError
from polku.esco import selectors as esco_selectors
from polku.esco.models import Concept, OccupationSkill
from polku.learning import catalogue_csv, mooc_csv, selectors
from polku.learning.models import (
    Comment,
    Completion,
    LearningOpportunity,
    Milestone,
    Mode,
    Plan,
    PlanItem,
)
from polku.participants.models import Cefr, LanguageSkill, Participation, Person
from polku.participants.selectors import can_view_person, reading_partner_id
from polku.projects.models import Partner, Project

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
LEVELS = set(Cefr.values)
LANGUAGE_CODE_LENGTH = (2, 3)

# A business goal has no ESCO occupation; its target is this set of entrepreneurship skills (ESCO v1.1.1),
# all counted as essential. Skills missing from the loaded ESCO data are left out.
BUSINESS_SKILLS = (
    "http://data.europa.eu/esco/skill/658605f2-1c95-49f0-bd98-0af7b15ad0b0",  # entrepreneurship
    "http://data.europa.eu/esco/skill/bdcf429c-5ccf-4c3d-bb61-4c987573a35e",  # show entrepreneurial spirit
    "http://data.europa.eu/esco/skill/ead58f22-0af5-467c-ac1e-b750e4e1ac6a",  # develop business plans
    "http://data.europa.eu/esco/skill/21c5790c-0930-4d74-b3b0-84caf5af12ea",  # manage budgets
    "http://data.europa.eu/esco/skill/08fd2839-670c-4f16-8024-97437f2035ab",  # plan marketing strategy
    "http://data.europa.eu/esco/skill/d669af41-756c-48d9-a286-1443253f54b1",  # tax legislation
)


def _actor(actor: User | None) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


# --- catalogue ---------------------------------------------------------------------------------

OPPORTUNITY_FIELDS = (
    "code",
    "kind",
    "provider",
    "title_fi",
    "title_sv",
    "title_en",
    "description_fi",
    "description_sv",
    "description_en",
    "languages",
    "mode",
    "hours",
    "ects",
    "cost",
    "self_paced",
    "starts_on",
    "ends_on",
    "url",
    "competences",
    "is_active",
)


@dataclass(frozen=True)
class Owner:
    partner: Partner | None = None
    project: Project | None = None

    @property
    def key(self) -> str:
        if self.partner is not None:
            return f"partner:{self.partner.pk}"
        if self.project is not None:
            return f"project:{self.project.pk}"
        return "platform"


def owner_from_key(key: str) -> Owner:
    """ "partner:<id>", "project:<id>" or "platform" as an Owner; ApplicationError for anything else."""
    kind, _sep, pk = (key or "").partition(":")
    if kind == "platform" and not pk:
        return Owner()
    if kind in {"partner", "project"} and pk.isdigit():
        if kind == "partner":
            partner = Partner.objects.select_related("project").filter(pk=int(pk)).first()
            if partner is not None:
                return Owner(partner=partner, project=partner.project)
        else:
            project = Project.objects.filter(pk=int(pk)).first()
            if project is not None:
                return Owner(project=project)
    raise ApplicationError(
        _("Choose who offers the opportunity."), field_errors={"owner": [_("Choose an owner.")]}
    )


def can_own(access: Access, owner: Owner) -> bool:
    if access.is_admin:
        return True
    if owner.partner is not None:
        return access.can_manage_partner(owner.partner.pk) or access.can_manage_project(
            owner.partner.project_id
        )
    if owner.project is not None:
        return access.can_manage_project(owner.project.pk)
    return False


def can_create_opportunities(access: Access) -> bool:
    return access.is_admin or bool(access.coordinator_partner_ids or access.lead_project_ids)


def check_opportunity(
    values: dict[str, Any], skill_uris: Sequence[str]
) -> tuple[dict[str, list[str]], list[Concept]]:
    """Field errors of an opportunity's values (in the user's language) and the ESCO skills found."""
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if not str(values.get("code", "")).strip():
        add("code", _("Give the opportunity a code."))
    elif not _is_slug(str(values["code"])):
        add("code", _("The code may contain only letters a–z, digits, hyphens and underscores."))
    if values.get("kind") not in LearningOpportunity.Kind.values:
        add("kind", _("Choose a kind: course, mooc, path-studies or training."))
    if not str(values.get("provider", "")).strip():
        add("provider", _("Name the provider."))
    if not any(str(values.get(f"title_{lang}", "")).strip() for lang in ("fi", "sv", "en")):
        add("title_fi", _("Give a title in at least one language."))
    for language, level in (values.get("languages") or {}).items():
        if not (
            language.isalpha() and len(language) in LANGUAGE_CODE_LENGTH and language == language.lower()
        ):
            add("languages", _("“%(code)s” is not a language code such as fi or en.") % {"code": language})
        if level not in LEVELS:
            add(
                "languages",
                _("“%(level)s” is not a level: use A1, A2, B1, B2, C1, C2 or native.") % {"level": level},
            )
    if values.get("mode") not in Mode.values:
        add("mode", _("Choose a mode: online, onsite or blended."))
    hours = values.get("hours")
    if hours is None or Decimal(hours) < 0 or Decimal(hours) > 10000:
        add("hours", _("Give the effort in hours, between 0 and 10000."))
    if values.get("ects") is not None and not (0 <= Decimal(values["ects"]) <= 400):
        add("ects", _("ECTS credits are between 0 and 400."))
    if Decimal(values.get("cost") or 0) < 0:
        add("cost", _("The cost cannot be negative."))
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        add("ends_on", _("The end date is before the start date."))
    if values.get("self_paced") and (starts or ends):
        add("self_paced", _("A self-paced opportunity has no start or end date."))
    if values.get("url"):
        try:
            URLValidator(schemes=["http", "https"])(values["url"])
        except ValidationError:
            add("url", _("“%(url)s” is not a web address starting with https://.") % {"url": values["url"]})
    for code in values.get("competences") or []:
        if not frameworks.is_competence_code(code):
            add(
                "competences",
                _("“%(code)s” is not a DigComp or EntreComp competence code such as digcomp-2.2:1.1.")
                % {"code": code},
            )
    uris = list(dict.fromkeys(u.strip() for u in skill_uris if u.strip()))
    concepts = {c.uri: c for c in Concept.objects.filter(uri__in=uris, kind__in=["skill", "skill-group"])}
    for uri in uris:
        if uri not in concepts:
            add("skills", _("“%(uri)s” is not an ESCO skill URI known to Polku.") % {"uri": uri})
    return errors, [concepts[u] for u in uris if u in concepts]


def _is_slug(text: str) -> bool:
    return (
        bool(text)
        and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in text)
        and text == text.lower()
    )


@transaction.atomic
def opportunity_save(
    *,
    access: Access,
    actor: User | None,
    values: dict[str, Any],
    skill_uris: Sequence[str],
    owner: Owner,
    opportunity: LearningOpportunity | None = None,
) -> LearningOpportunity:
    """Create or change an opportunity: the owner must be one the user may manage; all checks first."""
    if not can_own(access, owner) or (
        opportunity is not None and not selectors.can_edit_opportunity(access, opportunity)
    ):
        raise AccessDenied(_("You can edit only the opportunities of your own partner or project."))
    errors, concepts = check_opportunity(values, skill_uris)
    clash = LearningOpportunity.objects.filter(code=values.get("code", ""))
    if opportunity is not None:
        clash = clash.exclude(pk=opportunity.pk)
    if clash.exists():
        errors.setdefault("code", []).append(_("Another opportunity already has this code."))
    if errors:
        raise ApplicationError(
            _("The opportunity was not saved: correct the fields shown."), field_errors=errors
        )
    if opportunity is None:
        opportunity = LearningOpportunity()
        action = AuditEvent.Action.CREATE
    else:
        action = AuditEvent.Action.UPDATE
    for name in OPPORTUNITY_FIELDS:
        if name in values:
            setattr(opportunity, name, values[name])
    opportunity.partner = owner.partner
    opportunity.project = owner.project if owner.partner is None else owner.partner.project
    opportunity.save()
    opportunity.skills.set(concepts)
    audit_record(actor=_actor(actor), action=action, obj=opportunity, partner_id=opportunity.partner_id)
    return opportunity


def opportunity_row(opportunity: LearningOpportunity) -> dict[str, Any]:
    """An opportunity as a CSV row (see catalogue_csv.COLUMNS)."""
    row = {name: getattr(opportunity, name) for name in OPPORTUNITY_FIELDS if name != "is_active"}
    row["active"] = opportunity.is_active
    row["skills"] = sorted(s.uri for s in opportunity.skills.all())
    return row


def catalogue_export(opportunities: Iterable[LearningOpportunity]) -> str:
    return catalogue_csv.write(opportunity_row(o) for o in opportunities)


@dataclass
class CatalogueCheck:
    rows: list[catalogue_csv.Row] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not any(r.errors for r in self.rows)

    def as_json(self) -> list[dict[str, Any]]:
        return [row.as_json() for row in self.rows]


def _read_upload(content: bytes) -> None:
    if len(content) > MAX_UPLOAD_BYTES:
        raise ApplicationError(
            _("The file is too large: the largest file accepted is 2 MB."),
            field_errors={"file": [_("The file is too large.")]},
        )


def catalogue_check(*, access: Access, content: bytes, owner: Owner) -> CatalogueCheck:
    """Read and check every row of a catalogue CSV; writes nothing. Row errors are in the user's language."""
    if not can_own(access, owner):
        raise AccessDenied(_("You can import opportunities only for your own partner or project."))
    _read_upload(content)
    try:
        rows = catalogue_csv.read_rows(content)
    except ImportFileError as error:
        raise ApplicationError(error.message, field_errors={"file": [error.message]}) from error
    existing = {
        o.code: o
        for o in LearningOpportunity.objects.select_related("partner").filter(
            code__in=[r.raw.get("code", "") for r in rows]
        )
    }
    seen: set[str] = set()
    for row in rows:
        catalogue_csv.parse_row(row)
        if row.errors:
            continue
        values = dict(row.values)
        values["is_active"] = values.pop("active")
        errors, _concepts = check_opportunity(values, values.pop("skills"))
        for name, messages in errors.items():
            row.errors.extend(f"{name}: {m}" for m in messages)
        code = row.values["code"]
        if code in seen:
            row.errors.append(_("The code %(code)s appears on an earlier row too.") % {"code": code})
        seen.add(code)
        if code in existing and not selectors.can_edit_opportunity(access, existing[code]):
            row.errors.append(
                _("An opportunity with the code %(code)s belongs to another organisation.") % {"code": code}
            )
    return CatalogueCheck(rows=rows)


def catalogue_import(*, access: Access, actor: User | None, content: bytes, owner: Owner) -> int:
    """Create or update every row (by code), all or nothing; the number of opportunities written."""
    checked = catalogue_check(access=access, content=content, owner=owner)
    failed = [r for r in checked.rows if r.errors]
    if failed:
        raise ApplicationError(
            ngettext(
                "Nothing was imported: %(count)s row has errors.",
                "Nothing was imported: %(count)s rows have errors.",
                len(failed),
            )
            % {"count": len(failed)},
            field_errors={f"row {r.number}": r.errors for r in failed},
        )
    with transaction.atomic():
        existing = {
            o.code: o
            for o in LearningOpportunity.objects.filter(code__in=[r.values["code"] for r in checked.rows])
        }
        for row in checked.rows:
            values = dict(row.values)
            values["is_active"] = values.pop("active")
            skills = values.pop("skills")
            opportunity_save(
                access=access,
                actor=actor,
                values=values,
                skill_uris=skills,
                owner=owner,
                opportunity=existing.get(values["code"]),
            )
    return len(checked.rows)


# --- the engine's input ---------------------------------------------------------------------------


def learner_languages(person: Person) -> dict[str, str]:
    return dict(LanguageSkill.objects.filter(person=person).values_list("language", "level"))


def target_skills(plan: Plan) -> list[planning.TargetSkill]:
    if plan.goal_kind == Plan.GoalKind.OCCUPATION and plan.target_id is not None:
        links = OccupationSkill.objects.filter(occupation_id=plan.target_id).values_list(
            "skill__uri", "relation"
        )
        return [planning.TargetSkill(uri=uri, essential=relation == "essential") for uri, relation in links]
    uris = Concept.objects.filter(uri__in=BUSINESS_SKILLS).values_list("uri", flat=True)
    return [planning.TargetSkill(uri=uri, essential=True) for uri in uris]


def plan_opportunities(person: Person) -> list[LearningOpportunity]:
    """Active opportunities open to the person: platform-wide ones and those of their projects."""
    projects = set(Participation.objects.filter(person=person).values_list("project_id", flat=True))
    return list(
        LearningOpportunity.objects.filter(is_active=True).filter(
            Q(project__isnull=True, partner__isnull=True) | Q(project_id__in=projects)
        )
    )


def engine_opportunity(opportunity: LearningOpportunity, skills: Iterable[str]) -> planning.Opportunity:
    return planning.Opportunity(
        id=str(opportunity.pk),
        skills=frozenset(skills),
        hours=float(opportunity.hours),
        cost=float(opportunity.cost),
        languages=dict(opportunity.languages or {}),
        mode=opportunity.mode,
        starts=None if opportunity.self_paced else opportunity.starts_on,
        ends=None if opportunity.self_paced else opportunity.ends_on,
    )


def _analyse(
    plan: Plan,
) -> tuple[planning.Gap, planning.Taxonomy, list[LearningOpportunity], dict[int, list[str]]]:
    target = target_skills(plan)
    have = confirmed_skill_uris(plan.person)
    opportunities = plan_opportunities(plan.person)
    skill_map: dict[int, list[str]] = {}
    for pk, uri in LearningOpportunity.skills.through.objects.filter(
        learningopportunity_id__in=[o.pk for o in opportunities]
    ).values_list("learningopportunity_id", "concept__uri"):
        skill_map.setdefault(pk, []).append(uri)
    involved = {t.uri for t in target} | have | {u for us in skill_map.values() for u in us}
    broader = esco_selectors.broader_closure(involved)
    taxonomy = planning.Taxonomy(
        broader=broader,
        related=esco_selectors.related_map(involved),
        groups=esco_selectors.skill_group_uris(set(broader) | {b for bs in broader.values() for b in bs}),
    )
    gap = planning.analyse_gap(target=target, have=have, taxonomy=taxonomy)
    return gap, taxonomy, opportunities, skill_map


def _gap_json(gap: planning.Gap) -> dict[str, Any]:
    return {
        "items": [
            {
                "uri": i.uri,
                "essential": i.essential,
                "status": i.status,
                "covered_by": list(i.covered_by),
                "reason": i.reason,
                "priority": round(i.priority, 4),
            }
            for i in gap.items
        ],
        "essential_total": gap.essential_total,
        "essential_covered": gap.essential_covered,
        "optional_total": gap.optional_total,
        "optional_covered": gap.optional_covered,
    }


def _recommendation_json(rec: planning.Recommendation) -> dict[str, Any]:
    return {
        "chosen": [
            {"opportunity": int(c.opportunity_id), "covers": list(c.covers), "reason": c.reason}
            for c in rec.chosen
        ],
        "uncovered": list(rec.uncovered),
        "total_hours": rec.total_hours,
        "total_cost": rec.total_cost,
        "excluded": [{"opportunity": int(e.opportunity_id), "reason": e.reason} for e in rec.excluded],
        "optimal": rec.optimal,
    }


def _recommend(plan: Plan) -> tuple[planning.Gap, planning.Recommendation]:
    gap, taxonomy, opportunities, skill_map = _analyse(plan)
    learner = planning.Learner(
        languages=learner_languages(plan.person),
        mode=plan.preferred_mode or None,
        today=timezone.localdate(),
    )
    rec = planning.recommend(
        gap=gap,
        opportunities=[engine_opportunity(o, skill_map.get(o.pk, ())) for o in opportunities],
        learner=learner,
        taxonomy=taxonomy,
    )
    return gap, rec


def refresh_gap(*, plan: Plan) -> Plan:
    """Analyse the gap again from the confirmed profile as it is now and store it on the plan.

    The items stay as the person and coordinator left them (decision 0043); the plan moves on: a draft
    with progress becomes active, and a plan with no essential gap left and nothing planned or ongoing is done.
    """
    gap, _taxonomy, _opportunities, _skill_map = _analyse(plan)
    stored = dict(plan.gap or {})
    stored.update(_gap_json(gap))
    plan.gap = stored
    plan.gap_computed_at = timezone.now()
    open_items = plan.items.filter(status__in=[PlanItem.Status.PLANNED, PlanItem.Status.ENROLLED]).exists()
    if plan.items.filter(status=PlanItem.Status.COMPLETED).exists():
        if gap.essential_covered >= gap.essential_total and not open_items:
            plan.status = Plan.Status.DONE
        elif plan.status == Plan.Status.DRAFT:
            plan.status = Plan.Status.ACTIVE
    plan.save(update_fields=["gap", "gap_computed_at", "status", "updated_at"])
    return plan


def _check_plan_access(access: Access, person_id: int) -> None:
    if not can_view_person(access, person_id):
        raise AccessDenied(_("You can edit only your own plan or the plans of your participants."))


def _audit_plan(
    actor: User | None, access: Access, action: str, obj: Any, plan: Plan, fields: Iterable[str] = ()
) -> None:
    audit_record(
        actor=_actor(actor),
        action=action,
        obj=obj,
        person_id=plan.person_id,
        partner_id=reading_partner_id(access=access, person_id=plan.person_id),
        fields=fields,
    )


@transaction.atomic
def propose(*, access: Access, actor: User | None, plan: Plan) -> Plan:
    """Run the engine again and store its proposal: planned items the engine added earlier are replaced;
    items added by hand, and items enrolled, completed or dropped, stay as they are."""
    _check_plan_access(access, plan.person_id)
    gap, rec = _recommend(plan)
    plan.items.filter(source=PlanItem.Source.ENGINE, status=PlanItem.Status.PLANNED).delete()
    kept = set(plan.items.exclude(opportunity__isnull=True).values_list("opportunity_id", flat=True))
    order = (plan.items.aggregate(m=Max("order"))["m"] or 0) + 1
    for choice in rec.chosen:
        pk = int(choice.opportunity_id)
        if pk in kept:
            continue
        PlanItem.objects.create(
            plan=plan,
            opportunity_id=pk,
            order=order,
            source=PlanItem.Source.ENGINE,
            reason=choice.reason,
            covers=list(choice.covers),
        )
        order += 1
    plan.gap = {**_gap_json(gap), "recommendation": _recommendation_json(rec)}
    plan.gap_computed_at = timezone.now()
    plan.save(update_fields=["gap", "gap_computed_at", "updated_at"])
    _audit_plan(actor, access, AuditEvent.Action.UPDATE, plan, plan, ["items"])
    return plan


PLAN_FIELDS = ("goal_kind", "target", "business_goal", "preferred_mode", "status")


def _check_goal(goal_kind: str, target: Concept | None, business_goal: str) -> None:
    if goal_kind == Plan.GoalKind.OCCUPATION and (target is None or target.kind != Concept.Kind.OCCUPATION):
        raise ApplicationError(
            _("Choose the occupation you aim at."), field_errors={"target": [_("Choose an ESCO occupation.")]}
        )
    if goal_kind == Plan.GoalKind.BUSINESS and not business_goal.strip():
        raise ApplicationError(
            _("Describe the business you plan."),
            field_errors={"business_goal": [_("Describe your business goal.")]},
        )


@transaction.atomic
def build_plan(
    *,
    access: Access,
    actor: User | None,
    person: Person,
    goal_kind: str,
    target: Concept | None = None,
    business_goal: str = "",
    preferred_mode: str = "",
) -> Plan:
    """A new plan for the person with the engine's proposal stored as its items."""
    _check_plan_access(access, person.pk)
    _check_goal(goal_kind, target, business_goal)
    plan = Plan.objects.create(
        person=person,
        goal_kind=goal_kind,
        target=target if goal_kind == Plan.GoalKind.OCCUPATION else None,
        business_goal=business_goal.strip(),
        preferred_mode=preferred_mode,
        created_by=_actor(actor),
    )
    _audit_plan(actor, access, AuditEvent.Action.CREATE, plan, plan)
    return propose(access=access, actor=actor, plan=plan)


@transaction.atomic
def plan_update(*, access: Access, actor: User | None, plan: Plan, data: dict[str, Any]) -> Plan:
    """Change the goal, mode or status; a new goal or mode is analysed and proposed again."""
    _check_plan_access(access, plan.person_id)
    changed = [n for n in PLAN_FIELDS if n in data and getattr(plan, n) != data[n]]
    for name in changed:
        setattr(plan, name, data[name])
    _check_goal(plan.goal_kind, plan.target, plan.business_goal)
    if plan.goal_kind == Plan.GoalKind.BUSINESS:
        plan.target = None
    plan.save()
    if changed:
        _audit_plan(actor, access, AuditEvent.Action.UPDATE, plan, plan, changed)
    if set(changed) & {"goal_kind", "target", "preferred_mode"}:
        propose(access=access, actor=actor, plan=plan)
    return plan


@transaction.atomic
def plan_delete(*, access: Access, actor: User | None, plan: Plan) -> None:
    _check_plan_access(access, plan.person_id)
    _audit_plan(actor, access, AuditEvent.Action.DELETE, plan, plan)
    plan.delete()


# --- items, milestones, comments -----------------------------------------------------------------


@transaction.atomic
def item_add(
    *,
    access: Access,
    actor: User | None,
    plan: Plan,
    opportunity: LearningOpportunity | None = None,
    text: str = "",
) -> PlanItem:
    _check_plan_access(access, plan.person_id)
    if opportunity is None and not text.strip():
        raise ApplicationError(
            _("Choose an opportunity or describe the item."), field_errors={"text": [_("Describe the item.")]}
        )
    order = (plan.items.aggregate(m=Max("order"))["m"] or 0) + 1
    item = PlanItem.objects.create(plan=plan, opportunity=opportunity, text=text.strip()[:300], order=order)
    _audit_plan(actor, access, AuditEvent.Action.CREATE, item, plan)
    return item


@transaction.atomic
def item_update(*, access: Access, actor: User | None, item: PlanItem, data: dict[str, Any]) -> PlanItem:
    """Change an item's status, order or text. Marking it completed records a completion (see below)."""
    plan = item.plan
    _check_plan_access(access, plan.person_id)
    if (
        data.get("status") == PlanItem.Status.COMPLETED
        and item.opportunity_id is not None
        and item.status != PlanItem.Status.COMPLETED
    ):
        assert item.opportunity is not None
        completion_record(
            access=access,
            actor=actor,
            person=plan.person,
            opportunity=item.opportunity,
            completed_on=data.get("completed_on") or timezone.localdate(),
            note=data.get("note", ""),
        )
        item.refresh_from_db()
    changed = []
    for name in ("status", "order", "text", "enrolled_on", "completed_on"):
        if name in data and data[name] is not None and getattr(item, name) != data[name]:
            setattr(item, name, data[name])
            changed.append(name)
    if item.status == PlanItem.Status.ENROLLED and item.enrolled_on is None:
        item.enrolled_on = timezone.localdate()
        changed.append("enrolled_on")
    if item.status == PlanItem.Status.COMPLETED and item.completed_on is None:
        item.completed_on = timezone.localdate()
        changed.append("completed_on")
    if changed:
        item.save()
        _audit_plan(actor, access, AuditEvent.Action.UPDATE, item, plan, changed)
        if "status" in changed:
            _close_milestones(item)
            refresh_gap(plan=plan)
    return item


@transaction.atomic
def item_move(*, access: Access, actor: User | None, item: PlanItem, up: bool) -> None:
    """Swap the item with its neighbour above (or below)."""
    plan = item.plan
    _check_plan_access(access, plan.person_id)
    items = list(plan.items.order_by("order", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    other_index = index - 1 if up else index + 1
    if not 0 <= other_index < len(items):
        return
    items[index], items[other_index] = items[other_index], items[index]
    for position, row in enumerate(items, start=1):
        if row.order != position:
            row.order = position
            row.save(update_fields=["order", "updated_at"])
    _audit_plan(actor, access, AuditEvent.Action.UPDATE, item, plan, ["order"])


@transaction.atomic
def item_remove(*, access: Access, actor: User | None, item: PlanItem) -> None:
    plan = item.plan
    _check_plan_access(access, plan.person_id)
    _audit_plan(actor, access, AuditEvent.Action.DELETE, item, plan)
    item.delete()


@transaction.atomic
def milestone_save(
    *,
    access: Access,
    actor: User | None,
    plan: Plan,
    data: dict[str, Any],
    milestone: Milestone | None = None,
) -> Milestone:
    _check_plan_access(access, plan.person_id)
    item = data.get("item")
    if item is not None and item.plan_id != plan.pk:
        raise ApplicationError(
            _("The item is not part of this plan."),
            field_errors={"item": [_("Choose an item of this plan.")]},
        )
    created = milestone is None
    milestone = milestone or Milestone(plan=plan)
    for name in ("title", "due_on", "status", "item"):
        if name in data:
            setattr(milestone, name, data[name])
    if not milestone.title.strip():
        raise ApplicationError(_("Give the milestone a title."), field_errors={"title": [_("Give a title.")]})
    milestone.done_at = (
        (milestone.done_at or timezone.now()) if milestone.status == Milestone.Status.DONE else None
    )
    milestone.save()
    _audit_plan(
        actor, access, AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE, milestone, plan
    )
    return milestone


@transaction.atomic
def milestone_delete(*, access: Access, actor: User | None, milestone: Milestone) -> None:
    _check_plan_access(access, milestone.plan.person_id)
    _audit_plan(actor, access, AuditEvent.Action.DELETE, milestone, milestone.plan)
    milestone.delete()


def _close_milestones(item: PlanItem) -> None:
    if item.status == PlanItem.Status.COMPLETED:
        item.milestones.filter(status=Milestone.Status.OPEN).update(
            status=Milestone.Status.DONE, done_at=timezone.now(), updated_at=timezone.now()
        )


@transaction.atomic
def comment_add(*, access: Access, actor: User, plan: Plan, text: str) -> Comment:
    """A comment on the plan; a coordinator's (or admin's) comment is marked as a review."""
    _check_plan_access(access, plan.person_id)
    if not text.strip():
        raise ApplicationError(_("Write a comment."), field_errors={"text": [_("Write a comment.")]})
    comment = Comment.objects.create(
        plan=plan, author=actor, text=text.strip(), is_review=access.person_id != plan.person_id
    )
    _audit_plan(actor, access, AuditEvent.Action.CREATE, comment, plan)
    return comment


# --- completions ----------------------------------------------------------------------------------


def completion_reference(completion: Completion) -> str:
    return f"learning.completion:{completion.pk}"


@transaction.atomic
def completion_record(
    *,
    access: Access,
    actor: User | None,
    person: Person,
    opportunity: LearningOpportunity,
    completed_on: dt.date,
    grade: str = "",
    note: str = "",
    source: str = Completion.Source.MANUAL,
) -> tuple[Completion, bool]:
    """Record that the person completed the opportunity (once; a repeat changes nothing) and act on it:
    each of its skills is confirmed in the profile with the completion as evidence, the person's plan
    items of it are completed, milestones linked to them are closed, and their plans' gaps recomputed.
    Returns the completion and whether it is new."""
    _check_plan_access(access, person.pk)
    if completed_on > timezone.localdate():
        raise ApplicationError(
            _("The completion date is in the future."),
            field_errors={"completed_on": [_("Give a date that has passed.")]},
        )
    completion, created = Completion.objects.get_or_create(
        person=person,
        opportunity=opportunity,
        defaults={
            "completed_on": completed_on,
            "grade": grade[:40],
            "note": note[:500],
            "source": source,
            "recorded_by": _actor(actor),
        },
    )
    if not created:
        return completion, False
    title = opportunity.title("en")
    for skill in opportunity.skills.all():
        add_confirmed_skill(
            person=person,
            skill=skill,
            kind=SkillEvidence.Kind.COMPLETION,
            text=f"Completed: {title}, {completed_on.isoformat()}"[:500],
            reference=completion_reference(completion),
            actor=_actor(actor),
        )
    plans = set()
    for item in PlanItem.objects.filter(plan__person=person, opportunity=opportunity).select_related("plan"):
        if item.status != PlanItem.Status.COMPLETED:
            item.status = PlanItem.Status.COMPLETED
            item.completed_on = completed_on
            item.save(update_fields=["status", "completed_on", "updated_at"])
        _close_milestones(item)
        plans.add(item.plan)
    for plan in plans:
        refresh_gap(plan=plan)
    audit_record(
        actor=_actor(actor),
        action=AuditEvent.Action.CREATE,
        obj=completion,
        person_id=person.pk,
        partner_id=reading_partner_id(access=access, person_id=person.pk),
    )
    return completion, True


@dataclass
class MoocRow:
    number: int
    email: str
    course: str
    completed_on: dt.date | None
    grade: str
    status: str = "matched"  # matched | unmatched-person | unmatched-course | invalid | recorded | already
    message: str = ""
    person_id: int | None = None
    opportunity_id: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.number,
            "email": self.email,
            "course": self.course,
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
            "grade": self.grade,
            "status": self.status,
            "message": self.message,
        }


def mooc_import(
    *,
    access: Access,
    actor: User | None,
    partner: Partner,
    content: bytes,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
) -> list[MoocRow]:
    """Completions from a MOOC platform's CSV export, matched by e-mail to the partner's participants and
    by course id, code or web address to the catalogue. Unmatched rows are reported and skipped; matched
    ones are recorded (unless `dry_run`); a row already recorded is reported as such, so re-importing
    the same file changes nothing."""
    if not access.can_manage_partner(partner.pk):
        raise AccessDenied(_("You can import completions only for your own partner organisation."))
    _read_upload(content)
    try:
        table = mooc_csv.read(content, mapping=mapping)
    except ImportFileError as error:
        raise ApplicationError(error.message, field_errors={"file": [error.message]}) from error
    emails = {r["email"].lower() for r in table if r["email"]}
    people: dict[str, int] = {}
    for person_id, email in Participation.objects.filter(
        partner=partner, person__email__in=[e for e in emails], person__anonymised_at__isnull=True
    ).values_list("person_id", "person__email"):
        people.setdefault(email.lower(), person_id)
    if len(people) < len(emails):  # e-mail case differs in the register
        for person_id, email in Participation.objects.filter(partner=partner).values_list(
            "person_id", "person__email"
        ):
            if email and email.lower() in emails:
                people.setdefault(email.lower(), person_id)
    catalogue = mooc_csv.course_index(
        LearningOpportunity.objects.filter(
            Q(project_id=partner.project_id) | Q(project__isnull=True, partner__isnull=True)
        )
    )
    rows: list[MoocRow] = []
    for raw in table:
        row = MoocRow(
            number=raw["row"],
            email=raw["email"],
            course=raw["course"],
            completed_on=raw["completed_on"],
            grade=raw["grade"],
        )
        rows.append(row)
        if row.completed_on is None:
            row.status, row.message = "invalid", _("The completion date is missing or not a date.")
            continue
        row.person_id = people.get(row.email.lower())
        if row.person_id is None:
            row.status, row.message = (
                "unmatched-person",
                _("No participant of your partner has this e-mail address."),
            )
            continue
        row.opportunity_id = catalogue.get(mooc_csv.course_key(row.course))
        if row.opportunity_id is None:
            row.status, row.message = (
                "unmatched-course",
                _("No opportunity in the catalogue has this course id or address."),
            )
            continue
    if dry_run:
        done = set(
            Completion.objects.filter(person_id__in=[r.person_id for r in rows if r.person_id]).values_list(
                "person_id", "opportunity_id"
            )
        )
        for row in rows:
            if row.status == "matched" and (row.person_id, row.opportunity_id) in done:
                row.status, row.message = "already", _("Already recorded.")
        return rows
    with transaction.atomic():
        persons = Person.objects.in_bulk([r.person_id for r in rows if r.status == "matched"])
        opportunities = LearningOpportunity.objects.in_bulk(
            [r.opportunity_id for r in rows if r.status == "matched"]
        )
        for row in rows:
            if row.status != "matched":
                continue
            assert (
                row.person_id is not None and row.opportunity_id is not None and row.completed_on is not None
            )
            try:
                _completion, created = completion_record(
                    access=access,
                    actor=actor,
                    person=persons[row.person_id],
                    opportunity=opportunities[row.opportunity_id],
                    completed_on=row.completed_on,
                    grade=row.grade,
                    note=_("Imported from a MOOC platform"),
                    source=Completion.Source.IMPORT,
                )
            except ApplicationError as error:
                row.status, row.message = "invalid", error.message
                continue
            row.status, row.message = (
                ("recorded", _("Recorded.")) if created else ("already", _("Already recorded."))
            )
    return rows


def mooc_summary(rows: Sequence[MoocRow]) -> dict[str, int]:
    summary: dict[str, int] = {}
    for row in rows:
        summary[row.status] = summary.get(row.status, 0) + 1
    return summary


@transaction.atomic
def opportunity_delete(*, access: Access, actor: User | None, opportunity: LearningOpportunity) -> None:
    """Delete an opportunity nobody planned or completed; a used one can only be made inactive."""
    if not selectors.can_edit_opportunity(access, opportunity):
        raise AccessDenied(_("You can edit only the opportunities of your own partner or project."))
    if opportunity.plan_items.exists() or opportunity.completions.exists():
        raise ApplicationError(_("This opportunity is in plans or completions: make it inactive instead."))
    audit_record(
        actor=_actor(actor),
        action=AuditEvent.Action.DELETE,
        obj=opportunity,
        partner_id=opportunity.partner_id,
    )
    opportunity.delete()
