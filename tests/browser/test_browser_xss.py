"""The XSS corpus: 100+ payloads in every field a site author (or whoever wrote a clipped
article) controls, built into a real site, and every page opened in Chromium, the embed
pages with every option of their query string carrying the payloads too.

A payload that ran would call ``annalsXss(N)``, exposed to every page and frame (and
alert/confirm/prompt are reported the same way); a payload that merely survived as a live
handler or a script URL in the page is reported from the DOM. Both lists must stay empty.
A control page with one live payload proves the hook sees an execution."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml

from generator.build import BuildOptions, build
from xss_payloads import payloads

pytestmark = pytest.mark.browser

PER_ARTICLE = 6
HOOK = """
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (message) => window.annalsXss(name + ":" + message);
}
"""
# Handlers and script-capable URLs left in the DOM, whether or not anything fired them.
DOM_CHECK = """() => {
  const found = [];
  const urlish = /^(href|src|action|formaction|data|poster|background|dynsrc|srcdoc|xlink:href)$/i;
  for (const element of document.querySelectorAll("*")) {
    for (const attr of element.attributes) {
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]+/g, "").toLowerCase();
      if (/^on/i.test(attr.name) ||
          (urlish.test(attr.name) && /^(javascript|vbscript|data:text\\/html)/.test(value)) ||
          attr.name.toLowerCase() === "srcdoc") {
        found.push(element.tagName + " " + attr.name + "=" + attr.value.slice(0, 60));
      }
    }
  }
  return found;
}"""


def rotate(items: list[str], start: int, count: int) -> list[str]:
    return [items[(start + k) % len(items)] for k in range(count)]


def write_xss_site(root: Path, base_url: str) -> Path:
    """Every payload in every field: article j carries payloads j*6 .. j*6+5 in each field,
    shifted by a different offset per field, so each field sees all of them across the site."""
    found = payloads()
    count = -(-len(found) // PER_ARTICLE)
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    actors = []
    for j in range(count):
        def field(offset: int, joiner: str = " ") -> str:
            return joiner.join(rotate(found, j * PER_ARTICLE + offset, PER_ARTICLE))

        actor = f"Actor{j} {found[(j * PER_ARTICLE) % len(found)]}"
        actors.append({"name": actor, "kind": ("person", "country", "organisation", "group")[j % 4],
                       "aliases": [f"Alias{j}-{k} {p}" for k, p in enumerate(rotate(found, j * PER_ARTICLE + 1, PER_ARTICLE))],
                       "description": field(2)})
        meta = {"title": field(0), "date": f"2025-07-{10 + j % 18:02d}", "source": field(3),
                "author": field(4), "url": "https://example.org/a?" + field(5, "&"),
                "actors": [actor] + rotate(found, j * PER_ARTICLE + 6, 3)}
        body = []
        for k, payload in enumerate(rotate(found, j * PER_ARTICLE + 7, PER_ARTICLE)):
            body.append(f"On 19 July 2025 the council said {payload} in Ankara, officials said on Monday.")
            body.append(payload)
            # a local image (a fast 404): the browser must not wait for the network
            body.append(f"[{payload}](https://example.org/{k}) and ![{payload}](missing-{k}.png)")
        text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + "\n\n".join(body) + "\n"
        (articles / f"xss-{j:02d}.md").write_text(text, encoding="utf-8")
    for j, language in enumerate((" ".join(found[:4]), '"><script>annalsXss(0)</script>')):
        (articles / f"lang-{j}.md").write_text(
            "---\n" + yaml.safe_dump({"title": "Language", "date": "2025-07-20", "lang": language}) + "---\n"
            "The ministry said on Monday it would reply.\n", encoding="utf-8")
    (root / "content" / "actors.yaml").write_text(yaml.safe_dump({"actors": actors}, allow_unicode=True),
                                                   encoding="utf-8")
    settings = {"title": " ".join(found[:10]), "description": " ".join(found[10:20]), "base_url": base_url}
    (root / "site.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def xss_site(static_server, tmp_path_factory):
    base_url = f"{static_server.origin}/xss/"
    site = write_xss_site(tmp_path_factory.mktemp("xss") / "site", base_url)
    output = static_server.root / "xss"
    build(BuildOptions(site, output_dir=output))
    pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    return base_url, output, pages


@pytest.fixture
def watched(browser):
    """A browser context whose every page and frame reports executions into ``hits``."""
    context = browser.new_context()
    context.set_default_timeout(15_000)
    hits: list[tuple[str, object]] = []
    context.expose_binding("annalsXss", lambda source, marker: hits.append((source["frame"].url, marker)))
    context.add_init_script(HOOK)
    page = context.new_page()
    yield page, hits
    context.close()


def visit(page, url: str, dom_findings: list[str] | None) -> None:
    """Open ``url``; add what DOM_CHECK finds to ``dom_findings`` (None: no DOM check, and
    no wait after the load event: the query string only reaches the page's own scripts,
    which run before it)."""
    page.goto(url, wait_until="load")
    if dom_findings is not None:
        page.wait_for_timeout(20)  # handlers queued at load (onerror of broken images) run first
        dom_findings.extend(f"{url}: {item}" for item in page.evaluate(DOM_CHECK))


def test_the_hook_sees_an_execution(watched, static_server):
    page, hits = watched
    (static_server.root / "control.html").write_text(
        "<!doctype html><title>control</title><img src=x onerror=annalsXss('control')>"
        "<a href='javascript:void 0'>link</a>", encoding="utf-8")
    findings: list[str] = []
    visit(page, f"{static_server.origin}/control.html", findings)
    page.wait_for_timeout(100)
    assert [marker for _, marker in hits] == ["control"]
    assert len(findings) == 2 and "IMG onerror=" in findings[0] and "A href=javascript:" in findings[1]


def test_no_payload_runs_on_any_page(watched, xss_site):
    page, hits = watched
    base_url, output, pages = xss_site
    assert len(payloads()) >= 100 and len(pages) > 40
    findings: list[str] = []
    for name in pages:
        visit(page, base_url + name.removesuffix("index.html"), findings)
    assert hits == [] and findings == []


def test_no_payload_runs_through_any_embed_option(watched, xss_site):
    page, hits = watched
    base_url, output, pages = xss_site
    found = payloads()
    findings: list[str] = []
    for payload in found:  # the whole-site embed: each payload alone in every option
        query = urlencode({"compact": "1", "dark": "1", "from": payload, "to": payload,
                           "actor": payload, "frame": payload})
        visit(page, f"{base_url}embed/?{query}", None)  # the options reach scripts, not the markup
    joined = " ".join(found)
    every = urlencode({"compact": "1", "dark": "1", "from": joined, "to": joined, "actor": joined, "frame": joined})
    for name in pages:  # every other page that reads its query string: all payloads at once
        if name.startswith("embed/") or name == "index.html" or name.startswith("actors/"):
            visit(page, f"{base_url}{name.removesuffix('index.html')}?{every}", findings)
    assert hits == [] and findings == []
