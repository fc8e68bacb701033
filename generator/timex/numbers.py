"""Amounts and years written in words, and unit names, read with the numbers lexicon."""

from __future__ import annotations

import re

from generator.timex.lexicon import english

_LEX = english()
WORD_NUMBERS: dict[str, float] = dict(_LEX.numbers or {})
_VAGUE = _LEX.vague_amounts
_UNIT_OF = _LEX.unit_of
_DIGITS_RE = re.compile(r"[\d,]+(?:\.\d+)?")


def number_value(word: str) -> float | None:
    """The number a NUM match stands for; None for vague amounts ("several", "a few")."""
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w in _VAGUE:
        return None
    half = 0.0
    if w.endswith(" and a half"):
        half, w = 0.5, w[: -len(" and a half")]
    if w.endswith(" 1/2") or w.endswith("½"):
        half, w = 0.5, w.replace(" 1/2", "").replace("½", "")
    if _DIGITS_RE.fullmatch(w):
        return float(w.replace(",", "")) + half
    if w in WORD_NUMBERS:
        return WORD_NUMBERS[w] + half
    if w.endswith(" hundred"):
        head = w[: -len(" hundred")]
        return 100 * (WORD_NUMBERS.get(head, 1) if head != "several" else 1) + half
    parts = re.split(r"[-\s]", w)
    if len(parts) == 2 and parts[0] in WORD_NUMBERS and parts[1] in WORD_NUMBERS:
        return WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]] + half
    return None


def year_from_words(words: str) -> int | None:
    """1997 from "nineteen ninety-seven", 2001 from "two thousand and one"."""
    w = re.sub(r"[-\s]+", " ", words.lower()).replace(" and ", " ").strip()
    if w.startswith("two thousand"):
        rest = w[len("two thousand"):].strip()
        tail = number_value(rest) if rest else 0
        return None if tail is None else 2000 + int(tail)
    head, _, rest = w.partition(" ")
    century = WORD_NUMBERS.get(head)
    if century is None:
        return None
    if rest == "hundred":
        return int(century * 100)
    if rest.startswith("oh "):
        rest = rest[3:]
    tail = number_value(rest)
    return None if tail is None else int(century * 100 + int(tail))


def unit_name(word: str) -> str:
    """Canonical singular unit ("Years" -> "year", "hrs" -> "hour")."""
    w = word.lower().rstrip(".")
    if w in _UNIT_OF:
        return _UNIT_OF[w]
    return w[:-1] if w.endswith("s") else w
