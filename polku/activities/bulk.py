"""Enrol the participants chosen on the participant list in one activity: the list posts the chosen rows
here (participants sits below activities and does not know them); this page asks which activity and when."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from polku.accounts.access import coordinator_access
from polku.accounts.http import AuthenticatedHttpRequest
from polku.activities import services
from polku.activities.models import Activity
from polku.core.errors import ApplicationError
from polku.core.forms import DateInput, apply_field_errors
from polku.participants.models import Participation


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Activity) -> str:
        return f"{obj.name} ({obj.project.name})"


class EnrolChosenForm(forms.Form):
    activity = ActivityChoiceField(label=gettext_lazy("Activity"), queryset=Activity.objects.none())
    enrolled_on = forms.DateField(
        label=gettext_lazy("Enrolled on"), widget=DateInput(), initial=timezone.localdate
    )

    def __init__(self, *args: Any, activities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities  # type: ignore[attr-defined]


@login_required
@require_POST
def enrol_chosen_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    access = coordinator_access(request.user, refusal=_("Only coordinators enrol participants."))
    ids = {int(value) for value in request.POST.getlist("ids") if value.isdigit()}
    chosen = list(
        Participation.objects.filter(access.participation_filter(), pk__in=ids)
        .select_related("person", "project")
        .order_by("person__last_name", "person__first_name")
    )
    if len(chosen) != len(ids):
        raise Http404  # a participation the reader does not see: not theirs to know about
    if not chosen:
        messages.error(request, _("Choose at least one participant on the list."))
        return redirect("participants:list")
    projects = {p.project_id for p in chosen}
    activities = (
        Activity.objects.filter(project_id__in=projects)
        .filter(project_id__in=access.coordinator_project_ids if not access.is_admin else projects)
        .select_related("project")
        .order_by("project__name", "name")
    )
    form = EnrolChosenForm(request.POST if "activity" in request.POST else None, activities=activities)
    if form.is_bound and form.is_valid():
        activity = form.cleaned_data["activity"]
        in_project = [p.pk for p in chosen if p.project_id == activity.project_id]
        try:
            created = services.activity_enrol(
                actor=request.user,
                access=access,
                activity=activity,
                participation_ids=in_project,
                enrolled_on=form.cleaned_data["enrolled_on"],
            )
        except ApplicationError as error:
            apply_field_errors(error, form)
        else:
            skipped = len(chosen) - len(in_project)
            message = ngettext(
                "%(count)s participant was enrolled.", "%(count)s participants were enrolled.", len(created)
            ) % {"count": len(created)}
            if skipped:
                message += " " + ngettext(
                    "%(count)s person is in another project and was not enrolled.",
                    "%(count)s people are in another project and were not enrolled.",
                    skipped,
                ) % {"count": skipped}
            messages.success(request, message)
            return redirect("activities:detail", code=activity.project.code, pk=activity.pk)
    return TemplateResponse(
        request,
        "activities/enrol_chosen.html",
        {"chosen": chosen, "form": form, "forms": [form] if form.is_bound else []},
        status=400 if form.is_bound and form.errors else 200,
    )
