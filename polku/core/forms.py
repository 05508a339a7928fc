"""Pieces every app's forms share: the date input, the country choices, a service's field errors put on
the form, and the error summary every form page shows at its top (each error linked to its input)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from polku.core.errors import ApplicationError
from polku.core.names import (
    canonical_language,
    country_name,
    language_choices,
    language_name,
    resolve_country,
    resolve_language,
)
from polku.core.names import country_choices as country_choices  # the forms' country select

CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%Y-%m-%d")
        super().__init__(**kwargs)


class DateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker; its value has no seconds and a "T" between date and time."""

    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%Y-%m-%dT%H:%M")
        super().__init__(**kwargs)


def response_status(request: HttpRequest, form_ok: bool = True) -> int:
    """The status of a page with a form: 400 when a POST comes back with errors, else 200."""
    return 400 if request.method == "POST" and not form_ok else 200


def apply_field_errors(error: ApplicationError, *forms_: forms.BaseForm) -> None:
    """Put a service's field errors on the form that has the field (or the first form)."""
    for name, messages in error.field_errors.items():
        target = next((f for f in forms_ if name in f.fields), forms_[0])
        for message in messages:
            target.add_error(name if name in target.fields else None, message)


@dataclass
class SummaryItem:
    anchor: str
    label: str
    message: str


def field_anchor(bound_field: forms.BoundField) -> str:
    """The id of the first input of a field, so a link from the error summary lands on it."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id or bound_field.html_name


def error_summary(*forms_: forms.BaseForm, form_anchor: str = "") -> list[SummaryItem]:
    """Every error of the forms, in page order, each with the id of the input it belongs to."""
    items: list[SummaryItem] = []
    for form in forms_:
        for message in form.non_field_errors():
            items.append(SummaryItem(anchor=form_anchor, label="", message=str(message)))
        for bound_field in form:
            for message in bound_field.errors:
                items.append(
                    SummaryItem(
                        anchor=field_anchor(bound_field), label=str(bound_field.label), message=str(message)
                    )
                )
    return items


# --- languages and countries by name ----------------------------------------------------------------------
# A text input with the browser's own suggestion list (<datalist>): type a few letters of the name in your
# language and choose. No script; the server reads the name (or an ISO code) back into the stored code, and a
# name it does not know is an error that keeps what was typed.


class NameListInput(forms.TextInput):
    """A text input suggesting names from a list. Several inputs on a page can share one list: only the
    input made with `datalist=True` writes it."""

    template_name = "core/widgets/name_list_input.html"

    def __init__(self, *, list_id: str, names: Any, datalist: bool = True, attrs: Any = None) -> None:
        super().__init__(attrs={"list": list_id, "autocomplete": "off", **(attrs or {})})
        self.names = names
        self.datalist = datalist

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["datalist"] = self.names() if self.datalist else None
        return context


def _language_names() -> list[tuple[str, str]]:
    return language_choices()


class LanguageField(forms.CharField):
    """One language, chosen by its name in the reader's language; cleans to its ISO 639 code."""

    def __init__(self, *, datalist: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 80)
        kwargs.setdefault(
            "help_text", _("Start typing the name of the language and choose it from the list.")
        )
        kwargs.setdefault(
            "widget", NameListInput(list_id="language-names", names=_language_names, datalist=datalist)
        )
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        code = canonical_language(value) if isinstance(value, str) and len(value) <= 3 else None
        return language_name(code) if code else value

    def clean(self, value: Any) -> str:
        text = super().clean(value) or ""
        if not text.strip():
            return ""
        code = resolve_language(text)
        if code is None:
            raise forms.ValidationError(
                _(
                    "We do not know the language “%(name)s”. Choose it from the list, or write its name in "
                    "Finnish, Swedish or English."
                ),
                code="unknown_language",
                params={"name": text.strip()},
            )
        return code


class LanguageListField(forms.CharField):
    """Several languages by name, separated by commas ("Finnish, English"); cleans to their codes."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "help_text", _("Names of the languages, separated by commas, e.g. Finnish, English")
        )
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(language_name(code) for code in value)
        return value

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value) or ""
        codes: list[str] = []
        unknown: list[str] = []
        for item in re.split(r"[,;\n]", text):
            if not item.strip():
                continue
            code = resolve_language(item)
            if code is None:
                unknown.append(item.strip())
            elif code not in codes:
                codes.append(code)
        if unknown:
            raise forms.ValidationError(
                _(
                    "We do not know these languages: %(names)s. Write their names in Finnish, Swedish or English."
                ),
                code="unknown_language",
                params={"names": ", ".join(unknown)},
            )
        return codes


class LanguageLevelsField(forms.CharField):
    """Languages with a level each ("Finnish B1, English C2, Arabic native"); cleans to {code: level}."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "help_text",
            _(
                "The name of each language and its level (A1 … C2, or native), e.g. “Finnish B1, Arabic native”"
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dict):
            return ", ".join(f"{language_name(code)} {level}" for code, level in value.items())
        return value

    def clean(self, value: Any) -> dict[str, str]:
        text = super().clean(value) or ""
        result: dict[str, str] = {}
        for item in re.split(r"[,;\n]", text):
            words = item.replace(":", " ").split()
            if not words:
                continue
            level = words[-1]
            level = level.lower() if level.lower() == "native" else level.upper()
            if len(words) < 2 or level not in {*CEFR_LEVELS, "native"}:
                raise forms.ValidationError(
                    _("Write each language with its level, e.g. “Finnish B1”: “%(item)s” has no level."),
                    code="no_level",
                    params={"item": item.strip()},
                )
            code = resolve_language(" ".join(words[:-1]))
            if code is None:
                raise forms.ValidationError(
                    _(
                        "We do not know the language “%(name)s”. Write its name in Finnish, Swedish or English."
                    ),
                    code="unknown_language",
                    params={"name": " ".join(words[:-1])},
                )
            result[code] = level
        return result


def _country_names() -> list[tuple[str, str]]:
    return [row for row in country_choices() if row[0]]


class CountryField(forms.CharField):
    """A country chosen by its name in the reader's language (or its ISO code); cleans to the code."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 80)
        kwargs.setdefault("help_text", _("Start typing the name of the country and choose it from the list."))
        kwargs.setdefault("widget", NameListInput(list_id="country-names", names=_country_names))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, str) and len(value) == 2:
            return country_name(value)
        return value

    def clean(self, value: Any) -> str:
        text = super().clean(value) or ""
        if not text.strip():
            return ""
        code = resolve_country(text)
        if code is None:
            raise forms.ValidationError(
                _("We do not know the country “%(name)s”. Choose it from the list."),
                code="unknown_country",
                params={"name": text.strip()},
            )
        return code
