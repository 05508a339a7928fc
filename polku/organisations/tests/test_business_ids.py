"""One business-ID helper for Finland, Sweden and Norway: the register's format, and an error that names
the check digit the number should end in."""

from __future__ import annotations

import pytest

from polku.organisations.business_ids import (
    BusinessIdError,
    business_id_check,
    business_id_normalise,
    expected_check_digit,
)


@pytest.mark.parametrize(
    ("value", "country", "expected"),
    [
        ("0201256-6", "FI", "0201256-6"),
        ("02012566", "FI", "0201256-6"),
        ("556036-0793", "SE", "556036-0793"),
        ("5560360793", "SE", "556036-0793"),
        ("988077917", "NO", "988 077 917"),
        ("988 077 917", None, "988 077 917"),
    ],
)
def test_valid_numbers_in_their_registers_format(value, country, expected):
    assert business_id_check(value, country=country).value == expected


@pytest.mark.parametrize(
    ("value", "country", "digit"),
    [("0201256-7", "FI", "6"), ("556036-0794", "SE", "3"), ("988077918", "NO", "7")],
)
def test_a_wrong_check_digit_is_named(value, country, digit):
    with pytest.raises(BusinessIdError) as error:
        business_id_check(value, country=country)
    assert error.value.code == "check_digit" and error.value.check_digit == digit
    assert f"ends in {digit}" in error.value.message
    assert expected_check_digit(country, value) == digit


def test_other_errors():
    with pytest.raises(BusinessIdError) as error:
        business_id_check("", country="FI")
    assert error.value.code == "required"
    with pytest.raises(BusinessIdError) as error:
        business_id_check("12", country="FI")
    assert error.value.code == "format"
    with pytest.raises(BusinessIdError) as error:
        business_id_check("0201256-6", country="DK")
    assert error.value.code == "country"
    assert business_id_normalise("not an id") is None
    assert business_id_normalise("0201256-6") == ("FI", "0201256-6")


def test_finnish_check_digit_with_no_digit_is_refused():
    # a base whose weighted sum leaves 1 (mod 11) has no check digit: such numbers are never issued
    base = next(
        f"{n:07d}"
        for n in range(10_000)
        if sum(int(d) * w for d, w in zip(f"{n:07d}", (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11 == 1
    )
    assert expected_check_digit("FI", base + "0") is None
    with pytest.raises(BusinessIdError, match="no check digit fits"):
        business_id_check(f"{base}-0", country="FI")


@pytest.mark.parametrize(("value", "digit"), [("0201256-7", "6"), ("556036-0794", "3"), ("988077918", "7")])
def test_without_a_country_the_one_register_whose_shape_fits_names_the_digit(value, digit):
    with pytest.raises(BusinessIdError) as error:
        business_id_check(value)
    assert error.value.check_digit == digit
