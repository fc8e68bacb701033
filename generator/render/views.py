"""What templates see: small view objects built from the Timeline, links as root-relative URLs.

Templates turn root-relative URLs ("actors/x/") into page-relative ones with ``href()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from markupsafe import Markup

from ..chronology.keydates import source_key
from ..i18n import dates as i18n_dates
from ..i18n.catalogs import N_, language as interface_language, text_direction
from ..media import Image
from ..model import Actor, ArticleAnalysis, Event, KeyDate, Timeline, TimelineEvent, TimeValue
from . import chrono
from .body import marked_sentence, shown_dateline

if TYPE_CHECKING:
    from .cards import EventMemo

KIND_ORDER = ("country", "person", "organisation", "group", "place")
KIND_TITLES = {"country": N_("Countries"), "person": N_("People"), "organisation": N_("Organisations"),
               "group": N_("Groups"), "place": N_("Places")}
KIND_NAMES = {"country": N_("Country"), "person": N_("Person"), "organisation": N_("Organisation"),
              "group": N_("Group"), "place": N_("Place")}
# HTML's <time datetime> accepts these forms of TIMEX values as they are.
HTML_DATETIME_GRANULARITIES = ("time", "day", "week", "month", "year")
HTML_DATETIME = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?|-W\d{2})?")


@dataclass(frozen=True, slots=True)
class Citation:
    article: str
    title: str
    outlet: str
    target: str  # root-relative: "articles/<slug>/#<citation id>"
    sentence: Markup
    label: str  # the date as this source gives it
    lang: str | None = None  # the article's language, when not the site's (a lang attribute)


@dataclass(frozen=True, slots=True)
class EventView:
    id: str
    datetime: str
    label: str
    granularity: str
    start: str  # ISO day range, for the embed page's from/to filter
    end: str
    text: Markup
    actors: tuple[tuple[str, str], ...]  # (slug, name)
    citations: tuple[Citation, ...]
    conflicts: tuple[str, ...]  # date labels the sources disagree on, the event's own first
    gutter: tuple[str, str] = ("", "")  # the date gutter's two lines (i18n.dates.gutter)
    sources: int = 1  # independent sources: distinct outlets (else articles) among the citations
    corrected: tuple[str, ...] = ()  # what the editor corrected: "date", "headline", "merged with ..."
    scheduled: bool = False  # planned or due, not yet happened (as its sources tell it)
    image: Image | None = None  # the event's picture (media.event_images)
    lang: str | None = None  # the headline's language, when not the site's
    dir: str | None = None  # and its writing direction, when not the site's

    @property
    def merged(self) -> bool:
        """Told by more than one article."""
        return len(self.citations) > 1

    @property
    def actor_slugs(self) -> str:
        return " ".join(slug for slug, _ in self.actors)


class LazyEventView:
    """An event as a timeline list shows it: its EventView, made when something reads it.
    A card kept for the very same event (cards.py) is shown without it: a build after an
    edit lists tens of thousands of events whose views it need not make again."""

    __slots__ = ("event", "_views", "_view")

    def __init__(self, event: TimelineEvent, views: "Views"):
        self.event, self._views, self._view = event, views, None

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def picture(self) -> Image | None:
        return self._views.images.get(self.event.id)

    def cited(self) -> tuple[ArticleAnalysis | None, ...]:
        """The analyses of the articles the event cites, which its view shows."""
        return tuple(self._views.articles.get(c.article) for c in self.event.citations)

    def made(self) -> EventView:
        if self._view is None:
            self._view = self._views.event(self.event)
        return self._view

    def __getattr__(self, name: str):
        if name.startswith("_"):  # never the view's: a copy without its slots set, a protocol probe
            raise AttributeError(name)
        return getattr(self.made(), name)


@dataclass(frozen=True)
class MonthGroup:
    id: str
    title: str
    events: tuple[LazyEventView, ...]
    whole_year: bool = False  # events vaguer than a month, not a calendar month
    short: str = ""  # the month's abbreviated name ("Jul"), for the jump links


@dataclass(frozen=True)
class YearGroup:
    id: str
    title: str
    months: tuple[MonthGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(m.events) for m in self.months)


@dataclass(frozen=True)
class Background:
    """Events before the story window: a collapsed section at the end of a timeline."""

    groups: tuple[YearGroup, ...]
    count: int
    before: str  # "December 2024": the month the story starts


@dataclass(frozen=True)
class KeyDateView:
    label: str
    datetime: str
    sources: int
    events: tuple[EventView, ...]


@dataclass(frozen=True)
class ActorView:
    slug: str
    name: str
    kind: str
    description: str
    aliases: tuple[str, ...]
    member_of: tuple[tuple[str, str], ...]
    origin: str
    confidence: float
    count: int
    first: EventView | None
    last: EventView | None
    kind_label: str = ""  # "Country", "Pays": the kind as the page's kicker shows it


@dataclass(frozen=True)
class KindGroup:
    kind: str
    title: str
    actors: tuple[ActorView, ...]


class Views:
    """Lookups over one Timeline, and the view objects built from it."""

    def __init__(self, timeline: Timeline, language: str, images: dict[str, Image] | None = None,
                 memo: "EventMemo | None" = None,
                 scopes: Callable[[str], tuple[TimelineEvent, ...]] | None = None):
        self.timeline = timeline
        # an actor's events in timeline order (the paging's scopes: not a walk of every event)
        self.scopes = scopes or (lambda slug: chrono.events_for_actor(timeline, slug))
        self.language = language
        self.lang = interface_language(language)
        self.images = images or {}
        self.actors = {a.slug: a for a in timeline.actors}
        self.articles = {a.article.slug: a for a in timeline.articles}
        self.events = {e.id: e for e in timeline.events}
        self._event_views: dict[str, EventView] = {}
        self._labels: dict[TimeValue, str] = {}
        self._summaries: dict[str, tuple[ArticleAnalysis, dict]] = {}  # an actor page lists thousands of articles  # a few hundred distinct dates label 100,000 phrases
        # (article, date phrase start) -> the timeline event citing that phrase. A sentence's
        # second date may be cited by another happening than its first, so the phrase, not
        # the sentence's event id, says which timeline event a citation belongs to.
        self.timeline_event_at = PhraseEvents(timeline.events)
        self.memo = memo  # cards made by the last run with the same environment (cards.py)
        if memo is not None:
            memo.start(timeline.events, timeline.actors)

    def label(self, time: TimeValue) -> str:
        label = self._labels.get(time)
        if label is None:
            label = self._labels[time] = i18n_dates.date_label(time, self.lang)
        return label

    def summary(self, analysis: ArticleAnalysis) -> dict:
        """What pages show of an article in a list (the same dict on every page: read-only)."""
        slug = analysis.article.slug
        found = self._summaries.get(slug)
        if found is None or found[0] is not analysis:  # an edited article's analysis is another
            found = self._summaries[slug] = (analysis, _summary(analysis, self.lang))
        return found[1]

    def other_language(self, slug: str) -> str | None:
        """The article's language when it is not the site's: text quoted from it needs a
        lang attribute of its own."""
        analysis = self.articles.get(slug)
        lang = analysis.article.lang if analysis else None
        return lang if lang and lang != self.language else None

    def actor_name(self, slug: str) -> str:
        actor = self.actors.get(slug)
        return actor.name if actor else slug

    def outlet(self, slug: str) -> str:
        analysis = self.articles.get(slug)
        if analysis is None:
            return slug
        return analysis.article.source or analysis.article.title

    # Events -------------------------------------------------------------------------------

    def event(self, event: TimelineEvent) -> EventView:
        view = self._event_views.get(event.id)
        if view is None:
            view = self._event_views[event.id] = self._build_event(event)
        return view

    def shown(self, event: TimelineEvent) -> LazyEventView:
        """The event as a list shows it: its view made only if its card is not kept."""
        return LazyEventView(event, self)

    def _build_event(self, event: TimelineEvent) -> EventView:
        time = event.time
        conflicts = ()
        if event.conflicts:
            labels = [self.label(time)] + [self.label(t) for t in event.conflicts]
            conflicts = tuple(dict.fromkeys(labels))
        headline_from = self._headline_article(event)
        lang = self.other_language(headline_from) if headline_from else None
        direction = text_direction(lang) if lang else None
        citations = tuple(self._citation(c) for c in event.citations)
        return EventView(
            id=event.id,
            datetime=html_datetime(time),
            label=self.label(time),
            granularity=time.granularity or "",
            start=time.start.isoformat() if time.start else "",
            end=time.end.isoformat() if time.end else "",
            text=self._headline(event, citations),
            actors=tuple((slug, self.actor_name(slug)) for slug in event.actors if slug in self.actors),
            citations=citations,
            conflicts=conflicts,
            gutter=i18n_dates.gutter(time, self.lang),
            sources=len({self._source_key(c.article) for c in event.citations}),
            image=self.images.get(event.id),
            corrected=event.corrections,
            scheduled=event.scheduled,
            lang=lang,
            dir=direction if direction != self.lang.direction else None,
        )

    def _source_key(self, slug: str) -> str:
        analysis = self.articles.get(slug)
        return source_key(analysis) if analysis else f"article:{slug}"

    def _headline_article(self, event: TimelineEvent) -> str | None:
        """The article the headline sentence is quoted from, None when it is no source's
        sentence (an editor's headline from corrections.yaml is in the site's language)."""
        for citation in event.citations:
            if citation.sentence.text.strip() == event.text.strip():
                return citation.article
        return None

    def _headline(self, event: TimelineEvent, citations: tuple[Citation, ...]) -> Markup:
        # The headline is one of the citations' sentences: mark the date phrase in it (the
        # very markup of that citation's view, which the page cache holds once).
        for citation, view in zip(event.citations, citations):
            if citation.sentence.text.strip() == event.text.strip():
                return view.sentence
        if event.citations:
            return marked_sentence(event.citations[0], event.text)
        return Markup.escape(event.text)

    def _citation(self, event: Event) -> Citation:
        analysis = self.articles.get(event.article)
        title = analysis.article.title if analysis else event.article
        return Citation(article=event.article, title=title, outlet=self.outlet(event.article),
                        target=f"articles/{event.article}/#{event.id}",
                        sentence=marked_sentence(event), label=self.label(event.time),
                        lang=self.other_language(event.article))

    def groups(self, events: tuple[TimelineEvent, ...] | list[TimelineEvent],
               newest: bool = False, prefix: str = "") -> list[YearGroup]:
        """Events grouped by year, then month, in timeline order (chronology's grouping:
        events vaguer than a season or quarter get a group of their own before the months);
        all of it reversed when `newest` comes first. `prefix` keeps the ids of a second
        list on the page (the background) apart from the first's."""
        years = [YearGroup(
            f"{prefix}year-{year.year}", str(year.year),
            tuple(MonthGroup(f"{prefix}month-{m.key}" if m.month else f"{prefix}year-{m.key}-whole",
                             m.label if m.month else self.lang.gettext(
                                 "%(year)s, no exact month", year=m.label),
                             tuple(self.shown(e) for e in m.events), m.month is None,
                             i18n_dates.month_name(m.month, self.lang, "abbreviated") if m.month else "")
                  for m in year.months))
            for year in chrono.group_by_year_month(list(events), self.language)]
        if not newest:
            return years
        return [YearGroup(y.id, y.title, tuple(
            MonthGroup(m.id, m.title, m.events[::-1], m.whole_year, m.short) for m in y.months[::-1]))
            for y in years[::-1]]

    def timeline_parts(self, events: tuple[TimelineEvent, ...], newest: bool) -> dict[str, object]:
        """What a timeline page lists: the story (events from the story window on) grouped
        by year and month, and the background before it (see chronology.story), which the
        page shows last, collapsed."""
        story, background = chrono.split_background(events, self.timeline.story)
        window = self.timeline.story
        return {
            "groups": self.groups(story, newest),
            "background": Background(
                tuple(self.groups(background, newest, prefix="background-")), len(background),
                i18n_dates.month_label(window.start.year, window.start.month, self.lang))
            if background and window else None,
        }

    # Actors -------------------------------------------------------------------------------

    def actor(self, actor: Actor) -> ActorView:
        events = self.scopes(actor.slug)
        return ActorView(
            slug=actor.slug, name=actor.name, kind=actor.kind, description=actor.description,
            aliases=tuple(a for a in actor.aliases if a != actor.name),
            member_of=tuple((s, self.actor_name(s)) for s in actor.member_of if s in self.actors),
            origin=actor.origin, confidence=actor.confidence, count=len(events),
            kind_label=self.lang.gettext(KIND_NAMES[actor.kind]) if actor.kind in KIND_NAMES
            else actor.kind.capitalize(),
            first=self.event(events[0]) if events else None,
            last=self.event(done[-1]) if (done := [e for e in events if not e.scheduled]) else None,
        )

    def actors_by_kind(self) -> list[KindGroup]:
        kinds = sorted({a.kind for a in self.timeline.actors},
                       key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER), k))
        return [KindGroup(kind, self.lang.gettext(KIND_TITLES[kind]) if kind in KIND_TITLES
                          else kind.capitalize() or self.lang.gettext("Other"),
                          tuple(self.actor(a) for a in sorted(
                              (a for a in self.timeline.actors if a.kind == kind),
                              key=lambda a: (a.name.casefold(), a.slug))))
                for kind in kinds]

    def key_date(self, key: KeyDate) -> KeyDateView:
        events = tuple(self.event(self.events[i]) for i in key.events if i in self.events)
        return KeyDateView(self.label(key.time), html_datetime(key.time), key.sources, events)

    # Articles -----------------------------------------------------------------------------

    def article_events(self, analysis: ArticleAnalysis) -> dict[str, str]:
        """The article's event ids (citation ids) -> the timeline event that cites them."""
        slug = analysis.article.slug
        return {e.id: self.timeline_event_at[(slug, e.timex.start)] for e in analysis.events
                if (slug, e.timex.start) in self.timeline_event_at}


class PhraseEvents:
    """(article, date phrase start) -> the id of the first timeline event citing that
    phrase, worked out for an article when it is first asked about (a save shows a page or
    two: working it out for every citation cost more than making them)."""

    def __init__(self, events: tuple[TimelineEvent, ...]):
        self.events = events
        self._citing: Mapping[str, Sequence[TimelineEvent]] | None = None
        self._of: dict[str, dict[int, str]] = {}

    def know_citing(self, citing: Mapping[str, Sequence[TimelineEvent]]) -> None:
        """The events citing each article, in timeline order, as someone already counted them."""
        self._citing = citing

    def _article(self, slug: str) -> dict[int, str]:
        found = self._of.get(slug)
        if found is None:
            if self._citing is None:
                self._citing = {}
                for event in self.events:
                    for article in event.articles:
                        self._citing.setdefault(article, []).append(event)
            found = self._of[slug] = {}
            for event in self._citing.get(slug, ()):
                for citation in event.citations:
                    if citation.article == slug:
                        found.setdefault(citation.timex.start, event.id)
        return found

    def get(self, key: tuple[str, int], default: str | None = None) -> str | None:
        return self._article(key[0]).get(key[1], default)

    def __contains__(self, key: tuple[str, int]) -> bool:
        return key[1] in self._article(key[0])

    def __getitem__(self, key: tuple[str, int]) -> str:
        return self._article(key[0])[key[1]]


def html_datetime(time: TimeValue) -> str:
    """The TIMEX value when HTML's datetime syntax accepts it, else the first day it covers."""
    value = time.value
    if time.granularity in HTML_DATETIME_GRANULARITIES and _valid_html_datetime(value):
        return value
    return time.start.isoformat() if time.start else value


def _valid_html_datetime(value: str) -> bool:
    return bool(HTML_DATETIME.fullmatch(value))


def _summary(analysis: ArticleAnalysis, lang) -> dict:
    article, dateline = analysis.article, analysis.dateline
    return {
        "slug": article.slug,
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "url": article.url,
        "date": dateline.date.isoformat() if dateline.date else None,
        "date_label": i18n_dates.day_label(dateline.date, lang) if dateline.date else None,
        "dateline": shown_dateline(dateline.text),
        "events": len(analysis.events),
    }
