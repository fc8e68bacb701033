"""What each page is made of: equal inputs, equal page.

A page is a function of the data it shows and of what every page shows (the cast's names,
the story window, the pictures, whether the home timeline is split). ``page_inputs`` names
that data per page record as plain values: ``annals serve`` compares them with the last
run's (unchanged events and analyses are the very same objects, so the comparison is cheap),
and ``annals build`` turns them into digests (``InputDigests``) that its cache keeps beside
the file each page was written to, so an unchanged page is linked from the last output
instead of rendered again. Site-wide pages (home, indexes, key dates, embed, 404, review)
show the whole chronology: they have no inputs here and are always made again.

What a page reads and its inputs must agree: tests/site/test_incremental.py edits sites at
random and compares incremental builds with clean ones, file by file.
"""

from __future__ import annotations

import hashlib
from operator import is_
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from ..chronology.keydates import published_dates, source_key
from ..media import Media
from ..model import ArticleAnalysis, Event, Timeline, TimelineEvent
from .pages import PageRecord
from .paging import EventChanges, Paging


@dataclass(frozen=True)
class PageInputs:
    shared: tuple  # what every page depends on
    pages: Mapping[str, tuple]  # by path: what that page shows (site-wide pages are absent)
    citing: Mapping[str, list] = field(default_factory=dict, compare=False)  # article -> events citing it, in order
    faces: Mapping[str, str] = field(default_factory=dict, compare=False)  # article -> what other pages show of it


class InputsMemo:
    """What page_inputs worked out last run, by the identity of what it was made from: each
    article's face, the datelines' text and each scope's list of sources. Empty: work it
    out again (the same values)."""

    def __init__(self) -> None:
        self.faces: dict[int, tuple[ArticleAnalysis, str, str]] = {}  # id -> (analysis, face, source key)
        self.by_slug: dict[str, str] = {}  # each article's face
        self.datelines: tuple | None = None  # (source keys, publication dates, their text)
        self.sources: dict[tuple, tuple] = {}  # scope -> (its events, how many of them cite each article, its sources)
        self.events: tuple | None = None  # the timeline's events, of which:
        self.citing: dict[str, list] = {}  # the articles' citing events (citing_index)
        self.pages: dict[str, tuple] = {}  # each page's inputs
        self.phrases: dict[int, tuple] = {}  # the events timeline_links read last run: their phrases


def page_inputs(timeline: Timeline, paging: Paging, records: tuple[PageRecord, ...] | list[PageRecord],
                media: Media, memo: InputsMemo | None = None) -> PageInputs:
    articles = {a.article.slug: a for a in timeline.articles}
    remember = memo is not None  # else no next run: keep no counts (a build holds all pages' inputs at once)
    memo = memo if memo is not None else InputsMemo()
    changes = paging.changes if paging.changes is not None and memo.events is paging.changes.before else None
    citing, touched = citing_index(timeline, changes, memo.citing if changes is not None else None)
    faces: dict[str, str] = {}
    keys: dict[str, str] = {}
    known_faces = {}
    for slug, analysis in articles.items():
        known = memo.faces.get(id(analysis))
        if known is None or known[0] is not analysis:
            known = (analysis, article_face(analysis), source_key(analysis))
        known_faces[id(analysis)] = known
        faces[slug] = known[1]
        keys[slug] = known[2]
    # Actor pages rank their own key dates, which weigh every article's outlet and date.
    days = published_dates(timeline.articles)
    if memo.datelines is None or memo.datelines[0] != keys or memo.datelines[1] != days:
        memo.datelines = (keys, days, repr((sorted(keys.items()), sorted(days.items()))))
    datelines = memo.datelines[2]
    # the articles whose face may differ from last run's (a face made again counts)
    moved = {s for s, f in faces.items() if memo.by_slug.get(s) is not f and memo.by_slug.get(s) != f} \
        | (memo.by_slug.keys() - faces.keys())
    memo.faces, memo.by_slug = known_faces, faces
    sources_of: dict[tuple, tuple] = {}

    def sources(key: tuple, events: tuple[TimelineEvent, ...]) -> tuple[str, ...]:
        if key not in sources_of:
            known = memo.sources.get(key)
            if known is None and not remember:
                found = {s for e in events for s in e.articles}
                known = (events, None, tuple(faces[s] for s in sorted(found) if s in faces))
            elif known is None:
                cited: dict[str, int] = {}  # article -> the scope's events citing it
                for event in events:
                    for slug in event.articles:
                        cited[slug] = cited.get(slug, 0) + 1
                known = (events, cited, tuple(faces[s] for s in sorted(cited) if s in faces))
            elif not same(known[0], events, changes) or not moved.isdisjoint(known[1]):
                # the events that came and went change the counts; the list only when one
                # article comes or goes, or its face changed
                # what came and went is among what the timeline changed (a scope's rule for
                # its events is the same as last run's: the year pages' keys say whether split)
                came = changes.came_into(events) if changes is not None else None
                went = changes.went_from(known[0]) if changes is not None else None
                if came is None or went is None:
                    now, before = set(map(id, events)), set(map(id, known[0]))
                    came = [e for e in events if id(e) not in before]
                    went = [e for e in known[0] if id(e) not in now]
                cited = dict(known[1])
                changed = not moved.isdisjoint(cited)
                for event in came:  # first: an edited article's new events replace its old ones
                    for slug in event.articles:
                        changed |= slug not in cited
                        cited[slug] = cited.get(slug, 0) + 1
                for event in went:
                    for slug in event.articles:
                        cited[slug] -= 1
                        if not cited[slug]:
                            del cited[slug]
                            changed = True
                changed |= not moved.isdisjoint(cited)
                known = (events, cited, tuple(faces[s] for s in sorted(cited) if s in faces) if changed else known[2])
            sources_of[key] = known
        return sources_of[key][2]

    pages: dict[str, tuple] = {}
    # timeline_links' phrases: an edit touches the same articles' pages save after save, whose
    # events (the same objects when unchanged) were read last run
    phrases: dict = {}
    last_phrases = memo.phrases if changes is not None else {}
    last_pages = memo.pages if changes is not None else {}
    indexes: dict[str | None, tuple] = {}  # scope -> its year index
    for record in records:
        kind, actor = record.kind, record.actor
        if record.site_wide:
            continue
        if kind == "article":
            slug = str(record.article)
            before = last_pages.get(record.path)
            if before is not None and before[1] is articles[slug] and slug not in touched:
                pages[record.path] = before  # the same analysis, cited by the same events
            else:
                pages[record.path] = (kind, articles[slug], timeline_links(slug, citing.get(slug, ()), paging, phrases,
                                                                                   last_phrases))
        elif kind in ("actor", "actor-embed"):
            events = paging.events(actor)
            if paging.split(actor):  # it lists the sources of its latest events only: a few, counted here
                cited = {slug for event in paging.latest(actor) for slug in event.articles}
                listed = tuple(faces[s] for s in sorted(cited) if s in faces)
            else:
                listed = sources(("actor", actor), events)
            pages[record.path] = (kind, actor, events, listed, datelines)
        elif kind in ("year", "embed-year"):  # a year page of a split timeline, full or embed
            key = str(record.year)
            years = paging.years(actor)
            events = paging.year_own(key, actor)
            index = indexes.get(actor)  # the year links and neighbours
            if index is None:
                index = indexes[actor] = tuple((k, len(v)) for k, v in years.items())
            months = tuple((k, len(v)) for k, v in paging.months(key, actor).items())
            pages[record.path] = (kind, actor, key, events, index, months,
                                  sources(("year", actor, key, paging.split_year(key, actor)), events))
        else:  # a month page of a year split by month, full or embed
            month = str(record.year)
            events = paging.months(month[:4], actor)[month]
            months = tuple((k, len(v)) for k, v in paging.months(month[:4], actor).items())
            total = len(paging.events(actor))
            pages[record.path] = (kind, actor, month, events, months, total,
                                  sources(("month", actor, month), events))
    memo.sources = sources_of if remember else {}
    if remember:
        memo.events, memo.citing, memo.pages, memo.phrases = timeline.events, citing, pages, phrases
    # every page links events on the home timeline: to its year and month pages
    shared = (timeline.actors, timeline.story, paging.split(None), paging.split_years(None), media.articles)
    return PageInputs(shared, pages, citing, faces)


def same(a: tuple, b: tuple, changes: EventChanges | None = None) -> bool:
    """The same events in the same order (``changes``: a of the last timeline, b of this
    one, under the same rule: the same when none of what came and went is in them)."""
    if a is b:
        return True
    if changes is not None and changes.went_from(a) is not None:
        return len(a) == len(b) and not changes.came_into(b) and not changes.went_from(a)
    return len(a) == len(b) and all(map(is_, a, b))


def citing_index(timeline: Timeline, changes: EventChanges | None,
                 last: Mapping[str, list[TimelineEvent]] | None) -> tuple[dict[str, list[TimelineEvent]], set[str]]:
    """Article slug -> the events citing it, in timeline order, and the articles whose
    list may differ from ``last``'s (the last run's index, when ``changes`` says what
    events came and went since: only the articles they cite get a new list)."""
    if changes is None or last is None:
        citing: dict[str, list[TimelineEvent]] = {}
        for event in timeline.events:
            for slug in event.articles:
                citing.setdefault(slug, []).append(event)
        return citing, set(citing) | (set(last) if last is not None else set())
    touched = {slug for e in changes.gone + changes.added for slug in e.articles}
    citing = dict(last)
    for slug in touched:
        events = changes.patch(tuple(last.get(slug, ())), [e for e in changes.added if slug in e.articles])
        if events:
            citing[slug] = list(events)
        else:
            citing.pop(slug, None)
    return citing, touched


def timeline_links(slug: str, events: Sequence[TimelineEvent], paging: Paging,
                   phrases: dict[int, tuple[TimelineEvent, dict[str, tuple[int, ...]]]] | None = None,
                   last: Mapping[int, tuple[TimelineEvent, dict[str, tuple[int, ...]]]] | None = None) -> tuple:
    """What an article page shows of the timeline events citing it: the page and id each
    links to, and which of the article's date phrases each cites (the first event citing a
    phrase is the one its highlight links to). Not their other sources: an edit of one of
    those leaves the page as it was. ``phrases``: each event's phrases by article, shared by
    the calls of one run (an event told by 200 articles is asked about by each); ``last``:
    those of the last run, taken over for the events it had."""
    phrases = {} if phrases is None else phrases
    last = last or {}
    out = []
    for event in events:
        known = phrases.get(id(event))
        if known is None or known[0] is not event:
            known = last.get(id(event))
            if known is None or known[0] is not event:
                by_article: dict[str, list[int]] = {}
                for citation in event.citations:
                    by_article.setdefault(citation.article, []).append(citation.timex.start)
                known = (event, {a: tuple(s) for a, s in by_article.items()})
            phrases[id(event)] = known
        out.append((event.id, paging.page_of(event), known[1].get(slug, ())))
    return tuple(out)


def article_face(analysis: ArticleAnalysis) -> str:
    """What other pages show of an article (its citations, the sources lists): an edit of
    its body changes its own page, and theirs only through the events they list."""
    article, dateline = analysis.article, analysis.dateline
    return repr((article.slug, article.title, article.source, article.author, article.url, article.lang,
                 article.date, dateline.date, dateline.text, len(analysis.events)))


class InputDigests:
    """Stable digests of page inputs, the same in every process (never ``hash()``, which
    is salted per process), each event's and analysis's computed once per run.

    An analysis is a function of its article (whose digest the article cache made already)
    and of the settings (in ``environment``); the cast's slugs are what the timeline changed
    in it. A source event is named by what pages show of it: its article's face, its id,
    sentence and date phrase (where the phrase is in the sentence, not in the article), and
    what the timeline set in it (actors, places) or may correct (its date). So an edit of
    one sentence changes the pages listing that sentence's events, not those listing the
    article's other events."""

    def __init__(self, environment: str, faces: Mapping[str, str] | None = None,
                 memo: dict[int, tuple[object, bytes]] | None = None):
        self.environment = environment  # what no input names: code, settings, theme, config
        self.faces = faces or {}  # slug -> what pages show of the article (article_face)
        self._last = memo or {}  # the digests of the last run's parts (the build server's)
        self._by_id: dict[int, tuple[object, bytes]] = {}

    def used(self) -> dict[int, tuple[object, bytes]]:
        """The digests of this run's parts, for the next run (made with the same environment)."""
        return self._by_id

    def remember(self, values: Iterable[Any]) -> None:
        """Digest ``values`` now (each is then known for the rest of this run and the next)."""
        for value in values:
            self.of(value)

    def pages(self, inputs: PageInputs) -> dict[str, str]:
        shared = self._digest(self.environment.encode(), self.of(inputs.shared))
        return {path: self._digest(shared, self.of(made_of)).hex() for path, made_of in inputs.pages.items()}

    def of(self, value: Any) -> bytes:
        if isinstance(value, (tuple, TimelineEvent, ArticleAnalysis, str)):
            # Pages share their parts (an actor's events, its sources' faces, the datelines'
            # text of every article): each once per run, and again only when it is another object.
            key = id(value)
            known = self._by_id.get(key)
            if known is not None and known[0] is value:  # the exports ask 300,000 times
                return known[1]
            known = self._last.get(key)
            if known is None or known[0] is not value:
                known = (value, self._compound(value))
            self._by_id[key] = known
            return known[1]
        if isinstance(value, dict):
            return self._digest(b"{", *(self._digest(self.of(k), self.of(v)) for k, v in value.items()))
        return self._digest(repr(value).encode("utf-8", "surrogatepass"))

    def _compound(self, value: tuple | TimelineEvent | ArticleAnalysis | str) -> bytes:
        if isinstance(value, str):
            return self._digest(repr(value).encode("utf-8", "surrogatepass"))
        if isinstance(value, tuple):
            return self._digest(b"(", *(self.of(v) for v in value))
        if isinstance(value, TimelineEvent):
            own = repr((value.id, value.time, value.text, value.actors, value.conflicts, value.corrections,
                        value.scheduled))
            return self._digest(own.encode("utf-8", "surrogatepass"), *(self._source(c) for c in value.citations))
        slugs = repr((value.mentions, tuple((e.actors, e.places) for e in value.events)))
        return self._digest(value.article.digest.encode(), slugs.encode("utf-8", "surrogatepass"))

    def _source(self, event: Event) -> bytes:
        face = self.faces.get(event.article)
        if face is None:  # not an article of this timeline: by its whole repr
            return self._digest(repr(event).encode("utf-8", "surrogatepass"))
        # Its words and date, not where they are in the article: an edit elsewhere in the
        # body moves them without changing the pages that quote them.
        sentence, timex = event.sentence, event.timex
        told = repr((event.id, sentence.text, timex.start - sentence.start, timex.end - sentence.start,
                     timex.text, timex.time, event.actors, event.places, event.scheduled))
        return self._digest(face.encode("utf-8", "surrogatepass"), told.encode("utf-8", "surrogatepass"))

    @staticmethod
    def _digest(*parts: bytes) -> bytes:
        h = hashlib.blake2b(digest_size=20)
        for part in parts:
            h.update(len(part).to_bytes(8, "little"))
            h.update(part)
        return h.digest()
