"""Chronology helpers the renderer needs.

TODO(integrator): replace each function here with the one of the same name in
generator/chronology.py once it exists (same signatures); this module then only re-exports.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from ..model import KeyDate, Timeline, TimelineEvent, TimeValue

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}


def _day(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_label(time: TimeValue, language: str = "en") -> str:
    """A date at its true precision: "19 July 2025", "week of 14 July 2025", "July 2025"."""
    # TODO(integrator): replace with chronology.date_label
    if not time.anchored:
        return time.value
    start = time.start
    assert start is not None
    value = time.value
    granularity = time.granularity
    if granularity == "time":
        clock = value.partition("T")[2][:5]
        return f"{_day(start)}, {clock}" if clock else _day(start)
    if granularity == "day":
        return _day(start)
    if granularity == "week":
        return f"week of {_day(start)}"
    if granularity == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if granularity == "season":
        season = SEASONS.get(value.rpartition("-")[2], "season")
        return f"{season} {value[:4]}"
    if granularity == "quarter":
        return f"{ORDINALS.get(value[-1], value[-1])} quarter of {value[:4]}"
    if granularity == "half":
        return f"{ORDINALS.get(value[-1], value[-1])} half of {value[:4]}"
    if granularity == "year":
        return str(start.year)
    if granularity == "decade":
        return f"the {start.year // 10 * 10}s"
    if granularity == "century":
        return f"the {start.year // 100 + 1}th century"
    return value


def events_for_actor(timeline: Timeline, slug: str) -> list[TimelineEvent]:
    # TODO(integrator): replace with chronology.events_for_actor
    return [e for e in timeline.events if slug in e.actors]


def co_actors(timeline: Timeline, slug: str) -> list[tuple[str, int]]:
    """Actors that share events with ``slug``, most shared first, then by slug."""
    # TODO(integrator): replace with chronology.co_actors
    counts: Counter[str] = Counter()
    for event in events_for_actor(timeline, slug):
        counts.update(a for a in set(event.actors) if a != slug)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def sources_for_actor(timeline: Timeline, slug: str) -> list[str]:
    """Slugs of the articles with an event of ``slug`` or a mention of it, in timeline order."""
    # TODO(integrator): replace with chronology.sources_for_actor
    cited = {c.article for e in events_for_actor(timeline, slug) for c in e.citations}
    mentioned = {a.article.slug for a in timeline.articles
                 if any(m.actor == slug for m in a.mentions)}
    wanted = cited | mentioned
    return [a.article.slug for a in timeline.articles if a.article.slug in wanted]


def events_per_month(events: list[TimelineEvent] | tuple[TimelineEvent, ...]) -> list[tuple[str, int]]:
    """("2025-07", count) for the months of events dated to a month or finer, sorted."""
    # TODO(integrator): replace with chronology.events_per_month
    counts: Counter[str] = Counter()
    for event in events:
        if event.time.anchored and event.time.precision_rank <= 3:  # time..month
            counts[event.time.start.strftime("%Y-%m")] += 1  # type: ignore[union-attr]
    return sorted(counts.items())


def key_dates_for_actor(timeline: Timeline, slug: str, limit: int) -> list[KeyDate]:
    """The site's key dates that include an event of ``slug``, in rank order."""
    # TODO(integrator): replace with chronology.key_dates_for_actor
    ids = {e.id for e in events_for_actor(timeline, slug)}
    picked = [k for k in timeline.key_dates if ids.intersection(k.events)]
    return picked[:limit]

