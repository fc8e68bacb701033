"""timeline.csv: one row per event and source, RFC 4180 (CRLF, quoted where needed), UTF-8.

Cells that a spreadsheet would run as a formula are neutralised (see ``neutralise``).

An event cited by three articles gives three rows with the same event columns, so a
spreadsheet can filter by source; an event with no citation still gets one row.
"""

from __future__ import annotations

import csv
import io
from typing import Iterator

from ..config import SiteConfig
from ..model import Timeline, TimelineEvent
from .common import Pieces, Source, articles_by_slug, date_label, sources_of

COLUMNS = ("event_id", "date_value", "range_start", "range_end", "granularity", "date_label",
           "text", "actors", "article", "article_title", "source", "url", "quote", "timex")
ACTOR_SEPARATOR = ";"


def timeline_csv(timeline: Timeline, config: SiteConfig) -> str:
    return b"".join(timeline_csv_chunks(timeline, config)).decode("utf-8")


def timeline_csv_chunks(timeline: Timeline, config: SiteConfig, pieces: Pieces | None = None) -> Iterator[bytes]:
    """The table in UTF-8 pieces: the header, then each event's rows (from ``pieces`` where
    they lie in the last build's file)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")

    def taken() -> bytes:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text.encode("utf-8")

    def rows(event: TimelineEvent) -> bytes:
        time = event.time
        shared = [
            event.id,
            time.value,
            time.start.isoformat() if time.start else "",
            time.end.isoformat() if time.end else "",
            time.granularity or "",
            date_label(time, config.language),
            event.text,
            ACTOR_SEPARATOR.join(event.actors),
        ]
        sources: list[Source | None] = list(sources_of(event, articles)) or [None]
        for source in sources:
            writer.writerow([neutralise(cell) for cell in shared + source_columns(source)])
        return taken()

    writer.writerow(COLUMNS)
    yield taken()
    articles = articles_by_slug(timeline)
    if pieces is None:
        yield from map(rows, timeline.events)
    else:
        yield from pieces.blocks("csv-rows", timeline.events, rows)


# A spreadsheet opening the file runs a cell that starts like a formula: "=HYPERLINK(...)" in a
# headline could send the sheet's other cells anywhere. OWASP's rule: a cell starting with one
# of these characters gets a leading apostrophe, which spreadsheets show as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` as a spreadsheet will take as text, never as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def source_columns(source: Source | None) -> list[str]:
    if source is None:
        return [""] * 6
    return [source.article, source.title, source.source or "", source.url or "",
            source.quote, source.timex]
