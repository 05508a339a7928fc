"""Cells a spreadsheet would run as formulas are exported as text and read back unchanged."""

import pytest

from polku.core.spreadsheet import protect, unprotect


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://evil.example","Click")', '\'=HYPERLINK("http://evil.example","Click")'),
        ("+358 40 123", "'+358 40 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),  # already quoted by hand: one more, so that the import gives it back as it was
        ("''-x", "'''-x"),
    ],
)
def test_formula_starts_are_quoted_and_read_back(value, cell):
    assert protect(value) == cell
    assert unprotect(cell) == value


@pytest.mark.parametrize("value", ["", "Omnia", "forklift-card", "1.5", "it's", "'quoted'", "a=b", "x-1"])
def test_other_text_is_left_as_it_is(value):
    assert protect(value) == value
    assert unprotect(value) == value


def test_a_cell_quoted_by_hand_is_read_as_its_text():
    assert unprotect("'=not a formula") == "=not a formula"
