"""Dates counted from another date of the text: "two days after July 4", "ten years on from
the uprising of March 2011", "the day before last Tuesday's hearing" (used by relative.py);
"this time last year", "the same month last year" (a unit of the dateline or of the date
told, a year back).

A count from a happening is a date only when the text dates the happening, right after the
preposition ("after July 4") or inside its noun phrase ("the 2011 uprising", "the crash in
May 2024"); otherwise it is a length of time.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.context import Context
from generator.timex.scan import Candidate

# "on from", "on since": counted from what follows
FROM_EVENT = re.compile(r"\s+(?:from|since)\b")
# "earlier than usual", "later than planned"
COMPARISON = re.compile(r"\s+than\b")
# the word a preposition governs, on the same line
GOVERNED_WORD = re.compile(r"[ \t]+([A-Za-z0-9]+)")
# The units a date of each precision can be counted in: "two days after March" is no day.
_COUNTABLE = {"day": {"day", "week", "month", "quarter", "year", "decade", "century"},
              "time": {"hour", "minute", "day", "week", "month", "year"},
              "week": {"week", "month", "quarter", "year", "decade", "century"},
              "month": {"month", "quarter", "year", "decade", "century"},
              "quarter": {"quarter", "year", "decade", "century"},
              "year": {"year", "decade", "century"}}
# Where the noun phrase after the preposition ends: a clause break or a clause word.
_PHRASE_END = re.compile(r"[,;:!?()\"“”\n]|\.(?=\s)|\s(?:who|which|that|when|where|while|and|but"
                         r"|as|because|if|to|was|were|is|are|has|had|have)\b", re.I)
_PHRASE_CHARS = 60
# The word before a date inside the phrase: "the uprising of March 2011", "the 2011 uprising".
_BEFORE_DATE = re.compile(r"(?:^|\s)(?:of|in|on|the|its|their|his|her|this|that|last)\s+$", re.I)


def date_at(ctx: Context, pos: int) -> tuple[int, TimeValue] | None:
    """The end and value of a date expression starting exactly at ``pos``, if one does."""
    from generator.timex import scan
    from generator.timex.resolve import resolve  # the handlers' own dispatcher

    for cand in scan.find(ctx.text[pos:pos + 60]):
        if cand.start > 0:
            break
        spans = {k: (a + pos, b + pos) for k, (a, b) in cand.group_spans.items()}
        pieces = resolve(Candidate(cand.start + pos, cand.end + pos, cand.rule, cand.groups,
                                   spans=spans), ctx)
        if pieces and pieces[0][0] == pos and pieces[0][2].type == "DATE":
            return pieces[0][1], pieces[0][2]
    return None


def _dates_from(ctx: Context, lo: int, hi: int) -> list[tuple[int, int, TimeValue]]:
    """The DATE expressions of ctx.text[lo:hi], as resolved in ``ctx`` (not noted in it)."""
    from generator.timex import scan
    from generator.timex.resolve import resolve  # the handlers' own dispatcher

    out: list[tuple[int, int, TimeValue]] = []
    taken = 0
    for cand in scan.find(ctx.text[lo:hi]):
        if cand.start < taken:
            continue
        spans = {k: (a + lo, b + lo) for k, (a, b) in cand.group_spans.items()}
        pieces = resolve(Candidate(cand.start + lo, cand.end + lo, cand.rule, cand.groups,
                                   spans=spans), ctx)
        if pieces:
            out.extend(p for p in pieces if p[2].type == "DATE")
            taken = cand.end
    return out


def counted_from_date(ctx: Context, pos: int, sign: int, amount: float,
                      unit: str) -> tuple[int, TimeValue] | None:
    """(end, value) of "N units before/after DATE" when a date starts right after the word
    at ``pos`` ("after July 4": the whole phrase is one date)."""
    start = GOVERNED_WORD.match(ctx.text, pos, pos + 30)
    if start is None:
        return None
    dated = date_at(ctx, start.start(1))
    if dated is None:
        return None
    shifted = _count(dated[1], sign, amount, unit)
    return None if shifted is None else (dated[0], shifted)


def counted_from_phrase(ctx: Context, pos: int, sign: int, amount: float,
                        unit: str) -> TimeValue | None:
    """ "ten years on from the uprising of March 2011", "five years after the 2020 vote": the
    count from the date inside the noun phrase after ``pos`` (which keeps its own tag)."""
    start = GOVERNED_WORD.match(ctx.text, pos, pos + 30)
    if start is None:
        return None
    lo = start.start(1)
    hi = min(len(ctx.text), lo + _PHRASE_CHARS)
    stop = _PHRASE_END.search(ctx.text, lo, hi)
    end = stop.start() if stop else hi
    for s, _, value in _dates_from(ctx, lo, hi):
        if s >= end:
            break
        if _BEFORE_DATE.search(ctx.text, max(lo - 1, s - 12), s):
            return _count(value, sign, amount, unit)
    return None


def _count(value: TimeValue, sign: int, amount: float, unit: str) -> TimeValue | None:
    base = value.start if sign < 0 else value.end
    if base is None or unit not in _COUNTABLE.get(value.granularity or "", ()):
        return None
    if unit in ("hour", "minute"):
        return None  # a time of day from a time of day: left to the clock rules
    if unit == "week" and value.granularity in ("day", "time"):
        return V.day(base + timedelta(weeks=sign * int(amount)), "counted_from")
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months and value.granularity in ("day", "time", "month") and amount == int(amount):
        # "a year after May 2024" is May 2025, "a month after July 4" August 4: the count
        # keeps the precision of the date it starts from
        step = sign * int(amount) * months
        if not V.valid_year(base.year + (base.month - 1 + step) // 12):
            return None
        moved = V.add_months(base, step)
        if value.granularity == "month":
            return V.month(moved.year, moved.month, "counted_from")
        return V.day(moved, "counted_from")
    return shift(base, sign * amount, unit, "counted_from")


_FINER = {"century": ("year", 100), "decade": ("year", 10), "year": ("month", 12),
          "quarter": ("month", 3), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24)}


def shift(base: date, amount: float, unit: str, rule: str) -> TimeValue | None:
    """The date ``amount`` units from ``base``, at the precision of the unit."""
    if amount != int(amount) and unit in _FINER:
        # "half a century ago", "a year and a half later": counted in the unit below, which
        # holds the fraction (50 years, 18 months), at that unit's precision
        finer, times = _FINER[unit]
        return shift(base, round(amount * times), finer, rule)
    n = int(amount)
    if unit in ("second", "minute", "hour"):
        return V.day(base, rule)
    if unit == "day":
        return V.day(base + timedelta(days=n), rule)
    if unit == "week":
        return V.week_of(base + timedelta(weeks=n), rule)
    if unit == "month":
        d = V.add_months(base.replace(day=1), n)
        return V.month(d.year, d.month, rule)
    if unit == "quarter":
        d = V.add_months(base.replace(day=1), 3 * n)
        return V.quarter(d.year, V.quarter_of(d), rule)
    if unit in ("year", "decade", "century"):
        years = n * {"year": 1, "decade": 10, "century": 100}[unit]
        if not V.valid_year(base.year + years):
            return None
        return V.year(base.year + years, rule)
    return None


_BACK_DAYS = {"week": 7}
_GRAINS = {"day": ("day", "time"), "week": ("day", "time", "week"),
           "month": ("day", "time", "week", "month"), "time": ("day", "time")}


def same_unit_back(c: Candidate, ctx: Context) -> list[tuple[int, int, TimeValue]] | None:
    """ "this time last year" (the dateline's month a year back: "this time" is no finer),
    "this week last year", "the same month last year" (of the month just told: "sales in
    June rose from the same month last year"), "the same day last week"."""
    g = c.groups
    unit = (g["unit"] or "").lower()
    back = (g["back"] or "").lower()
    step = -1 if (g["rel"] or "").lower() == "last" else 1
    base = ctx.dct
    if (g["the"] or "").lower() != "this":
        told = ctx.ref_finer(c.start, _GRAINS[unit], near=True)
        base = told.start if told is not None and told.start is not None else base
    if base is None:
        return None
    if back == "week":
        if unit not in ("day", "time"):
            return None
        return [(c.start, c.end, V.day(base + timedelta(weeks=step), "same_unit_back"))]
    moved = V.add_months(base.replace(day=1), step * (12 if back == "year" else 1))
    if unit == "week":
        if back != "year":
            return None
        return [(c.start, c.end, V.week_of(base + timedelta(weeks=52 * step), "same_unit_back"))]
    if unit == "day":
        last = V.last_day(moved.year, moved.month).day
        return [(c.start, c.end, V.day(moved.replace(day=min(base.day, last)), "same_unit_back"))]
    return [(c.start, c.end, V.month(moved.year, moved.month, "same_unit_back"))]
