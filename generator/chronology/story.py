"""The story window: the span where the reporting concentrates, and the background before it.

A reader opening a timeline wants the story, not the history the articles recall: "Assad
inherited the presidency in 2000" belongs to a Background section at the end. The window is
`site.yaml` `story: {from, to}` when given, else found from the articles' publication dates:

- the dated articles, in date order, fall into runs wherever two consecutive dates are more
  than 120 days apart (or 10 times the median gap between them, when that is more); the
  run with the most articles (the later one on a tie) is where the reporting concentrates;
- the window starts on the first day of the month of that run's first article (so a story
  reported from 8 December opens on "December 2024") and ends on the last day of the month
  of its last article, or of the latest event no vaguer than a week when later (what is
  scheduled is still the story).

Events that start before the window are background; those inside or after it are the story.
With no dated article the events' own dates are used the same way.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable, Sequence

from ..config import SiteConfig, story_setting
from ..model import ArticleAnalysis, StoryWindow, TimelineEvent

GAP_DAYS = 120  # at least; 10 times the median gap between articles when that is more
GAP_MEDIANS = 10
FINE_RANK = 2  # GRANULARITIES index of "week": events no vaguer than that place the end


def configured_window(config: SiteConfig) -> StoryWindow | None:
    """site.yaml `story: {from: 2024-12-01, to: 2025-09-30}` (validated when the config is
    read; either end may be left out), or None when not set."""
    ends = story_setting(config.extra)
    if ends is None:
        return None
    return StoryWindow(ends[0] or date.min, ends[1] or date.max, "site.yaml")


def detect_window(analyses: Sequence[ArticleAnalysis],
                  events: Sequence[TimelineEvent], memo: dict | None = None) -> StoryWindow | None:
    """The span where the reporting concentrates (see the module docstring). ``memo``
    keeps the run of reporting days and the latest event end for the next call."""
    memo = {} if memo is None else memo
    days = sorted(a.dateline.date for a in analyses if a.dateline.date is not None)
    if not days:
        days = sorted(e.time.start for e in events if e.time.start is not None
                      and e.time.precision_rank <= FINE_RANK)
    if not days:
        return None
    known = memo.get("days")
    if known is not None and known[0] == days:
        best = known[1]
    else:
        best = _best_run(days)
        memo["days"] = (days, best)
    latest = _latest_end(events, memo)
    return StoryWindow(best[0].replace(day=1), month_end(max(best[-1], latest if latest is not None else best[-1])),
                       "detected")


def _best_run(days: list[date]) -> list[date]:
    gaps = sorted((b - a).days for a, b in zip(days, days[1:]))
    limit = max(GAP_DAYS, GAP_MEDIANS * gaps[len(gaps) // 2]) if gaps else GAP_DAYS
    runs: list[list[date]] = [[days[0]]]
    for day in days[1:]:
        if (day - runs[-1][-1]).days > limit:
            runs.append([])
        runs[-1].append(day)
    return max(runs, key=lambda run: (len(run), run[0]))


def _placing(event: TimelineEvent) -> bool:
    return event.time.end is not None and event.time.precision_rank <= FINE_RANK


def _latest_end(events: Sequence[TimelineEvent], memo: dict) -> date | None:
    """The latest end of an event no vaguer than a week; from the last call's by the events
    that came and went when ``memo`` has it."""
    known = memo.get("latest")
    if known is not None:
        before, latest = known
        changes = memo.get("changes")  # what came and went, when the chronology knows it
        if changes is not None and changes.between(before, events):
            gone, added = changes.gone, changes.added
        else:
            now, then = set(map(id, events)), set(map(id, before))
            gone = [e for e in before if id(e) not in now]
            added = [e for e in events if id(e) not in then]
        if latest is None or not any(_placing(e) and e.time.end == latest for e in gone):
            ends = [e.time.end for e in added if _placing(e)]
            latest = max([d for d in (latest, *ends) if d is not None], default=None)
            memo["latest"] = (tuple(events), latest)
            return latest
    latest = max((e.time.end for e in events if _placing(e)), default=None)
    memo["latest"] = (tuple(events), latest)
    return latest


def month_end(day: date) -> date:
    if day.month == 12:
        return date(day.year, 12, 31)
    return date(day.year, day.month + 1, 1) - timedelta(days=1)


def story_window(config: SiteConfig, analyses: Sequence[ArticleAnalysis],
                 events: Sequence[TimelineEvent], memo: dict | None = None) -> StoryWindow | None:
    return configured_window(config) or detect_window(analyses, events, memo)


def is_background(event: TimelineEvent, window: StoryWindow | None) -> bool:
    """Whether an event starts before the story window (undated: never)."""
    return window is not None and event.time.start is not None and event.time.start < window.start


def split_background(events: Iterable[TimelineEvent], window: StoryWindow | None
                     ) -> tuple[tuple[TimelineEvent, ...], tuple[TimelineEvent, ...]]:
    """(story events, background events), each in the given order."""
    story, background = [], []
    for event in events:
        (background if is_background(event, window) else story).append(event)
    return tuple(story), tuple(background)
