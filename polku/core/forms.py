"""The error summary every form page shows at its top: each error, linked to the input it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms


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
