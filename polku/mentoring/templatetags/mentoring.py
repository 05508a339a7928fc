"""Small filters of the mentoring pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: dict, key: str) -> Any:
    return mapping.get(key, key)


@register.filter
def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(float(value) * 100)} %"
