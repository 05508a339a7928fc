"""Pieces every app's forms share: the date input, the country choices, a service's field errors put on
the form, and the error summary every form page shows at its top (each error linked to its input)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pycountry
from babel import Locale, UnknownLocaleError
from django import forms
from django.http import HttpRequest
from django.utils.translation import get_language

from polku.core.errors import ApplicationError


def country_choices() -> list[tuple[str, str]]:
    return [("", "—"), *sorted(((c.alpha_2, c.name) for c in pycountry.countries), key=lambda item: item[1])]


def country_name(code: str, language: str | None = None) -> str:
    """A country's name in the reader's language (CLDR, through Babel): "Ruotsi" for SE in Finnish; an
    unknown code stays as it is, an empty one is empty."""
    if not code:
        return ""
    try:
        locale = Locale.parse((language or get_language() or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    return str(locale.territories.get(code.upper(), code))


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
