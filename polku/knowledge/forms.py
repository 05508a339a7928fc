from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from polku.accounts.access import Access
from polku.accounts.models import Membership, User
from polku.knowledge.models import LANGUAGES, EvaluationNote, GoodPractice, HandbookPage
from polku.projects.models import Partner, Project


def _projects(access: Access):
    """The projects the user may write knowledge pages for."""
    allowed = [pk for pk in Project.objects.values_list("pk", flat=True) if access.can_author_knowledge(pk)]
    return Project.objects.filter(pk__in=allowed).order_by("name")


class GoodPracticeForm(forms.ModelForm):
    class Meta:
        model = GoodPractice
        fields = ["slug", "project", "status"] + [f"{n}_{c}" for n in GoodPractice.FIELDS for c in LANGUAGES]

    def __init__(self, *args, access: Access, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = _projects(access)  # type: ignore[attr-defined]


class HandbookPageForm(forms.ModelForm):
    class Meta:
        model = HandbookPage
        fields = ["slug", "kind", "project", "status"] + [
            f"{n}_{c}" for n in HandbookPage.FIELDS for c in LANGUAGES
        ]

    def __init__(self, *args, access: Access, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = _projects(access)  # type: ignore[attr-defined]


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class EvaluationNoteForm(forms.Form):
    date = forms.DateField(label=capfirst(_("date")), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label=capfirst(_("kind")), choices=EvaluationNote.Kind.choices)
    title = forms.CharField(label=capfirst(_("title")), max_length=200)
    partner: forms.ModelChoiceField[Partner] = forms.ModelChoiceField(
        label=capfirst(_("partner")), queryset=None, required=False, empty_label=_("The whole project")
    )
    attendees: forms.ModelMultipleChoiceField[User] = forms.ModelMultipleChoiceField(
        label=capfirst(_("attendees with a login")),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_attendees = forms.CharField(
        label=capfirst(_("other attendees")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One name a line"),
    )
    notes = forms.CharField(
        label=capfirst(_("notes")), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    decisions = forms.CharField(
        label=capfirst(_("decisions")),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One decision a line"),
    )

    def __init__(self, *args, project: Project, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = project.partners.select_related("organisation")  # type: ignore[attr-defined]
        members = Membership.objects.filter(project=project).values("user_id")
        self.fields["attendees"].queryset = User.objects.filter(pk__in=members).order_by("full_name", "email")  # type: ignore[attr-defined]
        self.fields["attendees"].label_from_instance = lambda u: u.full_name or u.email  # type: ignore[attr-defined]

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data["attendees"] = list(data["attendees"])
        data["other_attendees"] = lines(data["other_attendees"])
        data["decisions"] = lines(data["decisions"])
        return data
