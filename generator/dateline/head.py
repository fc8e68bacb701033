"""The head of a clipping: what sits above the story, line by line.

A clipped article often starts with page furniture before the story: a site slogan, a
breadcrumb, a section label, the headline, a byline, share counters, the dateline. The head
is read until the first line of story prose (or a few lines, whichever comes first); each
line gets one kind:

    breadcrumb  "Home > World > Middle East"
    byline      "By Jane Doe, Staff Reporter"
    cruft       share counters, newsletter boxes (generator.cruft)
    dateline    read by ``shapes``
    slogan      a short sentence above the headline ("The news you can trust.")
    label       one or two words above the headline ("World")
    stamp       a second date below the dateline ("Last modified on Mon 6 Feb 2017")
    headline    a short line without closing punctuation
    story       the first line of prose: the head ends here

The headline is the article's title; slogans, breadcrumbs, labels, bylines and cruft are
furniture (kept out of events and public pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..cruft import CRUFT_LINE
from .shapes import DatelineMatch, Grammar, match_agency_line, match_dateline, match_place_and_agency

HEAD_CHARS = 1500
HEAD_LINES = 12
HEADLINE_WORDS = 20
HEADLINE_CHARS = 150
BREADCRUMB = re.compile(r"^(?:[^>›»\n]{1,40}\s*[>›»]\s*){1,6}[^>›»\n]{1,40}$")
BYLINE_NAME = re.compile(r"^\s*(?P<name>[^,|\n(]+?)\s*(?:[,|(]|\s[-–—]\s|$)")


@dataclass(frozen=True)
class HeadLine:
    start: int  # offsets into the text, the line without its surrounding blanks
    end: int
    kind: str


@dataclass(frozen=True)
class HeadReading:
    lines: tuple[HeadLine, ...]
    dateline: DatelineMatch | None
    author: str | None = None

    def first(self, kind: str) -> HeadLine | None:
        return next((line for line in self.lines if line.kind == kind), None)

    @property
    def furniture(self) -> tuple[HeadLine, ...]:
        return tuple(line for line in self.lines if line.kind in FURNITURE)


FURNITURE = ("breadcrumb", "byline", "cruft", "slogan", "label", "stamp")


def read_head(text: str, g: Grammar, *, day_first: bool = True) -> HeadReading:
    lines: list[HeadLine] = []
    dateline: DatelineMatch | None = None
    author = None
    for start, end in _head_lines(text):
        if dateline is None:
            found = (match_dateline(text, start, g, day_first=day_first)
                     or match_agency_line(text, start, g, day_first=day_first))
            if found:
                dateline = _with_place_line(text, found, g)
                author = author or found.author
                lines.append(HeadLine(start, min(end, dateline.end), "dateline"))
                if dateline.end < end:  # the story goes on after the dateline on its line
                    break
                continue
        elif start < dateline.end:
            continue  # a line the dateline took in ("AFP" above its date)
        elif _is_stamp(text, start, end, g, day_first):
            lines.append(HeadLine(start, end, "stamp"))  # "Last modified on Mon 6 Feb 2017"
            continue
        kind = _kind(text[start:end], g)
        if kind == "byline":
            author = author or _byline_name(text[start:end], g)
        lines.append(HeadLine(start, end, kind))
        if kind == "story":
            break
    return HeadReading(_with_slogans(text, lines), dateline, author)


def _head_lines(text: str):
    """(start, end) of the first non-empty lines, stripped of surrounding blanks."""
    count, offset = 0, 0
    for raw in text[:HEAD_CHARS].split("\n"):
        line_start, offset = offset, offset + len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            continue
        start = line_start + (len(raw) - len(raw.lstrip()))
        yield start, start + len(stripped)
        count += 1
        if count >= HEAD_LINES:
            return


def _with_place_line(text: str, found: DatelineMatch, g: Grammar) -> DatelineMatch:
    """A date on a line of its own takes the "ANKARA (AP) — " that opens the next line."""
    if found.outlet or not text[found.start:found.end].endswith("\n"):
        return found
    blank = re.compile(r"[ \t]*\n")
    p = found.end
    while (m := blank.match(text, p)) and m.end() > p:
        p = m.end()
    place = match_place_and_agency(text, p, g)
    if not place:
        return found
    return DatelineMatch(found.start, place.end, found.year, found.month, found.day, place.outlet,
                         found.author)


def _is_stamp(text: str, start: int, end: int, g: Grammar, day_first: bool) -> bool:
    """A second date line below the dateline (an update time) is furniture too."""
    found = match_dateline(text, start, g, day_first=day_first)
    return bool(found and found.has_date and found.end >= end)


def _kind(line: str, g: Grammar) -> str:
    words = line.split()
    if g.widget_line.fullmatch(line):
        return "cruft"
    if BREADCRUMB.match(line) and len(words) <= 12:
        return "breadcrumb"
    if words and words[0].casefold() in g.words.byline_words and len(words) <= 12 and words[1:2] \
            and words[1][:1].isupper():
        return "byline"
    if CRUFT_LINE.match(line):
        return "cruft"
    if len(words) > HEADLINE_WORDS or len(line) > HEADLINE_CHARS:
        return "story"
    if line.endswith((".", "…")) and not line.endswith(".."):
        return "short sentence"
    if line.endswith((",", ";", ":")):
        return "story"
    return "headline" if len(words) >= 3 else "label"


def _with_slogans(text: str, lines: list[HeadLine]) -> tuple[HeadLine, ...]:
    """Short sentences above the headline are a slogan; labels count only above it; without
    a headline, the first short sentence is story."""
    headline_at = next((i for i, line in enumerate(lines) if line.kind == "headline"), None)
    if headline_at is None:
        headline_at = next((i for i, line in enumerate(lines) if line.kind == "label"
                            and len(text[line.start:line.end].split()) == 2), None)
        if headline_at is not None:
            lines[headline_at] = HeadLine(lines[headline_at].start, lines[headline_at].end, "headline")
    out = []
    for i, line in enumerate(lines):
        kind = line.kind
        if kind == "short sentence":
            kind = "slogan" if headline_at is not None and i < headline_at else "story"
        elif kind == "label" and (headline_at is None or i > headline_at):
            kind = "story" if headline_at is None else "label"
        out.append(HeadLine(line.start, line.end, kind))
        if kind == "story":
            break
    return tuple(out)


def _byline_name(line: str, g: Grammar) -> str | None:
    rest = line.split(None, 1)[1] if len(line.split(None, 1)) > 1 else ""
    found = BYLINE_NAME.match(rest)
    name = found.group("name").strip() if found else ""
    return name or None
