"""Chronology: order the events of all articles, merge the same happening across sources,
record date conflicts, pick key dates and list what needs review.

Ordering. Events are sorted by the start of their date range, then finer granularity
first (a day before the week or month that starts with it), then by clock time for
times, then in source order (article date, article slug, position in the article). A
month-level event keeps its month: it is never given a made-up day.

Merging (when `merge_events` is on). Two events from *different* articles are the same
happening when their dates are compatible (the day ranges overlap: one date within the
other, e.g. "19 July" within "July") and their sentences are alike. Content words are a
sentence's words minus the date phrase, actor names, stop words and date words, lightly
stemmed, with synonyms and spellings folded ("truce" = "ceasefire", "ouster" =
"overthrow" = "fall", "defence" = "defense"), weighted by rarity (IDF) and 1.5 times
near the date phrase (5 words each side). The word similarity is their weighted Dice
overlap, or that of the near words alone when higher; the similarity blends it 70/30
with the Jaccard overlap of the actor sets when both events name actors. A merge needs
at least 2 shared content words, a word similarity of 0.2 and a similarity of 0.35. One
exception: a shared one-off happening word (ceasefire, overthrow, invasion, coup,
resignation, election, referendum, annexation, assassination, inauguration,
independence) next to both date phrases is enough when both name an actor in common,
or when one names none and both give the same day. Never merged: two events naming
actors with none in common, two events of the same article, dates vaguer than a year.
The merged event cites every source in source order (each keeps its own sentence and
date phrase) and takes the most precise date they agree on.

Conflicts. Sources that tell clearly the same happening on incompatible dates no more
than 7 days apart ("13 July" and "the week of 14 July", "8 December" and "9 December")
are merged too, but only when the word similarity is at least 0.6 on 3 or more shared
content words and both name actors with a Jaccard overlap of at least 0.5. The event's
date is the one given by most independent sources (a source's date also supports every
finer date inside it), ties going to the most precise, then the earliest; the other
dates are kept in `conflicts` and a "conflict" problem names the articles and dates.
All thresholds are fields of `MergeSettings`. Candidates come from an index of
(month, content word), so each event is compared with a bounded number of others and a
build stays near-linear in the number of events.

Key dates. Each event counts for its calendar day (or its own value when it is coarser
than a day: a week, a month, a year; decades and centuries never count). Dates are
ranked by the number of independent sources reporting events on them (distinct article
`source`, or distinct articles when the source is missing), then by the number of
events, then by date. A date needs at least `key_dates.min_sources` sources (default 2);
the site shows the top `key_dates.limit` (12) and an actor page the top
`key_dates.per_actor` (5) over that actor's events. The score is sources + n/(n+1) for n
events, so sources always come first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Sequence

from ..config import SiteConfig
from ..model import Actor, ArticleAnalysis, Event, Timeline, TimelineEvent, TimeValue
from .keydates import key_dates_for_actor, rank_key_dates, source_keys
from .merge import (MergeSettings, SourceEvent, choose_time, cluster_events, prepare,
                    similarity)
from .review import (conflict, low_confidence_actors, no_dateline, sort_problems,
                     unresolved_dates)
from .views import (MonthGroup, YearGroup, co_actors, date_label, events_for_actor,
                    events_per_month, group_by_year_month, sources_for_actor)
from .words import id_words, name_words, sentence_parts

__all__ = [
    "MergeSettings", "MonthGroup", "YearGroup", "build_timeline", "co_actors", "date_label",
    "events_for_actor", "events_per_month", "group_by_year_month", "key_dates_for_actor",
    "sources_for_actor", "event_id_base",
]

SPACES_RE = re.compile(r"\s+")
NOT_ID_RE = re.compile(r"[^a-z0-9]+")


def build_timeline(analyses: Sequence[ArticleAnalysis], actors: Sequence[Actor],
                   config: SiteConfig, settings: MergeSettings | None = None) -> Timeline:
    """The whole chronology of the site (see the module docstring for the rules)."""
    settings = settings or MergeSettings()
    articles = sort_articles(analyses)
    sources = source_keys(articles)
    ordered = source_events(articles)
    items = prepare([(event, sources[analysis_slug]) for analysis_slug, event in ordered],
                    {a.article.slug: [(m.start, m.end) for m in a.mentions if m.end > m.start]
                     for a in articles},
                    {a.slug: name_words(a.name, a.slug.replace("-", " "), *a.aliases) for a in actors},
                    settings, {a.article.slug: [t for t in a.timexes if t.time.anchored] for a in articles},
                    {a.article.slug: [(m.start, m.end, m.actor) for m in a.mentions] for a in articles})
    if config.merge_events:
        clusters = cluster_events(items, settings)
    else:
        clusters = [[i] for i in range(len(items)) if not items[i].secondary]
    drafts = sorted((draft_event(items, members, settings) for members in clusters),
                    key=lambda pair: pair[0])
    events = tuple(assign_ids(drafts))
    by_slug = {a.article.slug: a for a in articles}
    problems = [p for a in articles for p in a.problems]
    for analysis in articles:
        problems += no_dateline(analysis) + unresolved_dates(analysis)
    problems += [p for p in (conflict(e, by_slug) for e in events) if p is not None]
    problems += low_confidence_actors(actors, articles, config.content_dir)
    rule = config.key_dates
    return Timeline(
        events=events,
        actors=tuple(sorted({a.slug: a for a in actors}.values(), key=lambda a: a.slug)),
        articles=tuple(articles),
        key_dates=rank_key_dates(events, sources, rule.min_sources, rule.limit),
        problems=sort_problems(problems),
        extra={"source_events": sum(not i.secondary for i in items), "merged_events": sum(len(c) > 1 for c in clusters),
               "conflicts": sum(bool(e.conflicts) for e in events)},
    )


def sort_articles(analyses: Sequence[ArticleAnalysis]) -> list[ArticleAnalysis]:
    """By dateline date (undated last), then slug."""
    return sorted(analyses, key=lambda a: (a.dateline.date is None, a.dateline.date or date.min,
                                           a.article.slug))


def source_events(articles: Sequence[ArticleAnalysis]) -> list[tuple[str, Event]]:
    """(article slug, event) for every anchored event, in source order."""
    out = []
    for analysis in articles:
        events = sorted(analysis.events, key=lambda e: (e.sentence.start, e.timex.start,
                                                        e.timex.end, e.id))
        out += [(analysis.article.slug, e) for e in events if e.time.anchored]
    return out


def sentence_text(event: Event) -> str:
    return SPACES_RE.sub(" ", event.sentence.text).strip()


def draft_event(items: Sequence[SourceEvent], members: Sequence[int],
                settings: MergeSettings) -> tuple[tuple, TimelineEvent]:
    """(sort key, timeline event with its id still empty) from cluster members given in
    source order."""
    cited = [items[m] for m in members]
    if len(cited) == 1:
        time, conflicts = cited[0].time, ()
    else:
        time, conflicts = choose_time(cited)
    headline = pick_headline(cited, time, settings)
    counts = Counter(a for c in cited for a in dict.fromkeys(c.event.actors))
    actors = tuple(sorted(counts, key=lambda a: (-counts[a], a)))
    event = TimelineEvent(id="", time=time, text=sentence_text(headline.event), actors=actors,
                          citations=tuple(c.event for c in cited), conflicts=conflicts)
    return event_order(time, cited[0].order), event


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

    return max(giving, key=lambda c: (typicality(c), -c.order))


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


def assign_ids(drafts: Sequence[tuple[tuple, TimelineEvent]]) -> list[TimelineEvent]:
    """Ids for events in timeline order; a repeated id gets "-2", "-3"... in that order."""
    used: set[str] = set()
    out = []
    for _, event in drafts:
        base = event_id_base(event)
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        out.append(replace(event, id=candidate))
    return out
