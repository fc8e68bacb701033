"""Pure helpers for renderers and exports: labels, groupings and per-actor views."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

from ..model import GRANULARITIES, TimelineEvent, Timeline, TimeValue
from ..timex.lexicon import english

_LEXICON = english()  # the tagger's own names: one date reader, one set of month names
MONTHS_EN = _LEXICON.months
SEASONS_EN = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
ORDINALS_EN = ("first", "second", "third", "fourth")
PARTS_OF_DAY_EN = {**{code: part for part, code in (_LEXICON.day_parts or {}).items()},
                   "DT": "daytime", "MI": "midday"}
CLOCK_RE = re.compile(r"T(\d{2}):?(\d{2})")
PART_OF_DAY_RE = re.compile(r"T(MO|AF|EV|NI|DT|MI)\b")
SEASON_RE = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
HALF_RE = re.compile(r"^(\d{4})-H([12])$")
# Granularities too coarse to sit in a month of the home page: they get a "year" group.
YEAR_LEVEL = ("half", "year", "decade", "century")
MONTH_RANK = GRANULARITIES.index("month")


def day_label(day: date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _granularity(time: TimeValue) -> str | None:
    if time.granularity:
        return time.granularity
    if time.start is not None and time.start == time.end:
        return "day"
    return None


def date_label(time: TimeValue, language: str = "en") -> str:
    """A human date at the value's true precision: never a made-up day.

    "19 July 2025", "15:00, 19 July 2025", "week of 14 July 2025", "July 2025",
    "summer 2025", "third quarter of 2025", "first half of 2025", "2025", "the 1990s",
    "21st century". Only English is written for now; other languages fall back to it.
    Values that are not anchored on the calendar come back as their raw TIMEX3 value.
    """
    start = time.start
    if start is None:
        return time.value
    granularity = _granularity(time)
    value = time.value
    if granularity == "time":
        clock = CLOCK_RE.search(value)
        if clock:
            return f"{clock.group(1)}:{clock.group(2)}, {day_label(start)}"
        part = PART_OF_DAY_RE.search(value)
        if part:
            return f"{PARTS_OF_DAY_EN[part.group(1)]} of {day_label(start)}"
        return day_label(start)
    if granularity == "day":
        return day_label(start)
    if granularity == "week":
        return f"week of {day_label(start)}"
    if granularity == "month":
        return f"{MONTHS_EN[start.month - 1]} {start.year}"
    if granularity == "season":
        match = SEASON_RE.match(value)
        if match:
            return f"{SEASONS_EN[match.group(2)]} {match.group(1)}"
        return f"{MONTHS_EN[start.month - 1]}–{MONTHS_EN[time.end.month - 1]} {start.year}"  # type: ignore[union-attr]
    if granularity == "quarter":
        match = QUARTER_RE.match(value)
        quarter = int(match.group(2)) if match else (start.month - 1) // 3 + 1
        return f"{ORDINALS_EN[quarter - 1]} quarter of {start.year}"
    if granularity == "half":
        match = HALF_RE.match(value)
        half = int(match.group(2)) if match else (1 if start.month <= 6 else 2)
        return f"{ORDINALS_EN[half - 1]} half of {start.year}"
    if granularity == "year":
        return str(start.year)
    if granularity == "decade":
        return f"the {start.year - start.year % 10}s"
    if granularity == "century":
        century = start.year // 100 + 1
        return f"{century}{_ordinal_suffix(century)} century"
    return value


def events_for_actor(timeline: Timeline, slug: str) -> tuple[TimelineEvent, ...]:
    """The actor's events, in timeline order."""
    return tuple(e for e in timeline.events if slug in e.actors)


def co_actors(timeline: Timeline, slug: str) -> list[tuple[str, int]]:
    """Actors sharing events with `slug`: (slug, shared events), most first, then by slug."""
    counts: Counter[str] = Counter()
    for event in events_for_actor(timeline, slug):
        counts.update(a for a in set(event.actors) if a != slug)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def sources_for_actor(timeline: Timeline, slug: str) -> list[str]:
    """Slugs of the articles cited by the actor's events, in timeline article order."""
    cited = {a for e in events_for_actor(timeline, slug) for a in e.articles}
    return [a.article.slug for a in timeline.articles if a.article.slug in cited]


def _month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def events_per_month(events: Iterable[TimelineEvent], include_coarse: bool = False
                     ) -> list[tuple[str, int]]:
    """("2025-07", count) for every month from the first event to the last, zeros included.

    An event counts in the month its range starts. Events vaguer than a month (season,
    quarter, year...) are left out unless include_coarse: they would pile up in January.
    """
    counts: Counter[str] = Counter()
    for event in events:
        if event.time.start is None:
            continue
        if not include_coarse and event.time.precision_rank > MONTH_RANK:
            continue
        counts[_month_key(event.time.start)] += 1
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:])
    out = []
    while True:
        key = f"{year:04d}-{month:02d}"
        out.append((key, counts.get(key, 0)))
        if key == last:
            return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@dataclass(frozen=True)
class MonthGroup:
    key: str  # "2025-07", or "2025" for the year-level group
    label: str  # "July 2025", or "2025"
    month: int | None  # 1-12, None for the year-level group
    events: tuple[TimelineEvent, ...]


@dataclass(frozen=True)
class YearGroup:
    year: int
    months: tuple[MonthGroup, ...]  # the year-level group first, then months in order

    @property
    def events(self) -> tuple[TimelineEvent, ...]:
        return tuple(e for m in self.months for e in m.events)


def group_by_year_month(events: Sequence[TimelineEvent]) -> list[YearGroup]:
    """Events grouped year -> month for the home page, keeping the given order within groups.

    Day, time and week events go in the month their range starts (a week spanning two
    months goes by its start); so do seasons and quarters. Events of half-year, year,
    decade or century precision go in a year-level group (month None) of their start
    year, shown before the months, never in January.
    """
    buckets: dict[int, dict[int, list[TimelineEvent]]] = {}
    for event in events:
        start = event.time.start
        if start is None:
            continue
        month = 0 if event.time.granularity in YEAR_LEVEL else start.month
        buckets.setdefault(start.year, {}).setdefault(month, []).append(event)
    years = []
    for year in sorted(buckets):
        months = []
        for month in sorted(buckets[year]):
            if month == 0:
                months.append(MonthGroup(str(year), str(year), None, tuple(buckets[year][month])))
            else:
                months.append(MonthGroup(f"{year:04d}-{month:02d}", f"{MONTHS_EN[month - 1]} {year}",
                                         month, tuple(buckets[year][month])))
        years.append(YearGroup(year, tuple(months)))
    return years
