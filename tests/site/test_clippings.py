"""Whole builds of a site of clippings as a new user has them: no front matter, datelines of
several shapes, a page slogan and a headline above the story, a year-less wire dateline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitekit import annals

CLIPPINGS = {
    "feed/01-strike.md": "PORTO, March 4, 2026 (Harbour Post) — Dockers walked out on Tuesday over pay, "
                         "the union said.\n\nThe port authority said talks would resume next week.\n",
    "feed/02-talks.md": "GENEVA, March 6 (Reuters) - Port operators met union leaders on Thursday, "
                        "a spokesman said.\n",
    "feed/03-deal.md": "Thursday, 12 March 2026\n\nDockers accept pay offer\n\nDockers voted on Wednesday "
                       "to accept the offer, ending the strike that began last week.\n",
    "harbour.md": "---\ntitle: Strike halts the port\ndate: 2026-03-04\nsource: Harbour Post\n---\n"
                  "Dockers walked out on Tuesday over pay, the union said.\n",
    "slogan.md": "The port news you can trust.\n\nCranes idle as strike bites\n\n0 12\n\n"
                 "5 March 2026 | Business\n\nShips queued outside the harbour on Wednesday, pilots said.\n",
    "undated.md": "Pilots said on Friday that the queue of ships had grown to forty vessels.\n",
}


@pytest.fixture(scope="module")
def clipping_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clippings")
    for name, text in CLIPPINGS.items():
        path = root / "content" / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "site.yaml").write_text("title: Port strike\nbase_url: https://example.org/port/\n", encoding="utf-8")
    result = annals("build", str(root))
    assert result.returncode == 0, result.stderr
    return root


def _timeline(site: Path) -> dict:
    return json.loads((site / "output" / "timeline.json").read_text(encoding="utf-8"))


def test_every_dateline_shape_dates_its_article(clipping_site: Path):
    articles = {a["slug"]: a for a in _timeline(clipping_site)["articles"]}
    assert articles["01-strike"]["date"] == "2026-03-04"
    assert articles["01-strike"]["date_from"] == "dateline"
    assert articles["01-strike"]["dateline"] == "PORTO, March 4, 2026 (Harbour Post) — "
    assert articles["03-deal"]["date"] == "2026-03-12"
    assert articles["slogan"]["date"] == "2026-03-05"
    assert articles["harbour"]["date_from"] == "front matter"
    assert articles["undated"]["date"] is None and articles["undated"]["date_from"] is None


def test_year_less_wire_dateline_takes_the_year_of_its_neighbours(clipping_site: Path):
    talks = next(a for a in _timeline(clipping_site)["articles"] if a["slug"] == "02-talks")
    assert (talks["date"], talks["source"]) == ("2026-03-06", "Reuters")


def test_outlet_from_the_dateline_and_titles_from_the_headline(clipping_site: Path):
    articles = {a["slug"]: a for a in _timeline(clipping_site)["articles"]}
    assert articles["01-strike"]["source"] == "Harbour Post"
    assert articles["03-deal"]["title"] == "Dockers accept pay offer"  # not the date line above it
    assert articles["slogan"]["title"] == "Cranes idle as strike bites"  # not the slogan
    assert articles["01-strike"]["title"].startswith("Dockers walked out on Tuesday")


def test_no_event_quotes_or_is_dated_by_its_dateline(clipping_site: Path):
    events = _timeline(clipping_site)["events"]
    quotes = [s["quote"] for e in events for s in e["sources"]]
    assert quotes, "the clippings have dated events"
    for quote in quotes:
        assert not re.search(r"PORTO,|GENEVA,|12 March 2026|5 March 2026|Business|trust", quote), quote
    walkout = [e for e in events if any("walked out" in s["quote"] for s in e["sources"])]
    assert [e["value"] for e in walkout] == ["2026-03-03"]  # "Tuesday" against the dateline


def test_one_outlet_is_one_source_however_it_reached_the_site(clipping_site: Path):
    events = _timeline(clipping_site)["events"]
    walkout = next(e for e in events if any("walked out" in s["quote"] for s in e["sources"]))
    assert sorted(s["article"] for s in walkout["sources"]) == ["01-strike", "harbour"]
    key_dates = (clipping_site / "output" / "key-dates" / "index.html").read_text(encoding="utf-8")
    assert "3 March 2026" not in key_dates  # one outlet (twice) is not two independent sources
    home = (clipping_site / "output" / "index.html").read_text(encoding="utf-8")
    walkout_block = home[home.index(walkout["id"]):][:3000]
    assert "2 sources" not in walkout_block.split("</li>")[0]


def test_article_page_shows_the_dateline_apart_and_leaves_furniture_out(clipping_site: Path):
    page = (clipping_site / "output" / "articles" / "01-strike" / "index.html").read_text(encoding="utf-8")
    assert '<p class="dateline">PORTO, March 4, 2026 (Harbour Post)</p>' in page
    body = page[page.index('class="article-body"'):]
    assert "PORTO, March 4" not in body.split("</div>")[0]
    slogan = (clipping_site / "output" / "articles" / "slogan" / "index.html").read_text(encoding="utf-8")
    body = slogan[slogan.index('class="article-body"'):].split("</div>")[0]
    assert "you can trust" not in body and "0 12" not in body and "Ships queued" in body


def test_check_names_every_article_without_a_dateline_and_the_year_it_took(clipping_site: Path):
    result = annals("check", str(clipping_site))
    out = result.stdout + result.stderr
    assert "content/articles/undated.md" in out
    assert "Pilots said on Friday that the queue of ships" in out  # its opening
    assert "date: YYYY-MM-DD" in out
    assert "content/articles/feed/02-talks.md" in out and "2026" in out
