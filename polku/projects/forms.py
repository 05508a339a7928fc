"""Forms for a project's own fields and its work packages, and the choice fields of its structure
(partners, work packages) that the forms of polku.activities use too.

Forms parse and check formats only; the rules (numbers unique in the project, partners of the project,
who may do what) live in projects.services and come back as field errors.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from polku.core.forms import DateInput, LanguageListField, country_choices
from polku.core.names import country_name
from polku.organisations.models import Organisation
from polku.projects.models import Partner, Project, WorkPackage
from polku.projects.services import PROJECT_FIELDS


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Partner) -> str:
        return obj.organisation.name


class ProjectPartnerChoiceField(forms.ModelChoiceField):
    """A partner among those of several projects: "project – organisation"."""

    def label_from_instance(self, obj: Partner) -> str:
        return f"{obj.project.name} – {obj.organisation.name}"


class WorkPackageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: WorkPackage) -> str:
        return f"{_('WP')}{obj.number} {obj.name}"


def project_partners(project: Project) -> QuerySet[Partner]:
    return project.partners.select_related("organisation").order_by("-is_lead", "organisation__name")


def project_work_packages(project: Project) -> QuerySet[WorkPackage]:
    return project.work_packages.order_by("number")


INDICATOR_SET_AUTOMATIC = _("Automatic: the funder's own set for an ESF project, none for other funders")
INDICATOR_SET_HELP = _(
    "The indicators the funder report counts. ESF+ 2021–2027: the common indicators of Regulation (EU) "
    "2021/1057 (EECO01–EECO17 at entry, EECR01–EECR06 results), for projects of the 2021–2027 period. "
    "ESF 2014–2020: the indicators of Regulation (EU) No 1304/2013 (CO01–CO19, CR01–CR09, with other age "
    "bands and one combined migrant/minority item), for projects of the 2014–2020 period. Automatic uses the "
    "ESF funder's own set; a project of another funder (ERDF, Erasmus+, national money) then reports no ESF "
    "indicators."
)


def indicator_set_choices() -> list[tuple[str, Any]]:
    """The project's indicator set choices with the automatic choice first (stored as empty)."""
    return [("", INDICATOR_SET_AUTOMATIC), *(Project._meta.get_field("indicator_set").choices or [])]


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
    languages = LanguageListField(label=_("Working languages"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    asks_disability = forms.BooleanField(label=_("Asks about disability"), required=False)
    asks_minority = forms.BooleanField(label=_("Asks about minority background"), required=False)
    indicator_set = forms.ChoiceField(
        label=_("Funder indicator set"), required=False, help_text=INDICATOR_SET_HELP
    )

    def __init__(self, *args: Any, instance: Project | None = None, **kwargs: Any) -> None:
        initial = initial_from(instance, PROJECT_FORM_FIELDS)
        initial["languages"] = list(instance.languages or []) if instance is not None else ["fi", "sv", "en"]
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["indicator_set"].choices = indicator_set_choices()  # type: ignore[attr-defined]


def initial_from(instance: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """The initial values of an edit form: the named fields of the instance (none for a new one)."""
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
        kwargs.setdefault("initial", initial_from(instance, ("number", "name", "description", "responsible")))
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = project_partners(project)  # type: ignore[attr-defined]


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.name} ({country_name(obj.country)})" if obj.country else obj.name


class PartnerForm(forms.Form):
    """An organisation taking part in the project with its own part; the organisation of an existing
    partner does not change (remove the partner instead)."""

    organisation = OrganisationChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        help_text=_("Not in the list? Add the organisation first (Organisations, platform admins)."),
    )
    country = forms.ChoiceField(label=_("Country"), help_text=_("Where this partner carries out its part"))
    is_lead = forms.BooleanField(label=_("Lead partner"), required=False)
    part_description = forms.CharField(
        label=_("Its own part"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    registration_open = forms.BooleanField(
        label=_("Public registration open"),
        required=False,
        help_text=_("People can register themselves with this partner's registration link."),
    )

    def __init__(self, *args: Any, instance: Partner | None = None, **kwargs: Any) -> None:
        initial = initial_from(
            instance, ("organisation", "country", "is_lead", "part_description", "registration_open")
        )
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()  # type: ignore[attr-defined]
        if instance is not None:
            self.fields["organisation"].disabled = True
            self.fields["organisation"].help_text = _("The organisation of a partner does not change.")
