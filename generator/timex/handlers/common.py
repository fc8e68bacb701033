"""What every handler family shares: the piece type and small readers of the text."""

from __future__ import annotations

import re
from datetime import date

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.context import Context
from generator.timex.lexicon import english
from generator.timex.scan import Candidate

Piece = tuple[int, int, TimeValue]
Pieces = list[Piece] | None

LEX = english()
MONTH_NUMBER = LEX.month_numbers
WEEKDAY_NUMBER = LEX.weekday_numbers
POD = LEX.day_parts or {}
_PREV_WORD = re.compile(r"([A-Za-z.'’]+)\W*$")
_SPACES = re.compile(r"\s+")


def span(c: Candidate, group: str) -> tuple[int, int]:
    return c.group_spans[group]


def one(c: Candidate, value: TimeValue | None) -> Pieces:
    return None if value is None else [(c.start, c.end, value)]


def prev_word(ctx: Context, pos: int) -> str:
    m = _PREV_WORD.search(ctx.text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def next_text(ctx: Context, pos: int, n: int = 25) -> str:
    return ctx.text[pos:pos + n]


def norm(text: str | None) -> str:
    """A group's words, lower case, spaces collapsed ("The  past" -> "the past")."""
    return _SPACES.sub(" ", (text or "").lower())


def month_of(g: dict[str, str | None], key: str = "mon") -> int:
    return MONTH_NUMBER[g[key].lower().rstrip(".")]  # type: ignore[union-attr]


def day_number(s: str | None) -> int:
    return int(re.sub(r"\D", "", s or "0"))


def day_piece(c: Candidate, y: int, m: int, d: int, rule: str) -> Pieces:
    try:
        return one(c, V.day(date(y, m, d), rule))
    except ValueError:
        return None
