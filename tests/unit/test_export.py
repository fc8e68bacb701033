"""Exports: timeline.json contract, TimelineJS, CSV, iCalendar, Atom, oEmbed, sitemap, robots.

The timeline is built by hand (a made-up story about a dam on a border river) so every
expectation below is known exactly.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta

import pytest

from generator import __version__
from generator.config import KeyDateRule, SiteConfig
from generator.errors import UsageError
from generator.export import FORMATS, export_files, export_format
from generator.export.common import date_label, truncate
from generator.export.ics import LINE_OCTETS, escape_text, fold
from generator.export.timeline_json import timeline_json
from generator.model import (Actor, Article, ArticleAnalysis, Dateline, Event, PlainText,
                             KeyDate, Sentence, TimeExpr, Timeline, TimelineEvent, TimeValue)

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HOSTILE = 'Ministers pledged <script>alert("x")</script> & more, "soon"; really.'


# ---------------------------------------------------------------- factories

def tv(value: str, granularity: str, start: str, end: str) -> TimeValue:
    return TimeValue(value, "DATE", granularity, date.fromisoformat(start), date.fromisoformat(end))


def analysis(slug: str, title: str, day: str | None, source: str | None = None,
             url: str | None = None, events: tuple[Event, ...] = ()) -> ArticleAnalysis:
    dct = date.fromisoformat(day) if day else None
    article = Article(path=f"content/articles/{slug}.md", slug=slug, title=title, body="",
                      body_line=1, date=dct, source=source, url=url)
    return ArticleAnalysis(article=article, dateline=Dateline(dct, "front matter" if dct else "none"),
                           text=PlainText("", (0,)), sentences=(), timexes=(), mentions=(), events=events)


def cite(article: str, n: int, sentence: str, phrase: str, time: TimeValue,
         actors: tuple[str, ...] = ()) -> Event:
    offset = sentence.find(phrase)
    assert offset >= 0, (phrase, sentence)
    return Event(id=f"{article}-{n}", article=article,
                 sentence=Sentence(0, len(sentence), sentence, 0),
                 timex=TimeExpr(offset, offset + len(phrase), phrase, time), actors=actors)


def happening(event_id: str, time: TimeValue, citations: tuple[Event, ...],
              actors: tuple[str, ...], conflicts: tuple[TimeValue, ...] = ()) -> TimelineEvent:
    return TimelineEvent(id=event_id, time=time, text=citations[0].sentence.text, actors=actors,
                         citations=citations, conflicts=conflicts)


SATURDAY = tv("2025-07-19", "day", "2025-07-19", "2025-07-19")
LAST_WEEK = tv("2025-W29", "week", "2025-07-14", "2025-07-20")
JUNE = tv("2025-06", "month", "2025-06-01", "2025-06-30")
YEAR_2024 = tv("2024", "year", "2024-01-01", "2024-12-31")
THIRD_QUARTER = tv("2025-Q3", "quarter", "2025-07-01", "2025-09-30")


def make_timeline() -> Timeline:
    spillway = "Engineers from Valdoria inspected the northern spillway on Saturday."
    spillway_2 = "The spillway was checked by Valdorian engineers last Saturday, officials said."
    talks = "Negotiators met twice last week, the authority said, without an agreement."
    levels = 'Water levels fell sharply in June, and one farmer said: "we are worried,\nvery worried."'
    pledge = HOSTILE.replace("pledged", "pledged in 2024")
    summer = "Repairs are planned for the third quarter, the authority said."
    events = (
        happening("pledge-1", YEAR_2024,
                  (cite("pledge", 1, pledge, "in 2024", YEAR_2024, ("valdoria",)),), ("valdoria",)),
        happening("river-report-1", JUNE,
                  (cite("river-report", 1, levels, "in June", JUNE),), (),
                  conflicts=(tv("2025-05", "month", "2025-05-01", "2025-05-31"),)),
        happening("dam-talks-3", THIRD_QUARTER,
                  (cite("dam-talks", 3, summer, "the third quarter", THIRD_QUARTER),), ("kestrel",)),
        happening("dam-talks-2", LAST_WEEK,
                  (cite("dam-talks", 2, talks, "last week", LAST_WEEK),), ("kestrel", "valdoria")),
        happening("dam-talks-1", SATURDAY,
                  (cite("dam-talks", 1, spillway, "on Saturday", SATURDAY),
                   cite("river-report", 2, spillway_2, "last Saturday", SATURDAY)),
                  ("valdoria", "kestrel")),
    )
    actors = (
        Actor("kestrel", "Kestrel Water Authority", "organisation", ("the authority",)),
        Actor("valdoria", "Valdoria", "country", ("Valdorian",), description="A river state."),
    )
    articles = (
        analysis("pledge", 'Pledges, "promises" & <b>more</b>', "2024-03-02", "Harbor Gazette"),
        analysis("dam-talks", "Dam talks stall", "2025-07-23", "Harbor Gazette",
                 "https://news.example.org/dam-talks?a=1&b=2"),
        analysis("river-report", "River report", "2025-07-25", "Valley Post", "javascript:alert(1)"),
    )
    return Timeline(events=events, actors=actors, articles=articles)


ABSOLUTE = SiteConfig(title="Dam Watch", description="A river, a dam & two sides.",
                      base_url="https://example.org/dam/")
RELATIVE = SiteConfig(title="Dam Watch", base_url="/dam/")


@pytest.fixture
def timeline() -> Timeline:
    return make_timeline()


@pytest.fixture
def files(timeline: Timeline) -> dict[str, bytes]:
    return export_files(timeline, ABSOLUTE)


# ---------------------------------------------------------------- the file set

def test_export_files_covers_the_url_layout(files):
    expected = {"timeline.json", "timelinejs.json", "timeline.csv", "timeline.ics", "feed.xml",
                "oembed.json", "sitemap.xml", "robots.txt"}
    for slug in ("kestrel", "valdoria"):
        expected |= {f"actors/{slug}/feed.xml", f"actors/{slug}/timelinejs.json",
                     f"actors/{slug}/oembed.json"}
    assert set(files) == expected
    assert list(files) == sorted(files)
    assert all(isinstance(data, bytes) for data in files.values())
    for data in files.values():
        data.decode("utf-8")
        assert not data.startswith(b"\xef\xbb\xbf")


def test_output_is_byte_identical_between_runs(timeline):
    assert export_files(timeline, ABSOLUTE) == export_files(make_timeline(), ABSOLUTE)
    assert export_files(timeline, RELATIVE) == export_files(make_timeline(), RELATIVE)
    for fmt in FORMATS:
        assert export_format(timeline, ABSOLUTE, fmt) == export_format(make_timeline(), ABSOLUTE, fmt)


def test_empty_timeline_still_exports_without_a_clock():
    files = export_files(Timeline(events=(), actors=(), articles=()), ABSOLUTE)
    feed = ET.fromstring(files["feed.xml"])
    assert feed.find(f"{ATOM}updated").text == "1970-01-01T00:00:00Z"
    assert json.loads(files["timeline.json"])["events"] == []
    assert files["timeline.ics"].endswith(b"END:VCALENDAR\r\n")


# ---------------------------------------------------------------- timeline.json

def test_timeline_json_keys_follow_the_contract(files):
    data = json.loads(files["timeline.json"])
    assert list(data) == ["site", "events", "actors", "articles", "key_dates", "story"]
    assert data["site"] == {"title": "Dam Watch", "description": "A river, a dam & two sides.",
                            "base_url": "https://example.org/dam/", "language": "en",
                            "generator": f"Annals {__version__}"}
    contract_event = {"id", "value", "range", "granularity", "text", "actors", "sources"}
    contract_source = {"article", "title", "url", "quote", "timex"}
    for event in data["events"]:
        assert contract_event <= set(event)
        assert set(event) - contract_event == {"label", "conflicts", "scheduled", "corrected", "places"}
        for source in event["sources"]:
            assert contract_source <= set(source)
            assert set(source) - contract_source == {"date", "date_value"}
    for actor in data["actors"]:
        assert {"slug", "name", "kind", "aliases", "events"} <= set(actor)
    for article in data["articles"]:
        assert set(article) == {"slug", "title", "date", "source", "url", "date_from", "dateline"}
        assert article["date_from"] in ("front matter", "dateline", "html", "correction", None)


def test_timeline_json_values(files, timeline):
    data = json.loads(files["timeline.json"])
    assert [e["id"] for e in data["events"]] == [e.id for e in timeline.events]
    starts = [e["range"][0] for e in data["events"]]
    assert starts == sorted(starts)
    saturday = data["events"][-1]
    assert saturday["value"] == "2025-07-19"
    assert saturday["range"] == ["2025-07-19", "2025-07-19"]
    assert saturday["granularity"] == "day"
    assert saturday["actors"] == ["valdoria", "kestrel"]
    assert saturday["sources"][0] == {
        "article": "dam-talks", "title": "Dam talks stall",
        "url": "https://news.example.org/dam-talks?a=1&b=2",
        "quote": "Engineers from Valdoria inspected the northern spillway on Saturday.",
        "timex": "on Saturday", "date": "2025-07-23", "date_value": "2025-07-19"}
    assert saturday["sources"][1]["timex"] == "last Saturday"
    june = data["events"][1]
    assert june["label"] == date_label(JUNE) and june["conflicts"] == ["2025-05"]
    assert data["actors"][1]["events"] == ["pledge-1", "dam-talks-2", "dam-talks-1"]
    assert data["actors"][1]["aliases"] == ["Valdorian"]
    assert data["articles"][0] == {"slug": "pledge", "title": 'Pledges, "promises" & <b>more</b>',
                                   "date": "2024-03-02", "source": "Harbor Gazette", "url": None,
                                   "date_from": "front matter", "dateline": None}


def test_timeline_json_key_dates_in_rank_order_up_to_the_export_limit(timeline):
    keys = tuple(KeyDate(SATURDAY if n % 2 else JUNE, (f"e{n}",), 1, round(10 - n / 10, 4))
                 for n in range(60))
    ranked = replace(timeline, key_dates=keys)
    data = json.loads(timeline_json(ranked, ABSOLUTE))["key_dates"]
    assert len(data) == 60 and [k["rank"] for k in data] == list(range(1, 61))
    assert data[0] == {"date": "2025-06", "rank": 1, "score": 10.0, "sources": 1, "events": ["e0"]}
    assert data[1]["date"] == "2025-07-19"
    few = replace(ABSOLUTE, key_dates=KeyDateRule(export=50))
    assert len(json.loads(timeline_json(ranked, few))["key_dates"]) == 50


def test_timeline_json_is_pretty_utf8_and_script_safe(files):
    text = files["timeline.json"].decode("utf-8")
    assert text.startswith('{\n  "site": {\n    "title"')
    assert text.endswith("}\n")
    assert "</script>" not in text  # written <\/script>: the same JSON string
    data = json.loads(text)
    assert HOSTILE.replace("pledged", "pledged in 2024") == data["events"][0]["text"]
    raw = export_files(Timeline(events=(), actors=(), articles=()), SiteConfig(title="Türkiye ☂"))
    assert "Türkiye ☂".encode() in raw["timeline.json"]


def test_article_without_dateline_has_null_date():
    empty = Timeline(events=(), actors=(), articles=(analysis("undated", "Undated", None),))
    data = json.loads(export_format(empty, RELATIVE, "json"))
    assert data["articles"][0]["date"] is None


# ---------------------------------------------------------------- TimelineJS

def test_timelinejs_dates_follow_precision(files):
    data = json.loads(files["timelinejs.json"])
    slides = {s["unique_id"]: s for s in data["events"]}
    assert slides["dam-talks-1"]["start_date"] == {"year": "2025", "month": "7", "day": "19"}
    assert "end_date" not in slides["dam-talks-1"]
    assert slides["dam-talks-2"]["start_date"] == {"year": "2025", "month": "7", "day": "14"}
    assert slides["dam-talks-2"]["end_date"] == {"year": "2025", "month": "7", "day": "20"}
    assert slides["river-report-1"]["start_date"] == {"year": "2025", "month": "6"}
    assert "end_date" not in slides["river-report-1"]
    assert slides["pledge-1"]["start_date"] == {"year": "2024"}
    assert "end_date" not in slides["pledge-1"]
    assert slides["dam-talks-3"]["start_date"] == {"year": "2025", "month": "7"}
    assert slides["dam-talks-3"]["end_date"] == {"year": "2025", "month": "9"}
    assert slides["dam-talks-2"]["display_date"] == date_label(LAST_WEEK)


def test_timelinejs_text_groups_and_title(files):
    data = json.loads(files["timelinejs.json"])
    assert data["title"]["text"]["headline"] == "Dam Watch"
    assert data["title"]["text"]["text"] == "<p>A river, a dam &amp; two sides.</p>"
    slides = {s["unique_id"]: s for s in data["events"]}
    assert slides["dam-talks-1"]["group"] == "Valdoria"
    assert slides["dam-talks-2"]["group"] == "Kestrel Water Authority"
    assert "group" not in slides["river-report-1"]
    pledge = slides["pledge-1"]
    assert pledge["group"] == "Valdoria"
    assert "<script>" not in pledge["text"]["headline"]
    assert "&lt;script&gt;" in pledge["text"]["headline"]
    html = pledge["text"]["text"]
    assert "<script>" not in html and "&lt;b&gt;more&lt;/b&gt;" in html
    spillway = slides["dam-talks-1"]["text"]["text"]
    assert 'href="https://example.org/dam/articles/dam-talks/#dam-talks-1"' in spillway
    assert 'href="https://news.example.org/dam-talks?a=1&amp;b=2"' in spillway
    assert "javascript:" not in spillway  # river-report's url is not a web link


def test_actor_timelinejs_only_has_the_actors_events(files):
    data = json.loads(files["actors/kestrel/timelinejs.json"])
    assert data["title"]["text"]["headline"] == "Kestrel Water Authority"
    assert [s["unique_id"] for s in data["events"]] == ["dam-talks-3", "dam-talks-2", "dam-talks-1"]


def test_timelinejs_clock_time():
    noon = TimeValue("2025-07-19T14:05", "TIME", "time", date(2025, 7, 19), date(2025, 7, 19))
    event = happening("a-1", noon, (cite("a", 1, "It happened at 14:05 that day.", "14:05", noon),), ())
    data = json.loads(export_format(Timeline((event,), (), (analysis("a", "A", "2025-07-20"),)),
                                    RELATIVE, "timelinejs"))
    assert data["events"][0]["start_date"] == {"year": "2025", "month": "7", "day": "19",
                                               "hour": "14", "minute": "5"}


# ---------------------------------------------------------------- CSV

def test_csv_has_one_row_per_citation(files, timeline):
    text = files["timeline.csv"].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["event_id", "date_value", "range_start", "range_end", "granularity",
                       "date_label", "text", "actors", "article", "article_title", "source",
                       "url", "quote", "timex"]
    assert len(rows) - 1 == sum(len(e.citations) for e in timeline.events) == 6
    assert text.count("\r\n") >= len(rows)
    by_article = {(r[0], r[8]): r for r in rows[1:]}
    second = by_article[("dam-talks-1", "river-report")]
    assert second[1:6] == ["2025-07-19", "2025-07-19", "2025-07-19", "day", date_label(SATURDAY)]
    assert second[7] == "valdoria;kestrel"
    assert second[9:12] == ["River report", "Valley Post", "javascript:alert(1)"]
    assert second[13] == "last Saturday"
    june = by_article[("river-report-1", "river-report")]
    assert june[12] == 'Water levels fell sharply in June, and one farmer said: "we are worried,\nvery worried."'
    assert '"Water levels fell sharply in June, and one farmer said: ""we are worried,\nvery worried."""' in text


def test_csv_event_without_citations_gets_a_row():
    lone = TimelineEvent("x-1", SATURDAY, "A lone sentence.", (), ())
    rows = list(csv.reader(io.StringIO(export_format(Timeline((lone,), (), ()), RELATIVE, "csv"))))
    assert len(rows) == 2 and rows[1][0] == "x-1" and rows[1][8:] == [""] * 6


# ---------------------------------------------------------------- iCalendar

def unfold(text: str) -> list[str]:
    """Content lines of an iCalendar text, folding undone (RFC 5545 3.1)."""
    lines: list[str] = []
    for raw in text.split("\r\n")[:-1]:
        if raw.startswith(" "):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return lines


def vevents(lines: list[str]) -> list[dict[str, str]]:
    out, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            out.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return out


def test_ics_structure_and_line_format(files):
    raw = files["timeline.ics"]
    text = raw.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for physical in raw.split(b"\r\n"):
        assert len(physical) <= LINE_OCTETS
    lines = unfold(text)
    assert lines[:5] == ["BEGIN:VCALENDAR", "VERSION:2.0",
                         f"PRODID:-//Annals//Annals {__version__}//EN", "CALSCALE:GREGORIAN",
                         "METHOD:PUBLISH"]
    assert "X-WR-CALNAME:Dam Watch" in lines
    assert lines[-1] == "END:VCALENDAR"
    assert len(vevents(lines)) == 5


def test_ics_spans_match_precision(files):
    events = {e["UID"]: e for e in vevents(unfold(files["timeline.ics"].decode()))}
    day = events["dam-talks-1@example.org"]
    assert (day["DTSTART;VALUE=DATE"], day["DTEND;VALUE=DATE"]) == ("20250719", "20250720")
    week = events["dam-talks-2@example.org"]
    assert (week["DTSTART;VALUE=DATE"], week["DTEND;VALUE=DATE"]) == ("20250714", "20250721")
    month = events["river-report-1@example.org"]
    assert (month["DTSTART;VALUE=DATE"], month["DTEND;VALUE=DATE"]) == ("20250601", "20250701")
    year = events["pledge-1@example.org"]
    assert (year["DTSTART;VALUE=DATE"], year["DTEND;VALUE=DATE"]) == ("20240101", "20250101")
    # DTSTAMP: the latest dateline among the sources, not the clock
    assert day["DTSTAMP"] == "20250725T000000Z"
    assert year["DTSTAMP"] == "20240302T000000Z"
    assert day["URL"] == "https://example.org/dam/#dam-talks-1"
    assert day["CATEGORIES"] == "Valdoria,Kestrel Water Authority"


def test_ics_escapes_text(files):
    events = {e["UID"]: e for e in vevents(unfold(files["timeline.ics"].decode()))}
    summary = events["pledge-1@example.org"]["SUMMARY"]
    assert summary == 'Ministers pledged in 2024 <script>alert("x")</script> & more\\, "soon"\\; really.'
    description = events["river-report-1@example.org"]["DESCRIPTION"]
    assert "\\n\\nSources:\\n- River report (Valley Post\\, 2025-07-25)" in description
    assert escape_text("a\\b;c,d\r\ne\x07") == "a\\\\b\\;c\\,d\\ne"
    assert "javascript:" not in files["timeline.ics"].decode()  # river-report's bogus url


def test_ics_without_absolute_base_has_no_url_and_generic_uid(timeline):
    lines = unfold(export_format(timeline, RELATIVE, "ics"))
    assert not any(line.startswith("URL:") for line in lines)
    assert "UID:dam-talks-1@annals" in lines


def test_fold_never_splits_utf8_and_round_trips():
    line = "SUMMARY:" + "Erdoğan ☂ çok uzun " * 12
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert len(pieces) > 1
    assert all(len(piece.encode("utf-8")) <= LINE_OCTETS for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line
    assert fold("SHORT:line") == "SHORT:line"


# ---------------------------------------------------------------- Atom

def test_the_feeds_updated_stamp_is_the_latest_date_its_entries_hold():
    """An old event reported again by a newer article, but too old to be among the feed's
    entries, does not date the feed: only what the feed holds does."""
    from generator.export.atom import MAX_ENTRIES, atom_feed

    days = [date(2025, 1, 1) + timedelta(days=n) for n in range(MAX_ENTRIES + 5)]
    recent = tuple(happening(f"day-{n}", tv(d.isoformat(), "day", d.isoformat(), d.isoformat()),
                             (cite(f"report-{n}", 1, f"The envoy spoke on day {n}.", "on day", tv(
                                 d.isoformat(), "day", d.isoformat(), d.isoformat())),), ())
                   for n, d in enumerate(days))
    old = happening("old-1", YEAR_2024, (cite("late-review", 1, "The works began in 2024.", "in 2024", YEAR_2024),), ())
    reports = tuple(analysis(f"report-{n}", f"Day {n}", d.isoformat()) for n, d in enumerate(days))
    review = analysis("late-review", "Looking back", "2026-05-01")
    feed = ET.fromstring(atom_feed(Timeline(events=(old, *recent), actors=(), articles=(*reports, review)), ABSOLUTE))
    assert len(feed.findall(f"{ATOM}entry")) == MAX_ENTRIES
    assert feed.find(f"{ATOM}updated").text == f"{days[-1].isoformat()}T00:00:00Z"  # not 2026-05-01


def test_atom_feed_is_well_formed_and_ordered(files):
    feed = ET.fromstring(files["feed.xml"])
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.find(f"{ATOM}id").text == "https://example.org/dam/"
    assert feed.find(f"{ATOM}title").text == "Dam Watch"
    # the latest date in the data (the last dateline), not the time of the build
    assert feed.find(f"{ATOM}updated").text == "2025-07-25T00:00:00Z"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": "https://example.org/dam/feed.xml", "alternate": "https://example.org/dam/"}
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Dam Watch"
    entries = feed.findall(f"{ATOM}entry")
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert updated[0] == "2025-07-19T00:00:00Z"
    first = entries[0]
    assert first.find(f"{ATOM}id").text == "https://example.org/dam/#dam-talks-1"
    assert first.find(f"{ATOM}title").text.startswith(date_label(SATURDAY) + ": Engineers")
    assert first.find(f"{ATOM}link").get("href") == "https://example.org/dam/#dam-talks-1"
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == ["valdoria", "kestrel"]
    content = first.find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert 'href="https://example.org/dam/articles/river-report/#river-report-2"' in content.text


def test_atom_escapes_hostile_text(files):
    raw = files["feed.xml"].decode("utf-8")
    assert "<script>" not in raw and "&lt;b&gt;" not in raw.replace("&amp;lt;b&amp;gt;", "")
    feed = ET.fromstring(raw)
    pledge = [e for e in feed.findall(f"{ATOM}entry") if e.find(f"{ATOM}id").text.endswith("pledge-1")][0]
    assert "<script>" in pledge.find(f"{ATOM}title").text  # a text construct: shown as text
    html = pledge.find(f"{ATOM}content").text
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;more&lt;/b&gt;" in html


def test_actor_feed_relative_links(timeline):
    files = export_files(timeline, RELATIVE)
    feed = ET.fromstring(files["actors/kestrel/feed.xml"])
    assert feed.find(f"{ATOM}title").text == "Kestrel Water Authority"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": "feed.xml", "alternate": "./"}
    assert feed.find(f"{ATOM}id").text.startswith("tag:annals,")
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
        "./#dam-talks-1", "./#dam-talks-2", "./#dam-talks-3"]
    assert all(e.find(f"{ATOM}id").text.startswith("tag:annals,2025:dam-watch/") for e in entries)
    assert 'href="../../articles/dam-talks/#dam-talks-1"' in entries[0].find(f"{ATOM}content").text
    site = ET.fromstring(files["feed.xml"])
    site_links = {link.get("rel"): link.get("href") for link in site.findall(f"{ATOM}link")}
    assert site_links == {"self": "feed.xml", "alternate": "./"}


def test_atom_caps_entries_latest_first():
    days = [date(2025, 1, 1).toordinal() + n for n in range(60)]
    events = []
    for n, ordinal in enumerate(days):
        day = date.fromordinal(ordinal).isoformat()
        time = tv(day, "day", day, day)
        events.append(happening(f"a-{n + 1}", time,
                                (cite("a", n + 1, f"Item number {n + 1} happened on {day}.", day, time),), ()))
    timeline = Timeline(tuple(events), (), (analysis("a", "A", "2025-03-15"),))
    feed = ET.fromstring(export_format(timeline, ABSOLUTE, "atom"))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 50
    assert entries[0].find(f"{ATOM}id").text.endswith("#a-60")
    assert entries[-1].find(f"{ATOM}id").text.endswith("#a-11")
    # the latest date in the data: here the dateline, later than every event
    assert feed.find(f"{ATOM}updated").text == "2025-03-15T00:00:00Z"


# ---------------------------------------------------------------- oEmbed

def test_oembed_documents(files):
    site = json.loads(files["oembed.json"])
    assert site["version"] == "1.0" and site["type"] == "rich"
    assert site["provider_name"] == "Dam Watch"
    assert site["provider_url"] == "https://example.org/dam/"
    assert isinstance(site["width"], int) and isinstance(site["height"], int)
    assert site["html"].startswith('<iframe src="https://example.org/dam/embed/"')
    actor = json.loads(files["actors/valdoria/oembed.json"])
    assert 'src="https://example.org/dam/embed/actors/valdoria/"' in actor["html"]
    assert actor["title"].startswith("Valdoria")


def test_oembed_escapes_title_and_uses_base_path_without_absolute_url():
    config = SiteConfig(title='Dams "&" <rivers>', base_url="/story/")
    data = json.loads(export_files(Timeline((), (), ()), config)["oembed.json"])
    assert data["provider_url"] == "/story/"
    assert 'src="/story/embed/"' in data["html"]
    assert 'title="Dams &quot;&amp;&quot; &lt;rivers&gt;"' in data["html"]


# ---------------------------------------------------------------- sitemap and robots

def test_sitemap_lists_reader_pages_only(files):
    urlset = ET.fromstring(files["sitemap.xml"])
    assert urlset.tag == f"{SITEMAP}urlset"
    locs = [url.find(f"{SITEMAP}loc").text for url in urlset.findall(f"{SITEMAP}url")]
    base = "https://example.org/dam/"
    assert locs == [base, base + "actors/", base + "actors/kestrel/", base + "actors/valdoria/",
                    base + "articles/pledge/", base + "articles/dam-talks/",
                    base + "articles/river-report/", base + "key-dates/"]
    assert not any("review" in loc or "embed" in loc or "404" in loc for loc in locs)
    lastmods = {url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod").text
                for url in urlset.findall(f"{SITEMAP}url")}
    assert lastmods[base] == "2025-07-25"
    assert lastmods[base + "articles/pledge/"] == "2024-03-02"
    assert lastmods[base + "actors/kestrel/"] == "2025-07-25"


def test_sitemap_without_absolute_base_is_path_rooted(timeline):
    raw = export_files(timeline, RELATIVE)["sitemap.xml"].decode()
    assert "<!--" in raw and "base_url" in raw
    locs = [u.find(f"{SITEMAP}loc").text for u in ET.fromstring(raw).findall(f"{SITEMAP}url")]
    assert locs[0] == "/dam/" and all(loc.startswith("/dam/") for loc in locs)


def test_robots(files, timeline):
    assert files["robots.txt"] == (b"User-agent: *\nDisallow: /dam/review/\n"
                                   b"Sitemap: https://example.org/dam/sitemap.xml\n")
    relative = export_files(timeline, RELATIVE)["robots.txt"]
    assert relative == b"User-agent: *\nDisallow: /dam/review/\n"


# ---------------------------------------------------------------- export_format

def test_export_format_for_an_actor(timeline):
    data = json.loads(export_format(timeline, ABSOLUTE, "json", actor="kestrel"))
    assert [e["id"] for e in data["events"]] == ["dam-talks-3", "dam-talks-2", "dam-talks-1"]
    assert [a["slug"] for a in data["actors"]] == ["kestrel", "valdoria"]
    assert [a["slug"] for a in data["articles"]] == ["dam-talks", "river-report"]
    rows = list(csv.reader(io.StringIO(export_format(timeline, ABSOLUTE, "csv", actor="kestrel"))))
    assert len(rows) == 1 + 4
    ics = unfold(export_format(timeline, ABSOLUTE, "ics", actor="kestrel"))
    assert "X-WR-CALNAME:Kestrel Water Authority — Dam Watch" in ics
    feed = ET.fromstring(export_format(timeline, ABSOLUTE, "atom", actor="kestrel"))
    assert feed.find(f"{ATOM}id").text == "https://example.org/dam/actors/kestrel/"
    assert export_format(timeline, ABSOLUTE, "atom", actor="kestrel") == \
        export_files(timeline, ABSOLUTE)["actors/kestrel/feed.xml"].decode()


def test_export_format_errors(timeline):
    with pytest.raises(UsageError, match="unknown export format"):
        export_format(timeline, ABSOLUTE, "pdf")
    with pytest.raises(UsageError, match="kestrel"):
        export_format(timeline, ABSOLUTE, "json", actor="nobody")


def test_truncate_cuts_at_a_word():
    assert truncate("short  text\n", 20) == "short text"
    cut = truncate("one two three four five six seven", 16)
    assert len(cut) <= 16 and cut.endswith("…") and cut.startswith("one two three")


# ---------------------------------------------------------------- with the real chronology

def test_exports_of_a_timeline_built_by_chronology():
    from generator.chronology import build_timeline

    first = (cite("north", 1, "Valdoria closed the northern sluice gates on Saturday.",
                  "on Saturday", SATURDAY, ("valdoria",)),
             cite("north", 2, "The authority published new flow figures in June.", "in June",
                  JUNE, ("kestrel",)))
    second = (cite("south", 1, "On Saturday Valdoria closed the northern sluice gates again.",
                   "On Saturday", SATURDAY, ("valdoria",)),)
    analyses = [analysis("north", "North", "2025-07-21", "Harbor Gazette", events=first),
                analysis("south", "South", "2025-07-22", "Valley Post", events=second)]
    actors = [Actor("valdoria", "Valdoria", "country"),
              Actor("kestrel", "Kestrel Water Authority", "organisation")]
    timeline = build_timeline(analyses, actors, RELATIVE)
    files = export_files(timeline, RELATIVE)

    data = json.loads(files["timeline.json"])
    assert [e["id"] for e in data["events"]] == [e.id for e in timeline.events]
    citations = sum(len(e.citations) for e in timeline.events)
    assert len(timeline.events) == 2  # the two Saturday sentences merged
    assert sum(len(e["sources"]) for e in data["events"]) == citations == 3
    rows = list(csv.reader(io.StringIO(files["timeline.csv"].decode(), newline="")))
    assert len(rows) - 1 == citations
    assert len(vevents(unfold(files["timeline.ics"].decode()))) == len(timeline.events)
    entries = ET.fromstring(files["feed.xml"]).findall(f"{ATOM}entry")
    assert len(entries) == len(timeline.events)
    valdoria = json.loads(files["actors/valdoria/timelinejs.json"])
    assert all(s["group"] == "Valdoria" for s in valdoria["events"])


def test_timelinejs_group_is_escaped():
    hostile = Actor("ab", "A&B <Holdings>", "organisation")
    event = happening("a-1", SATURDAY, (cite("a", 1, "A&B sold its stake on Saturday.", "on Saturday",
                                             SATURDAY),), ("ab",))
    data = json.loads(export_format(Timeline((event,), (hostile,), (analysis("a", "A", "2025-07-20"),)),
                                    RELATIVE, "timelinejs"))
    assert data["events"][0]["group"] == "A&amp;B &lt;Holdings&gt;"
