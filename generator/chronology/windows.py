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
from typing import Callable, Mapping, MutableMapping, NamedTuple, Protocol, Sequence, runtime_checkable

from .items import ItemChanges, RawItem
from .merge import MergeSettings, SourceEvent, cluster_events
from .segments import (Component, MergeState, joined, members, own_items, patched_own, patched_state,
                       unchanged_windows, window_state)
from .words import CONCEPTS, ONE_OFF

Clusters = tuple[tuple[int, ...], ...]  # item positions of a window, each cluster in order


class WindowResult(NamedTuple):
    """A window's clusters, and the source events of its own items as weighed there (None
    when read back from the persistent cache, which keeps only the clusters)."""

    clusters: Clusters
    events: tuple[SourceEvent, ...] | None


# Windows ---------------------------------------------------------------------------------

def windows(items: Sequence[RawItem], settings: MergeSettings) -> dict[tuple[str, int], tuple[RawItem, ...]]:
    """Each window's items, in order: its own, then its halo (primary events of the
    neighbouring months within ``conflict_window_days``)."""
    own = own_items(items)
    return {window: members(own, window, settings) for window in sorted(own)}


def weigh(items: Sequence[RawItem], settings: MergeSettings,
          home: tuple[str, int] | None = None) -> list[SourceEvent]:
    """Source events weighted by the rarity of their words and actors among ``items`` (a
    window's primary events): in an archive about one story its countries are everywhere
    and say nothing, a named envoy does. With ``home``, only the events of the items whose
    home window it is (the halo's count in the statistics all the same)."""
    weights = WindowWeights(items, settings)
    return [weights.event(item) for item in items if home is None or item.window == home]


class WindowWeights:
    """The rarity of words and actors among a window's primary events, and any of its items'
    source events weighed by it (the same event whether weighed alone or with the window)."""

    def __init__(self, items: Sequence[RawItem], settings: MergeSettings):
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
        self.mass = mass = max(total, settings.min_window_events)
        self.rare_df = max(settings.salient_min_df, settings.rare_word_share * total)
        self.salient_df = max(settings.salient_min_df, settings.salient_actor_share * total)
        self.df, self.actor_df, self.settings = df, actor_df, settings
        self.concept_heads = frozenset(CONCEPTS.values())
        self.shared: dict[frozenset[str], frozenset[str]] = {}  # one object per distinct set (see items.article_items)
        # each word's factor once per window, not once per sentence using it (the same float)
        self.idf = {w: math.log((mass + 1) / (n + 1)) + 1.0 for w, n in df.items()}
        self.unseen = math.log((mass + 1) / 1) + 1.0  # a secondary item's word no primary one uses

    def event(self, item: RawItem) -> SourceEvent:
        df, actor_df, idf, unseen, mass = self.df, self.actor_df, self.idf, self.unseen, self.mass
        one = lambda value: self.shared.setdefault(value, value)  # noqa: E731
        weighted = {w: b * idf.get(w, unseen) for w, b in item.terms.items()}
        salient = tuple(sorted(
            (a, math.log((mass + 1) / max(actor_df[a], 1))
             * (1.0 if a in item.named else self.settings.unnamed_actor_factor))
            for a in frozenset(item.event.actors) if actor_df[a] <= self.salient_df))
        rare = {w for w in item.terms if df[w] <= self.rare_df and w not in self.concept_heads}
        rare.update("@" + h for h in item.happenings if df["@" + h] <= self.rare_df)
        return SourceEvent(
            order=item.order, event=item.event, source=item.source, start=item.start, end=item.end,
            terms=weighted, words=one(frozenset(weighted)), weight=math.fsum(weighted.values()),
            near=item.near, near_weight=math.fsum(weighted[w] for w in item.near),
            one_off=one(item.near & ONE_OFF), actors=one(frozenset(item.event.actors)),
            happenings=item.happenings, rare=one(frozenset(rare)), salient=salient,
            other_dates=item.other_dates, secondary=item.secondary)


@dataclass
class Merged:
    """The clusters of a whole chronology, by segment (segments.py): each cluster the source
    events of its items (as weighed in their home windows) in chronology order."""

    state: MergeState  # what the next merge may start from (its components: every cluster)
    made: list[Component]  # the components joined in this merge (all of them without a last one)
    gone: list[Component]  # the last merge's components they replace
    reused: int = 0  # windows whose clusters came from the memo
    windows: int = 0
    complete: bool = True  # ``made`` holds every component

    @property
    def clusters(self) -> list[tuple[SourceEvent, ...]]:
        """Every cluster, in the order of its first item."""
        parts = self.made if self.complete else {id(c): c for c in self.state.components.values()}.values()
        every = [c for s in parts for c in s.clusters]
        every.sort(key=lambda c: (c[0][0].order, *c[1]))
        return [events for events, _ in every]

    @property
    def events(self) -> dict[int, SourceEvent]:
        """The source event of each item, by the item's id."""
        return {k: e for state in self.state.windows.values() for k, e in state.events.items()}


class WindowKey(tuple):
    """A window's content key, hashed once: the memos look every window up by it on every
    save, and a key holds each member's content (hundreds of nested tuples) that Python
    would hash again on each lookup. Equal to, and hashed as, the plain tuple."""

    def __new__(cls, parts: tuple) -> "WindowKey":
        key = super().__new__(cls, parts)
        key._hash = tuple.__hash__(key)
        return key

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):  # rehashed where unpickled: str hashes differ between processes
        return (WindowKey, (tuple(self),))


def merge_windows(items: Sequence[RawItem], settings: MergeSettings,
                  memo: "Mapping[tuple, WindowResult] | BatchMemo | None" = None,
                  keep: MutableMapping[tuple, WindowResult] | None = None,
                  single: bool = False, mapper: "WindowMapper | None" = None,
                  report: "MergeReport | None" = None, last: MergeState | None = None,
                  kept: bool = True, changes: ItemChanges | None = None) -> Merged:
    """Cluster every window (taking its result from ``last``, the state of the last merge,
    when its members are the very same items, or from ``memo`` when it holds the window's
    content key; every window's result goes into ``keep``), then join the windows' clusters
    through their shared halo events. The windows neither has are clustered by ``mapper``
    (here by default; worker processes or a Dask cluster: workers.PoolMapper,
    distributed.DaskMapper), which is never sent a window the memo has. ``report`` learns
    how many windows there were, where they were clustered and how long it took.
    ``single``: no merging, one event per primary item. ``kept``: the merge's state may
    serve a next merge (else it holds only what this one needs). ``changes``: the items that
    came and went since ``last`` (raw_items), so that only their windows are listed again."""
    started = time.perf_counter()
    memo = {} if memo is None else memo
    keep = {} if keep is None else keep
    report = MergeReport() if report is None else report
    last = MergeState() if last is None else last
    own, moved = patched_own(last, changes, items) if changes is not None and last.settings == settings and last.windows \
        else (own_items(items), None)
    if single:
        weighed: dict[int, SourceEvent] = {}
        for window in sorted(own):
            found = members(own, window, settings)
            weighed.update(zip(map(id, own[window]), weigh(found, settings, home=window)))
        every = [Component((), tuple(((weighed[id(i)],), (False, 0)) for i in items if not i.secondary))]
        report.seconds += time.perf_counter() - started
        return Merged(MergeState(components={((), 0): every[0]}), every, [])
    states, parts = unchanged_windows(own, last, settings, moved)
    keys = {window: WindowKey((settings, window, tuple((i.window == window, i.key) for i in found)))
            for window, found in parts.items()}
    # windows of the same content as last run's, some items replaced by equal ones: patched
    patched: dict[tuple[str, int], set[int]] = {}
    for window in [w for w in parts if w in last.windows and last.windows[w].key == keys[w]]:
        states[window], patched[window] = patched_state(last.windows[window], parts.pop(window), _current)
    known = dict(zip(parts, recall(memo, [keys[w] for w in parts])))
    missing = [window for window in parts if known[window] is None]

    def home_events(window: tuple[str, int]) -> list[SourceEvent]:
        return weigh(parts[window], settings, home=window)

    weighed_here: dict[tuple[str, int], list[SourceEvent]] = {}

    def meanwhile() -> None:
        """While a mapper's workers cluster: weigh here the windows they cluster (they send
        back only clusters; windows read back from the cache are weighed if the join asks).
        Only for a merge whose state serves a next one: a build's drafts weigh lazily, as
        for windows read back (LazyEvents), so it never holds every event's weights (on a
        big archive the largest part of its memory) nor weighs them beside the workers."""
        if not kept:
            return
        for window in parts:
            if window not in weighed_here and known[window] is None:
                weighed_here[window] = home_events(window)

    fresh: dict[tuple[str, int], WindowResult] = {}
    alive = RecentWeights()  # shared by the windows weighed lazily
    if missing:
        where, results = (mapper or map_here)(
            [WindowTask(w, parts[w], settings) for w in missing], meanwhile)
        fresh = dict(zip(missing, results))
        report.clustered[where] = report.clustered.get(where, 0) + len(missing)
    for window, found in parts.items():
        result = known[window] or fresh[window]
        events = result.events
        home = [i for i in found if i.window == window]
        if events is None and window not in weighed_here:
            # read back from the persistent cache: weighed only if the join asks (LazyEvents)
            lazy = LazyEvents(window, found, settings, alive)
            states[window] = window_state(window, found, keys[window], WindowResult(result.clusters, None), lazy,
                                          kept)
            continue
        if events is None:  # from a worker: weighed here meanwhile, for the drafts
            events = weighed_here[window]
        # the events as this run's items have them, kept so that the next run finds the
        # very same objects (the drafts' identity memo)
        current = tuple(_current(e, i) for i, e in zip(home, events))
        same_events = result.events is not None and all(a is b for a, b in zip(current, result.events))
        states[window] = window_state(window, found, keys[window],
                                      result if same_events else WindowResult(result.clusters, current), current,
                                      kept)
    ordered = [states[w] for w in sorted(states)]
    for state in ordered:
        keep[state.key] = state.result
    every = {s.window: s for s in ordered}
    components, made, gone = joined(every, [*parts, *(w for w in last.windows if w not in every)], patched, last)
    report.windows += len(ordered)
    report.reused += len(ordered) - len(missing)
    report.seconds += time.perf_counter() - started
    state = MergeState(settings, own, every, components) if kept else MergeState()  # (a build keeps no windows)
    return Merged(state, made, gone, len(ordered) - len(missing), len(ordered), complete=not last.components)


class LazyEvents(Mapping):
    """A window's own source events (by item id), weighed among the window's members only
    when one is asked for whole: drafting weighs the tellings of an event told more than
    once, and an event told once (most of a news archive's) is drafted from its event,
    date and order alone (``alone``). So a build after an edit does not weigh again every
    window it reads back from the cache."""

    def __init__(self, window: tuple[str, int], found: tuple[RawItem, ...], settings: MergeSettings,
                 alive: "RecentWeights | None" = None):
        self.window, self.found, self.settings = window, found, settings
        self.own = {id(i): i for i in found if i.window == window}
        self.weights: WindowWeights | None = None  # counted when a first event is asked for
        self.weighed: dict[int, SourceEvent] = {}
        self.alive = alive if alive is not None else RecentWeights()

    def __getitem__(self, key: int) -> SourceEvent:
        found = self.weighed.get(key)
        if found is None:
            if self.weights is None:
                self.weights = WindowWeights(self.found, self.settings)
                self.alive.counted(self)
            found = self.weighed[key] = self.weights.event(self.own[key])
        return found

    def alone(self, key: int) -> SourceEvent:
        """The source event of an item that is an event on its own (no weights needed)."""
        if key in self.weighed:
            return self.weighed[key]
        item = self.own[key]
        return SourceEvent(order=item.order, event=item.event, source=item.source, start=item.start,
                           end=item.end, terms={}, actors=frozenset(item.event.actors),
                           happenings=item.happenings, other_dates=item.other_dates, secondary=item.secondary)

    def __iter__(self):
        return iter(self.own)

    def __len__(self) -> int:
        return len(self.own)


class RecentWeights:
    """The windows whose word counts (WindowWeights) are kept: the last few counted. The
    join asks for a window's events together, window after window, and a window's counts
    are as big as its vocabulary: keeping all of them (650 windows at 5,000 articles) was
    the peak of a build's memory. A window asked again later is counted again, the same."""

    def __init__(self, keep: int = 8):
        self.keep = keep
        self._windows: dict[int, LazyEvents] = {}  # id -> the window, oldest first

    def counted(self, window: "LazyEvents") -> None:
        self._windows.pop(id(window), None)
        self._windows[id(window)] = window
        while len(self._windows) > self.keep:
            oldest = self._windows.pop(next(iter(self._windows)))
            oldest.weights = None


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
    """A memoised source event with the item's own event, order and source key (an edit
    elsewhere in the article moves its offsets, another article its order, a new outlet its
    source key, and none of them its weights; the source key is no part of a window's
    content key, but choosing a merged event's date counts sources)."""
    if event.event is item.event and event.order == item.order and event.source == item.source:
        return event
    return replace(event, event=item.event, order=item.order, source=item.source)
