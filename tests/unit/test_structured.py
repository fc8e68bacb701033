"""Rich links and structured data: Open Graph and Twitter tags on every page, JSON-LD
(NewsArticle, an ItemList of Events, the actor by its kind), escaped so no content can end
its <script>. Parses the JSON-LD out of rendered pages of the hand-built Timeline."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_fixture import day, make_timeline, month, week  # noqa: E402

from generator.config import SiteConfig  # noqa: E402
from generator.model import TimeValue  # noqa: E402
from generator.render import find_theme, render_site  # noqa: E402
from generator.render.structured import event_dates, script_json, summary  # noqa: E402

THEME = find_theme("default", Path("/nonexistent-site"))
BASE = "https://example.org/story/"
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
HOSTILE = "</script><script>alert(1)</script><!-- & \u2028"


@pytest.fixture(scope="module")
def published():
    return render_site(make_timeline(), SiteConfig(title="Harbour story", base_url=BASE), THEME)


@pytest.fixture(scope="module")
def local():
    """base_url "/": no absolute URL to give."""
    return render_site(make_timeline(), SiteConfig(title="Harbour story"), THEME)


def graph(files: dict[str, bytes], path: str) -> list[dict]:
    scripts = LD.findall(files[path].decode("utf-8"))
    assert len(scripts) == 1, path
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


def node(files: dict[str, bytes], path: str, kind: str) -> dict:
    found = [n for n in graph(files, path) if n["@type"] == kind]
    assert len(found) == 1, (path, kind, graph(files, path))
    return found[0]


def meta(files: dict[str, bytes], path: str) -> dict[str, str]:
    html = files[path].decode("utf-8")
    return {m[1]: m[2] for m in re.finditer(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html)
            } | {"_keys": " ".join(re.findall(r'<meta (?:property|name)="([^"]+)"', html))}


# Escaping ---------------------------------------------------------------------------------

def test_script_json_cannot_end_its_script_and_reads_back_the_same():
    data = {"headline": HOSTILE, "nested": [HOSTILE, {"k": "a>b&c"}]}
    text = str(script_json(data))
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == data


def test_hostile_titles_stay_inside_the_json(tmp_path):
    timeline = make_timeline()
    articles = tuple(replace(a, article=replace(a.article, title=HOSTILE, source=HOSTILE, author=HOSTILE))
                     for a in timeline.articles)
    actors = tuple(replace(a, name=HOSTILE + a.slug, description=HOSTILE) for a in timeline.actors)
    events = tuple(replace(e, text=HOSTILE + e.text) for e in timeline.events)
    hostile = replace(timeline, articles=articles, actors=actors, events=events)
    files = render_site(hostile, SiteConfig(title=HOSTILE, description=HOSTILE, base_url=BASE), THEME)
    for path in ("articles/harbour-talks/index.html", "index.html", "actors/vesta/index.html"):
        html = files[path].decode("utf-8")
        assert "<script>alert(1)" not in html, path
        for found in graph(files, path):
            assert HOSTILE in json.dumps(found, ensure_ascii=False)
    article = node(files, "articles/harbour-talks/index.html", "NewsArticle")
    assert article["headline"] == HOSTILE and article["publisher"]["name"] == HOSTILE
    assert meta(files, "articles/harbour-talks/index.html")["og:title"] == (
        "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &amp; \u2028")


# Article pages -----------------------------------------------------------------------------

def test_article_page_is_a_news_article_published_by_its_outlet(published):
    article = node(published, "articles/harbour-talks/index.html", "NewsArticle")
    assert article["headline"] == "Harbour <b>talks</b> resume"
    assert article["datePublished"] == "2025-07-23"
    assert article["publisher"] == {"@type": "Organization", "name": "Coastal Herald"}
    assert article["url"] == BASE + "articles/harbour-talks/"
    assert article["isBasedOn"] == "https://news.example/harbour-talks"
    assert article["description"].startswith("Port officials from Norland and Vesta met on 19 July 2025")
    assert "image" not in article  # the fixture's articles have no pictures


def test_article_without_date_or_outlet_leaves_those_out(published):
    article = node(published, "articles/pilot-recalls/index.html", "NewsArticle")
    assert article["headline"] == "A pilot recalls"
    assert "datePublished" not in article and "publisher" not in article


def test_article_tags_describe_the_article(published):
    tags = meta(published, "articles/harbour-talks/index.html")
    assert tags["og:type"] == "article"
    assert tags["og:url"] == BASE + "articles/harbour-talks/"
    assert tags["og:description"].startswith("Port officials from Norland")
    assert tags["description"] == tags["og:description"] == tags["twitter:description"]
    assert tags["article:published_time"] == "2025-07-23"
    assert tags["twitter:card"] == "summary"  # no picture: the small card
    assert tags["og:site_name"] == "Harbour story"


# Timeline and actor pages --------------------------------------------------------------------

def test_home_lists_its_events_as_an_item_list_of_events(published):
    items = node(published, "index.html", "ItemList")
    assert items["numberOfItems"] == 4
    events = [e["item"] for e in items["itemListElement"]]
    assert [e["@type"] for e in events] == ["Event"] * 4
    assert [e["startDate"] for e in events] == ["2025-06", "2025-07-14", "2025-07-19", "2025-08"]
    assert events[1]["endDate"] == "2025-07-20"  # a week: its first and last days
    assert all(e["name"] and "url" in e for e in events)
    assert events[2]["url"] == BASE + "#harbour-meeting"
    assert [e["position"] for e in items["itemListElement"]] == [1, 2, 3, 4]
    assert node(published, "index.html", "WebSite")["url"] == BASE


def test_actor_pages_are_typed_by_kind(published):
    vesta = node(published, "actors/vesta/index.html", "Country")
    assert vesta["name"] == "Vesta" and vesta["alternateName"] == ["Vestan"]
    assert node(published, "actors/harbour-authority/index.html", "Organization")["name"] == "Harbour Authority"
    norland = graph(published, "actors/norland/index.html")
    assert [n["@type"] for n in norland] == ["Country", "ItemList"]
    assert norland[0]["description"] == "A coastal state."
    listed = [e["item"]["name"] for e in norland[1]["itemListElement"]]
    assert len(listed) == 2 and all(name for name in listed)


def test_person_and_armed_group_types():
    timeline = make_timeline()
    actors = (replace(timeline.actors[0], kind="group"), replace(timeline.actors[1], kind="person"),
              timeline.actors[2])
    files = render_site(replace(timeline, actors=actors), SiteConfig(base_url=BASE), THEME)
    assert node(files, "actors/harbour-authority/index.html", "Organization")
    assert node(files, "actors/norland/index.html", "Person")["name"] == "Norland"


def test_every_page_has_open_graph_and_twitter_tags(published, local):
    for files in (published, local):
        for path in (p for p in files if p.endswith(".html")):
            tags = meta(files, path)
            for key in ("og:title", "og:type", "og:site_name", "twitter:card", "twitter:title"):
                assert key in tags["_keys"].split(), (path, key)
    assert "og:url" in meta(published, "index.html")
    assert "og:url" not in meta(local, "index.html")  # no absolute base_url, no absolute URL
    local_items = node(local, "index.html", "ItemList")
    assert all("url" not in e["item"] for e in local_items["itemListElement"])


def test_actor_without_description_gets_one_made_from_its_name(published):
    tags = meta(published, "actors/vesta/index.html")
    assert tags["og:description"] == "Dated events involving Vesta, from Harbour story."
    assert meta(published, "actors/norland/index.html")["og:description"] == "A coastal state."


# The values ----------------------------------------------------------------------------------

@pytest.mark.parametrize("time, expected", [
    (day(2025, 7, 19), ("2025-07-19", None)),
    (month(2025, 6), ("2025-06", None)),
    (TimeValue("2025", "DATE", "year", date(2025, 1, 1), date(2025, 12, 31)), ("2025", None)),
    (week(2025, 29), ("2025-07-14", "2025-07-20")),
    (TimeValue("2025-SU", "DATE", "season", date(2025, 6, 1), date(2025, 8, 31)), ("2025-06-01", "2025-08-31")),
    (TimeValue("2025-07-22T14:30", "TIME", "time", date(2025, 7, 22), date(2025, 7, 22)), ("2025-07-22T14:30", None)),
    (TimeValue("2025-07-22TNI", "TIME", "time", date(2025, 7, 22), date(2025, 7, 22)), ("2025-07-22", None)),
    (TimeValue("201", "DATE", "decade", date(2010, 1, 1), date(2019, 12, 31)), ("2010-01-01", "2019-12-31")),
])
def test_event_dates_keep_the_events_precision(time, expected):
    assert event_dates(time) == expected


def test_summary_cuts_at_a_word():
    assert summary(["Short text."]) == "Short text."
    text = summary(["word " * 100], limit=30)
    assert text.endswith("…") and len(text) <= 31 and text[:-1].split() == ["word"] * 6
