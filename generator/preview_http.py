"""The preview's HTTP layer: routes under the site's base path, the site's files from
memory (serve.Preview), the livereload protocol, and the error every URL shows while the
site fails to build. No building here: serve.py drives rebuilds and tells ReloadHub.
"""

from __future__ import annotations

import json
import mimetypes
import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING

import jinja2
from livereload.handlers import LiveReloadJSHandler
from livereload.server import LiveScriptInjector
from rich.console import Console
from rich.markup import escape
from tornado import web, websocket

from . import render
from .errors import AnnalsError, BuildErrors
from .hostcheck import HostCheckedApplication

if TYPE_CHECKING:
    from .serve import Preview

LIVERELOAD_PATH = "/livereload"
# An external script (not inline) so a site's Content-Security-Policy of 'self' allows it;
# livereload.js finds the server's host and port from its own src.
LIVERELOAD_TAG = b'<script src="/livereload.js" defer></script>'
NOT_FOUND_PAGE = "404.html"
TEXT_TYPES = ("application/json", "application/xml", "application/atom+xml", "image/svg+xml",
              "application/javascript")


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


class SiteHandler(web.RequestHandler):
    """The preview's files under the site's base path, from memory (a page nobody asked for
    since the last save is made now), or the build error at every URL."""

    def initialize(self, preview: Preview, hub: ReloadHub) -> None:  # type: ignore[override]
        self.preview = preview
        self.hub = hub

    async def get(self, path: str = "", include_body: bool = True) -> None:
        where = route(self.request.path, self.preview.base_path, self.preview.error is not None)
        if where.kind == "error":
            self._send(500, self.preview.error_page(), "text/html; charset=utf-8", include_body)
            return
        if where.kind == "redirect":
            self.redirect(where.target)
            return
        name = where.target
        if where.kind == "not-found" or _dot_file(name) or "\\" in name or "\0" in name:
            self._not_found(include_body)
            return
        if name == "" or name.endswith("/"):
            name += "index.html"
        try:
            data = self.preview.file(name)
            if data is None and self.preview.file(name + "/index.html") is not None:
                self.redirect(self.request.path + "/")  # a folder: its index, as a static host does
                return
        except Exception as exc:  # noqa: BLE001 - a page made now can fail like any build
            message, details = describe_failure(exc)
            if details:
                Console(stderr=True).print(escape(details), end="")
            page = render.render_error_page(message, self.preview.config).encode("utf-8")
            self._send(500, page, "text/html; charset=utf-8", include_body)
            return
        if data is None:
            self._not_found(include_body)
            return
        self._send(200, data, content_type(name), include_body)

    async def head(self, path: str = "") -> None:
        await self.get(path, include_body=False)

    def _not_found(self, include_body: bool) -> None:
        page = self.preview.file(NOT_FOUND_PAGE) if self.preview.error is None else None
        self._send(404, page or b"Not found", "text/html; charset=utf-8", include_body)

    def _send(self, status: int, body: bytes, kind: str, include_body: bool) -> None:
        self.clear()
        self.set_status(status)
        self.set_header("Content-Type", kind)
        self.set_header("Cache-Control", "no-store")  # a preview changes under the browser
        self.set_cookie(ReloadHub.COOKIE, str(self.hub.generation), path="/", samesite="Strict")
        if not include_body:
            self.set_header("Content-Length", str(len(body)))
        self.finish(body if include_body else None)


def content_type(name: str) -> str:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind in TEXT_TYPES else kind


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
        (r"/(.*)", SiteHandler, {"preview": preview, "hub": hub}),
    ], host, transforms=[InjectLiveReload], log_function=_no_access_log)


def _no_access_log(handler: web.RequestHandler) -> None:
    """Requests are not news while previewing; build results are what the terminal shows."""
