"""Key dates: the dates an archive's independent evidence points to (see `rank_key_dates`).

A journalist's timeline of a story keeps the days that many reports are about, that later
reports keep coming back to, and that stand out from the days around them. All of that can
be counted in one outlet's archive as well as across many outlets, so the rule needs no
second source to work: it counts outlets when there are several, and otherwise articles and
the days they were published.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from operator import is_
from datetime import date, timedelta
from typing import Mapping, Sequence

from ..dateline import outlet_key
from .changes import EventChanges
from ..model import ArticleAnalysis, KeyDate, Timeline, TimelineEvent, TimeValue

# Vaguer than a year is background ("in the 1990s"), never a key date.
TOO_VAGUE = ("decade", "century")
# A date said no more precisely than this weighs less: a timeline is a list of days.
PRECISION_FACTOR = {"day": 1.0, "week": 0.5, "month": 0.35, "season": 0.25, "quarter": 0.25,
                    "half": 0.2, "year": 0.15}


@dataclass(frozen=True)
class KeyDateWeights:
    """The weights of the key-date score (defaults are the documented rule)."""

    independent: float = 1.0  # ln(1 + outlets), or ln(1 + articles) with a single outlet
    days: float = 1.0  # ln(1 + distinct publication days of the reports)
    later: float = 0.5  # ln(1 + articles published after the date that refer back to it)
    burst: float = 0.75  # ln(1 + reports on the date / mean reports on its neighbours)
    central: float = 0.5  # ln(1 + tellings per event): merged reports and named actors
    neighbour_days: int = 7  # the neighbours are this many days on each side
    later_gap_days: int = 2  # "later" is published at least this long after the date ends
    export: int = 100  # timeline.json lists this many ranked dates (at least 50)


def source_key(analysis: ArticleAnalysis) -> str:
    """Who reported it: the article's outlet (one key however it is spelt: "AP", "The
    Associated Press"), else the article itself."""
    source = outlet_key(analysis.article.source or "")
    return f"source:{source}" if source else f"article:{analysis.article.slug}"


def source_keys(analyses: Sequence[ArticleAnalysis]) -> dict[str, str]:
    return {a.article.slug: source_key(a) for a in analyses}


def several_outlets(sources: Mapping[str, str]) -> bool:
    """Whether the archive names at least two outlets: only then are outlets the unit of
    independence (a one-outlet archive counts its articles instead)."""
    return len({key for key in sources.values() if key.startswith("source:")}) >= 2


def same(a: Sequence, b: Sequence) -> bool:
    return a is b or (len(a) == len(b) and all(map(is_, a, b)))


def date_of(time: TimeValue) -> TimeValue | None:
    """The date an event counts for: its calendar day, or its own value when coarser."""
    if not time.anchored or time.granularity in TOO_VAGUE:
        return None
    if time.granularity == "time" or (time.granularity is None and time.start == time.end):
        day = time.start
        return TimeValue(day.isoformat(), "DATE", "day", day, day, rule="key-date")  # type: ignore[union-attr]
    return time


@dataclass(frozen=True)
class DateEvidence:
    """What the archive says about one date."""

    time: TimeValue
    events: tuple[TimelineEvent, ...]
    independent: int  # outlets (several in the archive), else articles
    articles: int
    days: int  # distinct publication days of those articles
    later: int  # articles published later_gap_days or more after the date that report it
    burst: float  # articles on the date / mean articles per neighbouring day
    central: float  # mean tellings (citations) plus named actors per event, over 2
    score: float


def rank_key_dates(events: Sequence[TimelineEvent], sources: Mapping[str, str],
                   min_sources: int, limit: int | None,
                   published: Mapping[str, date | None] | None = None,
                   weights: KeyDateWeights | None = None, memo: "KeyDateMemo | None" = None,
                   changes: EventChanges | None = None) -> tuple[KeyDate, ...]:
    """Dates ranked by their score (then independent sources, then events, then date),
    those with at least `min_sources` independent sources; at most `limit`.

    `sources` maps article slug -> independent source key (see source_key); `published`
    article slug -> publication date. The score of a date is

        (independent x ln(1 + I) + days x ln(1 + D) + later x ln(1 + L)
         + burst x ln(1 + B) + central x ln(1 + C)) x precision

    where I counts the distinct outlets reporting events on it when the archive names two
    or more outlets, else the distinct articles; D the distinct publication days of those
    articles; L those published at least two days after the date (reports that refer back
    to it); B the articles on the date over the mean per day of the 7 days each side (a
    burst); C the mean tellings of its events (citations, plus named actors / 4); and the
    precision factor 1 for a day, 0.5 a week, 0.35 a month, 0.15 a year. ``memo`` keeps
    each date's evidence for the next ranking (annals serve), see KeyDateMemo; ``changes``
    may say what events came and went since its ranking.
    """
    out = []
    for found in evidence(events, sources, published, weights, memo, changes):
        if found.independent >= max(min_sources, 1):
            if limit is not None and len(out) >= limit:
                break
            out.append(memo.key_date(found) if memo is not None else _key_date(found))
    return tuple(out)


@dataclass
class KeyDateMemo:
    """Each date's evidence as the last ranking found it, by the very events on the date:
    a save changes a few dates' events, and the others keep their counts (as long as the
    articles' outlets and dates are those of the last ranking). May be emptied at any time."""

    inputs: tuple | None = None  # (sources, published, weights) of the last ranking
    dates: dict = field(default_factory=dict)  # date key -> (events on it, its burst, DateEvidence)
    keys: dict = field(default_factory=dict)  # id(DateEvidence) -> (it, its KeyDate), this ranking's
    earlier: dict = field(default_factory=dict)  # the same, the last ranking's
    counted: dict = field(default_factory=dict)  # id(event) -> (it, the date it counts for, that date's key)
    events: tuple | None = None  # the events of the last ranking, of which:
    dates_of: dict | None = None  # date key -> the date
    members: dict | None = None  # date key -> its events in order

    def key_date(self, found: DateEvidence) -> KeyDate:
        known = self.earlier.get(id(found))
        if known is None or known[0] is not found:
            known = (found, _key_date(found))
        self.keys[id(found)] = known
        return known[1]


def evidence(events: Sequence[TimelineEvent], sources: Mapping[str, str],
             published: Mapping[str, date | None] | None = None,
             weights: KeyDateWeights | None = None, memo: KeyDateMemo | None = None,
             changes: EventChanges | None = None) -> list[DateEvidence]:
    """Every date with events, with its evidence, best first."""
    weights = weights or KeyDateWeights()
    published = published or {}
    by_outlet = several_outlets(sources)
    dates, members = _dates(events, memo, changes)
    last: dict = {}
    if memo is not None:
        inputs = (dict(sources), dict(published), weights)
        if memo.inputs == inputs:
            last = memo.dates
        memo.inputs, memo.dates = inputs, {}
        memo.earlier, memo.keys = (memo.keys if last else {}), {}
    # articles reporting each single day, for the burst against its neighbours
    per_day: dict[date, int] = {}
    earlier: dict[tuple, tuple[float, DateEvidence]] = {}
    moved: list[date] = []  # the days whose count may differ from the last ranking's
    for key, on_date in members.items():
        known = last.get(key)
        if known is not None and same(known[0], on_date):
            earlier[key] = known[1:]
            if key[0] == key[1]:
                per_day[key[0]] = known[2].articles
        elif key[0] == key[1]:
            per_day[key[0]] = len({a for e in on_date for a in e.articles})
            moved.append(key[0])
    moved += [key[0] for key in last if key[0] == key[1] and key not in members]
    width = weights.neighbour_days
    near = {day + timedelta(days=d) for day in moved for d in range(-width, width + 1)}
    found = []
    for key, on_date in members.items():
        time = dates[key]
        known = earlier.get(key)
        if known is not None and (key[0] != key[1] or key[0] not in near):
            made, burst = known[1], known[0]  # nor did its neighbours' counts change: its burst
        else:
            # the only part of a date's evidence that its neighbours' events change
            burst = _burst(time, known[1].articles, per_day, width) if known is not None else None
            if known is not None and known[0] == burst:
                made = known[1]
            else:
                made, burst = _evidence(time, on_date, sources, published, weights, by_outlet, per_day)
        if memo is not None:
            memo.dates[key] = (on_date, burst, made)
        found.append(made)
    found.sort(key=lambda d: (-d.score, -d.independent, -len(d.events), d.time.start,
                              d.time.precision_rank, d.time.value))
    return found


def _counted(event: TimelineEvent) -> tuple:
    """(the event, the date it counts for, that date's key)."""
    time = date_of(event.time)
    return (event, time, (time.start, time.end, time.value) if time is not None else None)


def _dates(events: Sequence[TimelineEvent], memo: "KeyDateMemo | None",
           known: EventChanges | None = None) -> tuple[dict, dict]:
    """The dates events count for (date key -> the date, and -> its events in timeline
    order). With a memo of the last ranking, its lists are patched with the events that
    came and went (a date none of whose events did keeps its very list)."""
    if memo is not None and memo.events is not None and memo.members is not None:
        changes = known if known is not None and known.between(memo.events, events) \
            else EventChanges(memo.events, events)
        if len(changes.gone) + len(changes.added) <= len(events) // 4:
            counted = dict(memo.counted)
            for event in changes.gone:
                del counted[id(event)]
            for event in changes.added:
                counted[id(event)] = _counted(event)
            dates, members = dict(memo.dates_of), dict(memo.members)
            touched = {memo.counted[id(e)][2] for e in changes.gone} | {counted[id(e)][2] for e in changes.added}
            touched.discard(None)
            for key in touched:
                on_date = changes.patch(members.get(key, ()), [e for e in changes.added if counted[id(e)][2] == key])
                if on_date:
                    members[key] = list(on_date)
                    dates[key] = counted[id(on_date[0])][1]
                else:
                    members.pop(key, None)
                    dates.pop(key, None)
            # the dates in the order their first events come, as the full count finds them
            if touched:
                first = changes.position()
                order = sorted(members, key=lambda k: first[id(members[k][0])])
                dates, members = {k: dates[k] for k in order}, {k: members[k] for k in order}
            memo.events, memo.counted, memo.dates_of, memo.members = tuple(events), counted, dates, members
            return dates, members
    dates = {}
    members = {}
    known_events = memo.counted if memo is not None else {}
    kept: dict[int, tuple] = {}
    for event in events:
        known = known_events.get(id(event))
        if known is None or known[0] is not event:
            known = _counted(event)
        kept[id(event)] = known
        if known[1] is None:
            continue
        key = known[2]
        if key not in members:
            dates[key] = known[1]
            members[key] = [event]
        else:
            members[key].append(event)
    if memo is not None:
        memo.events, memo.counted, memo.dates_of, memo.members = tuple(events), kept, dates, members
    return dates, members


def _evidence(time: TimeValue, on_date: Sequence[TimelineEvent], sources: Mapping[str, str],
              published: Mapping[str, date | None], weights: KeyDateWeights, by_outlet: bool,
              per_day: Mapping[date, int]) -> tuple[DateEvidence, float]:
    articles = sorted({a for e in on_date for a in e.articles})
    if by_outlet:
        independent = len({sources.get(a, f"article:{a}") for a in articles})
    else:
        independent = len(articles)
    days = {published.get(a) for a in articles} - {None}
    gap = time.end + timedelta(days=weights.later_gap_days)  # type: ignore[operator]
    later = sum(1 for a in articles if (published.get(a) or date.min) >= gap)
    burst = _burst(time, len(articles), per_day, weights.neighbour_days)
    central = sum(len(e.articles) + len(e.actors) / 4 for e in on_date) / len(on_date)
    factor = PRECISION_FACTOR.get(time.granularity or "day", 0.15)
    score = factor * (weights.independent * math.log1p(independent)
                      + weights.days * math.log1p(len(days))
                      + weights.later * math.log1p(later)
                      + weights.burst * math.log1p(burst)
                      + weights.central * math.log1p(central))
    return DateEvidence(time, tuple(on_date), independent, len(articles), len(days),
                        later, round(burst, 4), round(central, 4), round(score, 4)), burst


def _burst(time: TimeValue, articles: int, per_day: Mapping[date, int], width: int) -> float:
    """Articles on a day over the mean per day of its neighbours (plus one, so a lone day
    in an empty stretch is a burst of its size, not infinite); coarser dates: 1."""
    if time.start != time.end:
        return 1.0
    day = time.start
    around = [per_day.get(day + timedelta(days=d), 0) for d in range(-width, width + 1) if d]  # type: ignore[operator]
    return articles / (1.0 + sum(around) / len(around))


def _key_date(found: DateEvidence) -> KeyDate:
    return KeyDate(found.time, tuple(e.id for e in found.events), found.independent, found.score)


def published_dates(analyses: Sequence[ArticleAnalysis]) -> dict[str, date | None]:
    return {a.article.slug: a.dateline.date for a in analyses}


def key_dates_for_actor(timeline: Timeline, slug: str, limit: int, min_sources: int = 1,
                        memo: KeyDateMemo | None = None, sources: Mapping[str, str] | None = None,
                        published: Mapping[str, date | None] | None = None) -> tuple[KeyDate, ...]:
    """The actor's key dates by the same rule, over the events the actor takes part in.
    ``memo``: the last ranking of this actor's dates (a save changes few of them);
    ``sources``, ``published``: the articles' source keys and dates, when already known."""
    events = [e for e in timeline.events if slug in e.actors]
    return rank_key_dates(events, sources if sources is not None else source_keys(timeline.articles),
                          min_sources, limit,
                          published if published is not None else published_dates(timeline.articles), memo=memo)


class ActorKeyDates:
    """Each actor's key dates over one timeline, ranked once (its page and its embed page
    show them) from what the last ranking of the same actor found: ``memo`` (slug ->
    KeyDateMemo), which the build server and ``annals serve`` keep for the next build."""

    def __init__(self, timeline: Timeline, limit: int, memo: dict[str, KeyDateMemo] | None = None):
        self.timeline, self.limit = timeline, limit
        self.memo = memo  # None: no next build (an actor's memo holds its dates' events)
        live = {a.slug for a in timeline.actors}
        for gone in [slug for slug in memo or () if slug not in live]:
            del memo[gone]  # type: ignore[index]
        self._ranked: dict[str, tuple[KeyDate, ...]] = {}
        self._inputs: tuple | None = None  # the articles' source keys and dates, once

    def __call__(self, slug: str) -> tuple[KeyDate, ...]:
        ranked = self._ranked.get(slug)
        if ranked is None:
            if self._inputs is None:
                self._inputs = (source_keys(self.timeline.articles), published_dates(self.timeline.articles))
            sources, published = self._inputs
            ranked = self._ranked[slug] = key_dates_for_actor(
                self.timeline, slug, self.limit,
                memo=self.memo.setdefault(slug, KeyDateMemo()) if self.memo is not None else None,
                sources=sources, published=published)
        return ranked


def shown_key_dates(timeline: Timeline, min_sources: int, limit: int) -> tuple[KeyDate, ...]:
    """The key dates page: the best ranked dates with at least `min_sources` independent
    sources (timeline.key_dates is the whole ranking, for timeline.json)."""
    return tuple(k for k in timeline.key_dates if k.sources >= max(min_sources, 1))[:limit]
