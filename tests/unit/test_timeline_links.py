"""What an article page shows of the events citing it (render.inputs.timeline_links), and
the phrases it takes over from the last run: the same event object gives the same reading
without working it out again; a changed event (same id, other citations) is read afresh."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_fixture import make_timeline  # noqa: E402

from generator.config import SiteConfig  # noqa: E402
from generator.render.inputs import timeline_links  # noqa: E402
from generator.render.paging import Paging  # noqa: E402


def cited_by(timeline, slug):
    return [e for e in timeline.events if slug in e.articles]


def test_links_name_each_events_id_page_and_the_phrases_it_cites_here():
    timeline = make_timeline()
    paging = Paging(timeline, SiteConfig())
    events = cited_by(timeline, "harbour-talks")
    links = timeline_links("harbour-talks", events, paging)
    assert [link[0] for link in links] == [e.id for e in events]
    for (event_id, page, starts), event in zip(links, events):
        assert page == paging.page_of(event)
        assert starts == tuple(c.timex.start for c in event.citations if c.article == "harbour-talks")
        assert starts  # every event listed cites this article


def test_the_last_runs_reading_of_the_same_event_is_taken_over():
    timeline = make_timeline()
    paging = Paging(timeline, SiteConfig())
    events = cited_by(timeline, "harbour-talks")
    last: dict = {}
    first = timeline_links("harbour-talks", events, paging, last)
    now: dict = {}
    again = timeline_links("harbour-talks", events, paging, now, last)
    assert again == first
    assert all(now[id(e)] is last[id(e)] for e in events)  # taken over, not made again


def test_an_event_changed_since_the_last_run_is_read_afresh():
    timeline = make_timeline()
    paging = Paging(timeline, SiteConfig())
    event = cited_by(timeline, "harbour-talks")[0]
    last: dict = {}
    timeline_links("harbour-talks", [event], paging, last)
    moved = replace(event, citations=tuple(
        replace(c, timex=replace(c.timex, start=c.timex.start + 5)) if c.article == "harbour-talks" else c
        for c in event.citations))
    # the last run's entry for the old object must not answer for the new one
    stale = {id(moved): last[id(event)]}
    (_, _, starts), = timeline_links("harbour-talks", [moved], paging, {}, stale)
    assert starts == tuple(c.timex.start for c in moved.citations if c.article == "harbour-talks")
    assert starts != tuple(c.timex.start for c in event.citations if c.article == "harbour-talks")
