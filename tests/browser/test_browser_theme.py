"""The default theme in Chromium: dark mode from the system setting and from the toggle
(remembered), pictures on events with their alt text, public pages free of editor notes,
printing with every telling open, and a layout that holds at 320 px."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PUBLIC_PAGES = ("", "actors/", "key-dates/", "embed/")
EDITOR_NOTES = re.compile(r"front matter|highlighted|unresolved|PAST_REF|no dateline|base_url|"
                          r"confidence|found in the text|site\.yaml|\.md\b|review page|review/", re.I)


def background_luminance(page) -> float:
    """Relative luminance (0 black .. 1 white) of the page's background colour."""
    rgb = page.evaluate("""() => getComputedStyle(document.body).backgroundColor
        .match(/[\\d.]+/g).slice(0, 3).map(Number)""")

    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.fixture
def context_for(browser):
    made = []

    def make(**options):
        context = browser.new_context(viewport={"width": 1200, "height": 900}, **options)
        made.append(context)
        return context.new_page()

    yield make
    for context in made:
        context.close()


def test_dark_mode_follows_the_system_setting(context_for, site):
    for path in ("", f"articles/{site.article_with_events()}/"):
        dark = context_for(color_scheme="dark")
        dark.goto(site.url(path))
        assert background_luminance(dark) < 0.05, path
        light = context_for(color_scheme="light")
        light.goto(site.url(path))
        assert background_luminance(light) > 0.85, path


def test_the_toggle_switches_and_is_remembered(context_for, site):
    page = context_for(color_scheme="light")
    page.goto(site.url())
    toggle = page.locator("[data-annals-theme]")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert page.evaluate("document.documentElement.classList.contains('dark')")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert background_luminance(page) < 0.05
    page.goto(site.url("key-dates/"))  # another page: the choice holds
    assert background_luminance(page) < 0.05
    page.locator("[data-annals-theme]").click()  # back to light: the system's own setting again
    assert background_luminance(page) > 0.85
    assert page.evaluate("localStorage.getItem('annals-scheme')") is None


def test_embed_colours_are_the_host_pages_choice(context_for, site):
    page = context_for(color_scheme="dark")
    page.goto(site.url("embed/"))
    assert background_luminance(page) > 0.85  # light unless asked
    page.goto(site.url("embed/?dark=auto"))
    assert background_luminance(page) < 0.05  # the reader's setting
    page = context_for(color_scheme="light")
    page.goto(site.url("embed/?dark=1"))
    assert background_luminance(page) < 0.05


def test_events_show_their_pictures_with_alt_text(page, site):
    page.goto(site.url())
    figures = page.locator("li.event figure.event-figure")
    assert figures.count() >= 2
    for i in range(figures.count()):
        image = figures.nth(i).locator("img")
        assert image.get_attribute("alt")  # never empty on the example site
        assert image.get_attribute("loading") == "lazy"
        assert int(image.get_attribute("width")) > 0 and int(image.get_attribute("height")) > 0
        image.scroll_into_view_if_needed()
        image.evaluate("img => img.decode()")
        assert image.evaluate("img => img.naturalWidth") > 0  # the copy under media/ loads
    caption = figures.first.locator("figcaption")
    assert "Graphic:" in caption.inner_text() or "GRAPHIC:" in caption.inner_text()


def test_article_pages_show_the_lead_and_body_pictures(page, site):
    for slug in ("assad-rule-collapses", "sweida-clashes-israel-strikes"):
        page.goto(site.url(f"articles/{slug}/"))
        images = page.locator("main img")
        assert images.count() >= 1, slug
        for i in range(images.count()):
            image = images.nth(i)
            image.scroll_into_view_if_needed()
            image.evaluate("img => img.decode()")
            assert image.get_attribute("alt") and image.evaluate("img => img.naturalWidth") > 0, slug


def public_pages(site) -> list[str]:
    articles = sorted({s["article"] for e in site.timeline["events"] for s in e["sources"]})
    actors = [a["slug"] for a in site.timeline["actors"]]
    return list(PUBLIC_PAGES) + [f"actors/{a}/" for a in actors[:6]] + [f"articles/{a}/" for a in articles]


def test_public_pages_carry_no_editor_notes(page, site):
    checked = 0
    for path in public_pages(site):
        page.goto(site.url(path))
        text = page.inner_text("body")
        found = EDITOR_NOTES.findall(text)
        assert not found, (path, found)
        links = page.eval_on_selector_all("a[href]", "as => as.map(a => a.getAttribute('href'))")
        assert not [h for h in links if re.search(r"(^|/)review/", h) and "://" not in h], path
        checked += 1
    assert checked > 20
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "review" not in sitemap


def test_print_opens_every_telling(page, site):
    page.goto(site.url())
    details = page.locator("details.event-phrasing").first
    assert not details.locator("ul").is_visible()  # collapsed on screen
    page.emulate_media(media="print")
    assert details.locator("ul").is_visible()
    assert details.locator("ul").evaluate("e => e.getBoundingClientRect().height") > 20
    assert not page.locator(".overview").is_visible()


@pytest.mark.parametrize("path", ["", "actors/", "ACTOR", "ARTICLE", "key-dates/", "embed/"])
def test_layout_holds_at_320_px(browser, site, path):
    path = (path.replace("ACTOR", f"actors/{site.busiest_actor()}/")
            .replace("ARTICLE", "articles/assad-rule-collapses/"))
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(site.url(path))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (path, width)  # nothing cut off, no sideways scrolling
        months = page.locator("table.actors td time")
        for i in range(min(months.count(), 10)):
            box = months.nth(i).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    finally:
        context.close()
