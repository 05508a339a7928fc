"""Projects with their partners and work packages (polku.activities adds the targets' inline and the activities)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from polku.projects.models import Partner, Project, WorkPackage


class SameProjectChoicesMixin:
    """In a project's inlines, offer only that project's partners and work packages."""

    project_scoped_fields = ("partner", "responsible", "work_package")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
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


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "funder", "starts_on", "ends_on")
    list_filter = ("funder",)
    search_fields = ("code", "name")
    date_hierarchy = "starts_on"
    ordering = ("name",)
    # polku.activities adds the targets (activities.admin), so the project is edited in one place.
    inlines = (PartnerInline, WorkPackageInline)


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ("organisation", "project", "is_lead", "country", "registration_open")
    list_filter = ("is_lead", "registration_open", "country", "project")
    search_fields = ("organisation__name", "project__code", "project__name")
    list_select_related = ("organisation", "project")
    autocomplete_fields = ("project", "organisation")
    readonly_fields = ("registration_code",)
