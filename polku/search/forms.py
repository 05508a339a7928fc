from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.search.selectors import MAX_QUERY


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search people, activities, events and organisations"),
        max_length=MAX_QUERY,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={
            "max_length": _(
                "The search is too long (%(show_value)d characters): use at most %(limit_value)d."
            )
        },
    )
