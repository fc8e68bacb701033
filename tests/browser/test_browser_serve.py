"""`annals serve` as a user runs it (a real subprocess) with a real browser on its pages:
edits reload the open page, a broken article shows an error page naming the file, and the
next good save brings the site back. The site is a private copy of the example site,
published under a sub-path, so the repository is never edited."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from generator.content import slugify

pytestmark = pytest.mark.browser

RELOAD_TIMEOUT = 15_000  # ms
LOOPBACK_HEX = "0100007F"  # 127.0.0.1 as /proc/net/tcp writes it


@pytest.fixture
def article(serving) -> Iterator[tuple[Path, str]]:
    """An article of the copy, and its slug; restored after the test."""
    files = sorted((serving.site_dir / "content" / "articles").rglob("*.md"))
    path = next(p for p in files if not re.search(r"(?m)^slug:", p.read_text(encoding="utf-8")))
    original = path.read_text(encoding="utf-8")
    yield path, slugify(path.stem)
    path.write_text(original, encoding="utf-8")


def with_paragraph(text: str, paragraph: str) -> str:
    """The article with a paragraph added at the start of its body."""
    head, sep, body = text.partition("\n---\n")
    assert sep, "the article needs front matter"
    return f"{head}{sep}{paragraph}\n\n{body}"


def wait_for_livereload(page) -> None:
    page.wait_for_function("() => window.LiveReload && window.LiveReload.connector"
                           " && window.LiveReload.connector.protocol > 0")


def listening_addresses(port: int) -> set[str]:
    addresses = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        if not table.is_file():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                addresses.add(address)
    return addresses


def test_serve_listens_on_loopback_only_under_the_base_path(serving):
    if not Path("/proc/net/tcp").is_file():
        pytest.skip("needs Linux /proc/net/tcp to see the bound address")
    assert listening_addresses(serving.port) == {LOOPBACK_HEX}
    with urllib.request.urlopen(f"http://127.0.0.1:{serving.port}/", timeout=10) as response:
        assert response.url == serving.url()  # "/" redirects to the site's base path
        assert b"/livereload.js" in response.read()
    assert f"http://127.0.0.1:{serving.port}/story/" in serving.output()


def test_edit_reloads_the_open_page(page, serving, article):
    path, slug = article
    page.goto(serving.url(f"articles/{slug}/"))
    wait_for_livereload(page)
    page.evaluate("() => { window.beforeEdit = true; }")

    path.write_text(with_paragraph(path.read_text(encoding="utf-8"), "Quillfeather inspected the depot."),
                    encoding="utf-8")
    page.locator(".article-body").filter(has_text="Quillfeather").wait_for(timeout=RELOAD_TIMEOUT)
    assert page.evaluate("() => window.beforeEdit") is None  # a real reload, not a patch
    assert not (serving.site_dir / "output").exists()  # serving never writes output/


def test_broken_article_shows_an_error_page_then_recovers(page, serving, article):
    path, slug = article
    original = path.read_text(encoding="utf-8")
    relative = path.relative_to(serving.site_dir).as_posix()
    page.goto(serving.url(f"articles/{slug}/"))
    wait_for_livereload(page)

    path.write_text("---\ntitle: [never closed\ndate: 2025-01-01\n---\nA body.\n", encoding="utf-8")
    page.locator("body").filter(has_text=relative).wait_for(timeout=RELOAD_TIMEOUT)
    assert "could not be built" in page.inner_text("h1")
    for other in ("", "actors/", "no/such/page/"):  # every URL of the site shows it
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(serving.url(other), timeout=10)
        assert failed.value.code == 500 and relative in failed.value.read().decode()

    wait_for_livereload(page)  # the error page reloads by itself too
    path.write_text(with_paragraph(original, "Marrowbend reopened the crossing."), encoding="utf-8")
    page.locator(".article-body").filter(has_text="Marrowbend").wait_for(timeout=RELOAD_TIMEOUT)
    log = serving.output()
    assert relative in log and "Traceback" not in log  # named in the terminal, without a traceback
    assert not (serving.site_dir / "output").exists()
