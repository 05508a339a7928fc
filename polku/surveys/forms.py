from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class FeedbackFormForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    questions = forms.CharField(
        label=_("Free-text questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One question a line. Everyone also rates their satisfaction from 1 to 5."),
    )
    is_open = forms.BooleanField(label=_("Open for answers"), required=False, initial=True)
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200, required=False)
    questions_fi = forms.CharField(
        label=_("Questions in Finnish"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    questions_sv = forms.CharField(
        label=_("Questions in Swedish"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    questions_en = forms.CharField(
        label=_("Questions in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Translations, optional: the same questions in the same order, one a line. Each person reads "
            "the form in their own language when it is translated, else as written above."
        ),
    )

    LANGUAGES = ("fi", "sv", "en")

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    def question_list(self) -> list[str]:
        return self._lines(self.cleaned_data["questions"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        count = len(self._lines(data.get("questions", "")))
        for lang in self.LANGUAGES:
            given = self._lines(data.get(f"questions_{lang}", ""))
            if given and len(given) != count:
                self.add_error(
                    f"questions_{lang}",
                    _("Give all %(count)s questions, in the same order (%(given)s given).")
                    % {"count": count, "given": len(given)},
                )
        return data

    def translations(self) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for lang in self.LANGUAGES:
            title = (self.cleaned_data.get(f"title_{lang}") or "").strip()
            questions = self._lines(self.cleaned_data.get(f"questions_{lang}", ""))
            if title or questions:
                found[lang] = {"title": title, "questions": questions}
        return found

    @classmethod
    def initial_translations(cls, translations: dict[str, Any]) -> dict[str, str]:
        initial = {}
        for lang in cls.LANGUAGES:
            entry = (translations or {}).get(lang) or {}
            initial[f"title_{lang}"] = entry.get("title", "")
            initial[f"questions_{lang}"] = "\n".join(entry.get("questions", []))
        return initial


class AnswerForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with the activity? (1 = not at all, 5 = very)"),
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 6)],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, questions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i, question in enumerate(questions):
            self.fields[f"q{i}"] = forms.CharField(
                label=question, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        self.questions = questions

    def answers(self) -> list[str]:
        return [self.cleaned_data.get(f"q{i}", "") for i in range(len(self.questions))]
