"""`annals serve`: a live preview that rebuilds on every save and reloads the browser.

Two layers:

- ``Preview`` is the rebuild state machine. It runs the pipeline in memory with an
  analysis cache (only new or edited articles are analysed again), writes the files whose
  bytes changed into a private folder, and remembers the last error so every URL can show
  it. No HTTP, no clock, no threads: tests drive it by calling ``rebuild``.
- The HTTP layer is thin Tornado (which livereload runs on): the site's files under its
  base path, the livereload.js client and a websocket speaking the livereload protocol,
  and a poll that hands debounced changes (watch.py) to ``Preview.rebuild``.

Why not ``livereload.Server`` itself: it keeps its sockets in class attributes, drops a
reload that comes less than 1–3 s after the previous one (so "save a broken article, fix
it at once" could leave the browser on the error page), runs watch tasks on every poll
without a quiet period, and has no place for an error page. We reuse its browser client,
its script injector and its protocol instead.

Serving never writes into the site's output/ folder unless asked (--write-output).
"""

from __future__ import annotations

import asyncio
import errno
import json
import signal
import socket
import tempfile
import time
import traceback
import webbrowser
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import jinja2
from livereload.handlers import LiveReloadJSHandler
from livereload.server import LiveScriptInjector
from rich.console import Console
from rich.markup import escape
from tornado import httpserver, netutil, web, websocket
from tornado.ioloop import PeriodicCallback

from . import __version__, export, render
from .build import (BuildOptions, analyse_all, analysis_settings, assemble, load_site, output_dir_for,
                    run_pipeline, search_index)
from .config import CONFIG_FILE, SiteConfig, load_config
from .content import ACTORS_FILES, ARTICLE_SUFFIXES, CORRECTIONS_FILES
from .errors import AnnalsError, BuildErrors, ContentError
from .hostcheck import HostCheckedApplication
from .model import Article, ArticleAnalysis, Timeline, TimelineEvent
from .output import check_output_dir, update_tree, write_site
from .render import urls
from .render.site import RenderOptions
from .render.theme import BUILTIN_THEMES, DEFAULT_THEME
from .watch import FileWatcher

# Content files that change the whole chronology, not one article: a full rebuild.
SITE_WIDE_CONTENT = ACTORS_FILES + CORRECTIONS_FILES
# Pages that show the whole chronology or its summaries: re-rendered on every article edit.
SITE_WIDE_PAGES = (urls.HOME, urls.ACTORS_INDEX, urls.KEY_DATES, urls.REVIEW, urls.EMBED)
LIVERELOAD_PATH = "/livereload"
# An external script (not inline) so a site's Content-Security-Policy of 'self' allows it;
# livereload.js finds the server's host and port from its own src.
LIVERELOAD_TAG = b'<script src="/livereload.js" defer></script>'
NOT_FOUND_PAGE = "404.html"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
# The preview is for editors: it always has the review page, and hints public pages leave out.
SERVE_RENDER = RenderOptions(review=True, preview=True)


@dataclass(frozen=True)
class ServeOptions:
    site_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    open_browser: bool = False
    drafts: bool = False
    write_output: bool = False
    check_interval: float = 0.02  # seconds between looks at the watcher's queue (no file walk)
    quiet_period: float = 0.05  # writes closer than this are one save: one rebuild


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
    """The site as last built from site_dir into root (a private folder), or the error that
    stopped the last build."""

    site_dir: Path
    root: Path
    drafts: bool = False
    output_dir: Path | None = None  # also keep this folder up to date (--write-output)
    config: SiteConfig = field(default_factory=SiteConfig)  # from the last good build
    error: str | None = None
    built: bool = False  # root holds a complete site
    cache: dict[Article, ArticleAnalysis] = field(default_factory=dict, repr=False)
    last: Built | None = field(default=None, repr=False)  # for re-rendering only what changed
    unbuilt: set[str] = field(default_factory=set)  # files changed since the last good build

    def __post_init__(self) -> None:
        self.site_dir = self.site_dir.resolve()
        self.root.mkdir(parents=True, exist_ok=True)

    @property
    def base_path(self) -> str:
        return self.config.base_path

    def rebuild(self, changed_paths: Iterable[Path] | None = None) -> RebuildOutcome:
        """Build again after the given files changed (None: the first build, which trusts
        whatever analyses the cache was given)."""
        started = time.perf_counter()
        trigger = self._relative(changed_paths or ())
        if self._settings_changed(trigger):
            self.cache.clear()  # analysis depends on the language, day_first and actors
        cached_before = set(self.cache)
        was_error = self.error
        # Changes made while the site failed to build are not in the last good build either.
        unbuilt = self.unbuilt | set(trigger)
        try:
            if self.last is not None and self._articles_only(tuple(sorted(unbuilt))):
                built = self._rerender_changes(self.last)
            else:
                built = self._build_everything()
            changed = update_tree(built.files, self.root)
            if self.output_dir is not None and (changed or self.last is None):
                write_site(built.files, self.output_dir)
        except Exception as exc:  # every failure is shown in the browser, never kills serve
            self.unbuilt = unbuilt
            self.error, details = describe_failure(exc)
            return RebuildOutcome(False, time.perf_counter() - started, trigger, error=self.error,
                                  details=details, reload=self.error != was_error)
        self.config, self.error, self.built, self.last = built.config, None, True, built
        self.unbuilt = set()
        current = {analysis.article for analysis in built.timeline.articles}
        analysed = len(set(self.cache) - cached_before)
        for article in [a for a in self.cache if a not in current]:
            del self.cache[article]  # deleted or edited articles: do not keep them forever
        return RebuildOutcome(True, time.perf_counter() - started, trigger, tuple(changed), analysed,
                              built.rendered, reload=bool(changed) or was_error is not None)

    def _build_everything(self) -> Built:
        result = run_pipeline(serve_build_options(self.site_dir, self.drafts), cache=self.cache)
        return Built(result.config, result.timeline, result.files, result.pages)

    def _rerender_changes(self, last: Built) -> Built:
        """The pipeline up to the timeline, then only the pages whose inputs changed.

        Rendering is most of a warm rebuild, and an edit to one article changes its page,
        its actors' pages and the site-wide pages, not the hundreds of other articles'."""
        site = load_site(BuildOptions(self.site_dir, drafts=self.drafts))
        if site.config != last.config:
            return self._build_everything()
        analyses = analyse_all(site.articles, analysis_settings(site), cache=self.cache)
        timeline = assemble(site, analyses)
        theme = render.find_theme(site.config.theme, self.site_dir)
        old_pages = set(render.page_paths(last.timeline, site.config, SERVE_RENDER))
        new_pages = set(render.page_paths(timeline, site.config, SERVE_RENDER))
        exports = export.export_files(timeline, site.config, site.media)
        # Besides pages and the theme's files, the last build holds exports, pictures and
        # the search index: all made afresh here (the index has no way to drop a record).
        old_made = set(last.files) - old_pages - {n for n in last.files if n.startswith("static/")}
        files = {name: data for name, data in last.files.items()
                 if name not in old_made and (name in new_pages or name not in old_pages)}
        dirty = pages_to_render(last.timeline, timeline, site.config)
        pages = render.render_pages(timeline, site.config, theme, sorted(dirty), build_info=BUILD_INFO,
                                    media=site.media, options=SERVE_RENDER)
        files.update(site.media.files)
        files.update(pages)
        files.update(exports)
        if site.config.search:
            files.update(search_index(timeline, site.config, self.site_dir, site.media))
        return Built(site.config, timeline, dict(sorted(files.items())), len(pages))

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

    def _settings_changed(self, trigger: tuple[str, ...]) -> bool:
        settings = {CONFIG_FILE} | {f"{self.config.content_dir}/{name}" for name in SITE_WIDE_CONTENT}
        return any(path in settings for path in trigger)


def serve_build_options(site_dir: Path, drafts: bool = False) -> BuildOptions:
    """How annals serve builds: like annals build --review, with the editors' hints."""
    return BuildOptions(site_dir, drafts=drafts, review=True, preview=True)


def describe_failure(exc: BaseException) -> tuple[str, str | None]:
    """The error text people see, and a traceback when the failure is a bug, not content."""
    if isinstance(exc, BuildErrors):
        return "\n".join(e.describe() for e in exc.errors), None
    if isinstance(exc, AnnalsError):
        return str(exc), None
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = exc.filename or exc.name or "template"
        return f"{where}:{exc.lineno}: {exc.message}", None
    if isinstance(exc, jinja2.TemplateError):
        return f"template error: {exc}", None
    details = "".join(traceback.format_exception(exc))
    return f"Annals failed while building the site ({type(exc).__name__}: {exc}).\n" \
           "This is a bug in Annals or a theme; the terminal shows the details.", details


BUILD_INFO = {"generator": f"Annals {__version__}"}  # as build.render_files gives it


@dataclass(frozen=True)
class Built:
    config: SiteConfig
    timeline: Timeline
    files: dict[str, bytes]
    rendered: int  # HTML pages rendered for this build


def pages_to_render(old: Timeline, new: Timeline, config: SiteConfig | None = None) -> set[str]:
    """The pages of ``new`` that can differ from those rendered for ``old``.

    A page is a function of the data it shows; an actor page, of the actor, its events, the
    articles citing them, the cast (co-actor names) and the key dates; an article page, of
    its analysis and the timeline events citing it. Equal inputs, equal page. The home
    timeline's year pages (big sites) go with the site-wide pages; when an edit splits the
    home timeline into years or joins it again, every event link moves: all pages."""
    new_pages = set(render.page_paths(new, config, SERVE_RENDER))
    if bool(render.year_pages(old, config)) != bool(render.year_pages(new, config)):
        return new_pages
    pages = set(SITE_WIDE_PAGES) | set(render.year_pages(new, config))
    pages |= new_pages - set(render.page_paths(old, config, SERVE_RENDER))
    for actor in new.actors:
        if _actor_inputs(old, actor.slug) != _actor_inputs(new, actor.slug):
            pages |= {urls.actor_page(actor.slug), urls.actor_embed_page(actor.slug)}
            pages |= set(render.year_pages(new, config, actor.slug))
    old_articles = _article_inputs(old)
    for slug, inputs in _article_inputs(new).items():
        if old_articles.get(slug) != inputs:
            pages.add(urls.article_page(slug))
    return pages


def _actor_inputs(timeline: Timeline, slug: str) -> tuple:
    events = tuple(e for e in timeline.events if slug in e.actors)
    cited = {a for e in events for a in e.articles}
    sources = tuple(a for a in timeline.articles if a.article.slug in cited)
    return (next((a for a in timeline.actors if a.slug == slug), None), events, sources,
            timeline.actors, timeline.key_dates)


def _article_inputs(timeline: Timeline) -> dict[str, tuple[ArticleAnalysis, tuple[TimelineEvent, ...]]]:
    citing: dict[str, list[TimelineEvent]] = {}
    for event in timeline.events:
        for slug in event.articles:
            citing.setdefault(slug, []).append(event)
    return {a.article.slug: (a, tuple(citing.get(a.article.slug, ()))) for a in timeline.articles}


# Routing ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Route:
    kind: str  # "file" | "redirect" | "not-found" | "error"
    target: str = ""  # the file path under the site folder, or where to redirect


def route(url_path: str, base_path: str, failing: bool) -> Route:
    """Where a request goes: the site lives under base_path; "/" leads there."""
    if failing and (url_path.startswith(base_path) or url_path == "/"):
        return Route("error")
    if url_path.startswith(base_path):
        return Route("file", url_path[len(base_path):])
    if url_path in ("/", "") or url_path + "/" == base_path:
        return Route("redirect", base_path)
    return Route("not-found")


# HTTP ------------------------------------------------------------------------------------

class ReloadHub:
    """The browsers connected over the livereload protocol."""

    # A page can load just before a rebuild ends and connect only after its reload was
    # sent. Pages carry the generation they were served at (a cookie, which the socket's
    # handshake sends back): an older one is reloaded as soon as it connects.
    COOKIE = "annals-build"

    def __init__(self) -> None:
        self.sockets: set[websocket.WebSocketHandler] = set()
        self.generation = 0  # reloads sent so far
        self.last = ""  # the last reload message

    def reload(self, path: str = "*") -> int:
        message = json.dumps({"command": "reload", "path": path, "liveCSS": True, "liveImg": True})
        self.generation += 1
        self.last = message
        for socket in list(self.sockets):
            try:
                socket.write_message(message)
            except websocket.WebSocketClosedError:
                self.sockets.discard(socket)
        return len(self.sockets)


class ReloadSocket(websocket.WebSocketHandler):
    """The server side of the livereload protocol (version 7): a hello, then reload commands."""

    def initialize(self, hub: ReloadHub) -> None:
        self.hub = hub

    def open(self, *args: str, **kwargs: str) -> None:
        self.hub.sockets.add(self)

    def on_message(self, message: str | bytes) -> None:
        try:
            command = json.loads(message).get("command")
        except (ValueError, AttributeError):
            return
        if command == "hello":
            self.write_message(json.dumps({
                "command": "hello", "serverName": "annals",
                "protocols": ["http://livereload.com/protocols/official-7"]}))
            served = self.get_cookie(ReloadHub.COOKIE, "")
            if served.isdigit() and int(served) < self.hub.generation:
                self.write_message(self.hub.last)

    def on_close(self) -> None:
        self.hub.sockets.discard(self)


class SiteHandler(web.StaticFileHandler):
    """The preview's files under the site's base path, or the build error at every URL."""

    def initialize(self, path: str, preview: Preview, hub: ReloadHub) -> None:  # type: ignore[override]
        super().initialize(path, default_filename="index.html")
        self.preview = preview
        self.hub = hub

    async def get(self, path: str, include_body: bool = True) -> None:
        where = route(self.request.path, self.preview.base_path, self.preview.error is not None)
        if where.kind == "error":
            self._send_html(500, self.preview.error_page(), include_body)
        elif where.kind == "redirect":
            self.redirect(where.target)
        elif where.kind == "not-found" or _dot_file(where.target):
            raise web.HTTPError(404)  # dot-files (the ownership marker, editors' files) are not the site
        else:
            await super().get(where.target, include_body)

    def set_extra_headers(self, path: str) -> None:
        self.set_header("Cache-Control", "no-store")  # a preview changes under the browser
        self._stamp()

    def _stamp(self) -> None:
        self.set_cookie(ReloadHub.COOKIE, str(self.hub.generation), path="/", samesite="Strict")

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        page = Path(self.root) / NOT_FOUND_PAGE
        if status_code == 404 and page.is_file():
            self._send_html(404, page.read_bytes(), True)
        else:
            super().write_error(status_code, **kwargs)

    def _send_html(self, status: int, body: bytes, include_body: bool) -> None:
        self.clear()
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self._stamp()
        self.finish(body if include_body else None)


def _dot_file(path: str) -> bool:
    return any(part.startswith(".") for part in path.split("/"))


def make_app(preview: Preview, hub: ReloadHub, host: str = "127.0.0.1") -> web.Application:
    """The preview's HTTP routes, answering only requests addressed to ``host`` (the address
    the server listens on; see host_allowed)."""
    class InjectLiveReload(LiveScriptInjector):
        script = LIVERELOAD_TAG

    return HostCheckedApplication([
        (LIVERELOAD_PATH, ReloadSocket, {"hub": hub}),
        (r"/livereload\.js", LiveReloadJSHandler),
        (r"/(.*)", SiteHandler, {"path": str(preview.root), "preview": preview, "hub": hub}),
    ], host, transforms=[InjectLiveReload], log_function=_no_access_log)


def _no_access_log(handler: web.RequestHandler) -> None:
    """Requests are not news while previewing; build results are what the terminal shows."""


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
        with tempfile.TemporaryDirectory(prefix="annals-serve-") as tmp:
            preview = Preview(site_dir, Path(tmp) / "site", drafts=options.drafts, output_dir=output_dir)
            report(out, preview.rebuild())
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
    watcher = FileWatcher(preview.watch_roots(), options.quiet_period).start()
    rebuilds = Rebuilds(preview, watcher, hub, out)
    poller = PeriodicCallback(rebuilds.check, options.check_interval * 1000)
    poller.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
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


@dataclass
class Rebuilds:
    """Saves in, rebuilds out: the watcher's batches, one rebuild for all the saves made
    since the last. The rebuild runs in the server's loop, so no page is served half-built;
    only the pages and files that changed are rewritten (Preview.rebuild)."""

    preview: Preview
    watcher: FileWatcher
    hub: ReloadHub
    out: Console

    def check(self) -> None:
        changed = self.watcher.take()
        if not changed:
            return
        outcome = self.preview.rebuild(changed)
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


__all__ = ["Preview", "RebuildOutcome", "Route", "ServeOptions", "describe_failure", "local_url",
           "make_app", "report", "route", "serve"]
