"""Participants in the admin, for platform admins fixing data by hand.

People join through registration, intake or import, which also record consent, so the admin cannot
add them. What an admin opens or changes here is written to the audit log, as in the application.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from polku.audit.admin import AuditedAdminMixin
from polku.participants.models import EntryData, LanguageSkill, Participation, Person


class LanguageSkillInline(admin.TabularInline):
    model = LanguageSkill
    extra = 0
    fields = ("language", "level")


class EntryDataInline(admin.StackedInline):
    model = EntryData
    extra = 0
    max_num = 1
    can_delete = False
    exclude = ("recorded_by",)


class ParticipationInline(admin.TabularInline):
    """A person's participations, as links to their own pages."""

    model = Participation
    extra = 0
    fields = ("project", "partner", "entry_date", "exit_date", "channel")
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest):
        return (
            super()
            .get_queryset(request)
            .select_related("project", "partner__organisation", "partner__project")
        )


@admin.register(Person)
class PersonAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("last_name", "first_name", "email", "preferred_language", "user", "created_at")
    list_filter = ("preferred_language", "participations__project")
    search_fields = ("first_name", "last_name", "email", "search_name")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    readonly_fields = ("created_at", "updated_at")
    inlines = (LanguageSkillInline, ParticipationInline)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def audit_person_id(self, obj: Any) -> int | None:
        return obj.pk

    def save_model(self, request, obj, form, change):
        obj.refresh_search_name()  # the list search reads this column
        super().save_model(request, obj, form, change)


@admin.register(Participation)
class ParticipationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("person", "project", "partner", "entry_date", "exit_date", "channel")
    list_filter = ("project", "channel", ("exit_date", admin.EmptyFieldListFilter))
    search_fields = ("person__first_name", "person__last_name", "person__email", "project__code")
    list_select_related = ("person", "project", "partner__organisation", "partner__project")
    raw_id_fields = ("person",)
    autocomplete_fields = ("project", "partner")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "entry_date"
    inlines = (EntryDataInline,)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def audit_person_id(self, obj: Any) -> int | None:
        return obj.person_id

    def audit_partner_id(self, obj: Any) -> int | None:
        return obj.partner_id
