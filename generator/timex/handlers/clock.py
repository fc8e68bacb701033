"""Times of day (rules/clock.yaml): on the day they name, else the day last mentioned,
else the dateline."""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator.model import TimeValue
from generator.timex import values as V
from generator.timex.context import Context
from generator.timex.handlers.common import (LEX, MONTH_NUMBER, WEEKDAY_NUMBER, Pieces,
                                             day_number, one)
from generator.timex.handlers.dates import month_day_piece
from generator.timex.handlers.days import resolve_weekday
from generator.timex.numbers import number_value
from generator.timex.scan import Candidate

_MOMENTS = LEX.moments or {}
_PART_CODES = {k.lower(): v for k, v in (LEX.day_parts or {}).items()}
# the year after a clock time's date, one group for each shape of the date
_YEAR_GROUPS = ("y", "y0", "y2", "y3", "y4")
# the day a word after a clock time names ("10pm last night", "6am this morning")
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last": -1, "this": 0}


def _clock_day(ctx: Context, c: Candidate, day_text: str | None, mon: str | None,
               d: str | None) -> date | None:
    if mon and d:
        year = next((c.groups[g] for g in _YEAR_GROUPS if c.groups.get(g)), None)
        if year:
            # "3 p.m. on March 9, 2021": the date's own year
            try:
                return date(int(year), MONTH_NUMBER[mon.lower().rstrip(".")], day_number(d))
            except ValueError:
                return None  # "February 30, 2021": no day; the time stands alone
        if ctx.dct is None:
            return None
        # the date as the month-day rule reads it: the year of a date just before in its
        # sentence ("arrested on March 12, 2019, and charged on March 14 at 3 p.m."), a
        # thing done ahead of the dateline last year's...
        start = min(c.group_spans[g][0] for g in ("mon", "mon2", "mon3", "mon4", "mon0",
                                                  "d", "d2", "d3", "d4", "d0")
                    if c.groups.get(g))
        piece = month_day_piece(ctx, c, MONTH_NUMBER[mon.lower().rstrip(".")], day_number(d),
                                start, c.end, ctx.tense(c.start, c.end, timetable=True))
        return None if piece is None else piece[2].start
    if day_text:
        low = day_text.lower().split(",")[0].split()[0]
        if low in WEEKDAY_NUMBER:
            return resolve_weekday(ctx, WEEKDAY_NUMBER[low], "", c.start, c.end)
        if ctx.dct is None:
            return None
        return ctx.dct + timedelta(days=_DAY_WORDS[low])
    return ctx.ref_day(c.start)


def _half_of(pod: str | None, day: str | None) -> str | None:
    """ "am", "pm", "night" or "tonight": the half of the day a part of the day
    (day_parts.yaml) or "tonight" gives a bare hour after it; None when neither names one."""
    code = _PART_CODES.get((pod or "").lower())
    if code is None and (day or "").lower() == "tonight":
        return "tonight"
    return {"MO": "am", "AF": "pm", "EV": "pm", "NI": "night"}.get(code or "")


# the first hour of a bare hour's evening half: a night ("Tuesday night at 10") runs from
# six; "tonight" is also the evening ("tonight at 5" is 17:00), its small hours end at four
# ("tonight at 2", 02:00)
_EVENING_FROM = {"night": 6, "tonight": 5}


def _bare_hour24(h: int, half: str) -> int:
    """The hour of a bare hour (1 to 12) in the half of the day a part of the day gives it;
    a night's 12 is midnight, the end of the day (T24:00)."""
    if half in _EVENING_FROM:
        return 24 if h == 12 else _hour24(h, "am" if h < _EVENING_FROM[half] else "pm")
    return _hour24(h, half)


def _hour24(h: int, ampm: str | None) -> int:
    a = (ampm or "").lower().replace(".", "")
    if a.startswith("p") and h < 12:
        return h + 12
    if a.startswith("a") and h == 12:
        return 0
    return h


def _unanchored(hour: int, minute: int, rule: str) -> TimeValue:
    return TimeValue(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME", "time", None, None, rule)


def clock(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    h = int(g["h"] or 0)
    if (g["ampm"] or "").lower().startswith(("a", "p")) and not 1 <= h <= 12:
        return None  # "15 p.m." is no time
    day = _clock_day(ctx, c, g.get("day") or g.get("pday"),
                     g.get("mon") or g.get("mon2") or g.get("mon3") or g.get("mon4"),
                     g.get("d") or g.get("d2") or g.get("d3") or g.get("d4"))
    part = (g["podword"] or g["podonly"] or "").lower()
    if part and not (g["ampm"] or "").lower().startswith(("a", "p")):
        # "4 in the morning" is a.m.; the afternoon, evening and night are p.m. ("11 at night")
        if not 1 <= h <= 12:
            return None
        hour = _hour24(h, "am" if part.endswith("morning") else "pm")
    else:
        hour = _hour24(h, g["ampm"])
    minute = int(g["mi"]) if g.get("mi") else 0
    if day is None:
        return one(c, _unanchored(hour, minute, "clock"))
    return one(c, V.time_of_day(_night_after(day, g.get("wpod"), hour), hour, minute, "clock"))


def clock24(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    day = _clock_day(ctx, c, g["day"], g["mon"] or g["mon0"], g["d"] or g["d0"])
    h, mi = int(g["h"] or g["h4"] or 0), int(g["mi"] or g["mi4"] or 0)
    if day is None:
        return one(c, _unanchored(h, mi, "clock24"))
    return one(c, V.time_of_day(day, h, mi, "clock24"))


_SPOKEN_MINUTES = {"half": 30, "quarter": 15, "a quarter": 15}


def spoken_clock(c: Candidate, ctx: Context) -> Pieces:
    """ "half past nine", "a quarter to six in the evening": the minutes past (or to) the
    hour, on the day last mentioned."""
    g = c.groups
    words = re.sub(r"\s+", " ", (g["mins"] or "").lower()).removesuffix(" minutes")
    minutes = _SPOKEN_MINUTES.get(words)
    if minutes is None:
        value = number_value(words.replace("-", " "))
        minutes = int(value) if value is not None else None
    h = number_value((g["h"] or "").lower())
    if minutes is None or h is None or not 0 < minutes < 60:
        return None
    hour = int(h)
    if (g["rel"] or "").lower() == "to":
        hour, minutes = (hour - 1) or 12, 60 - minutes  # "a quarter to one" is 12:45
    part = (g["podword"] or "").lower()
    half = ("am" if part.endswith("morning") else "pm") if part else g["ampm"]
    hour = _hour24(hour, half)
    day = ctx.ref_day(c.start)
    if day is None:
        return one(c, _unanchored(hour, minutes, "spoken_clock"))
    return one(c, V.time_of_day(day, hour, minutes, "spoken_clock"))


def noon(c: Candidate, ctx: Context) -> Pieces:
    g = c.groups
    hour, pod = _MOMENTS[re.sub(r"\s+", "-", (g["word"] or "").lower())]  # "mid afternoon"
    day = _clock_day(ctx, c, g["day"], g["mon"] or g["mon2"] or g["mon3"] or g["mon4"],
                     g["d"] or g["d2"] or g["d3"] or g["d4"])
    if day is None:
        return one(c, TimeValue("XXXX-XX-XXT" + (f"{hour:02d}:00" if hour else str(pod)),
                                "TIME", "time", None, None, "noon"))
    if pod:
        return one(c, V.part_of_day(day, pod, "noon"))
    return one(c, V.time_of_day(day, hour, None, "noon"))


def day_at_clock(c: Candidate, ctx: Context) -> Pieces:
    """ "Tuesday at 3 p.m.", "Friday at noon", "Saturday at 15:00 GMT"."""
    g = c.groups
    if g["word"]:
        hour, minute = _MOMENTS[g["word"].lower()][0] or 12, 0
    elif g["h24"] or g["h24b"]:
        hour, minute = int(g["h24"] or g["h24b"]), int(g["mi24"] or g["mi24b"] or 0)
    elif g["hb"]:
        half = _half_of(g["pod"], g["day"])
        if half is None:
            return None  # "Thursday at 8": morning or evening, as a bare "at eight" is
        hour = _bare_hour24(int(g["hb"]), half)
        minute = int(g["mib"] or 0)
        if hour == 24 and minute:
            return None
    else:
        h = int(g["h"] or 0)
        if not 1 <= h <= 12:
            return None
        hour, minute = _hour24(h, g["ampm"]), int(g["mi"] or 0)
    day = _clock_day(ctx, c, g["day"], g["mon"] or g["mon2"] or g["mon3"] or g["mon4"],
                     g["d"] or g["d2"] or g["d3"] or g["d4"])
    if day is None:
        return one(c, _unanchored(hour, minute, "day_at_clock"))
    return one(c, V.time_of_day(_night_after(day, g["pod"], hour), hour, minute,
                                "day_at_clock"))


def _night_after(day: date, pod: str | None, hour: int) -> date:
    """The day of an hour of ``day``'s ``pod``: a named day's night runs past midnight, so
    "Monday night at 3" and "2 a.m. Monday night" are Tuesday's ("tonight at 2", a night
    named by no day, stays the dateline's, as French "cette nuit à 2 heures")."""
    if _half_of(pod, None) == "night" and 1 <= hour < _EVENING_FROM["night"]:
        return day + timedelta(days=1)
    return day
