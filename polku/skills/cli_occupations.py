"""`polku occupations rank`: see polku.skills.cli."""

from __future__ import annotations

from polku.skills.cli import run


def main(argv: list[str]) -> int:
    return run("occupations", argv)
