"""Grouping source events that tell the same happening (see the package docstring).

Greedy, deterministic clustering. Events are visited finest date first, then by date, then
in source order; each one joins the best existing cluster it matches or starts a new one.
Candidate clusters come from an inverted index keyed by (month, key word or actor), so an
event is only compared with events of its own and neighbouring months that share at least
one word or actor: the work grows with the number of events, not with its square.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Sequence

from ..model import Event, TimeValue
from .words import weighted_terms


@dataclass(frozen=True)
class MergeSettings:
    """Thresholds of the merge and conflict rules (defaults are the documented rule)."""

    merge_threshold: float = 0.4  # combined similarity needed to merge compatible dates
    min_shared_words: int = 2  # content words two sentences must share to merge
    actor_weight: float = 0.3  # share of the actor Jaccard in the combined similarity
    conflict_word_threshold: float = 0.6  # word similarity for "same happening, other date"
    conflict_actor_threshold: float = 0.5  # actor Jaccard for a conflict (both need actors)
    conflict_min_shared_words: int = 3
    conflict_window_days: int = 7  # dates further apart than this are never one happening
    max_range_days: int = 366  # vaguer dates (decades...) are never merged
    max_candidates: int = 64  # clusters compared per event, best index hits first
    max_bucket: int = 256  # index buckets bigger than this are too common to use


@dataclass(frozen=True)
class SourceEvent:
    """An event with what the merge needs precomputed."""

    order: int  # position in source order
    event: Event
    source: str  # independent source key: the article's `source`, else the article
    start: date
    end: date
    terms: dict[str, float] = field(compare=False)
    weight: float = 0.0
    actors: frozenset[str] = frozenset()

    @property
    def time(self) -> TimeValue:
        return self.event.timex.time


@dataclass(frozen=True)
class Similarity:
    score: float  # combined
    words: float  # IDF-weighted Dice of content words
    shared: int  # number of shared content words
    actors: float | None  # Jaccard of actor sets, None when one side names no actor


@dataclass
class _Group:
    """Members of a cluster that agree on a date; start/end is their common range."""

    start: date
    end: date
    members: list[int]


@dataclass
class _Cluster:
    groups: list[_Group]
    articles: set[str]
    members: list[int]
    indexed: set[tuple[int, str]] | None = None


def prepare(ordered: Sequence[tuple[Event, str]]) -> list[SourceEvent]:
    """Source events (given in source order with their source key), IDF-weighted."""
    raw = [weighted_terms(event) for event, _ in ordered]
    df: Counter[str] = Counter()
    for terms in raw:
        df.update(terms.keys())
    total = len(raw)
    out = []
    for i, ((event, source), terms) in enumerate(zip(ordered, raw)):
        weighted = {w: b * (math.log((total + 1) / (df[w] + 1)) + 1.0) for w, b in terms.items()}
        time = event.timex.time
        out.append(SourceEvent(
            order=i, event=event, source=source, start=time.start, end=time.end,  # type: ignore[arg-type]
            terms=weighted, weight=sum(weighted.values()), actors=frozenset(event.actors)))
    return out


def similarity(a: SourceEvent, b: SourceEvent, actor_weight: float) -> Similarity:
    small, big = (a.terms, b.terms) if len(a.terms) <= len(b.terms) else (b.terms, a.terms)
    shared = [w for w in small if w in big]
    overlap = sum(min(small[w], big[w]) for w in shared)
    denominator = a.weight + b.weight
    words = 2 * overlap / denominator if denominator else 0.0
    if a.actors and b.actors:
        jaccard = len(a.actors & b.actors) / len(a.actors | b.actors)
        score = (1 - actor_weight) * words + actor_weight * jaccard
        return Similarity(score, words, len(shared), jaccard)
    return Similarity(words, words, len(shared), None)


def can_merge(sim: Similarity, settings: MergeSettings) -> bool:
    if sim.shared < settings.min_shared_words:
        return False
    if sim.actors == 0.0:  # both name actors and none in common: different happenings
        return False
    return sim.score >= settings.merge_threshold


def is_conflict(sim: Similarity, settings: MergeSettings) -> bool:
    return (sim.shared >= settings.conflict_min_shared_words
            and sim.actors is not None and sim.actors >= settings.conflict_actor_threshold
            and sim.words >= settings.conflict_word_threshold)


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def _months(start: date, end: date) -> range:
    return range(_month(start), _month(end) + 1)


def _gap_days(a_start: date, a_end: date, b_start: date, b_end: date) -> int:
    """Days between two ranges; 0 or less when they overlap."""
    return max((b_start - a_end).days, (a_start - b_end).days)


def _keys(item: SourceEvent) -> list[str]:
    return sorted(item.terms) + sorted("@" + a for a in item.actors)


class _Index:
    """(month, key word or @actor) -> cluster ids."""

    def __init__(self, settings: MergeSettings):
        self.settings = settings
        self.buckets: dict[int, dict[str, list[int]]] = {}

    def add(self, cid: int, cluster: _Cluster, item: SourceEvent,
            items: Sequence[SourceEvent]) -> None:
        if len(cluster.members) > 1 and cluster.indexed is None:
            # a cluster's second member: remember what is indexed so nothing is listed twice
            first = items[cluster.members[0]]
            cluster.indexed = {(month, key) for month in _months(first.start, first.end)
                               for key in _keys(first)}
        for month in _months(item.start, item.end):
            by_key = self.buckets.setdefault(month, {})
            for key in _keys(item):
                if cluster.indexed is not None:
                    if (month, key) in cluster.indexed:
                        continue
                    cluster.indexed.add((month, key))
                by_key.setdefault(key, []).append(cid)

    def candidates(self, item: SourceEvent) -> list[int]:
        window = timedelta(days=self.settings.conflict_window_days)
        hits: Counter[int] = Counter()
        for month in _months(item.start - window, item.end + window):
            by_key = self.buckets.get(month)
            if not by_key:
                continue
            for key in _keys(item):
                bucket = by_key.get(key)
                if bucket and len(bucket) <= self.settings.max_bucket:
                    hits.update(bucket)
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))
        return [cid for cid, _ in ranked[: self.settings.max_candidates]]


def _best_join(item: SourceEvent, cid: int, cluster: _Cluster, items: Sequence[SourceEvent],
               settings: MergeSettings) -> tuple[int, float, int] | None:
    """(kind, score, group) of the best way item joins cluster: kind 0 merge, 1 conflict."""
    if item.event.article in cluster.articles:
        return None
    best: tuple[int, float, int] | None = None
    near = False
    for gi, group in enumerate(cluster.groups):
        gap = _gap_days(item.start, item.end, group.start, group.end)
        if gap > 0:
            near = near or gap <= settings.conflict_window_days
            continue
        for m in group.members:
            sim = similarity(item, items[m], settings.actor_weight)
            if can_merge(sim, settings) and (best is None or sim.score > best[1]):
                best = (0, sim.score, gi)
    if best is not None or not near:
        return best
    for m in cluster.members:
        sim = similarity(item, items[m], settings.actor_weight)
        if is_conflict(sim, settings) and (best is None or sim.score > best[1]):
            best = (1, sim.score, -1)
    return best


def cluster_events(items: Sequence[SourceEvent], settings: MergeSettings) -> list[list[int]]:
    """Groups of item positions telling the same happening (singletons included)."""
    clusters: list[_Cluster] = []
    index = _Index(settings)
    visit = sorted(range(len(items)), key=lambda i: (
        items[i].time.precision_rank, items[i].start, items[i].end, items[i].order))
    for i in visit:
        item = items[i]
        if (item.end - item.start).days >= settings.max_range_days:
            clusters.append(_Cluster([_Group(item.start, item.end, [i])], {item.event.article}, [i]))
            continue
        choice: tuple[tuple[int, float, int], int] | None = None
        for cid in index.candidates(item):
            join = _best_join(item, cid, clusters[cid], items, settings)
            if join is None:
                continue
            # merges beat conflicts, then higher score, then the older cluster
            if choice is None or (join[0], -join[1], cid) < (choice[0][0], -choice[0][1], choice[1]):
                choice = (join, cid)
        if choice is None:
            cid = len(clusters)
            clusters.append(_Cluster([_Group(item.start, item.end, [i])], {item.event.article}, [i]))
        else:
            (kind, _, gi), cid = choice
            cluster = clusters[cid]
            if kind == 0:
                group = cluster.groups[gi]
                group.start, group.end = max(group.start, item.start), min(group.end, item.end)
                group.members.append(i)
            else:
                cluster.groups.append(_Group(item.start, item.end, [i]))
            cluster.members.append(i)
            cluster.articles.add(item.event.article)
        index.add(cid, clusters[cid], item, items)
    return [sorted(c.members) for c in clusters]


def _time_key(time: TimeValue) -> tuple:
    return (time.value, time.type, time.granularity or "", time.start, time.end)


def choose_time(members: Sequence[SourceEvent]) -> tuple[TimeValue, tuple[TimeValue, ...]]:
    """The date of a merged happening and the incompatible dates other sources give.

    Each date a source gives is supported by every source whose own date contains it (a
    "July" source supports "19 July"). The date with most independent sources wins; ties go
    to the most precise (then narrowest, then earliest). Dates that do not overlap the
    winner are conflicts.
    """
    distinct: dict[tuple, TimeValue] = {}
    for m in members:
        distinct.setdefault(_time_key(m.time), m.time)

    def support(time: TimeValue) -> int:
        return len({m.source for m in members if m.start <= time.start and time.end <= m.end})  # type: ignore[operator]

    def rank(time: TimeValue) -> tuple:
        return (-support(time), time.precision_rank, (time.end - time.start).days,  # type: ignore[operator]
                time.start, time.value)

    chosen = min(distinct.values(), key=rank)
    conflicts = sorted(
        (t for t in distinct.values()
         if _gap_days(t.start, t.end, chosen.start, chosen.end) > 0),  # type: ignore[arg-type]
        key=lambda t: (t.start, t.precision_rank, t.value))
    return chosen, tuple(conflicts)
