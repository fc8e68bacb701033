"""Property tests: whatever text the articles hold, every export stays well-formed and lossless
where the format allows (JSON, CSV: formulas aside), escaped where it must be (XML, iCalendar)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.config import SiteConfig
from generator.export import export_files
from generator.export.common import clean_text
from generator.export.csv_table import FORMULA_STARTS, neutralise
from generator.export.ics import LINE_OCTETS, escape_text, fold
from generator.model import (Actor, Article, ArticleAnalysis, Dateline, Event, PlainText,
                             Sentence, TimeExpr, Timeline, TimelineEvent, TimeValue)

ATOM = "{http://www.w3.org/2005/Atom}"
TEXT = st.text(min_size=1, max_size=200)
ICS_ESCAPE = re.compile(r"\\([\\;,nN])")


def unescape_ics(value: str) -> str:
    return ICS_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def one_event_timeline(sentence: str, title: str, actor_name: str) -> Timeline:
    day = TimeValue("2025-07-19", "DATE", "day", date(2025, 7, 19), date(2025, 7, 19))
    citation = Event("a-1", "a", Sentence(0, len(sentence), sentence, 0),
                     TimeExpr(0, min(3, len(sentence)), sentence[:3], day), ("x",))
    article = Article("content/articles/a.md", "a", title, "", 1, date(2025, 7, 23), title, None)
    analysis = ArticleAnalysis(article, Dateline(date(2025, 7, 23), "front matter"),
                               PlainText("", (0,)), (), (), (), ())
    return Timeline((TimelineEvent("a-1", day, sentence, ("x",), (citation,)),),
                    (Actor("x", actor_name, "person"),), (analysis,))


@settings(max_examples=60, deadline=None)
@given(sentence=TEXT, title=TEXT, actor_name=TEXT)
@example(sentence="a\r\nb\x00 </script>", title="t\rx & <i>", actor_name="\ufffe\u2028")
def test_every_export_survives_any_text(sentence, title, actor_name):
    timeline = one_event_timeline(sentence, title, actor_name)
    config = SiteConfig(title=title, base_url="https://example.org/")
    files = export_files(timeline, config)

    data = json.loads(files["timeline.json"])
    assert data["events"][0]["text"] == sentence
    assert data["events"][0]["sources"][0]["title"] == title

    rows = list(csv.reader(io.StringIO(files["timeline.csv"].decode("utf-8"), newline="")))
    assert len(rows) == 2 and rows[1][6] == neutralise(sentence) and rows[1][9] == neutralise(title)
    assert not [cell for cell in rows[1] if cell.startswith(FORMULA_STARTS)]  # lossless but for the apostrophe

    for path in ("feed.xml", "actors/x/feed.xml", "sitemap.xml"):
        ET.fromstring(files[path])
    feed = ET.fromstring(files["feed.xml"])
    assert (feed.find(f"{ATOM}title").text or "") == clean_text(title)

    for line in files["timeline.ics"].split(b"\r\n"):
        assert len(line) <= LINE_OCTETS
    json.loads(files["timelinejs.json"])
    json.loads(files["actors/x/oembed.json"])


@given(TEXT)
def test_ics_escaping_and_folding_round_trip(text):
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold(line)
    assert "\r" not in escape_text(text) and "\n" not in escape_text(text)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= LINE_OCTETS for piece in pieces)
    unfolded = pieces[0] + "".join(piece[1:] for piece in pieces[1:])
    assert unescape_ics(unfolded[len("DESCRIPTION:"):]) == clean_text(text)
