"""output/timeline.json: the DESIGN.md contract that outside tools rely on.

The contract's keys are never renamed. A few extra keys carry what the contract leaves
out: "label" (the date at its precision, as the site shows it) and "conflicts" on events,
"date" and "date_value" on sources, "description" and "member_of" on actors; and
"key_dates", the dates ranked by the key-date rule (chronology.keydates), best first; and
"story", the story window ({"from", "to", "origin"}, or null).
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

from ..config import SiteConfig
from ..model import Actor, ArticleAnalysis, KeyDate, Timeline, TimelineEvent
from ..render.paging import Paging
from .common import (GENERATOR, ITEM_JOIN, Pieces, Source, article_date, articles_by_slug, date_label,
                     events_for_actor, json_chunks, json_item, sources_of)


def timeline_document(timeline: Timeline, config: SiteConfig) -> dict[str, Any]:
    """The contract as plain data, events in timeline order."""
    return {key: list(value) if isinstance(value, Iterator) else value
            for key, value in _members(timeline, config, lambda block: block).items()}


def _members(timeline: Timeline, config: SiteConfig, item: Callable[[Any], Any],
             pieces: Pieces | None = None, paging: Paging | None = None) -> dict[str, Any]:
    """The document's members, the long arrays as iterators of ``item`` of each block
    (encoded items from ``pieces`` where the last build's file holds them). ``paging``:
    the renderer's, whose scopes are the actors' events already."""
    articles = articles_by_slug(timeline)
    if pieces is None:
        events = (item(event_block(event, articles, config)) for event in timeline.events)
        analyses = (item(article_block(analysis)) for analysis in timeline.articles)
    else:
        # each a block of items to json_chunks: the items' bytes with ITEM_JOIN between them
        events = pieces.blocks("json-events", timeline.events, lambda event: item(event_block(event, articles, config)),
                               ITEM_JOIN)
        analyses = pieces.blocks("json-articles", timeline.articles, lambda analysis: item(article_block(analysis)),
                                 ITEM_JOIN)
    return {
        "site": site_block(config),
        "events": events,
        "actors": (item(actor_block(actor, timeline, paging)) for actor in timeline.actors),
        "articles": analyses,
        "key_dates": [key_date_block(rank, key) for rank, key in
                      enumerate(timeline.key_dates[:config.key_dates.export], start=1)],
        "story": story_block(timeline),
    }


def story_block(timeline: Timeline) -> dict[str, Any] | None:
    """The story window (chronology.story): events starting before "from" are background."""
    window = timeline.story
    if window is None:
        return None
    return {"from": window.start.isoformat(), "to": window.end.isoformat(), "origin": window.origin}


def timeline_json(timeline: Timeline, config: SiteConfig) -> str:
    return b"".join(timeline_json_chunks(timeline, config)).decode("utf-8")


def timeline_json_chunks(timeline: Timeline, config: SiteConfig, pieces: Pieces | None = None,
                         paging: Paging | None = None) -> Iterator[bytes]:
    """``dump_json(timeline_document(...))`` in UTF-8 pieces, a block at a time."""
    return json_chunks(_members(timeline, config, json_item, pieces, paging))


def site_block(config: SiteConfig) -> dict[str, Any]:
    return {
        "title": config.title,
        "description": config.description,
        "base_url": config.base_url,
        "language": config.language,
        "generator": GENERATOR,
    }


def event_block(event: TimelineEvent, articles: dict[str, ArticleAnalysis],
                config: SiteConfig) -> dict[str, Any]:
    time = event.time
    start = time.start.isoformat() if time.start else None
    end = time.end.isoformat() if time.end else None
    return {
        "id": event.id,
        "value": time.value,
        "range": [start, end],
        "granularity": time.granularity,
        "label": date_label(time, config.language),
        "text": event.text,
        "actors": list(event.actors),
        "places": list(event.places),
        "sources": [source_block(source) for source in sources_of(event, articles)],
        "conflicts": [conflict.value for conflict in event.conflicts],
        "scheduled": event.scheduled,
        "corrected": list(event.corrections),
    }


def key_date_block(rank: int, key: KeyDate) -> dict[str, Any]:
    """A ranked date: "date" is its TIMEX value (a day, or a coarser value when the events
    on it are no more precise); "sources" its independent sources."""
    return {"date": key.time.value, "rank": rank, "score": key.score,
            "sources": key.sources, "events": list(key.events)}


def source_block(source: Source) -> dict[str, Any]:
    return {
        "article": source.article,
        "title": source.title,
        "url": source.url,
        "quote": source.quote,
        "timex": source.timex,
        "date": source.date.isoformat() if source.date else None,
        "date_value": source.value,
    }


def actor_block(actor: Actor, timeline: Timeline, paging: Paging | None = None) -> dict[str, Any]:
    events = paging.events(actor.slug) if paging is not None else events_for_actor(timeline, actor.slug)
    return {
        "slug": actor.slug,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "events": [event.id for event in events],
        "description": actor.description,
        "member_of": list(actor.member_of),
    }


DATE_FROM = {"front matter": "front matter", "dateline": "dateline", "html": "html",
             "correction": "correction"}


def article_block(analysis: ArticleAnalysis) -> dict[str, Any]:
    article = analysis.article
    day = article_date(analysis)
    return {
        "slug": article.slug,
        "title": article.title,
        "date": day.isoformat() if day else None,
        "source": article.source,
        "url": article.url,
        # How the date was found, so outside tools can audit it: "front matter", "dateline",
        # "html" or None (not found); and the dateline exactly as the text prints it.
        "date_from": DATE_FROM.get(analysis.dateline.origin),
        "dateline": analysis.dateline.text or None,
    }
