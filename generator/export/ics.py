"""timeline.ics: iCalendar (RFC 5545), one all-day VEVENT per timeline event.

An event spans exactly what its sources support: a day is one day, a week seven, a month
the whole month (DTEND is exclusive, so it is the range end plus one day). DTSTAMP is the
latest dateline among the event's sources, never the clock, so rebuilding the same content
gives the same file.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterator
from urllib.parse import urlsplit

from ..config import SiteConfig
from ..model import ArticleAnalysis, Timeline, TimelineEvent
from ..render import urls
from ..render.paging import Paging
from .common import (GENERATOR, Pieces, Source, actor_names, articles_by_slug, clean_text,
                     date_label, event_stamp, safe_href, sources_of, truncate)

LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded
SUMMARY_LIMIT = 120
CRLF = "\r\n"


def timeline_ics(timeline: Timeline, config: SiteConfig, name: str | None = None) -> str:
    """The calendar; ``name`` overrides the calendar name (e.g. an actor's)."""
    return b"".join(timeline_ics_chunks(timeline, config, name)).decode("utf-8")


def timeline_ics_chunks(timeline: Timeline, config: SiteConfig, name: str | None = None,
                        pieces: Pieces | None = None, paging: Paging | None = None) -> Iterator[bytes]:
    """``timeline_ics`` in UTF-8 pieces: the calendar's head, then each event (kept in
    ``pieces`` where they lie in the last build's file, with the page it links).
    ``paging``: the renderer's year split of this timeline (else worked out here)."""
    articles = articles_by_slug(timeline)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Annals//{GENERATOR}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text(name or config.title),
    ]
    if config.description and not name:
        lines.append("X-WR-CALDESC:" + escape_text(config.description))
    yield _folded(lines)
    paging = paging or Paging(timeline, config)  # which page holds each event, worked out once
    anchored = (event for event in timeline.events if event.time.anchored)
    if pieces is None:
        yield from (_folded(vevent(event, timeline, articles, config, paging)) for event in anchored)
    elif config.absolute_base:  # each event links the page holding it: a block, one page
        yield from pieces.blocks("ics-events", anchored, lambda event: _folded(vevent(event, timeline, articles, config, paging)),
                                 page=urls.page_key, extra=lambda block: (paging.event_page(block[0]),))
    else:
        yield from pieces.blocks("ics-events", anchored, lambda event: _folded(vevent(event, timeline, articles, config, paging)))
    yield _folded(["END:VCALENDAR"])


def _folded(lines: list[str]) -> bytes:
    return "".join(fold(line) + CRLF for line in lines).encode("utf-8")


def vevent(event: TimelineEvent, timeline: Timeline, articles: dict[str, ArticleAnalysis],
           config: SiteConfig, paging: Paging) -> list[str]:
    assert event.time.start is not None and event.time.end is not None
    sources = sources_of(event, articles)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{uid_host(config)}",
        f"DTSTAMP:{ics_date(event_stamp(event, articles))}T000000Z",
        f"DTSTART;VALUE=DATE:{ics_date(event.time.start)}",
        f"DTEND;VALUE=DATE:{ics_date(event.time.end + timedelta(days=1))}",
        "SUMMARY:" + escape_text(truncate(event.text, SUMMARY_LIMIT)),
        "DESCRIPTION:" + escape_text(description(event, sources, config)),
    ]
    if config.absolute_base:
        lines.append(f"URL:{config.absolute_base}{paging.event_url(event)}")
    names = actor_names(timeline, event.actors)
    if names:
        lines.append("CATEGORIES:" + ",".join(escape_text(n) for n in names))
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def description(event: TimelineEvent, sources: list[Source], config: SiteConfig) -> str:
    text = f"{date_label(event.time, config.language)}: {event.text}"
    if not sources:
        return text
    cited = [source_line(source) for source in sources]
    return text + "\n\nSources:\n" + "\n".join(cited)


def source_line(source: Source) -> str:
    about = ", ".join(x for x in (source.source, source.date.isoformat() if source.date else None) if x)
    line = f"- {source.title}" + (f" ({about})" if about else "")
    line += f': "{" ".join(source.quote.split())}" [{source.timex}]'
    original = safe_href(source.url)  # calendar apps link URLs: only web ones
    return line + (f" {original}" if original else "")


def uid_host(config: SiteConfig) -> str:
    return urlsplit(config.absolute_base or "").hostname or "annals"


def ics_date(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = clean_text(text)
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never splitting a UTF-8 char."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line
    pieces: list[bytes] = []
    start, room = 0, LINE_OCTETS
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        pieces.append(data[start:cut])
        start, room = cut, LINE_OCTETS - 1  # a continuation line starts with one space
    pieces.append(data[start:])
    return "\r\n ".join(piece.decode("utf-8") for piece in pieces)
