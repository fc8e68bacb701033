"""What one run of the pipeline keeps for the next, and the pages an edit can change.

``annals serve`` keeps a ``PipelineState`` in memory: parsed articles by file digest,
analyses by article, the chronology's merge windows (chronology.ChronologyMemo) and the
last site (its timeline and its files in a ``MemorySite``). The next run then parses and
analyses only what changed, re-clusters only the windows an edit touched, and schedules
only the pages whose inputs changed; those are made when first asked for (sink.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from . import export, render
from .chronology import ChronologyMemo
from .config import SiteConfig
from .media import Media
from .model import Article, ArticleAnalysis, Timeline, TimelineEvent
from .render import urls
from .render.paging import Paging
from .render.site import RenderOptions
from .sink import MemorySite

# Pages that show the whole chronology or its summaries: scheduled again on every edit.
SITE_WIDE_PAGES = (urls.HOME, urls.ACTORS_INDEX, urls.KEY_DATES, urls.REVIEW, urls.EMBED)


@dataclass
class ParsedArticles:
    """Parsed articles by the digest of their file (content.load_articles' memo), in memory."""

    articles: dict[str, Article] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    files: dict = field(default_factory=dict)  # each file's status and digest (content.load_articles)

    def get_many(self, keys: Iterable[str]) -> dict[str, Article]:
        wanted = set(keys)
        self.used |= wanted
        return {k: self.articles[k] for k in wanted if k in self.articles}

    def put_many(self, items: Mapping[str, Article]) -> None:
        self.articles.update(items)
        self.used |= set(items)

    def forget_unused(self) -> None:
        self.articles = {k: v for k, v in self.articles.items() if k in self.used}
        self.used = set()


@dataclass(frozen=True)
class TwoLevelMemo:
    """Parsed articles from memory first, then from the persistent cache (whose finds are
    kept in memory for the next run)."""

    memory: ParsedArticles
    persistent: object  # cache.ArticleTable

    def get_many(self, keys: Iterable[str]) -> dict[str, Article]:
        keys = list(keys)
        found = self.memory.get_many(keys)
        missing = [k for k in keys if k not in found]
        if missing:
            more = self.persistent.get_many(missing)  # type: ignore[attr-defined]
            self.memory.put_many(more)
            found.update(more)
        return found

    def put_many(self, items: Mapping[str, Article]) -> None:
        self.memory.put_many(items)
        self.persistent.put_many(items)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class LastSite:
    """The site a run made: what the next run compares its timeline with and reuses."""

    config: SiteConfig
    timeline: Timeline
    files: MemorySite
    environment: object = None  # the theme's Jinja environment, its templates compiled
    paths: tuple[str, ...] = ()  # its pages
    paging: Paging | None = None  # its year split
    inputs: tuple = ()  # what its actor and article pages were made of (see dirty_pages)


@dataclass
class PipelineState:
    """What a run leaves for the next one in the same process. Any part may be emptied at any
    time: the next run is then slower, never different."""

    analyses: dict[Article, ArticleAnalysis] = field(default_factory=dict)
    parsed: ParsedArticles = field(default_factory=ParsedArticles)
    chronology: ChronologyMemo = field(default_factory=ChronologyMemo)
    last: LastSite | None = None  # None: make every page again

    def forget_analyses(self) -> None:
        """Settings that change analyses (language, actors.yaml...) changed."""
        self.analyses.clear()
        self.chronology = ChronologyMemo()
        self.last = None

    def keep_only(self, current: Iterable[ArticleAnalysis]) -> None:
        """Drop the analyses of articles that are gone or were edited."""
        kept = {a.article for a in current}
        for article in [a for a in self.analyses if a not in kept]:
            del self.analyses[article]
        self.parsed.forget_unused()


def site_in_memory(timeline: Timeline, config: SiteConfig, theme_dir, media: Media,
                   options: RenderOptions, build_info: Mapping[str, str],
                   last: LastSite | None) -> tuple[MemorySite, list[str], LastSite]:
    """The site as a MemorySite whose pages and exports are made on first use, the pages
    scheduled afresh, and what the next run needs of this one. Pages whose inputs are those
    of ``last`` keep the bytes made there; the others are made again from this timeline."""
    maker = render.PageMaker(timeline, config, theme_dir, build_info=build_info, media=media,
                             options=options, environment=last.environment if last else None)
    site = MemorySite()
    for name, data in media.files.items():
        site(name, data)
    for name, data in render.static_files(theme_dir).items():
        site(name, data)
    for name, make in export.export_makers(timeline, config, media).items():
        site.later(name, make)
    inputs = (_actor_inputs(timeline, maker.paging), _article_inputs(timeline))
    fresh = set(maker.paths) if last is None or last.paging is None else dirty_pages(
        last, timeline, (set(maker.paths), maker.paging), inputs)
    for path in maker.paths:
        made = last.files.ready.get(path) if last is not None and path not in fresh else None
        if made is not None:
            site(path, made)
        else:  # a page of the last site never asked for is bound to this maker, not that one
            site.later(path, lambda path=path: maker(path))
    made = LastSite(config, timeline, site, maker.environment, tuple(maker.paths), maker.paging, inputs)
    return site, sorted(fresh & set(maker.paths)), made


def dirty_pages(last: LastSite, new: Timeline, new_pages: tuple[set[str], Paging],
                inputs: tuple[dict, dict]) -> set[str]:
    """The pages of ``new`` that can differ from those rendered for the ``last`` site.

    A page is a function of the data it shows; an actor page, of the actor, its events, the
    articles citing them, the cast (co-actor names) and the key dates; an article page, of
    its analysis and the timeline events citing it. Equal inputs, equal page. The home
    timeline's year pages (big sites) go with the site-wide pages; when an edit splits the
    home timeline into years or joins it again, every event link moves: all pages.
    ``new_pages``: the new timeline's page paths and year split; ``inputs``: its actor and
    article pages' inputs."""
    old = last.timeline
    old_paths, old_paging = set(last.paths), last.paging
    new_paths, new_paging = new_pages
    if old_paging is None or not last.inputs \
            or bool(old_paging.year_pages()) != bool(new_paging.year_pages()):
        return set(new_paths)
    pages = set(SITE_WIDE_PAGES) | set(new_paging.year_pages())
    pages |= new_paths - old_paths
    (old_actors, old_articles), (new_actors, new_articles) = last.inputs, inputs
    everyone = old.actors != new.actors or old.key_dates != new.key_dates
    for actor in new.actors:
        if everyone or old_actors.get(actor.slug) != new_actors.get(actor.slug):
            pages |= {urls.actor_page(actor.slug), urls.actor_embed_page(actor.slug)}
            pages |= set(new_paging.year_pages(actor.slug))
    for slug, made_of in new_articles.items():
        if old_articles.get(slug) != made_of:
            pages.add(urls.article_page(slug))
    return pages & new_paths


def _actor_inputs(timeline: Timeline, paging: Paging) -> dict[str, tuple]:
    """Per actor: the actor, its events and the analyses of the articles citing them."""
    by_slug = {a.article.slug: a for a in timeline.articles}
    out = {}
    for actor in timeline.actors:
        events = paging.events(actor.slug)
        cited = {s for e in events for s in e.articles}
        sources = tuple(by_slug[s] for s in sorted(cited) if s in by_slug)
        out[actor.slug] = (actor, events, sources)
    return out


def _article_inputs(timeline: Timeline) -> dict[str, tuple[ArticleAnalysis, tuple[TimelineEvent, ...]]]:
    citing: dict[str, list[TimelineEvent]] = {}
    for event in timeline.events:
        for slug in event.articles:
            citing.setdefault(slug, []).append(event)
    return {a.article.slug: (a, tuple(citing.get(a.article.slug, ()))) for a in timeline.articles}
