"""Chronology: order the events of all articles, merge the same happening across sources,
record date conflicts, pick key dates and list what needs review.

Ordering. Events are sorted by the start of their date range, then finer granularity
first (a day before the week or month that starts with it), then by clock time for
times, then in source order (article date, article slug, position in the article). A
month-level event keeps its month: it is never given a made-up day.

Merging (when `merge_events` is on). Two events from *different* articles are the same
happening when their dates are compatible (the day ranges overlap: "19 July" within
"July") and a wire editor would call them one. Content words are a sentence's words minus
the date phrase, actor names, stop words and date words, lightly stemmed, with synonyms
and two-word verbs folded onto a happening ("truce" = "ceasefire"; "collapsed", "fled",
"toppled", "took control" = an overthrow; "erupted", "broke out" = an outbreak; "asked",
"sought" = a request; "hosted", "received", "talks" = a meeting; "signed", "memorandum",
"deal" = an agreement; "strike", "raid", "bombed" = an attack; "disband" = "dissolve"),
weighted by rarity (IDF) and 1.5 times near the date phrase (5 words each side). Actors
and words are weighed by how few events use them: an actor in more than 30% of the events
(the countries of the story) is ubiquitous, the others are salient (by IDF, half weight
when the sentence does not name them itself), and a word in at most 10% of the events is
rare. The happening of a date is the happening words within 8 words of it. Merged are:
(1) sentences sharing at least 2 content words with a word similarity (weighted Dice, or
that of the near words when higher) of 0.2 and a similarity of 0.35 (blended 70/30 with
the actor Jaccard when both name actors); (2) the same one-off happening (ceasefire,
overthrow, invasion, coup, resignation...) next to both dates, with an actor in common
(or the same day when one names none); (3) on the same day, two of: a shared salient
actor, a shared rare word (or a rare happening), the same happening, with an evidence
score of 0.3; (4) a week or month telling inside a day telling: a shared salient actor
and the same happening, evidence 0.45. The evidence score is 0.5 x word similarity +
0.25 x salient actors + 0.25 for the same happening + 0.1 for the same day, minus 0.25
when the dates name only different happenings (which also rules out (3) and (4)). Never
merged: events naming actors with none in common, events of the same article, dates
vaguer than a year, a year-level telling under rules (2) to (4) (a year is not pinned to
a day on a few words), a coarse telling naming a happening the day's telling lacks (it is
a summary: "last week's clashes and strikes"). A sentence's other dates (no vaguer than a
month: "said Thursday, after the summit on May 24") may also cite it in a happening other
sources tell on that date, by these rules, but never start one. The merged event cites
every source in source order (each keeps its own sentence and date phrase) and takes the
most precise date they agree on; its headline is a dating sentence.

Conflicts. Sources that tell clearly the same happening on incompatible day or week dates
no more than 7 days apart ("13 July" and "14 July", "8 December" and "the week of 14
July") are merged too: when they share 3 content words with a word similarity of 0.6 and
an actor Jaccard of 0.5, or when they share a salient actor, the same happening and a rare
word with an evidence score of 0.6 ("clashes erupted in Sweida on 13 July" / "fighting
broke out in Sweida on July 14"). A sentence that gives the other date too is no conflict
(it tells two happenings), nor is a sentence's other date. The event's date is the one
given by most independent sources (a source's date also supports every finer date inside
it), ties going to the most precise, then the earliest; the other dates are kept in
`conflicts` and a "conflict" problem names the articles and dates. All thresholds are
fields of `MergeSettings`. All of this runs per time window (chronology.windows): a
calendar month's events with the neighbouring months' events within 7 days, or a year's for
dates vaguer than a month, with rarity (IDF, rare words, salient actors) counted among the
window's events, a quiet window counting as at least 50; clusters sharing an event across a
month's end are one event. Candidates come from an index of (month, content word), a
shared happening or rare word counting like two shared words, so each event is compared
with a bounded number of others and a build stays near-linear in the number of events.

Key dates. Each event counts for its calendar day (or its own value when it is coarser
than a day: a week, a month, a year; decades and centuries never count). A date is ranked
by its independent evidence (chronology.keydates): the independent sources reporting it
(distinct outlets when the archive names two or more, else distinct articles, so a
one-outlet archive has key dates too), the distinct days those reports were published,
the reports published two or more days later that refer back to it, its burst against the
7 days each side, and how central its events are (tellings and named actors), each
counted as ln(1 + n) with weights 1, 1, 0.5, 0.75 and 0.5, times 1 for a day, 0.5 a week,
0.35 a month, 0.15 a year. `Timeline.key_dates` is the whole ranking (timeline.json lists
`key_dates.export`, 100); the key dates page shows the top `key_dates.limit` (12) with at
least `key_dates.min_sources` (2) sources, an actor page the top `key_dates.per_actor` (5)
over that actor's events.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Mapping, Sequence

from ..config import SiteConfig
from ..model import Actor, ArticleAnalysis, Event, Timeline, TimelineEvent, TimeValue
from .keydates import (KeyDateMemo, key_dates_for_actor, published_dates, rank_key_dates,
                       shown_key_dates, source_key)
from .merge import MergeSettings, SourceEvent, choose_time, similarity
from ..memo import IdentityMemo
from ..actors.cast import CastMemo
from .changes import EventChanges
from .items import ItemChanges, ItemStore, raw_items
from .windows import MergeReport, WindowMapper, WindowResult, merge_windows
from .ordering import DraftOrder, ordered_drafts
from .segments import MergeState
from .corrections import Applied, Corrections, correct_events
from .story import is_background, split_background, story_window
from .review import (conflict, low_confidence_actors, no_dateline, sort_problems,
                     unresolved_dates)
from .views import (MonthGroup, YearGroup, co_actors, date_label, events_for_actor,
                    events_per_month, group_by_year_month, sources_for_actor, sources_of)
from .words import id_words, name_words, sentence_parts

__all__ = [
    "ChronologyMemo", "MergeSettings", "MonthGroup", "YearGroup", "build_timeline", "co_actors", "date_label",
    "events_for_actor", "events_per_month", "group_by_year_month", "key_dates_for_actor",
    "shown_key_dates", "is_background", "split_background",
    "sources_for_actor", "sources_of", "event_id_base",
]

SPACES_RE = re.compile(r"\s+")
NOT_ID_RE = re.compile(r"[^a-z0-9]+")


def build_timeline(analyses: Sequence[ArticleAnalysis], actors: Sequence[Actor],
                   config: SiteConfig, settings: MergeSettings | None = None,
                   corrections: Corrections | None = None,
                   applied: Sequence[Applied] = (), memo: "ChronologyMemo | None" = None,
                   mapper: WindowMapper | None = None, report: MergeReport | None = None) -> Timeline:
    """The whole chronology of the site (see the module docstring for the rules), with the
    editor's `corrections` applied after merging (`applied`: what the article corrections,
    made before the analysis, did). ``memo`` keeps what an earlier chronology of the same
    site worked out (each window's clusters, each article's merge items, each cluster's draft)
    for the next one. ``mapper`` clusters the windows the memo lacks (here by default: see
    windows.merge_windows), ``report`` learns what the merge did."""
    settings = settings or MergeSettings()
    windows: dict = {}
    memo = memo if memo is not None else ChronologyMemo()
    articles = sort_articles(analyses)
    sources = {}
    keyed = {}
    for analysis in articles:  # (an outlet's key normalises its name: each once)
        known = memo.sources.get(id(analysis))
        if known is None or known[0] is not analysis:
            known = (analysis, source_key(analysis))
        keyed[id(analysis)] = known
        sources[analysis.article.slug] = known[1]
    memo.sources = keyed if memo.keeps else {}
    words = {a.slug: name_words(a.name, a.slug.replace("-", " "), *a.aliases) for a in actors}
    # the items of an analysis the memo has are a function of these (and of the analysis)
    trusted = memo.words == (words, config.language, settings)
    memo.words = (words, config.language, settings) if memo.keeps else None
    changes = ItemChanges() if memo.keeps else None
    raw = raw_items(articles, sources, words, settings, config.language, memo.articles, memo.stored_items,
                    trusted=trusted, changes=changes)
    source_events = sum(not i.secondary for i in raw)
    # the last merge and its drafts go together; they are taken out while this run uses
    # them, so that a failure half way leaves none of them half made
    last_order = memo.order if memo.order is not None and memo.order.settings == settings else None
    last_merge = memo.merge if last_order is not None and memo.merge is not None and config.merge_events else None
    memo.merge = memo.order = None
    merged = merge_windows(raw, settings, memo.windows, windows, single=not config.merge_events,
                           mapper=mapper, report=report, last=last_merge, kept=memo.keeps,
                           changes=changes if trusted else None)
    del raw, last_merge  # the merge's items are the memo's to keep, if anyone's: the largest part of the merge's memory
    if memo.keeps:
        # a merge made from nothing replaces every cluster of the last one (whose drafts may serve again)
        gone = [c for c, _ in last_order.drafts_of.values()] if merged.complete and last_order is not None else merged.gone
        order = ordered_drafts(merged.made, gone, lambda cited: draft_event(cited, settings), assign_ids, last_order)
        order.settings = settings
        counts = {"source_events": source_events, "merged_events": order.merged}
        events = tuple(order.events)
        known = order.changes
        # what this chronology used is what the next one may reuse
        memo.windows = windows
        memo.merge, memo.order = merged.state, order
        del windows, merged, order, last_order, gone
    else:  # no next run: the drafts in order, and the source events go before the ids are given
        drafts = sorted((((order, tiebreak), event) for component in merged.made for cluster, tiebreak in component.clusters
                         for order, event in (draft_event(cluster, settings),)), key=lambda d: d[0])
        del merged
        memo.windows = {k: WindowResult(r.clusters, None) for k, r in windows.items()}
        del windows
        counts = {"source_events": source_events, "merged_events": sum(len(d[1].citations) > 1 for d in drafts)}
        events = tuple(assign_ids(drafts))
        del drafts
        known = None
    memo.articles.next_run()
    corrected: list[Applied] = list(applied)
    correction_problems: list = []
    if corrections is not None and corrections.events:
        position = {e.id: n for n, e in enumerate(events)}
        fixed, done, correction_problems = correct_events(
            events, corrections, lambda e: event_order(e.time, position[e.id]))
        events = tuple(fixed)
        corrected += done
        known = None  # the draft order's changes are not those of the corrected events
    if memo.keeps:  # what came and went since the last timeline, for the key dates and the pages
        last_events, memo.timeline_events = memo.timeline_events, events if known is not None or not corrected else None
        memo.changes = EventChanges(last_events, events, known, memo.changes) \
            if last_events is not None and known is not None else None
    by_slug = {a.article.slug: a for a in articles}
    conflicted = [e for e in events if e.conflicts]
    problems = article_problems(articles, memo.problems if memo.keeps else None)
    problems += conflict_problems(conflicted, by_slug, memo.conflicts if memo.keeps else None)
    problems += low_confidence_actors(actors, articles, config.content_dir)
    problems += correction_problems
    rule = config.key_dates
    return Timeline(
        events=events,
        actors=tuple(sorted({a.slug: a for a in actors}.values(), key=lambda a: a.slug)),
        articles=tuple(articles),
        key_dates=rank_key_dates(events, sources, 1, max(rule.export, rule.limit),
                                 published_dates(articles), memo=memo.key_dates if memo.keeps else None,
                                 changes=memo.changes if memo.keeps else None),
        problems=sort_problems(problems),
        story=remembered_story(config, articles, events, memo),
        extra={**counts, "conflicts": len(conflicted), "corrections": corrected},
    )


@dataclass
class ChronologyMemo:
    """What one chronology leaves for the next: each window's clusters by its content key
    (see windows.py); by identity (memo.py), each article's merge items, each cluster's draft
    and final event, each analysis with its actors' slugs. Any content may be dropped at any
    time: it only makes the next chronology slower, never different."""

    windows: Mapping[tuple, WindowResult] = field(default_factory=dict)
    articles: IdentityMemo = field(default_factory=IdentityMemo)  # each analysis' merge items
    merge: MergeState | None = None  # the last merge's windows and segments (segments.py)
    order: DraftOrder | None = None  # the last chronology's drafts in order (ordering.py)
    key_dates: KeyDateMemo = field(default_factory=KeyDateMemo)  # each date's evidence (keydates.py)
    problems: dict = field(default_factory=dict)  # id(analysis) -> (it, its problems): article_problems
    conflicts: dict = field(default_factory=dict)  # id(event) -> its conflict problem: conflict_problems
    story: dict = field(default_factory=dict)  # what story.detect_window keeps for the next run
    slugged: IdentityMemo = field(default_factory=IdentityMemo)  # analyses with their actors' slugs
    cast: CastMemo = field(default_factory=CastMemo)  # the last cast (build.assemble)
    words: tuple | None = None  # (actor words, language, settings) of the last merge items (raw_items)
    sources: dict = field(default_factory=dict)  # id(analysis) -> (it, its source key)
    stored_items: ItemStore | None = None  # articles' merge items kept by the build cache
    keeps: bool = True  # False: only the windows' clusters are kept (see one_run)
    timeline_events: tuple | None = None  # the last timeline's events, when the draft order made them
    changes: EventChanges | None = None  # the events that came and went since the last timeline (changes.py)

    @classmethod
    def one_run(cls, windows: Mapping[tuple, WindowResult] | None = None,
                stored_items: ItemStore | None = None) -> "ChronologyMemo":
        """For a chronology no other follows in this process (annals build): it keeps only
        each window's clusters (for the persistent cache, ``windows``), so the merge's items,
        source events and drafts go as soon as they are used."""
        return cls(windows=windows if windows is not None else {}, articles=IdentityMemo(keeps=False),
                   slugged=IdentityMemo(keeps=False), keeps=False,
                   stored_items=stored_items)


def article_problems(articles: Sequence[ArticleAnalysis], memo: dict | None) -> list:
    """What each article's analysis found wrong, with its missing dateline and the dates it
    could not place; ``memo`` (id -> (analysis, problems)) keeps them for the next run."""
    out: list = []
    kept = {}
    for analysis in articles:
        known = memo.get(id(analysis)) if memo is not None else None
        if known is None or known[0] is not analysis:
            known = (analysis, [*analysis.problems, *no_dateline(analysis), *unresolved_dates(analysis)])
        kept[id(analysis)] = known
        out += known[1]
    if memo is not None:
        memo.clear()
        memo.update(kept)
    return out


def conflict_problems(events: Sequence[TimelineEvent], by_slug: Mapping[str, ArticleAnalysis],
                      memo: dict | None) -> list:
    """review.conflict of each event; ``memo`` (id -> (event, the analyses it read, problem))
    keeps them for the next run."""
    out = []
    kept = {}
    for event in events:
        known = memo.get(id(event)) if memo is not None else None
        if known is None or known[0] is not event or any(by_slug.get(c.article) is not a
                                                          for c, a in zip(event.citations, known[1])):
            known = (event, tuple(by_slug.get(c.article) for c in event.citations), conflict(event, by_slug))
        kept[id(event)] = known
        if known[2] is not None:
            out.append(known[2])
    if memo is not None:
        memo.clear()
        memo.update(kept)
    return out


def remembered_story(config: SiteConfig, articles: Sequence[ArticleAnalysis], events: Sequence[TimelineEvent],
                     memo: "ChronologyMemo"):
    """story_window, with what the last run worked out of it (story.detect_window's memo)."""
    if not memo.keeps:
        return story_window(config, articles, events)
    memo.story, kept = {}, memo.story  # (a failure half way leaves nothing half made)
    kept["changes"] = memo.changes  # (read by _latest_end, and only for the lists it was made from)
    window = story_window(config, articles, events, kept)
    kept.pop("changes")
    memo.story = kept
    return window


def sort_articles(analyses: Sequence[ArticleAnalysis]) -> list[ArticleAnalysis]:
    """By dateline date (undated last), then slug."""
    return sorted(analyses, key=lambda a: (a.dateline.date is None, a.dateline.date or date.min,
                                           a.article.slug))


def sentence_text(event: Event) -> str:
    return SPACES_RE.sub(" ", event.sentence.text).strip()


def draft_event(cited: Sequence[SourceEvent], settings: MergeSettings) -> tuple[tuple, TimelineEvent]:
    """(sort key, timeline event with its id base, which assign_ids makes unique) from a
    cluster's source events given in source order."""
    if len(cited) == 1:
        time, conflicts = cited[0].time, ()
    else:
        time, conflicts = choose_time(cited)
    headline = pick_headline(cited, time, settings)
    counts = Counter(a for c in cited for a in dict.fromkeys(c.event.actors))
    actors = tuple(sorted(counts, key=lambda a: (-counts[a], a)))
    event = TimelineEvent(id="", time=time, text=sentence_text(headline.event), actors=actors,
                          citations=tuple(c.event for c in cited), conflicts=conflicts,
                          scheduled=all(c.event.scheduled for c in cited))
    return event_order(time, cited[0].order), replace(event, id=event_id_base(event))


def pick_headline(cited: Sequence[SourceEvent], time: TimeValue,
                  settings: MergeSettings) -> SourceEvent:
    """The citation giving the chosen date that is most like the others (the most
    typical telling), the first in source order on a tie."""
    giving = ([c for c in cited if c.time == time and not c.secondary]
              or [c for c in cited if c.time == time] or list(cited))
    if len(giving) == 1:
        return giving[0]
    others = cited[: settings.max_compared * 2]

    def typicality(candidate: SourceEvent) -> float:
        return sum(similarity(candidate, o, settings.actor_weight).score
                   for o in others if o is not candidate)

    return min(giving, key=lambda c: (-typicality(c), c.order))


def event_order(time: TimeValue, source_order: int) -> tuple:
    """Range start, finer first, clock time (for times), then source order."""
    clock = time.value if time.granularity == "time" else ""
    return (time.start, time.precision_rank, clock, source_order)


def event_id_base(event: TimelineEvent) -> str:
    """"e-<date value>-<up to three key words>", lowercase ASCII: a valid HTML id and URL
    fragment that stays the same as long as the date and headline sentence do."""
    value = NOT_ID_RE.sub("-", event.time.value.lower()).strip("-") or "undated"
    headline = next((c for c in event.citations if sentence_text(c) == event.text),
                    event.citations[0])
    before, after = sentence_parts(headline)
    words = [w[:20] for w in id_words(before + " " + after)]
    return "-".join(["e", value, *words])


def assign_ids(drafts: Sequence[tuple[tuple, TimelineEvent]],
               named: Mapping[tuple[int, str], tuple[TimelineEvent, TimelineEvent]] | None = None) -> list[TimelineEvent]:
    """Ids for events in timeline order; a repeated id gets "-2", "-3"... in that order.
    ``named``: the events an earlier chronology made, by (draft identity, id), given back
    as they were (the same objects: pages compare them at once)."""
    named = named or {}
    used: set[str] = set()
    tried: dict[str, int] = {}  # base -> last suffix taken: `used` only grows, so resume there
    out = []
    for _, event in drafts:
        base = event.id or event_id_base(event)  # drafts carry their base
        n = tried.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        tried[base] = n
        used.add(candidate)
        earlier = named.get((id(event), candidate))
        out.append(earlier[1] if earlier is not None and earlier[0] is event else replace(event, id=candidate))
    return out
