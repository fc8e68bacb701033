"""Days and weeks of a month or year by their ordinal (rules/monthdays.yaml): "the first
Monday of August", "the second week of June", "the last day of June", "the first day of
2024", "on the 9th", "the 3rd of last month", "Thursday the 21st".

A month named without a year takes the year its clause implies, as a month's does; "the
month" and "the year" are the ones being told, else the dateline's; "the first Monday of
every month" is a SET.
"""

from __future__ import annotations

from datetime import date, timedelta

from generator.timex import values as V
from generator.timex.calendar import nth_weekday, pick_year_for_month
from generator.timex.context import Context
from generator.timex.handlers.common import (LEX, MONTH_NUMBER, WEEKDAY_NUMBER, Pieces, norm,
                                             one, told_base)
from generator.timex.scan import Candidate

_COPULA = LEX.pattern("copula_before_weekday")
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def nth_weekday_of_month(c: Candidate, ctx: Context) -> Pieces:
    """ "the first Monday of August": the month's year by the clause, as a month's is."""
    g = c.groups
    wd = WEEKDAY_NUMBER[(g["wd"] or "").lower()]
    n = _NTH[(g["nth"] or "").lower()]
    every = norm(g["every"])
    if every == "the" and ctx.dct is not None and ctx.tense(c.start, c.end) is not None:
        # "he left on the last Friday of the month": the month being told, else the dateline's
        told = ctx.ref(c.start)
        month_day = told.start if told is not None and told.start is not None else ctx.dct
        tense = ctx.tense(c.start, c.end)
        try:
            d = nth_weekday(month_day.year, month_day.month, wd, n)
            if told is None and (d > ctx.dct if tense == "past" else d < ctx.dct):
                # the dateline's month holds it only on the side the tense says: else the
                # month before (a past) or after (a future)
                other = V.add_months(month_day.replace(day=1), -1 if tense == "past" else 1)
                d = nth_weekday(other.year, other.month, wd, n)
            return one(c, V.day(d, "nth_weekday"))
        except ValueError:
            return None
    if every:
        # "the first Monday of every month", "is the last Friday of the month": TIMEX3 has no
        # value for the nth weekday of each month; it is a Monday that recurs
        return one(c, V.set_value(f"XXXX-WXX-{wd + 1}", "nth_weekday_set"))
    y, m = _month_of(c, ctx)
    if y is None or m is None:
        return None
    try:
        return one(c, V.day(nth_weekday(y, m, wd, n), "nth_weekday"))
    except ValueError:
        return None  # "the fifth Monday" of a month with four



def nth_week_of_month(c: Candidate, ctx: Context) -> Pieces:
    """ "the second week of June": the calendar week holding the 11th (the middle of the
    month's days 8 to 14); "the last week" holds the month's last day but three."""
    g = c.groups
    nth = (g["nth"] or "").lower()
    y, m = _month_of(c, ctx)
    if m is None:
        return None
    if y is None:
        return one(c, V.unresolved(f"XXXX-{m:02d}", "week", "nth_week"))
    if nth in ("last", "final"):
        middle = V.last_day(y, m) - timedelta(days=3)
    else:
        middle = date(y, m, 7 * _NTH[nth] - 3)
    return one(c, V.week_of(middle, "nth_week"))



def nth_day(c: Candidate, ctx: Context) -> Pieces:
    """ "the last day of June", "the first day of 2024", "the last day of the year"."""
    g = c.groups
    nth = (g["nth"] or "").lower()
    if g["year"] or g["yrel"]:
        y = _year_named(c, ctx)
        if y is None:
            return None
        return one(c, V.day(date(y, 1, _NTH[nth]) if nth in _NTH and _NTH[nth] > 0
                            else date(y, 12, 31), "nth_day"))
    y, m = _month_told(c, ctx) if g["the_month"] else _month_of(c, ctx)
    if y is None or m is None:
        return None
    last = nth in ("last", "final")
    return one(c, V.day(V.last_day(y, m) if last else date(y, m, _NTH[nth]), "nth_day"))



def _year_named(c: Candidate, ctx: Context) -> int | None:
    """The year of "... of 2024", "... of last year", "... of the year" (the one told in a
    past clause, else the dateline's)."""
    g = c.groups
    if g["year"]:
        return int(g["year"])
    if ctx.dct is None:
        return None
    rel = norm(g["yrel"])
    if rel == "the":
        told = told_base(ctx, c.start, c.end, "year")
        if told is not None:
            return told.year
        # "died on the last day of the year" in a July article: a past clause's year ended
        ended = (c.groups["nth"] or "").lower() in ("last", "final") \
            and ctx.tense(c.start, c.end) == "past"
        return ctx.dct.year - 1 if ended else ctx.dct.year
    return ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)



def _month_told(c: Candidate, ctx: Context) -> tuple[int | None, int | None]:
    """The month of "... of the month": the one being told, else the dateline's (the month
    before it when its day is ahead of a past clause's dateline, as a weekday's would be)."""
    if ctx.dct is None:
        return None, None
    told = ctx.ref(c.start)
    if told is not None and told.start is not None:
        return told.start.year, told.start.month
    first = ctx.dct.replace(day=1)
    if ctx.tense(c.start, c.end) == "past" and (c.groups["nth"] or "").lower() in ("last", "final"):
        first = V.add_months(first, -1)
    return first.year, first.month



def _month_of(c: Candidate, ctx: Context) -> tuple[int | None, int | None]:
    """The (year, month) that "... of last month", "... of June 2021" or "... of June" names
    (that one's year by the clause, as a month's is); None for what needs the dateline and
    has none."""
    g = c.groups
    if g["rel"]:
        if ctx.dct is None:
            return None, None
        first = V.add_months(ctx.dct.replace(day=1), {"last": -1, "next": 1}.get(norm(g["rel"]), 0))
        return first.year, first.month
    m = MONTH_NUMBER[(g["mon"] or "").lower()]
    if g["y"]:
        return int(g["y"]), m
    if ctx.dct is None:
        return None, m
    tense = ctx.tense(c.start, c.end)
    framed = ctx.year_frame(c.start, m) if tense != "future" else None
    return (framed if framed is not None else pick_year_for_month(ctx.dct, m, tense)), m



def nth(c: Candidate, ctx: Context) -> Pieces:
    """ "on the 9th": of the month last mentioned, else the dateline's month by tense."""
    d = int(c.groups["d"] or 0)
    rel = norm(c.groups["rel"])
    if rel in ("this", "last", "next"):
        return _nth_of_month_named(c, ctx, d, rel)
    if c.groups.get("wd"):
        return _nth_on_weekday(c, ctx, d, WEEKDAY_NUMBER[c.groups["wd"].lower()])
    ref = ctx.ref(c.start)
    if ref is not None and ref.start is not None and ref.granularity in ("day", "month", "time"):
        base = ref.start
        try:
            return one(c, V.day(date(base.year, base.month, d), "nth_of_ref_month"))
        except ValueError:
            return None
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX-XX-XX", "day", "nth"))
    tense = ctx.tense(c.start, c.end)
    base = ctx.dct.replace(day=1)
    if tense == "past" and d > ctx.dct.day:
        base = V.add_months(base, -1)
    elif tense == "future" and d < ctx.dct.day:
        base = V.add_months(base, 1)
    try:
        return one(c, V.day(date(base.year, base.month, d), "nth"))
    except ValueError:
        return None



MONTHS_AROUND = 12  # how far "Thursday the 21st" looks for a month whose 21st is a Thursday


def _nth_on_weekday(c: Candidate, ctx: Context, d: int, wd: int) -> Pieces:
    """ "Thursday the 21st": the 21st that is a Thursday: of the month told if it is one
    there, else the nearest to the dateline on the side the clause's tense says (either
    side when it says none)."""
    ref = ctx.ref(c.start)
    if ref is not None and ref.start is not None and ref.granularity in ("day", "month", "time"):
        told = _day_of(ref.start.year, ref.start.month, d)
        if told is not None and told.weekday() == wd:
            return one(c, V.day(told, "nth_weekday_day"))
    if ctx.dct is None:
        return one(c, V.unresolved(f"XXXX-WXX-{wd + 1}", "day", "nth_weekday_day"))
    dct, tense = ctx.dct, ctx.tense(c.start, c.end, timetable=True)
    if tense is None and _COPULA.search(ctx.text, max(0, c.start - 40), c.start):
        tense = "future"  # "the vote is on Monday the 30th": a timetable, as a weekday's
    days = [day for step in range(-MONTHS_AROUND, MONTHS_AROUND + 1)
            if (day := _day_of(*_month_step(dct, step), d)) is not None and day.weekday() == wd
            and not (tense == "past" and day > dct) and not (tense == "future" and day < dct)]
    if not days:
        return None
    return one(c, V.day(min(days, key=lambda day: abs((day - dct).days)), "nth_weekday_day"))


def _month_step(d: date, step: int) -> tuple[int, int]:
    first = V.add_months(d.replace(day=1), step)
    return first.year, first.month


def _day_of(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "the 31st" of a shorter month


def _nth_of_month_named(c: Candidate, ctx: Context, d: int, rel: str) -> Pieces:
    """ "the 3rd of last month": that day of the month "this", "last", "next" places."""
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX-XX-XX", "day", "nth"))
    first = V.add_months(ctx.dct.replace(day=1), {"last": -1, "next": 1}.get(rel, 0))
    try:
        return one(c, V.day(date(first.year, first.month, d), "nth"))
    except ValueError:
        return None
