"""Merge items: each dated sentence of an article as the merge reads it, before any window's
statistics (its content words, happenings, named actors, other dates and home window).

An article's items are a pure function of its analysis, source key, language, actor words
and the merge settings: ``raw_items`` takes them from the identity memo (annals serve), the
build cache or makes them (``article_items``). Making them is a third of a cached build's
chronology, so the cache keeps them by a digest of those inputs, as plain data (no
classes): each item's place in the article, which of the analysis's events and dates it is,
and its words; the analysis is the one the build already holds, so nothing is duplicated.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Mapping, MutableMapping, Protocol, Sequence

from ..memo import IdentityMemo
from ..model import ArticleAnalysis, Event, TimeExpr
from .merge import MergeSettings, gap_days
from .spans import SpanIndex
from .words import date_context


@dataclass(frozen=True, slots=True)
class RawItem:
    """A source event as the merge reads it before any window's statistics."""

    order: tuple  # (the article's place in source order, the event's place in the article)
    event: Event
    source: str  # independent source key
    terms: dict[str, float] = field(compare=False)  # content words with their near boost
    near: frozenset[str] = frozenset()
    happenings: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()  # the actors the sentence names itself
    other_dates: tuple[tuple[date, date], ...] = ()
    secondary: bool = False
    key: bytes = field(default=b"", compare=False)  # a digest of what its clustering depends on
    window: tuple[str, int] = ("m", 0)  # its home window (see home_window)
    # its place among its article's secondary items (0 for a primary one): with ``order``,
    # where it stands among all items, whatever other articles there are
    rank: int = field(default=0, compare=False)
    start: date = field(init=False, compare=False)
    end: date = field(init=False, compare=False)

    def __post_init__(self) -> None:
        time = self.event.timex.time
        object.__setattr__(self, "start", time.start)
        object.__setattr__(self, "end", time.end)


@dataclass
class ItemChanges:
    """The merge items of this run that the last run's memo did not have, and those it had
    that are gone (raw_items), for the merge to list again only their windows."""

    gone: list[RawItem] = field(default_factory=list)
    added: list[RawItem] = field(default_factory=list)


def with_key(item: RawItem, settings: MergeSettings) -> RawItem:
    """The item with its home window and its content key: everything clustering reads, nothing positional (an
    edit above an event moves its offsets, not its clustering), sets as sorted tuples so the
    key's repr is the same in every process. The key is kept as a digest of that repr: the
    tuple repeated every term of every event (a sixth of the merge's memory)."""
    time = item.event.timex.time
    key = (item.event.article, time.value, time.type, time.granularity, item.start, item.end,
           tuple(sorted(item.terms.items())), tuple(sorted(item.near)), tuple(sorted(item.happenings)),
           tuple(sorted(item.event.actors)), tuple(sorted(item.named)), item.other_dates, item.secondary)
    return replace(item, key=key_digest(key), window=home_window(item, settings))


def key_digest(key: tuple) -> bytes:
    """16 bytes of BLAKE2b over a key's repr: equal keys, equal digests, in every process."""
    return hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def raw_items(articles: Sequence[ArticleAnalysis], sources: Mapping[str, str],
              actor_words: Mapping[str, frozenset[str]], settings: MergeSettings,
              default_language: str, memo: IdentityMemo | None = None,
              store: ItemStore | None = None, trusted: bool = False,
              changes: "ItemChanges | None" = None) -> list[RawItem]:
    """Raw items of every article (in the order given: source order): all their events,
    then one secondary item per other date of a sentence (no vaguer than a month) when
    ``settings.secondary_dates``. ``sources`` gives each article's independent source key,
    ``actor_words`` the words of each actor's names (left out of the content words).
    ``memo`` gives back an earlier chronology's items of the very same analyses, ``store``
    (the build cache, stored_items.py) those of an earlier build of equal ones; ``trusted``:
    the actor words, settings and language are those of the chronology ``memo`` kept, so
    an analysis it has gives back its items without its inputs being worked out again.
    ``changes`` learns the items that are not the last run's (of the memo) and those of the
    last run that are gone."""
    memo = IdentityMemo() if memo is None else memo
    reused: dict[int, Items] = {}
    if trusted:
        for analysis in articles:
            found = memo.reuse((analysis,))
            if found is not None:
                reused[id(analysis)] = found
    stems: dict[str, str | None] = {}
    shared: dict[frozenset[str], frozenset[str]] = {}
    wanted = []
    for analysis in articles:
        if id(analysis) in reused:
            continue
        slug = analysis.article.slug
        names = tuple(sorted({a: actor_words.get(a, frozenset())
                              for e in analysis.events for a in e.actors}.items()))
        wanted.append((analysis, (sources[slug], analysis.article.lang or default_language, names)))
    keys: dict[int, str] = {}
    stored: dict = {}
    if store is not None:
        keys = {n: item_key(a, inputs, settings) for n, (a, inputs) in enumerate(wanted)
                if not memo.has((a,), inputs)}
        stored = load_stored(store, {keys[n]: (wanted[n][0], wanted[n][1][0]) for n in keys}, settings, shared)
    made: dict = {}

    def make(n: int, analysis: ArticleAnalysis, source: str, language: str, names: tuple):
        key = keys.get(n)
        if key in stored:
            return stored[key]
        items = article_items(analysis, source, dict(names), settings, language, stems, shared)
        if key is not None:
            made[key] = (analysis, items)
        return items

    for n, (analysis, inputs) in enumerate(wanted):
        reused[id(analysis)] = memo.get((analysis,), inputs, lambda n=n, a=analysis, i=inputs: make(n, a, *i))
    out: list[RawItem] = []
    extra: list[RawItem] = []
    for analysis in articles:
        primary, secondary = reused[id(analysis)]
        out += primary
        extra += secondary
    if changes is not None:  # by article: a few new ones among thousands kept
        before = {id(found[2]): found[2] for found in memo.earlier.values()}
        now = set(map(id, reused.values()))
        changes.gone = [i for k, (p, s) in before.items() if k not in now for i in (*p, *s)]
        changes.added = [i for v in reused.values() if id(v) not in before for i in (*v[0], *v[1])]
    if store is not None and made:
        store_made(store, made)
    return out + extra


def article_items(analysis: ArticleAnalysis, source: str, actor_words: Mapping[str, frozenset[str]],
                  settings: MergeSettings, language: str,
                  stems: dict[str, str | None], shared: dict[frozenset[str], frozenset[str]] | None = None,
                  ) -> tuple[list[RawItem], list[RawItem]]:
    """The raw items of one article's anchored events, in their order in the article, and
    the secondary items of its sentences' other dates. ``shared``: one object for each
    distinct word set, for the items of one build (a set costs 216 bytes, however small,
    and most are one of a few: no happening, the same two actors)."""
    one = (lambda value: value) if shared is None else (lambda value: shared.setdefault(value, value))
    slug = analysis.article.slug
    span_index = SpanIndex({slug: [(m.start, m.end) for m in analysis.mentions if m.end > m.start]})
    mentions = [(m.start, m.end, m.actor) for m in analysis.mentions]
    named_index = SpanIndex({slug: [(s, e) for s, e, _ in mentions]})
    dates = [t for t in analysis.timexes if t.time.anchored]
    date_index = SpanIndex({slug: [(t.start, t.end) for t in dates]})
    article_order = (analysis.dateline.date is None, analysis.dateline.date or date.min, slug)

    def item(k: int, event: Event, others: tuple[tuple[date, date], ...], secondary: bool, rank: int = 0) -> RawItem:
        spans = span_index.overlapping(slug, event.sentence.start, event.sentence.end)
        words = frozenset().union(*(actor_words.get(a, frozenset()) for a in event.actors))
        terms, near, happenings = date_context(event, spans, words, happening_window=settings.happening_window,
                                               stems=stems, language=language)
        in_sentence = frozenset(mentions[i][2] for i in named_index.within(
            slug, event.sentence.start, event.sentence.end))
        return with_key(RawItem((article_order, k), event, source, terms, one(near), one(happenings),
                                one(in_sentence), others, secondary, rank=rank), settings)

    events = sorted((e for e in analysis.events if e.time.anchored),
                    key=lambda e: (e.sentence.start, e.timex.start, e.timex.end, e.id))
    primary, secondary = [], []
    for k, event in enumerate(events):
        others = other_dates(event, dates, date_index)
        primary.append(item(k, event, tuple((t.time.start, t.time.end) for t in others), False))
        if not settings.secondary_dates:
            continue
        for timex in others:
            if (timex.time.end - timex.time.start).days >= settings.max_evidence_range_days:  # type: ignore[operator]
                continue
            rest = tuple((t.time.start, t.time.end) for t in others if t is not timex)
            secondary.append(item(k, replace(event, timex=timex),
                                  rest + ((event.time.start, event.time.end),), True,  # type: ignore[arg-type]
                                  len(secondary)))
    return primary, secondary


def other_dates(event: Event, timexes: Sequence[TimeExpr], index: SpanIndex) -> list[TimeExpr]:
    """The sentence's other anchored dates that do not overlap the event's own date (those
    of the sentence found in ``index``, the article's dates by position: scanning all of
    them for every event made one long article quadratic)."""
    sentence, own = event.sentence, event.timex
    inside = sorted(index.within(event.article, sentence.start, sentence.end))
    return [t for t in (timexes[k] for k in inside)
            if t.time.anchored
            and (t.start, t.end) != (own.start, own.end)
            and gap_days(t.time.start, t.time.end, own.time.start, own.time.end) > 0]  # type: ignore[arg-type]


def home_window(item: RawItem, settings: MergeSettings) -> tuple[str, int]:
    """("m", month number) for dates no vaguer than a month, else ("y", year)."""
    if (item.end - item.start).days >= settings.max_evidence_range_days:
        return ("y", item.start.year)
    return ("m", item.start.year * 12 + item.start.month - 1)


# Items in the build cache ------------------------------------------------------------------

Items = tuple[list[RawItem], list[RawItem]]  # an article's primary and secondary items


class ItemStore(Protocol):
    def get_many(self, keys: Sequence[str]) -> Mapping[str, object]: ...
    def put_many(self, items: Mapping[str, object]) -> None: ...


def item_key(analysis: ArticleAnalysis, inputs: tuple, settings: MergeSettings) -> str:
    """What the items depend on: the article (its digest), the other inputs
    (source key, language, actor words) and the settings. Sets are written sorted: a set's
    repr follows the per-process string hash, and the key must be the same in every build."""
    h = hashlib.sha256()
    for part in (analysis.article.digest, repr(_sorted_sets(inputs)), repr(settings)):
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def _sorted_sets(value: object) -> object:
    if isinstance(value, (set, frozenset)):
        return ("set", *sorted(value))
    if isinstance(value, tuple):
        return tuple(_sorted_sets(v) for v in value)
    return value


def encode(analysis: ArticleAnalysis, items: Items) -> tuple | None:
    """The items as plain tuples naming the analysis's events and dates by position; None
    when an item's event is not one of the analysis's own (nothing is stored then)."""
    events = {id(e): n for n, e in enumerate(analysis.events)}
    dates = {id(t): n for n, t in enumerate(analysis.timexes)}
    by_sentence = {(e.id, e.sentence.start): n for n, e in enumerate(analysis.events)}
    out = []
    for group in items:
        rows = []
        for item in group:
            if item.secondary:
                base = by_sentence.get((item.event.id, item.event.sentence.start))
                timex = dates.get(id(item.event.timex))
                if base is None or timex is None:
                    return None
                where = (base, timex)
            else:
                if id(item.event) not in events:
                    return None
                where = (events[id(item.event)], -1)
            rows.append((item.order[1], *where, tuple(item.terms.items()), tuple(sorted(item.near)),
                         tuple(sorted(item.happenings)), tuple(sorted(item.named)), item.other_dates,
                         item.secondary))
        out.append(tuple(rows))
    return tuple(out)


def decode(analysis: ArticleAnalysis, source: str, value: object, settings: MergeSettings,
           shared: dict[frozenset[str], frozenset[str]] | None = None) -> Items | None:
    """The items ``encode`` stored, rebuilt on this analysis; None for anything malformed.
    ``shared``: one object per distinct word set, as in article_items."""
    one = (lambda value: value) if shared is None else (lambda value: shared.setdefault(value, value))
    if not isinstance(value, tuple) or len(value) != 2:
        return None
    article_order = (analysis.dateline.date is None, analysis.dateline.date or date.min, analysis.article.slug)
    try:
        groups = []
        for rows in value:
            group = []
            for k, event_at, timex_at, terms, near, happenings, named, others, secondary in rows:
                event = analysis.events[event_at]
                if timex_at >= 0:
                    event = replace(event, timex=analysis.timexes[timex_at])
                group.append(with_key(RawItem((article_order, k), event, source, dict(terms), one(frozenset(near)),
                                              one(frozenset(happenings)), one(frozenset(named)), tuple(others),
                                              bool(secondary), rank=len(group) if secondary else 0), settings))
            groups.append(group)
    except (TypeError, ValueError, IndexError):
        return None
    return groups[0], groups[1]


LOAD_CHUNK = 500  # stored rows read and decoded at a time: the plain tuples of all of them at once cost ~80 MB at 5,000 articles


def load_stored(store: ItemStore, wanted: Mapping[str, tuple[ArticleAnalysis, str]],
                settings: MergeSettings, shared: dict[frozenset[str], frozenset[str]] | None = None,
                ) -> dict[str, Items]:
    """The stored items of ``wanted`` (key -> (analysis, source key)) that can be rebuilt."""
    found: dict[str, Items] = {}
    keys = list(wanted)
    for start in range(0, len(keys), LOAD_CHUNK):
        for key, value in store.get_many(keys[start:start + LOAD_CHUNK]).items():
            analysis, source = wanted[key]
            items = decode(analysis, source, value, settings, shared)
            if items is not None:
                found[key] = items
    return found


def store_made(store: ItemStore, made: MutableMapping[str, tuple[ArticleAnalysis, Items]]) -> None:
    encoded = {key: encode(analysis, items) for key, (analysis, items) in made.items()}
    store.put_many({k: v for k, v in encoded.items() if v is not None})
