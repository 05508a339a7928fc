"""Forms for a project's targets and activities, and for enrolling participants in an activity.

Forms parse and check formats only; the rules (partners and work packages of the project, dates within
the participation, who may do what) live in activities.services and come back as field errors.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from polku.activities.metrics import kinds_for
from polku.activities.models import Activity, Target
from polku.core.forms import DateInput, country_choices
from polku.participants.models import Participation
from polku.projects.forms import (
    PartnerChoiceField,
    WorkPackageChoiceField,
    initial_from,
    project_partners,
    project_work_packages,
)
from polku.projects.models import Partner, Project, WorkPackage


class TargetForm(forms.Form):
    label = forms.CharField(label=_("Label"), max_length=200)
    metric = forms.ChoiceField(label=_("What is counted"), choices=Target.Metric.choices)
    kind = forms.ChoiceField(
        label=_("Only of this kind"),
        required=False,
        help_text=_(
            "Count only one kind of what is counted, e.g. networking dinners of events or further studies "
            "of outcomes."
        ),
    )
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
            "initial",
            initial_from(
                instance, ("label", "metric", "kind", "value", "work_package", "partner", "country")
            ),
        )
        super().__init__(*args, **kwargs)
        self.fields["work_package"].queryset = project_work_packages(project)  # type: ignore[attr-defined]
        self.fields["partner"].queryset = project_partners(project)  # type: ignore[attr-defined]
        self.fields["country"].choices = country_choices()  # type: ignore[attr-defined]
        self.fields["kind"].choices = target_kind_choices()  # type: ignore[attr-defined]


def target_kind_choices() -> list[tuple[str, Any]]:
    """Every kind any metric counts, grouped under the metric's name (the service checks the pair)."""
    groups: list[tuple[str, Any]] = [("", _("All kinds"))]
    for value, label in Target.Metric.choices:
        kinds = kinds_for(str(value))
        if kinds:
            groups.append((str(label), kinds))
    return groups


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
            "initial",
            initial_from(instance, ("name", "kind", "partner", "work_package", "starts_on", "ends_on")),
        )
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners  # type: ignore[attr-defined]
        self.fields["work_package"].queryset = project_work_packages(project)  # type: ignore[attr-defined]
        if instance is not None and instance.partner_id is None:
            # An activity of the whole project (a project-wide mentoring programme) may stay so.
            self.fields["partner"].required = False
            self.fields["partner"].empty_label = _("Whole project")  # type: ignore[attr-defined]


class ParticipationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Participation) -> str:
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
        self.fields["participations"].queryset = candidates  # type: ignore[attr-defined]


class UnenrolForm(forms.Form):
    participation = forms.IntegerField(widget=forms.HiddenInput)
