"""Splitting big timelines by year: which timelines are split, their year pages, where each
event lands.

A timeline (the home page, an actor's page, and the embed pages of both) with more events
than ``page_events`` (site.yaml, default 1000) keeps its page, which then shows a year index
and the latest events, and gets a page per year: "years/2025/", "actors/<slug>/years/2025/",
"embed/years/2025/", "embed/actors/<slug>/years/2025/". Events vaguer than a year (decades,
centuries) share one page, "years/periods/".

A year of more than ``page_events`` events is split again, by month: its page shows a month
index and the events dated to the half-year or the year as a whole, and each month gets a
page, "years/2025/03/" (the months of chronology.group_by_year_month: a week or a season
goes by the month it starts in). A month page holds exactly that month's events, however
many: a month is the finest split. Nobody reads a 10 MB page of 9,000 events, and an edit
then remakes one month's page instead of the year's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from operator import is_

from ..chronology.changes import EventChanges
from ..config import SiteConfig
from ..i18n.catalogs import N_, language as interface_language
from ..i18n.dates import month_label
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

    def __init__(self, timeline: Timeline, config: SiteConfig, last: "Paging | None" = None,
                 changes: EventChanges | None = None):
        self.timeline = timeline
        self._last = last  # the paging of the last run (annals serve): scopes of the same events keep their years
        # each event's year and month keys, id -> (event, year, month), from earlier runs too
        # (while they hold no more than twice the events there are: keys of events gone go then)
        self._keys: dict[int, tuple[TimelineEvent, str | None, str | None]] = {}
        self._remember = last is not None  # no last run, so most likely no next one (a build): keep no keys
        self.limit = urls.page_events(config)
        self.lang = interface_language(config.language)
        # what changed since the last run's timeline, when its years can be patched
        # (``changes``: what the chronology knows of them, when made from those very lists)
        self.changes = None
        if last is not None and last.limit == self.limit:
            self.changes = changes if changes is not None and changes.between(last.timeline.events, timeline.events) \
                else EventChanges(last.timeline.events, timeline.events)
        if last is not None:
            last._last = None  # no chain of every earlier run's paging
            if len(last._keys) <= 2 * len(timeline.events):
                self._keys = dict(last._keys)
        self._by_actor = self._actor_scopes(timeline, last)
        self._years: dict[str | None, dict[str, tuple[TimelineEvent, ...]]] = {}
        self._months: dict[tuple[str | None, str], tuple[tuple[TimelineEvent, ...], dict[str, tuple[TimelineEvent, ...]]]] = {}

    def _actor_scopes(self, timeline: Timeline, last: "Paging | None") -> dict[str, tuple[TimelineEvent, ...]]:
        """Each actor's events in timeline order: the last run's list for an actor none of
        whose events came or went (an event is an object that never changes), patched for
        the others."""
        changes = self.changes
        if changes is not None and last is not None:
            touched = {slug for e in changes.gone + changes.added for slug in e.actors}
            out = {}
            for actor in timeline.actors:
                slug = actor.slug
                before = last._by_actor.get(slug)
                if before is None:
                    out[slug] = tuple(e for e in timeline.events if slug in e.actors)
                else:
                    out[slug] = before if slug not in touched else changes.patch(
                        before, [e for e in changes.added if slug in e.actors])
            return out
        by_actor: dict[str, list[TimelineEvent]] = {a.slug: [] for a in timeline.actors}
        for event in timeline.events:
            for slug in dict.fromkeys(event.actors):
                if slug in by_actor:
                    by_actor[slug].append(event)
        return {slug: tuple(events) for slug, events in by_actor.items()}

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
            before, now = last.events(actor), self.events(actor)
            if before is now or (actor is None and self.changes is not None and self.changes.none):
                self._years[actor] = last._years[actor]
            elif self.changes is not None:
                self._years[actor] = self._patched_years(last._years[actor], actor)
            elif _same(before, now):
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

    def _patched_years(self, before: dict[str, tuple[TimelineEvent, ...]],
                       actor: str | None) -> dict[str, tuple[TimelineEvent, ...]]:
        """The last run's years of a scope with the events that came and went: a year none
        of whose events did keeps its very tuple (and so its month split)."""
        changes = self.changes
        assert changes is not None
        gone = [e for e in changes.gone if actor is None or actor in e.actors]
        added = [e for e in changes.added if actor is None or actor in e.actors]
        touched = {self._year_key(e) for e in gone + added} - {None}
        out = {k: v for k, v in before.items() if k not in touched}
        for key in touched:
            bucket = changes.patch(before.get(key, ()), [e for e in added if self._year_key(e) == key])
            if bucket:
                out[key] = bucket
        return {k: out[k] for k in sorted(out, key=lambda k: (k != urls.PERIODS, k))}

    def split_year(self, key: str, actor: str | None = None) -> bool:
        """Whether the year page ``key`` of a split timeline is split again by month."""
        if key == urls.PERIODS or not self.split(actor):
            return False
        return len(self.years(actor).get(key, ())) > self.limit

    def split_years(self, actor: str | None = None) -> tuple[str, ...]:
        """The years of a timeline that are split by month (what every link into it depends on)."""
        return tuple(k for k in self.years(actor) if self.split_year(k, actor)) if self.split(actor) else ()

    def _month_split(self, key: str, actor: str | None) -> tuple[tuple[TimelineEvent, ...], dict[str, tuple[TimelineEvent, ...]]]:
        last = self._last
        if (actor, key) not in self._months and last is not None and (actor, key) in last._months \
                and last._years.get(actor, {}).get(key) is self.years(actor)[key]:
            self._months[(actor, key)] = last._months[(actor, key)]  # the very events of last run's year
        if (actor, key) not in self._months:
            whole: list[TimelineEvent] = []
            buckets: dict[str, list[TimelineEvent]] = {}
            for event in self.years(actor)[key]:
                month = self._month_key(event)
                if month is None:
                    whole.append(event)
                else:
                    buckets.setdefault(month, []).append(event)
            self._months[(actor, key)] = (tuple(whole), {m: tuple(buckets[m]) for m in sorted(buckets)})
        return self._months[(actor, key)]

    def year_own(self, key: str, actor: str | None = None) -> tuple[TimelineEvent, ...]:
        """The events a year page lists itself: all the year's, or, when it is split by
        month, those dated to the half-year or the year as a whole."""
        return self._month_split(key, actor)[0] if self.split_year(key, actor) else self.years(actor)[key]

    def months(self, key: str, actor: str | None = None) -> dict[str, tuple[TimelineEvent, ...]]:
        """Month key ("2025-03") -> its events in timeline order, for a year split by month
        (empty for any other year)."""
        return self._month_split(key, actor)[1] if self.split_year(key, actor) else {}

    def month_links(self, key: str, actor: str | None = None, embed: bool = False) -> list[YearLink]:
        """The month index of a year split by month, in calendar order."""
        out = []
        for month, events in self.months(key, actor).items():
            year, number = (int(part) for part in month.split("-"))
            last = (date(year + number // 12, number % 12 + 1, 1) - timedelta(days=1)).isoformat()
            out.append(YearLink(month, month_label(year, number, self.lang), len(events),
                                urls.pretty(urls.month_page(month, actor, embed)), f"{month}-01", last))
        return out

    def month_neighbours(self, month: str, actor: str | None = None) -> tuple[str | None, str | None]:
        """The month pages before and after ``month`` in its year's index."""
        keys = list(self.months(month[:4], actor))
        i = keys.index(month)
        return (keys[i - 1] if i > 0 else None, keys[i + 1] if i + 1 < len(keys) else None)
    def _year_key(self, event: TimelineEvent) -> str | None:
        if not self._remember:
            return urls.year_key(event)
        return self._known_keys(event)[1]

    def _month_key(self, event: TimelineEvent) -> str | None:
        if not self._remember:
            return urls.month_key(event)
        return self._known_keys(event)[2]

    def _known_keys(self, event: TimelineEvent) -> tuple[TimelineEvent, str | None, str | None]:
        known = self._keys.get(id(event))
        if known is None or known[0] is not event:
            known = self._keys[id(event)] = (event, urls.year_key(event), urls.month_key(event))
        return known

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
        found: list[TimelineEvent] = []
        for event in reversed(self.events(actor)):  # from the end: a few of 25,000 events
            if len(found) >= count:
                break
            if self._year_key(event) not in (None, urls.PERIODS):
                found.append(event)
        return tuple(reversed(found))

    # Links and pages --------------------------------------------------------------------------

    def event_url(self, event: TimelineEvent, actor: str | None = None) -> str:
        """Root-relative URL of ``event`` on the page holding it on the scope's timeline."""
        return f"{self.event_page(event, actor)}#{event.id}"

    def event_page(self, event: TimelineEvent, actor: str | None = None) -> str:
        """Root-relative URL of the page holding ``event`` on the scope's timeline."""
        return urls.pretty(self.page_of(event, actor) or urls.timeline_page(actor))

    def page_of(self, event: TimelineEvent, actor: str | None = None, embed: bool = False) -> str | None:
        """The year or month page listing ``event`` on the scope's timeline, None when the
        timeline is not split (or the event is on no year page)."""
        key = self._year_key(event) if self.split(actor) else None
        if key is None:
            return None
        month = self._month_key(event) if self.split_year(key, actor) else None
        return urls.month_page(month, actor, embed) if month else urls.year_page(key, actor, embed)

    def year_pages(self, actor: str | None = None) -> list[str]:
        """Every year page of a scope (the full and the embed one), none when unsplit."""
        if not self.split(actor):
            return []
        keys = list(self.years(actor))
        months = [m for k in keys for m in self.months(k, actor)]
        return ([urls.year_page(k, actor) for k in keys] + [urls.month_page(m, actor) for m in months]
                + [urls.year_page(k, actor, embed=True) for k in keys]
                + [urls.month_page(m, actor, embed=True) for m in months])

    def all_year_pages(self) -> list[str]:
        pages = self.year_pages()
        for actor in self.timeline.actors:
            pages += self.year_pages(actor.slug)
        return pages


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(map(is_, a, b))

