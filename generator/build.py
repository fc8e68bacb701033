"""The build as one flat sequence: load, analyse, cast, chronology, render, write.

`annals build`, `annals check`, `annals export` and `annals serve` all go through
`run_pipeline`; only `build` writes, and only through an output.StagingFolder.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator, MutableMapping, Sequence

from . import __version__, actors, chronology, emit, render, search
from .analysis import AnalysisSettings, analyse_article
from .cache import (ArticleTable, BuildCache, CacheChecks, ExportTable, ItemTable, PageTable, WindowTable,
                    cached_analyses,
                    settings_fingerprint, store_analyses)
from .config import SiteConfig, load_config
from .chronology.corrections import Applied, Corrections, correct_articles, parse_corrections
from .content import load_articles, read_actors_file, read_corrections_file
from .chronology.windows import MergeReport, WindowMapper
from .distributed import DaskMapper, DaskSession, RemoteSettings, analyse_with_dask
from .errors import BuildErrors, ContentError
from .export.splice import ExportIndex
from .incremental import ParsedArticles, PipelineState, TwoLevelMemo, site_in_memory
from .layout import is_site, no_articles
from .media import Media, collect_media
from .memo import IdentityMemo
from .model import Article, ArticleAnalysis, Problem, Timeline
from .options import BuildOptions
from .output import Spare, StagingFolder, check_output_dir
from .sink import MemorySite
from .workers import PoolMapper, default_workers, worker_context, worker_pool

Progress = Callable[[str, int, int], None]  # (stage, done, total)
BUILD_INFO = {"generator": f"Annals {__version__}"}  # what every page says made it
# Measured on 2 cores (bench/bench_build.py, ~2 ms of analysis per article): two workers
# analyse 200 articles in 0.26 s against 0.40 s in one process, 1000 in 1.3 s against 2.1 s;
# below ~200 the pool's start-up eats the gain.
PARALLEL_MIN_ARTICLES = 200
CHUNK = 50  # articles per task: small enough to balance the last tasks, large enough to batch IPC


@dataclass(frozen=True)
class Site:
    """Everything read from the site folder."""

    config: SiteConfig
    articles: tuple[Article, ...]
    registry: object  # actors.ActorRegistry
    skipped_drafts: int = 0
    media: Media = field(default_factory=Media)  # the articles' pictures
    corrections: Corrections = field(default_factory=Corrections)  # content/corrections.yaml
    corrected: tuple[Applied, ...] = ()  # what its article corrections did
    correction_problems: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()  # files the path-safety rule skipped (links), as warnings
    actors_source: tuple[str, str] | None = None  # (path, text) of actors.yaml, for Dask workers


@dataclass
class BuildResult:
    config: SiteConfig
    timeline: Timeline
    files: dict[str, bytes]  # empty when the build wrote them straight to disk
    names: tuple[str, ...] = ()  # every file of the site, sorted
    timings: dict[str, float] = field(default_factory=dict)
    skipped_drafts: int = 0
    media: Media = field(default_factory=Media)
    analysed: int = 0  # articles analysed afresh (the others came from a cache)
    site: MemorySite | None = None  # run_pipeline(in_memory=True): the files, made on first read
    rendered: int = 0  # pages rendered (or, in memory, scheduled) afresh
    reused: int = 0  # unchanged pages linked from the last output instead
    copied: int = 0  # the exports' event pieces copied from the last output's files
    scheduled: frozenset[str] = frozenset()  # in memory: the pages and exports made afresh
    merge: MergeReport = field(default_factory=MergeReport)  # the merge windows: reused, clustered where

    @property
    def pages(self) -> int:
        return sum(1 for name in self.names if name.endswith(".html"))


def load_site(options: BuildOptions, store: BuildCache | None = None,
              parsed: ParsedArticles | None = None, registries: dict | None = None) -> Site:
    """Read site.yaml, actors.yaml and the articles; all content errors at once. Articles
    whose files ``parsed`` (in memory) or ``store`` (on disk) have seen are not parsed again,
    nor is an actors.yaml of the text ``registries`` (text -> registry) has seen."""
    config = load_config(options.site_dir, base_url=options.base_url)
    memo = ArticleTable(store) if store is not None else None
    if parsed is not None:
        memo = TwoLevelMemo(parsed, memo) if memo is not None else parsed
    loaded = load_articles(options.site_dir, config.content_dir, drafts=options.drafts, timezone=config.zone,
                           language=config.language, day_first=config.day_first, memo=memo,
                           seen=parsed.files if parsed is not None else None)
    errors = list(loaded.errors)
    registry = None
    source, skipped_actors = read_actors_file(options.site_dir, config.content_dir)
    known = (source.path, source.text) if source else None
    registry = registries.get(known) if registries is not None else None
    try:
        if registry is None:
            actor_config = actors.parse_actors_yaml(source.text, source.path) if source else None
            registry = actors.build_registry(actor_config)
            if registries is not None:  # a pure function of the file (and of Annals' own data)
                registries.clear()
                registries[known] = registry
    except ContentError as exc:
        errors.append(exc)
    media = Media()
    try:
        media = collect_media(options.site_dir, config.content_dir, loaded.articles)
    except BuildErrors as exc:
        errors.extend(exc.errors)
    corrections = Corrections(f"{config.content_dir}/corrections.yaml")
    skipped_corrections: tuple = ()
    try:
        fixes, skipped_corrections = read_corrections_file(options.site_dir, config.content_dir)
        if fixes is not None:
            corrections = parse_corrections(fixes.text, fixes.path)
    except ContentError as exc:
        errors.append(exc)
    if errors:
        raise BuildErrors(errors)
    empty = ()
    if not loaded.articles and not loaded.skipped_drafts:  # no article file at all: look around
        empty = (no_articles(options.site_dir, config, str(options.site_dir)),)
    articles, corrected, problems = correct_articles(loaded.articles, corrections)
    skipped = (loaded.skipped + skipped_actors + skipped_corrections
               + render.theme_refusals(config.theme, options.site_dir))
    actors_source = (source.path, source.text) if source else None
    return Site(config, articles, registry, loaded.skipped_drafts, media, corrections, tuple(corrected),
                tuple(problems), empty + tuple(s.problem() for s in skipped), actors_source)


def analysis_settings(site: Site) -> AnalysisSettings:
    return AnalysisSettings(site.config.language, site.config.day_first, site.registry)


def analyse_all(articles: Sequence[Article], settings: AnalysisSettings, *,
                cache: MutableMapping[Article, ArticleAnalysis] | None = None,
                jobs: int | None = None, progress: Progress | None = None) -> list[ArticleAnalysis]:
    """Analyse every article, reusing cached results (keyed by the article's whole content)."""
    cache = {} if cache is None else cache
    todo = [a for a in articles if a not in cache]
    workers = min(jobs if jobs is not None else (os.cpu_count() or 1), -(-len(todo) // CHUNK))
    if len(todo) >= PARALLEL_MIN_ARTICLES and workers > 1:
        _analyse_in_workers(todo, settings, workers, cache, progress)
    else:
        for done, article in enumerate(todo, start=1):
            cache[article] = analyse_one(article, settings)
            if done % 50 == 0 or done == len(todo):
                _report(progress, "analyse", done, len(todo))
    return [cache[a] for a in articles]


def _analyse_in_workers(todo: list[Article], settings: AnalysisSettings, workers: int,
                        cache: MutableMapping[Article, ArticleAnalysis], progress: Progress | None) -> None:
    """Chunks of articles over worker processes; the settings travel once per worker.

    With fork the workers inherit the settings (the actor registry is large and need not be
    picklable); results come back in order, without the article, which the parent has.
    """
    chunks = [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]
    with worker_pool(workers, worker_context(), _set_worker_settings, (settings,)) as pool:
        done = 0
        for chunk, results in zip(chunks, pool.map(_analyse_chunk, chunks)):
            cache.update((article, replace(result, article=article)) for article, result in zip(chunk, results))
            done += len(chunk)
            _report(progress, "analyse", done, len(todo))


# Per worker process: what its tasks work on (the analysis settings; the timeline and config
# to export), set once by the pool's initializer so it is not pickled with every task.
# Never read in the parent.
_WORKER_SETTINGS: dict[str, object] = {}


def _set_worker_settings(settings: AnalysisSettings) -> None:
    _WORKER_SETTINGS["settings"] = settings


def _analyse_chunk(chunk: list[Article]) -> list[ArticleAnalysis]:
    settings = _WORKER_SETTINGS["settings"]
    assert isinstance(settings, AnalysisSettings)
    return [replace(analyse_one(article, settings), article=None) for article in chunk]


def analyse_one(article: Article, settings: AnalysisSettings) -> ArticleAnalysis:
    """Analyse an article; a failure inside Annals still names the article it happened on."""
    try:
        return analyse_article(article, settings)
    except Exception as exc:  # noqa: BLE001 - reported to the user with the file name
        if os.environ.get("ANNALS_DEBUG"):
            raise
        raise BuildErrors([ContentError(article.path, f"Annals failed on this article ({type(exc).__name__}: "
                                        f"{exc}); please report it (ANNALS_DEBUG=1 shows details)")]) from None


def assemble(site: Site, analyses: Sequence[ArticleAnalysis],
             memo: chronology.ChronologyMemo | None = None, mapper: WindowMapper | None = None,
             report: MergeReport | None = None) -> Timeline:
    """Decide the cast of actors, give events their actors' slugs, order the chronology
    (reusing what ``memo`` kept of the last one, and leaving this one's there; the merge
    windows it lacks clustered by ``mapper``, and told to ``report``)."""
    mentions = [(a.article.slug, a.mentions) for a in analyses]
    last_cast = memo.cast.cast if memo is not None and memo.keeps else None
    cast = memo.cast.get(mentions, site.registry, site.actors_source) if memo is not None and memo.keeps \
        else actors.cast_actors(mentions, site.registry)
    slugged = memo.slugged if memo is not None else IdentityMemo()
    if cast is last_cast:  # the same cast: an analysis seen last run has the same slugs
        cast_analyses = [slugged.reuse((a,)) or slugged.get((a,), _slugs_of(a, cast), lambda a=a: _with_slugs(a, cast))
                         for a in analyses]
    else:
        cast_analyses = [slugged.get((a,), _slugs_of(a, cast), lambda a=a: _with_slugs(a, cast)) for a in analyses]
    slugged.next_run()
    timeline = chronology.build_timeline(cast_analyses, cast.actors, site.config,
                                         corrections=site.corrections, applied=site.corrected, memo=memo,
                                         mapper=mapper, report=report)
    return replace(timeline, problems=tuple(timeline.problems) + tuple(site.registry.problems)
                   + site.media.problems + site.correction_problems + site.problems)


def _slugs_of(analysis: ArticleAnalysis, cast) -> tuple[tuple[str, str], ...]:
    """The cast's slug of every actor key the analysis uses: what _with_slugs reads of it."""
    keys = {m.actor for m in analysis.mentions}
    for event in analysis.events:
        keys.update(event.actors, event.places)
    return tuple(sorted((k, cast.slug_for(k) or "") for k in keys))


def _with_slugs(analysis: ArticleAnalysis, cast) -> ArticleAnalysis:
    def slugs(keys):
        return tuple(dict.fromkeys(s for s in (cast.slug_for(k) for k in keys) if s))

    mentions = tuple(replace(m, actor=cast.slug_for(m.actor)) for m in analysis.mentions
                     if cast.slug_for(m.actor))
    events = tuple(replace(e, actors=slugs(e.actors), places=slugs(e.places)) for e in analysis.events)
    return replace(analysis, mentions=mentions, events=events)


def run_pipeline(options: BuildOptions, *, progress: Progress | None = None,
                 state: PipelineState | None = None, staging: StagingFolder | None = None,
                 in_memory: bool = False) -> BuildResult:
    """Everything but swapping the site in: the files it consists of, written into
    ``staging`` as they are made, or in memory (``BuildResult.files``; with ``in_memory``, a
    ``MemorySite`` in ``BuildResult.site`` whose pages are made when first read). ``state``
    keeps what this run learnt for the next one in the same process (annals serve): parsed
    articles, analyses, merge windows and the site, so that the next run redoes only what
    an edit changed; without it the persistent cache keeps articles, analyses and windows."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    report = MergeReport()
    # A state that holds nothing yet (its first run, as a CLI build's) reads every entry of
    # the cache it needs, so the entries it leaves unused are stale; a later run reads only
    # what its memory lacks, and leaves the cache's other entries alone.
    complete = state is None or state.empty
    with open_cache(options, state.cache_checks if state is not None else None) as store, \
            DaskSession(options.dask) as remote:
        site = load_site(options, store, state.parsed if state is not None else None,
                         state.registries if state is not None else None)
        lap("load")
        analyses, analysed = _analyses(site, options, state.analyses if state is not None else {},
                                       store, progress, remote)
        lap("analyse")
        timeline, memo = _chronology(site, analyses, options, state, store, remote, report)
        if state is not None:
            state.keep_only(analyses)
        del analyses, memo  # without a state, the chronology's working set goes: pages need only the timeline
        timings["merge"] = report.seconds  # inside the chronology stage, shown apart
        lap("chronology")
        timings["chronology"] -= report.seconds
        render_options = render.RenderOptions(review=options.review, preview=options.preview)
        if in_memory:
            return _site_in_memory(options, state, site, timeline, render_options, timings, analysed, report)
        theme = render.find_theme(site.config.theme, options.site_dir)
        pages = PageTable(store) if store is not None and staging is not None else None
        target = str(staging.target) if staging is not None else ""
        environment = emit.environment_digest(store.fingerprint if store else "", repr(site.config),
                                              repr(render_options), repr(BUILD_INFO), theme=theme)
        if state is not None:
            state.emitted = state.emitted.fresh_for(environment)
        files, stats, written = emit.render_files(
            timeline, site.config, site.media, theme, build_info=BUILD_INFO, jobs=options.jobs,
            staging=staging, options=render_options,
            last=emit.WrittenPages(target, pages.last(target), ExportIndex(ExportTable(store).last(target)))
            if pages is not None and store is not None else None,
            environment=environment, memo=state.emitted if state is not None else None)
        if pages is not None and written is not None and store is not None:
            pages.store(target, written.pages)
            ExportTable(store).store(target, written.exports.files)
        if store is not None and complete:
            store.forget_unused()
    lap("render")
    if site.config.search and options.search:
        # Into the staging folder before the swap: a failed index fails the whole build.
        for name, data in search_index(timeline, site.config, options.site_dir, site.media).items():
            (staging or files.__setitem__)(name, data)
        lap("search")
    names = tuple(sorted(staging.names if staging is not None else files))
    return BuildResult(site.config, timeline, files, names, timings, site.skipped_drafts, site.media, analysed,
                       rendered=stats.rendered, reused=stats.linked, merge=report, copied=stats.copied)


def _chronology(site: Site, analyses: list[ArticleAnalysis], options: BuildOptions, state: PipelineState | None,
                store: BuildCache | None, remote: DaskSession,
                report: MergeReport) -> tuple[Timeline, chronology.ChronologyMemo]:
    """The timeline, its merge windows and articles' merge items taken from the state's
    memory first, then from the persistent cache (where those made afresh are kept): so a
    state's first run (annals serve starting, the build server's first build) starts from
    what the last CLI build left, as the next CLI build would."""
    windows = WindowTable(store, state.chronology.windows if state is not None else {}) \
        if store is not None else None
    stored = ItemTable(store) if store is not None else None
    if state is None:
        memo = chronology.ChronologyMemo.one_run(windows, stored)
        timeline = assemble(site, analyses, memo, window_mapper(options, remote), report)
    else:
        memo = state.chronology
        kept = memo.windows
        if windows is not None:  # (only while the cache is open: the memo outlives it)
            memo.windows, memo.stored_items = windows, stored  # type: ignore[assignment]
        try:
            timeline = assemble(site, analyses, memo, window_mapper(options, remote), report)
        finally:
            memo.stored_items = None
            if memo.windows is windows:  # a failure before the chronology replaced them
                memo.windows = kept
    if windows is not None:
        windows.store(memo.windows)
    return timeline, memo


def _site_in_memory(options: BuildOptions, state: PipelineState | None, site: Site, timeline: Timeline,
                    render_options: render.RenderOptions, timings: dict[str, float], analysed: int,
                    report: MergeReport) -> BuildResult:
    """The in-memory end of the pipeline (annals serve): a MemorySite whose pages are made
    when first read, only those whose inputs changed scheduled afresh."""
    started = time.perf_counter()
    theme = render.find_theme(site.config.theme, options.site_dir)
    last = state.last if state is not None and state.last is not None \
        and state.last.config == site.config else None
    memory, fresh, made = site_in_memory(timeline, site.config, theme, site.media,
                                         render_options, BUILD_INFO, last)
    if state is not None:
        state.last = made
    if site.config.search and options.search:  # made when a browser first searches
        memory.later_group(f"{search.BUNDLE}/", lambda: search_index(timeline, site.config, options.site_dir,
                                                                      site.media))
    timings["render"] = time.perf_counter() - started
    return BuildResult(site.config, timeline, {}, tuple(memory.names()), timings, site.skipped_drafts,
                       site.media, analysed, memory, rendered=len(fresh), merge=report,
                       scheduled=frozenset(fresh) | frozenset(n for n in memory.pending if not n.endswith(".html")))


def search_documents(timeline: Timeline, config: SiteConfig, site_dir: Path, media: Media) -> list[search.SearchDocument]:
    """The search index's records of the site's events, articles and actors."""
    return render.search_documents(timeline, config, render.find_theme(config.theme, site_dir), media=media)


def search_index(timeline: Timeline, config: SiteConfig, site_dir: Path, media: Media) -> dict[str, bytes]:
    """The Pagefind bundle (``pagefind/...``) of the site's events, articles and actors."""
    return search.build_index(search_documents(timeline, config, site_dir, media), config.language)


def _analyses(site: Site, options: BuildOptions, memory: MutableMapping[Article, ArticleAnalysis],
              store: BuildCache | None, progress: Progress | None,
              remote: DaskSession) -> tuple[list[ArticleAnalysis], int]:
    """Every article's analysis (from memory, the persistent cache, Dask or here) and how
    many were made afresh."""
    settings = analysis_settings(site)
    if store is not None:
        memory.update(cached_analyses(store, [a for a in site.articles if a not in memory]))
    known = set(memory)
    if options.dask:
        todo = [a for a in site.articles if a not in memory]
        memory.update(zip(todo, analyse_with_dask(todo, remote_settings(site), remote)))
    analyses = analyse_all(site.articles, settings, cache=memory, jobs=options.jobs, progress=progress)
    fresh = [a for a in analyses if a.article not in known]
    if store is not None:
        store_analyses(store, fresh)
    return analyses, len(fresh)


@contextmanager
def open_cache(options: BuildOptions, checks: CacheChecks | None = None) -> Iterator[BuildCache | None]:
    """The site's persistent cache, or None (--no-cache, a folder Annals cannot write, or
    one that is no site: `annals build` in the wrong folder leaves nothing behind); what a
    process checked of it once (``checks``) it does not check again."""
    config = load_config(options.site_dir, base_url=options.base_url)
    if not options.use_cache or not _writable(options.site_dir) or not is_site(options.site_dir, config):
        yield None
        return
    source, _ = read_actors_file(options.site_dir, config.content_dir)
    fingerprint = settings_fingerprint(config.language, str(config.day_first), config.timezone,
                                       source.text if source else "", checks=checks)
    try:
        store = BuildCache.open(options.site_dir, fingerprint, checks)
    except (OSError, sqlite3.Error):
        yield None  # a read-only site builds without a cache
        return
    try:
        yield store
    finally:
        store.close()


def _writable(folder: Path) -> bool:
    """Whether the site folder may take a cache: writable, and not made read-only by its
    owner (no write bit: root could write there all the same, but should not)."""
    try:
        return os.access(folder, os.W_OK) and bool(folder.stat().st_mode & 0o222)
    except OSError:
        return False


def window_mapper(options: BuildOptions, remote: DaskSession) -> WindowMapper:
    """Where the merge windows the memo lacks are clustered: on the build's Dask cluster
    with --dask, else in worker processes when there are many (else here)."""
    return DaskMapper(remote) if options.dask else PoolMapper(default_workers(options.jobs),
                                                              options.pool_min_window_items)


def remote_settings(site: Site) -> RemoteSettings:
    return RemoteSettings(site.config.language, site.config.day_first, site.actors_source)


def output_dir_for(options: BuildOptions, config: SiteConfig) -> Path:
    return options.output_dir or options.site_dir / config.output_dir


def build(options: BuildOptions, *, progress: Progress | None = None, state: PipelineState | None = None,
          before_commit: Callable[[], None] | None = None,
          retire: Callable[[Path], None] | None = None, spare: Spare | None = None) -> BuildResult:
    """Build the site and swap it into the output folder; nothing is written on failure.
    ``state``: what the last build in this process kept (the build server's); ``before_commit``
    may raise to keep the output as it was; ``retire`` removes the old site (default: at once);
    ``spare``: an emptied old site to stage in (output.hollow)."""
    config = load_config(options.site_dir, base_url=options.base_url)
    target = output_dir_for(options, config)
    check_output_dir(target, options.site_dir, force=options.force, content_dir=config.content_dir)
    with StagingFolder(target, spare) as staging:
        result = run_pipeline(options, progress=progress, staging=staging, state=state)
        started = time.perf_counter()
        if before_commit is not None:
            before_commit()
        staging.commit(retire)
    result.timings["write"] = time.perf_counter() - started  # the swap: files were written as made
    return result


def content_problems(timeline: Timeline) -> list[Problem]:
    """Every problem worth showing, in a stable order."""
    seen = dict.fromkeys(list(timeline.problems) + [p for a in timeline.articles for p in a.problems])
    return sorted(seen, key=lambda p: (p.path, p.line or 0, p.kind, p.message))


def _report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)
