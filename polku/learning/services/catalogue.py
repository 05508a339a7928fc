"""Writes of the learning catalogue: opportunities created, changed and deleted one by one (pages and API)
or many at once from the catalogue's CSV file (decision 0042, `polku.learning.catalogue_csv`), and the
catalogue written back as that CSV.

Who offers an opportunity is its `Owner`: a partner, a project or the whole platform; the user must be
allowed to manage that owner's opportunities (`Access.can_manage_opportunities`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.assessments import frameworks
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tabular import ImportFileError
from polku.esco.models import Concept
from polku.learning import catalogue_csv
from polku.learning.models import LearningOpportunity, Mode
from polku.learning.services.common import check_upload_size, recorded_actor
from polku.participants.models import Cefr
from polku.projects.models import Partner, Project

LEVELS = set(Cefr.values)
LANGUAGE_CODE_LENGTH = (2, 3)

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

    @property
    def partner_id(self) -> int | None:
        return self.partner.pk if self.partner is not None else None

    @property
    def project_id(self) -> int | None:
        """The owning partner's project, else the owning project; None for the whole platform."""
        if self.partner is not None:
            return self.partner.project_id
        return self.project.pk if self.project is not None else None


def _may_own(access: Access, owner: Owner) -> bool:
    return access.can_manage_opportunities(partner_id=owner.partner_id, project_id=owner.project_id)


def _may_edit(access: Access, opportunity: LearningOpportunity) -> bool:
    return access.can_manage_opportunities(
        partner_id=opportunity.partner_id, project_id=opportunity.owner_project_id
    )


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
            add(
                "languages",
                _("We do not know the language “%(name)s”. Write its name in Finnish, Swedish or English.")
                % {"name": language},
            )
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
    if not _may_own(access, owner) or (opportunity is not None and not _may_edit(access, opportunity)):
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
    audit_record(
        actor=recorded_actor(actor), action=action, obj=opportunity, partner_id=opportunity.partner_id
    )
    return opportunity


@transaction.atomic
def opportunity_delete(*, access: Access, actor: User | None, opportunity: LearningOpportunity) -> None:
    """Delete an opportunity nobody planned or completed; a used one can only be made inactive."""
    if not _may_edit(access, opportunity):
        raise AccessDenied(_("You can edit only the opportunities of your own partner or project."))
    if opportunity.plan_items.exists() or opportunity.completions.exists():
        raise ApplicationError(_("This opportunity is in plans or completions: make it inactive instead."))
    audit_record(
        actor=recorded_actor(actor),
        action=AuditEvent.Action.DELETE,
        obj=opportunity,
        partner_id=opportunity.partner_id,
    )
    opportunity.delete()


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


def catalogue_check(*, access: Access, content: bytes, owner: Owner) -> CatalogueCheck:
    """Read and check every row of a catalogue CSV; writes nothing. Row errors are in the user's language."""
    if not _may_own(access, owner):
        raise AccessDenied(_("You can import opportunities only for your own partner or project."))
    check_upload_size(content)
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
        if code in existing and not _may_edit(access, existing[code]):
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
