"""A project's (or an activity's) self-assessment deltas as rows for CSV and XLSX (polku.core.sheets):
one row per area and per competence, with the same suppression as the page (a hidden figure reads
"hidden")."""

from __future__ import annotations

from django.utils.translation import gettext as _

from polku.assessments.selectors import ProjectDeltas, PublishedDelta
from polku.core.sheets import Row


def _figures(delta: PublishedDelta) -> list[str | int | float]:
    hidden = _("hidden")
    values = (
        delta.people,
        delta.improved,
        delta.same,
        delta.declined,
        delta.mean_first,
        delta.mean_latest,
        delta.mean_change,
    )
    return [hidden if value is None else value for value in values]


def deltas_headers() -> list[str]:
    return [
        _("Framework"),
        _("Area"),
        _("Competence"),
        _("People"),
        _("Improved"),
        _("Same"),
        _("Declined"),
        _("Mean level first"),
        _("Mean level latest"),
        _("Mean change"),
    ]


def deltas_rows(deltas: ProjectDeltas, lang: str) -> list[Row]:
    """The rows of one framework's deltas (without the header)."""
    framework = deltas.framework.name.get(lang)
    rows: list[Row] = []
    for area in deltas.areas:
        area_name = area.area.name.get(lang)
        rows.append([framework, area_name, "", *_figures(area.delta)])
        for competence, delta in area.competences:
            rows.append(
                [framework, area_name, f"{competence.number} {competence.name.get(lang)}", *_figures(delta)]
            )
    return rows


def deltas_filename(code: str, framework_key: str, fmt: str) -> str:
    return f"{code}-self-assessments-{framework_key}.{fmt}"
