"""How a target reads on a page: what it counts and the kind in words.
Used by the project page's targets and by the pages of apps above that list targets (the dashboard)."""

from __future__ import annotations

from django import template

from polku.activities import metrics
from polku.activities.models import Target

register = template.Library()


@register.filter
def target_counts(target: Target) -> str:
    """ "Different people with an outcome: Started studies"; without a kind, only what is counted."""
    what = metrics.metric_label(target.metric)
    return f"{what}: {metrics.kind_label(target.metric, target.kind)}" if target.kind else what
