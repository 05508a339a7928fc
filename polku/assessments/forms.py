"""The self-assessment form: one radio group per competence, grouped by area, validated as a whole."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.assessments import frameworks as fw
from polku.participants.models import Participation

NOT_ASSESSED = "none"


def field_name(competence: fw.Competence) -> str:
    return "c_" + competence.number.replace(".", "_")


def level_label(framework: fw.Framework, level: fw.Level, lang: str) -> str:
    """ "Level 3 · Intermediate: I can …" (DigComp) or "3 Experiment · Intermediate: I …" (EntreComp)."""
    if framework.code == "digcomp":
        head = f"{level.name.get(lang)} · {level.band.name.get(lang)}"
    else:
        head = f"{level.number} {level.name.get(lang)} · {level.band.name.get(lang)}"
    return f"{head}: {level.statement.get(lang)}"


@dataclass(frozen=True)
class Question:
    field: forms.BoundField
    competence: fw.Competence
    name: str
    description: str
    previous: int | None


@dataclass(frozen=True)
class AreaStep:
    area: fw.Area
    name: str
    questions: list[Question]


class SelfAssessmentForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("For example what you would like to learn next."),
    )
    participation = forms.TypedChoiceField(
        label=gettext_lazy("Project"), required=False, coerce=int, empty_value=None
    )

    def __init__(
        self,
        *args: Any,
        framework: fw.Framework,
        lang: str,
        participations: list[Participation] | None = None,
        previous: dict[str, int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.framework = framework
        self.lang = lang
        self.previous = previous or {}
        choices = [(str(level.number), level_label(framework, level, lang)) for level in framework.levels]
        choices.append((NOT_ASSESSED, _("I don't know, or I skip this one")))
        for competence in framework.competences:
            self.fields[field_name(competence)] = forms.ChoiceField(
                label=competence.name.get(lang),
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
            )
        participations = participations or []
        if participations:
            field = self.fields["participation"]
            field.choices = [("", _("None"))] + [  # type: ignore[attr-defined]
                (p.pk, f"{p.project.name} – {p.partner.organisation.name}") for p in participations
            ]
            active = [p for p in participations if p.exit_date is None]
            if active and not self.is_bound:
                self.initial["participation"] = active[0].pk
        else:
            del self.fields["participation"]
        # note and participation come after the questions
        self.order_fields([*(field_name(c) for c in framework.competences), "participation", "note"])

    @property
    def areas(self) -> list[AreaStep]:
        return [
            AreaStep(
                area=area,
                name=area.name.get(self.lang),
                questions=[
                    Question(
                        field=self[field_name(c)],
                        competence=c,
                        name=c.name.get(self.lang),
                        description=c.description.get(self.lang),
                        previous=self.previous.get(c.code),
                    )
                    for c in area.competences
                ],
            )
            for area in self.framework.areas
        ]

    def levels(self) -> dict[str, int | None]:
        """Competence code → chosen level, None for "not assessed" or no choice."""
        result: dict[str, int | None] = {}
        for competence in self.framework.competences:
            value = self.cleaned_data.get(field_name(competence)) or NOT_ASSESSED
            result[competence.code] = None if value == NOT_ASSESSED else int(value)
        return result

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(level is not None for level in self.levels().values()):
            raise forms.ValidationError(
                _("Choose a level for at least one competence. You can skip the ones you do not know.")
            )
        return data
