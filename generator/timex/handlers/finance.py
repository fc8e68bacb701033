"""Reporting periods of business news (rules/finance.yaml): quarters, halves, "year-ago".

Earnings text names the quarter it reports on and then compares it with "a year ago":
``Context`` remembers the quarter last named (``last_quarter``) and whether the period
last named spans several quarters ("the first nine months"), and these handlers read it.
"""

from __future__ import annotations

import re
from datetime import timedelta

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.calendar import pick_day, shift_quarter, two_digit_year
from generator.timex.context import Context
from generator.timex.handlers.common import LEX, MONTH_NUMBER, Pieces, norm, one, span
from generator.timex.scan import Candidate

_QUARTER_ORD = LEX.quarter_ordinals or {}
_IN_PASSING = LEX.pattern("quarter_in_passing")
_ENDED = LEX.pattern("quarter_ended")
_COMPARED = ("year-ago", "year-earlier", "comparable", "same")


def year_quarter(c: Candidate, ctx: Context) -> Pieces:
    """ "the 1988 third quarter"; "the 1988 period" after "the nine months" is the year."""
    g = c.groups
    y = int(g["y"] or 0)
    q = _QUARTER_ORD.get((g["ord"] or "").lower())
    if q is None and (g["noun"] or "").lower() == "period" and ctx.reports_months(c.start):
        return one(c, V.year(y, "year_period"))
    if q is None:
        cq = ctx.context_quarter()
        if cq is None:
            return None
        q = cq[1]
    return one(c, V.quarter(y, q, "year_quarter"))


# a quarter's first and last months ("the April-June quarter") and the ordinal they make
_QUARTER_MONTHS = {("jan", "mar"): "first", ("apr", "jun"): "second", ("jul", "sep"): "third",
                   ("oct", "dec"): "fourth"}
_MONTH_PAIR = re.compile(r"([a-z]{3})[a-z]*\.?[-–]([a-z]{3})")


def _quarter_ordinal(words: str) -> str | None:
    """The ordinal of "third", or of a quarter's months ("july-september": "third"); None
    for months that open and close no one calendar quarter ("may-july")."""
    pair = _MONTH_PAIR.match(words)
    if pair is None:
        return words
    return _QUARTER_MONTHS.get((pair.group(1), pair.group(2)))


def quarter(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    the = (g["the"] or "").lower()
    mods = (g["mods"] or "").lower()
    ord_ = _quarter_ordinal((g["ord"] or "").lower())
    if ord_ is None:
        return None
    if the == "a" or (the == "that" and ord_):
        # "a third quarter", "said that third-quarter profit": the quarter without the word
        pieces = _quarter_pieces(c, ctx, "", mods, ord_)
        if not pieces:
            return None
        start = span(c, "mods")[0] if g["mods"] else span(c, "ord")[0]
        return [(start, c.end, pieces[0][2])]
    return _quarter_pieces(c, ctx, the, mods, ord_)


def _quarter_pieces(c: Candidate, ctx: Context, the: str, mods: str, ord_: str) -> Pieces:
    g = c.groups
    rule = "quarter"
    if g["y"]:
        y = int(g["y"])
        q = _QUARTER_ORD.get(ord_, 4 if ord_ in ("final", "last") else 0)
        if not q:
            return None
        return one(c, V.quarter(y, q, rule))
    if ctx.dct is None:
        q = _QUARTER_ORD.get(ord_)
        return one(c, V.unresolved(f"XXXX-Q{q}" if q else "XXXX-QX", "quarter", rule))
    dct = ctx.dct
    if the == "that" and not ord_:  # "that quarter": the one last named
        named = ctx.ref_of(c.start, "quarter")
        return one(c, V.quarter(named.start.year, V.quarter_of(named.start), "that_quarter")) \
            if named is not None and named.start is not None else None
    if g["yrel"]:  # "the first quarter of next year"
        q = _QUARTER_ORD.get(ord_, 4 if ord_ in ("final", "last") or the == "last" else 0)
        step = {"last": -1, "next": 1}.get(norm(g["yrel"]), 0)
        base = dct.year
        if norm(g["yrel"]) == "the":  # "of the year": the year being told, else the dateline's
            told = ctx.ref(c.start)
            base = told.start.year if told is not None and told.start is not None else dct.year
        return one(c, V.quarter(base + step, q, rule)) if q else None
    cur_q = V.quarter_of(dct)
    if any(word in mods for word in _COMPARED):
        q = _QUARTER_ORD.get(ord_)
        cq = ctx.context_quarter()
        if cq is None:
            return None
        return one(c, V.quarter(cq[0] - 1, q or cq[1], "year_ago_quarter"))
    if ord_ in _QUARTER_ORD:
        q = _QUARTER_ORD[ord_]
        y = dct.year
        if the == "last":
            y = dct.year - 1 if q >= cur_q else dct.year
        elif the == "next":
            y = dct.year + 1 if q <= cur_q else dct.year
        else:
            tense = ctx.tense(c.start, c.end)
            if tense == "future" and q < cur_q - 1:
                y += 1
            elif tense == "past" and q > cur_q and "fiscal" not in mods:
                y -= 1  # "reported a loss for the fourth quarter" in January: last year's
            # "after a flat second quarter", "will result in a fourth-quarter charge": a
            # quarter named in passing is not the period the article reports on
            if tense == "future" or _IN_PASSING.search(ctx.text[max(0, c.start - 20):c.start]):
                rule = "quarter_aside"
        return one(c, V.quarter(y, q, rule))
    if the == "last" or ord_ in ("last", "final") or "previous" in mods:
        return one(c, shift_quarter(dct.year, cur_q, -1, rule))
    if the == "next":
        return one(c, shift_quarter(dct.year, cur_q, 1, rule))
    if the == "this" or "current" in mods:
        return one(c, V.quarter(dct.year, cur_q, rule))
    if "latest" in mods or "recent" in mods or "just" in mods:
        completed = shift_quarter(dct.year, cur_q, -1, rule)
        cq = ctx.last_quarter
        # a fiscal quarter may bear the name of a calendar quarter not yet over ("Ralston's
        # fiscal fourth quarter ended Sept. 30"): trust it when the article leads with it
        if cq and (V.quarter(cq[0], cq[1], rule).end < dct  # type: ignore[operator]
                   or cq == ctx.first_quarter):
            return one(c, V.quarter(cq[0], cq[1], "context_quarter"))
        return one(c, completed)
    ended = _quarter_ended(c, ctx) if ctx.last_quarter is None else None
    if ended is not None:
        return one(c, ended)
    cq = ctx.context_quarter()
    return one(c, V.quarter(cq[0], cq[1], "context_quarter")) if cq else None


def _quarter_ended(c: Candidate, ctx: Context) -> TimeValue | None:
    """ "the quarter ended July 31" in a text that has named no quarter yet: the calendar
    quarter most of its three months lie in (the one holding the day 45 days before its end:
    May to July, the second), not the one just ended at the dateline. Once the text has
    named its quarter ("its fiscal first quarter"), "the quarter" is that one, as TimeML
    values a fiscal quarter by its name."""
    m = _ENDED.match(ctx.text, c.end)
    month_no = MONTH_NUMBER.get(m.group(1).lower()) if m else None
    if m is None or month_no is None or ctx.dct is None:
        return None
    tense = "past" if m.group(0).lower().strip().endswith("ended") else None
    last = pick_day(ctx.dct, month_no, int(m.group(2)), tense)
    if last is None:
        return None
    middle = last - timedelta(days=45)
    return V.quarter(middle.year, V.quarter_of(middle), "quarter")


def quarter_phrase(c: Candidate, ctx: Context) -> Pieces:
    """ "the quarter a year ago", "the corresponding period last year", "last year's
    quarter", "this year's third quarter", "the first two quarters of 1990"."""
    g = c.groups
    if g["halfword"]:
        return one(c, V.half(int(g["y"] or 0), 1 if g["halfword"].lower() == "first" else 2,
                             "half"))
    q = _QUARTER_ORD.get((g["ord"] or "").lower())
    if g["yy"] or g["hord"]:
        return _of_year_told(c, ctx, q)
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX-QX", "quarter", "quarter"))
    cq = ctx.context_quarter()
    if g["ago"] or (g["rel"] or "").lower() == "last":
        if ctx.reports_months(c.start) and not q:
            return one(c, V.year(ctx.dct.year - 1, "year_period"))
        if cq is None:
            return None
        return one(c, V.quarter(cq[0] - 1, q or cq[1], "year_ago_quarter"))
    year = ctx.dct.year + (1 if (g["rel"] or "").lower() == "next" else 0)
    if q:
        return one(c, V.quarter(year, q, "quarter"))
    return None if cq is None else one(c, V.quarter(year, cq[1], "context_quarter"))


def _of_year_told(c: Candidate, ctx: Context, q: int | None) -> Pieces:
    """ "2019's first quarter", "this year's second half": that quarter or half of the
    year named, or of the year "last", "this", "next" places."""
    g = c.groups
    if g["yy"]:
        year: int | None = int(g["yy"])
    elif ctx.dct is not None:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(norm(g["rel"]), 0)
    else:
        year = None
    h = 1 if norm(g["hord"]) == "first" else 2
    if year is None:
        return one(c, V.unresolved(f"XXXX-H{h}" if g["hord"] else "XXXX-QX",
                                   "half" if g["hord"] else "quarter", "quarter"))
    if g["hord"]:
        return one(c, V.half(year, h, "half"))
    return None if q is None else one(c, V.quarter(year, q, "quarter"))


def quarter_code(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    if g["h"]:  # "H1 2025", "2H 2026", "1H25"
        y = int(g["hy"]) if g["hy"] else two_digit_year(int(g["hyy"] or 0), ctx.dct)
        return one(c, V.half(y, int(re.sub(r"\D", "", g["h"])), "half_code"))
    q = int(re.sub(r"\D", "", g["q"] or ""))
    if g["y"] or g["yy"]:  # "Q2 2024", "Q3 FY24"
        y = int(g["y"]) if g["y"] else two_digit_year(int(g["yy"] or 0), ctx.dct)
        return one(c, V.quarter(y, q, "quarter"))
    if ctx.dct is None:
        return one(c, V.unresolved(f"XXXX-Q{q}", "quarter", "quarter"))
    y = ctx.dct.year
    if q > V.quarter_of(ctx.dct) and ctx.tense(c.start, c.end) == "past":
        y -= 1  # "lost money in Q4", said in January: the quarter just ended
    return one(c, V.quarter(y, q, "quarter"))


def fiscal_short(c: Candidate, ctx: Context) -> Pieces:
    """ "FY25": fiscal 2025."""
    return one(c, V.year(two_digit_year(int(c.groups["yy"] or 0), ctx.dct), "fiscal_year"))


def half(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    h = 1 if (g["ord"] or "").lower() == "first" else 2
    if g["y"]:
        return one(c, V.half(int(re.sub(r"\D", "", g["y"])), h, "half"))
    if ctx.dct is None:
        return one(c, V.unresolved(f"XXXX-H{h}", "half", "half"))
    rel = (g["rel"] or "").lower()
    y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return one(c, V.half(y, h, "half"))


def year_adj(c: Candidate, ctx: Context) -> Pieces:
    """ "year-ago", "year-earlier": last year, or its quarter when the text reports one."""
    g = c.groups
    noun = norm(g["noun"])
    if noun in ("nine months", "six months"):
        return one(c, V.duration(V.duration_value(int(noun[0] == "n") * 3 + 6, "month"),
                                 "year_ago_period"))
    if ctx.dct is None:
        return one(c, V.unresolved("XXXX", "year", "year_ago"))
    q_words = {"first quarter": 1, "second quarter": 2, "third quarter": 3, "fourth quarter": 4}
    if noun in q_words:
        return one(c, V.quarter(ctx.dct.year - 1, q_words[noun], "year_ago_quarter"))
    cq = ctx.context_quarter() if (noun == "quarter" or (
        (noun == "period" or ctx.last_quarter) and not ctx.reports_months(c.start))) else None
    if cq:
        return one(c, V.quarter(cq[0] - 1, cq[1], "year_ago_quarter"))
    return one(c, V.year(ctx.dct.year - 1, "year_ago"))
