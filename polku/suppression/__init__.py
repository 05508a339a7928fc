"""Small-cell suppression: which published counts must be hidden so that nobody can be singled out.

Nothing here imports Django or any Polku app: plain counts in, plain data out, so the rules are checked
exhaustively on their own and every app publishes through the same arithmetic. The threshold is an
argument of every function; the callers read it from the setting `POLKU_SUPPRESSION_THRESHOLD`.

- `rules`: the one implementation: cells, the sums they take part in (equations), primary and secondary
  suppression to a fixpoint (`hidden_cells`), one count on its own (`hide_small`).
- `tables`: tables of rows (a total and its breakdown) and the partners' tables with their sum, the
  project's table (`suppress_row`, `suppress`, `suppress_partners`), written as equations for `rules`.
- `figures`: a published count (`Figure`) and `publish`, exact or suppressed for the reader.
"""

from __future__ import annotations

from polku.suppression.figures import Figure, publish
from polku.suppression.rules import HIDDEN, Equation, hidden_cells, hide_small
from polku.suppression.tables import suppress, suppress_partners, suppress_row

__all__ = [
    "HIDDEN",
    "Equation",
    "Figure",
    "hidden_cells",
    "hide_small",
    "publish",
    "suppress",
    "suppress_partners",
    "suppress_row",
]
