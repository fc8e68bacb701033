"""The build as one flat sequence: load, analyse, cast, chronology, render, write.

`annals build`, `annals check`, `annals export` and `annals serve` all go through
`run_pipeline`; only `build` writes, and only through an output.StagingFolder.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, MutableMapping, Sequence

from . import __version__, actors, chronology, export, render
from .analysis import AnalysisSettings, analyse_article
from .config import SiteConfig, load_config
from .chronology.corrections import Applied, Corrections, correct_articles, parse_corrections
from .content import load_articles, read_actors_file, read_corrections_file
from .errors import BuildErrors, ContentError
from .media import Media, collect_media
from .model import Article, ArticleAnalysis, Problem, Timeline
from .output import StagingFolder, check_output_dir, write_file

Progress = Callable[[str, int, int], None]  # (stage, done, total)
# Measured on 2 cores (bench/bench_build.py, ~2 ms of analysis per article): two workers
# analyse 200 articles in 0.26 s against 0.40 s in one process, 1000 in 1.3 s against 2.1 s;
# below ~200 the pool's start-up eats the gain.
PARALLEL_MIN_ARTICLES = 200
CHUNK = 50  # articles per task: small enough to balance the last tasks, large enough to batch IPC


@dataclass(frozen=True)
class BuildOptions:
    site_dir: Path
    output_dir: Path | None = None
    base_url: str | None = None
    drafts: bool = False
    force: bool = False
    jobs: int | None = None  # worker processes for analysis; None: as many as CPUs
    review: bool = False  # also build the editors' review/ page (annals serve always does)
    preview: bool = False  # pages for annals serve: hints for editors where public pages have none


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


@dataclass
class BuildResult:
    config: SiteConfig
    timeline: Timeline
    files: dict[str, bytes]  # empty when the build wrote them straight to disk
    names: tuple[str, ...] = ()  # every file of the site, sorted
    timings: dict[str, float] = field(default_factory=dict)
    skipped_drafts: int = 0
    media: Media = field(default_factory=Media)

    @property
    def pages(self) -> int:
        return sum(1 for name in self.names if name.endswith(".html"))


def load_site(options: BuildOptions) -> Site:
    """Read site.yaml, actors.yaml and the articles; all content errors at once."""
    config = load_config(options.site_dir, base_url=options.base_url)
    loaded = load_articles(options.site_dir, config.content_dir, drafts=options.drafts, timezone=config.zone,
                           language=config.language, day_first=config.day_first)
    errors = list(loaded.errors)
    registry = None
    try:
        source = read_actors_file(options.site_dir, config.content_dir)
        actor_config = actors.parse_actors_yaml(source.text, source.path) if source else None
        registry = actors.build_registry(actor_config)
    except ContentError as exc:
        errors.append(exc)
    media = Media()
    try:
        media = collect_media(options.site_dir, config.content_dir, loaded.articles)
    except BuildErrors as exc:
        errors.extend(exc.errors)
    corrections = Corrections(f"{config.content_dir}/corrections.yaml")
    try:
        source = read_corrections_file(options.site_dir, config.content_dir)
        if source is not None:
            corrections = parse_corrections(source.text, source.path)
    except ContentError as exc:
        errors.append(exc)
    if errors:
        raise BuildErrors(errors)
    articles, corrected, problems = correct_articles(loaded.articles, corrections)
    return Site(config, articles, registry, loaded.skipped_drafts, media, corrections, tuple(corrected),
                tuple(problems))


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
            cache[article] = _analyse_one(article, settings)
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
    with ProcessPoolExecutor(max_workers=workers, mp_context=_worker_context(),
                             initializer=_set_worker_settings, initargs=(settings,)) as pool:
        done = 0
        for chunk, results in zip(chunks, pool.map(_analyse_chunk, chunks)):
            cache.update((article, replace(result, article=article)) for article, result in zip(chunk, results))
            done += len(chunk)
            _report(progress, "analyse", done, len(todo))


def _worker_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])


# Per worker process: what its tasks work on (the analysis settings; the timeline and config
# to export), set once by the pool's initializer so it is not pickled with every task.
# Never read in the parent.
_WORKER_SETTINGS: dict[str, object] = {}


def _set_worker_settings(settings: AnalysisSettings) -> None:
    _WORKER_SETTINGS["settings"] = settings


def _analyse_chunk(chunk: list[Article]) -> list[ArticleAnalysis]:
    settings = _WORKER_SETTINGS["settings"]
    assert isinstance(settings, AnalysisSettings)
    return [replace(_analyse_one(article, settings), article=None) for article in chunk]


def _analyse_one(article: Article, settings: AnalysisSettings) -> ArticleAnalysis:
    """Analyse an article; a failure inside Annals still names the article it happened on."""
    try:
        return analyse_article(article, settings)
    except Exception as exc:  # noqa: BLE001 - reported to the user with the file name
        if os.environ.get("ANNALS_DEBUG"):
            raise
        raise BuildErrors([ContentError(article.path, f"Annals failed on this article ({type(exc).__name__}: "
                                        f"{exc}); please report it (ANNALS_DEBUG=1 shows details)")]) from None


def assemble(site: Site, analyses: Sequence[ArticleAnalysis]) -> Timeline:
    """Decide the cast of actors, give events their actors' slugs, order the chronology."""
    cast = actors.cast_actors([(a.article.slug, a.mentions) for a in analyses], site.registry)
    cast_analyses = [_with_slugs(a, cast) for a in analyses]
    timeline = chronology.build_timeline(cast_analyses, cast.actors, site.config,
                                         corrections=site.corrections, applied=site.corrected)
    return replace(timeline, problems=tuple(timeline.problems) + tuple(site.registry.problems)
                   + site.media.problems + site.correction_problems)


def _with_slugs(analysis: ArticleAnalysis, cast) -> ArticleAnalysis:
    def slugs(keys):
        return tuple(dict.fromkeys(s for s in (cast.slug_for(k) for k in keys) if s))

    mentions = tuple(replace(m, actor=cast.slug_for(m.actor)) for m in analysis.mentions
                     if cast.slug_for(m.actor))
    events = tuple(replace(e, actors=slugs(e.actors), places=slugs(e.places)) for e in analysis.events)
    return replace(analysis, mentions=mentions, events=events)


def render_files(timeline: Timeline, site: Site, site_dir: Path, *, jobs: int | None = None,
                 staging: StagingFolder | None = None,
                 options: render.RenderOptions | None = None) -> dict[str, bytes]:
    """Pages, theme files and exports, in memory, or written into ``staging`` as they are
    made (the dict returned is then empty). On big sites the exports (a third of this
    stage) are made in a forked process while this one renders the pages."""
    theme = render.find_theme(site.config.theme, site_dir)
    build_info = {"generator": f"Annals {__version__}"}
    files: dict[str, bytes] = {}
    emit = staging or files.__setitem__
    options = options or render.RenderOptions()
    for name, data in site.media.files.items():
        emit(name, data)
    if not _overlap_exports(timeline, jobs):
        render.render_site(timeline, site.config, theme, build_info=build_info, emit=emit,
                           media=site.media, options=options)
        for name, data in export.export_items(timeline, site.config, site.media):
            emit(name, data)
        return files
    root = staging.root if staging is not None else None
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                             initializer=_set_worker_exports,
                             initargs=(timeline, site.config, site.media)) as pool:
        exports = pool.submit(_export_in_worker, root)
        render.render_site(timeline, site.config, theme, build_info=build_info, emit=emit,
                           media=site.media, options=options)
        made = exports.result()
    if isinstance(made, dict):
        files.update(made)
    else:  # the worker wrote them into the staging folder itself
        staging.add_written(made)  # type: ignore[union-attr]
    return files


def _overlap_exports(timeline: Timeline, jobs: int | None) -> bool:
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    return (workers > 1 and len(timeline.articles) >= PARALLEL_MIN_ARTICLES
            and "fork" in multiprocessing.get_all_start_methods())  # fork: the timeline is inherited, not pickled


def _set_worker_exports(timeline: Timeline, config: SiteConfig, media: Media) -> None:
    _WORKER_SETTINGS["exports"] = (timeline, config, media)


def _export_in_worker(root: Path | None) -> dict[str, bytes] | list[str]:
    """The exports, written into ``root`` when given (only their names go back), else
    returned whole."""
    timeline, config, media = _WORKER_SETTINGS["exports"]  # type: ignore[misc]
    if root is None:
        return export.export_files(timeline, config, media)
    names = []
    for name, data in export.export_items(timeline, config, media):
        write_file(root, name, data)
        names.append(name)
    return names


def run_pipeline(options: BuildOptions, *, progress: Progress | None = None,
                 cache: MutableMapping[Article, ArticleAnalysis] | None = None,
                 staging: StagingFolder | None = None) -> BuildResult:
    """Everything but swapping the site in: the files it consists of, in memory, or
    written into ``staging`` as they are made."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = now - clock
        clock = now

    site = load_site(options)
    lap("load")
    analyses = analyse_all(site.articles, analysis_settings(site), cache=cache, jobs=options.jobs,
                           progress=progress)
    lap("analyse")
    timeline = assemble(site, analyses)
    lap("chronology")
    files = render_files(timeline, site, options.site_dir, jobs=options.jobs, staging=staging,
                         options=render.RenderOptions(review=options.review, preview=options.preview))
    lap("render")
    names = tuple(sorted(staging.names if staging is not None else files))
    return BuildResult(site.config, timeline, files, names, timings, site.skipped_drafts, site.media)


def output_dir_for(options: BuildOptions, config: SiteConfig) -> Path:
    return options.output_dir or options.site_dir / config.output_dir


def build(options: BuildOptions, *, progress: Progress | None = None) -> BuildResult:
    """Build the site and swap it into the output folder; nothing is written on failure."""
    config = load_config(options.site_dir, base_url=options.base_url)
    target = output_dir_for(options, config)
    check_output_dir(target, options.site_dir, force=options.force)
    with StagingFolder(target) as staging:
        result = run_pipeline(options, progress=progress, staging=staging)
        started = time.perf_counter()
        staging.commit()
    result.timings["write"] = time.perf_counter() - started  # the swap: files were written as made
    return result


def content_problems(timeline: Timeline) -> list[Problem]:
    """Every problem worth showing, in a stable order."""
    seen = dict.fromkeys(list(timeline.problems) + [p for a in timeline.articles for p in a.problems])
    return sorted(seen, key=lambda p: (p.path, p.line or 0, p.kind, p.message))


def _report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)
