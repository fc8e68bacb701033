"""TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Dates are given only to the precision the sources support: TimelineJS accepts partial
dates, so a month-level event is {"year", "month"} and never gets a made-up day. Numbers
are written as strings, as in the TimelineJS documentation. Text fields, the group
and the display date are HTML (TimelineJS inserts them as markup), so every piece of
content is escaped here.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape
from typing import Any, Callable, Iterator

from ..config import SiteConfig
from ..model import Actor, ArticleAnalysis, Timeline, TimelineEvent, TimeValue
from .common import (ITEM_JOIN, EventCache, Source, actor_names, articles_by_slug, date_label, json_chunks,
                     json_item, article_path, fragment, media_url, safe_href, site_root, sources_of,
                     truncate)

HEADLINE_LIMIT = 110
CLOCK_TIME = re.compile(r"T(\d{2}):(\d{2})")
# Which date parts each granularity can honestly fill in.
PRECISION = {"time": "time", "day": "day", "week": "day", "month": "month",
             "season": "month", "quarter": "month", "half": "month"}


def timelinejs_document(timeline: Timeline, config: SiteConfig,
                        actor: Actor | None = None, cache: EventCache | None = None) -> dict[str, Any]:
    """The whole timeline, or (with ``actor``) an actor's already restricted timeline."""
    members = _members(timeline, config, actor, lambda event, articles: slide(event, timeline, articles, config, cache))
    return {key: list(value) if isinstance(value, Iterator) else value for key, value in members.items()}


def timelinejs_json(timeline: Timeline, config: SiteConfig, actor: Actor | None = None,
                    cache: EventCache | None = None) -> str:
    return b"".join(timelinejs_chunks(timeline, config, actor, cache)).decode("utf-8")


def timelinejs_chunks(timeline: Timeline, config: SiteConfig, actor: Actor | None = None,
                      cache: EventCache | None = None) -> Iterator[bytes]:
    """``timelinejs_json`` in UTF-8 pieces, a slide at a time (in blocks from the last
    build's file, ``cache.pieces``, where it holds them). ``cache`` shares the encoded
    slides between the documents of one export run (a slide is the same in the whole
    timeline and in an actor's restriction of it)."""
    return json_chunks(_members(timeline, config, actor, lambda event, articles: cached_slide(
        event, timeline, articles, config, cache), cache))


def _members(timeline: Timeline, config: SiteConfig, actor: Actor | None,
             item: Callable[[TimelineEvent, dict[str, ArticleAnalysis]], Any],
             cache: EventCache | None = None) -> dict[str, Any]:
    articles = articles_by_slug(timeline)
    headline = actor.name if actor else config.title
    description = (actor.description if actor else config.description) or ""
    anchored = (event for event in timeline.events if event.time.anchored)
    if cache is None or cache.pieces is None:
        events: Iterator[Any] = (item(event, articles) for event in anchored)
    else:  # a slide reads its event and its picture
        images = cache.images
        events = cache.pieces.blocks("slides", anchored, lambda event: item(event, articles), ITEM_JOIN,
                                     extra=lambda block: tuple(images.get(event.id) for event in block))
    return {
        "title": {"text": {"headline": escape(headline),
                           "text": f"<p>{escape(description)}</p>" if description else ""}},
        "events": events,
    }


def cached_slide(event: TimelineEvent, timeline: Timeline, articles: dict[str, ArticleAnalysis],
                 config: SiteConfig, cache: EventCache | None) -> bytes:
    """The slide as an encoded array item (common.json_item), made once per export run.
    Kept only for events with actors: no actor's file shows the others again."""
    if cache is None:
        return json_item(slide(event, timeline, articles, config))
    found = cache.slides.get(event.id)
    if found is None:
        found = json_item(slide(event, timeline, articles, config, cache))
        if event.actors:
            cache.slides[event.id] = found
    return found


def slide(event: TimelineEvent, timeline: Timeline, articles: dict[str, ArticleAnalysis],
          config: SiteConfig, cache: EventCache | None = None) -> dict[str, Any]:
    start_date, end_date = date_objects(event.time)
    label = date_label(event.time, config.language)
    out: dict[str, Any] = {"start_date": start_date}
    if end_date is not None:
        out["end_date"] = end_date
    out["display_date"] = escape(label)
    out["text"] = {"headline": escape(truncate(event.text, HEADLINE_LIMIT)),
                   "text": slide_html(event, sources_of(event, articles), config)}  # made once: no cache
    image = cache.images.get(event.id) if cache is not None else None
    if image is not None:
        media = {"url": media_url(config, image), "alt": image.alt or ""}
        if image.caption:
            media["caption"] = escape(image.caption)
        if image.credit:
            media["credit"] = escape(image.credit)
        out["media"] = media
    names = actor_names(timeline, event.actors)
    if names:
        # TimelineJS allows one group per slide (the first actor); it shows it as HTML
        out["group"] = escape(names[0])
    out["unique_id"] = event.id
    return out


def date_objects(time: TimeValue) -> tuple[dict[str, str], dict[str, str] | None]:
    """start_date and (when the range spans more than one unit) end_date."""
    assert time.start is not None and time.end is not None
    granularity = time.granularity or ("day" if time.start == time.end else "")
    precision = PRECISION.get(granularity, "year")
    start = date_parts(time.start, precision)
    if precision == "time":
        match = CLOCK_TIME.search(time.value)
        if match:
            start.update(hour=str(int(match.group(1))), minute=str(int(match.group(2))))
        return start, None
    end = date_parts(time.end, precision)
    return start, (end if end != start else None)


def date_parts(day: date, precision: str) -> dict[str, str]:
    parts = {"year": str(day.year)}
    if precision in ("month", "day", "time"):
        parts["month"] = str(day.month)
    if precision in ("day", "time"):
        parts["day"] = str(day.day)
    return parts


def slide_html(event: TimelineEvent, sources: list[Source], config: SiteConfig) -> str:
    """The full sentence (when the headline was cut) and the sources, with links."""
    parts = []
    if truncate(event.text, HEADLINE_LIMIT) != " ".join(event.text.split()):
        parts.append(f"<p>{escape(event.text)}</p>")
    if sources:
        items = "".join(f"<li>{source_html(source, config)}</li>" for source in sources)
        parts.append(f'<ul class="annals-sources">{items}</ul>')
    return "".join(parts)


def source_html(source: Source, config: SiteConfig) -> str:
    page = site_root(config) + article_path(source.article) + fragment(source.citation)
    html = f'<a href="{escape(page)}">{escape(source.title)}</a>'
    about = ", ".join(x for x in (source.source, source.date.isoformat() if source.date else None) if x)
    if about:
        html += f" ({escape(about)})"
    html += f": “{escape(source.quote)}”"
    original = safe_href(source.url)
    if original:
        html += f' <a href="{escape(original)}" rel="noopener">original</a>'
    return html
