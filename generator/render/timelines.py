"""The parts of timeline pages (home, actors, embeds) that need the whole timeline: the
overview, the embed box, links to an event or to the list's month, and the picture for
link previews. One per render run, shared by every page."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ..config import SiteConfig
from ..media import Image
from ..model import KeyDate, Timeline, TimelineEvent
from . import chrono, urls
from .overview import build_overview, overview_data, overview_svg
from .paging import Paging
from .views import Views


class TimelineParts:
    def __init__(self, timeline: Timeline, config: SiteConfig, views: Views, paging: Paging,
                 images: dict[str, Image], window: tuple[date, date] | None, preview: bool):
        self.timeline = timeline
        self.config = config
        self.views = views
        self.paging = paging
        self.images = images
        self.window = window
        self.preview = preview

    def og_image(self, image: Image | None) -> str | None:
        """The absolute URL link previews need, or None (no picture, an SVG, which link
        previews do not show, or no absolute base_url for a local one)."""
        if image is None or not previewable(image):
            return None
        return urls.absolute(self.config, image.src) if image.local else image.src

    def event_url(self, event_id: str, actor: str | None = None) -> str:
        """Root-relative URL of an event on the home timeline (or ``actor``'s): templates
        write ``href(event_url(id))``."""
        event = self.views.events.get(event_id)
        if event is None:
            return f"{urls.pretty(urls.timeline_page(actor))}#{event_id}"
        if actor is not None and actor not in event.actors:
            actor = None  # not on that actor's page: the home timeline has it
        return self.paging.event_url(event, actor)

    def snippets(self, embed_path: str, title: str) -> dict[str, Any]:
        """The embed box: snippets only for a site with an absolute base_url (elsewhere they
        could not work); annals serve shows editors how to get them."""
        return {
            "iframe": urls.embed_snippet(self.config, embed_path, title, "iframe"),
            "script": urls.embed_snippet(self.config, embed_path, title, "script",
                                         self.views.lang.gettext("View the timeline")),
            "absolute": self.config.absolute_base is not None,
            "hint": self.preview and self.config.absolute_base is None,
            "preview": embed_path,
            "story": self.window is not None,
        }

    def overview(self, actor: str | None, embed: bool = False,
                  key_dates: tuple[KeyDate, ...] | None = None) -> dict[str, Any]:
        """The visual overview of a timeline (overview.py): its SVG and what the template
        shows around it. Bars lead to the list's month (on the year page of a split
        timeline); in embeds the links stay in the frame."""
        events = self.paging.events(actor)
        name = self.config.title if actor is None else self.views.actor_name(actor)
        rule = self.config.key_dates
        marks = (chrono.shown_key_dates(self.timeline, rule.min_sources, rule.limit)
                 if key_dates is None else key_dates)
        overview = build_overview(
            events, marks, self.window, name=name, language=self.config.language,
            period_target=lambda e: self.group_url(e, actor, embed),
            event_target=lambda i: self.scope_event_url(i, actor, embed))
        if overview is None:
            return {"overview": None}
        page = urls.timeline_page(actor, embed)
        svg = overview_svg(overview, lambda t: urls.link(page, t), link_target="_self" if embed else None)
        return {"overview": overview_data(overview) | {"svg": svg}}

    def group_url(self, event: TimelineEvent, actor: str | None, embed: bool) -> str:
        """Root-relative URL of the month (or year) group listing ``event``."""
        found = self.paging.page_of(event, actor, embed)
        page = found or urls.timeline_page(actor, embed)
        start = event.time.start
        assert start is not None
        whole_year = event.time.granularity in chrono.YEAR_LEVEL
        fragment = f"year-{start.year}" if whole_year else f"month-{start.year:04d}-{start.month:02d}"
        if found is None and chrono.is_background(event, self.timeline.story):
            fragment = "background-" + fragment  # listed in the Background section (views.groups)
        return f"{urls.pretty(page)}#{fragment}"

    def scope_event_url(self, event_id: str, actor: str | None, embed: bool) -> str:
        if not embed:
            return self.event_url(event_id, actor)
        event = self.views.events.get(event_id)
        found = self.paging.page_of(event, actor, embed=True) if event is not None else None
        return f"{urls.pretty(found or urls.timeline_page(actor, embed=True))}#{event_id}"

    def latest_image(self, events: Iterable[TimelineEvent]) -> Image | None:
        """The picture of the latest event that has one link previews can show: a timeline
        page's link preview."""
        for event in reversed(tuple(events)):
            if event.id in self.images and previewable(self.images[event.id]):
                return self.images[event.id]
        return None


def previewable(image: Image) -> bool:
    """Whether link previews can show it: Open Graph readers take raster pictures (JPEG,
    PNG, GIF, WebP), not SVG."""
    return image.mime != "image/svg+xml" and not image.src.lower().split("?")[0].endswith((".svg", ".svgz"))
