"""API routes of meetings (see api_urls.py)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
