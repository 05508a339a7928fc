"""Privacy notices and consents in the admin.

A notice that someone has consented to is frozen: people agreed to that exact text. Consents are
records of what a person agreed to and when, so the admin shows them but does not change them;
withdrawal goes through the application, which logs it.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from polku.audit.admin import ReadOnlyAdmin
from polku.consent.models import Consent, PrivacyNotice


@admin.register(PrivacyNotice)
class PrivacyNoticeAdmin(admin.ModelAdmin):
    list_display = ("title", "project", "version", "language", "published_at")
    list_filter = ("language", "project")
    search_fields = ("title", "project__code", "project__name")
    list_select_related = ("project",)
    autocomplete_fields = ("project",)
    date_hierarchy = "published_at"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None and obj.consents.exists():
            return ("project", "version", "language", "title", "body", "published_at")
        return ()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.consents.exists():
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdmin):
    list_display = ("person", "project", "purpose", "notice", "given_at", "withdrawn_at")
    list_filter = ("purpose", "project", ("withdrawn_at", admin.EmptyFieldListFilter))
    search_fields = ("person__first_name", "person__last_name", "person__email", "project__code")
    list_select_related = ("person", "project", "notice")
    date_hierarchy = "given_at"
