"""Embedding the timeline in another site's page, with the snippets the site itself offers.

The host page is served from another origin (another port), as a newspaper's page would be,
so the height messages really cross origins. The interesting case is a timeline inside a
tab that is hidden when the page loads: the frame must take its content's height once the
tab opens, not keep a default or a zero height.
"""

from __future__ import annotations

import html

import pytest

pytestmark = pytest.mark.browser

FRAME_DEFAULT_HEIGHT = 400  # what embed.js gives a frame before the page reports its height
MAX_HEIGHT = 800  # the auto-sizing frame's default limit: beyond it the frame scrolls inside

HOST_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Host newspaper page</title>
<link rel="icon" href="data:,">
<style>
  body {{ font: 16px sans-serif; margin: 2rem; }}
  .tab-panel {{ display: none; }}
  .tab-panel.open {{ display: block; }}
</style>
</head>
<body>
<main>
<h1>Our coverage</h1>
<div role="tablist">
  <button type="button" role="tab" id="tab-story" aria-selected="true">Story</button>
  <button type="button" role="tab" id="tab-timeline" aria-selected="false">Timeline</button>
  <button type="button" role="tab" id="tab-actor" aria-selected="false">Actor</button>
</div>
<section id="panel-story" class="tab-panel open"><p>Some prose before the timeline.</p></section>
<section id="panel-timeline" class="tab-panel">{script_snippet}</section>
<section id="panel-actor" class="tab-panel">{actor_snippet}</section>
<section id="plain">{iframe_snippet}</section>
</main>
<script>
  document.querySelectorAll("[role=tab]").forEach(function (tab) {{
    tab.addEventListener("click", function () {{
      document.querySelectorAll(".tab-panel").forEach(function (p) {{ p.classList.remove("open"); }});
      document.getElementById(tab.id.replace("tab-", "panel-")).classList.add("open");
    }});
  }});
</script>
</body>
</html>
"""


def snippet(page, site, path: str, textarea: str) -> str:
    """The embed snippet a page of the site offers (what an editor would copy)."""
    page.goto(site.url(path))
    return page.input_value(textarea)


@pytest.fixture
def host_page(page, site, host_server) -> str:
    actor = site.busiest_actor()
    script_snippet = snippet(page, site, "", "#embed-script")
    iframe_snippet = snippet(page, site, "", "#embed-iframe")
    actor_snippet = snippet(page, site, f"actors/{actor}/", "#embed-script")
    assert site.url("embed/") in html.unescape(script_snippet)
    assert site.url("static/embed.js") in html.unescape(script_snippet)
    text = HOST_PAGE.format(script_snippet=script_snippet, actor_snippet=actor_snippet,
                            iframe_snippet=iframe_snippet)
    (host_server.root / "host.html").write_text(text, encoding="utf-8")
    return f"{host_server.origin}/host.html"


def frame_height(page, panel: str) -> float:
    return page.eval_on_selector(f"{panel} iframe", "f => f.getBoundingClientRect().height")


def embedded_document(page, panel: str):
    frame = page.locator(f"{panel} iframe").element_handle().content_frame()
    assert frame is not None
    return frame


def assert_fits_content(page, panel: str, limit: float = MAX_HEIGHT) -> None:
    height = frame_height(page, panel)
    doc = embedded_document(page, panel)
    scroll_height = doc.evaluate("document.documentElement.scrollHeight")
    inner_height = doc.evaluate("window.innerHeight")
    assert height > 200
    assert height != FRAME_DEFAULT_HEIGHT
    assert abs(height - inner_height) <= 1
    if scroll_height > inner_height + 2:
        # Taller than the limit: the frame stops there and its content scrolls inside.
        assert abs(height - limit) <= 1, (height, scroll_height)
    else:
        # The frame is as tall as its document: nothing is cut off behind an inner scrollbar.
        assert height <= limit + 1


def test_timeline_in_a_hidden_tab_gets_its_height_when_shown(page, page_errors, site, host_page):
    page.goto(host_page)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.locator("#panel-timeline iframe").count() == 1  # embed.js made the frame
    assert not page.locator("#panel-timeline").is_visible()

    page.click("#tab-timeline")
    page.wait_for_function(
        "d => { const f = document.querySelector('#panel-timeline iframe');"
        " const h = f.getBoundingClientRect().height; return h > 200 && h !== d; }",
        arg=FRAME_DEFAULT_HEIGHT, timeout=10_000)
    page.wait_for_timeout(300)  # let a last resize message land
    assert_fits_content(page, "#panel-timeline")
    doc = embedded_document(page, "#panel-timeline")
    assert doc.eval_on_selector_all("li.event[id]", "items => items.map(li => li.id)") == site.event_ids
    assert page_errors == []


def test_actor_timeline_embed_shows_that_actors_events(page, page_errors, site, host_page):
    actor = site.busiest_actor()
    page.goto(host_page)
    page.click("#tab-actor")
    page.wait_for_function(
        "() => document.querySelector('#panel-actor iframe').getBoundingClientRect().height > 120"
        " && document.querySelector('#panel-actor iframe').style.height !== ''", timeout=10_000)
    doc = embedded_document(page, "#panel-actor")
    ids = doc.eval_on_selector_all("li.event[id]", "items => items.map(li => li.id)")
    assert ids == site.actor_event_ids(actor)
    assert page_errors == []


def test_plain_iframe_snippet_shows_the_timeline(page, page_errors, site, host_page):
    page.goto(host_page)
    frame_element = page.locator("#plain iframe")
    frame_element.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const f = document.querySelector('#plain iframe');"
        " return f.contentDocument === null; }")  # cross-origin: the host cannot reach in
    doc = frame_element.element_handle().content_frame()
    doc.wait_for_selector("li.event[id]", state="attached")
    assert doc.eval_on_selector_all("li.event[id]", "items => items.map(li => li.id)") == site.event_ids
    assert frame_element.bounding_box()["height"] > 200
    # Links in the embed open the full site outside the host page.
    assert doc.eval_on_selector("base", "b => b.target") == "_blank"
    assert page_errors == []


def test_embed_page_options_filter_events(page, site):
    actor = site.busiest_actor()
    page.goto(site.url(f"embed/?actor={actor}&compact=1&window=all"))
    shown = page.eval_on_selector_all("li.event[id]:not([hidden])", "items => items.map(li => li.id)")
    assert shown == site.actor_event_ids(actor)
    assert page.evaluate("document.documentElement.classList.contains('compact')")
