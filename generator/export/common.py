"""What the export formats share: lookups, sources, labels, links and the data's own clock.

Every format is a pure function of the Timeline and the SiteConfig. Date labels and the
events of an actor come from chronology, so the exports say what the pages say. Nothing
here reads the wall clock: "updated" and "DTSTAMP" values come from the latest dateline or
event date found in the data, so the same input always gives byte-identical files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Iterator, Protocol
from urllib.parse import quote, urlsplit

from .. import __version__
from ..chronology import date_label, events_for_actor  # used by the format modules too
from ..config import SiteConfig
from ..media import Image
from ..model import Actor, ArticleAnalysis, Timeline, TimelineEvent

GENERATOR = f"Annals {__version__}"
# The date stamped on data with no date at all (an empty site): fixed, never "now".
EPOCH = date(1970, 1, 1)
# Characters XML 1.0 and iCalendar TEXT cannot carry; article text may still hold them.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
WHITESPACE = re.compile(r"\s+")


# ---------------------------------------------------------------- actors

def find_actor(timeline: Timeline, slug: str) -> Actor | None:
    return next((actor for actor in timeline.actors if actor.slug == slug), None)


def actor_names(timeline: Timeline, slugs: Iterable[str]) -> list[str]:
    """Display names for actor slugs, in the given order (unknown slugs stay as slugs)."""
    names = {actor.slug: actor.name for actor in timeline.actors}
    return [names.get(slug, slug) for slug in slugs]


def restrict_to_actor(timeline: Timeline, slug: str, events: tuple[TimelineEvent, ...] | None = None) -> Timeline:
    """The part of the timeline an actor's page shows: its events (``events``, when known
    already: the paging's scope), their actors and articles."""
    events = events_for_actor(timeline, slug) if events is None else events
    ids = {event.id for event in events}
    cited = {citation.article for event in events for citation in event.citations}
    involved = {actor for event in events for actor in event.actors} | {slug}
    return Timeline(
        events=events,
        actors=tuple(actor for actor in timeline.actors if actor.slug in involved),
        articles=tuple(a for a in timeline.articles if a.article.slug in cited),
        key_dates=tuple(k for k in timeline.key_dates if ids.intersection(k.events)),
        problems=(),
        extra=timeline.extra,
    )


# ---------------------------------------------------------------- articles and sources

@dataclass(frozen=True)
class Source:
    """One citation of an event, with what its article says about itself."""

    article: str  # article slug
    citation: str  # the article's own event id ("<article slug>-<n>"): its anchor
    title: str
    url: str | None  # the article's original URL, as given in front matter
    source: str | None  # the publication
    date: date | None  # the article's dateline
    quote: str  # the sentence
    timex: str  # the date phrase as written
    value: str  # what that phrase resolved to


def articles_by_slug(timeline: Timeline) -> dict[str, ArticleAnalysis]:
    return {analysis.article.slug: analysis for analysis in timeline.articles}


def article_date(analysis: ArticleAnalysis) -> date | None:
    return analysis.dateline.date or analysis.article.date


@dataclass
class EventCache:
    """Per-event pieces that several documents of one export run share (the site files and
    every actor's files cite the same events): built once, by event id.

    Only valid within one timeline and its restrictions to actors (restrict_to_actor keeps
    an event's cited articles and actors), with one config: make a new one per run.
    """

    sources: dict[str, list[Source]] = field(default_factory=dict)
    slides: dict[str, bytes] = field(default_factory=dict)  # TimelineJS slides, encoded (json_item)
    images: dict[str, Image] = field(default_factory=dict)  # event id -> its picture (media.event_images)
    pieces: "Pieces | None" = None  # the slides, from the last build's files where they lie


class Pieces(Protocol):
    """Where the exports' events come from (export/splice.py): in blocks, each from the last
    build's file where that file holds the same block, else made (``make`` of each item,
    ``join`` between them). ``page``: what an item reads that changes from item to item (a
    block ends where it changes); ``extra``: what else a block's items read. What it gives
    is a block's bytes, or where they lie in the last build's file (splice.Copied) for the
    writer (Splicer.written) to copy: a stream made with pieces is only for that writer."""

    def blocks(self, kind: str, items: Iterable[Any], make: Callable[[Any], bytes], join: bytes = b"",
               page: Callable[[Any], Any] | None = None,
               extra: Callable[[list], tuple] = ...) -> Iterator[Any]: ...


def media_url(config: SiteConfig, image: Image) -> str:
    """Where a picture is: its own URL, or the copy under the site (absolute when the site
    has an absolute base_url, else rooted at the base path)."""
    return image.src if not image.local else site_root(config) + image.src


def sources_of(event: TimelineEvent, articles: dict[str, ArticleAnalysis],
               cache: EventCache | None = None) -> list[Source]:
    if cache is None:
        return _sources_of(event, articles)
    found = cache.sources.get(event.id)
    if found is None:
        found = cache.sources[event.id] = _sources_of(event, articles)
    return found


def _sources_of(event: TimelineEvent, articles: dict[str, ArticleAnalysis]) -> list[Source]:
    sources = []
    for citation in event.citations:
        analysis = articles.get(citation.article)
        article = analysis.article if analysis else None
        sources.append(Source(
            article=citation.article,
            citation=citation.id,
            title=article.title if article else citation.article,
            url=article.url if article else None,
            source=article.source if article else None,
            date=article_date(analysis) if analysis else None,
            quote=citation.sentence.text,
            timex=citation.timex.text,
            value=citation.time.value,
        ))
    return sources


def safe_href(url: str | None) -> str | None:
    """A URL fit for an href: only http(s), so front matter cannot smuggle javascript:."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


# ---------------------------------------------------------------- the data's own clock

def dateline_dates(timeline: Timeline, events: Iterable[TimelineEvent] | None = None) -> list[date]:
    """Datelines of the articles (all, or those cited by the given events)."""
    if events is None:
        analyses: Iterable[ArticleAnalysis] = timeline.articles
    else:
        cited = {citation.article for event in events for citation in event.citations}
        analyses = (a for a in timeline.articles if a.article.slug in cited)
    return [d for d in (article_date(a) for a in analyses) if d is not None]


def latest_date(timeline: Timeline, events: Iterable[TimelineEvent] | None = None) -> date:
    """The latest dateline or event start in the data: the stamp for "updated" fields."""
    chosen = tuple(timeline.events if events is None else events)
    dates = dateline_dates(timeline, chosen)
    dates += [event.time.start for event in chosen if event.time.start is not None]
    return max(dates, default=EPOCH)


def event_stamp(event: TimelineEvent, articles: dict[str, ArticleAnalysis]) -> date:
    """When an event was last reported: its latest cited dateline, else its own date."""
    dates = [d for d in (article_date(articles[c.article]) for c in event.citations
                         if c.article in articles) if d is not None]
    if dates:
        return max(dates)
    return event.time.start or EPOCH


# ---------------------------------------------------------------- text and links

def clean_text(text: str) -> str:
    """Drop control characters that XML and iCalendar cannot carry; newlines become "\\n"
    (an XML parser would turn a bare CR into LF anyway)."""
    return CONTROL_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def truncate(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    line = WHITESPACE.sub(" ", text).strip()
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def site_root(config: SiteConfig) -> str:
    """Where site URLs start: the absolute base URL, else the base path ("/story/")."""
    return config.absolute_base or config.base_path


def actor_path(slug: str) -> str:
    return f"actors/{quote(slug)}/"


def article_path(slug: str) -> str:
    return f"articles/{quote(slug)}/"


def fragment(anchor: str) -> str:
    return "#" + quote(anchor, safe="")


def dump_json(data: Any) -> str:
    """Pretty JSON, UTF-8 text, newline-terminated.

    "</" is written "<\\/" (same JSON value) so a file pasted into a <script> element cannot
    close it, and U+2028/U+2029 are escaped because older JavaScript rejects them raw.
    """
    return _script_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def _script_safe(text: str) -> str:
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


_JSON = json.JSONEncoder(indent=2, ensure_ascii=False)  # what dump_json writes with
ITEM_INDENT = "\n    "  # a member's array item of a top-level object: two levels deep
ITEM_JOIN = b"," + ITEM_INDENT.encode()  # between two such items


def json_item(value: Any) -> bytes:
    """One array item of a top-level member, as ``dump_json`` writes it there, in UTF-8.

    Encoded alone and indented two levels deeper: JSON text has no raw newline but those of
    the indentation, and "<", U+2028 and U+2029 only inside strings, which are never cut."""
    return _script_safe(_JSON.encode(value)).replace("\n", ITEM_INDENT).encode("utf-8")


def json_chunks(members: dict[str, Any]) -> Iterator[bytes]:
    """``dump_json`` of an object, in UTF-8 pieces, the same bytes: a member given as an
    iterator is an array of items already encoded by ``json_item``, taken one at a time,
    so that a 30 MB export is never held whole (nor its document, nor its text)."""
    yield b"{"
    for n, (key, value) in enumerate(members.items()):
        yield ("\n  " if n == 0 else ",\n  ").encode() + _script_safe(_JSON.encode(key)).encode("utf-8") + b": "
        if not isinstance(value, Iterator):
            yield _script_safe(_JSON.encode(value)).replace("\n", "\n  ").encode("utf-8")
            continue
        empty = True
        for item in value:
            yield b"[" + ITEM_INDENT.encode() if empty else ITEM_JOIN
            yield item  # a piece of its own: export/splice.py notes where it lies
            empty = False
        yield b"[]" if empty else b"\n  ]"
    yield b"\n}\n" if members else b"}\n"
