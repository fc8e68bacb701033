"""`annals serve` without a browser: the rebuild state machine (Preview), change detection
(watch.py), routing, and the HTTP layer in-process (Tornado on a free port)."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from tornado import httpclient, httpserver, netutil, websocket

from generator import serve as serve_module
from generator.build import BuildOptions, run_pipeline
from generator.model import Article, ArticleAnalysis
from generator.preview_http import ReloadHub, make_app, route
from generator.serve import Preview, RebuildOutcome, local_url, serve_build_options
from generator.watch import FileWatcher

REPO = Path(__file__).resolve().parents[2]
BROKEN_FRONT_MATTER = "---\ntitle: [never closed\ndate: 2025-01-01\n---\nA body.\n"


# Fixtures --------------------------------------------------------------------------------

def copy_site(target: Path, base_url: str | None = None) -> Path:
    target.mkdir(parents=True)
    shutil.copy2(REPO / "site.yaml", target / "site.yaml")
    shutil.copytree(REPO / "content", target / "content")
    if base_url is not None:
        config = target / "site.yaml"
        text, count = re.subn(r"(?m)^base_url:.*$", f'base_url: "{base_url}"',
                              config.read_text(encoding="utf-8"))
        assert count == 1
        config.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> dict[Article, ArticleAnalysis]:
    """One full analysis of the example site, shared so each test's Preview starts warm
    (articles are keyed by content and site-relative path, so copies hit the cache)."""
    site = copy_site(tmp_path_factory.mktemp("warm") / "site")
    preview = Preview(site)
    outcome = preview.rebuild()
    assert outcome.ok, outcome.error
    assert outcome.analysed == len(preview.cache) > 5
    return dict(preview.cache)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "site")


@pytest.fixture
def preview(site: Path, tmp_path: Path, analysed) -> Preview:
    preview = Preview(site, cache=dict(analysed))
    outcome = preview.rebuild()
    assert outcome.ok, outcome.error
    assert outcome.analysed == 0
    return preview


def some_article(site: Path) -> tuple[Path, str]:
    files = sorted((site / "content" / "articles").rglob("*.md"))
    path = next(p for p in files if not re.search(r"(?m)^slug:", p.read_text(encoding="utf-8")))
    return path, path.stem


def add_paragraph(path: Path, paragraph: str) -> None:
    head, sep, body = path.read_text(encoding="utf-8").partition("\n---\n")
    path.write_text(f"{head}{sep}{paragraph}\n\n{body}", encoding="utf-8")


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


# Preview ---------------------------------------------------------------------------------

def test_first_build_is_held_in_memory_not_written_to_output(preview: Preview, site: Path):
    files = preview.site.everything()
    assert "index.html" in files and "timeline.json" in files and "404.html" in files
    assert not (site / "output").exists()
    assert preview.error is None and preview.built


def test_warming_compiles_the_dateline_grammar_the_first_save_would(preview: Preview):
    """The first build reads every analysis back from the cache, so nothing has asked for
    the dateline grammar yet; serve warms it before the first save needs it."""
    from generator.dateline import shapes
    from generator.dateline.lexicon import default_languages

    shapes.grammar.cache_clear()
    preview.warm()
    before = shapes.grammar.cache_info()
    shapes.grammar(default_languages(preview.config.language))
    after = shapes.grammar.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)


def test_edit_analyses_only_that_article_and_matches_a_full_build(preview: Preview, site: Path):
    path, slug = some_article(site)
    add_paragraph(path, "Quillfeather inspected the depot on Monday.")
    outcome = preview.rebuild([path])
    assert outcome.ok and outcome.reload
    assert outcome.analysed == 1
    assert outcome.trigger == (path.relative_to(site).as_posix(),)
    assert f"articles/{slug}/index.html" in outcome.changed
    assert "Quillfeather" in preview.file(f"articles/{slug}/index.html").decode()
    # What serve shows after the edit is exactly what a fresh build makes.
    assert preview.site.everything() == run_pipeline(serve_build_options(site)).files


def _new_article(site: Path) -> list[Path]:
    path = site / "content" / "articles" / "2025" / "preview-extra.md"
    path.write_text("---\ntitle: Depot inspection\ndate: 2025-07-23\nsource: Test Wire\n---\n"
                    "Inspectors from Ankara visited the Aleppo depot last Saturday, officials said on "
                    "Wednesday.\n", encoding="utf-8")
    return [path]


def _retitle(site: Path) -> list[Path]:
    path, _ = some_article(site)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^title:.*$", 'title: "A new headline"', text, count=1)
                    .replace("\nsource:", "\nsource: Renamed Desk\nx-old-source:", 1), encoding="utf-8")
    return [path]


def _delete_two(site: Path) -> list[Path]:
    files = sorted((site / "content" / "articles").rglob("*.md"))[:2]
    for path in files:
        path.unlink()
    return files


def _drop_dates(site: Path) -> list[Path]:
    path = sorted((site / "content" / "articles").rglob("*.md"))[-1]
    head, sep, _ = path.read_text(encoding="utf-8").partition("\n---\n")
    path.write_text(f"{head}{sep}Nothing dated happens here.\n", encoding="utf-8")
    return [path]


@pytest.mark.parametrize("edit", [_new_article, _retitle, _delete_two, _drop_dates])
def test_rendering_only_changed_pages_equals_a_full_build(preview: Preview, site: Path, edit):
    pages = sum(1 for name in preview.site.everything() if name.endswith(".html"))
    outcome = preview.rebuild(edit(site))
    assert outcome.ok, outcome.error
    assert 0 < outcome.rendered < pages  # the other pages were kept, not rendered again
    assert preview.site.everything() == run_pipeline(serve_build_options(site)).files


@pytest.mark.parametrize("margin", [0, -1, None])  # exactly fits (an edit may split it), split, far below
@pytest.mark.parametrize("edit", [_new_article, _delete_two, _drop_dates])
def test_year_pages_of_split_timelines_stay_current(site: Path, tmp_path: Path, analysed, edit, margin):
    events = len(run_pipeline(BuildOptions(site)).timeline.events)
    page_events = 3 if margin is None else events + margin
    config = site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"\npage_events: {page_events}\n", encoding="utf-8")
    preview = Preview(site, cache=dict(analysed))
    assert preview.rebuild().ok
    assert any(name.startswith("years/") for name in preview.site.everything()) == (margin != 0)
    outcome = preview.rebuild(edit(site))
    assert outcome.ok, outcome.error
    assert preview.site.everything() == run_pipeline(serve_build_options(site)).files


def test_a_stylesheet_edit_swaps_only_the_stylesheet(preview: Preview, site: Path):
    static = site / "themes" / "default" / "static"
    static.mkdir(parents=True)
    (site / "themes" / "default" / "templates").mkdir()  # a partial theme: only the CSS is its own
    (static / "style.css").write_text("body { color: black; }\n", encoding="utf-8")
    outcome = preview.rebuild([static / "style.css"])
    assert outcome.ok and outcome.changed == ("static/style.css",)
    assert outcome.reload_path == "static/style.css"
    assert outcome.rendered == 0  # pages name the stylesheet; none is made again
    assert preview.file("static/style.css") == b"body { color: black; }\n"
    assert preview.site.everything() == run_pipeline(serve_build_options(site)).files


def test_a_template_edit_makes_every_page_again(preview: Preview, site: Path):
    templates = site / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    (templates / "404.html").write_text('{% extends "base.html" %}{% block main %}<h1>Quite lost</h1>'
                                        "{% endblock %}\n", encoding="utf-8")
    outcome = preview.rebuild([templates / "404.html"])
    pages = [name for name in preview.site.names() if name.endswith(".html")]
    assert outcome.ok and outcome.rendered == len(pages) and "404.html" in outcome.changed
    assert b"Quite lost" in preview.file("404.html")
    assert preview.site.everything() == run_pipeline(serve_build_options(site)).files


def test_theme_edit_while_broken_is_rendered_when_fixed(preview: Preview, site: Path):
    path, _ = some_article(site)
    original = path.read_text(encoding="utf-8")
    path.write_text(BROKEN_FRONT_MATTER, encoding="utf-8")
    assert not preview.rebuild([path]).ok
    templates = site / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    (templates / "404.html").write_text('{% extends "base.html" %}{% block main %}<h1>Lost</h1>'
                                        "{% endblock %}\n", encoding="utf-8")
    assert not preview.rebuild([templates / "404.html"]).ok  # still broken: the article
    path.write_text(original, encoding="utf-8")
    fixed = preview.rebuild([path])  # only the article changed now, but the theme did before
    assert fixed.ok and "404.html" in fixed.changed
    assert preview.site.everything() == run_pipeline(serve_build_options(site)).files


def test_a_save_that_changes_nothing_does_not_reload(preview: Preview, site: Path):
    path, _ = some_article(site)
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    outcome = preview.rebuild([path])
    assert outcome.ok and outcome.changed == () and not outcome.reload
    assert outcome.analysed == 0


def test_broken_article_is_an_error_until_fixed(preview: Preview, site: Path):
    path, slug = some_article(site)
    original = path.read_text(encoding="utf-8")
    relative = path.relative_to(site).as_posix()
    page_before = preview.file(f"articles/{slug}/index.html")

    path.write_text(BROKEN_FRONT_MATTER, encoding="utf-8")
    failed = preview.rebuild([path])
    assert not failed.ok and failed.reload
    assert failed.error is not None and relative in failed.error
    assert re.search(re.escape(relative) + r":\d+:", failed.error)  # file:line:
    assert failed.details is None  # a content error: no traceback
    assert preview.error == failed.error
    assert relative.encode() in preview.error_page()
    # The last good site stays on disk, untouched.
    assert preview.file(f"articles/{slug}/index.html") == page_before

    again = preview.rebuild([path])
    assert not again.ok and not again.reload  # the same error: browsers already show it

    path.write_text(original.replace("\n---\n", "\n---\nMarrowbend reopened the crossing.\n\n", 1),
                    encoding="utf-8")
    fixed = preview.rebuild([path])
    assert fixed.ok and fixed.reload and preview.error is None
    assert "Marrowbend" in preview.file(f"articles/{slug}/index.html").decode()


def test_error_page_escapes_what_it_shows(preview: Preview, site: Path):
    path, _ = some_article(site)
    path.write_text("---\ntitle: <script>alert(1)</script>\ndate: [\n---\nBody\n", encoding="utf-8")
    assert not preview.rebuild([path]).ok
    page = preview.error_page().decode()
    assert "<script>alert(1)" not in page
    assert "livereload" not in page  # the HTTP layer injects the client, not the page


def test_actors_file_change_reanalyses_everything(preview: Preview, site: Path):
    actors = site / "content" / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    outcome = preview.rebuild([actors])
    assert outcome.ok
    assert outcome.analysed == len(preview.cache) > 5


def test_site_yaml_change_reanalyses_everything_and_moves_the_base_path(preview: Preview, site: Path):
    assert preview.base_path == "/"
    config = site / "site.yaml"
    config.write_text(re.sub(r"(?m)^base_url:.*$", 'base_url: "https://example.org/story/"',
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    outcome = preview.rebuild([config])
    assert outcome.ok and outcome.analysed == len(preview.cache)
    assert preview.base_path == "/story/"


def test_deleted_article_disappears_and_leaves_the_cache(preview: Preview, site: Path):
    path, slug = some_article(site)
    cached = len(preview.cache)
    path.unlink()
    outcome = preview.rebuild([path])
    assert outcome.ok
    assert f"articles/{slug}/index.html" in outcome.changed
    assert f"articles/{slug}/index.html" not in preview.site
    assert len(preview.cache) == cached - 1


def test_broken_template_names_the_template(preview: Preview, site: Path):
    templates = site / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    (templates / "index.html").write_text('{% extends "base.html" %}\n{% block main %}\n{% if %}\n'
                                          "{% endblock %}\n", encoding="utf-8")
    assert site / "themes" in preview.watch_roots()
    outcome = preview.rebuild([templates / "index.html"])
    assert not outcome.ok
    assert "themes/default/templates/index.html" in (outcome.error or "")
    (templates / "index.html").unlink()
    assert preview.rebuild([templates / "index.html"]).ok


def test_a_bug_is_reported_with_its_traceback(preview: Preview, monkeypatch: pytest.MonkeyPatch):
    def broken(*args: Any, **kwargs: Any):
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(serve_module, "run_pipeline", broken)
    outcome = preview.rebuild()
    assert not outcome.ok
    assert "renderer exploded" in (outcome.error or "")
    assert "Traceback" in (outcome.details or "")


def test_write_output_keeps_the_output_folder_current(site: Path, tmp_path: Path, analysed):
    output = site / "output"
    preview = Preview(site, output_dir=output, cache=dict(analysed))
    assert preview.rebuild().ok
    assert tree(output) == preview.site.everything()
    path, slug = some_article(site)
    add_paragraph(path, "Quillfeather inspected the depot.")
    assert preview.rebuild([path]).ok
    assert "Quillfeather" in (output / "articles" / slug / "index.html").read_text(encoding="utf-8")


def test_watch_roots_cover_content_theme_and_config(preview: Preview, site: Path):
    roots = preview.watch_roots()
    assert site.resolve() / "site.yaml" in roots
    assert site.resolve() / "content" in roots
    assert any((root / "templates").is_dir() for root in roots)  # the theme in use


def test_reload_path_swaps_a_stylesheet_in_place():
    assert RebuildOutcome(True, 0.1, changed=("static/style.css",)).reload_path == "static/style.css"
    assert RebuildOutcome(True, 0.1, changed=("static/style.css", "index.html")).reload_path == "*"
    assert RebuildOutcome(False, 0.1, error="x").reload_path == "*"


# Routing ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url, base, failing, expected", [
    ("/", "/", False, ("file", "")),
    ("/actors/x/", "/", False, ("file", "actors/x/")),
    ("/", "/story/", False, ("redirect", "/story/")),
    ("/story", "/story/", False, ("redirect", "/story/")),
    ("/story/actors/", "/story/", False, ("file", "actors/")),
    ("/other/", "/story/", False, ("not-found", "")),
    ("/story/anything", "/story/", True, ("error", "")),
    ("/", "/story/", True, ("error", "")),
    ("/other/", "/story/", True, ("not-found", "")),
])
def test_route(url: str, base: str, failing: bool, expected: tuple[str, str]):
    where = route(url, base, failing)
    assert (where.kind, where.target) == expected


def test_local_url():
    assert local_url("127.0.0.1", 8000, "/story/") == "http://127.0.0.1:8000/story/"
    assert local_url("0.0.0.0", 8000, "/") == "http://127.0.0.1:8000/"
    assert local_url("::1", 8000, "/") == "http://[::1]:8000/"


# HTTP ------------------------------------------------------------------------------------

def run_async(coroutine) -> Any:
    """asyncio.run in a thread of its own: Playwright's sync API (browser tests in the same
    session) keeps an event loop running in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def _with_server(preview: Preview, scenario) -> Any:
    hub = ReloadHub()
    sockets = netutil.bind_sockets(0, address="127.0.0.1")
    server = httpserver.HTTPServer(make_app(preview, hub))
    server.add_sockets(sockets)
    try:
        return await scenario(sockets[0].getsockname()[1], hub)
    finally:
        server.stop()


async def _fetch(url: str) -> httpclient.HTTPResponse:
    return await httpclient.AsyncHTTPClient().fetch(url, raise_error=False, follow_redirects=False)


@pytest.fixture
def story_preview(tmp_path: Path, analysed) -> Preview:
    site = copy_site(tmp_path / "story-site", base_url="https://example.org/story/")
    preview = Preview(site, tmp_path / "story-preview", cache=dict(analysed))
    assert preview.rebuild().ok
    return preview


def test_http_serves_the_site_under_its_base_path(story_preview: Preview):
    async def scenario(port: int, hub: ReloadHub) -> None:
        origin = f"http://127.0.0.1:{port}"
        home = await _fetch(f"{origin}/")
        assert home.code in (301, 302) and home.headers["Location"] == "/story/"
        page = await _fetch(f"{origin}/story/")
        assert page.code == 200
        body = page.body.decode()
        assert body.count('<script src="/livereload.js"') == 1 and body.index("/livereload.js") < body.index("</head>")
        assert int(page.headers["Content-Length"]) == len(page.body)
        assert page.headers["Cache-Control"] == "no-store"
        data = await _fetch(f"{origin}/story/timeline.json")
        assert data.code == 200 and json.loads(data.body)["events"]
        assert b"livereload" not in data.body
        missing = await _fetch(f"{origin}/story/no/such/page/")
        assert missing.code == 404 and b"Page not found" in missing.body
        assert (await _fetch(f"{origin}/elsewhere/")).code == 404
        client = await _fetch(f"{origin}/livereload.js")
        assert client.code == 200 and b"LiveReload" in client.body

    run_async(_with_server(story_preview, scenario))


def test_http_shows_the_error_at_every_url_and_reloads_browsers(story_preview: Preview):
    path, _ = some_article(story_preview.site_dir)

    async def scenario(port: int, hub: ReloadHub) -> None:
        origin = f"http://127.0.0.1:{port}"
        socket = await websocket.websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        socket.write_message(json.dumps({"command": "hello",
                                         "protocols": ["http://livereload.com/protocols/official-7"]}))
        hello = json.loads(await socket.read_message())
        assert hello["command"] == "hello"

        path.write_text(BROKEN_FRONT_MATTER, encoding="utf-8")
        outcome = story_preview.rebuild([path])
        assert outcome.reload and hub.reload(outcome.reload_path) == 1
        message = json.loads(await socket.read_message())
        assert message["command"] == "reload" and message["path"] == "*"
        for url in ("/story/", "/story/actors/", "/story/static/style.css", "/"):
            response = await _fetch(origin + url)
            assert response.code == 500
            assert path.name in response.body.decode()
            assert b"/livereload.js" in response.body  # so the fix reloads the page
        socket.close()

    run_async(_with_server(story_preview, scenario))


# Change detection --------------------------------------------------------------------------

def wait_for_changes(watcher: FileWatcher, seconds: float = 5.0) -> set[Path]:
    """Everything the watcher reports until nothing more comes for a moment (bounded)."""
    deadline = time.monotonic() + seconds
    found: set[Path] = set()
    while time.monotonic() < deadline:
        batch = watcher.take()
        if batch:
            found |= batch
        elif found:
            time.sleep(0.2)
            return found | (watcher.take() or set())
        time.sleep(0.02)
    return found


def test_native_events_report_saves_and_skip_editor_files(tmp_path: Path):
    content = tmp_path / "content"
    (content / "sub").mkdir(parents=True)
    (tmp_path / "site.yaml").write_text("title: x\n")
    watcher = FileWatcher((content, tmp_path / "site.yaml", tmp_path / "missing.yaml")).start()
    try:
        (content / "a.md").write_text("one")
        (content / "sub" / "b.md").write_text("two")
        (content / "sub" / ".b.md.swp").write_text("editor junk")
        (content / "a.md~").write_text("backup")
        assert wait_for_changes(watcher) == {content / "a.md", content / "sub" / "b.md"}
        (tmp_path / "site.yaml").write_text("title: y\n")
        assert wait_for_changes(watcher) == {tmp_path / "site.yaml"}
        assert watcher.take() is None
    finally:
        watcher.stop()


def test_rapid_writes_of_one_save_come_as_one_batch(tmp_path: Path):
    watcher = FileWatcher((tmp_path,), quiet=0.2).start()
    try:
        for i in range(5):
            (tmp_path / "a.md").write_text(f"draft {i}")
            time.sleep(0.01)
        time.sleep(0.5)
        assert watcher.take() == {tmp_path / "a.md"}
    finally:
        watcher.stop()


def test_a_batch_tells_on_change_as_it_arrives(tmp_path: Path):
    """The server's loop is woken by the watcher's thread, not by a poll: the callback runs
    once a batch waits, and the batch is there to take when it runs."""
    told = threading.Event()
    seen: list = []
    watcher = FileWatcher((tmp_path,), on_change=lambda: (seen.append(watcher.take()), told.set())).start()
    try:
        (tmp_path / "a.md").write_text("saved")
        assert told.wait(5.0)
        assert seen == [{tmp_path / "a.md"}]
    finally:
        watcher.stop()


def test_retarget_watches_the_new_roots_and_keeps_what_was_seen(tmp_path: Path):
    content, theme = tmp_path / "content", tmp_path / "theme"
    content.mkdir()
    theme.mkdir()
    watcher = FileWatcher((content,)).start()
    try:
        (content / "a.md").write_text("a, edited while a rebuild ran")
        time.sleep(0.3)
        watcher.retarget((content, theme))
        (theme / "page.html").write_text("t")
        assert wait_for_changes(watcher) == {content / "a.md", theme / "page.html"}
    finally:
        watcher.stop()


def test_polling_fallback_sees_saves_too(tmp_path: Path):
    watcher = FileWatcher((tmp_path,), force_polling=True).start()
    try:
        (tmp_path / "a.md").write_text("polled")
        assert wait_for_changes(watcher) == {tmp_path / "a.md"}
    finally:
        watcher.stop()
