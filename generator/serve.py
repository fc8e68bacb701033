"""`annals serve`: a live preview that rebuilds on every save and reloads the browser.

Two layers:

- ``Preview`` is the rebuild state machine. It runs the pipeline in memory with an
  analysis cache (only new or edited articles are analysed again), writes the files whose
  bytes changed into a private folder, and remembers the last error so every URL can show
  it. No HTTP, no clock, no threads: tests drive it by calling ``rebuild``.
- The HTTP layer is thin Tornado (which livereload runs on): the site's files under its
  base path, the livereload.js client and a websocket speaking the livereload protocol,
  and the watcher's debounced batches (watch.py), each waking the loop, handed to
  ``Preview.rebuild``.

Why not ``livereload.Server`` itself: it keeps its sockets in class attributes, drops a
reload that comes less than 1–3 s after the previous one (so "save a broken article, fix
it at once" could leave the browser on the error page), runs watch tasks on every poll
without a quiet period, and has no place for an error page. We reuse its browser client,
its script injector and its protocol instead.

Serving never writes into the site's output/ folder unless asked (--write-output).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import gc
import errno
import os
import signal
import socket
import time
import webbrowser
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from rich.console import Console
from rich.markup import escape
from tornado import httpserver, netutil
from tornado.ioloop import PeriodicCallback

from . import render
from .build import BuildOptions, BuildResult, output_dir_for, run_pipeline
from .config import CONFIG_FILE, SiteConfig, load_config
from .content import ACTORS_FILES, ARTICLE_SUFFIXES, CORRECTIONS_FILES
from .errors import AnnalsError, ContentError
from .preview_http import ReloadHub, describe_failure, make_app
from .incremental import PipelineState
from .model import Article, ArticleAnalysis
from .output import check_output_dir, write_site
from .render.theme import BUILTIN_THEMES, DEFAULT_THEME
from .sink import MemorySite
from .watch import QUIET_S, FileWatcher

# Content files that change the whole chronology, not one article: a full rebuild.
SITE_WIDE_CONTENT = ACTORS_FILES + CORRECTIONS_FILES
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class ServeOptions:
    site_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    open_browser: bool = False
    drafts: bool = False
    write_output: bool = False
    check_interval: float = 0.1  # seconds between looks for a quiet moment (a save wakes the loop itself)
    quiet_period: float = QUIET_S  # writes closer than this are one save: one rebuild


@dataclass(frozen=True)
class RebuildOutcome:
    """What one rebuild did, for the terminal and for deciding whether browsers reload."""

    ok: bool
    seconds: float
    trigger: tuple[str, ...] = ()  # the source files that changed, relative to the site
    changed: tuple[str, ...] = ()  # output files written or removed
    analysed: int = 0  # articles analysed afresh (the others came from the cache)
    rendered: int = 0  # pages rendered afresh (the others are as the last build left them)
    error: str | None = None  # "file:line: message" lines, when not ok
    details: str | None = None  # a traceback, for failures that are bugs rather than content
    reload: bool = False  # whether open pages should reload

    @property
    def reload_path(self) -> str:
        """What livereload.js is told changed: a stylesheet alone is swapped in place,
        anything else reloads the page."""
        if self.ok and self.changed and all(name.endswith(".css") for name in self.changed):
            return self.changed[0]
        return "*"


@dataclass
class Preview:
    """The site as last built from site_dir, held in memory (its pages made when a browser
    first asks for them), or the error that stopped the last build."""

    site_dir: Path
    drafts: bool = False
    output_dir: Path | None = None  # also keep this folder up to date (--write-output)
    cache: dict[Article, ArticleAnalysis] | None = field(default=None, repr=False)  # analyses to start from
    config: SiteConfig = field(default_factory=SiteConfig)  # from the last good build
    error: str | None = None
    built: bool = False  # `site` holds a complete site
    state: PipelineState = field(default_factory=PipelineState, repr=False)
    site: MemorySite = field(default_factory=MemorySite, repr=False)
    unbuilt: set[str] = field(default_factory=set)  # files changed since the last good build
    inputs: tuple = field(default=(), repr=False)  # what the last good build was made from
    collect_when_quiet: bool = False  # the caller calls collect_garbage when no save is waiting

    def __post_init__(self) -> None:
        self.site_dir = self.site_dir.resolve()
        if self.cache:
            self.state.analyses.update(self.cache)
        self.cache = self.state.analyses

    @property
    def base_path(self) -> str:
        return self.config.base_path

    def rebuild(self, changed_paths: Iterable[Path] | None = None) -> RebuildOutcome:
        """Build again after the given files changed (None: the first build, which trusts
        whatever analyses the cache was given)."""
        if changed_paths is None:
            return self._rebuild(None)
        # A save's rebuild makes a few hundred thousand objects: the collector's passes over
        # them cost 30-40 ms of a 0.35 s save at 5,000 articles. It waits for a quiet moment
        # (collect_garbage) when someone promises one (collect_when_quiet), else for the end.
        gc.disable()
        try:
            return self._rebuild(changed_paths)
        finally:
            if not self.collect_when_quiet:
                self.collect_garbage()

    def collect_garbage(self) -> None:
        """Free the garbage cycles the rebuilds since the last call left and put what they
        keep out of the collector's sight (reference counting still frees it when a save
        drops it): a few hundred MB on a big archive, whose every walk cost a second."""
        if not gc.isenabled():
            gc.collect(1)  # the younger generations only: what is frozen is kept
            gc.freeze()
            gc.enable()

    def _rebuild(self, changed_paths: Iterable[Path] | None) -> RebuildOutcome:
        started = time.perf_counter()
        trigger = self._relative(changed_paths or ())
        if self._settings_changed(trigger):
            self.state.forget_analyses()  # analysis depends on the language, day_first and actors
        was_error = self.error
        # Changes made while the site failed to build are not in the last good build either.
        unbuilt = self.unbuilt | set(trigger)
        try:
            if not (self._articles_only(tuple(sorted(unbuilt))) or self._styles_only(tuple(sorted(unbuilt)))):
                self.state.last = None  # the templates or the settings: every page again
            reusing = self.state.last is not None
            # Only articles changed: the watcher named every file written since the last
            # load, so the others need no walk and no stat (content.SeenFiles).
            self.state.parsed.files.changed = frozenset(
                os.path.join(str(self.site_dir), path) for path in unbuilt) \
                if changed_paths is not None and self._articles_only(tuple(sorted(unbuilt))) else None
            result = run_pipeline(serve_build_options(self.site_dir, self.drafts), state=self.state,
                                  in_memory=True)
            assert result.site is not None
            site, changed, rendered = self._changes(result, reusing, edited=set(unbuilt) if changed_paths is not None else None)
            if self.output_dir is not None and (changed or not self.built):
                write_site(site.everything(), self.output_dir)
        except Exception as exc:  # every failure is shown in the browser, never kills serve
            self.unbuilt = unbuilt
            self.state.last = None
            self.error, details = describe_failure(exc)
            return RebuildOutcome(False, time.perf_counter() - started, trigger, error=self.error,
                                  details=details, reload=self.error != was_error)
        self.config, self.error, self.built, self.site = result.config, None, True, site
        self.unbuilt = set()
        if changed_paths is None:
            gc.freeze()  # what the first build keeps (see collect_garbage)
        return RebuildOutcome(True, time.perf_counter() - started, trigger, tuple(changed), result.analysed,
                              rendered, reload=bool(changed) or was_error is not None)

    def _changes(self, result: BuildResult, reusing: bool, edited: set[str] | None = None) -> tuple[MemorySite, list[str], int]:
        """The site to serve, the files that changed and the pages made afresh.

        A build of the same settings, theme templates and timeline as the last one (``reusing``:
        only articles or stylesheets changed) has the last one's pages
        and exports (already made ones are not made again); only the theme's static files
        and the pictures, read afresh, may differ. Otherwise the pages are checked now
        where errors would otherwise wait for a browser: every template compiles, and the
        pages of the articles just edited are made. The first build (not ``edited``) edited
        none: its pages are made when first asked for (making every article page took 3 s
        of a 7.5 s start at 1,000 articles)."""
        site = result.site
        assert site is not None
        previous = self.site if self.built else MemorySite()
        inputs = (result.config, result.timeline)
        if reusing and self.built and _same_inputs(self.inputs, inputs):
            made = {n: d for n, d in site.ready.items() if n not in site.pending}
            site.carry(previous, [n for n in previous.names() if n in site and n not in made])
            for folder in list(site.groups):
                site.carry_group(previous, folder)
            changed = [n for n in made if previous.ready.get(n) != made[n]]
            rendered = 0
        else:
            if not reusing:  # the templates may have changed
                render.check_templates(render.find_theme(result.config.theme, self.site_dir))
            changed = [n for n in site.names() if n in result.scheduled
                       or (n in site.ready and previous.ready.get(n) != site.ready[n])] + sorted(site.groups)
            for name in _edited_article_pages(result, edited) if edited else ():
                if name in site.pending:
                    site.get(name)  # an edited article's page: its errors show now
            rendered = result.rendered
        self.inputs = inputs
        if self.state.last is not None:
            self.state.last = replace(self.state.last, files=site, chronology=self.state.chronology)
        gone = [n for n in previous.names() if n not in site]
        return site, sorted(changed + gone), rendered

    def warm(self) -> None:
        """Compile now what the first save would: the first build reads its articles and
        analyses back from the cache, so the dateline grammar and the date tagger of the
        site's language were never asked for (0.4 s of regular expressions, once)."""
        from .dateline import read_article_head
        from .timex import tag

        read_article_head("", None, lang=self.config.language)
        tag("", datetime.date(2000, 1, 1), lang=self.config.language)

    def watch_roots(self) -> tuple[Path, ...]:
        """Files and folders whose changes can change the site."""
        roots = [self.site_dir / CONFIG_FILE, self.site_dir / self.config.content_dir,
                 self.site_dir / "themes"]
        try:
            roots.append(render.find_theme(self.config.theme, self.site_dir).resolve())
        except ContentError:
            pass  # the error page says so; the site's themes/ folder is watched for the fix
        # A partial theme falls back to the built-in default one.
        roots.append((BUILTIN_THEMES / DEFAULT_THEME).resolve())
        return tuple(dict.fromkeys(roots))

    def error_page(self) -> bytes:
        return render.render_error_page(self.error or "", self.config).encode("utf-8")

    def file(self, name: str) -> bytes | None:
        """A file of the site, made now if nobody asked for it since the last save."""
        return self.site.get(name)

    def _relative(self, paths: Iterable[Path]) -> tuple[str, ...]:
        out = []
        for path in paths:
            path = Path(path).resolve()
            out.append(path.relative_to(self.site_dir).as_posix() if path.is_relative_to(self.site_dir)
                       else path.as_posix())
        return tuple(sorted(out))

    def _articles_only(self, trigger: tuple[str, ...]) -> bool:
        folder = f"{self.config.content_dir}/"
        return bool(trigger) and not self._settings_changed(trigger) and all(
            path.startswith(folder) and path.endswith(ARTICLE_SUFFIXES) for path in trigger)

    def _styles_only(self, trigger: tuple[str, ...]) -> bool:
        """Only files of a theme's static/ folder changed: pages stay as they are (they name
        static files, never include them)."""
        return bool(trigger) and all("/static/" in f"/{path}" and not path.endswith((".html", ".yaml"))
                                     and not path.startswith(f"{self.config.content_dir}/")
                                     for path in trigger)

    def _settings_changed(self, trigger: tuple[str, ...]) -> bool:
        settings = {CONFIG_FILE} | {f"{self.config.content_dir}/{name}" for name in SITE_WIDE_CONTENT}
        return any(path in settings for path in trigger)


def _same_inputs(old: tuple, new: tuple) -> bool:
    """Whether two builds were made of the same settings and the same timeline."""
    return old[0] == new[0] and old[1] == new[1]


def serve_build_options(site_dir: Path, drafts: bool = False) -> BuildOptions:
    """How annals serve builds: like annals build --review, with the editors' hints."""
    return BuildOptions(site_dir, drafts=drafts, review=True, preview=True)


# The command -------------------------------------------------------------------------------

def serve(options: ServeOptions) -> None:
    """Build, serve and rebuild on change until Ctrl+C (or SIGTERM)."""
    out = Console(stderr=True, highlight=False)
    site_dir = options.site_dir.resolve()
    output_dir = None
    if options.write_output:
        config = _config_or_default(site_dir)
        output_dir = output_dir_for(BuildOptions(site_dir), config)
        check_output_dir(output_dir, site_dir, content_dir=config.content_dir)
    sockets = listen(options.host, options.port)  # before building: a busy port fails at once
    try:
        preview = Preview(site_dir, drafts=options.drafts, output_dir=output_dir, collect_when_quiet=True)
        report(out, preview.rebuild())
        preview.warm()
        try:
            asyncio.run(_serve_forever(options, preview, sockets, out))
        except KeyboardInterrupt:
            pass
    finally:
        for sock in sockets:
            sock.close()
    out.print("Stopped.")


def listen(host: str, port: int) -> list[socket.socket]:
    try:
        return netutil.bind_sockets(port, address=host)
    except OSError as exc:
        hint = " (try another --port)" if exc.errno == errno.EADDRINUSE else ""
        raise AnnalsError(f"cannot listen on {host}:{port}: {exc.strerror or exc}{hint}") from None


async def _serve_forever(options: ServeOptions, preview: Preview, sockets: list[socket.socket],
                         out: Console) -> None:
    port = sockets[0].getsockname()[1]
    hub = ReloadHub()
    server = httpserver.HTTPServer(make_app(preview, hub, options.host))
    server.add_sockets(sockets)
    loop = asyncio.get_running_loop()
    # a batch of saves wakes the loop at once (a poll every 20 ms added 10 ms to a save on average)
    watcher = FileWatcher(preview.watch_roots(), options.quiet_period,
                          on_change=lambda: _call_soon(loop, rebuilds.check))
    rebuilds = Rebuilds(preview, watcher, hub, out)
    watcher.start()
    poller = PeriodicCallback(rebuilds.check, options.check_interval * 1000)
    poller.start()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    url = local_url(options.host, port, preview.base_path)
    reach = "this machine only" if options.host in LOOPBACK_HOSTS else "reachable from the network"
    out.print(f"Serving [bold]{escape(preview.config.title)}[/] at {url} ({reach})", soft_wrap=True)
    out.print(f"Review page (for editors, not linked from the site): {url}review/", soft_wrap=True)
    out.print("Watching content, theme and site.yaml; Ctrl+C stops.")
    if options.open_browser:
        loop.run_in_executor(None, webbrowser.open, url)
    try:
        await stop.wait()
    finally:
        poller.stop()
        watcher.stop()
        server.stop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


def _edited_article_pages(result: BuildResult, edited: set[str]) -> list[str]:
    """The pages of the articles whose files were saved: made at once, so that their errors
    show in the terminal with the save. The other pages a save changed (the articles citing
    the same events, 20 or so on a big archive) wait for a browser."""
    return [render.urls.article_page(a.article.slug) for a in result.timeline.articles if a.article.path in edited]


def _call_soon(loop: asyncio.AbstractEventLoop, callback: Callable[[], None]) -> None:
    """``callback`` in the loop's thread, from another thread; nothing once the loop is closed."""
    with contextlib.suppress(RuntimeError):
        loop.call_soon_threadsafe(callback)


COLLECT_AFTER_S = 0.5  # quiet after a rebuild before the garbage collection


@dataclass
class Rebuilds:
    """Saves in, rebuilds out: the watcher's batches, one rebuild for all the saves made
    since the last. The rebuild runs in the server's loop, so no page is served half-built;
    only the pages and files that changed are rewritten (Preview.rebuild)."""

    preview: Preview
    watcher: FileWatcher
    hub: ReloadHub
    out: Console
    last_rebuild: float = 0.0  # perf_counter() at the end of the last rebuild

    def check(self) -> None:
        changed = self.watcher.take()
        if not changed:
            # the garbage waits until the browser had the changed page (see Preview.rebuild)
            if time.perf_counter() - self.last_rebuild >= COLLECT_AFTER_S:
                self.preview.collect_garbage()
            return
        outcome = self.preview.rebuild(changed)
        self.last_rebuild = time.perf_counter()
        self.watcher.retarget(self.preview.watch_roots())
        report(self.out, outcome)
        if outcome.reload:
            self.hub.reload(outcome.reload_path)


def local_url(host: str, port: int, base_path: str) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}{base_path}"


def report(out: Console, outcome: RebuildOutcome) -> None:
    """One line for a good build; the errors (and a traceback for bugs) for a failed one."""
    what = f" after {', '.join(outcome.trigger[:3])}{' …' if len(outcome.trigger) > 3 else ''}" \
        if outcome.trigger else ""
    if outcome.ok:
        out.print(f"[green]Built[/]{escape(what)} in {outcome.seconds:.2f} s: "
                  f"{_count(outcome.analysed, 'article')} analysed, {_count(outcome.rendered, 'page')} "
                  f"rendered, {_count(len(outcome.changed), 'file')} changed", soft_wrap=True)
        return
    if outcome.details:
        out.print(escape(outcome.details), end="")
    for line in (outcome.error or "").splitlines():
        out.print(f"[red]error[/] {escape(line)}", soft_wrap=True)
    out.print(f"[red]Build failed[/]{escape(what)}: the browser shows the error until the next good save.",
              soft_wrap=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _config_or_default(site_dir: Path) -> SiteConfig:
    try:
        return load_config(site_dir)
    except ContentError:
        return SiteConfig()


__all__ = ["Preview", "RebuildOutcome", "ServeOptions", "local_url", "report", "serve"]
