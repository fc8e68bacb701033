"""The page list: one record per HTML page of the URL layout, made in one place.

A ``PageRecord`` says what a page is (its kind, its template, the actor or article it is
about, its year) as well as where it goes, so nothing downstream parses a path back into a
kind: the renderer dispatches on the record, ``annals build`` fingerprints pages by record
(render/inputs.py), ``annals serve`` schedules them by record, and the sitemap lists the
records meant for readers. A ``Page`` is what the templates are told of the page they
render (its title, canonical URL, feed, link preview).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Sequence

from markupsafe import Markup

from ..media import Image
from ..model import Timeline
from . import urls
from .paging import Paging

@dataclass(frozen=True)
class Page:
    """What every template knows about the page it renders."""

    path: str  # output path, e.g. "actors/turkiye/index.html"
    kind: str  # home | actors | actor | article | key-dates | review | embed | 404 | year
    title: str
    canonical: str | None = None
    feed: str | None = None  # root-relative Atom feed of this page
    oembed: str | None = None  # oEmbed discovery URL (absolute when possible)
    noindex: bool = False
    image: Image | None = None  # the picture for link previews (og:image)
    description: str = ""  # for link previews and search engines (else the site's description)
    structured: Markup | None = None  # JSON-LD (structured.py), already escaped for <script>


# kind -> template. "embed" is the home timeline's embed page; an actor's is "actor-embed".
TEMPLATES = {
    "home": "index.html",
    "actors": "actors.html",
    "key-dates": "key_dates.html",
    "review": "review.html",
    "embed": "embed.html",
    "404": "404.html",
    "actor": "actor.html",
    "actor-embed": "embed.html",
    "article": "article.html",
    "year": "year.html",
    "embed-year": "embed.html",
    "month": "year.html",
    "embed-month": "embed.html",
}
# Pages that show the whole chronology or its summaries: made again on every build.
SITE_WIDE = frozenset({"home", "actors", "key-dates", "review", "embed", "404"})
# What a reader (and a search engine) should find, in the sitemap's order.
SITEMAP_KINDS = ("home", "actors", "actor", "article", "key-dates", "year", "month")


@dataclass(frozen=True)
class PageRecord:
    path: str  # output path, e.g. "actors/turkiye/index.html"
    kind: str  # a key of TEMPLATES
    actor: str | None = None  # the actor whose page or timeline it is
    article: str | None = None  # the article it shows
    year: str | None = None  # the year key ("2025" or urls.PERIODS) of a year page, "2025-03" of a month page

    @property
    def template(self) -> str:
        return TEMPLATES[self.kind]

    @property
    def site_wide(self) -> bool:
        return self.kind in SITE_WIDE


class SiteLayout(NamedTuple):
    """Every page's record and the year split they follow: made once by the renderer
    (render.site.PageMaker.layout) and read by whoever lists pages again (the sitemap)."""

    records: Sequence[PageRecord]
    paging: Paging


class RecordMemo:
    """The records page_records made last run (annals serve): a record is a function of
    its article's slug, or of its timeline's year and month keys, so a save that keeps
    them reuses the records instead of making 5,000 again."""

    def __init__(self) -> None:
        self.articles: dict[str, PageRecord] = {}  # slug -> its article page's record
        self.scopes: dict[str | None, tuple[list[str], list[str], list[PageRecord]]] = {}  # scope -> its keys, records


def page_records(timeline: Timeline, paging: Paging, review: bool = False,
                 memo: RecordMemo | None = None) -> tuple[PageRecord, ...]:
    """Every HTML page of the layout for this timeline, in layout order: the site-wide
    pages (review/ only when asked for), the actors', their embeds, the articles', then the
    year pages of the timelines ``paging`` splits. ``memo``: the last run's records, brought
    up to date."""
    records = [PageRecord(urls.HOME, "home"), PageRecord(urls.ACTORS_INDEX, "actors"),
               PageRecord(urls.KEY_DATES, "key-dates")]
    if review:
        records.append(PageRecord(urls.REVIEW, "review"))
    records += [PageRecord(urls.EMBED, "embed"), PageRecord(urls.NOT_FOUND, "404")]
    records += [PageRecord(urls.actor_page(a.slug), "actor", a.slug) for a in timeline.actors]
    records += [PageRecord(urls.actor_embed_page(a.slug), "actor-embed", a.slug) for a in timeline.actors]
    known = memo.articles if memo is not None else {}
    articles = [known.get(a.article.slug) or PageRecord(urls.article_page(a.article.slug), "article",
                                                         article=a.article.slug)
                for a in timeline.articles]
    records += articles
    scopes = {}
    for scope in [None, *(a.slug for a in timeline.actors)]:
        keys = list(paging.years(scope)) if paging.split(scope) else []
        months = [m for k in keys for m in paging.months(k, scope)]
        last = memo.scopes.get(scope) if memo is not None else None
        made = last[2] if last is not None and last[0] == keys and last[1] == months else year_records(paging, scope)
        scopes[scope] = (keys, months, made)
        records += made
    if memo is not None:
        memo.articles = {r.article: r for r in articles}  # type: ignore[misc]
        memo.scopes = scopes
    return tuple(records)


def year_records(paging: Paging, actor: str | None = None) -> list[PageRecord]:
    """The year and month pages of one timeline (full ones, then embeds), none when it is
    unsplit: paging.year_pages' paths, as records."""
    if not paging.split(actor):
        return []
    keys = list(paging.years(actor))
    months = [m for k in keys for m in paging.months(k, actor)]
    return ([PageRecord(urls.year_page(k, actor), "year", actor, year=k) for k in keys]
            + [PageRecord(urls.month_page(m, actor), "month", actor, year=m) for m in months]
            + [PageRecord(urls.year_page(k, actor, embed=True), "embed-year", actor, year=k) for k in keys]
            + [PageRecord(urls.month_page(m, actor, embed=True), "embed-month", actor, year=m) for m in months])


def sitemap_records(records: tuple[PageRecord, ...]) -> list[PageRecord]:
    """The records a reader should find, in the sitemap's order (stable within a kind)."""
    rank = {kind: n for n, kind in enumerate(SITEMAP_KINDS)}
    return sorted((r for r in records if r.kind in rank), key=lambda r: rank[r.kind])
