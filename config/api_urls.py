"""REST API v1: one module per domain app contributes its routes."""

from django.urls import include, path  # noqa: F401

urlpatterns: list = []
