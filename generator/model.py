"""The data that flows through the pipeline: small immutable dataclasses.

content ─load─▶ Article ─dateline─▶ Dateline ─text─▶ PlainText/Sentence ─timex─▶ TimeExpr
        ─events─▶ Event ─actors─▶ Actor ─chronology─▶ Timeline ─render─▶ pages ─write─▶ output/

Offsets (``start``/``end``) are Python string indices into ``PlainText.text`` unless a
docstring says otherwise. Every stage takes these values and returns new ones; nothing
here does I/O.
"""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Iterator, Sequence

# Granularities from finest to coarsest; the order is used for sorting.
GRANULARITIES = ("time", "day", "week", "month", "season", "quarter", "half", "year",
                 "decade", "century")
PRECISION_RANKS = {granularity: rank for rank, granularity in enumerate(GRANULARITIES)}  # (a sort key of every event)
DATED_TYPES = ("DATE", "TIME")


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A resolved temporal expression: a TIMEX3 value plus the inclusive day range it covers.

    ``start``/``end`` are set only for DATE/TIME values anchored on the calendar.
    DURATION ("P40Y"), SET ("XXXX-WXX-5") and vague references ("PAST_REF") have none and
    never date an event. ``rule`` names the grammar/anchoring rule that produced it.
    """

    value: str
    type: str = "DATE"
    granularity: str | None = None
    start: date | None = None
    end: date | None = None
    rule: str = ""

    @property
    def anchored(self) -> bool:
        return self.type in DATED_TYPES and self.start is not None and self.end is not None

    @property
    def precision_rank(self) -> int:
        """Lower is finer; unknown granularity sorts last."""
        return PRECISION_RANKS.get(self.granularity, len(GRANULARITIES))

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "value": self.value}
        if self.type in DATED_TYPES:
            out["granularity"] = self.granularity
            if self.anchored:
                out["range"] = [self.start.isoformat(), self.end.isoformat()]  # type: ignore[union-attr]
        return out


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One date expression found in a text: its span and what it resolves to."""

    start: int
    end: int
    text: str
    time: TimeValue

    def shifted(self, delta: int) -> "TimeExpr":
        return TimeExpr(self.start + delta, self.end + delta, self.text, self.time)

    def as_json(self) -> dict[str, Any]:
        """The `annals tag` JSON object of DESIGN.md."""
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        out.update(self.time.as_json())
        return out


@dataclass(frozen=True, slots=True)
class Problem:
    """A diagnostic about the content: shown by `annals check`, the build and review/."""

    path: str  # the file, relative to the site folder
    message: str
    line: int | None = None
    severity: str = "warning"  # "error" | "warning" | "info"
    kind: str = "content"  # e.g. "front-matter", "no-dateline", "unresolved-date", "conflict"

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Article:
    """An article as loaded from content/articles: front matter and Markdown body."""

    path: str  # relative to the site folder, POSIX separators, e.g. "content/articles/a.md"
    slug: str
    title: str
    body: str  # Markdown source, front matter removed
    body_line: int  # 1-based line of the file on which ``body`` starts
    date: date | None = None  # front matter `date`
    source: str | None = None
    url: str | None = None
    author: str | None = None
    actors: tuple[str, ...] = ()  # actor names/aliases given in front matter
    draft: bool = False
    lang: str = ""  # front matter `lang`; empty means the site language
    # Read from the head of the body (generator.dateline) when the article is loaded;
    # None for an Article built by hand, which the analysis then reads itself.
    dateline: "Dateline | None" = None
    # Lines above the story that are no story text, as (start, end, kind) offsets into the
    # body's plain text: "title", "slogan", "breadcrumb", "label", "byline", "cruft".
    furniture: tuple[tuple[int, int, str], ...] = ()
    image: str | None = None  # front matter `image`: a file under content/ or an http(s) URL
    image_alt: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    # Made once per object, beside the fields (outside ==, hash and repr): the article cache,
    # the merge items' keys and the page fingerprints all name an article by it.
    _digest: str | None = field(default=None, init=False, compare=False, repr=False)
    # Its hash, made once per object (outside ==, repr and pickles: str hashes differ per
    # process): a save looks every article up in the analyses kept by article several
    # times, and hashing all the fields (the dateline's too) each time cost 35 ms at 5,000.
    _hash: int | None = field(default=None, init=False, compare=False, repr=False)

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(tuple(getattr(self, name) for name in _ARTICLE_KEYS)))
        return self._hash  # type: ignore[return-value]

    def __getstate__(self) -> list:
        return [None if f.name == "_hash" else getattr(self, f.name) for f in fields(self)]

    @property
    def digest(self) -> str:
        """A digest of everything in the article (its repr is deterministic)."""
        if self._digest is None:
            data = repr(self).encode("utf-8", "surrogatepass")
            object.__setattr__(self, "_digest", hashlib.blake2b(data, digest_size=20).hexdigest())
        return self._digest  # type: ignore[return-value]

    def line_of(self, body_offset: int) -> int:
        """The file line of an offset into ``body``."""
        return self.body_line + self.body.count("\n", 0, body_offset)


# What Article's == compares, hence what its hash is made of.
_ARTICLE_KEYS = tuple(f.name for f in fields(Article) if f.compare)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The publication date of an article (the document creation time, DCT)."""

    date: date | None
    origin: str  # where the date came from: "front matter" | "dateline" | "html" | "correction" | "none"
    span: tuple[int, int] | None = None  # the dateline's own span in the plain text
    text: str = ""  # the dateline exactly as printed (its span's text)
    outlet: str | None = None  # the agency or outlet the dateline names ("Reuters")
    month_day: tuple[int, int] | None = None  # a wire dateline without a year: (month, day)
    year_from: str = ""  # how a year-less dateline got its year: "" or "neighbours"


@dataclass(frozen=True, slots=True, eq=False)
class OffsetMap:
    """Source offsets of a plain text, one per character, kept as runs: most characters
    follow the previous one's source offset by one, and markup removed or replaced breaks
    the run (about one break in a hundred characters of news text, so runs take a few
    hundred bytes an article where one 4-byte int a character took kilobytes).

    Run ``k`` starts at plain offset ``starts[k]`` with source offset ``sources[k]`` and
    then goes up by ``steps[k]`` (1: copied text; 0: a replacement, every character of
    which points at the start of what it replaces). Reads as the sequence of offsets.
    """

    starts: array  # "I": increasing, the first 0
    sources: array  # "I"
    steps: array  # "B": 0 or 1
    length: int

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, offset: int) -> int:
        if offset < 0:
            offset += self.length
        if not 0 <= offset < self.length:
            raise IndexError("offset out of range")
        k = bisect_right(self.starts, offset) - 1
        return self.sources[k] + (offset - self.starts[k]) * self.steps[k]

    def __iter__(self) -> Iterator[int]:
        bounds = list(self.starts[1:]) + [self.length]
        for start, end, source, step in zip(self.starts, bounds, self.sources, self.steps):
            yield from (range(source, source + end - start) if step else [source] * (end - start))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap) and (self.starts, self.sources, self.steps) == (
                other.starts, other.sources, other.steps):
            return self.length == other.length
        if isinstance(other, (OffsetMap, Sequence, array)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment] - compares by value, like the arrays it holds


@dataclass(frozen=True, slots=True)
class PlainText:
    """Markdown rendered to plain text, with a map back to the Markdown source.

    ``source_index[i]`` is the offset in the Markdown body of ``text[i]``; it has one more
    entry than ``text`` (the end position). Paragraphs are separated by "\\n\\n".

    text.plain_text stores it as an ``OffsetMap`` (runs of offsets: a tuple of Python ints
    costs eight times the memory of 4-byte ints, which cost forty times that of runs); so a
    PlainText, and an ArticleAnalysis holding one, compares by value but is not hashable:
    key caches by the Article.
    """

    text: str
    source_index: Sequence[int]

    def to_source(self, offset: int) -> int:
        return self.source_index[offset]

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """The Markdown span of text[start:end]: tight around it, markup outside excluded."""
        if end <= start:
            return self.source_index[start], self.source_index[start]
        return self.source_index[start], self.source_index[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # 0-based paragraph number
    cruft: bool = False  # page cruft (newsletter sign-up, legal notice...): never an event


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in the text. ``actor`` is a registry key, final slug after casting."""

    start: int
    end: int
    text: str
    actor: str
    # "actor": it acts in its sentence; "place": only where the action is ("in Syria");
    # "mention": named without acting ("Syrian refugees"). Only actors make an event's actors.
    use: str = "actor"


@dataclass(frozen=True, slots=True)
class Actor:
    slug: str  # ASCII, stable, unique
    name: str
    kind: str  # country | person | organisation | group | place
    aliases: tuple[str, ...] = ()
    description: str = ""
    member_of: tuple[str, ...] = ()  # slugs
    origin: str = "config"  # "config" | "builtin" | "discovered"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Event:
    """A dated sentence of one article."""

    id: str  # "<article slug>-<n>", n counting the article's events from 1
    article: str  # article slug
    sentence: Sentence
    timex: TimeExpr  # the expression that dates the event (offsets into the plain text)
    actors: tuple[str, ...] = ()  # actor keys (slugs once the cast is known)
    scheduled: bool = False  # told as planned or due, not as done (generator.events)
    places: tuple[str, ...] = ()  # actors named only as where it happened ("in Syria")

    @property
    def time(self) -> TimeValue:
        return self.timex.time


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything learnt from one article. A pure function of its text and the config."""

    article: Article
    dateline: Dateline
    text: PlainText
    sentences: tuple[Sentence, ...]
    timexes: tuple[TimeExpr, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One happening on the timeline, cited by one or more source events."""

    id: str
    time: TimeValue  # the most precise date the sources agree on
    text: str  # the headline sentence
    actors: tuple[str, ...]  # actor slugs
    citations: tuple[Event, ...]  # source events, in article order
    conflicts: tuple[TimeValue, ...] = ()  # other, incompatible dates given by sources
    corrections: tuple[str, ...] = ()  # what the editor corrected (chronology.corrections)
    scheduled: bool = False  # every source tells it as planned or due, not as happened
    # Cached: an event told by hundreds of sources is asked for its articles by every page and
    # ranking that shows it. The values live beside the fields, outside ==, hash and repr,
    # in slots (functools.cached_property would need an instance dict, twice the memory).
    _articles: tuple[str, ...] | None = field(default=None, init=False, compare=False, repr=False)
    _places: tuple[str, ...] | None = field(default=None, init=False, compare=False, repr=False)

    @property
    def articles(self) -> tuple[str, ...]:
        if self._articles is None:
            object.__setattr__(self, "_articles", tuple(dict.fromkeys(c.article for c in self.citations)))
        return self._articles  # type: ignore[return-value]

    @property
    def places(self) -> tuple[str, ...]:
        """Where its sources say it happened (actor slugs), none of them its actors."""
        if self._places is None:
            object.__setattr__(self, "_places", tuple(
                p for p in dict.fromkeys(p for c in self.citations for p in c.places) if p not in self.actors))
        return self._places  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class KeyDate:
    """A highlighted date: events on it, ranked by independent sources."""

    time: TimeValue
    events: tuple[str, ...]  # TimelineEvent ids
    sources: int  # independent sources (distinct `source`, else article)
    score: float


@dataclass(frozen=True, slots=True)
class StoryWindow:
    """Where the reporting concentrates (chronology.story): earlier events are background."""

    start: date
    end: date
    origin: str  # "site.yaml" | "detected"


@dataclass(frozen=True)
class Timeline:
    events: tuple[TimelineEvent, ...]  # sorted: range start, finer first, source order
    actors: tuple[Actor, ...]  # sorted by slug
    articles: tuple[ArticleAnalysis, ...]  # sorted by date then slug
    key_dates: tuple[KeyDate, ...] = ()
    problems: tuple[Problem, ...] = ()
    story: StoryWindow | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
