"""Writes about organisations. Only platform admins create and change them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.core.errors import AccessDenied, ApplicationError, field_errors_from
from polku.organisations.models import Organisation

ORGANISATION_FIELDS = ("name", "kind", "country", "business_id", "website")


def _require_admin(access: Access) -> None:
    if not access.is_admin:
        raise AccessDenied(_("Only platform admins can create or change organisations."))


def _validate(organisation: Organisation) -> None:
    """Field formats and the model's rules (business ID), then uniqueness, all reported together."""
    errors: dict[str, list[str]] = {}
    try:
        # Constraints are checked below with messages that name the field.
        organisation.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = field_errors_from(error)
    if (
        organisation.country
        and "country" not in errors
        and pycountry.countries.get(alpha_2=organisation.country) is None
    ):
        errors["country"] = [_("Unknown country code %(code)s.") % {"code": organisation.country}]
    if organisation.business_id and "business_id" not in errors:
        taken = Organisation.objects.filter(business_id=organisation.business_id).exclude(pk=organisation.pk)
        if taken.exists():
            errors["business_id"] = [_("Another organisation already has this business ID.")]
    if errors:
        raise ApplicationError(_("Please correct the errors below."), field_errors=errors)


def _save(organisation: Organisation, *, update_fields: list[str] | None = None) -> None:
    try:
        with transaction.atomic():
            organisation.save(update_fields=update_fields)
    except IntegrityError as error:  # the same business ID saved at the same moment
        raise ApplicationError(
            _("Another organisation already has this business ID."),
            field_errors={"business_id": [_("Another organisation already has this business ID.")]},
        ) from error


def organisation_create(
    *,
    access: Access,
    name: str,
    kind: str,
    country: str,
    business_id: str = "",
    website: str = "",
) -> Organisation:
    _require_admin(access)
    organisation = Organisation(
        name=name.strip(),
        kind=kind,
        country=country.strip().upper(),
        business_id=business_id.strip(),
        website=website.strip(),
    )
    _validate(organisation)
    _save(organisation)
    return organisation


def organisation_update(
    *, access: Access, organisation: Organisation, data: Mapping[str, Any]
) -> Organisation:
    """Change the given fields; the others stay as they are."""
    _require_admin(access)
    values = {
        k: (v.strip() if isinstance(v, str) else v) for k, v in data.items() if k in ORGANISATION_FIELDS
    }
    if "country" in values:
        values["country"] = values["country"].upper()
    for name, value in values.items():
        setattr(organisation, name, value)
    _validate(organisation)  # clean() may normalise the business ID, so it counts as changed
    changed = [name for name in ORGANISATION_FIELDS if name in values or name == "business_id"]
    _save(organisation, update_fields=[*changed, "updated_at"])
    return organisation
