"""Business transfers: listings of companies looking for a successor, successor profiles, and the
introductions a coordinator mediates.

An introduction goes: the coordinator proposes it (with the match's reasons) → the participant agrees
(on their own page, seeing the listing without its confidential fields) → the owner agrees, which the
coordinator records → the names are exchanged: only then does the participant see the company's name,
exact figures and the owner's contact, and the coordinator passes the participant's name to the owner.
Each step is an audit event. Completing it records the company taken over (services.companies).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import changed_fields
from polku.core.errors import AccessDenied, ApplicationError
from polku.entrepreneurship import codes
from polku.entrepreneurship.models import (
    CapitalBand,
    Introduction,
    StaffBand,
    SuccessorProfile,
    Timeline,
    TransferListing,
    TurnoverBand,
)
from polku.entrepreneurship.services.common import audit, correct_errors
from polku.esco.models import Concept
from polku.matching.cefr import rank
from polku.matching.errors import InvalidInput
from polku.participants.models import Participation
from polku.projects.models import Partner

LISTING_FIELDS = (
    "headline",
    "industry",
    "country",
    "region",
    "region_text",
    "staff_band",
    "turnover_band",
    "reason",
    "handover_by",
    "experience_years",
    "languages",
    "capital_band",
    "company_name",
    "figures",
    "owner_contact",
)
TEXT_FIELDS = ("headline", "region_text", "reason", "company_name", "figures", "owner_contact")
PROFILE_FIELDS = (
    "industries",
    "regions",
    "anywhere_in_finland",
    "capital_band",
    "timeline",
    "experience_years",
    "note",
    "active",
)


def listing_errors(data: Mapping[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not (data.get("headline") or "").strip():
        errors["headline"] = [_("Write a headline without the company's name.")]
    industry = data.get("industry") or ""
    if not industry:
        errors["industry"] = [_("Choose the company's industry.")]
    elif industry not in codes.industries() or not codes.industries()[industry].section:
        errors["industry"] = [_("Choose the industry from the list.")]
    country = data.get("country") or ""
    region, region_text = data.get("region") or "", (data.get("region_text") or "").strip()
    if len(country) != 2:
        errors["country"] = [_("Choose the country.")]
    if country == "FI":
        if not region:
            errors["region"] = [_("Choose the region where the company is.")]
        elif region not in codes.fi_regions():
            errors["region"] = [_("Choose the region from the list.")]
    elif not region_text:
        errors["region_text"] = [_("Write the region where the company is.")]
    if data.get("staff_band") not in StaffBand.values:
        errors["staff_band"] = [_("Choose the size by staff.")]
    if data.get("turnover_band") not in TurnoverBand.values:
        errors["turnover_band"] = [_("Choose the size by turnover.")]
    if data.get("capital_band") not in CapitalBand.values:
        errors["capital_band"] = [_("Choose the capital the buyer needs.")]
    languages = data.get("languages") or {}
    try:
        for level in languages.values():
            rank(level)
    except (InvalidInput, AttributeError):
        errors["languages"] = [_("Give each language with a level from A1 to C2.")]
    if not (data.get("company_name") or "").strip():
        errors["company_name"] = [_("Give the company's name: it stays hidden until the owner agrees.")]
    return errors


def _clean_listing(data: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = {name: data[name] for name in LISTING_FIELDS if name in data}
    for name in TEXT_FIELDS:
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip()
    if cleaned.get("country") and cleaned["country"] != "FI":
        cleaned["region"] = ""
    elif "country" in cleaned:
        cleaned["region_text"] = ""
    return cleaned


def _audit_listing(actor: User, action: str, listing: TransferListing, fields: Iterable[str]) -> None:
    audit(actor, action, listing, person_id=None, partner_id=listing.partner_id, fields=list(fields))


def listing_create(
    *,
    actor: User,
    access: Access,
    partner: Partner,
    data: Mapping[str, Any],
    skills: Iterable[Concept] = (),
) -> TransferListing:
    """A company looking for a successor, entered for its owner; the confidential fields are kept hidden."""
    if not access.can_manage_listing(partner.project_id, partner.pk):
        raise AccessDenied(_("The partner's coordinators and the project lead enter transfer listings."))
    cleaned = _clean_listing(data)
    errors = listing_errors(cleaned)
    if errors:
        raise correct_errors(errors)
    with transaction.atomic():
        listing = TransferListing.objects.create(partner=partner, entered_by=actor, **cleaned)
        listing.skills.set(list(skills))
        _audit_listing(actor, AuditEvent.Action.CREATE, listing, [k for k, v in cleaned.items() if v])
    return listing


def listing_update(
    *,
    actor: User,
    access: Access,
    listing: TransferListing,
    data: Mapping[str, Any],
    skills: Iterable[Concept] | None = None,
) -> TransferListing:
    if not access.can_manage_listing(listing.partner.project_id, listing.partner_id):
        raise AccessDenied(_("The partner's coordinators and the project lead change transfer listings."))
    merged = {name: getattr(listing, name) for name in LISTING_FIELDS}
    merged.update(_clean_listing({**merged, **data}))
    if "status" in data:
        if data["status"] not in TransferListing.Status.values:
            raise correct_errors({"status": [_("Choose the status from the list.")]})
        merged["status"] = data["status"]
    errors = listing_errors(merged)
    if errors:
        raise correct_errors(errors)
    changed = changed_fields(listing, merged)
    with transaction.atomic():
        for name in changed:
            setattr(listing, name, merged[name])
        if changed:
            listing.save(update_fields=[*changed, "updated_at"])
        if skills is not None:
            listing.skills.set(list(skills))
            changed.append("skills")
        if changed:
            _audit_listing(actor, AuditEvent.Action.UPDATE, listing, changed)
    return listing


# --- successor profiles ---------------------------------------------------------------------------


def profile_errors(data: Mapping[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    industries = data.get("industries") or []
    if any(code not in codes.industries() for code in industries):
        errors["industries"] = [_("Choose the industries from the list.")]
    regions = data.get("regions") or []
    if any(code not in codes.fi_regions() for code in regions):
        errors["regions"] = [_("Choose the regions from the list.")]
    if not regions and not data.get("anywhere_in_finland"):
        errors["regions"] = [_("Choose at least one region, or anywhere in Finland.")]
    if data.get("capital_band") not in CapitalBand.values:
        errors["capital_band"] = [_("Choose the capital you could put in.")]
    if data.get("timeline") not in Timeline.values:
        errors["timeline"] = [_("Choose when you would take over a company.")]
    return errors


def successor_profile_save(
    *, actor: User, access: Access, participation: Participation, data: Mapping[str, Any]
) -> SuccessorProfile:
    """The participant's wish to take over a company (they themself, or their coordinator)."""
    if not (
        access.is_own_person(participation.person_id) or access.can_manage_partner(participation.partner_id)
    ):
        raise AccessDenied(_("Only the participant and their coordinators keep the successor profile."))
    existing = SuccessorProfile.objects.filter(participation=participation).first()
    merged: dict[str, Any] = (
        {name: getattr(existing, name) for name in PROFILE_FIELDS}
        if existing
        else {"capital_band": CapitalBand.NONE, "timeline": Timeline.YEAR, "active": True}
    )
    merged.update({k: v for k, v in data.items() if k in PROFILE_FIELDS})
    merged["note"] = (merged.get("note") or "").strip()
    errors = profile_errors(merged)
    if errors:
        raise correct_errors(errors)
    with transaction.atomic():
        if existing is None:
            profile = SuccessorProfile.objects.create(participation=participation, **merged)
            changed = list(merged)
        else:
            profile = existing
            changed = changed_fields(profile, merged)
            for name in changed:
                setattr(profile, name, merged[name])
            if changed:
                profile.save(update_fields=[*changed, "updated_at"])
        if changed:
            audit(
                actor,
                AuditEvent.Action.CREATE if existing is None else AuditEvent.Action.UPDATE,
                profile,
                person_id=participation.person_id,
                partner_id=participation.partner_id,
                fields=changed,
            )
    return profile


# --- introductions --------------------------------------------------------------------------------


def _audit_intro(actor: User, introduction: Introduction, fields: list[str]) -> None:
    participation = introduction.successor.participation
    audit(
        actor,
        AuditEvent.Action.UPDATE,
        introduction,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=fields,
    )


def introduction_propose(
    *,
    actor: User,
    access: Access,
    listing: TransferListing,
    successor: SuccessorProfile,
    reasons: list[str] | None = None,
) -> Introduction:
    """The coordinator proposes to introduce a successor of their own partner to the listing's owner."""
    if not access.can_manage_listing(listing.partner.project_id, listing.partner_id):
        raise AccessDenied(_("The listing's coordinators propose introductions."))
    if not access.can_manage_partner(successor.participation.partner_id):
        raise AccessDenied(_("Only the successor's own coordinators propose them to an owner."))
    if listing.status != TransferListing.Status.OPEN:
        raise ApplicationError(_("The listing is no longer looking for a successor."))
    if not successor.active:
        raise ApplicationError(_("The participant is not looking for a company now."))
    try:
        with transaction.atomic():
            introduction = Introduction.objects.create(
                listing=listing, successor=successor, proposed_by=actor, reasons=list(reasons or [])
            )
            participation = successor.participation
            audit(
                actor,
                AuditEvent.Action.CREATE,
                introduction,
                person_id=participation.person_id,
                partner_id=participation.partner_id,
                fields=["listing", "successor"],
            )
    except IntegrityError:
        raise ApplicationError(_("This introduction has already been proposed.")) from None
    return introduction


def _exchange_names_if_both(introduction: Introduction, now: Any) -> list[str]:
    if introduction.participant_agreed_at and introduction.owner_agreed_at:
        introduction.names_exchanged_at = now
        introduction.status = Introduction.Status.AGREED
        return ["names_exchanged_at", "status"]
    return []


def introduction_participant_answer(
    *, actor: User, access: Access, introduction: Introduction, agree: bool
) -> Introduction:
    """The participant agrees to be introduced (or declines) on their own page."""
    if not access.is_own_person(introduction.successor.participation.person_id):
        raise AccessDenied(_("Only the participant answers for themself."))
    with transaction.atomic():
        intro = Introduction.objects.select_for_update().get(pk=introduction.pk)
        if intro.status != Introduction.Status.PROPOSED:
            raise ApplicationError(_("This introduction has already been answered."))
        now = timezone.now()
        if agree:
            intro.participant_agreed_at = now
            fields = ["participant_agreed_at", *_exchange_names_if_both(intro, now)]
        else:
            intro.declined_at, intro.status = now, Introduction.Status.DECLINED
            fields = ["declined_at", "status"]
        intro.save(update_fields=[*fields, "updated_at"])
        _audit_intro(actor, intro, fields)
    return intro


def introduction_owner_answer(
    *, actor: User, access: Access, introduction: Introduction, agree: bool
) -> Introduction:
    """The coordinator records the owner's answer, given to them outside Polku."""
    listing = introduction.listing
    if not access.can_manage_listing(listing.partner.project_id, listing.partner_id):
        raise AccessDenied(_("The listing's coordinators record the owner's answer."))
    with transaction.atomic():
        intro = Introduction.objects.select_for_update().get(pk=introduction.pk)
        if intro.status != Introduction.Status.PROPOSED:
            raise ApplicationError(_("This introduction has already been answered."))
        now = timezone.now()
        if agree:
            intro.owner_agreed_at, intro.owner_agreement_recorded_by = now, actor
            fields = ["owner_agreed_at", *_exchange_names_if_both(intro, now)]
            save = [*fields, "owner_agreement_recorded_by"]
        else:
            intro.declined_at, intro.status = now, Introduction.Status.DECLINED
            fields = save = ["declined_at", "status"]
        intro.save(update_fields=[*save, "updated_at"])
        _audit_intro(actor, intro, fields)
    return intro
