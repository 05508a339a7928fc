"""Languages and countries by name: the list, reading a name back into its code, the repair of old codes."""

from __future__ import annotations

import pytest
from django import forms
from django.utils import translation

from polku.core.forms import CountryField, LanguageField, LanguageLevelsField, LanguageListField
from polku.core.names import (
    canonical_language,
    language_choices,
    language_name,
    repair_language_code,
    resolve_country,
    resolve_language,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Dari", "prs"),
        ("Farsi", "fa"),
        ("Persian", "fa"),
        ("persia", "fa"),
        ("Tigrinya", "ti"),
        ("tigrinja", "ti"),
        ("suomi", "fi"),
        ("finska", "fi"),
        ("  Finnish ", "fi"),
        ("arabia", "ar"),
        ("fin", "fi"),
        ("fi", "fi"),
        ("Northern Kurdish", "kmr"),
        ("Sorani", "ckb"),
    ],
)
def test_a_language_is_read_by_its_name_in_any_of_polkus_languages(text: str, code: str) -> None:
    assert resolve_language(text) == code


@pytest.mark.parametrize("text", ["Elvish", "xx", "kli", "", "Dar i"])
def test_a_language_not_on_the_list_is_not_guessed(text: str) -> None:
    assert resolve_language(text) is None


def test_names_are_in_the_readers_language_and_codes_are_one_per_language() -> None:
    assert language_name("fi", "fi") == "Suomi"
    assert language_name("fin", "sv") == "Finska"
    assert language_name("prs", "en") == "Dari"
    assert canonical_language("per") == "fa"
    codes = [code for code, _ in language_choices("fi")]
    assert len(codes) == len(set(codes)) > 500
    assert "prs" in codes and "fa" in codes and "fas" not in codes


def test_old_codes_made_from_first_letters_are_repaired_or_marked() -> None:
    assert repair_language_code("dar") == ("prs", True)
    assert repair_language_code("far") == ("fa", True)
    assert repair_language_code("tig") == ("ti", True)
    assert repair_language_code("fin") == ("fi", True)
    assert repair_language_code("kli") == ("kli", False)  # "Klingon": shown with a "check" mark
    assert repair_language_code("fi") == ("fi", True)


def test_countries_by_name() -> None:
    assert resolve_country("Ruotsi") == "SE"
    assert resolve_country("Sverige") == "SE"
    assert resolve_country("syria") == "SY"
    assert resolve_country("fi") == "FI"
    assert resolve_country("Atlantis") is None


class _Form(forms.Form):
    language = LanguageField(label="Language", required=False)
    spoken = LanguageListField(label="Languages", required=False)
    levels = LanguageLevelsField(label="Levels", required=False)
    country = CountryField(label="Country", required=False)


def test_form_fields_clean_names_to_codes_and_show_names_back() -> None:
    with translation.override("fi"):
        form = _Form(
            {
                "language": "Dari",
                "spoken": "suomi, English",
                "levels": "Farsi C1, Tigrinya native",
                "country": "Suomi",
            }
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data == {
            "language": "prs",
            "spoken": ["fi", "en"],
            "levels": {"fa": "C1", "ti": "native"},
            "country": "FI",
        }
        shown = _Form(initial={"language": "fi", "spoken": ["sv"], "levels": {"fa": "B1"}, "country": "SE"})
        html = str(shown)
        assert 'value="Suomi"' in html and 'value="Ruotsi"' in html and "Persia B1" in html
        assert '<datalist id="language-names">' in html and '<option value="Dari">' in html


def test_an_unknown_language_is_an_error_that_names_it_and_keeps_it() -> None:
    with translation.override("en"):
        form = _Form({"language": "Klingonese", "levels": "Finnish", "country": "Atlantis"})
        assert not form.is_valid()
        assert "Klingonese" in form.errors["language"][0]
        assert "“Finnish”" in form.errors["levels"][0]
        assert "Atlantis" in form.errors["country"][0]
        assert 'value="Klingonese"' in str(form["language"])
