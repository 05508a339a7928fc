"""Activities with their enrolments on their own list; a project's targets inline on the project's page."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from polku.activities.models import Activity, ActivityEnrolment, Target
from polku.projects.admin import ProjectAdmin, SameProjectChoicesMixin


class TargetInline(SameProjectChoicesMixin, admin.TabularInline):
    model = Target
    extra = 0
    fields = ("label", "metric", "value", "work_package", "partner", "country")


# The targets are part of the project's structure in the admin, after its partners and work packages.
ProjectAdmin.inlines = (*ProjectAdmin.inlines, TargetInline)  # type: ignore[assignment]


class EnrolmentInline(admin.TabularInline):
    model = ActivityEnrolment
    extra = 0
    fields = ("participation", "enrolled_on")
    raw_id_fields = ("participation",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[ActivityEnrolment]:
        return super().get_queryset(request).select_related("participation__person", "participation__project")


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "project", "partner", "work_package", "starts_on", "ends_on")
    list_filter = ("kind", "project")
    search_fields = ("name", "project__code", "project__name", "partner__organisation__name")
    list_select_related = ("project", "partner__organisation", "partner__project", "work_package")
    autocomplete_fields = ("project", "partner")
    date_hierarchy = "starts_on"
    inlines = (EnrolmentInline,)
