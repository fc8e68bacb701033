"""Bounded embeds: the story window by default, latest=N, and max_height on the host page
(800 px unless the snippet says otherwise), with the options offered by each page's
snippet box."""

from __future__ import annotations

import html

import pytest

pytestmark = pytest.mark.browser

HOST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body><main><h1>Coverage</h1>{snippet}<p id="after">After the timeline.</p></main></body></html>
"""


def shown_ids(frame) -> list[str]:
    return frame.eval_on_selector_all("li.event[id]:not([hidden])", "items => items.map(li => li.id)")


def in_story(event: dict, story: dict) -> bool:
    """The chronology's rule (chronology.story): an event is the story's unless it starts
    before the window."""
    return event["range"][0] >= story["from"]


def test_embed_shows_the_story_window_unless_asked_for_everything(page, site):
    page.goto(site.url("embed/"))
    expected = [e["id"] for e in site.timeline["events"] if in_story(e, site.timeline["story"])]
    assert 0 < len(expected) < len(site.event_ids)  # 1979 and the like fall outside
    assert shown_ids(page) == expected
    page.goto(site.url("embed/?window=all"))
    assert shown_ids(page) == site.event_ids


def test_latest_keeps_only_the_most_recent_events(page, site):
    page.goto(site.url("embed/?latest=5"))
    story = [e["id"] for e in site.timeline["events"] if in_story(e, site.timeline["story"])]
    assert shown_ids(page) == story[-5:]
    assert "Showing 5 of" in page.inner_text("#filter-count")


def host_page(page, site, host_server, name: str, options: str | None) -> str:
    page.goto(site.url())
    snippet = page.input_value("#embed-script")
    if options is not None:
        snippet = snippet.replace("data-annals-timeline=", f'data-annals-options="{options}" data-annals-timeline=', 1)
    (host_server.root / name).write_text(HOST.format(snippet=snippet), encoding="utf-8")
    return f"{host_server.origin}/{name}"


def settled_height(page) -> float:
    page.wait_for_function("() => { const f = document.querySelector('main iframe');"
                           " return f && f.style.height !== ''; }", timeout=10_000)
    page.wait_for_timeout(400)  # a last resize message
    return page.eval_on_selector("main iframe", "f => f.getBoundingClientRect().height")


@pytest.mark.parametrize("options, limit", [(None, 800), ("max_height=300", 300)])
def test_the_auto_sizing_frame_stops_at_its_limit_and_scrolls_inside(page, site, host_server,
                                                                      options, limit):
    page.goto(host_page(page, site, host_server, f"bounded-{limit}.html", options))
    height = settled_height(page)
    assert abs(height - limit) <= 1, height
    frame = page.locator("main iframe").element_handle().content_frame()
    assert frame.evaluate("document.documentElement.scrollHeight") > limit + 100  # more inside


def test_max_height_none_lets_the_frame_grow(page, site, host_server):
    page.goto(host_page(page, site, host_server, "unbounded.html", "max_height=none&window=all"))
    height = settled_height(page)
    frame = page.locator("main iframe").element_handle().content_frame()
    inner = frame.evaluate("document.documentElement.scrollHeight")
    assert height > 800 and inner <= height + 2  # all of it, no inner scrollbar


def test_the_snippet_box_offers_the_options(page, site):
    page.goto(site.url())
    assert page.locator("[data-annals-embed-options]").is_visible()
    page.fill("[data-annals-embed-options] [name=max_height]", "500")
    page.fill("[data-annals-embed-options] [name=latest]", "12")
    page.select_option("[data-annals-embed-options] [name=window]", "all")
    page.check("[data-annals-embed-options] [name=compact]")
    script = html.unescape(page.input_value("#embed-script"))
    assert 'data-annals-options="max_height=500&latest=12&window=all&compact=1"' in script
    iframe = html.unescape(page.input_value("#embed-iframe"))
    assert "embed/?latest=12&window=all&compact=1" in iframe and 'height="500"' in iframe
