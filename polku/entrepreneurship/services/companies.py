"""Companies founded or taken over: recorded by the participant's coordinator with the business ID
(checked by `polku.organisations.business_ids`, the error naming the check digit), as an outcome of the
participation (polku.outcomes: "Founded a company" or "Took over a company") in the same transaction.

A company founded comes from a business idea (which moves to "started"); a company taken over from an
introduction whose names were exchanged (the listing is then taken over). With POLKU_PRH_CHECK on, a
Finnish business ID is looked up in the business register's open data first (services.prh).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.core.errors import AccessDenied, ApplicationError
from polku.entrepreneurship import codes, prh
from polku.entrepreneurship.models import (
    BusinessIdea,
    Company,
    CompanyForm,
    Introduction,
    TransferListing,
)
from polku.entrepreneurship.services.common import audit, correct_errors, text
from polku.entrepreneurship.services.ideas import stage_started_by_company
from polku.organisations.business_ids import BusinessIdError, business_id_check
from polku.outcomes.models import Outcome
from polku.outcomes.services import outcome_create
from polku.participants.models import Participation


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    name = text(data, "name")
    if not name:
        errors["name"] = [_("Give the company's name.")]
    country = data.get("country") or ""
    business_id = ""
    try:
        business_id = business_id_check(data.get("business_id") or "", country=country or None).value
    except BusinessIdError as error:
        errors["business_id"] = [error.message]
    if data.get("company_form") not in CompanyForm.values:
        errors["company_form"] = [_("Choose the company form.")]
    registered_on = data.get("registered_on")
    if not isinstance(registered_on, dt.date):
        errors["registered_on"] = [_("Give the date the company was registered.")]
    industry = data.get("industry") or ""
    if industry and industry not in codes.industries():
        errors["industry"] = [_("Choose the industry from the list.")]
    if errors:
        raise correct_errors(errors)
    return {
        "name": name,
        "country": country or business_id_check(business_id).country,
        "business_id": business_id,
        "company_form": data["company_form"],
        "registered_on": registered_on,
        "industry": industry,
    }


def _record(
    *,
    actor: User,
    access: Access,
    participation: Participation,
    how: str,
    cleaned: dict[str, Any],
    idea: BusinessIdea | None = None,
    listing: TransferListing | None = None,
) -> Company:
    if not access.can_manage_partner(participation.partner_id):
        raise AccessDenied(_("The participant's coordinators record the companies founded and taken over."))
    found = prh.lookup(cleaned["business_id"]) if cleaned["country"] == "FI" else None
    if found is prh.NOT_FOUND:
        raise correct_errors(
            {"business_id": [_("The Finnish business register has no company with this business ID.")]}
        )
    kind = Outcome.Kind.COMPANY_FOUNDED if how == Company.How.FOUNDED else Outcome.Kind.BUSINESS_TAKEN_OVER
    try:
        with transaction.atomic():
            outcome = outcome_create(
                actor=actor,
                access=access,
                participation=participation,
                data={
                    "kind": kind,
                    "date": cleaned["registered_on"],
                    "business_id": cleaned["business_id"],
                    "description": cleaned["name"],
                },
            )
            company = Company.objects.create(
                participation=participation,
                how=how,
                idea=idea,
                listing=listing,
                outcome=outcome,
                register_name=found.name if isinstance(found, prh.Found) else "",
                register_checked_at=found.checked_at if isinstance(found, prh.Found) else None,
                **cleaned,
            )
            audit(
                actor,
                AuditEvent.Action.CREATE,
                company,
                person_id=participation.person_id,
                partner_id=participation.partner_id,
                fields=list(cleaned),
            )
            if idea is not None:
                stage_started_by_company(actor=actor, idea=idea, on=cleaned["registered_on"])
    except IntegrityError:
        raise correct_errors({"business_id": [_("This company is already recorded.")]}) from None
    except ApplicationError as error:
        if error.field_errors.get("date"):  # the outcome's date rules speak of the registration date here
            raise correct_errors({"registered_on": error.field_errors["date"]}) from None
        raise
    return company


def company_founded(*, actor: User, access: Access, idea: BusinessIdea, data: Mapping[str, Any]) -> Company:
    """The company founded from the idea, recorded for the idea's owner (named as the idea unless named)."""
    cleaned = _clean({"industry": idea.industry, **data, "name": text(data, "name") or idea.title})
    return _record(
        actor=actor,
        access=access,
        participation=idea.participation,
        how=Company.How.FOUNDED,
        cleaned=cleaned,
        idea=idea,
    )


def company_taken_over(
    *, actor: User, access: Access, introduction: Introduction, data: Mapping[str, Any]
) -> Company:
    """The successor took over the listed company: the company, the outcome, and the listing and the
    introduction completed, in one transaction."""
    listing = introduction.listing
    if not access.can_manage_listing(listing.partner.project_id, listing.partner_id):
        raise AccessDenied(_("The listing's coordinators record the transfer."))
    if introduction.names_exchanged_at is None:
        raise ApplicationError(_("A transfer is recorded after both sides agreed to the introduction."))
    cleaned = _clean(
        {"industry": listing.industry, **data, "name": text(data, "name") or listing.company_name}
    )
    with transaction.atomic():
        company = _record(
            actor=actor,
            access=access,
            participation=introduction.successor.participation,
            how=Company.How.TAKEN_OVER,
            cleaned=cleaned,
            listing=listing,
        )
        introduction.status = Introduction.Status.COMPLETED
        introduction.save(update_fields=["status", "updated_at"])
        listing.status = TransferListing.Status.COMPLETED
        listing.save(update_fields=["status", "updated_at"])
        audit(
            actor,
            AuditEvent.Action.UPDATE,
            listing,
            person_id=None,
            partner_id=listing.partner_id,
            fields=["status"],
        )
    return company
