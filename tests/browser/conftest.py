"""Fixtures for the real-browser tests: one headless Chromium and one built example site per
session, served over HTTP under the sub-path /story/ like a site published at
https://example.org/story/.

Chromium is Debian's /usr/bin/chromium driven by Python Playwright (never a downloaded
browser). Without it the tests skip, unless CI=true, where a missing browser or axe-core is
a failure: the suite must not pass by not running.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest

from generator.build import BuildOptions, build

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
AXE_DEFAULT = REPO / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
SUB_PATH = "story"


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def require(condition: bool, reason: str) -> None:
    """Skip when something the test needs is missing, but fail on CI."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"{reason} (required because CI=true)", pytrace=False)
    pytest.skip(reason)


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file server that keeps the test output clean."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The browser drops connections it no longer needs (navigation, cancelled loads).
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@dataclass(frozen=True)
class StaticServer:
    root: Path
    port: int

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass(frozen=True)
class ServedSite:
    """The example site built with base_url http://127.0.0.1:<port>/story/ and served there."""

    server: StaticServer
    output: Path  # the built site, server.root / "story"
    base_url: str  # ends in "/story/"
    timeline: dict[str, Any]  # output/timeline.json

    def url(self, path: str = "") -> str:
        return self.base_url + path

    @property
    def event_ids(self) -> list[str]:
        """In page order: the story, then the background before the story window."""
        return self._story_first(self.timeline["events"])

    def actor_event_ids(self, slug: str) -> list[str]:
        return self._story_first([e for e in self.timeline["events"] if slug in e["actors"]])

    def _story_first(self, events: list[dict]) -> list[str]:
        story = self.timeline.get("story")
        start = story["from"] if story else ""
        early = [e["id"] for e in events if e["range"][0] and e["range"][0] < start]
        return [e["id"] for e in events if e["id"] not in early] + early

    def busiest_actor(self) -> str:
        """The actor in most (but not all) events: a filter on it visibly hides some."""
        total = len(self.timeline["events"])
        counts = {a["slug"]: len(self.actor_event_ids(a["slug"])) for a in self.timeline["actors"]}
        candidates = sorted((n, slug) for slug, n in counts.items() if 0 < n < total)
        assert candidates, "the example site needs an actor in some but not all events"
        return candidates[-1][1]

    def article_with_events(self) -> str:
        cited = [s["article"] for e in self.timeline["events"] for s in e["sources"]]
        assert cited, "the example site has no events"
        return sorted(set(cited), key=lambda slug: (-cited.count(slug), slug))[0]


def start_static_server(root: Path) -> tuple[QuietServer, threading.Thread]:
    server = QuietServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, name=f"http {root.name}", daemon=True)
    thread.start()
    return server, thread


def _serve_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[StaticServer]:
    root = tmp_path_factory.mktemp(name)
    server, thread = start_static_server(root)
    yield StaticServer(root, server.server_address[1])
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def static_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    yield from _serve_folder(tmp_path_factory, "served")


@pytest.fixture(scope="session")
def host_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StaticServer]:
    """Another origin (another port) for pages that embed the timeline, as a newspaper would."""
    yield from _serve_folder(tmp_path_factory, "host")


@pytest.fixture(scope="session")
def site(static_server: StaticServer) -> ServedSite:
    base_url = f"{static_server.origin}/{SUB_PATH}/"
    output = static_server.root / SUB_PATH
    build(BuildOptions(REPO, output_dir=output, base_url=base_url, review=True))
    timeline = json.loads((output / "timeline.json").read_text(encoding="utf-8"))
    return ServedSite(static_server, output, base_url, timeline)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require(CHROMIUM.is_file(), f"{CHROMIUM} is not installed")
    # Never let Playwright fetch a browser of its own.
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def page_errors(page: Any) -> list[str]:
    """Console errors and uncaught exceptions of ``page`` (listening from before the first
    navigation, so nothing that happens while a page loads is missed)."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"console: {msg.text} ({msg.location})")
            if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    return errors


@pytest.fixture(scope="session")
def axe_js() -> Path:
    configured = os.environ.get("ANNALS_AXE_JS")
    path = Path(configured) if configured else AXE_DEFAULT
    require(path.is_file(), f"axe-core not found at {path} (npm install --prefix {REPO}/.ci/node "
                            "axe-core@4, or set ANNALS_AXE_JS)")
    return path


def copy_example_site(target: Path) -> Path:
    """A private copy of the example site (site.yaml and content/) that tests may edit; the
    theme is found from the package, as for any site without its own themes/."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "site.yaml", target / "site.yaml")
    shutil.copytree(REPO / "content", target / "content")
    return target


# annals serve, as a subprocess -------------------------------------------------------------

START_TIMEOUT = 90  # the first build analyses every article


@dataclass
class ServeProcess:
    process: subprocess.Popen
    port: int
    site_dir: Path
    log: Path

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/story/{path}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(serving: ServeProcess) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if serving.process.poll() is not None:
            pytest.fail(f"annals serve exited ({serving.process.returncode}):\n{serving.output()}")
        try:
            with urllib.request.urlopen(serving.url(), timeout=5):
                return
        except urllib.error.HTTPError:
            return  # serving, if only an error page: the tests say what is wrong
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        time.sleep(0.3)
    pytest.fail(f"annals serve did not answer within {START_TIMEOUT} s:\n{serving.output()}")


@pytest.fixture(scope="module")
def serving(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeProcess]:
    site_dir = copy_example_site(tmp_path_factory.mktemp("serve") / "site")
    config = site_dir / "site.yaml"
    text, count = re.subn(r"(?m)^base_url:.*$", 'base_url: "https://example.org/story/"',
                          config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text, encoding="utf-8")
    port = free_port()
    log = site_dir.parent / "serve.log"
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", str(site_dir), "--port", str(port)],
            cwd=REPO, stdout=sink, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"})
    serving = ServeProcess(process, port, site_dir, log)
    try:
        wait_until_serving(serving)
        yield serving
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
