"""A first-vs-latest chart of levels 1–8 as inline SVG geometry (decision 0027's way: no JavaScript).

Two bars per row on a fixed scale of 0–8, the first level outlined and the latest filled, each with its
value as text, so colour is never the only signal. Coordinates are strings, so a template's number
localisation cannot break the SVG. The same figures always follow in a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH = 600
BAR_SPACE = 440
ROW = 62
SCALE = 8


@dataclass(frozen=True)
class Bar:
    y: str
    width: str
    text_x: str
    text: str
    hidden: bool


@dataclass(frozen=True)
class Row:
    label: str
    summary: str  # for the row's <title>
    y_label: str
    first: Bar
    latest: Bar


@dataclass(frozen=True)
class LevelChart:
    id: str
    title: str
    rows: list[Row]
    height: str
    view_box: str
    legend_y: str
    first_label: str
    latest_label: str
    paired: bool  # False: one bar per row (a single assessment)


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def level_text(value: float | None) -> str:
    return "–" if value is None else number_format(round(value, 1), decimal_pos=1 if value % 1 else 0)


def _bar(value: float | None, y: float, hidden: bool) -> Bar:
    width = 0.0 if value is None else BAR_SPACE * min(max(value, 0), SCALE) / SCALE
    if hidden:
        text = _("hidden (small numbers)")
    elif value is None:
        text = _("not assessed")
    else:
        text = level_text(value)
    return Bar(
        y=_num(y), width=_num(width), text_x=_num((40 if hidden else width) + 6), text=text, hidden=hidden
    )


def level_chart(
    *,
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, float | None, float | None]],
    hidden: Sequence[bool] | None = None,
    first_label: str = "",
    latest_label: str = "",
    paired: bool = True,
) -> LevelChart:
    """Rows of (label, first level, latest level); `hidden` marks rows whose figures are suppressed."""
    first_label = first_label or _("First")
    latest_label = latest_label or _("Latest")
    out = []
    for i, (label, first, latest) in enumerate(rows):
        is_hidden = bool(hidden[i]) if hidden else False
        top = 24 + i * ROW if paired else i * (ROW - 18)
        first_bar = _bar(first, top + 20, is_hidden)
        latest_bar = _bar(latest, top + (38 if paired else 20), is_hidden)
        out.append(
            Row(
                label=label,
                summary=(
                    f"{label}: {first_label} {first_bar.text}, {latest_label} {latest_bar.text}"
                    if paired
                    else f"{label}: {latest_bar.text}"
                ),
                y_label=_num(top + 14),
                first=first_bar,
                latest=latest_bar,
            )
        )
    height = _num(24 + max(len(rows), 1) * ROW if paired else max(len(rows), 1) * (ROW - 18) + 4)
    return LevelChart(
        id=chart_id,
        title=title,
        rows=out,
        height=height,
        view_box=f"0 0 {WIDTH} {height}",
        legend_y="14",
        first_label=first_label,
        latest_label=latest_label,
        paired=paired,
    )
