"""The built site in Chromium: the chronology, the actor filter, links under a sub-path, and
pages free of JavaScript errors."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urldefrag, urlsplit

import pytest

pytestmark = pytest.mark.browser

EVENT_ITEMS = "[data-annals-list] li.event[id]"


def visible_event_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        EVENT_ITEMS, "items => items.filter(li => li.offsetParent !== null).map(li => li.id)")


def test_home_lists_every_event_of_timeline_json(page, site):
    page.goto(site.url())
    ids = page.eval_on_selector_all(EVENT_ITEMS, "items => items.map(li => li.id)")
    assert len(site.event_ids) > 10
    assert ids == site.event_ids  # every event, once, in the chronology's order
    assert visible_event_ids(page) == site.event_ids


def test_actor_filter_shows_only_that_actors_events(page, site):
    slug = site.busiest_actor()
    expected = site.actor_event_ids(slug)
    page.goto(site.url())
    page.select_option("#actor-filter", slug)
    page.wait_for_function("n => document.querySelectorAll('[data-annals-list] li.event:not([hidden])')"
                           ".length === n", arg=len(expected))
    assert visible_event_ids(page) == expected
    assert f"Showing {len(expected)} of {len(site.event_ids)}" in page.inner_text("#filter-count")
    assert f"actor={slug}" in page.url  # the choice survives a reload or a shared link

    page.reload()
    assert visible_event_ids(page) == expected
    page.select_option("#actor-filter", "")
    assert visible_event_ids(page) == site.event_ids


def test_actor_page_links_work_under_the_sub_path(page, site):
    slug = site.busiest_actor()
    page.goto(site.url(f"actors/{slug}/"))
    assert page.eval_on_selector_all(EVENT_ITEMS, "items => items.map(li => li.id)") == \
        site.actor_event_ids(slug)

    source = page.locator(f"{EVENT_ITEMS} .event-sources a").first
    source.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.startswith("/story/articles/")
    assert page.locator("body.page-article").count() == 1

    page.locator(".site-title a").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/story/"
    assert page.locator("body.page-home").count() == 1


def internal_links(page, origin: str) -> set[str]:
    """Links to other pages of the site (not to a place on this page, like the skip link)."""
    # SVG links (the overview's bars) have an SVGAnimatedString href: resolve the attribute.
    hrefs = page.eval_on_selector_all(
        "a[href]", "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)")
    here = urldefrag(page.url).url
    return {urldefrag(h).url for h in hrefs if h.startswith(origin)} - {here}


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_every_internal_link_resolves(page, site):
    article = site.article_with_events()
    pages = [site.url(), site.url(f"actors/{site.busiest_actor()}/"), site.url(f"articles/{article}/"),
             site.url("key-dates/"), site.url("actors/")]
    links: set[str] = set()
    for url in pages:
        page.goto(url)
        links |= internal_links(page, site.server.origin)
    assert any("/story/articles/" in link for link in links)
    assert all(urlsplit(link).path.startswith("/story/") for link in links), \
        sorted(link for link in links if not urlsplit(link).path.startswith("/story/"))
    broken = sorted(link for link in links if status_of(link) != 200)
    assert broken == []


def test_event_links_from_an_article_land_on_the_event(page, site):
    article = site.article_with_events()
    page.goto(site.url(f"articles/{article}/"))
    link = page.locator(".article-events a[href*='#']").first
    link.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/story/"
    fragment = urlsplit(page.url).fragment
    assert fragment in site.event_ids
    assert page.locator(f"li.event[id='{fragment}']").is_visible()


@pytest.mark.parametrize("path", ["", "actors/", "ACTOR", "ARTICLE", "key-dates/", "embed/",
                                  "EMBED_ACTOR", "review/"])
def test_no_console_errors(page, page_errors, site, path):
    path = (path.replace("EMBED_ACTOR", f"embed/actors/{site.busiest_actor()}/")
            .replace("ACTOR", f"actors/{site.busiest_actor()}/")
            .replace("ARTICLE", f"articles/{site.article_with_events()}/"))
    response = page.goto(site.url(path))
    assert response is not None and response.status == 200
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # deferred scripts and observers run after load
    assert page_errors == []


def test_404_page_links_work_from_any_address(page, site):
    # Hosts serve 404.html at whatever address was missing, so its links use the base path.
    deep = site.server.root / "no" / "such" / "page"
    deep.mkdir(parents=True, exist_ok=True)
    (deep / "index.html").write_bytes((site.output / "404.html").read_bytes())
    page.goto(f"{site.server.origin}/no/such/page/")
    links = internal_links(page, site.server.origin)
    assert links and all(urlsplit(link).path.startswith("/story/") for link in links)
    assert all(status_of(link) == 200 for link in links)
