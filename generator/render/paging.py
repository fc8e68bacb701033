"""Splitting big timelines by year: which timelines are split, their year pages, where each
event lands.

A timeline (the home page, an actor's page, and the embed pages of both) with more events
than ``page_events`` (site.yaml, default 1000) keeps its page, which then shows a year index
and the latest events, and gets a page per year: "years/2025/", "actors/<slug>/years/2025/",
"embed/years/2025/", "embed/actors/<slug>/years/2025/". Events vaguer than a year (decades,
centuries) share one page, "years/periods/". A year page holds exactly that year's events,
however many: a year is the finest split.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import is_

from ..config import SiteConfig
from ..i18n.catalogs import N_, language as interface_language
from ..model import Timeline, TimelineEvent
from . import urls

LATEST_EVENTS = 50  # events a split timeline's own page shows, besides the year index
PERIODS_TITLE = N_("Decades and centuries")  # translated where shown


@dataclass(frozen=True)
class YearLink:
    """One row of a split timeline's year index."""

    key: str  # "2025", or urls.PERIODS
    title: str  # "2025", or PERIODS_TITLE in the interface language
    count: int
    target: str  # root-relative URL of the year page, e.g. "actors/x/years/2025/"
    start: str  # ISO days the page covers, for the embed page's from/to options
    end: str


class Paging:
    """The year split of one Timeline under one SiteConfig (computed once per render)."""

    def __init__(self, timeline: Timeline, config: SiteConfig, last: "Paging | None" = None):
        self.timeline = timeline
        self._last = last  # the paging of the last run (annals serve): scopes of the same events keep their years
        # each event's year key, id -> (event, key), from earlier runs too (while they hold
        # no more than twice the events there are: keys of events gone go then)
        self._keys: dict[int, tuple[TimelineEvent, str | None]] = {}
        self._remember = last is not None  # no last run, so most likely no next one (a build): keep no keys
        if last is not None:
            last._last = None  # no chain of every earlier run's paging
            if len(last._keys) <= 2 * len(timeline.events):
                self._keys = dict(last._keys)
        self.limit = urls.page_events(config)
        self.lang = interface_language(config.language)
        by_actor: dict[str, list[TimelineEvent]] = {a.slug: [] for a in timeline.actors}
        for event in timeline.events:
            for slug in dict.fromkeys(event.actors):
                if slug in by_actor:
                    by_actor[slug].append(event)
        self._by_actor = {slug: tuple(events) for slug, events in by_actor.items()}
        self._years: dict[str | None, dict[str, tuple[TimelineEvent, ...]]] = {}

    # Scopes: None is the whole timeline, a slug an actor's ----------------------------------

    def events(self, actor: str | None = None) -> tuple[TimelineEvent, ...]:
        return self.timeline.events if actor is None else self._by_actor.get(actor, ())

    def split(self, actor: str | None = None) -> bool:
        events = self.events(actor)
        return bool(self.limit) and len(events) > self.limit

    def years(self, actor: str | None = None) -> dict[str, tuple[TimelineEvent, ...]]:
        """Year key -> its events in timeline order; periods first (they start earliest
        within their span and read as background), then years in order."""
        last = self._last
        if actor not in self._years and last is not None and actor in last._years and last.limit == self.limit:
            if _same(last.events(actor), self.events(actor)):
                self._years[actor] = last._years[actor]
        if actor not in self._years:
            buckets: dict[str, list[TimelineEvent]] = {}
            for event in self.events(actor):
                key = self._year_key(event)
                if key is not None:
                    buckets.setdefault(key, []).append(event)
            order = sorted(buckets, key=lambda k: (k != urls.PERIODS, k))
            self._years[actor] = {k: tuple(buckets[k]) for k in order}
        return self._years[actor]

    def _year_key(self, event: TimelineEvent) -> str | None:
        if not self._remember:
            return urls.year_key(event)
        known = self._keys.get(id(event))
        if known is None or known[0] is not event:
            known = self._keys[id(event)] = (event, urls.year_key(event))
        return known[1]

    def year_links(self, actor: str | None = None, embed: bool = False) -> list[YearLink]:
        out = []
        for key, events in self.years(actor).items():
            target = urls.pretty(urls.year_page(key, actor, embed))
            if key == urls.PERIODS:
                starts = [e.time.start for e in events if e.time.start]
                ends = [e.time.end or e.time.start for e in events if e.time.start]
                out.append(YearLink(key, self.lang.gettext(PERIODS_TITLE), len(events), target,
                                    min(starts).isoformat(), max(ends).isoformat()))  # type: ignore[type-var,union-attr]
            else:
                out.append(YearLink(key, key, len(events), target, f"{key}-01-01", f"{key}-12-31"))
        return out

    def neighbours(self, key: str, actor: str | None = None) -> tuple[str | None, str | None]:
        """The year pages before and after ``key`` in the index."""
        keys = list(self.years(actor))
        i = keys.index(key)
        return (keys[i - 1] if i > 0 else None, keys[i + 1] if i + 1 < len(keys) else None)

    def latest(self, actor: str | None = None) -> tuple[TimelineEvent, ...]:
        """The last events of the timeline that have a year of their own (at most
        LATEST_EVENTS, and never more than page_events), in timeline order."""
        count = min(LATEST_EVENTS, self.limit) if self.limit else LATEST_EVENTS
        dated = [e for e in self.events(actor) if urls.year_key(e) not in (None, urls.PERIODS)]
        return tuple(dated[-count:]) if count else ()

    # Links and pages --------------------------------------------------------------------------

    def event_url(self, event: TimelineEvent, actor: str | None = None) -> str:
        """Root-relative URL of the page holding ``event`` on the scope's timeline."""
        home = urls.pretty(urls.timeline_page(actor))
        key = urls.year_key(event) if self.split(actor) else None
        if key is None:
            return f"{home}#{event.id}"
        return f"{urls.pretty(urls.year_page(key, actor))}#{event.id}"

    def year_pages(self, actor: str | None = None) -> list[str]:
        """Every year page of a scope (the full and the embed one), none when unsplit."""
        if not self.split(actor):
            return []
        keys = list(self.years(actor))
        return ([urls.year_page(k, actor) for k in keys]
                + [urls.year_page(k, actor, embed=True) for k in keys])

    def all_year_pages(self) -> list[str]:
        pages = self.year_pages()
        for actor in self.timeline.actors:
            pages += self.year_pages(actor.slug)
        return pages


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(map(is_, a, b))
