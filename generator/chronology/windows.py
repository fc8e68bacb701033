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

import math
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Iterable, Mapping, MutableMapping, NamedTuple, Sequence

from .items import RawItem
from .merge import MergeSettings, SourceEvent, cluster_events, gap_days
from .words import CONCEPTS, ONE_OFF

Clusters = tuple[tuple[int, ...], ...]  # item positions of a window, each cluster in order


class WindowResult(NamedTuple):
    """A window's clusters, and the source events of its own items as weighed there (None
    when read back from the persistent cache, which keeps only the clusters)."""

    clusters: Clusters
    events: tuple[SourceEvent, ...] | None


# Windows ---------------------------------------------------------------------------------

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
            terms=weighted, words=frozenset(weighted), weight=math.fsum(weighted.values()),
            near=item.near, near_weight=math.fsum(weighted[w] for w in item.near),
            one_off=item.near & ONE_OFF, actors=frozenset(item.event.actors),
            happenings=item.happenings, rare=frozenset(rare), salient=salient,
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
