"""The renderer: every page of the URL layout, links that resolve, marked date phrases,
escaping, determinism and the sub-path case. Uses a hand-built Timeline."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_fixture import make_timeline  # noqa: E402

from generator.config import KeyDateRule, SiteConfig  # noqa: E402
from generator.errors import ContentError  # noqa: E402
from generator.model import StoryWindow  # noqa: E402
from generator.render import (RenderOptions, embed_snippet, find_theme, page_paths,  # noqa: E402
                              render_error_page, render_pages, render_site)

THEME = find_theme("default", Path("/nonexistent-site"))
ACTORS = ("harbour-authority", "norland", "vesta")
ARTICLES = ("harbour-talks", "pilot-recalls", "vesta-statement")
# Files the export module writes (URL layout); pages link to them.
EXPORTS = {"feed.xml", "timeline.json", "timelinejs.json", "timeline.csv", "timeline.ics",
           "oembed.json", "sitemap.xml", "robots.txt"} | {
    f"actors/{slug}/{name}" for slug in ACTORS for name in ("feed.xml", "timelinejs.json", "oembed.json")}


class Page(HTMLParser):
    """Links, ids, tags with attributes and text of one HTML page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.ids: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.misnested: list[str] = []
        self.feed(html)

    VOID = {"meta", "link", "br", "img", "hr", "input", "wbr", "col", "area", "base", "source", "rect"}

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        for name in ("href", "src", "action"):
            if name in attributes:
                self.links.append((tag, attributes[name]))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            # <p> and <li> may be closed implicitly; anything else is a nesting error.
            if tag in self.stack and all(t in ("p", "li") for t in self.stack[self.stack.index(tag) + 1:]):
                del self.stack[self.stack.index(tag):]
                return
            self.misnested.append(tag)
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag]


@pytest.fixture(scope="module")
def timeline():
    return make_timeline()


@pytest.fixture(scope="module")
def site(timeline):
    return render_site(timeline, SiteConfig(title="Harbour <i>story</i>"), THEME)


@pytest.fixture(scope="module")
def reviewed(timeline):
    """The site as annals build --review makes it: the public pages and the review page."""
    return render_site(timeline, SiteConfig(title="Harbour <i>story</i>"), THEME,
                       options=RenderOptions(review=True))


@pytest.fixture(scope="module")
def story(timeline):
    config = SiteConfig(title="Harbour story", base_url="https://example.org/story/")
    return render_site(timeline, config, THEME)


def html(files: dict[str, bytes], path: str) -> str:
    return files[path].decode("utf-8")


def parsed(files: dict[str, bytes], path: str) -> Page:
    return Page(html(files, path))


# The URL layout ---------------------------------------------------------------------------

def test_every_page_of_the_url_layout_exists(site, reviewed, timeline):
    expected = {"index.html", "actors/index.html", "key-dates/index.html", "embed/index.html",
                "404.html"}
    expected |= {f"actors/{s}/index.html" for s in ACTORS}
    expected |= {f"embed/actors/{s}/index.html" for s in ACTORS}
    expected |= {f"articles/{s}/index.html" for s in ARTICLES}
    pages = {p for p in site if p.endswith(".html")}
    assert pages == expected
    assert set(page_paths(timeline)) == expected
    # The review page is for editors: only a build that asks for it has one.
    assert {p for p in reviewed if p.endswith(".html")} == expected | {"review/index.html"}
    assert set(page_paths(timeline, options=RenderOptions(review=True))) == expected | {"review/index.html"}
    assert {"static/style.css", "static/annals.js", "static/embed.js", "static/embed-page.js",
            "static/overview.js", "static/theme.js", "static/fonts/NotoSerif-Regular.woff2",
            "static/fonts/OFL.txt"} <= set(site)


def check_links(files: dict[str, bytes], exports: set[str] = EXPORTS) -> list[str]:
    """Every relative href/src of every page (but 404.html) must resolve to an output file
    (or one of ``exports``), and a #fragment to an id on the target page."""
    known = set(files) | exports
    ids = {p: set(parsed(files, p).ids) for p in files if p.endswith(".html")}
    broken = []
    for path in sorted(ids):
        if path == "404.html":
            continue
        page = parsed(files, path)
        for tag, url in page.links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("/"):
                continue  # external, or absolute (only snippets and 404 use those)
            resolved = urlsplit(urljoin("http://site/" + path, url))
            target = resolved.path.lstrip("/")
            if target == "" or target.endswith("/"):
                target += "index.html"
            if target not in known:
                broken.append(f"{path}: {url} -> {target} (missing)")
            elif resolved.fragment and resolved.fragment not in ids.get(target, set()):
                broken.append(f"{path}: {url} -> #{resolved.fragment} not on {target}")
    return broken


def test_every_relative_link_resolves(site, reviewed):
    assert check_links(site) == []
    assert check_links(reviewed) == []


def test_every_relative_link_resolves_under_a_sub_path(story):
    assert check_links(story) == []


def test_the_link_checker_catches_a_broken_link(site):
    broken = dict(site)
    broken["index.html"] = site["index.html"].replace(b'class="chip" href="actors/vesta/"',
                                                      b'class="chip" href="actors/vestaa/"', 1)
    broken["key-dates/index.html"] = site["key-dates/index.html"].replace(
        b"#harbour-meeting", b"#no-such-event", 1)
    problems = check_links(broken)
    assert any("actors/vestaa/" in p for p in problems)
    assert any("no-such-event" in p for p in problems)


def test_exports_written_by_the_export_module_are_the_ones_pages_link_to(timeline):
    export = pytest.importorskip("generator.export")
    assert EXPORTS <= set(export.export_files(timeline, SiteConfig()))


def test_links_are_relative_to_the_page_depth(site):
    home = parsed(site, "index.html")
    assert ("link", "static/style.css") in home.links
    actor = parsed(site, "actors/vesta/index.html")
    assert ("link", "../../static/style.css") in actor.links
    assert ("a", "../../") in actor.links
    embed = parsed(site, "embed/actors/vesta/index.html")
    assert ("link", "../../../static/style.css") in embed.links


def test_ids_are_unique_on_every_page(site):
    for path in site:
        if path.endswith(".html"):
            ids = parsed(site, path).ids
            assert len(ids) == len(set(ids)), (path, sorted(i for i in ids if ids.count(i) > 1))


def test_pages_are_well_nested(site):
    for path in site:
        if path.endswith(".html"):
            page = parsed(site, path)
            assert page.misnested == [], path


def test_every_page_has_lang_title_and_main(site):
    for path in site:
        if path.endswith(".html"):
            text = html(site, path)
            assert re.search(r'<html lang="en" dir="ltr">', text), path
            assert re.search(r"<title>[^<]+</title>", text), path
            assert "<main" in text, path


# The chronology -------------------------------------------------------------------------

def test_events_carry_their_id_actors_and_true_precision(site):
    home = parsed(site, "index.html")
    items = {a["id"]: a for a in home.all("li") if "event" in a.get("class", "")}
    assert list(items) == ["treaty-draft", "talks-stall", "harbour-meeting", "more-talks"]
    assert items["harbour-meeting"]["data-actors"] == "norland vesta"
    times = [a["datetime"] for a in home.all("time")]
    assert times == ["2025-06", "2025-W29", "2025-07-19", "2025-08"]
    text = html(site, "index.html")
    assert '<time datetime="2025-W29">week of 14 July 2025</time>' in text
    assert '<time datetime="2025-06">June 2025</time>' in text
    assert "14 July 2025</time>" not in text.replace("week of 14 July 2025</time>", "")


def test_events_are_grouped_by_year_then_month(site):
    text = html(site, "index.html")
    text = text[text.index("data-annals-list"):]
    headings = re.findall(r"<h([23])(?: class=\"[^\"]+\")? id=\"[^\"]+\">([^<]+)</h\1>", text)
    assert headings[:4] == [("2", "2025"), ("3", "June 2025"), ("3", "July 2025"), ("3", "August 2025")]


def test_headline_marks_the_date_phrase(site):
    text = html(site, "index.html")
    assert "met on <mark class=\"timex\">19 July 2025</mark> to discuss" in text
    assert "stalled <mark class=\"timex\">last week</mark>, an aide" in text


def test_merged_event_lists_sources_phrasing_and_conflict(site):
    text = html(site, "index.html")
    item = text[text.index('id="harbour-meeting"'):]
    item = item[:item.index("</li>\n", item.index("</details>"))]
    assert "2 sources" in item
    assert 'href="articles/harbour-talks/#harbour-talks-1"' in item
    assert 'href="articles/vesta-statement/#vesta-statement-1"' in item
    assert "<details" in item and "took place on <mark class=\"timex\">13 July</mark>" in item
    assert "Sources disagree:</strong> 19 July 2025 / 13 July 2025" in item


def test_home_has_a_labelled_actor_filter_that_works_without_js(site):
    home = parsed(site, "index.html")
    select = next(s for s in home.all("select") if s["id"] == "actor-filter")
    assert any(a.get("for") == select["id"] for a in home.all("label"))
    form = next(f for f in home.all("form") if "data-annals-filter" in f)
    assert form["action"] == "actors/" and form["method"] == "get"
    values = [a["value"] for a in home.all("option") if "data-href" in a or a["value"] == ""]
    # "" is "All actors"; the search box's own selects (filled by its script) start with theirs
    assert [v for v in values if v] == ["harbour-authority", "norland", "vesta"]
    assert ("script", "static/annals.js") in home.links


def test_home_head_links_feed_and_oembed(site):
    home = parsed(site, "index.html")
    links = {(a.get("rel"), a.get("type")): a["href"] for a in home.all("link")}
    assert links[("alternate", "application/atom+xml")] == "feed.xml"
    assert links[("alternate", "application/json+oembed")] == "oembed.json"
    assert ("canonical", None) not in links  # no absolute base_url


def test_titles_are_escaped(site):
    text = html(site, "index.html")
    assert "<title>Harbour &lt;i&gt;story&lt;/i&gt;</title>" in text
    assert "<i>story</i>" not in text
    article = html(site, "articles/harbour-talks/index.html")
    assert "<h1>Harbour &lt;b&gt;talks&lt;/b&gt; resume</h1>" in article
    assert "<b>talks</b>" not in article


# Article pages --------------------------------------------------------------------------

def test_article_body_marks_each_date_phrase_and_links_events(site):
    page = html(site, "articles/harbour-talks/index.html")
    marks = re.findall(r'<mark class="timex" id="(t-\d+)" data-value="([^"]+)" title="([^"]+)">([^<]+)</mark>', page)
    assert marks == [("t-0", "2025-07-19", "19 July 2025", "19 July 2025"),
                     ("t-1", "2025-W29", "week of 14 July 2025", "last week"),
                     ("t-2", "2025-06", "June 2025", "in June")]
    assert ('<a class="timex-link" href="../../#harbour-meeting" id="harbour-talks-1" '
            'data-event="harbour-meeting"><mark class="timex" id="t-0"') in page


def test_article_lists_events_and_its_dateline_without_editor_notes(site):
    page = html(site, "articles/harbour-talks/index.html")
    assert '<time datetime="2025-07-23">23 July 2025</time>' in page
    assert "front matter" not in page and "highlighted" not in page
    assert 'href="https://news.example/harbour-talks" rel="noopener nofollow"' in page
    assert "Events from this article" in page and page.count("On the timeline") == 3


def test_unresolved_phrases_are_for_the_review_page_not_the_article(site, reviewed):
    page = html(site, "articles/pilot-recalls/index.html")
    assert "dateline" not in page.lower() and "Unresolved" not in page
    assert '<mark class="timex" id="t-0" data-value="XXXX-XX-XX" title="XXXX-XX-XX">last Tuesday</mark>' in page
    review = html(reviewed, "review/index.html")
    assert "cannot resolve “last Tuesday”" in review and "pilot-recalls.md:5" in review


def test_script_in_an_article_body_is_removed(site):
    page = html(site, "articles/vesta-statement/index.html")
    body = page[page.index('<div class="article-body">'):page.index("</article>")]
    assert "<script" not in body and "alert(" not in body
    assert 'id="t-0"' in body and ">13 July</mark>" in body


# Other pages ----------------------------------------------------------------------------

def test_actor_page(site, story):
    text = html(site, "actors/vesta/index.html")
    page = Page(text)
    assert "<h1>Vesta</h1>" in text
    links = {(a.get("rel"), a.get("type")): a["href"] for a in page.all("link")}
    assert links[("alternate", "application/atom+xml")] == "../../actors/vesta/feed.xml"
    assert links[("alternate", "application/json+oembed")] == "../../actors/vesta/oembed.json"
    assert [a["id"] for a in page.all("li") if "event" in a.get("class", "")] == [
        "talks-stall", "harbour-meeting", "more-talks"]
    svg = next(a for a in page.all("svg") if "overview-svg" in a.get("class", ""))
    assert svg["role"] == "group" and svg["aria-labelledby"] == "overview-title"
    assert "Events per week for Vesta" in text  # the overview's summary
    assert "Appears most with" in text and 'href="../../actors/norland/"' in text
    assert 'href="../../articles/harbour-talks/"' in text  # sources
    assert 'id="key-dates-h"' not in text  # 3 events: key dates would repeat them all
    assert "embed/actors/vesta/" not in text  # no snippets without an absolute base_url...
    assert "https://example.org/story/embed/actors/vesta/" in html(story, "actors/vesta/index.html")  # ...with one


def test_actor_key_dates_lead_with_the_best_sourced_date(timeline):
    config = SiteConfig(key_dates=KeyDateRule(per_actor=1))
    text = html(render_pages(timeline, config, THEME, ["actors/vesta/index.html"]), "actors/vesta/index.html")
    start = text.index('id="key-dates-h"')
    section = text[start:text.index("</section>", start)]
    assert '<time datetime="2025-07-19">19 July 2025</time>' in section and "(2 sources)" in section
    assert 'href="#harbour-meeting"' in section and "talks-stall" not in section


def test_actors_index_groups_by_kind_with_counts(site):
    text = html(site, "actors/index.html")
    assert text.index("Countries") < text.index("Organisations")
    row = text[text.index('href="../actors/vesta/"'):]
    assert '<td class="num">3</td>' in row[:row.index("</tr>")]


def test_key_dates_page(site):
    text = html(site, "key-dates/index.html")
    assert '<time datetime="2025-07-19">19 July 2025</time>' in text
    assert "2 independent sources" in text
    assert "at least 2 independent sources" in text  # the rule


def test_review_page(reviewed):
    text = html(reviewed, "review/index.html")
    assert '<meta name="robots" content="noindex">' in text
    assert text.index("Articles without a dateline") < text.index("Date phrases that could not be resolved")
    assert "<code>content/articles/pilot-recalls.md:5</code>" in text
    assert "Harbour Authority" in text and "60% confidence" in text
    nav = text[text.index("<nav"):text.index("</nav>")]
    assert "review" not in nav.lower()
    footer = text[text.index("<footer"):]
    assert "review" not in footer.lower()  # never linked, not even from itself


def test_embed_pages(site):
    text = html(site, "embed/index.html")
    page = Page(text)
    assert 'target="_blank" rel="noopener">Open full timeline' in text
    assert ("script", "../static/embed-page.js") in page.links
    assert [a["id"] for a in page.all("li") if "event" in a.get("class", "")] == [
        "treaty-draft", "talks-stall", "harbour-meeting", "more-talks"]
    assert all(a.get("data-start") for a in page.all("li") if "event" in a.get("class", ""))
    actor = html(site, "embed/actors/norland/index.html")
    assert 'href="../../../actors/norland/"' in actor
    assert actor.count('<li class="event ') == 2


def test_404_uses_absolute_paths(site, story):
    assert 'href="/static/style.css"' in html(site, "404.html")
    text = html(story, "404.html")
    assert 'href="/story/static/style.css"' in text and 'href="/story/actors/"' in text
    assert not re.search(r'href="\.\./', text)


# Sub-path and absolute URLs ---------------------------------------------------------------

def test_sub_path_keeps_links_relative_and_makes_canonical_absolute(story):
    actor = parsed(story, "actors/vesta/index.html")
    links = {(a.get("rel"), a.get("type")): a["href"] for a in actor.all("link")}
    assert links[("canonical", None)] == "https://example.org/story/actors/vesta/"
    assert links[("alternate", "application/json+oembed")] == "https://example.org/story/actors/vesta/oembed.json"
    assert links[("alternate", "application/atom+xml")] == "../../actors/vesta/feed.xml"
    hrefs = [u for t, u in actor.links if t == "a"]
    assert not [u for u in hrefs if u.startswith("/") or "example.org" in u]
    home = parsed(story, "index.html")
    assert {(a.get("rel")): a["href"] for a in home.all("link")}["canonical"] == "https://example.org/story/"
    assert "https://example.org/story/embed/" in html(story, "index.html")  # embed snippet


def test_embed_snippets():
    story = SiteConfig(base_url="https://example.org/story/")
    iframe = embed_snippet(story, "embed/actors/vesta/index.html", 'Vesta "timeline"')
    assert iframe.startswith('<iframe src="https://example.org/story/embed/actors/vesta/"')
    assert 'title="Vesta &#34;timeline&#34;"' in iframe and 'loading="lazy"' in iframe
    script = embed_snippet(story, "embed/", "T", kind="script")
    assert '<div data-annals-timeline="https://example.org/story/embed/"' in script
    assert '<a href="https://example.org/story/">View the timeline</a>' in script
    assert '<script src="https://example.org/story/static/embed.js" async></script>' in script
    assert 'src="/sub/embed/"' in embed_snippet(SiteConfig(base_url="/sub/"), "embed/", "T")
    with pytest.raises(ValueError):
        embed_snippet(story, "embed/", "T", kind="flash")


def test_embed_box_only_with_an_absolute_base_url_and_a_hint_only_in_the_preview(site, story, timeline):
    # Snippets with a path alone cannot work on another site: no box, and no word to readers.
    assert "embed-box" not in html(site, "index.html") and "base_url" not in html(site, "index.html")
    assert 'class="embed-box"' in html(story, "index.html") and "base_url" not in html(story, "index.html")
    preview = render_pages(timeline, SiteConfig(), THEME, ["index.html", "actors/vesta/index.html"],
                           options=RenderOptions(review=True, preview=True))
    for page in preview.values():
        hint = page.decode()
        assert 'class="editor-hint"' in hint and "<code>base_url</code>" in hint and "embed-box" not in hint


# Determinism, incremental rendering, themes, errors ---------------------------------------

def test_rendering_is_deterministic(timeline, site):
    again = render_site(make_timeline(), SiteConfig(title="Harbour <i>story</i>"), THEME)
    assert list(again) == list(site)
    assert again == site


def test_render_pages_renders_a_subset_identically(timeline, site):
    paths = {"index.html", "actors/index.html", "key-dates/index.html",
                     "embed/index.html", "articles/vesta-statement/index.html",
                     "actors/harbour-authority/index.html", "actors/norland/index.html",
                     "actors/vesta/index.html", "embed/actors/harbour-authority/index.html",
             "embed/actors/norland/index.html", "embed/actors/vesta/index.html"}
    subset = render_pages(timeline, SiteConfig(title="Harbour <i>story</i>"), THEME, sorted(paths))
    assert set(subset) == paths
    assert all(subset[p] == site[p] for p in paths)
    assert "articles/harbour-talks/index.html" not in subset
    assert render_pages(timeline, SiteConfig(), THEME, ["actors/gone/index.html"]) == {}


def test_site_theme_overrides_templates_and_falls_back_to_default(tmp_path, timeline):
    templates = tmp_path / "themes" / "mine" / "templates"
    templates.mkdir(parents=True)
    (templates / "key_dates.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>My key dates</h1>{% endblock %}', encoding="utf-8")
    (tmp_path / "themes" / "mine" / "static").mkdir()
    (tmp_path / "themes" / "mine" / "static" / "style.css").write_text("body{color:#000}", encoding="utf-8")
    theme = find_theme("mine", tmp_path)
    assert theme == tmp_path / "themes" / "mine"
    files = render_site(timeline, SiteConfig(), theme)
    assert "<h1>My key dates</h1>" in html(files, "key-dates/index.html")
    assert "<h1>Actors</h1>" in html(files, "actors/index.html")
    assert files["static/style.css"] == b"body{color:#000}"
    assert "static/embed.js" in files


def test_missing_theme_is_a_content_error(tmp_path):
    with pytest.raises(ContentError, match="nope"):
        find_theme("nope", tmp_path)


def test_template_errors_name_the_file_and_line(tmp_path, timeline):
    templates = tmp_path / "themes" / "bad" / "templates"
    templates.mkdir(parents=True)
    (templates / "review.html").write_text("<p>ok</p>\n{% if %}\n", encoding="utf-8")
    (templates / "actors.html").write_text("<p>ok</p>\n\n{{ no_such_thing.attr }}\n", encoding="utf-8")
    theme = find_theme("bad", tmp_path)
    with pytest.raises(ContentError) as syntax:
        render_pages(timeline, SiteConfig(), theme, ["review/index.html"], options=RenderOptions(review=True))
    assert syntax.value.path == "themes/bad/templates/review.html" and syntax.value.line == 2
    with pytest.raises(ContentError) as runtime:
        render_pages(timeline, SiteConfig(), theme, ["actors/index.html"])
    assert runtime.value.path == "themes/bad/templates/actors.html" and runtime.value.line == 3
    assert "no_such_thing" in runtime.value.message


def test_error_page_is_escaped_and_standalone():
    page = render_error_page("content/articles/a.md:3: bad <date>", SiteConfig(title="T", language="fr"))
    assert '<html lang="fr">' in page and "<title>" in page
    assert "content/articles/a.md:3: bad &lt;date&gt;" in page
    assert "<date>" not in page


def test_build_info_appears_as_generator_and_on_review(timeline):
    files = render_pages(timeline, SiteConfig(), THEME, ["index.html", "review/index.html"],
                         build_info={"generator": "Annals 9.9", "articles": "3"},
                         options=RenderOptions(review=True))
    assert '<meta name="generator" content="Annals 9.9">' in html(files, "index.html")
    assert "<dt>articles</dt><dd>3</dd>" in html(files, "review/index.html")


def test_events_before_the_story_window_are_a_collapsed_background_at_the_end(timeline):
    window = StoryWindow(date(2025, 7, 1), date(2025, 8, 31), "site.yaml")
    files = render_site(replace(timeline, story=window), SiteConfig(), THEME)
    for path in ("index.html", "embed/index.html", "actors/norland/index.html"):
        text = html(files, path)
        story, _, background = text.partition('<section class="background"')
        assert background, path
        assert 'id="treaty-draft"' in background and 'id="treaty-draft"' not in story
        assert 'id="harbour-meeting"' in story
        assert "<details>" in background and "Background</h" in background
    assert "1 earlier event, before July 2025" in html(files, "index.html")
    page = parsed(files, "index.html")
    assert len(page.ids) == len(set(page.ids))
    # without a window (or with nothing before it) there is no background section
    assert '<section class="background"' not in html(render_site(timeline, SiteConfig(), THEME), "index.html")


def test_order_newest_lists_the_latest_event_first(timeline):
    files = render_site(timeline, SiteConfig(order="newest"), THEME)
    home = parsed(files, "index.html")
    items = [a["id"] for a in home.all("li") if "event" in a.get("class", "")]
    assert items == ["more-talks", "harbour-meeting", "talks-stall", "treaty-draft"]
    assert "newest first" in html(files, "index.html")
