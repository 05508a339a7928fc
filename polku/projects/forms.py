"""Forms for a project's structure, its activities, enrolments and privacy notices.

Forms parse and check formats only; the rules (numbers unique in the project, partners of the project,
who may do what) live in projects.services and consent.services and come back as field errors.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from polku.consent.models import PrivacyNotice
from polku.consent.services import NoticeText
from polku.core.forms import DateInput, country_choices
from polku.core.models import Language
from polku.participants.models import Participation
from polku.projects.models import Activity, Partner, Project, Target, WorkPackage
from polku.projects.services import PROJECT_FIELDS


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Partner) -> str:  # type: ignore[override]
        return obj.organisation.name


class WorkPackageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: WorkPackage) -> str:  # type: ignore[override]
        return f"{_('WP')}{obj.number} {obj.name}"


def _partners(project: Project) -> QuerySet[Partner]:
    return project.partners.select_related("organisation").order_by("-is_lead", "organisation__name")


def _work_packages(project: Project) -> QuerySet[WorkPackage]:
    return project.work_packages.order_by("number")


INDICATOR_SET_AUTOMATIC = _("Automatic: from the funder and the project's start date")
INDICATOR_SET_HELP = _(
    "The indicators the funder report counts. ESF+ 2021–2027: the common indicators of Regulation (EU) "
    "2021/1057 (EECO01–EECO17 at entry, EECR01–EECR06 results), for projects of the 2021–2027 period. "
    "ESF 2014–2020: the indicators of Regulation (EU) No 1304/2013 (CO01–CO19, CR01–CR09, with other age "
    "bands and one combined migrant/minority item), for projects of the 2014–2020 period. Automatic uses the "
    "funder's set, or ESF 2014–2020 for a project that started before 2021."
)


def indicator_set_choices() -> list[tuple[str, Any]]:
    """The project's indicator set choices with the automatic choice first (stored as empty)."""
    return [("", INDICATOR_SET_AUTOMATIC), *Project._meta.get_field("indicator_set").choices]


# The project's own fields the edit form shows: those the service writes, less the languages (chosen with
# their own field below).
PROJECT_FORM_FIELDS = tuple(name for name in PROJECT_FIELDS if name != "languages")


class ProjectForm(forms.Form):
    """A project's own fields, for platform admins (the project lead manages its structure)."""

    name = forms.CharField(label=_("Name"), max_length=200)
    code = forms.CharField(
        label=_("Project code"), max_length=40, help_text=_("The funder's code, e.g. S22729")
    )
    funder = forms.ChoiceField(label=_("Funder"), choices=Project.Funder.choices)
    programme = forms.CharField(
        label=_("Programme"), max_length=200, required=False, help_text=_("Priority or specific objective")
    )
    starts_on = forms.DateField(label=_("Starts"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends"), widget=DateInput())
    languages = forms.CharField(
        label=_("Working languages"),
        max_length=100,
        help_text=_("Language codes separated by commas, e.g. fi, en"),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    asks_disability = forms.BooleanField(label=_("Asks about disability"), required=False)
    asks_minority = forms.BooleanField(label=_("Asks about minority background"), required=False)
    indicator_set = forms.ChoiceField(
        label=_("Funder indicator set"), required=False, help_text=INDICATOR_SET_HELP
    )

    def __init__(self, *args: Any, instance: Project, **kwargs: Any) -> None:
        initial = _initial(instance, PROJECT_FORM_FIELDS)
        initial["languages"] = ", ".join(instance.languages or [])
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["indicator_set"].choices = indicator_set_choices()

    def clean_languages(self) -> list[str]:
        raw: str = self.cleaned_data["languages"]
        return [code.strip() for code in raw.replace(";", ",").split(",") if code.strip()]


def _initial(instance: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in names} if instance is not None else {}


class WorkPackageForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=32767)
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    responsible = PartnerChoiceField(
        label=_("Responsible partner"), queryset=Partner.objects.none(), required=False, empty_label="—"
    )

    def __init__(
        self, *args: Any, project: Project, instance: WorkPackage | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", _initial(instance, ("number", "name", "description", "responsible")))
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = _partners(project)


class TargetForm(forms.Form):
    label = forms.CharField(label=_("Label"), max_length=200)
    metric = forms.ChoiceField(label=_("What is counted"), choices=Target.Metric.choices)
    value = forms.IntegerField(label=_("Target value"), min_value=0, max_value=2147483647)
    work_package = WorkPackageChoiceField(
        label=_("Work package"),
        queryset=WorkPackage.objects.none(),
        required=False,
        empty_label=_("Whole project"),
    )
    partner = PartnerChoiceField(
        label=_("Partner"), queryset=Partner.objects.none(), required=False, empty_label=_("All partners")
    )
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        help_text=_("Count only partners implementing in this country"),
    )

    def __init__(self, *args: Any, project: Project, instance: Target | None = None, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", _initial(instance, ("label", "metric", "value", "work_package", "partner", "country"))
        )
        super().__init__(*args, **kwargs)
        self.fields["work_package"].queryset = _work_packages(project)
        self.fields["partner"].queryset = _partners(project)
        self.fields["country"].choices = country_choices()


class ActivityForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Activity.Kind.choices)
    partner = PartnerChoiceField(
        label=_("Partner running it"), queryset=Partner.objects.none(), empty_label=None
    )
    work_package = WorkPackageChoiceField(
        label=_("Work package"), queryset=WorkPackage.objects.none(), required=False, empty_label="—"
    )
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=_("Ends"), required=False, widget=DateInput())

    def __init__(
        self,
        *args: Any,
        project: Project,
        partners: QuerySet[Partner],
        instance: Activity | None = None,
        **kwargs: Any,
    ) -> None:
        """`partners` are those the user may run activities for (the lead: all of the project's)."""
        kwargs.setdefault(
            "initial", _initial(instance, ("name", "kind", "partner", "work_package", "starts_on", "ends_on"))
        )
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        self.fields["work_package"].queryset = _work_packages(project)


class ParticipationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Participation) -> str:  # type: ignore[override]
        return f"{obj.person.full_name} ({obj.partner.organisation.name})"


class EnrolForm(forms.Form):
    participations = ParticipationChoiceField(
        label=_("Participants to enrol"),
        queryset=Participation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one participant.")},
    )
    enrolled_on = forms.DateField(label=_("Enrolled on"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args: Any, candidates: QuerySet[Participation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participations"].queryset = candidates


class UnenrolForm(forms.Form):
    participation = forms.IntegerField(widget=forms.HiddenInput)


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

    def languages(self) -> list[tuple[str, str, forms.BoundField, forms.BoundField]]:
        """(code, name, title field, text field) for each language, for one fieldset each."""
        return [(code, name, self[f"title_{code}"], self[f"body_{code}"]) for code, name in Language.choices]

    def texts(self) -> dict[str, NoticeText]:
        data = self.cleaned_data
        return {
            code: NoticeText(title=data.get(f"title_{code}", ""), body=data.get(f"body_{code}", ""))
            for code in Language.values
        }
