"""The search index's records: one per event, article and actor.

Each record is a small HTML document rendered with the theme's ``_search_record.html``
and handed to Pagefind (generator/search.py) with the URL its result leads to; records are
never pages of the site. An event is a record of its own, so a query finds the event (its
place on the home timeline, or on its year page) rather than the page that lists a
thousand of them, and the filters (actor, source, year) narrow events, not pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import jinja2

from ..config import SiteConfig
from ..model import Actor, ArticleAnalysis, Timeline, TimelineEvent, TimeValue
from ..search import SearchDocument
from . import urls
from .body import public_text, shown_dateline
from .views import Views

RECORD_TEMPLATE = "_search_record.html"
FILTERS = ("actor", "source", "year")  # the filter names the search box offers, in its order


@dataclass(frozen=True)
class SearchRecord:
    """What the record template sees."""

    url: str  # root-relative: "#e-...", "years/2025/#e-...", "articles/<slug>/", "actors/<slug>/"
    kind: str  # "event" | "article" | "actor"
    title: str
    date: str = ""  # the date as shown, or ""
    text: tuple[str, ...] = ()  # paragraphs of plain text to index
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, values), names from FILTERS


def records(timeline: Timeline, views: Views,
            event_url: Callable[[str], str]) -> list[SearchRecord]:
    """Every record in a fixed order (events, articles, actors, each in timeline order), so
    the same site gives the same index."""
    out = [event_record(e, views, event_url(e.id)) for e in timeline.events]
    out += [article_record(a, views) for a in timeline.articles]
    out += [actor_record(a) for a in timeline.actors]
    return out


def documents(records: Iterable[SearchRecord], config: SiteConfig,
              env: jinja2.Environment) -> list[SearchDocument]:
    template = env.get_template(RECORD_TEMPLATE)
    return [SearchDocument(r.url, template.render(site=config, record=r)) for r in records]


def event_record(event: TimelineEvent, views: Views, url: str) -> SearchRecord:
    actors = tuple(views.actor_name(s) for s in event.actors if s in views.actors)
    tellings = tuple(dict.fromkeys(c.sentence.text.strip() for c in event.citations))
    sources = _distinct(views.articles[a].article.source for a in event.articles if a in views.articles)
    label = views.label(event.time)
    return SearchRecord(
        url=url, kind="event", title=event.text.strip(), date=label,
        text=(label,) + tuple(t for t in tellings if t != event.text.strip()) + (", ".join(actors + sources),),
        filters=_filters(actors, sources, (str(event.time.start.year),) if event.time.start else ()))


def article_record(analysis: ArticleAnalysis, views: Views) -> SearchRecord:
    article, dateline = analysis.article, analysis.dateline
    actors = _distinct(views.actor_name(m.actor) for m in analysis.mentions if m.actor in views.actors)
    byline = ", ".join(part for part in (article.source, article.author) if part)
    head = tuple(part for part in (byline, shown_dateline(dateline.text)) if part)
    return SearchRecord(
        url=urls.pretty(urls.article_page(article.slug)), kind="article", title=article.title,
        date=views.label(TimeValue(dateline.date.isoformat(), "DATE", "day", dateline.date, dateline.date))
        if dateline.date else "",
        text=head + tuple(public_text(analysis)),
        filters=_filters(sorted(actors, key=str.casefold), (article.source,) if article.source else (),
                         (str(dateline.date.year),) if dateline.date else ()))


def actor_record(actor: Actor) -> SearchRecord:
    aliases = tuple(a for a in actor.aliases if a != actor.name)
    return SearchRecord(
        url=urls.pretty(urls.actor_page(actor.slug)), kind="actor", title=actor.name,
        text=tuple(part for part in (", ".join(aliases), actor.description) if part),
        filters=_filters((actor.name,), (), ()))


def _filters(actors: Iterable[str], sources: Iterable[str], years: Iterable[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    values = dict(zip(FILTERS, (tuple(actors), tuple(sources), tuple(years))))
    return tuple((name, values[name]) for name in FILTERS if values[name])


def _distinct(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))
