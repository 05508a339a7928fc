"""Server-rendered bar charts: plain figures in, bars as percentages out (no JavaScript, no inline style).

A chart is an HTML list: each row's label and value are text at the page's own size (readable on a 360 px
phone and on a 1280 px screen alike, never SVG text scaled with the window); only the bar is a small SVG
whose rectangle has a width in per cent. Percentages are strings computed here, so that a template's number
localisation (12,5 in Finnish) cannot break the SVG. Every bar carries its value as text, so colour is never
the only signal, and every chart on a page is followed by its table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from polku.suppression import Figure


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the value as shown: "12", "12 / 40", "hidden (small numbers)"
    percent: str  # the bar's length, "0"–"100", of the chart's scale (or of its goal)
    goal: bool = False  # drawn against its own goal: the outline is 100 %
    hidden: bool = False


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    bars: list[Bar]
    any_hidden: bool = False


def _pct(part: float, whole: float) -> str:
    if whole <= 0:
        return "0"
    return f"{min(max(100 * part / whole, 0), 100):.1f}".removesuffix(".0")


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
    scale = max([*values, 1])
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
        # a target is drawn on its own scale (its goal, the outline, is 100 %); other bars on the largest
        percent = _pct(value, scale) if goal is None else (_pct(value, goal) if goal else "100")
        out.append(Bar(label=label, text=text, percent=percent, goal=goal is not None, hidden=hidden))
    return Chart(id=chart_id, title=title, bars=out, any_hidden=any(bar.hidden for bar in out))
