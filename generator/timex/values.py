"""TIMEX3 values and the calendar arithmetic behind them.

Every constructor returns a ``TimeValue`` whose ``start``/``end`` is the inclusive day range
the value covers, so later stages can sort and merge without re-parsing TIMEX3 strings.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable, TypeVar

from generator.model import TimeValue

T = TypeVar("T")

# A validator for the values this package emits (TIMEX3 syntax, the subset we use).
_DATE_PART = (r"(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?)?"
              r"|(?:\d{4}|XXXX)-W(?:\d{2}|XX)(?:-(?:WE|[1-7]))?"
              r"|(?:\d{4}|XXXX)-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI)"
              r"|\d{3}|\d{2}|XXX|XX|XXXX-WXX-[1-7]")
_TIME_SUFFIX = r"(?:T(?:\d{2}(?::\d{2})?|MO|AF|EV|NI|DT))?"
_DURATION = (r"P(?:(?:\d+|X)Y)?(?:(?:\d+|X)Q)?(?:(?:\d+|X)M)?(?:(?:\d+|X)W)?(?:(?:\d+|X)D)?"
             r"(?:T(?:(?:\d+|X)H)?(?:(?:\d+|X)M)?(?:(?:\d+|X)S)?)?")
TIMEX3_VALUE_RE = re.compile(
    rf"^(?:(?:{_DATE_PART}){_TIME_SUFFIX}|{_DURATION}|PAST_REF|PRESENT_REF|FUTURE_REF)$")

SEASONS = ("SP", "SU", "FA", "WI")
# Meteorological seasons (northern hemisphere): first month of each.
SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PART_OF_DAY = ("MO", "AF", "EV", "NI")


# The calendar Annals places events on. Python's dates, like TIMEX3's four-digit years, end
# with years 1 and 9999, and the stages after the tagger look around a date (the merge's
# window of a week, a week's Monday to Sunday, iCalendar's day after the last, the month
# after a month): one year is kept free at each end so that none of them leaves the
# calendar. A value whose range is not inside keeps its TIMEX3 value but gets no range, so it
# never dates an event and the review page lists it; a phrase whose arithmetic would leave
# Python's calendar altogether ("tomorrow" on 9999-12-31) has no value and is not tagged.
CALENDAR_FIRST = date(2, 1, 1)
CALENDAR_LAST = date(9998, 12, 31)
OUTSIDE_CALENDAR = "outside_calendar"  # the rule name of a value without its range


def on_calendar(start: date, end: date) -> bool:
    """The calendar-bounds rule: may a value cover the days ``start``..``end``?"""
    return CALENDAR_FIRST <= start and end <= CALENDAR_LAST


def unless_off_calendar(resolve: Callable[[], T]) -> T | None:
    """``resolve()``, or None when its date arithmetic left Python's calendar.

    The taggers resolve each phrase through this, so their handlers may add days, weeks and
    years freely: OverflowError is "date value out of range" (or a timedelta too long), and
    the ValueErrors caught are "year 10000 is out of range" and a day its month does not have,
    which is no date either. Any other error is a bug and still raised."""
    try:
        return resolve()
    except OverflowError:
        return None
    except ValueError as exc:
        if "out of range" in str(exc):
            return None
        raise


def _dated(value: str, type_: str, granularity: str, start: date, end: date, rule: str) -> TimeValue:
    """Every anchored value is made here, so the calendar-bounds rule holds for all of them."""
    if on_calendar(start, end):
        return TimeValue(value, type_, granularity, start, end, rule)
    return TimeValue(value, type_, granularity, None, None, f"{rule}/{OUTSIDE_CALENDAR}")


def is_valid_value(value: str) -> bool:
    """True if ``value`` is TIMEX3 syntax this package may emit (durations must have a unit)."""
    if not TIMEX3_VALUE_RE.match(value):
        return False
    return not (value.startswith("P") and value in ("P", "PT")) and not value.endswith("T")


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, day clamped to the month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def valid_year(year: int) -> bool:
    return 1 <= year <= 9999


# --- anchored DATE values ---------------------------------------------------------------

def day(d: date, rule: str, suffix: str = "") -> TimeValue:
    return _dated(d.isoformat() + suffix, "DATE", "day", d, d, rule)


def time_of_day(d: date, hour: int, minute: int | None, rule: str) -> TimeValue:
    clock = f"{hour:02d}:{minute:02d}" if minute is not None else f"{hour:02d}:00"
    return _dated(f"{d.isoformat()}T{clock}", "TIME", "time", d, d, rule)


def part_of_day(d: date, part: str, rule: str, type_: str = "TIME") -> TimeValue:
    gran = "time" if type_ == "TIME" else "day"
    return _dated(f"{d.isoformat()}T{part}", type_, gran, d, d, rule)


def month(year: int, month_no: int, rule: str) -> TimeValue:
    return _dated(f"{year:04d}-{month_no:02d}", "DATE", "month",
                     date(year, month_no, 1), last_day(year, month_no), rule)


def year(y: int, rule: str) -> TimeValue:
    return _dated(f"{y:04d}", "DATE", "year", date(y, 1, 1), date(y, 12, 31), rule)


def year_span(first: int, last: int, rule: str) -> TimeValue:
    """A period across the years ``first``..``last`` ("the 2024-25 season", "the 2024/25
    financial year"): TIMEX3 has no value for it, so it is named by its first year, as a
    winter is (``YYYY-WI``); the range covers both years, all a timeline can honestly show
    of a season that may start and end in any month of them."""
    return _dated(f"{first:04d}", "DATE", "year", date(first, 1, 1), date(last, 12, 31), rule)


def year_end(y: int, rule: str) -> TimeValue:
    """ "the end of the year", "by year-end": TimeML's value is the year (with mod END); the
    range and granularity say what a timeline can honestly show, the year's last month."""
    return _dated(f"{y:04d}", "DATE", "month", date(y, 12, 1), date(y, 12, 31), rule)


def week_of(d: date, rule: str) -> TimeValue:
    iso_year, iso_week, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return _dated(f"{iso_year:04d}-W{iso_week:02d}", "DATE", "week", monday,
                     monday + timedelta(days=6), rule)


def weekend_of(d: date, rule: str) -> TimeValue:
    iso_year, iso_week, _ = d.isocalendar()
    saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return _dated(f"{iso_year:04d}-W{iso_week:02d}-WE", "DATE", "week", saturday,
                     saturday + timedelta(days=1), rule)


def quarter(y: int, q: int, rule: str) -> TimeValue:
    first = 3 * (q - 1) + 1
    return _dated(f"{y:04d}-Q{q}", "DATE", "quarter", date(y, first, 1),
                     last_day(y, first + 2), rule)


def half(y: int, h: int, rule: str) -> TimeValue:
    first = 1 if h == 1 else 7
    return _dated(f"{y:04d}-H{h}", "DATE", "half", date(y, first, 1),
                     last_day(y, first + 5), rule)


def season(y: int, code: str, rule: str) -> TimeValue:
    """Season ``code`` of year ``y``; winter runs from December of ``y`` into February."""
    first = date(y, SEASON_FIRST_MONTH[code], 1)
    end = add_months(first, 2)
    return _dated(f"{y:04d}-{code}", "DATE", "season", first,
                     last_day(end.year, end.month), rule)


def season_of(d: date) -> tuple[int, str]:
    """The (season year, code) containing ``d``; January-February belong to last year's winter."""
    if d.month in (1, 2):
        return d.year - 1, "WI"
    return d.year, SEASONS[(d.month - 3) // 3]


def decade(first_year: int, rule: str) -> TimeValue:
    first_year -= first_year % 10
    return _dated(f"{first_year // 10:03d}", "DATE", "decade", date(max(first_year, 1), 1, 1),
                     date(first_year + 9, 12, 31), rule)


def before_common_era(digits: str, granularity: str, rule: str) -> TimeValue:
    """A year or century before the common era: TIMEX3 writes 753 BC "BC0753", the 5th
    century BC "BC04". No day range: the calendar's dates begin at AD 1, so it never dates
    an event."""
    return TimeValue(f"BC{digits}", "DATE", granularity, None, None, rule)


def century(number: int, rule: str) -> TimeValue:
    """The ``number``-th century; TIMEX3 writes the 21st century (2000s) as "20"."""
    first = (number - 1) * 100
    return _dated(f"{number - 1:02d}", "DATE", "century", date(max(first, 1), 1, 1),
                     date(first + 99, 12, 31), rule)


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


# --- unanchored values --------------------------------------------------------------------

def unresolved(value: str, granularity: str | None, rule: str) -> TimeValue:
    """A relative DATE we cannot place without a dateline (value has X placeholders)."""
    return TimeValue(value, "DATE", granularity, None, None, rule)


def vague(ref: str, rule: str) -> TimeValue:
    return TimeValue(ref, "DATE", None, None, None, rule)


def duration(value: str, rule: str) -> TimeValue:
    return TimeValue(value, "DURATION", None, None, None, rule)


def set_value(value: str, rule: str) -> TimeValue:
    return TimeValue(value, "SET", None, None, None, rule)


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration for ``amount`` ``unit``s; None amount = unspecified ("PXY")."""
    if amount is None:
        return {"second": "PTXS", "minute": "PTXM", "hour": "PTXH", "day": "PXD",
                "week": "PXW", "month": "PXM", "quarter": "PXQ", "year": "PXY",
                "decade": "PXY", "century": "PXY"}[unit]
    if unit in ("decade", "century"):
        return f"P{_num(amount * (10 if unit == 'decade' else 100))}Y"
    if unit in ("second", "minute", "hour"):
        if amount != int(amount):  # "1 1/2 hours" -> PT1H30M
            whole = int(amount)
            sub = {"hour": ("H", "M", 60), "minute": ("M", "S", 60), "second": ("S", "S", 1)}[unit]
            rest = round((amount - whole) * sub[2])
            return f"PT{whole}{sub[0]}{rest}{sub[1]}" if whole else f"PT{rest}{sub[1]}"
        return f"PT{int(amount)}{unit[0].upper()}"
    letter = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}[unit]
    if amount != int(amount):
        if unit == "year":
            return f"P{int(amount)}Y{round((amount - int(amount)) * 12)}M"
        if unit == "month":
            return f"P{int(amount)}M{round((amount - int(amount)) * 30)}D"
        if unit == "week":  # "two and a half weeks": 17.5 days, P17DT12H
            days = amount * 7
            if days == int(days):
                return f"P{int(days)}D"
            return f"P{int(days)}DT{round((days - int(days)) * 24)}H"
        if unit == "day":
            return f"P{int(amount)}DT{round((amount - int(amount)) * 24)}H"
    return f"P{int(amount)}{letter}"


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)
