"""The audit log in the admin: read-only, and a mixin that logs admin reads and changes of personal data."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.http import HttpRequest

from polku.audit.models import AuditEvent
from polku.audit.services import audit_record, audit_staff_read


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that only the application writes: the admin may look, never add, change or delete."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = (
        "at",
        "actor_label",
        "action",
        "object_type",
        "object_id",
        "person",
        "partner",
        "ip_address",
    )
    list_filter = ("action", "object_type")
    search_fields = ("actor_label", "object_type", "object_id")
    list_select_related = ("person", "partner__organisation", "partner__project")
    date_hierarchy = "at"
    show_full_result_count = False  # the log grows large; counting it all on every page is slow


class AuditedAdminMixin:
    """Personal data seen or changed in the admin leaves the same trace as in the application.

    Subclasses say whose data a row is with `audit_person_id` and `audit_partner_id`. Inline rows
    (language skills, entry data) are logged as changes of their own objects, for the same person.
    """

    def audit_person_id(self, obj: models.Model) -> int | None:
        raise NotImplementedError

    def audit_partner_id(self, obj: models.Model) -> int | None:
        return None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, object_id)  # type: ignore[attr-defined]
            if obj is not None:
                audit_staff_read(
                    actor=request.user,
                    obj=obj,
                    person_id=self.audit_person_id(obj),  # type: ignore[arg-type]
                    partner_id=self.audit_partner_id(obj),
                    fields=[field.name for field in obj._meta.concrete_fields],
                )
        return super().change_view(request, object_id, form_url, extra_context)  # type: ignore[misc]

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)  # type: ignore[misc]
            if not change or form.changed_data:
                self._audit(
                    request,
                    obj,
                    AuditEvent.Action.UPDATE if change else AuditEvent.Action.CREATE,
                    form.changed_data,
                    owner=obj,
                )

    def save_formset(self, request, form, formset, change):
        with transaction.atomic():
            super().save_formset(request, form, formset, change)  # type: ignore[misc]
            owner = form.instance
            for obj in formset.new_objects:
                self._audit(request, obj, AuditEvent.Action.CREATE, [], owner=owner)
            for obj, fields in formset.changed_objects:
                self._audit(request, obj, AuditEvent.Action.UPDATE, fields, owner=owner)
            for obj in formset.deleted_objects:
                self._audit(request, obj, AuditEvent.Action.DELETE, [], owner=owner)

    def delete_model(self, request, obj):
        with transaction.atomic():
            self._audit(request, obj, AuditEvent.Action.DELETE, [], owner=obj)
            super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                self._audit(request, obj, AuditEvent.Action.DELETE, [], owner=obj)
            super().delete_queryset(request, queryset)  # type: ignore[misc]

    def _audit(self, request, obj, action, fields, *, owner):
        audit_record(
            actor=request.user,
            action=action,
            obj=obj,
            person_id=self.audit_person_id(owner),
            partner_id=self.audit_partner_id(owner),
            fields=fields or (),
        )
