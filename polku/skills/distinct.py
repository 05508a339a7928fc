"""Near-duplicate suggestions out of a ranked list: "customer service", "provide customer service",
"customer services" and "deliver customer service" are one suggestion to a person, the best-scored one.

Two labels are near-duplicates when their content words (lower case, a plural "s" dropped, general verbs
and small words left out) are the same, one holds all the other's (at least two) words, or they share at
least `threshold` of their words (Jaccard). Plain data in, plain data out; no Django.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

# Verbs and words ESCO puts around a skill that do not make it another skill.
GENERAL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "for",
        "in",
        "on",
        "with",
        "by",
        "at",
        "or",
        "as",
        "provide",
        "deliver",
        "maintain",
        "perform",
        "ensure",
        "apply",
        "use",
        "using",
        "carry",
        "out",
        "undertake",
        "offer",
        "give",
        "handle",
        "conduct",
        "practise",
        "practice",
        "demonstrate",
        "show",
        "support",
        "assist",
        "manage",
        "work",
        "working",
        "principles",
    ]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def content_words(label: str) -> frozenset[str]:
    words = set()
    for word in _WORD.findall(label.casefold()):
        if word in GENERAL_WORDS:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return frozenset(words)


def near_duplicates(a: str, b: str, threshold: float = 0.6) -> bool:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return a.casefold().strip() == b.casefold().strip()
    if wa == wb:
        return True
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(small) >= 2 and small <= large:
        return True
    return len(wa & wb) / len(wa | wb) >= threshold


def distinct(items: Sequence[T], label: Callable[[T], str], threshold: float = 0.6) -> list[T]:
    """The items in their order, each left out when its label is a near-duplicate of one kept before it
    (the list is best first, so the best of each family stays)."""
    kept: list[T] = []
    kept_words: list[str] = []
    for item in items:
        text = label(item)
        if any(near_duplicates(text, other, threshold) for other in kept_words):
            continue
        kept.append(item)
        kept_words.append(text)
    return kept
