"""The publication date of an article, its outlet and its title, read from the head.

    find_dateline(text, front_matter_date=None, lang="en", day_first=True) -> Dateline
    read_article_head(text, ...) -> ArticleHead   (dateline, title, furniture, author)

``shapes`` is the dateline grammar, ``head`` reads the lines above the story, ``lexicon``
loads the word lists (generator/data/datelines.yaml, outlets.yaml) and ``years`` gives a
year-less wire dateline the year of its dated neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Dateline
from .head import HeadReading, read_head
from .lexicon import default_languages, fold_outlet, outlet_key
from .shapes import DatelineMatch, grammar

__all__ = ["ArticleHead", "find_dateline", "fold_outlet", "outlet_key", "read_article_head"]

TITLE_MAX = 120
FIRST_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’»)]*\s+(?=[^\W\d_a-z]|[\"“‘'«])")


@dataclass(frozen=True)
class ArticleHead:
    """What the head of an article says about it. Offsets are into the text read."""

    dateline: Dateline
    title: str | None = None  # the headline line, else a shortened first sentence
    title_span: tuple[int, int] | None = None  # set when the title is a line of its own
    furniture: tuple[tuple[int, int, str], ...] = ()  # (start, end, kind): never story text
    author: str | None = None  # from a byline


def read_article_head(text: str, front_matter_date: date | None = None, *, lang: str = "en",
                      day_first: bool = True) -> ArticleHead:
    reading = read_head(text, grammar(default_languages(lang)), day_first=day_first)
    dateline = _dateline(text, reading.dateline, front_matter_date)
    headline = reading.first("headline")
    furniture = tuple((line.start, line.end, line.kind) for line in reading.furniture)
    if headline is not None:
        return ArticleHead(dateline, shorten(text[headline.start:headline.end]),
                           (headline.start, headline.end), furniture, reading.author)
    return ArticleHead(dateline, _lead(text, reading, dateline), None, furniture, reading.author)


def find_dateline(text: str, front_matter_date: date | None = None, *, lang: str = "en",
                  day_first: bool = True) -> Dateline:
    """The document creation time of a plain text, and the span of its dateline if any."""
    return read_article_head(text, front_matter_date, lang=lang, day_first=day_first).dateline


def _dateline(text: str, found: DatelineMatch | None, front_matter_date: date | None) -> Dateline:
    if found is None:
        return Dateline(front_matter_date, "front matter" if front_matter_date else "none")
    span = (found.start, found.end)
    shown = text[found.start:found.end]
    day = _safe_date(found.year, found.month, found.day)
    month_day = (found.month, found.day) if found.year is None and found.has_date else None
    if front_matter_date is not None:
        return Dateline(front_matter_date, "front matter", span, shown, found.outlet)
    if found.has_date and found.year is not None and day is None:
        return Dateline(None, "none")  # "31.02.2025": an impossible date is no dateline
    return Dateline(day, "dateline" if day else "none", span, shown, found.outlet, month_day)


def _lead(text: str, reading: HeadReading, dateline: Dateline) -> str | None:
    """The first sentence of the story, shortened: the title when there is no headline."""
    start = dateline.span[1] if dateline.span else 0
    furniture_end = max((line.end for line in reading.furniture), default=0)
    rest = text[max(start, furniture_end):].lstrip()
    line = rest.split("\n", 1)[0].strip()
    if not line:
        return None
    return shorten(FIRST_SENTENCE.split(line, maxsplit=1)[0])


def shorten(text: str, limit: int = TITLE_MAX) -> str:
    text = re.sub(r"^\s*#+\s*", "", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _safe_date(year: int | None, month: int | None, day: int | None) -> date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
