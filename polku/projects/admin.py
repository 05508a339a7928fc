"""Projects with their partners, work packages and targets; activities on their own list."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from polku.projects.models import Activity, ActivityEnrolment, Partner, Project, Target, WorkPackage


class SameProjectChoicesMixin:
    """In a project's inlines, offer only that project's partners and work packages."""

    project_scoped_fields = ("partner", "responsible", "work_package")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        if db_field.name in self.project_scoped_fields:
            project_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            queryset = db_field.related_model.objects.all()
            kwargs["queryset"] = (
                queryset.filter(project_id=project_id) if project_id else queryset.none()
            ).select_related(*(["organisation", "project"] if db_field.related_model is Partner else []))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]


class PartnerInline(SameProjectChoicesMixin, admin.TabularInline):
    model = Partner
    extra = 0
    fields = ("organisation", "is_lead", "country", "registration_open", "registration_code")
    readonly_fields = ("registration_code",)
    autocomplete_fields = ("organisation",)
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Partner]:
        return super().get_queryset(request).select_related("organisation", "project")


class WorkPackageInline(SameProjectChoicesMixin, admin.TabularInline):
    model = WorkPackage
    extra = 0
    fields = ("number", "name", "responsible")


class TargetInline(SameProjectChoicesMixin, admin.TabularInline):
    model = Target
    extra = 0
    fields = ("label", "metric", "value", "work_package", "partner", "country")


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "funder", "starts_on", "ends_on")
    list_filter = ("funder",)
    search_fields = ("code", "name")
    date_hierarchy = "starts_on"
    ordering = ("name",)
    inlines = (PartnerInline, WorkPackageInline, TargetInline)


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ("organisation", "project", "is_lead", "country", "registration_open")
    list_filter = ("is_lead", "registration_open", "country", "project")
    search_fields = ("organisation__name", "project__code", "project__name")
    list_select_related = ("organisation", "project")
    autocomplete_fields = ("project", "organisation")
    readonly_fields = ("registration_code",)


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
