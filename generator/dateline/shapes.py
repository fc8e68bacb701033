"""The grammar of a dateline: a date and what news sites print around it.

A dateline is read from a line start as a sequence of optional parts around one date:

    [label] [PLACE |] [agency] [PLACE,] date [trailers...] end

- label: "Published:", "Posted on", "Last updated at", "Date of publication" (data)
- date: day-month-year, month-day-year, ISO (with a time), numeric day first
  (7-03-2019, 03.02.2018), glued ("Jan 082018"); day and month without a year only
  between a PLACE and an agency ("BAGHDAD, Sept. 2 (Xinhua) --")
- trailers: a time and zone, "(Reuters)", "BEIRUT (Reuters)", "Aleppo, NNA", "by NAME",
  "| Section", page widgets glued to the date ("Get short URL")
- end: a dash or the end of the line, or a space before a sentence start. A date followed
  by a lower-case word ("March 2011 marked the start...") is story text, not a dateline.

Each part is a regular expression built from the word lists in ``lexicon``; this module
only puts them in order.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import DatelineWords, dateline_words, fold_outlet

_NOT_LETTER = r"(?![^\W\d_])"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th|er|\.)?"
_OF = r"(?:\s+(?:of|de|del))?"
# A place as wire copy prints it: capitalised words, possibly joined by "/" ("AMMAN/BEIRUT").
_PLACE = r"[^\W\d_a-z][\w'’.-]*(?:[ /][^\W\d_a-z][\w'’.-]*){0,3}"
_AGENCY_IN_PARENS = r"\((?P<agency>[^()\n]{1,40})\)"
_DASH = r"[ \t]*(?:--?|–|—|:)(?:[ \t]+|(?=\S))"
_SENTENCE_START = re.compile(r"[ \t]+(?=[^\W\d_]|\d|[\"“‘'«(\[])")
_DASH_RE = re.compile(_DASH)
_CLOSING_PAREN = re.compile(r"[ \t]*\)")
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")


@dataclass(frozen=True)
class DatelineMatch:
    """What the grammar read at a line start. ``end`` includes the separator after it."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    outlet: str | None = None
    author: str | None = None

    @property
    def has_date(self) -> bool:
        return self.month is not None and self.day is not None


@dataclass(frozen=True)
class Grammar:
    words: DatelineWords
    label: re.Pattern[str]
    pipe_place: re.Pattern[str]
    agency_prefix: re.Pattern[str]
    comma_place: re.Pattern[str]
    dates: tuple[tuple[str, re.Pattern[str]], ...]
    partial_dates: tuple[re.Pattern[str], ...]
    trailers: tuple[tuple[str, re.Pattern[str]], ...]
    place_agency: re.Pattern[str]
    place_outlet: re.Pattern[str]
    byline: re.Pattern[str]
    clock: re.Pattern[str]
    clock_only: re.Pattern[str]
    stamp_opening: re.Pattern[str]
    widget_line: re.Pattern[str]
    agency_line: re.Pattern[str]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=16)
def grammar(languages: tuple[str, ...]) -> Grammar:
    words = dateline_words(languages)
    month = rf"(?P<mon>{_alternation(words.months)}){_NOT_LETTER}\.?"
    weekday = rf"(?:(?:{_alternation(words.weekdays)}){_NOT_LETTER}\.?,?\s+)?"
    agency_names = _alternation(set(words.agencies.values()))
    zone = (rf"(?-i:(?:GMT|UTC)[+-]\d{{1,2}}(?::?\d\d)?|(?:{_alternation(words.time_zones)}))(?![\w+-])")
    clock = (r"(?:(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?(?![./-]\d)(?:\s*[ap]\.?\s?m\.?)?"
             r"|(?:1[0-2]|0?[1-9])\s*[ap]\.?\s?m\.?)(?!\w)"
             rf"(?:\s*(?-i:{_alternation(words.clock_words)})(?!\w))?")
    flags = re.I | re.U
    dates = (
        ("iso", rf"{_YEAR}-(?P<month>0?[1-9]|1[0-2])-(?P<dday>3[01]|[12]\d|0?[1-9])"
                r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)"),
        ("ymd", rf"{_YEAR}/(?P<month>0?[1-9]|1[0-2])/(?P<dday>3[01]|[12]\d|0?[1-9])(?!\d)"),
        ("numeric", rf"(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep){_YEAR}"),
        ("dmy", rf"{weekday}{_DAY}{_OF}\s+{month},?{_OF}\s+{_YEAR}"),
        ("mdy", rf"{weekday}{month}\s+{_DAY},?\s+{_YEAR}"),
        ("glued", rf"{weekday}{month}\s+(?P<day>[0-3]\d)(?P<year>(?:19|20)\d\d)(?!\d)"),
    )
    trailers = (
        ("widget", rf"\s*(?:{_alternation(words.widgets)}){_NOT_LETTER}"),
        ("time", rf"(?:\s*(?:,|at|à|um|-|–|\||\[|@)?\s*){clock}\]?(?:\s*\(?{zone}\)?|\s*[+-]\d\d:?\d\d)?"),
        ("zone", rf"\s*\(?{zone}\)?"),
        ("weekday", rf"[ \t,]+(?:{_alternation(words.weekdays)}){_NOT_LETTER}(?=[ \t]*(?:\d|\n|\Z|[-–—|]))"),
        ("agency", rf"\s*{_AGENCY_IN_PARENS}"),
        ("place_agency", rf"\s+(?-i:{_PLACE})(?:,\s*(?-i:{_PLACE}))?\s*{_AGENCY_IN_PARENS}"),
        ("place_outlet", rf"\s+(?-i:{_PLACE}),\s*(?P<agency>(?-i:[A-Z][A-Z]{{1,7}})|{agency_names})(?={_DASH})"),
        ("section", r"(?-i:[ \t]*\|[ \t]*[A-Z][\w&'’.-]*(?:[ \t]+[A-Z&][\w&'’.-]*){0,3}[ \t]*(?=\n|\Z))"),
    )
    return Grammar(
        words=words,
        label=re.compile(rf"(?:{_alternation(words.labels)}){_NOT_LETTER}"
                         rf"(?:\s+(?:{_alternation(words.label_links)}){_NOT_LETTER})?\s*:?\s*", flags),
        pipe_place=re.compile(rf"(?-i:{_PLACE})[ \t]*\|[ \t]*", flags),
        agency_prefix=re.compile(rf"(?P<agency>{agency_names}){_NOT_LETTER},?[ \t]+", flags),
        comma_place=re.compile(rf"(?-i:{_PLACE}),\s+", flags),
        dates=tuple((name, re.compile(pattern, flags)) for name, pattern in dates),
        partial_dates=(re.compile(rf"{weekday}{_DAY}{_OF}\s+{month}", flags),
                       re.compile(rf"{weekday}{month}\s+{_DAY}", flags)),
        trailers=tuple((name, re.compile(pattern, flags)) for name, pattern in trailers),
        place_agency=re.compile(rf"(?-i:{_PLACE})(?:,\s*(?-i:{_PLACE}))?\s*{_AGENCY_IN_PARENS}(?={_DASH})",
                                flags),
        place_outlet=re.compile(rf"(?-i:{_PLACE})\s*(?:,|[-–—])\s*(?P<agency>(?-i:[A-Z]{{2,8}})|{agency_names})"
                                rf"{_NOT_LETTER}(?={_DASH})", flags),
        byline=re.compile(rf"\s+(?:{_alternation(words.byline_words)})\s+(?=[^\W\d_])", flags),
        clock=re.compile(rf"{clock}[ \t]+", flags),
        clock_only=re.compile(clock, flags),
        widget_line=re.compile(rf"(?:\d+\s*)?(?:{_alternation(words.widgets)})(?:[\s|·•]+(?:\d+\s*)?"
                               rf"(?:{_alternation(words.widgets)}))*[\s\d|·•]*", flags),
        stamp_opening=re.compile(r"[ \t]*[-|–]?[ \t]*(?P<paren>\()?[ \t]*"),
        agency_line=re.compile(rf"[ \t]*(?P<agency>{agency_names})[ \t]*\n", flags),
    )


def match_dateline(text: str, pos: int, g: Grammar, *, day_first: bool = True) -> DatelineMatch | None:
    """A dateline starting exactly at ``pos``, or None."""
    return _dated(text, pos, g, day_first) or _place_and_agency(text, pos, g)


def match_agency_line(text: str, pos: int, g: Grammar, *, day_first: bool = True) -> DatelineMatch | None:
    """An agency on a line of its own above the date ("AFP" over "Tuesday 8 Nov 2016")."""
    line = g.agency_line.match(text, pos)
    found = _dated(text, line.end(), g, day_first) if line else None
    if not line or not found:
        return None
    return DatelineMatch(pos, found.end, found.year, found.month, found.day,
                         found.outlet or _outlet(line.group("agency"), g), found.author)


def match_place_and_agency(text: str, pos: int, g: Grammar) -> DatelineMatch | None:
    """"ANKARA (AP) — " or "DAMASCUS, Syria (AP) — ": a dateline without a date."""
    return _place_and_agency(text, pos, g)


def _place_and_agency(text: str, pos: int, g: Grammar) -> DatelineMatch | None:
    found = g.place_agency.match(text, pos) or g.place_outlet.match(text, pos)
    if not found or not _is_outlet(found.group("agency"), g):
        return None
    end = _end(text, found.end())
    return DatelineMatch(pos, end, outlet=_outlet(found.group("agency"), g)) if end is not None else None


def _dated(text: str, pos: int, g: Grammar, day_first: bool) -> DatelineMatch | None:
    p = pos
    label = g.label.match(text, p)
    if label:
        p = label.end()
    outlet = None
    pipe = g.pipe_place.match(text, p)
    if pipe:
        p = pipe.end()
    agency = g.agency_prefix.match(text, p)
    if agency and _date_at(text, agency.end(), g, day_first):
        p, outlet = agency.end(), _outlet(agency.group("agency"), g)
    clock = g.clock.match(text, p)  # "10:32 06.02.2017": the time first
    if clock and _date_at(text, clock.end(), g, day_first):
        p = clock.end()
    place = g.comma_place.match(text, p)
    date = _date_at(text, p, g, day_first)
    if date is None and place:
        date = _date_at(text, place.end(), g, day_first) or _partial_date_at(text, place.end(), g)
    if date is None and not (label or pipe or agency):
        date = _partial_date_at(text, p, g)  # "Feb 6 (Reuters) -": kept only with its agency
    if date is None:
        return None
    year, month, day, p = date
    p, trailer_outlet, author = _trailers(text, p, g, day_first)
    if year is None and trailer_outlet is None:
        return None  # "Dec 3" is a dateline only as wire copy prints it, with its agency
    end = _end(text, p)
    if end is None:
        return None
    return DatelineMatch(pos, end, year, month, day, trailer_outlet or outlet, author)


def _date_at(text: str, p: int, g: Grammar, day_first: bool) -> tuple[int | None, int, int, int] | None:
    for name, pattern in g.dates:
        found = pattern.match(text, p)
        if not found:
            continue
        groups = found.groupdict()
        if name == "numeric":
            a, b = int(groups["a"]), int(groups["b"])
            # Dots and dashes are day first; slashes too unless the numbers or the site say not.
            month_first = groups["sep"] == "/" and (b > 12 or (a <= 12 and not day_first))
            day, month = (b, a) if month_first else (a, b)
        elif groups.get("mon"):
            month = g.words.months.get(groups["mon"].lower())
            day = int(groups["day"])
        else:
            month, day = int(groups["month"]), int(groups["dday"])
        if month:
            return int(groups["year"]), month, day, found.end()
    return None


def _partial_date_at(text: str, p: int, g: Grammar) -> tuple[None, int, int, int] | None:
    for pattern in g.partial_dates:
        found = pattern.match(text, p)
        if found:
            month = g.words.months.get(found.group("mon").lower())
            if month and not re.match(r",?\s*(?:1[89]|20)\d\d(?!\d)", text[found.end():]):
                return None, month, int(found.group("day")), found.end()
    return None


def _trailers(text: str, p: int, g: Grammar, day_first: bool) -> tuple[int, str | None, str | None]:
    outlet = author = None
    used: set[str] = set()
    progressed = True
    while progressed:
        progressed = False
        for name, pattern in g.trailers:
            if name in used:
                continue
            found = pattern.match(text, p)
            if not found or ("agency" in found.groupdict() and not _is_outlet(found.group("agency"), g)):
                continue
            if found.groupdict().get("agency"):
                outlet = _outlet(found.group("agency"), g)
            used.add(name)
            p, progressed = found.end(), True
            break
        stamp = None if progressed else _update_stamp(text, p, g, day_first)
        if stamp:
            p, progressed = stamp, True
        if not progressed and author is None:
            byline = g.byline.match(text, p)
            name_end = _name_end(text, byline.end(), g) if byline else None
            if byline and name_end:
                author = text[byline.end():name_end]
                p, progressed = name_end, True
    return p, outlet, author


def _update_stamp(text: str, p: int, g: Grammar, day_first: bool) -> int | None:
    """A second date after the first: "(updated 12:15 06.02.2017)", "Edited time: 6 Feb, 2017"."""
    opening = g.stamp_opening.match(text, p)
    label = g.label.match(text, opening.end()) if opening else None
    if not opening or not label:
        return None
    q = start = label.end()
    for part in ("clock", "date", "clock"):
        if part == "clock":
            found = g.clock_only.match(text, q)
            end = found.end() if found else None
        else:
            end = (_date_at(text, q, g, day_first) or (None, None, None, None))[3]
        if end:
            q = end
            q += len(text[q:]) - len(text[q:].lstrip(" \t"))
    q = len(text[:q].rstrip(" \t"))
    if q <= start:
        return None
    if opening.group("paren"):
        closing = _CLOSING_PAREN.match(text, q)
        if not closing:
            return None
        q = closing.end()
    return q


def _name_end(text: str, p: int, g: Grammar) -> int | None:
    """Where a byline name ("Desk Editor") ends: before the capitalised word that opens the
    story, i.e. a word followed by a lower-case one ("The convoy", "Officials said")."""
    tokens = list(re.finditer(r"[^\s]+", text[p:p + 120].split("\n", 1)[0]))
    end = None
    for i, token in enumerate(tokens[:4]):
        word = token.group()
        if not word[:1].isupper() or (i and word in g.words.name_stops):
            break
        following = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if i and following[:1].islower():
            break
        end = p + token.end()
    return end


def _end(text: str, p: int) -> int | None:
    """The end of a dateline at ``p``: after a dash, the line's end or the spaces before a
    sentence; None when a story word continues the date ("March 2011 marked")."""
    dash = _DASH_RE.match(text, p)
    if dash:
        return dash.end()
    line_end = _LINE_END.match(text, p)
    if line_end:
        return line_end.end()
    start = _SENTENCE_START.match(text, p)
    if start and not text[start.end()].islower():
        return start.end()
    return None


def _is_outlet(name: str, g: Grammar) -> bool:
    name = name.strip()
    if not name or len(name.split()) > 5:
        return False
    return fold_outlet(name) in g.words.agencies or name[:1].isupper()


def _outlet(name: str, g: Grammar) -> str:
    name = name.strip()
    return g.words.agencies.get(fold_outlet(name), name)
