"""API routes of events (see api_urls.py)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
