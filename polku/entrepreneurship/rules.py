"""The stage rules of a business idea, as plain data: which moves are allowed and what each needs.

    idea → validating → ready_to_start → started → growing, and any stage → paused.

- An idea moves one stage on at a time; it may step back one stage (from validating to idea, from ready
  to start to validating) when the evidence says so.
- validating needs the heart of the canvas: the problem, the customer segments and the value proposition.
- ready_to_start needs evidence: at least MIN_INTERVIEWS customer interviews and one finished experiment.
- started needs a company founded from the idea (recording the company moves the idea on by itself).
- A paused idea resumes at the stage it was paused in, or any earlier one.

`check_move` returns the first rule a move breaks (a `Broken` with its code), or None; the services word it.
"""

from __future__ import annotations

from dataclasses import dataclass

IDEA, VALIDATING, READY, STARTED, GROWING, PAUSED = (
    "idea",
    "validating",
    "ready_to_start",
    "started",
    "growing",
    "paused",
)
ORDER = (IDEA, VALIDATING, READY, STARTED, GROWING)
MIN_INTERVIEWS = 3


@dataclass(frozen=True)
class Evidence:
    canvas_core: bool = False  # problem, customer segments and value proposition written
    interviews: int = 0
    finished_experiments: int = 0
    has_company: bool = False
    paused_from: str | None = None  # the stage a paused idea was paused in


@dataclass(frozen=True)
class Broken:
    code: str  # same, unknown, jump, back, canvas, evidence, company, resume
    allowed: tuple[str, ...] = ()


def allowed_moves(stage: str, *, paused_from: str | None = None) -> tuple[str, ...]:
    """The stages an idea may move to from `stage`, before the evidence is looked at."""
    if stage == PAUSED:
        last = ORDER.index(paused_from) if paused_from in ORDER else 0
        return ORDER[: last + 1]
    index = ORDER.index(stage)
    moves = []
    if index + 1 < len(ORDER):
        moves.append(ORDER[index + 1])
    if stage in (VALIDATING, READY):
        moves.append(ORDER[index - 1])
    moves.append(PAUSED)
    return tuple(moves)


def check_move(current: str, target: str, evidence: Evidence) -> Broken | None:
    if target == current:
        return Broken("same")
    if target not in (*ORDER, PAUSED) or current not in (*ORDER, PAUSED):
        return Broken("unknown")
    allowed = allowed_moves(current, paused_from=evidence.paused_from)
    if target not in allowed:
        if current == PAUSED:
            return Broken("resume", allowed)
        if target in ORDER and ORDER.index(target) < ORDER.index(current):
            return Broken("back", allowed)
        return Broken("jump", allowed)
    if target == VALIDATING and not evidence.canvas_core:
        return Broken("canvas")
    if target == READY and (evidence.interviews < MIN_INTERVIEWS or evidence.finished_experiments < 1):
        return Broken("evidence")
    if target in (STARTED, GROWING) and not evidence.has_company:
        return Broken("company")
    return None
