"""Key dates: the dates most independent sources report events on (see the package docstring)."""

from __future__ import annotations

from typing import Mapping, Sequence

from ..dateline import outlet_key
from ..model import ArticleAnalysis, KeyDate, Timeline, TimelineEvent, TimeValue

# Vaguer than a year is background ("in the 1990s"), never a key date.
TOO_VAGUE = ("decade", "century")


def source_key(analysis: ArticleAnalysis) -> str:
    """Who reported it: the article's outlet (one key however it is spelt: "AP", "The
    Associated Press"), else the article itself."""
    source = outlet_key(analysis.article.source or "")
    return f"source:{source}" if source else f"article:{analysis.article.slug}"


def source_keys(analyses: Sequence[ArticleAnalysis]) -> dict[str, str]:
    return {a.article.slug: source_key(a) for a in analyses}


def date_of(time: TimeValue) -> TimeValue | None:
    """The date an event counts for: its calendar day, or its own value when coarser."""
    if not time.anchored or time.granularity in TOO_VAGUE:
        return None
    if time.granularity == "time" or (time.granularity is None and time.start == time.end):
        day = time.start
        return TimeValue(day.isoformat(), "DATE", "day", day, day, rule="key-date")  # type: ignore[union-attr]
    return time


def rank_key_dates(events: Sequence[TimelineEvent], sources: Mapping[str, str],
                   min_sources: int, limit: int | None) -> tuple[KeyDate, ...]:
    """Dates ranked by independent sources, then events, then date; at most `limit`.

    `sources` maps article slug -> independent source key (see source_key).
    """
    dates: dict[tuple, TimeValue] = {}
    members: dict[tuple, list[TimelineEvent]] = {}
    for event in events:
        time = date_of(event.time)
        if time is None:
            continue
        key = (time.start, time.end, time.value)
        dates.setdefault(key, time)
        members.setdefault(key, []).append(event)
    ranked = []
    for key, on_date in members.items():
        independent = len({sources.get(a, f"article:{a}") for e in on_date for a in e.articles})
        if independent < max(min_sources, 1):
            continue
        count = len(on_date)
        time = dates[key]
        ranked.append((-independent, -count, time.start, time.precision_rank, time.value,
                       KeyDate(time, tuple(e.id for e in on_date), independent,
                               round(independent + count / (count + 1), 4))))
    ranked.sort(key=lambda row: row[:5])
    chosen = [row[5] for row in ranked]
    return tuple(chosen if limit is None else chosen[:limit])


def key_dates_for_actor(timeline: Timeline, slug: str, limit: int,
                        min_sources: int = 1) -> tuple[KeyDate, ...]:
    """The actor's key dates by the same rule, over the events the actor takes part in."""
    events = [e for e in timeline.events if slug in e.actors]
    return rank_key_dates(events, source_keys(timeline.articles), min_sources, limit)
