"""Atom feeds (RFC 4287): feed.xml for the site and actors/<slug>/feed.xml per actor.

One entry per event, latest first, the most recent MAX_ENTRIES only. Links are absolute
when the site has an absolute base_url; otherwise they are relative to the feed file, which
resolves correctly wherever output/ is published. Dates come from the data, never the
clock: an entry is "updated" on its event's date, the feed on the latest date it holds.
"""

from __future__ import annotations

import heapq
import xml.etree.ElementTree as ET
from datetime import date
from html import escape

from .. import __version__
from ..config import SiteConfig
from ..model import Actor, ArticleAnalysis, Timeline, TimelineEvent
from ..render.paging import Paging
from ..slugs import slugify
from .common import (EPOCH, EventCache, Source, actor_path, article_path, articles_by_slug, clean_text,
                     date_label, find_actor, latest_date, fragment, media_url, safe_href,
                     sources_of, truncate)

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_ENTRIES = 50
TITLE_LIMIT = 140
# tag: URIs (RFC 4151) identify feeds of sites with no absolute URL; the date is part of
# the identifier, so it is fixed: ids must never change between builds.
TAG_DATE = "2025"


def atom_feed(timeline: Timeline, config: SiteConfig, actor: Actor | None = None,
              cache: EventCache | None = None, paging: Paging | None = None) -> str:
    """The site feed, or (with ``actor``) an actor's feed over its restricted timeline;
    ``cache`` shares the events' sources between the feeds of one export run. ``paging``:
    the renderer's year split of the whole timeline (else worked out here, of this one:
    an actor's scope is split alike in both)."""
    page = actor_path(actor.slug) if actor else ""
    depth = page.count("/")
    articles = articles_by_slug(timeline)
    chosen = latest_events(timeline.events)

    feed = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: config.language})
    add(feed, "id", feed_id(config, page))
    add(feed, "title", actor.name if actor else config.title)
    subtitle = actor.description if actor else config.description
    if subtitle:
        add(feed, "subtitle", subtitle)
    add(feed, "updated", stamp(latest_date(timeline, chosen)))  # the latest date the feed holds
    add(feed, "link", rel="self", type="application/atom+xml", href=beside(config, page, "feed.xml"))
    add(feed, "link", rel="alternate", type="text/html", href=beside(config, page))
    author = add(feed, "author")
    add(author, "name", config.title)
    add(feed, "generator", "Annals", version=__version__)
    paging = paging or Paging(timeline, config)
    for event in chosen:
        target = paging.event_url(event, actor.slug if actor else None)
        feed.append(entry(event, timeline, articles, config, page, depth, target, cache))
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def latest_events(events: tuple[TimelineEvent, ...]) -> list[TimelineEvent]:
    """The most recent dated events, latest first (timeline order breaks ties)."""
    dated = ((event.time.start, index, event) for index, event in enumerate(events)
             if event.time.start is not None)
    # the keys are unique (the index): the same entries as sorting all, in one pass
    latest = heapq.nlargest(MAX_ENTRIES, dated, key=lambda item: (item[0], item[1]))
    return [event for _, _, event in latest]


def entry(event: TimelineEvent, timeline: Timeline, articles: dict[str, ArticleAnalysis],
          config: SiteConfig, page: str, depth: int, target: str,
          cache: EventCache | None = None) -> ET.Element:
    """One feed entry; ``target``: the root-relative URL of the event on the site."""
    element = ET.Element("entry")
    label = date_label(event.time, config.language)
    add(element, "id", entry_id(config, event.id))
    add(element, "title", f"{label}: {truncate(event.text, TITLE_LIMIT)}")
    add(element, "updated", stamp(event.time.start or EPOCH))
    add(element, "link", rel="alternate", type="text/html",
        href=event_link(config, page, target))
    image = cache.images.get(event.id) if cache is not None else None
    if image is not None:
        # An enclosure for feed readers that show a picture with the entry.
        attrs = {"rel": "enclosure", "href": media_url(config, image)}
        if image.mime:
            attrs["type"] = image.mime
        if image.length is not None:
            attrs["length"] = str(image.length)
        if image.alt:
            attrs["title"] = image.alt
        add(element, "link", **attrs)
    for slug in event.actors:
        cast = find_actor(timeline, slug)
        attrs = {"term": slug}
        if cast is not None:
            attrs["label"] = cast.name
        add(element, "category", **attrs)
    html = entry_html(event, label, sources_of(event, articles, cache), config, depth)
    add(element, "content", html, type="html")
    return element


def entry_html(event: TimelineEvent, label: str, sources: list[Source], config: SiteConfig,
               depth: int) -> str:
    parts = [f"<p><strong>{escape(label)}</strong>: {escape(event.text)}</p>"]
    if sources:
        items = []
        for source in sources:
            page = link(config, article_path(source.article), depth) + fragment(source.citation)
            item = f'<a href="{escape(page)}">{escape(source.title)}</a>'
            if source.source:
                item += f" ({escape(source.source)})"
            item += f": “{escape(source.quote)}”"
            original = safe_href(source.url)
            if original:
                item += f' <a href="{escape(original)}">original</a>'
            items.append(f"<li>{item}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    return "".join(parts)


def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, tag, {k: clean_text(v) for k, v in attrs.items()})
    if text is not None:
        child.text = clean_text(text)
    return child


def link(config: SiteConfig, path: str, depth: int) -> str:
    """A site path as an href: absolute under base_url, else relative to a file ``depth`` deep."""
    if config.absolute_base:
        return config.absolute_base + path
    return ("../" * depth + path) or "./"


def event_link(config: SiteConfig, page: str, target: str) -> str:
    """A link from the feed beside ``page`` to ``target``, a site-root-relative event URL
    (on the page itself, or on one of its year pages when the timeline is split)."""
    if config.absolute_base:
        return config.absolute_base + target
    if target.startswith(page):
        return beside(config, page, target[len(page):])
    return "../" * page.count("/") + target


def beside(config: SiteConfig, page: str, rest: str = "") -> str:
    """A link to the page the feed sits beside (``page`` is its folder), plus ``rest``."""
    if config.absolute_base:
        return config.absolute_base + page + rest
    return rest if rest and not rest.startswith("#") else "./" + rest


def feed_id(config: SiteConfig, page: str) -> str:
    if config.absolute_base:
        return config.absolute_base + page
    return f"tag:annals,{TAG_DATE}:{site_key(config)}/{page}"


def entry_id(config: SiteConfig, event_id: str) -> str:
    if config.absolute_base:
        return config.absolute_base + fragment(event_id)
    return f"tag:annals,{TAG_DATE}:{site_key(config)}/{fragment(event_id)}"


def site_key(config: SiteConfig) -> str:
    """A stable ASCII key for a site without a URL: its title, slugged."""
    return slugify(config.title, "site")


def stamp(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}T00:00:00Z"
