"""The year and month pages of split timelines (paging.py says which there are), full and
embed: the part of the renderer (site._Renderer) that makes them."""

from __future__ import annotations

from typing import Any

from ..model import TimelineEvent
from . import urls
from .pages import Page
from .paging import PERIODS_TITLE
from .views import MonthGroup, YearGroup


class YearPages:
    """Mixed into site._Renderer, whose paging, views, structured data and page helpers it
    uses."""

    def _year_events(self, key: str, slug: str | None) -> tuple[TimelineEvent, ...]:
        self._scope_title(slug)  # an unknown actor is no page
        years = self.paging.years(slug) if self.paging.split(slug) else {}
        if key not in years:
            raise ValueError(f"no year page {key!r} for {slug or 'the home timeline'}")
        return self.paging.year_own(key, slug)

    def _month_events(self, month: str, slug: str | None) -> tuple[TimelineEvent, ...]:
        self._scope_title(slug)
        months = self.paging.months(month[:4], slug)
        if month not in months:
            raise ValueError(f"no month page {month!r} for {slug or 'the home timeline'}")
        return months[month]

    def _year_groups(self, key: str, events: tuple[TimelineEvent, ...]) -> list[YearGroup]:
        if key != urls.PERIODS:
            return self.views.groups(events, self.newest)
        # Decades and centuries: one list in timeline order, no made-up year headings.
        views = tuple(self.views.shown(e) for e in events)
        title = self.lang.gettext(PERIODS_TITLE)
        return [YearGroup(urls.PERIODS, title, (MonthGroup(
            f"{urls.PERIODS}-all", self.lang.gettext("%(title)s, oldest first", title=title), views, True),))]

    def _year_nav(self, key: str, slug: str | None, embed: bool) -> dict[str, Any]:
        """The year page's place in its timeline: the year, the way back, previous/next,
        and its month index when it is split by month."""
        links = {y.key: y for y in self.paging.year_links(slug, embed)}
        before, after = self.paging.neighbours(key, slug)
        return {
            "year": links[key],
            "index": urls.pretty(urls.timeline_page(slug, embed)),
            "previous": links[before] if before else None,
            "next": links[after] if after else None,
            "total": len(self.paging.events(slug)),
            "months": self.paging.month_links(key, slug, embed),
            "up": None, "anchor": "#years", "nav_label": None, "more_label": None,
        }

    def _month_nav(self, month: str, slug: str | None, embed: bool) -> dict[str, Any]:
        """A month page's place in its year: the month, the way back to the year's month
        index, the months before and after."""
        links = {m.key: m for m in self.paging.month_links(month[:4], slug, embed)}
        before, after = self.paging.month_neighbours(month, slug)
        return {
            "year": links[month],
            "index": urls.pretty(urls.year_page(month[:4], slug, embed)),
            "previous": links[before] if before else None,
            "next": links[after] if after else None,
            "total": len(self.paging.events(slug)),
            "months": [],
            "up": self.lang.gettext("All months"), "anchor": "#months",
            "nav_label": self.lang.gettext("Months"), "more_label": self.lang.gettext("More months"),
        }

    def _year(self, key: str, slug: str | None) -> tuple[Any, dict[str, Any]]:
        return self._period_page(key, slug, self._year_events(key, slug), self._year_nav(key, slug, embed=False),
                                 urls.year_page(key, slug))

    def _month(self, month: str, slug: str | None) -> tuple[Any, dict[str, Any]]:
        return self._period_page(month, slug, self._month_events(month, slug),
                                 self._month_nav(month, slug, embed=False), urls.month_page(month, slug))

    def _period_page(self, key: str, slug: str | None, events: tuple[TimelineEvent, ...], nav: dict[str, Any],
                     path: str) -> tuple[Any, dict[str, Any]]:

        scope = self._scope_title(slug)
        title = nav["year"].title if slug is None else f"{scope}: {nav['year'].title}"
        feed = "feed.xml" if slug is None else f"actors/{slug}/feed.xml"
        page = Page(path, "year", title, self._canonical(path), feed,
                    structured=self.structured.graph(self.structured.event_list(title, events, path, slug)))
        return page, nav | {
            "scope": scope,
            "actor": self.views.actor(self.views.actors[slug]) if slug else None,
            "groups": self._year_groups(key, events) if events or not nav["months"] else [],
            "count": len(events) if not nav["months"] else nav["year"].count,
            "filter_actors": self._filter_actors(events) if slug is None else [],
        }

    def _embed_year(self, key: str, slug: str | None) -> tuple[Any, dict[str, Any]]:
        return self._embed_period(key, slug, self._year_events(key, slug), self._year_nav(key, slug, embed=True),
                                  urls.year_page(key, slug, embed=True), urls.year_page(key, slug))

    def _embed_month(self, month: str, slug: str | None) -> tuple[Any, dict[str, Any]]:
        return self._embed_period(month, slug, self._month_events(month, slug),
                                  self._month_nav(month, slug, embed=True),
                                  urls.month_page(month, slug, embed=True), urls.month_page(month, slug))

    def _embed_period(self, key: str, slug: str | None, events: tuple[TimelineEvent, ...], nav: dict[str, Any],
                      path: str, full: str) -> tuple[Any, dict[str, Any]]:

        page = Page(path, "embed", f"{self._scope_title(slug)}: {nav['year'].title}", noindex=False)
        return page, nav | {
            "groups": self._year_groups(key, events) if events or not nav["months"] else [],
            "count": len(events) if not nav["months"] else nav["year"].count,
            "full": urls.pretty(full), "years": [], "latest_count": 0,
            "story": self.window, "overview": None, "background": None,
        }
