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
from typing import Mapping, Sequence

from ..model import Event, TimeValue
from .words import ONE_OFF, weighted_terms


@dataclass(frozen=True)
class MergeSettings:
    """Thresholds of the merge and conflict rules (defaults are the documented rule)."""

    merge_threshold: float = 0.35  # combined similarity needed to merge compatible dates
    min_shared_words: int = 2  # content words two sentences must share to merge
    min_word_similarity: float = 0.2  # so that shared actors alone never carry a merge
    actor_weight: float = 0.3  # share of the actor Jaccard in the combined similarity
    conflict_word_threshold: float = 0.6  # word similarity for "same happening, other date"
    conflict_actor_threshold: float = 0.5  # actor Jaccard for a conflict (both need actors)
    conflict_min_shared_words: int = 3
    conflict_window_days: int = 7  # dates further apart than this are never one happening
    max_range_days: int = 366  # vaguer dates (decades...) are never merged
    max_candidates: int = 16  # clusters compared per event, most shared words first
    max_bucket: int = 256  # index buckets bigger than this are too common to use
    max_compared: int = 8  # members of a cluster an event is compared with (the first ones)


@dataclass(frozen=True)
class SourceEvent:
    """An event with what the merge needs precomputed."""

    order: int  # position in source order
    event: Event
    source: str  # independent source key: the article's `source`, else the article
    start: date
    end: date
    terms: dict[str, float] = field(compare=False)
    words: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()  # words next to the date phrase
    near_weight: float = 0.0
    one_off: frozenset[str] = frozenset()  # one-off happening words next to the date
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


def prepare(ordered: Sequence[tuple[Event, str]],
            mention_spans: Mapping[str, Sequence[tuple[int, int]]] | None = None,
            actor_words: Mapping[str, frozenset[str]] | None = None) -> list[SourceEvent]:
    """Source events, IDF-weighted, from (event, source key) pairs in source order.

    `mention_spans` (article slug -> actor mention spans) and `actor_words` (actor slug ->
    words of its name and aliases) say which words are actor names, left out of the words.
    """
    spans = mention_spans or {}
    names = actor_words or {}
    raw = []
    for event, _ in ordered:
        skip_words = frozenset().union(*(names.get(a, frozenset()) for a in event.actors))
        sentence_spans = [(s, e) for s, e in spans.get(event.article, ())
                          if s < event.sentence.end and event.sentence.start < e]
        raw.append(weighted_terms(event, sentence_spans, skip_words))
    df: Counter[str] = Counter()
    for terms, _ in raw:
        df.update(terms.keys())
    total = len(raw)
    out = []
    for i, ((event, source), (terms, near)) in enumerate(zip(ordered, raw)):
        weighted = {w: b * (math.log((total + 1) / (df[w] + 1)) + 1.0) for w, b in terms.items()}
        time = event.timex.time
        out.append(SourceEvent(
            order=i, event=event, source=source, start=time.start, end=time.end,  # type: ignore[arg-type]
            terms=weighted, words=frozenset(weighted), weight=sum(weighted.values()),
            near=near, near_weight=sum(weighted[w] for w in near), one_off=near & ONE_OFF,
            actors=frozenset(event.actors)))
    return out


def similarity(a: SourceEvent, b: SourceEvent, actor_weight: float) -> Similarity:
    shared = a.words & b.words
    at, bt = a.terms, b.terms
    overlap = sum([min(at[w], bt[w]) for w in shared])
    denominator = a.weight + b.weight
    words = 2 * overlap / denominator if denominator else 0.0
    near_shared = a.near & b.near
    if near_shared:  # the date's own context may match where whole sentences differ
        near_overlap = sum([min(at[w], bt[w]) for w in near_shared])
        words = max(words, 2 * near_overlap / (a.near_weight + b.near_weight))
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
    return sim.words >= settings.min_word_similarity and sim.score >= settings.merge_threshold


def same_one_off(a: SourceEvent, b: SourceEvent) -> bool:
    """Both name the same one-off happening next to their dates, and the actors agree:
    both name actors with one in common, or (one names none) both give the same day."""
    if not a.one_off & b.one_off:
        return False
    if a.actors and b.actors:
        return bool(a.actors & b.actors)
    return a.start == a.end == b.start == b.end


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
    # Only words: a merge needs shared words anyway, and actors are too common to index.
    return sorted(item.terms)


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
        months = [self.buckets[m] for m in _months(item.start - window, item.end + window)
                  if m in self.buckets]
        # a cluster sharing fewer words than any rule needs cannot match, unless it shares
        # a one-off happening word (see same_one_off)
        need = min(self.settings.min_shared_words, self.settings.conflict_min_shared_words)
        hits: Counter[int] = Counter()
        for key in _keys(item):
            sharing: set[int] = set()
            for by_key in months:
                bucket = by_key.get(key)
                if bucket and len(bucket) <= self.settings.max_bucket:
                    sharing.update(bucket)
            for cid in sharing:
                hits[cid] += need if key in item.one_off else 1
        ranked = sorted((kv for kv in hits.items() if kv[1] >= need), key=lambda kv: (-kv[1], kv[0]))
        return [cid for cid, _ in ranked[: self.settings.max_candidates]]


def _best_join(item: SourceEvent, cid: int, cluster: _Cluster, items: Sequence[SourceEvent],
               settings: MergeSettings) -> tuple[int, float, int] | None:
    """(kind, score, group) of the best way item joins cluster: kind 0 merge, 1 conflict."""
    if item.event.article in cluster.articles:
        return None
    best: tuple[int, float, int] | None = None
    for gi, group in enumerate(cluster.groups):
        if _gap_days(item.start, item.end, group.start, group.end) > 0:
            continue
        for m in group.members[: settings.max_compared]:
            sim = similarity(item, items[m], settings.actor_weight)
            if can_merge(sim, settings):
                score = sim.score
            elif same_one_off(item, items[m]):
                score = max(sim.score, settings.merge_threshold)
            else:
                continue
            if best is None or score > best[1]:
                best = (0, score, gi)
    # Conflicting dates must lie near the cluster's first date, so that a chain of
    # near dates cannot walk a cluster across the calendar.
    first = cluster.groups[0]
    if best is not None or not (
            0 < _gap_days(item.start, item.end, first.start, first.end) <= settings.conflict_window_days):
        return best
    for m in cluster.members[: settings.max_compared]:
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
