"""Calendar choices: which year a month or month-day named without one falls in, weekdays
before or after a day, quarters counted on, and the days holidays fall on.

Pure functions of dates; the clause tense comes in as an argument ("past", "future" or None).
"""

from __future__ import annotations

from datetime import date, timedelta

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.lexicon import Holiday

# Tense only breaks near-ties: a month-day 10 days ahead in a past-tense sentence is still
# most likely this year's (payment dates, deadlines, scheduled votes).
TENSE_TIE_DAYS = 120
TENSE_TIE_MONTHS = 8


SHORT_YEAR_AHEAD = 5  # "until '27" said in 2025 is ahead; "in '98" is of the last century


def two_digit_year(yy: int, dct: date | None) -> int:
    """The year "'98", "FY25" name: of the dateline's century up to a few years ahead of it,
    else of the century before."""
    now = dct.year if dct else 2030
    century = now // 100 * 100
    return century + yy if yy <= now % 100 + SHORT_YEAR_AHEAD else century - 100 + yy


def months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def pick_year_for_month(dct: date, month_no: int, tense: str | None) -> int:
    """Year of a month named without one: tense first, then the nearest occurrence."""
    if month_no == dct.month:
        return dct.year
    past_year = dct.year if month_no < dct.month else dct.year - 1
    future_year = dct.year if month_no > dct.month else dct.year + 1
    back = months_between(date(past_year, month_no, 1), dct)
    ahead = months_between(dct, date(future_year, month_no, 1))
    if abs(back - ahead) < TENSE_TIE_MONTHS and tense in ("past", "future"):
        return past_year if tense == "past" else future_year
    return past_year if back <= ahead else future_year


def pick_day(dct: date, month_no: int, day_no: int, tense: str | None,
             tie_days: int | None = None) -> date | None:
    """Date of a month-day named without a year, by tense then proximity."""
    candidates = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(y, month_no, day_no))
        except ValueError:
            continue
    if not candidates:
        return None
    past = max((d for d in candidates if d <= dct), default=None)
    future = min((d for d in candidates if d >= dct), default=None)
    if past is None or future is None:
        return past or future
    back, ahead = (dct - past).days, (future - dct).days
    if abs(back - ahead) < (tie_days or TENSE_TIE_DAYS) and tense in ("past", "future"):
        return past if tense == "past" else future
    return past if back <= ahead else future


def weekday_on_or_before(d: date, wd: int, strict: bool = False) -> date:
    delta = (d.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return d - timedelta(days=delta)


def weekday_on_or_after(d: date, wd: int, strict: bool = False) -> date:
    delta = (wd - d.weekday()) % 7
    if strict and delta == 0:
        delta = 7
    return d + timedelta(days=delta)


def weekday_by_tense(dct: date, wd: int, tense: str | None) -> date:
    """A weekday named alone: in a future clause the next such day (the dateline's own
    included), else the latest (news reports what was done), as English's weekday rule."""
    return weekday_on_or_after(dct, wd) if tense == "future" else weekday_on_or_before(dct, wd)


def season_from(dct: date, code: str, how: str | None, rule: str) -> TimeValue:
    """Season ``code`` placed from the dateline: "last" the latest before the dateline's
    season, "next" the first after it, "past" (a past clause) the latest begun by the
    dateline, "future" the first not ended by it, else ("this", no tense) the dateline
    year's, a winter in January or February the one begun in the December before."""
    cur_year, cur_code = V.season_of(dct)
    cur_start = V.season(cur_year, cur_code, "").start
    options = [V.season(y, code, rule) for y in (cur_year - 1, cur_year, cur_year + 1)]

    def start(o: TimeValue) -> date:
        assert o.start is not None
        return o.start

    if how == "last":
        return max((o for o in options if start(o) < cur_start), key=start)  # type: ignore[operator]
    if how == "next":
        return min((o for o in options if start(o) > cur_start), key=start)  # type: ignore[operator]
    if how == "past":
        return max((o for o in options if start(o) <= dct), key=start)
    if how == "future":
        return min((o for o in options if o.end >= dct), key=start)  # type: ignore[operator]
    return V.season(dct.year if code != "WI" or dct.month > 2 else dct.year - 1, code, rule)


def shift_quarter(y: int, q: int, by: int, rule: str) -> TimeValue:
    index = y * 4 + q - 1 + by
    return V.quarter(index // 4, index % 4 + 1, rule)


def easter(y: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month_no = (h + l_ - 7 * m + 114) // 31
    day_no = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month_no, day_no)


def nth_weekday(y: int, m: int, wd: int, n: int) -> date:
    """The ``n``-th weekday ``wd`` of the month (``n`` = -1: the last one)."""
    if n > 0:
        return weekday_on_or_after(date(y, m, 1), wd) + timedelta(weeks=n - 1)
    return weekday_on_or_before(V.last_day(y, m), wd)


def holiday_day(holiday: Holiday, y: int) -> date:
    """The day ``holiday`` falls on in year ``y`` (Easter Sunday for an Easter week)."""
    if holiday.fixed is not None:
        return date(y, *holiday.fixed)
    if holiday.weekday is not None:
        month_no, wd, n = holiday.weekday
        return nth_weekday(y, month_no, wd, n) + timedelta(days=holiday.plus_days)
    return easter(y) + timedelta(days=holiday.easter or 0)
