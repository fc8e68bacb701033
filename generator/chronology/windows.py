"""The merge, partitioned by time, so that an edit re-clusters only the windows it touches.

Every source event has a home window: the calendar month its date starts in, or, for dates
vaguer than a month (seasons, quarters, years), the calendar year. A month's window also
takes as its halo the events of the neighbouring months that lie within
``conflict_window_days`` of it (a conflict or a week across the month's edge). Each window
is clustered on its own (``merge.cluster_events``), with word and actor rarity counted over
the window's own events, so that no statistic reaches further than a window: an edit can
change only the windows whose events it changes. The windows' clusters are then joined
through the halo events they share (a cross-month happening), never putting two events of
one article together.

A window's clusters are a pure function of its items' content (``RawItem.key``) and the
settings, so they are memoised by that key (in memory in ``annals serve``, in the build
cache for ``annals build``); a full build and any incremental one give the same clusters.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Iterable, Mapping, MutableMapping, NamedTuple, Sequence

from ..model import ArticleAnalysis, Event, TimeExpr
from ..memo import IdentityMemo
from .merge import MergeSettings, SourceEvent, cluster_events, gap_days
from .words import CONCEPTS, ONE_OFF, date_context

Clusters = tuple[tuple[int, ...], ...]  # item positions of a window, each cluster in order


class WindowResult(NamedTuple):
    """A window's clusters, and the source events of its own items as weighed there (None
    when read back from the persistent cache, which keeps only the clusters)."""

    clusters: Clusters
    events: tuple[SourceEvent, ...] | None


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
    start: date = field(init=False, compare=False)
    end: date = field(init=False, compare=False)

    def __post_init__(self) -> None:
        time = self.event.timex.time
        object.__setattr__(self, "start", time.start)
        object.__setattr__(self, "end", time.end)


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
              default_language: str, memo: IdentityMemo | None = None) -> list[RawItem]:
    """Raw items of every article (in the order given: source order): all their events,
    then one secondary item per other date of a sentence (no vaguer than a month) when
    ``settings.secondary_dates``. ``sources`` gives each article's independent source key,
    ``actor_words`` the words of each actor's names (left out of the content words).
    ``memo`` gives back an earlier chronology's items of the very same analyses."""
    memo = IdentityMemo() if memo is None else memo
    stems: dict[str, str | None] = {}
    shared: dict[frozenset[str], frozenset[str]] = {}
    out: list[RawItem] = []
    extra: list[RawItem] = []
    for analysis in articles:
        slug = analysis.article.slug
        names = tuple(sorted({a: actor_words.get(a, frozenset())
                              for e in analysis.events for a in e.actors}.items()))
        source, language = sources[slug], analysis.article.lang or default_language
        primary, secondary = memo.get((analysis,), (source, language, names), lambda: article_items(
            analysis, source, dict(names), settings, language, stems, shared))
        out += primary
        extra += secondary
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

    def item(k: int, event: Event, others: tuple[tuple[date, date], ...], secondary: bool) -> RawItem:
        spans = span_index.overlapping(slug, event.sentence.start, event.sentence.end)
        words = frozenset().union(*(actor_words.get(a, frozenset()) for a in event.actors))
        terms, near, happenings = date_context(event, spans, words, happening_window=settings.happening_window,
                                               stems=stems, language=language)
        in_sentence = frozenset(mentions[i][2] for i in named_index.within(
            slug, event.sentence.start, event.sentence.end))
        return with_key(RawItem((article_order, k), event, source, terms, one(near), one(happenings),
                                one(in_sentence), others, secondary), settings)

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
                                  rest + ((event.time.start, event.time.end),), True))  # type: ignore[arg-type]
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


class SpanIndex:
    """Each article's (start, end) spans sorted by start, to find those of one sentence by
    bisection instead of scanning every mention of the article for every event."""

    def __init__(self, spans: Mapping[str, Sequence[tuple[int, int]]]):
        self.spans = spans
        self.sorted: dict[str, tuple[list[int], list[int], int] | None] = {}

    def _of(self, article: str) -> tuple[list[int], list[int], int] | None:
        """(sorted starts, span positions in that order, longest span), or None when a
        span ends before it starts (then scan: bisection assumes end >= start)."""
        if article not in self.sorted:
            given = self.spans.get(article, ())
            if any(e < s for s, e in given):
                self.sorted[article] = None
            else:
                order = sorted(range(len(given)), key=lambda k: (given[k][0], k))
                longest = max((e - s for s, e in given), default=0)
                self.sorted[article] = ([given[k][0] for k in order], order, longest)
        return self.sorted[article]

    def overlapping(self, article: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans s..e with s < end and start < e, in start order."""
        given = self.spans.get(article, ())
        found = self._of(article)
        if found is None:
            return [(s, e) for s, e in given if s < end and start < e]
        starts, order, longest = found
        window = order[bisect_right(starts, start - longest):bisect_left(starts, end)]
        return [given[k] for k in window if start < given[k][1]]

    def within(self, article: str, start: int, end: int) -> list[int]:
        """Positions of the spans s..e with start <= s and e <= end."""
        given = self.spans.get(article, ())
        found = self._of(article)
        if found is None:
            return [k for k, (s, e) in enumerate(given) if start <= s and e <= end]
        starts, order, _ = found
        window = order[bisect_left(starts, start):bisect_right(starts, end)]
        return [k for k in window if given[k][1] <= end]



# Windows ---------------------------------------------------------------------------------

def home_window(item: RawItem, settings: MergeSettings) -> tuple[str, int]:
    """("m", month number) for dates no vaguer than a month, else ("y", year)."""
    if (item.end - item.start).days >= settings.max_evidence_range_days:
        return ("y", item.start.year)
    return ("m", item.start.year * 12 + item.start.month - 1)


def _month_bounds(month: int) -> tuple[date, date]:
    first = date(month // 12, month % 12 + 1, 1)
    following = date((month + 1) // 12, (month + 1) % 12 + 1, 1)
    return first, following - timedelta(days=1)


def windows(items: Sequence[RawItem], settings: MergeSettings) -> dict[tuple[str, int], list[int]]:
    """Each window's items (positions in ``items``, in order): its own, then its halo
    (primary events of the neighbouring months within ``conflict_window_days``)."""
    halo = timedelta(days=settings.conflict_window_days)
    own: dict[tuple[str, int], list[int]] = {}
    for i, item in enumerate(items):
        own.setdefault(item.window, []).append(i)
    out = {}
    for window in sorted(own):
        members = own[window]
        if window[0] == "m":
            first, last = _month_bounds(window[1])
            for neighbour in (("m", window[1] - 1), ("m", window[1] + 1)):
                members = members + [i for i in own.get(neighbour, ())
                                     if not items[i].secondary
                                     and gap_days(items[i].start, items[i].end, first, last) <= halo.days]
        out[window] = sorted(members, key=lambda i: (items[i].secondary, items[i].order, i))
    return out


def weigh(items: Sequence[RawItem], settings: MergeSettings) -> list[SourceEvent]:
    """Source events weighted by the rarity of their words and actors among ``items`` (a
    window's primary events): in an archive about one story its countries are everywhere
    and say nothing, a named envoy does."""
    df: Counter[str] = Counter()
    actor_df: Counter[str] = Counter()
    primary = [item for item in items if not item.secondary]
    for item in primary:
        df.update(item.terms.keys())
        df.update("@" + h for h in item.happenings)  # happenings told of a date, apart from words
        actor_df.update(frozenset(item.event.actors))
    total = len(primary)
    # A quiet month says little about which words are rare: below `min_window_events` the
    # missing events count as a background that uses none of them, so every word weighs
    # nearly the same instead of by the chance counts of a handful of sentences.
    mass = max(total, settings.min_window_events)
    rare_df = max(settings.salient_min_df, settings.rare_word_share * total)
    salient_df = max(settings.salient_min_df, settings.salient_actor_share * total)
    concept_heads = frozenset(CONCEPTS.values())
    shared: dict[frozenset[str], frozenset[str]] = {}  # one object per distinct set (see article_items)
    one = lambda value: shared.setdefault(value, value)  # noqa: E731
    out = []
    for item in items:
        weighted = {w: b * (math.log((mass + 1) / (df[w] + 1)) + 1.0) for w, b in item.terms.items()}
        salient = tuple(sorted(
            (a, math.log((mass + 1) / max(actor_df[a], 1))
             * (1.0 if a in item.named else settings.unnamed_actor_factor))
            for a in frozenset(item.event.actors) if actor_df[a] <= salient_df))
        rare = {w for w in item.terms if df[w] <= rare_df and w not in concept_heads}
        rare.update("@" + h for h in item.happenings if df["@" + h] <= rare_df)
        out.append(SourceEvent(
            order=item.order, event=item.event, source=item.source, start=item.start, end=item.end,
            terms=weighted, words=one(frozenset(weighted)), weight=math.fsum(weighted.values()),
            near=item.near, near_weight=math.fsum(weighted[w] for w in item.near),
            one_off=one(item.near & ONE_OFF), actors=one(frozenset(item.event.actors)),
            happenings=item.happenings, rare=one(frozenset(rare)), salient=salient,
            other_dates=item.other_dates, secondary=item.secondary))
    return out


@dataclass
class Merged:
    """The clusters of a whole chronology and the source events that describe each item
    (as weighed in its home window)."""

    clusters: list[list[int]]
    items: list[SourceEvent]
    reused: int = 0  # windows whose clusters came from the memo
    windows: int = 0


def merge_windows(items: Sequence[RawItem], settings: MergeSettings,
                  memo: Mapping[tuple, WindowResult] | None = None,
                  keep: MutableMapping[tuple, WindowResult] | None = None,
                  single: bool = False) -> Merged:
    """Cluster every window (taking its result from ``memo`` when it holds the window's
    key; every window's result goes into ``keep``), then join the windows' clusters through
    their shared halo events. ``single``: no merging, one event per primary item."""
    memo = {} if memo is None else memo
    keep = {} if keep is None else keep
    weighed: dict[int, SourceEvent] = {}
    found: list[tuple[tuple[str, int], list[int], Clusters]] = []
    reused = 0
    for window, members in windows(items, settings).items():
        key = (settings, window, tuple((items[i].window == window, items[i].key) for i in members))
        result = None if single else memo.get(key)
        if result is None:
            events = weigh([items[i] for i in members], settings)
            home = tuple(e for i, e in zip(members, events) if items[i].window == window)
            clusters = () if single else tuple(tuple(c) for c in cluster_events(events, settings))
            result = WindowResult(clusters, home)
        else:
            reused += 1
        if not single:
            keep[key] = result
            found.append((window, members, result.clusters))
        home_members = [i for i in members if items[i].window == window]
        if result.events is None:  # from the persistent cache: weigh again, for the drafts
            events = weigh([items[i] for i in members], settings)
            result = WindowResult(result.clusters, tuple(e for i, e in zip(members, events)
                                                         if items[i].window == window))
            keep[key] = result
        for i, event in zip(home_members, result.events):  # type: ignore[arg-type]
            weighed[i] = _current(event, items[i])
    if single:
        joined = [[i] for i, item in enumerate(items) if not item.secondary]
    else:
        joined = _join(items, settings, found)
    return Merged(joined, [weighed[i] for i in range(len(items))], reused, len(found))


def _current(event: SourceEvent, item: RawItem) -> SourceEvent:
    """A memoised source event with the item's own event and order (an edit elsewhere in the
    article moves its offsets, another article its order, and neither its weights)."""
    if event.event is item.event and event.order == item.order:
        return event
    return replace(event, event=item.event, order=item.order)


def _join(items: Sequence[RawItem], settings: MergeSettings,
          found: Iterable[tuple[tuple[str, int], list[int], Clusters]]) -> list[list[int]]:
    """Clusters over all items: each window's clusters of its own items, then joined
    through the halo items they contain, in window order, unless that would put two events
    of one article together. Secondary items that joined nothing are left out."""
    parent: dict[int, int] = {}
    articles: dict[int, set[str]] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def unite(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        if ra == rb or articles[ra] & articles[rb]:
            return
        if rb < ra:
            ra, rb = rb, ra
        parent[rb] = ra
        articles[ra] |= articles.pop(rb)

    links: list[tuple[int, int]] = []  # (a window's cluster, a halo item it holds)
    for window, members, clusters in found:
        for cluster in clusters:
            ids = [members[k] for k in cluster]
            own = [i for i in ids if items[i].window == window]
            if not own:
                continue
            # a window's own items are in one cluster each, of distinct articles: no checks
            for i in own:
                parent[i] = own[0]
            articles[own[0]] = {items[i].event.article for i in own}
            if len(own) < len(ids):
                links += [(own[0], i) for i in ids if items[i].window != window]
    for head, halo in links:
        if halo in parent:
            unite(head, halo)
    groups: dict[int, list[int]] = {}
    for i in sorted(parent):
        groups.setdefault(root(i), []).append(i)
    orders = {i: (items[i].order, i) for i in parent}
    kept = [sorted(g, key=orders.__getitem__) if len(g) > 1 else g for g in groups.values()
            if any(not items[m].secondary for m in g)]
    return sorted(kept, key=lambda g: orders[g[0]])
