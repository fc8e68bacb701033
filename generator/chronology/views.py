"""Pure helpers for renderers and exports: labels, groupings and per-actor views."""

from __future__ import annotations

import functools

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

from ..i18n import dates as i18n_dates
from ..i18n.catalogs import language as interface_language
from ..model import GRANULARITIES, TimelineEvent, Timeline, TimeValue

# Granularities too coarse to sit in a month of the home page: they get a "year" group.
YEAR_LEVEL = ("half", "year", "decade", "century")
MONTH_RANK = GRANULARITIES.index("month")


def day_label(day: date, language: str = "en") -> str:
    return i18n_dates.day_label(day, interface_language(language))


@functools.lru_cache(maxsize=65536)  # a big archive labels the same few thousand dates again and again
def date_label(time: TimeValue, language: str = "en") -> str:
    """A human date at the value's true precision, in the interface language ``language``
    (its catalog, else English): never a made-up day. See i18n.dates.date_label."""
    return i18n_dates.date_label(time, interface_language(language))


def events_for_actor(timeline: Timeline, slug: str) -> tuple[TimelineEvent, ...]:
    """The actor's events, in timeline order."""
    return tuple(e for e in timeline.events if slug in e.actors)


def co_actors(timeline: Timeline, slug: str, events: Iterable[TimelineEvent] | None = None) -> list[tuple[str, int]]:
    """Actors sharing events with `slug` (``events``: its events, when known already):
    (slug, shared events), most first, then by slug."""
    counts: Counter[str] = Counter()
    for event in events_for_actor(timeline, slug) if events is None else events:
        counts.update(a for a in set(event.actors) if a != slug)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def sources_for_actor(timeline: Timeline, slug: str) -> list[str]:
    """Slugs of the articles cited by the actor's events, in timeline article order."""
    return sources_of(timeline, events_for_actor(timeline, slug))


def sources_of(timeline: Timeline, events: Iterable[TimelineEvent]) -> list[str]:
    """Slugs of the articles cited by ``events``, in timeline article order."""
    cited = {a for e in events for a in e.articles}
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


def group_by_year_month(events: Sequence[TimelineEvent], language: str = "en") -> list[YearGroup]:
    """Events grouped year -> month for the home page, keeping the given order within groups.

    Day, time and week events go in the month their range starts (a week spanning two
    months goes by its start); so do seasons and quarters. Events of half-year, year,
    decade or century precision go in a year-level group (month None) of their start
    year, shown before the months, never in January.
    """
    lang = interface_language(language)
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
                months.append(MonthGroup(f"{year:04d}-{month:02d}", i18n_dates.month_label(year, month, lang),
                                         month, tuple(buckets[year][month])))
        years.append(YearGroup(year, tuple(months)))
    return years
