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
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Callable, Iterable, Mapping, MutableMapping, NamedTuple, Protocol, Sequence, runtime_checkable

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


def weigh(items: Sequence[RawItem], settings: MergeSettings,
          home: tuple[str, int] | None = None, only: set[int] | None = None) -> list[SourceEvent]:
    """Source events weighted by the rarity of their words and actors among ``items`` (a
    window's primary events): in an archive about one story its countries are everywhere
    and say nothing, a named envoy does. With ``home``, only the events of the items whose
    home window it is (the halo's count in the statistics all the same). With ``only``
    (positions in ``items``), the others come unweighed (``unweighed``)."""
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
    shared: dict[frozenset[str], frozenset[str]] = {}  # one object per distinct set (see items.article_items)
    one = lambda value: shared.setdefault(value, value)  # noqa: E731
    # each word's factor once per window, not once per sentence using it (the same float)
    idf = {w: math.log((mass + 1) / (n + 1)) + 1.0 for w, n in df.items()}
    unseen = math.log((mass + 1) / 1) + 1.0  # a secondary item's word no primary one uses
    out = []
    for k, item in enumerate(items):
        if home is not None and item.window != home:
            continue
        if only is not None and k not in only:
            out.append(unweighed(item))
            continue
        weighted = {w: b * idf.get(w, unseen) for w, b in item.terms.items()}
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


def unweighed(item: RawItem) -> SourceEvent:
    """The source event of an item that is an event on its own: drafting it reads only its
    event, date, order and whether it is secondary, never a weight (see merge_windows)."""
    return SourceEvent(order=item.order, event=item.event, source=item.source, start=item.start, end=item.end,
                       terms={}, actors=frozenset(item.event.actors), happenings=item.happenings,
                       other_dates=item.other_dates, secondary=item.secondary)


@dataclass
class Merged:
    """The clusters of a whole chronology and the source events that describe each item
    (as weighed in its home window)."""

    clusters: list[list[int]]
    items: list[SourceEvent]
    reused: int = 0  # windows whose clusters came from the memo
    windows: int = 0


def merge_windows(items: Sequence[RawItem], settings: MergeSettings,
                  memo: "Mapping[tuple, WindowResult] | BatchMemo | None" = None,
                  keep: MutableMapping[tuple, WindowResult] | None = None,
                  single: bool = False, mapper: "WindowMapper | None" = None,
                  report: "MergeReport | None" = None) -> Merged:
    """Cluster every window (taking its result from ``memo`` when it holds the window's
    key; every window's result goes into ``keep``), then join the windows' clusters through
    their shared halo events. The windows ``memo`` lacks are clustered by ``mapper`` (here
    by default; worker processes or a Dask cluster: workers.PoolMapper,
    distributed.DaskMapper), which is never sent a window the memo has. ``report`` learns
    how many windows there were, where they were clustered and how long it took.
    ``single``: no merging, one event per primary item."""
    started = time.perf_counter()
    memo = {} if memo is None else memo
    keep = {} if keep is None else keep
    report = MergeReport() if report is None else report
    parts = windows(items, settings)
    weighed: dict[int, SourceEvent] = {}
    if single:
        for window, members in parts.items():
            home = [i for i in members if items[i].window == window]
            weighed.update(zip(home, weigh([items[i] for i in members], settings, home=window)))
        report.seconds += time.perf_counter() - started
        return Merged([[i] for i, item in enumerate(items) if not item.secondary],
                      [weighed[i] for i in range(len(items))])
    keys = {window: (settings, window, tuple((items[i].window == window, items[i].key) for i in members))
            for window, members in parts.items()}
    known = dict(zip(keys, recall(memo, list(keys.values()))))  # by window (hashing a key is not cheap)
    missing = [window for window, result in known.items() if result is None]

    def home_events(window: tuple[str, int], wanted: set[int] | None = None) -> list[SourceEvent]:
        members = parts[window]
        only = None if wanted is None else {k for k, i in enumerate(members) if i in wanted}
        return weigh([items[i] for i in members], settings, home=window, only=only)

    weighed_here: dict[tuple[str, int], list[SourceEvent]] = {}

    def meanwhile() -> None:
        """While a mapper's workers cluster: weigh here the windows they cluster (they send
        back only clusters)."""
        for window, result in known.items():
            if window not in weighed_here and result is None:
                weighed_here[window] = home_events(window)

    fresh: dict[tuple[str, int], WindowResult] = {}
    if missing:
        where, results = (mapper or map_here)(
            [WindowTask(w, tuple(items[i] for i in parts[w]), settings) for w in missing], meanwhile)
        fresh = dict(zip(missing, results))
        report.clustered[where] = report.clustered.get(where, 0) + len(missing)
    results = {window: known[window] or fresh[window] for window in parts}
    found = [(window, members, results[window].clusters) for window, members in parts.items()]
    clusters = _join(items, settings, found)
    # Drafting weighs the tellings of an event told more than once; an event told once needs
    # no weights, and most are (a window read back from the cache is weighed for the others).
    told_again = {i for cluster in clusters if len(cluster) > 1 for i in cluster}
    for window, members in parts.items():
        key, result = keys[window], results[window]
        home_members = [i for i in members if items[i].window == window]
        events, whole = result.events, True
        if events is None:  # from the persistent cache or a worker: weighed here, for the drafts
            if window in weighed_here:
                events = weighed_here[window]
            else:
                events = home_events(window, told_again)
                whole = False
        # the events as this run's items have them, kept so that the next run finds the
        # very same objects (the drafts' identity memo)
        current = tuple(_current(e, items[i]) for i, e in zip(home_members, events))
        same = result.events is not None and all(a is b for a, b in zip(current, result.events))
        keep[key] = result if same else WindowResult(result.clusters, current if whole else None)
        weighed.update(zip(home_members, current))
    report.windows += len(parts)
    report.reused += len(parts) - len(missing)
    report.seconds += time.perf_counter() - started
    return Merged(clusters, [weighed[i] for i in range(len(items))], len(parts) - len(missing), len(found))


class WindowTask(NamedTuple):
    """One window to cluster: all a worker needs, picklable (frozen dataclasses, tuples,
    dicts in insertion order; no identity or set order reaches the result)."""

    window: tuple[str, int]
    items: tuple[RawItem, ...]  # its own items, then its halo (windows())
    settings: MergeSettings


# Clusters windows and gives their results in the order given, with where it ran them
# ("here", "pool", "dask": for MergeReport). Whatever runs them, the results are the same.
# A mapper that clusters elsewhere calls the second argument once its tasks are away: this
# process then weighs the windows' events itself, so that only clusters need come back.
WindowMapper = Callable[[Sequence[WindowTask], Callable[[], None]], "tuple[str, list[WindowResult]]"]


def cluster_window(task: WindowTask) -> WindowResult:
    """A window's clusters and its own items' source events, weighed among the window's."""
    events = weigh(task.items, task.settings)
    home = tuple(e for item, e in zip(task.items, events) if item.window == task.window)
    return WindowResult(tuple(tuple(c) for c in cluster_events(events, task.settings)), home)


def window_clusters(task: WindowTask) -> WindowResult:
    """Run in a worker: only the window's clusters (its events are weighed where they are
    needed: as many bytes as a few integers a cluster, instead of every event's weights)."""
    return WindowResult(cluster_window(task).clusters, None)


def map_here(tasks: Sequence[WindowTask], meanwhile: Callable[[], None] | None = None) -> tuple[str, list[WindowResult]]:
    """The default mapper: every window in this process, one after the other (with its
    events: nothing is weighed twice)."""
    return "here", [cluster_window(task) for task in tasks]


def balanced_chunks(tasks: Sequence[WindowTask], parts: int) -> list[list[int]]:
    """Positions of ``tasks`` in ``parts`` or fewer runs of consecutive windows holding
    about the same number of items each (a window's work grows with its items; a busy month
    holds many more than a quiet one)."""
    total = sum(len(t.items) for t in tasks)
    target = max(1, -(-total // max(parts, 1)))
    chunks: list[list[int]] = [[]]
    filled = 0
    for k, task in enumerate(tasks):
        if filled >= target:
            chunks.append([])
            filled = 0
        chunks[-1].append(k)
        filled += len(task.items)
    return [c for c in chunks if c]


@dataclass
class MergeReport:
    """What one merge did: windows in all, found in the memo, clustered (by where), and
    the seconds merge_windows took (the "merge" figure of --timings)."""

    windows: int = 0
    reused: int = 0
    clustered: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def describe(self) -> str:
        where = ", ".join(f"{n} {PLACES.get(w, w)}" for w, n in sorted(self.clustered.items()))
        return f"merge windows: {self.windows}, {self.reused} from the cache" + (f", {where}" if where else "")


PLACES = {"here": "clustered here", "pool": "in worker processes", "dask": "on Dask"}


@runtime_checkable
class BatchMemo(Protocol):
    """A window memo read in one go (the build cache's table: one query, not one a window)."""

    def get_many(self, keys: Sequence[tuple]) -> dict[tuple, WindowResult]: ...


def recall(memo: "Mapping[tuple, WindowResult] | BatchMemo", keys: Sequence[tuple]) -> list[WindowResult | None]:
    """The memo's result for each of ``keys``, None where it has none."""
    if isinstance(memo, BatchMemo):
        found = memo.get_many(keys)
        return [found.get(key) for key in keys]
    return [memo.get(key) for key in keys]


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
