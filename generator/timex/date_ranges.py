"""The year a range's first end takes from its last: "from March 3 to May 9, 2019".

A month or month-day written without a year that opens a range ("to", "until", "through",
"and", a dash) whose other end names its year is of that year, as a writer gives the year
once for both ends; an end later in the calendar than the last is of the year before
("December 28 to January 3, 2020" opens in 2019). English reads it in its handlers
(``year_from_range_end``); other languages once their expressions are found
(``years_from_range_ends``: "du 3 mars au 9 mai 2019", "vom 3. März bis 9. Mai 2019").
"""

from __future__ import annotations

import re
from datetime import date

from generator.model import TimeExpr, TimeValue
from generator.timex import values as V
from generator.timex.lexicon import english
from generator.timex.scan import Candidate

Piece = tuple[int, int, TimeValue]

_LEX = english()
_MONTH_NUMBER = _LEX.month_numbers
# the month names and abbreviations as a name is written, longest first so that "June" is
# not read as "Jun"; a lower-case "may" is the verb
_MONTHS = "|".join(sorted((re.escape(name.title()) for name in _MONTH_NUMBER), key=len,
                          reverse=True))
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_LAST_END = re.compile(
    _LEX.pattern("range_link").pattern
    + rf"(?:the\s+)?(?:(?P<m1>{_MONTHS})\.?\s+(?P<d1>{_DAY})\b"
    + rf"|(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m2>{_MONTHS})\b\.?"
    + rf"|(?P<m3>{_MONTHS})\b\.?)"
    + r",?\s+(?P<y>1\d{3}|20\d{2})(?![\d,]\d)")
REACH = 40  # characters after the first end that the last end must lie within


def year_from_range_end(text: str, end: int, month: int, day: int = 1) -> int | None:
    """The year of a range's first end (month ``month``, day ``day``, written up to
    ``end``) named at its last end right after it, else None."""
    m = _LAST_END.match(text[end:end + REACH])
    if m is None:
        return None
    last_month = _MONTH_NUMBER[(m["m1"] or m["m2"] or m["m3"]).lower()]
    last_day = int(re.sub(r"\D", "", m["d1"] or m["d2"] or "31"))
    year = int(m["y"])
    return year - 1 if (month, day) > (last_month, last_day) else year


_DAY_OR_MONTH = re.compile(r"(?:\d{4}|XXXX)-(\d{2})(?:-(\d{2}))?")
_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:1\d{3}|20\d{2})(?!\d)")


def days_of_one_year(c: Candidate, y: int, m: int, d: int, last: str) -> list[Piece] | None:
    """ "March 3-5, 2021", "3-5 March 2021": the first and last days (group ``last``) of a
    range written with one month and year, two dates; None unless the last is later."""
    d2 = int(re.sub(r"\D", "", c.groups[last] or ""))
    if d2 <= d:
        return None
    try:
        first, second = date(y, m, d), date(y, m, d2)
    except ValueError:
        return None
    return [(c.start, c.group_spans["d"][1], V.day(first, c.rule)),
            (c.group_spans[last][0], c.end, V.day(second, c.rule))]


def years_from_range_ends(text: str, exprs: list[TimeExpr],
                          links: tuple[str, ...]) -> list[TimeExpr]:
    """``exprs`` with each day or month written without a year that ``links`` join to the
    next expression, a day or month that writes its year, given that year."""
    if not links:
        return exprs
    joins = {" ".join(link.lower().split()) for link in links}
    out = list(exprs)
    for i in range(len(out) - 1):
        first, last = out[i], out[i + 1]
        between = " ".join(text[first.end:last.start].lower().split())
        if between in joins and not _YEAR_WRITTEN.search(first.text) \
                and _YEAR_WRITTEN.search(last.text):
            value = _in_year_of(first.time, last.time)
            if value is not None:
                out[i] = TimeExpr(first.start, first.end, first.text, value)
    return out


def _in_year_of(first: TimeValue, last: TimeValue) -> TimeValue | None:
    """``first`` (a day or month) in the year of ``last``, the year before when it falls
    later in the calendar; None when either is no day or month."""
    m1, m2 = _DAY_OR_MONTH.fullmatch(first.value), _DAY_OR_MONTH.fullmatch(last.value)
    if m1 is None or m2 is None or last.start is None:
        return None
    month, day = int(m1[1]), int(m1[2]) if m1[2] else None
    later = (month, day or 1) > (int(m2[1]), int(m2[2]) if m2[2] else 31)
    year = last.start.year - (1 if later else 0)
    try:
        if day is None:
            return V.month(year, month, first.rule)
        return V.day(date(year, month, day), first.rule)
    except ValueError:
        return None


_DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def first_days_of_ranges(text: str, exprs: list[TimeExpr],
                         links: tuple[str, ...]) -> list[TimeExpr]:
    """``exprs`` with the bare first day of a range of days added before the date that ends
    it ("du [12] au 16 août 2019", "vom [12.] bis 16. August 2019", "los días [12] y 13 de
    agosto"): that day of the last's month and year, as English "12-16 August 2019"."""
    if not links:
        return exprs
    joins = "|".join(re.escape(" ".join(link.split())).replace(r"\ ", r"\s+")
                     for link in sorted(links, key=len, reverse=True))
    before = re.compile(rf"(?<![\d.,/])(\d{{1,2}})(\.?)\s*(?:{joins})\s*$", re.I)
    out: list[TimeExpr] = []
    taken = 0
    for expr in exprs:
        first = _first_day(text, expr, before, taken)
        if first is not None:
            out.append(first)
        out.append(expr)
        taken = expr.end
    return out


def _first_day(text: str, last: TimeExpr, before: re.Pattern[str], taken: int) -> TimeExpr | None:
    """The bare day number a link joins to ``last``, a date that opens with its own day."""
    value = _DAY_VALUE.fullmatch(last.time.value)
    if value is None or not last.text[:1].isdigit():
        return None
    m = before.search(text, max(taken, last.start - 20), last.start)
    if m is None or int(m.group(1)) >= int(value.group(3)):
        return None
    try:
        day = date(int(value.group(1)), int(value.group(2)), int(m.group(1)))
    except ValueError:
        return None
    return TimeExpr(m.start(1), m.end(2), text[m.start(1):m.end(2)], V.day(day, last.time.rule))
