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

    def question_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["questions"].splitlines() if line.strip()]


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
