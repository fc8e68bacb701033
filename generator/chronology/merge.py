"""Grouping source events that tell the same happening (see the package docstring).

Greedy, deterministic clustering. Events are visited finest date first, then by date, then
in source order; each one joins the best existing cluster it matches (highest evidence
score) or starts a new one. Secondary source events (a sentence's other dates) come last
and only join. Candidate clusters come from an inverted index keyed by (month, content
word), so an event is only compared with events of its own and neighbouring months that
share two words, or a happening or rare word: the work grows with the number of events,
not with its square.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import compress, repeat
from operator import ge
from typing import NamedTuple, Sequence

from ..model import Event, TimeValue


@dataclass(frozen=True)
class MergeSettings:
    """Thresholds of the merge and conflict rules (defaults are the documented rule)."""

    # Rule 1, many shared words: any compatible dates.
    merge_threshold: float = 0.35  # combined similarity needed to merge compatible dates
    min_shared_words: int = 2  # content words two sentences must share to merge
    min_word_similarity: float = 0.2  # so that shared actors alone never carry a merge
    actor_weight: float = 0.3  # share of the actor Jaccard in the combined similarity
    # Rule 2, the editor's evidence: a salient actor and a happening or a rare word.
    salient_actor_share: float = 0.3  # an actor in more of the events than this is ubiquitous
    salient_min_df: int = 2  # ...unless it is in no more events than this (tiny corpora)
    rare_word_share: float = 0.1  # a content word in at most this share of events is rare
    actor_idf_scale: float = 4.0  # summed IDF (ln N/df) of shared salient actors counting 1
    unnamed_actor_factor: float = 0.5  # an actor the sentence does not name (front matter)
    happening_window: int = 8  # content words each side of the date that say what happened
    evidence_word_weight: float = 0.5  # the evidence score: word similarity...
    evidence_actor_weight: float = 0.25  # ...plus salient actors (0..1)...
    evidence_concept_weight: float = 0.25  # ...plus a shared happening next to both dates...
    evidence_concept_penalty: float = 0.25  # ...minus different happenings next to them...
    evidence_day_weight: float = 0.1  # ...plus both giving the very same day
    same_day_threshold: float = 0.3  # evidence to merge two tellings of the same day
    contained_threshold: float = 0.45  # evidence to put a week/month telling in a day event
    max_evidence_range_days: int = 31  # rule 2 and one-off words: dates no vaguer than a month
    # Conflicts: the same happening on other days.
    conflict_word_threshold: float = 0.6  # word similarity for "same happening, other date"
    conflict_actor_threshold: float = 0.5  # actor Jaccard for a conflict (both need actors)
    conflict_min_shared_words: int = 3
    conflict_evidence_threshold: float = 0.6  # or: evidence with a salient actor, a shared
    conflict_min_rare_words: int = 1  # happening and this many shared rare words
    conflict_max_range_days: int = 7  # conflicts only between days and weeks
    conflict_window_days: int = 7  # dates further apart than this are never one happening
    # A sentence's other dates ("said Thursday, after the summit on May 24"): each may cite
    # the sentence in a happening other sources tell on that date, never start one.
    secondary_dates: bool = True
    # Bounds.
    min_window_events: int = 50  # word and actor rarity: a window counts as at least this big
    max_range_days: int = 366  # vaguer dates (decades...) are never merged
    max_candidates: int = 16  # clusters compared per event, most shared words first
    max_bucket: int = 256  # index buckets bigger than this are too common to use
    max_compared: int = 8  # members of a cluster an event is compared with (the first ones)


@dataclass(frozen=True, slots=True)
class SourceEvent:
    """An event with what the merge needs precomputed."""

    order: tuple  # its place in source order (windows.RawItem.order)
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
    happenings: frozenset[str] = frozenset()  # happening concepts around the date
    rare: frozenset[str] = frozenset()  # content words few events use, "@" + rare happenings
    salient: tuple[tuple[str, float], ...] = ()  # (actor, IDF) of its salient actors
    other_dates: tuple[tuple[date, date], ...] = ()  # the other dates of its sentence
    secondary: bool = False  # dated by a sentence's other date: may join, never stands alone
    # `salient` as a dict, made once: `evidence` looks actors up in it for every pair
    salient_idf: dict[str, float] = field(init=False, compare=False, repr=False)
    days: int = field(init=False, compare=False, repr=False)  # how many days the date spans

    def __post_init__(self) -> None:
        object.__setattr__(self, "salient_idf", dict(self.salient))
        object.__setattr__(self, "days", (self.end - self.start).days + 1)

    @property
    def time(self) -> TimeValue:
        return self.event.timex.time


class Similarity(NamedTuple):  # a tuple: made for every pair compared, cheaper than a dataclass
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


def similarity(a: SourceEvent, b: SourceEvent, actor_weight: float) -> Similarity:
    shared = a.words & b.words
    at, bt = a.terms, b.terms
    # fsum: exact whatever the (hash-dependent) order of the set, so builds are reproducible
    overlap = math.fsum(min(at[w], bt[w]) for w in shared)
    denominator = a.weight + b.weight
    words = 2 * overlap / denominator if denominator else 0.0
    near_shared = a.near & b.near
    if near_shared:  # the date's own context may match where whole sentences differ
        near_overlap = math.fsum(min(at[w], bt[w]) for w in near_shared)
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


def same_one_off(a: SourceEvent, b: SourceEvent, settings: MergeSettings | None = None) -> bool:
    """Both name the same one-off happening next to their dates, both dates are no vaguer
    than a month, and the actors agree: both name actors with one in common, or (one names
    none) both give the same day."""
    settings = settings or MergeSettings()
    if not a.one_off & b.one_off:
        return False
    if max(a.days, b.days) > settings.max_evidence_range_days:
        return False
    if a.actors and b.actors:
        return bool(a.actors & b.actors)
    return a.start == a.end == b.start == b.end


def is_conflict(sim: Similarity, settings: MergeSettings) -> bool:
    return (sim.shared >= settings.conflict_min_shared_words
            and sim.actors is not None and sim.actors >= settings.conflict_actor_threshold
            and sim.words >= settings.conflict_word_threshold)


class Evidence(NamedTuple):
    """What a wire editor weighs to call two tellings one happening (a tuple: see Similarity)."""

    sim: Similarity
    actors: float  # shared salient actors: their summed IDF, scaled to 0..1
    concept: int  # 1: a happening shared next to both dates; -1: only different ones; 0
    rare: int  # shared rare content words
    same_day: bool  # both give the very same single day
    score: float


def evidence(a: SourceEvent, b: SourceEvent, settings: MergeSettings,
             sim: Similarity | None = None) -> Evidence:
    sim = sim or similarity(a, b, settings.actor_weight)
    b_salient = b.salient_idf
    shared_idf = sum(min(idf, b_salient[actor]) for actor, idf in a.salient if actor in b_salient)
    actors = min(1.0, shared_idf / settings.actor_idf_scale)
    if a.happenings & b.happenings:
        concept = 1
    elif a.happenings and b.happenings:
        concept = -1
    else:
        concept = 0
    same_day = a.start == a.end == b.start == b.end
    score = (settings.evidence_word_weight * sim.words + settings.evidence_actor_weight * actors
             + settings.evidence_concept_weight * (concept == 1)
             - settings.evidence_concept_penalty * (concept == -1)
             + settings.evidence_day_weight * same_day)
    return Evidence(sim, actors, concept, len(a.rare & b.rare), same_day, score)


def merge_score(a: SourceEvent, b: SourceEvent, settings: MergeSettings) -> float | None:
    """How surely a and b (compatible dates, different articles) tell one happening (the
    evidence score, comparable between candidates); None when they do not."""
    if _no_common_actor(a, b) or not _may_merge(a, b, settings):  # decided before weighing any word
        return None
    sim = similarity(a, b, settings.actor_weight)
    ev = evidence(a, b, settings, sim)
    coarse, fine = (a, b) if a.days > b.days else (b, a)
    if coarse.days > fine.days and not coarse.happenings <= fine.happenings:
        return None  # a coarse telling of other happenings too is a summary, not this day
    if can_merge(sim, settings) or same_one_off(a, b, settings):
        return max(ev.score, sim.score)
    if max(a.days, b.days) > settings.max_evidence_range_days or ev.concept < 0:
        return None  # a year is too vague to be pinned to a day on a few words
    actor, rare, happening = ev.actors > 0, ev.rare > 0, ev.concept > 0
    if ev.same_day:
        # two of: a salient actor, a rare word (or rare happening), the same happening
        if actor + rare + happening >= 2 and ev.score >= settings.same_day_threshold:
            return ev.score
        return None
    # a week or month inside a day event: a salient actor and the same happening
    if actor and happening and ev.score >= settings.contained_threshold:
        return ev.score
    return None


def conflict_score(a: SourceEvent, b: SourceEvent, settings: MergeSettings) -> float | None:
    """How surely a and b tell one happening on incompatible near dates; None if not."""
    if max(a.days, b.days) > settings.conflict_max_range_days or a.secondary or b.secondary:
        return None
    if _no_common_actor(a, b) or not _may_conflict(a, b, settings):
        return None
    if _also_gives(a, b) or _also_gives(b, a):
        return None  # the sentence names the other date too: it tells another happening
    sim = similarity(a, b, settings.actor_weight)
    if is_conflict(sim, settings):
        return sim.score
    ev = evidence(a, b, settings, sim)
    if (ev.actors > 0 and ev.concept > 0 and ev.rare >= settings.conflict_min_rare_words
            and ev.score >= settings.conflict_evidence_threshold):
        return ev.score
    return None


# The two tests below only look at which words, actors and happenings two events share
# (set operations in C), before any weight is summed. Each is implied by every rule of the
# score it guards, so it never turns away a pair the score would accept; most compared
# pairs fail it (98% of the conflict tests and a third of the merge tests on a busy month).

def _may_merge(a: SourceEvent, b: SourceEvent, settings: MergeSettings) -> bool:
    """Enough shared words for rule 1, a shared one-off happening, or two of the clues the
    evidence rules need (a salient actor, a rare word, a happening)."""
    if len(a.words & b.words) >= settings.min_shared_words or not a.one_off.isdisjoint(b.one_off):
        return True
    return _shares_salient(a, b) + (not a.rare.isdisjoint(b.rare)) + (not a.happenings.isdisjoint(b.happenings)) >= 2


def _may_conflict(a: SourceEvent, b: SourceEvent, settings: MergeSettings) -> bool:
    """What is_conflict needs (actors on both sides, enough shared words) or what the
    evidence rule needs (a salient actor, a happening and enough rare words in common)."""
    if a.actors and b.actors and len(a.words & b.words) >= settings.conflict_min_shared_words:
        return True
    return (_shares_salient(a, b) and not a.happenings.isdisjoint(b.happenings)
            and len(a.rare & b.rare) >= settings.conflict_min_rare_words)


def _shares_salient(a: SourceEvent, b: SourceEvent) -> bool:
    return not b.salient_idf.keys().isdisjoint(a.salient_idf)


def _no_common_actor(a: SourceEvent, b: SourceEvent) -> bool:
    """Both name actors and none in common: the actor Jaccard of `similarity` is 0."""
    return bool(a.actors) and bool(b.actors) and a.actors.isdisjoint(b.actors)


def _also_gives(a: SourceEvent, b: SourceEvent) -> bool:
    """a's sentence also gives a date compatible with b's."""
    return any(gap_days(start, end, b.start, b.end) <= 0 for start, end in a.other_dates)


def _month(day: date) -> int:
    return day.year * 12 + day.month - 1


def _months(start: date, end: date) -> range:
    return range(_month(start), _month(end) + 1)


def gap_days(a_start: date, a_end: date, b_start: date, b_end: date) -> int:
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
        # a one-off or happening word or a rare word (see merge_score)
        need = min(self.settings.min_shared_words, self.settings.conflict_min_shared_words)
        limit = self.settings.max_bucket
        strong = item.one_off | item.happenings | item.rare
        hits: Counter[int] = Counter()
        for key in _keys(item):
            buckets = [bucket for bucket in (by_key.get(key) for by_key in months)
                       if bucket and len(bucket) <= limit]
            if not buckets:
                continue
            # a bucket lists a cluster once (see add), so one month needs no set
            sharing = buckets[0] if len(buckets) == 1 else set().union(*buckets)
            # Counter.update over an iterable counts in C; a strong key counts `need` times
            for _ in range(need if key in strong else 1):
                hits.update(sharing)
        # the most shared first, ties by cluster id (older first): deterministic
        wanted = self.settings.max_candidates
        top = heapq.nsmallest(wanted, [(-hits[cid], cid) for cid in _at_least(hits, need, wanted)])
        return [cid for _, cid in top]


def _at_least(hits: Counter[int], need: int, wanted: int) -> list[int]:
    """The clusters counted at least `need` times and at least as often as the `wanted`-th
    most counted: a superset of the top `wanted` that is cheap to find, since an event
    usually has hundreds of hits (most sharing two words or more) and only a few are kept.
    Counting and filtering run in C (Counter, compress): a Python loop over every hit costs
    more than the counting itself."""
    threshold, above = need, 0
    for count, clusters in sorted(Counter(hits.values()).items(), reverse=True):
        if count < need:
            break
        above += clusters
        threshold = count
        if above >= wanted:
            break
    return list(compress(hits.keys(), map(ge, hits.values(), repeat(threshold))))


def _best_join(item: SourceEvent, cid: int, cluster: _Cluster, items: Sequence[SourceEvent],
               settings: MergeSettings) -> tuple[int, float, int] | None:
    """(kind, score, group) of the best way item joins cluster: kind 0 merge, 1 conflict."""
    if item.event.article in cluster.articles:
        return None
    best: tuple[int, float, int] | None = None
    for gi, group in enumerate(cluster.groups):
        if gap_days(item.start, item.end, group.start, group.end) > 0:
            continue
        for m in group.members[: settings.max_compared]:
            score = merge_score(item, items[m], settings)
            if score is not None and (best is None or score > best[1]):
                best = (0, score, gi)
    # Conflicting dates must lie near the cluster's first date, so that a chain of
    # near dates cannot walk a cluster across the calendar.
    first = cluster.groups[0]
    if best is not None or not (
            0 < gap_days(item.start, item.end, first.start, first.end) <= settings.conflict_window_days):
        return best
    for m in cluster.members[: settings.max_compared]:
        score = conflict_score(item, items[m], settings)
        if score is not None and (best is None or score > best[1]):
            best = (1, score, -1)
    return best


def cluster_events(items: Sequence[SourceEvent], settings: MergeSettings) -> list[list[int]]:
    """Groups of item positions telling the same happening (singletons included)."""
    clusters: list[_Cluster] = []
    index = _Index(settings)
    visit = sorted(range(len(items)), key=lambda i: (
        items[i].secondary, items[i].time.precision_rank, items[i].start, items[i].end,
        items[i].order, i))
    for i in visit:
        item = items[i]
        if item.secondary:
            _join_secondary(i, items, clusters, index, settings)
            continue
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
    return [sorted(c.members, key=lambda m: (items[m].order, m)) for c in clusters]


def _join_secondary(i: int, items: Sequence[SourceEvent], clusters: list[_Cluster],
                    index: _Index, settings: MergeSettings) -> None:
    """A sentence's other date joins the cluster it matches best (a merge, never a
    conflict), or nothing."""
    item = items[i]
    choice: tuple[float, int, int] | None = None
    for cid in index.candidates(item):
        join = _best_join(item, cid, clusters[cid], items, settings)
        if join is None or join[0] != 0:
            continue
        if choice is None or (-join[1], cid) < (-choice[0], choice[1]):
            choice = (join[1], cid, join[2])
    if choice is None:
        return
    _, cid, gi = choice
    cluster, group = clusters[cid], clusters[cid].groups[gi]
    group.start, group.end = max(group.start, item.start), min(group.end, item.end)
    group.members.append(i)
    cluster.members.append(i)
    cluster.articles.add(item.event.article)


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
         if gap_days(t.start, t.end, chosen.start, chosen.end) > 0),  # type: ignore[arg-type]
        key=lambda t: (t.start, t.precision_rank, t.value))
    return chosen, tuple(conflicts)
