"""The story window: found where the articles concentrate, or set in site.yaml; events
before it are background."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_chronology import analysis, build, day, month, year  # noqa: E402

from generator.chronology.story import (configured_window, detect_window, is_background,  # noqa: E402
                                        split_background)
from generator.config import SiteConfig, config_from_mapping  # noqa: E402
from generator.errors import ContentError  # noqa: E402


def report(slug: str, dct: date | None, text: str = "Georgia met Russia on 2 May 2025.",
           phrase: str = "2 May 2025", time=None) -> object:
    return analysis(slug, dct, (text, phrase, time or day(2025, 5, 2), "georgia"))


def test_window_opens_on_the_month_of_the_run_with_most_articles():
    articles = [report("old", date(2019, 3, 4)),  # an explainer from years before
                report("a", date(2024, 12, 8)), report("b", date(2024, 12, 26)),
                report("c", date(2025, 3, 11)),  # 75 days later: still the same run
                report("d", date(2025, 9, 11))]
    window = detect_window(articles, [])
    assert (window.start, window.end, window.origin) == (date(2024, 12, 1), date(2025, 9, 30), "detected")


def test_a_later_fine_event_stretches_the_end_but_a_year_does_not():
    articles = [report("a", date(2025, 5, 3)), report("b", date(2025, 5, 9))]
    ahead = build(analysis("c", date(2025, 5, 9), ("Talks are due on 14 July.", "14 July", day(2025, 7, 14), "georgia")),
                  analysis("d", date(2025, 5, 9), ("Russia plans reforms in 2026.", "in 2026", year(2026), "russia")))
    window = detect_window(articles, ahead.events)
    assert window.end == date(2025, 7, 31)


def test_runs_split_at_gaps_and_the_later_run_wins_a_tie():
    articles = [report("a", date(2023, 1, 5)), report("b", date(2023, 1, 9)),
                report("c", date(2024, 6, 1)), report("d", date(2024, 6, 2))]
    assert detect_window(articles, []).start == date(2024, 6, 1)


def test_without_dated_articles_the_events_place_the_window():
    timeline = build(analysis("a", None, ("Georgia voted on 3 March 2025.", "3 March 2025", day(2025, 3, 3), "georgia"),
                              ("Russia annexed land in 1991.", "1991", year(1991), "russia")))
    assert detect_window(timeline.articles, timeline.events).start == date(2025, 3, 1)
    assert detect_window([], []) is None


def test_timeline_carries_the_window_and_earlier_events_are_background():
    timeline = build(report("a", date(2025, 5, 3)),
                     analysis("b", date(2025, 5, 4), ("Georgia split from Russia in 1991.", "1991", year(1991), "georgia"),
                              ("Russia held drills in April 2025.", "April 2025", month(2025, 4), "russia")))
    assert timeline.story.start == date(2025, 5, 1)
    story, background = split_background(timeline.events, timeline.story)
    assert [e.time.value for e in story] == ["2025-05-02"]
    assert [e.time.value for e in background] == ["1991", "2025-04"]
    assert not is_background(story[0], None)


def test_site_yaml_story_wins_and_may_leave_out_an_end():
    config = config_from_mapping({"story": {"from": "2025-04-01"}})
    window = configured_window(config)
    assert (window.start, window.end, window.origin) == (date(2025, 4, 1), date.max, "site.yaml")
    timeline = build(report("a", date(2025, 5, 3)), config=config)
    assert timeline.story.start == date(2025, 4, 1)
    assert configured_window(SiteConfig()) is None


@pytest.mark.parametrize("value, message", [
    ("2025", "must be a mapping"),
    ({"from": "2025-13-01"}, "`story.from` must be a date"),
    ({"from": "2025-05-01", "to": "2025-04-01"}, "must not be after"),
    ({"start": "2025-05-01"}, "must be a mapping"),
])
def test_bad_story_settings_name_site_yaml(value, message):
    with pytest.raises(ContentError) as err:
        config_from_mapping({"story": value})
    assert message in str(err.value) and err.value.path == "site.yaml"


def test_order_is_oldest_or_newest():
    assert config_from_mapping({}).order == "oldest"
    assert config_from_mapping({"order": "newest"}).order == "newest"
    with pytest.raises(ContentError, match="`order` must be oldest or newest"):
        config_from_mapping({"order": "backwards"})
