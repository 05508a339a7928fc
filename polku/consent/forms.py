"""The form the project lead publishes the next version of the project's privacy notice with.

It parses the title and text of each language; the rules (at least one language, both parts of a
language given) live in consent.services.notice_publish and come back as field errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from polku.consent.models import PrivacyNotice
from polku.consent.services import NoticeText
from polku.core.models import Language

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class NoticePublishForm(forms.Form):
    """Title and text of the new version in each language; a language left empty is not published."""

    def __init__(self, *args: Any, current: list[PrivacyNotice] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        previous = {notice.language: notice for notice in current or []}
        for code, name in Language.choices:
            notice = previous.get(code)
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                required=False,
                max_length=200,
                initial=notice.title if notice else "",
                widget=forms.TextInput(attrs={"lang": code}),
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 10, "lang": code}),
                initial=notice.body if notice else "",
            )

    def languages(self) -> list[tuple[str, StrOrPromise, forms.BoundField, forms.BoundField]]:
        """(code, name, title field, text field) for each language, for one fieldset each."""
        return [(code, name, self[f"title_{code}"], self[f"body_{code}"]) for code, name in Language.choices]

    def texts(self) -> dict[str, NoticeText]:
        data = self.cleaned_data
        return {
            code: NoticeText(title=data.get(f"title_{code}", ""), body=data.get(f"body_{code}", ""))
            for code in Language.values
        }
