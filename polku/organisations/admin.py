"""Organisations in the admin."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from polku.organisations.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "business_id", "website")
    list_filter = ("kind", "country")
    search_fields = ("name", "business_id")
    ordering = ("name",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
