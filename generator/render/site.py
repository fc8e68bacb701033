"""The renderer: the page list, and pages rendered with a theme's Jinja environment (theme.py).

Pages are rendered one by one from the Timeline (no I/O apart from the theme's own files,
which Jinja and ``static_files`` read), so ``annals serve`` can re-render only the pages an
edit touches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .. import __version__
from ..chronology.changes import EventChanges
from ..chronology.keydates import ActorKeyDates
from ..config import SiteConfig
from ..errors import ContentError
from ..i18n.catalogs import N_, language as interface_language, text_direction
from ..media import Media, event_images
from ..model import ArticleAnalysis, Timeline, TimelineEvent
from ..search import SearchDocument
from . import chrono, urls
from . import search as search_records
from .cards import CardMaker, EventMemo
from .body import Highlight, hidden_spans, markdown_converter, marked_sentence, public_text, render_body
from .editor import dropped_from_body, problem_groups, render_error_page  # noqa: F401 - render_error_page: re-exported
from .pages import Page, PageRecord, RecordMemo, SiteLayout, page_records, year_records  # noqa: F401 - Page: re-exported
from .paging import Paging
from .pictures import body_with_pictures
from .structured import StructuredData, summary
from .timelines import TimelineParts
from .theme import make_environment, static_files, template_frame, utf8_pieces
from .views import Views, html_datetime
from .yearpages import YearPages

EXPORT_LINKS = (  # written by the export module; linked from every page's footer (labels: N_)
    ("feed.xml", N_("Atom feed")),
    ("timeline.json", "JSON"),
    ("timelinejs.json", "TimelineJS"),
    ("timeline.csv", "CSV"),
    ("timeline.ics", "iCalendar"),
)
NAV = (("", N_("Timeline"), "home"), ("key-dates/", N_("Key dates"), "key-dates"),
       ("actors/", N_("Actors"), "actors"))


@dataclass(frozen=True)
class RenderOptions:
    """What kind of build the pages are for."""

    review: bool = False  # build the editors' review/ page (annals build --review, annals serve)
    preview: bool = False  # annals serve: editors' hints where public pages show nothing


# Page list -------------------------------------------------------------------------------

def page_paths(timeline: Timeline, config: SiteConfig | None = None,
               options: RenderOptions | None = None, paging: Paging | None = None) -> list[str]:
    """Every HTML page of the URL layout for this timeline (pages.page_records), with the
    year pages of the timelines ``config``'s ``page_events`` splits (the default setting
    when None); the review page only when ``options`` ask for it."""
    paging = paging or Paging(timeline, config or SiteConfig())
    return [r.path for r in page_records(timeline, paging, bool(options and options.review))]


def year_pages(timeline: Timeline, config: SiteConfig | None = None, actor: str | None = None) -> list[str]:
    """The year pages (full and embed) of the home timeline, or of ``actor``'s: empty when
    that timeline fits one page."""
    return [r.path for r in year_records(Paging(timeline, config or SiteConfig()), actor)]


# Rendering -------------------------------------------------------------------------------

def render_site(timeline: Timeline, config: SiteConfig, theme_dir: Path, *,
                build_info: Mapping[str, str] | None = None,
                emit: Callable[[str, Any], None] | None = None, media: Media | None = None,
                options: RenderOptions | None = None, pieces: bool = False) -> dict[str, bytes]:
    """Every page of the URL layout plus the theme's static files, by output path; handed
    to ``emit`` one by one instead when it is given (the returned dict is then empty), each
    page in UTF-8 pieces as it is made with ``pieces``. The pictures' own files
    (``media.files``) are the caller's to write."""
    files = render_pages(timeline, config, theme_dir, None, build_info=build_info, emit=emit,
                         media=media, options=options, pieces=pieces)
    for name, data in static_files(theme_dir).items():
        (emit or files.__setitem__)(name, data)
    return files


def render_pages(timeline: Timeline, config: SiteConfig, theme_dir: Path,
                 paths: Iterable[str] | None = None, *,
                 build_info: Mapping[str, str] | None = None,
                 emit: Callable[[str, Any], None] | None = None, media: Media | None = None,
                 options: RenderOptions | None = None, pieces: bool = False) -> dict[str, bytes]:
    """The given pages (all of ``page_paths`` when None), by output path, or each handed to
    ``emit`` as it is made (in UTF-8 pieces with ``pieces``: a year page of a big archive
    is 10 MB, held whole five times over while it is joined). Unknown paths (e.g. an actor
    that no longer exists) are skipped."""
    maker = PageMaker(timeline, config, theme_dir, build_info=build_info, media=media, options=options)
    wanted = maker.paths if paths is None else list(paths)
    out: dict[str, bytes] = {}
    for path in wanted:
        if path in maker.records:
            (emit or out.__setitem__)(path, maker.pieces(path) if pieces and emit else maker(path))
    return out


class PageMaker:
    """Makes any page of one timeline's URL layout, one at a time: what ``annals serve``
    calls when a browser first asks for a page."""

    def __init__(self, timeline: Timeline, config: SiteConfig, theme_dir: Path, *,
                 build_info: Mapping[str, str] | None = None, media: Media | None = None,
                 options: RenderOptions | None = None, environment: jinja2.Environment | None = None,
                 last_paging: Paging | None = None, records: RecordMemo | None = None,
                 changes: EventChanges | None = None, cards: EventMemo | None = None,
                 key_dates: dict | None = None):
        options = options or RenderOptions()
        # compiled templates in the site's language; reusable while the theme and settings stay
        self.environment = environment or make_environment(theme_dir, interface_language(config.language))
        self._renderer = _Renderer(timeline, config, self.environment, theme_dir,
                                   dict(build_info or {}), media or Media(), options, last_paging, changes,
                                   cards, key_dates)
        self.paging = self._renderer.paging
        self.cards = self._renderer.cards.memo  # for the next run with this environment
        self.key_dates = self._renderer.actor_key_dates.memo  # each actor's ranking, for the next run (or None)
        self.records = {r.path: r for r in page_records(timeline, self.paging, options.review, records)}
        self.paths = list(self.records)
        self.layout = SiteLayout(tuple(self.records.values()), self.paging)

    def rank_key_dates(self, slugs: Iterable[str]) -> None:
        """Rank these actors' key dates now (before forked workers render their pages: they
        inherit the rankings, made from the last build's)."""
        for slug in slugs:
            self._renderer.actor_key_dates(slug)

    def compile_templates(self) -> None:
        """Every page template of the theme, compiled now (before forked workers render: they
        inherit them, where each had compiled its own, on every build of the build server).
        A template that does not compile is left for the page that uses it to report."""
        for name in self.environment.list_templates(extensions=["html"]):
            try:
                self.environment.get_template(name)
            except jinja2.TemplateError:
                pass

    def keep_cards(self, cards: Mapping[str, tuple]) -> None:
        """Cards a forked worker made for this timeline's events (by event id), kept for the
        next build's (render/cards.py)."""
        views = self._renderer.views
        for event_id, card in cards.items():
            event = views.events.get(event_id)
            if event is not None:
                self.cards.keep(views.shown(event), card)

    def know_citing(self, citing) -> None:
        """The events citing each article, in timeline order (render.inputs counted them)."""
        self._renderer.views.timeline_event_at.know_citing(citing)

    def __call__(self, page: str | PageRecord) -> bytes:
        record = page if isinstance(page, PageRecord) else self.records[page]
        return self._renderer.render(record).encode("utf-8")

    def pieces(self, page: str | PageRecord) -> Iterator[bytes]:
        """The page's bytes in pieces, made as they are read: the same bytes as a call."""
        record = page if isinstance(page, PageRecord) else self.records[page]
        return utf8_pieces(self._renderer.render_chunks(record))


def search_documents(timeline: Timeline, config: SiteConfig, theme_dir: Path, *,
                     media: Media | None = None) -> list[SearchDocument]:
    """The search index's records (render/search.py), rendered with the theme's
    ``_search_record.html``, each with the URL its result leads to."""
    renderer = _Renderer(timeline, config, make_environment(theme_dir, interface_language(config.language)),
                         theme_dir, {}, media or Media(),
                         RenderOptions())
    found = search_records.records(timeline, renderer.views, renderer.parts.event_url)
    return search_records.documents(found, config, renderer.env)


class _Renderer(YearPages):
    def __init__(self, timeline: Timeline, config: SiteConfig, env: jinja2.Environment,
                 theme_dir: Path, build_info: dict[str, str], media: Media, options: RenderOptions,
                 last_paging: Paging | None = None, changes: EventChanges | None = None,
                 cards: EventMemo | None = None, key_dates: dict | None = None):
        self.timeline = timeline
        self.config = config
        self.env = env
        self.theme_dir = theme_dir
        self.build_info = build_info
        self.media = media
        self.options = options
        story = timeline.story
        self.window = (story.start, story.end) if story else None
        self.images = event_images(timeline, media)
        self.lang = interface_language(config.language)
        memo = cards if cards is not None else EventMemo()
        self.paging = Paging(timeline, config, last_paging, changes)
        self.views = Views(timeline, config.language, self.images, memo, scopes=self.paging.events)
        self.parts = TimelineParts(timeline, config, self.views, self.paging, self.images,
                                   self.window, options.preview)
        self.newest = config.order == "newest"
        self.markdown = markdown_converter()  # reused by every article page of this run
        self.structured = StructuredData(config, self.views, self.parts.event_url)
        self.actor_key_dates = ActorKeyDates(timeline, config.key_dates.per_actor, key_dates)
        self.cards = CardMaker(env, memo, self._links)

    def render(self, record: PageRecord) -> str:
        return "".join(self.render_chunks(record))

    def render_chunks(self, record: PageRecord) -> Iterator[str]:
        page, context = self._page(record)
        template, path = record.template, record.path
        try:
            yield from self.env.get_template(template).generate(self._common(page) | context)
        except jinja2.TemplateSyntaxError as exc:
            raise ContentError(self._template_path(exc.name or template), exc.message or str(exc),
                               exc.lineno) from None
        except jinja2.TemplateError as exc:
            name, line = template_frame(exc, template)
            raise ContentError(self._template_path(name), f"while rendering {path}: {exc}",
                               line) from None

    def _template_path(self, name: str) -> str:
        return f"themes/{self.theme_dir.name}/templates/{name}"

    def _common(self, page: Page) -> dict[str, Any]:
        if page.kind == "404":
            base = self.config.base_path
            href: Callable[[str], str] = lambda target: base + target  # noqa: E731
            card = lambda view, fallback: fallback(view)  # noqa: E731 - links from the base path
        else:
            href = lambda target: urls.link(page.path, target)  # noqa: E731
            card = lambda view, fallback: self.cards.card(view, page.path, fallback)  # noqa: E731
        return self._links(href) | {
            "page": page,
            "event_card": card,  # the event_item macro's card, made once a build (cards.py)
            "nav": [(target, self.lang.gettext(label), kind) for target, label, kind in NAV],
            "exports": [(target, self.lang.gettext(label)) for target, label in EXPORT_LINKS],
            "build": self.build_info,
            "generator_name": self.build_info.get("generator", f"Annals {__version__}"),
            "event_url": self.parts.event_url,
            "options": self.options,
            "og_image": self.parts.og_image(page.image),
        }

    def _links(self, href: Callable[[str], str]) -> dict[str, Any]:
        """What a card may read (cards.py): the link helpers of a page, the settings."""
        return {
            "site": self.config,
            "href": href,
            # links to pages by what they are: the URL layout is urls.py's alone
            "actor_href": lambda slug: href(urls.pretty(urls.actor_page(slug))),
            "article_href": lambda slug: href(urls.pretty(urls.article_page(slug))),
            "media_src": lambda image: href(image.src) if image.local else image.src,
            "dir": self.lang.direction,
        }

    def _page(self, record: PageRecord) -> tuple[Page, dict[str, Any]]:
        kind, actor = record.kind, record.actor
        if kind == "home":
            return self._home()
        if kind == "actors":
            return self._actors_index()
        if kind == "key-dates":
            return self._key_dates()
        if kind == "review":
            return self._review()
        if kind == "404":
            return Page(record.path, "404", self.lang.gettext("Page not found"), noindex=True), {}
        if kind in ("embed", "actor-embed"):
            return self._embed(actor)
        if kind == "actor":
            return self._actor(str(actor))
        if kind == "article":
            return self._article(str(record.article))
        if kind == "year":
            return self._year(str(record.year), actor)
        if kind == "embed-year":
            return self._embed_year(str(record.year), actor)
        if kind == "month":
            return self._month(str(record.year), actor)
        if kind == "embed-month":
            return self._embed_month(str(record.year), actor)
        raise ValueError(f"not a page of the URL layout: {record}")

    def _canonical(self, path: str) -> str | None:
        return urls.absolute(self.config, urls.pretty(path))

    def _oembed(self, path: str, target: str) -> str:
        return urls.absolute(self.config, target) or urls.relative(path, target)

    # Pages --------------------------------------------------------------------------------

    def _home(self) -> tuple[Page, dict[str, Any]]:
        path = urls.HOME
        shown = self._shown(None)
        page = Page(path, "home", self.config.title, self._canonical(path), "feed.xml",
                    self._oembed(path, "oembed.json"), image=self.parts.latest_image(self.timeline.events),
                    structured=self.structured.graph(self.structured.website(),
                                                     self.structured.event_list(self.config.title, shown, path)))
        return page, self.views.timeline_parts(shown, self.newest) | {
            "count": len(self.timeline.events),
            "filter_actors": self._filter_actors(shown),
            "embed": self.parts.snippets(urls.EMBED, self.config.title),
        } | self._year_index(None) | self.parts.overview(None)

    def _shown(self, actor: str | None) -> tuple[TimelineEvent, ...]:
        """The events a timeline's own page lists: all of them, or the latest when split."""
        return self.paging.latest(actor) if self.paging.split(actor) else self.paging.events(actor)

    def _year_index(self, actor: str | None, embed: bool = False) -> dict[str, Any]:
        """What a timeline's own page needs to show its year index (empty when unsplit)."""
        split = self.paging.split(actor)
        return {
            "years": self.paging.year_links(actor, embed) if split else [],
            "latest_count": len(self.paging.latest(actor)) if split else 0,
        }

    def _filter_actors(self, events: Iterable[TimelineEvent]) -> list[tuple[str, str, int]]:
        """The actor filter's choices: actors of the listed events, with their counts there."""
        counts: Counter[str] = Counter()
        for event in events:
            counts.update(tuple(dict.fromkeys(event.actors)))
        actors = sorted(self.timeline.actors, key=lambda a: (a.name.casefold(), a.slug))
        return [(a.slug, a.name, counts[a.slug]) for a in actors if counts[a.slug]]

    def _actors_index(self) -> tuple[Page, dict[str, Any]]:
        path = urls.ACTORS_INDEX
        page = Page(path, "actors", self.lang.gettext("Actors"), self._canonical(path), "feed.xml")
        return page, {"kinds": self.views.actors_by_kind()}

    def _actor(self, slug: str) -> tuple[Page, dict[str, Any]]:
        actor = self.views.actors.get(slug)
        if actor is None:
            raise ValueError(f"no actor {slug!r}")
        path = urls.actor_page(slug)
        events = self.paging.events(slug)
        page = Page(path, "actor", actor.name, self._canonical(path), f"actors/{slug}/feed.xml",
                    self._oembed(path, f"actors/{slug}/oembed.json"), image=self.parts.latest_image(events),
                    description=actor.description, structured=self.structured.graph(
                        self.structured.actor(actor), self.structured.event_list(actor.name, self._shown(slug), path, slug)))
        # A split timeline's page lists its latest events, and so the sources of those only:
        # a busy actor of a big archive is cited by thousands of articles (a 1 MB page that
        # changed with every edit), and each event on the year pages links its own sources.
        cited = chrono.sources_of(self.timeline, events) if not self.paging.split(slug) \
            else chrono.sources_of(self.timeline, self.paging.latest(slug))
        sources = [self.views.articles[s] for s in cited if s in self.views.articles]
        key_dates = self._actor_key_dates(slug)
        if len(key_dates) >= len(events):
            key_dates = ()  # they would only repeat the whole chronology below
        return page, {
            "actor": self.views.actor(actor),
            "key_dates": [self.views.key_date(k) for k in key_dates],
        } | self.views.timeline_parts(self._shown(slug), self.newest) | {
            "count": len(events),
            "co_actors": [(s, self.views.actor_name(s), n)
                          for s, n in chrono.co_actors(self.timeline, slug, events) if s in self.views.actors],
            "sources": [self.views.summary(a) for a in sources],
            "sources_of_latest": self.paging.split(slug),
            "embed": self.parts.snippets(urls.actor_embed_page(slug), f"{actor.name} — {self.config.title}"),
        } | self._year_index(slug) | self.parts.overview(slug, key_dates=key_dates)

    def _key_dates(self) -> tuple[Page, dict[str, Any]]:
        path = urls.KEY_DATES
        page = Page(path, "key-dates", self.lang.gettext("Key dates"), self._canonical(path), "feed.xml")
        return page, {
            "key_dates": [self.views.key_date(k) for k in chrono.shown_key_dates(
                self.timeline, self.config.key_dates.min_sources, self.config.key_dates.limit)],
            "rule": self.config.key_dates,
        }

    def _review(self) -> tuple[Page, dict[str, Any]]:
        page = Page(urls.REVIEW, "review", self.lang.gettext("Review"), noindex=True)
        return page, {
            "problem_groups": problem_groups(self.timeline.problems, self.lang),
            "conflicts": [self.views.event(e) for e in self.timeline.events if e.conflicts],
            "discovered": [self.views.actor(a) for a in self.timeline.actors if a.origin != "config"],
            "dropped": [d for d in (dropped_from_body(a, self.lang) for a in self.timeline.articles)
                        if d["items"]],
            "corrections": list(self.timeline.extra.get("corrections", ())),
            "build_items": sorted(self.build_info.items()),
        }

    def _embed(self, slug: str | None) -> tuple[Page, dict[str, Any]]:
        title = self._scope_title(slug)
        path = urls.timeline_page(slug, embed=True)
        page = Page(path, "embed", title, noindex=False)
        marks = None if slug is None else self._actor_key_dates(slug)
        return page, self.views.timeline_parts(self._shown(slug), self.newest) | {
            "count": len(self.paging.events(slug)),
            "full": urls.pretty(urls.timeline_page(slug)), "year": None,
            "story": self.window,
        } | self._year_index(slug, embed=True) | self.parts.overview(slug, True, marks)

    def _actor_key_dates(self, slug: str):
        """An actor's key dates, ranked once for its page and its embed page."""
        return self.actor_key_dates(slug)

    def _scope_title(self, slug: str | None) -> str:
        if slug is None:
            return self.config.title
        actor = self.views.actors.get(slug)
        if actor is None:
            raise ValueError(f"no actor {slug!r}")
        return actor.name

    def _article(self, slug: str) -> tuple[Page, dict[str, Any]]:
        analysis = self.views.articles.get(slug)
        if analysis is None:
            raise ValueError(f"no article {slug!r}")
        path = urls.article_page(slug)
        article = analysis.article
        pictures = self.media.articles.get(slug)
        lead = pictures.lead if pictures is not None else None
        description = summary(public_text(analysis))
        page = Page(path, "article", article.title, self._canonical(path), "feed.xml", image=lead,
                    description=description, structured=self.structured.graph(
                        self.structured.article(analysis, description, self.parts.og_image(lead))))
        to_timeline = self.views.article_events(analysis)
        highlights = self._highlights(path, analysis)
        body = render_body(article.body, analysis.text, highlights, self.markdown,
                           hidden_spans(analysis))
        body_html = body_with_pictures(body.html, pictures.body if pictures else (),
                                       lambda target: urls.link(path, target))
        placed_ids = {h.anchor_id for h in highlights if h.index in body.placed and h.anchor_id}
        events = [{
            "id": e.id,
            "anchor": e.id not in placed_ids,  # the list item carries the id the body lacks
            "label": self.views.label(e.time),
            "datetime": html_datetime(e.time),
            "sentence": marked_sentence(e),
            "timeline": to_timeline.get(e.id),
        } for e in analysis.events]
        return page, {
            "article": article,
            "summary": self.views.summary(analysis),
            "body": body_html,
            # The article's own language (front matter lang:) on the article and what is
            # quoted from it; the interface around it stays in the site's language.
            "article_lang": self.views.other_language(slug),
            "article_dir": (text_direction(article.lang) if self.views.other_language(slug)
                            and text_direction(article.lang) != self.lang.direction else None),
            "events": events,
            "lead": lead,
        }

    def _highlights(self, path: str, analysis: ArticleAnalysis) -> list[Highlight]:
        by_span: dict[tuple[int, int], str] = {}
        for event in analysis.events:
            by_span.setdefault((event.timex.start, event.timex.end), event.id)
        out = []
        slug = analysis.article.slug
        for i, tx in enumerate(analysis.timexes):
            citation = by_span.get((tx.start, tx.end))
            timeline_id = self.views.timeline_event_at.get((slug, tx.start))
            out.append(Highlight(
                index=i, start=tx.start, end=tx.end, value=tx.time.value,
                label=self.views.label(tx.time) if tx.time.anchored else tx.time.value,
                anchor_id=citation, event_id=timeline_id,
                href=urls.link(path, self.parts.event_url(timeline_id)) if timeline_id else None))
        return out
