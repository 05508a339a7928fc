"""Business IDs of the Nordic registers, checked one way everywhere: a Finnish business ID (Y-tunnus), a
Swedish organisation number (organisationsnummer) or a Norwegian one (organisasjonsnummer), with their
check digits (python-stdnum). Organisations, outcomes and entrepreneurship call this one helper.

`business_id_check(value, country=...)` returns the ID in its register's format, or raises
`BusinessIdError` whose message says what is wrong, naming the check digit the number should end in when
only that is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum import luhn
from stdnum.exceptions import InvalidChecksum, ValidationError
from stdnum.fi import ytunnus
from stdnum.no import orgnr as no_orgnr
from stdnum.se import orgnr as se_orgnr

COUNTRIES = ("FI", "SE", "NO")
NAMES = {
    "FI": gettext_lazy("Finnish business ID (Y-tunnus, e.g. 1234567-8)"),
    "SE": gettext_lazy("Swedish organisation number (e.g. 556036-0793)"),
    "NO": gettext_lazy("Norwegian organisation number (e.g. 988 077 917)"),
}
_MODULES = {"FI": ytunnus, "SE": se_orgnr, "NO": no_orgnr}


@dataclass(frozen=True)
class BusinessId:
    country: str
    value: str  # in the register's own format


class BusinessIdError(ValueError):
    def __init__(self, message: str, *, code: str, check_digit: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.check_digit = check_digit


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def expected_check_digit(country: str, value: str) -> str | None:
    """The check digit the number's other digits call for (None when they allow none, or the length is wrong)."""
    digits = _digits(value)
    if country == "FI" and len(digits) == 8:
        weights = (7, 9, 10, 5, 8, 4, 2)
        remainder = sum(int(d) * w for d, w in zip(digits[:7], weights, strict=True)) % 11
        return None if remainder == 1 else str(0 if remainder == 0 else 11 - remainder)
    if country == "SE" and len(digits) == 10:
        return luhn.calc_check_digit(digits[:9])
    if country == "NO" and len(digits) == 9:
        for check in "0123456789":
            if no_orgnr.is_valid(digits[:8] + check):
                return check
    return None


def _check_one(country: str, value: str) -> BusinessId:
    module = _MODULES[country]
    try:
        number = module.validate(value)
    except InvalidChecksum:
        digit = expected_check_digit(country, value)
        if digit is None:
            raise BusinessIdError(
                _("%(value)s is not a valid %(kind)s: no check digit fits its other digits.")
                % {"value": value, "kind": NAMES[country]},
                code="check_digit",
            ) from None
        raise BusinessIdError(
            _("The check digit of %(value)s is wrong: with these digits the %(kind)s ends in %(digit)s.")
            % {"value": value, "kind": NAMES[country], "digit": digit},
            code="check_digit",
            check_digit=digit,
        ) from None
    except ValidationError:
        raise BusinessIdError(
            _("%(value)s is not a valid %(kind)s.") % {"value": value, "kind": NAMES[country]},
            code="format",
        ) from None
    return BusinessId(country, module.format(number))


def business_id_check(value: str, *, country: str | None = None) -> BusinessId:
    """The business ID of `country` (FI, SE, NO) in its register's format; with no country, the first of
    Finland, Sweden and Norway whose rules it meets. BusinessIdError otherwise: with no country, the
    check-digit error of the one register whose shape the number has, else a general one."""
    value = (value or "").strip()
    if not value:
        raise BusinessIdError(_("Give the business ID."), code="required")
    if country is not None:
        if country not in COUNTRIES:
            raise BusinessIdError(
                _("Business IDs are checked for Finland, Sweden and Norway only."), code="country"
            )
        return _check_one(country, value)
    check_digit_errors = []
    for candidate in COUNTRIES:
        try:
            return _check_one(candidate, value)
        except BusinessIdError as error:
            if error.code == "check_digit":
                check_digit_errors.append(error)
    if len(check_digit_errors) == 1:  # the number has one register's shape: name the digit it should end in
        raise check_digit_errors[0]
    raise BusinessIdError(
        _(
            "%(value)s is not a valid business ID: give a Finnish business ID (1234567-8) or a Swedish or "
            "Norwegian organisation number."
        )
        % {"value": value},
        code="format",
    )


def business_id_normalise(value: str) -> tuple[str, str] | None:
    """(country, formatted ID) for a valid Finnish, Swedish or Norwegian business ID; None otherwise."""
    try:
        found = business_id_check(value)
    except BusinessIdError:
        return None
    return found.country, found.value
