"""Date labels in the interface language: Babel's CLDR formats for days, months and
ranges, the catalog's words for what CLDR has no pattern for ("week of ...", seasons,
quarters, decades, centuries).

A label is never more precise than its value: a month is "July 2025", never a made-up day.
The locale is the catalog's (catalogs.Language.locale), so English reads "19 July 2025".
"""

from __future__ import annotations

import re
from datetime import date

from babel.dates import format_date, format_interval, format_skeleton, get_month_names

from ..model import TimeValue
from .catalogs import Language

CLOCK_RE = re.compile(r"T(\d{2}):?(\d{2})")
PART_OF_DAY_RE = re.compile(r"T(MO|AF|EV|NI|DT|MI)\b")
SEASON_RE = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
HALF_RE = re.compile(r"^(\d{4})-H([12])$")
# Sample values whose digits stand in for placeholders in the patterns handed to scripts
# (overview.js formats its own tick labels while zooming): each occurs once in a label.
SAMPLE_YEAR = 2000
SAMPLE_DAY = 28


def _granularity(time_value: TimeValue) -> str | None:
    if time_value.granularity:
        return time_value.granularity
    if time_value.start is not None and time_value.start == time_value.end:
        return "day"
    return None


# Pieces -------------------------------------------------------------------------------------

def day_label(day: date, lang: Language) -> str:
    """"19 July 2025", "19 juillet 2025", "19. Juli 2025", "19 Temmuz 2025"."""
    return format_skeleton("yMMMMd", day, locale=lang.locale)


def month_label(year: int, month: int, lang: Language) -> str:
    """"July 2025", "juillet 2025"."""
    return format_skeleton("yMMMM", date(year, month, 1), locale=lang.locale)


def month_name(month: int, lang: Language, width: str = "wide") -> str:
    """The month's stand-alone name ("July", "Jul"), as a heading or a tick shows it."""
    return get_month_names(width, "stand-alone", locale=lang.locale)[month]


def short_day(day: date, lang: Language) -> str:
    """"14 Jul", "14 juil.", "14. Juli": a day without its year."""
    return format_skeleton("MMMd", day, locale=lang.locale)


def short_month_year(year: int, month: int, lang: Language) -> str:
    """"Feb 2025", "févr. 2025"."""
    return format_skeleton("yMMM", date(year, month, 1), locale=lang.locale)


def range_label(start: date, end: date, lang: Language) -> str:
    """An inclusive span of days: "14–20 Jul 2025", "1 Dec 2024 – 30 Sept 2025"."""
    if start == end:
        return day_label(start, lang)
    return format_interval(start, end, "yMMMd", locale=lang.locale)


def week_label(start: date, lang: Language) -> str:
    return lang.gettext("week of %(day)s", day=day_label(start, lang))


def ordinal(n: int, lang: Language) -> str:
    """"21st", "21e", "1er", "21.": CLDR's ordinal category for n picks the catalog's form."""
    category = lang.locale.ordinal_form(n)
    forms = {
        "one": lambda: lang.pgettext("ordinal: one", "%(n)sst", n=n),
        "two": lambda: lang.pgettext("ordinal: two", "%(n)snd", n=n),
        "few": lambda: lang.pgettext("ordinal: few", "%(n)srd", n=n),
    }
    return forms.get(category, lambda: lang.pgettext("ordinal: other", "%(n)sth", n=n))()


def season_name(code: str, lang: Language) -> str:
    return {
        "SP": lambda: lang.gettext("spring"),
        "SU": lambda: lang.gettext("summer"),
        "FA": lambda: lang.gettext("autumn"),
        "AU": lambda: lang.gettext("autumn"),
        "WI": lambda: lang.gettext("winter"),
    }[code]()


def quarter_label(quarter: int, year: int, lang: Language) -> str:
    return (
        lang.gettext("first quarter of %(year)s", year=year),
        lang.gettext("second quarter of %(year)s", year=year),
        lang.gettext("third quarter of %(year)s", year=year),
        lang.gettext("fourth quarter of %(year)s", year=year),
    )[quarter - 1]


def half_label(half: int, year: int, lang: Language) -> str:
    if half == 1:
        return lang.gettext("first half of %(year)s", year=year)
    return lang.gettext("second half of %(year)s", year=year)


def part_of_day_label(code: str, day: date, lang: Language) -> str:
    shown = day_label(day, lang)
    return {
        "MO": lambda: lang.gettext("morning of %(day)s", day=shown),
        "AF": lambda: lang.gettext("afternoon of %(day)s", day=shown),
        "EV": lambda: lang.gettext("evening of %(day)s", day=shown),
        "NI": lambda: lang.gettext("night of %(day)s", day=shown),
        "DT": lambda: lang.gettext("daytime of %(day)s", day=shown),
        "MI": lambda: lang.gettext("midday of %(day)s", day=shown),
    }[code]()


def part_of_day_name(code: str, lang: Language) -> str:
    return {
        "MO": lambda: lang.pgettext("part of day", "morning"),
        "AF": lambda: lang.pgettext("part of day", "afternoon"),
        "EV": lambda: lang.pgettext("part of day", "evening"),
        "NI": lambda: lang.pgettext("part of day", "night"),
        "DT": lambda: lang.pgettext("part of day", "daytime"),
        "MI": lambda: lang.pgettext("part of day", "midday"),
    }[code]()


def _quarter(time_value: TimeValue, start: date) -> int:
    match = QUARTER_RE.match(time_value.value)
    return int(match.group(2)) if match else (start.month - 1) // 3 + 1


def _half(time_value: TimeValue, start: date) -> int:
    match = HALF_RE.match(time_value.value)
    return int(match.group(2)) if match else (1 if start.month <= 6 else 2)


# The label -----------------------------------------------------------------------------------

def date_label(time_value: TimeValue, lang: Language) -> str:
    """A human date at the value's true precision: "19 July 2025", "15:00, 19 July 2025",
    "week of 14 July 2025", "July 2025", "summer 2025", "third quarter of 2025", "first
    half of 2025", "2025", "the 1990s", "21st century" (and their translations). Values not
    anchored on the calendar come back as their raw TIMEX3 value."""
    start = time_value.start
    if start is None:
        return time_value.value
    granularity = _granularity(time_value)
    value = time_value.value
    if granularity == "time":
        clock = CLOCK_RE.search(value)
        if clock:
            return lang.gettext("%(time)s, %(day)s", time=f"{clock.group(1)}:{clock.group(2)}",
                                day=day_label(start, lang))
        part = PART_OF_DAY_RE.search(value)
        if part:
            return part_of_day_label(part.group(1), start, lang)
        return day_label(start, lang)
    if granularity == "day":
        return day_label(start, lang)
    if granularity == "week":
        return week_label(start, lang)
    if granularity == "month":
        return month_label(start.year, start.month, lang)
    if granularity == "season":
        match = SEASON_RE.match(value)
        if match:
            return lang.gettext("%(season)s %(year)s", season=season_name(match.group(2), lang),
                                year=match.group(1))
        end = time_value.end or start
        return format_interval(start, end, "yMMMM", locale=lang.locale)
    if granularity == "quarter":
        return quarter_label(_quarter(time_value, start), start.year, lang)
    if granularity == "half":
        return half_label(_half(time_value, start), start.year, lang)
    if granularity == "year":
        return str(start.year)
    if granularity == "decade":
        return lang.gettext("the %(decade)ss", decade=start.year - start.year % 10)
    if granularity == "century":
        return lang.gettext("%(ordinal)s century", ordinal=ordinal(start.year // 100 + 1, lang))
    return value


def gutter(time_value: TimeValue, lang: Language) -> tuple[str, str]:
    """The timeline rail's two short lines at the value's precision: ("19", "Jul") for a
    day, ("19 Jul", "15:00") for a time, ("Week of", "14 Jul") for a week, ("July",
    "month"), ("Summer", "2025"), ("2025", "year"), ("1990s", "decade"), ("21st",
    "century"). The full label is beside it for screen readers."""
    start = time_value.start
    granularity = _granularity(time_value)
    if start is None or granularity is None:
        return time_value.value, ""
    value = time_value.value
    if granularity in ("day", "time"):
        month = get_month_names("abbreviated", "format", locale=lang.locale)[start.month]
        if granularity == "time":
            clock = CLOCK_RE.search(value)
            part = PART_OF_DAY_RE.search(value)
            second = (f"{clock.group(1)}:{clock.group(2)}" if clock
                      else part_of_day_name(part.group(1), lang) if part else "")
            return short_day(start, lang), second
        return format_date(start, "d", locale=lang.locale), month
    if granularity == "week":
        return lang.pgettext("gutter", "Week of"), short_day(start, lang)
    if granularity == "month":
        return month_name(start.month, lang), lang.pgettext("gutter", "month")
    year = str(start.year)
    if granularity == "season":
        match = SEASON_RE.match(value)
        if match:
            return season_name(match.group(2), lang).capitalize(), year
        return lang.pgettext("gutter", "Season"), year
    if granularity == "quarter":
        return (lang.pgettext("gutter", "First quarter"), lang.pgettext("gutter", "Second quarter"),
                lang.pgettext("gutter", "Third quarter"), lang.pgettext("gutter", "Fourth quarter"),
                )[_quarter(time_value, start) - 1], year
    if granularity == "half":
        return ((lang.pgettext("gutter", "First half") if _half(time_value, start) == 1
                 else lang.pgettext("gutter", "Second half")), year)
    if granularity == "decade":
        return (lang.pgettext("gutter", "%(decade)ss", decade=start.year - start.year % 10),
                lang.pgettext("gutter", "decade"))
    if granularity == "century":
        return ordinal(start.year // 100 + 1, lang), lang.pgettext("gutter", "century")
    return year, lang.pgettext("gutter", "year")


def script_patterns(lang: Language) -> dict[str, list[str]]:
    """What overview.js needs to write tick labels like the server's: per month, the
    abbreviated name, "{d} Jul" and "Jul {y}" (CLDR's patterns with placeholders)."""
    days, years = [], []
    for month in range(1, 13):
        days.append(short_day(date(SAMPLE_YEAR, month, SAMPLE_DAY), lang).replace(str(SAMPLE_DAY), "{d}", 1))
        years.append(short_month_year(SAMPLE_YEAR, month, lang).replace(str(SAMPLE_YEAR), "{y}", 1))
    return {"months": [month_name(m, lang, "abbreviated") for m in range(1, 13)],
            "days": days, "years": years}
