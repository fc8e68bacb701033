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


# the dates a period of each unit may be told from ("by the end of the month" after "on
# March 3"): no coarser than the unit
FINER_THAN = {"month": ("time", "day", "week", "month"),
              "year": ("time", "day", "week", "month", "quarter", "season", "half", "year")}


def told_base(ctx: Context, start: int, end: int, unit: str) -> date | None:
    """ "The bank failed on March 3, 2008. By the end of the month, ten more had closed":
    in a past clause, "the month" ("the year") is that of the date told just before (this
    sentence or the one before) when it is not the dateline's; else None (the dateline's)."""
    if ctx.dct is None or ctx.tense(start, end) != "past":
        return None
    ref = ctx.ref_finer(start, FINER_THAN[unit], near=True)
    if ref is None or ref.start is None:
        return None
    d = ref.start
    if d.year == ctx.dct.year and (unit == "year" or d.month == ctx.dct.month):
        return None
    return d
