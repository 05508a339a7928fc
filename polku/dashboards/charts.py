"""Server-rendered bar charts: plain figures in, the geometry of an inline SVG out (no JavaScript).

Coordinates are computed here as strings so that a template's number localisation (12,5 in Finnish)
cannot break the SVG. Every bar carries its value as text, so colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from polku.suppression import Figure

WIDTH = 600
BAR_SPACE = 470  # the longest bar; the rest of the width holds its value label
ROW = 44


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the value as shown: "12", "12 / 40", "hidden"
    y_label: str
    y_bar: str
    width: str
    text_x: str
    goal_width: str = ""  # the target's length, drawn as an outline behind the bar
    hidden: bool = False


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    bars: list[Bar]
    height: str
    view_box: str


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def bar_chart(
    *,
    chart_id: str,
    title: str,
    bars: Sequence[tuple[str, Figure | None]],
    goals: Sequence[int] | None = None,
) -> Chart:
    """Horizontal bars, one per (label, figure); a None figure is "not tracked yet", a hidden one "hidden".

    With `goals`, each bar is drawn against its own goal (targets): the outline is the goal, the filled
    bar the actual, and the label says "actual / goal"."""
    values = [f.value or 0 for _label, f in bars if f is not None]
    scale = max([*values, *(goals or []), 1])
    out = []
    for i, (label, figure) in enumerate(bars):
        goal = goals[i] if goals else None
        if figure is None:
            text, value, hidden = _("not tracked yet"), 0, False
        elif figure.hidden:
            text, value, hidden = _("hidden (small numbers)"), 0, True
        else:
            value, hidden = figure.value or 0, False
            text = f"{value} / {goal}" if goal is not None else str(value)
        if goal is not None:  # each target on its own scale: the outline is 100 %
            width = BAR_SPACE * min(value, goal) / goal if goal else BAR_SPACE
            goal_width = _num(BAR_SPACE)
        else:
            width = BAR_SPACE * value / scale
            goal_width = ""
        top = i * ROW
        out.append(
            Bar(
                label=label,
                text=text,
                y_label=_num(top + 14),
                y_bar=_num(top + 20),
                width=_num(max(width, 0)),
                text_x=_num((BAR_SPACE if goal is not None else width) + 6),
                goal_width=goal_width,
                hidden=hidden,
            )
        )
    height = _num(max(len(bars), 1) * ROW + 4)
    return Chart(id=chart_id, title=title, bars=out, height=height, view_box=f"0 0 {WIDTH} {height}")
