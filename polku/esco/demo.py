"""`polku demo`: ESCO is there (the shipped v1.1.1, loaded after migrate; loaded here if it is not)."""

from __future__ import annotations

from polku.esco.loading import load_shipped_if_empty


def populate(*, seed: int) -> None:
    load_shipped_if_empty()
