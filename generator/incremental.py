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
from .cache import CacheChecks
from .emit import EmitMemo
from .config import SiteConfig
from .content import SeenFiles
from .media import Media
from .model import Article, ArticleAnalysis, Timeline
from .render.inputs import InputsMemo, PageInputs, page_inputs
from .render.pages import PageRecord, RecordMemo
from .render.site import RenderOptions
from .sink import MemorySite

@dataclass
class ParsedArticles:
    """Parsed articles by the digest of their file (content.load_articles' memo), in memory."""

    articles: dict[str, Article] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    files: SeenFiles = field(default_factory=SeenFiles)  # each file's status and digest (content.load_articles)

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
    inputs: PageInputs | None = None  # what its pages were made of (render/inputs.py)
    inputs_memo: InputsMemo = field(default_factory=InputsMemo)  # what page_inputs worked out for them
    paging: object = None  # its render.paging.Paging: scopes of the same events keep their year pages
    records: RecordMemo = field(default_factory=RecordMemo)  # its page records (render.pages)
    chronology: ChronologyMemo | None = None  # the memo the next chronology leaves its changes in (serve)
    cards: object = None  # its render.cards.EventMemo: the event cards made for its environment
    key_dates: dict = field(default_factory=dict)  # each actor's key-date ranking (chronology.keydates.ActorKeyDates)


@dataclass
class PipelineState:
    """What a run leaves for the next one in the same process. Any part may be emptied at any
    time: the next run is then slower, never different."""

    analyses: dict[Article, ArticleAnalysis] = field(default_factory=dict)
    parsed: ParsedArticles = field(default_factory=ParsedArticles)
    chronology: ChronologyMemo = field(default_factory=ChronologyMemo)
    last: LastSite | None = None  # None: make every page again
    registries: dict = field(default_factory=dict)  # actors.yaml's (path, text) -> its registry (build.load_site)
    emitted: EmitMemo = field(default_factory=EmitMemo)  # what the last build into a folder made (the build server)
    cache_checks: CacheChecks = field(default_factory=CacheChecks)  # the code's fingerprint, caches found sound

    @property
    def empty(self) -> bool:
        """Nothing parsed, analysed or merged yet: a run starts from the cache alone."""
        return not self.parsed.articles and not self.analyses and not self.chronology.windows

    def forget_analyses(self) -> None:
        """Settings that change analyses (language, actors.yaml...) changed."""
        self.analyses.clear()
        self.registries.clear()
        self.chronology = ChronologyMemo()
        self.last = None
        self.emitted = EmitMemo()

    def keep_only(self, current: Iterable[ArticleAnalysis]) -> None:
        """Drop the analyses of articles that are gone or were edited."""
        # by identity: the analyses given are the very values kept here (build._analyses),
        # and hashing 5,000 articles twice cost more than the rest of this
        kept = set(map(id, current))
        for article in [a for a, analysis in self.analyses.items() if id(analysis) not in kept]:
            del self.analyses[article]
        self.parsed.forget_unused()


def site_in_memory(timeline: Timeline, config: SiteConfig, theme_dir, media: Media,
                   options: RenderOptions, build_info: Mapping[str, str],
                   last: LastSite | None) -> tuple[MemorySite, list[str], LastSite]:
    """The site as a MemorySite whose pages and exports are made on first use, the pages
    scheduled afresh, and what the next run needs of this one. Pages whose inputs are those
    of ``last`` keep the bytes made there; the others are made again from this timeline."""
    records_memo = last.records if last is not None else RecordMemo()
    maker = render.PageMaker(timeline, config, theme_dir, build_info=build_info, media=media,
                             options=options, environment=last.environment if last else None,
                             last_paging=last.paging if last else None, records=records_memo,
                             changes=last.chronology.changes if last is not None and last.chronology is not None else None,
                             cards=last.cards if last is not None else None,
                             key_dates=last.key_dates if last is not None else {})
    site = MemorySite()
    for name, data in media.files.items():
        site(name, data)
    for name, data in render.static_files(theme_dir).items():
        site(name, data)
    for name, make in export.export_makers(timeline, config, media).items():
        site.later(name, make)
    records = tuple(maker.records.values())
    memo = last.inputs_memo if last is not None else InputsMemo()
    inputs = page_inputs(timeline, maker.paging, records, media, memo)
    maker.know_citing(inputs.citing)
    fresh = dirty_pages(last.inputs if last is not None else None, records, inputs)
    for record in records:
        made = last.files.ready.get(record.path) if last is not None and record.path not in fresh else None
        if made is not None:
            site(record.path, made)
        else:  # a page of the last site never asked for is bound to this maker, not that one
            site.later(record.path, lambda record=record: maker(record))
    made = LastSite(config, timeline, site, maker.environment, inputs, memo, maker.paging, records_memo,
                    last.chronology if last is not None else None, maker.cards, maker.key_dates or {})
    return site, sorted(fresh), made


def dirty_pages(last: PageInputs | None, records: tuple[PageRecord, ...], inputs: PageInputs) -> set[str]:
    """The pages whose inputs (render/inputs.py) differ from those of the ``last`` run's
    pages, with the site-wide pages, which show the whole chronology: all of them when
    what every page shows changed (or there is no last run)."""
    if last is None or last.shared != inputs.shared:
        return {r.path for r in records}
    return {r.path for r in records
            if r.site_wide or r.path not in last.pages or last.pages[r.path] != inputs.pages[r.path]}
