"""The overview's SVG builder (generator/render/overview.py): bins, units, the pale area of
vaguer events, key date marks, the story window, links, and its size with many events."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_fixture import day, make_timeline, month  # noqa: E402

from generator.config import SiteConfig  # noqa: E402
from generator.model import KeyDate, TimelineEvent, TimeValue  # noqa: E402
from generator.render.overview import (bin_index, bin_start, build_overview, choose_unit,  # noqa: E402
                                       next_bin, overview_svg, ticks)


def ev(event_id: str, time: TimeValue) -> TimelineEvent:
    return TimelineEvent(event_id, time, f"Event {event_id}.", (), ())


def year(y: int) -> TimeValue:
    return TimeValue(str(y), "DATE", "year", date(y, 1, 1), date(y, 12, 31))


def build(events, key_dates=(), window=None):
    return build_overview(events, key_dates, window, name="Test",
                          period_target=lambda e: f"#group-{e.id}", event_target=lambda i: f"#{i}")


@pytest.mark.parametrize("unit", ["week", "month", "year"])
def test_a_days_bin_index_counts_the_bins_from_the_first(unit):
    first = bin_start(date(2019, 11, 20), unit)
    starts = [first]
    while len(starts) < 400:
        starts.append(next_bin(starts[-1], unit))
    index = {start: n for n, start in enumerate(starts)}
    for offset in range(0, 2500, 3):
        when = date.fromordinal(first.toordinal() + offset)
        if when < next_bin(starts[-1], unit):
            assert bin_index(when, first, unit) == index[bin_start(when, unit)]


def test_days_and_weeks_are_counted_in_the_week_they_start():
    events = [ev("a", day(2025, 7, 14)), ev("b", day(2025, 7, 20)), ev("c", day(2025, 7, 21))]
    o = build(events)
    assert o.unit == "week"
    assert [(b.key, b.count) for b in o.bins] == [("2025-W29", 2), ("2025-W30", 1)]
    assert o.bins[0].target == "#group-a"  # the first event of the bin says where the bar leads


def test_vaguer_events_are_spread_over_their_period_not_piled_on_its_first_day():
    events = [ev("d", day(2025, 7, 2)), ev("m", month(2025, 7))]
    o = build(events)
    assert o.unit == "week" and o.drawn == 1 and o.spread_count == 1
    july = [b for b in o.bins if b.start.month == 7 or b.end.month == 7]
    assert sum(b.spread for b in o.bins) == pytest.approx(1.0)  # the month counts once in all
    assert all(b.spread > 0 for b in july)
    assert 'class="ov-spread"' in overview_svg(o, str)


def test_the_pale_area_is_one_path_with_a_step_per_change_of_height():
    events = [ev("y", year(2024)), ev("d", day(2024, 6, 3))]
    o = build(events, window=(date(2024, 5, 1), date(2024, 7, 31)))
    assert o.unit == "week" and len(o.bins) > 50
    path = re.search(r'class="ov-spread" d="([^"]+)"', str(overview_svg(o, str))).group(1)
    # up at the year's first week, up and down around the busy week, down at the end
    assert path.count("L") == 2 + 2 * 2 + 2, path
    assert path.startswith("M0 100L0 100L0 ") and path.endswith(f"L{o.days} 100Z")


def test_events_vaguer_than_a_year_are_left_out_and_said_so():
    decade = TimeValue("201", "DATE", "decade", date(2010, 1, 1), date(2019, 12, 31))
    o = build([ev("d", day(2025, 7, 2)), ev("x", decade)])
    assert o.undrawn == 1 and o.start.year == 2025
    assert "1 vaguer than a year, not drawn" in o.summary


def test_units_follow_the_first_view():
    assert choose_unit(300, 300) == "week"
    assert choose_unit(3 * 365, 3 * 365) == "month"
    assert choose_unit(100 * 365, 100 * 365) == "year"
    assert choose_unit(300, 2000 * 365) == "year"  # never more than MAX_BINS bins


def test_the_story_window_is_the_first_view_and_shaded():
    events = [ev("old", year(1979)), ev("a", day(2025, 3, 1)), ev("b", day(2025, 7, 19))]
    window = (date(2025, 1, 1), date(2025, 9, 30))
    o = build(events, window=window)
    assert o.unit == "week"  # the view is nine months
    x, width = o.view
    assert o.x(date(1979, 6, 1)) < x  # 1979 is on the axis, left of the first view
    assert x <= o.x(window[0]) and o.x(window[1]) <= x + width
    svg = str(overview_svg(o, str))
    assert re.search(rf'<rect class="ov-window" x="{o.x(window[0])}" y="0" width="273"', svg)
    assert re.search(r'viewBox="[\d.]+ 0 [\d.]+ 100"', svg)


def test_key_dates_are_marked_and_link_to_their_event():
    events = [ev("a", day(2025, 7, 19)), ev("b", day(2025, 8, 1))]
    o = build(events, [KeyDate(day(2025, 7, 19), ("a",), 3, 3.0)])
    assert [(m.label, m.sources, m.target) for m in o.marks] == [("19 July 2025", 3, "#a")]
    svg = str(overview_svg(o, lambda t: "page/" + t))
    assert 'aria-label="Key date: 19 July 2025 (3 sources)"' in svg and 'href="page/#a"' in svg


def test_every_busy_bin_is_one_link_with_its_count_and_the_svg_has_no_text():
    o = build([ev("a", day(2025, 7, 14)), ev("b", day(2025, 7, 15)), ev("c", day(2025, 9, 1))])
    svg = str(overview_svg(o, lambda t: "x/" + t, link_target="_self"))
    links = re.findall(r'<a class="ov-bar" href="([^"]+)" target="_self" data-annals-keep-query '
                       r'aria-label="([^"]+)"', svg)
    assert links == [("x/#group-a", "week of 14 July 2025: 2 events"),
                     ("x/#group-c", "week of 1 September 2025: 1 event")]
    assert "<text" not in svg  # it is stretched when zoomed: labels are HTML beside it
    assert svg.startswith("<svg") and svg.count("<rect") == 2


def test_ticks_of_the_first_view_are_months_for_months():
    o = build([ev("a", day(2025, 1, 6)), ev("b", day(2025, 9, 1))])
    labels = [label for _, label in ticks(o)]
    # CLDR's British English abbreviates September "Sept" (the interface language's own names).
    assert labels[:3] == ["Feb 2025", "Mar", "Apr"] and "Sept" in labels


def test_ten_thousand_events_make_a_few_hundred_nodes():
    from datetime import timedelta

    first = date(1999, 1, 4)
    events = [ev(f"e{n}", day(*(first + timedelta(days=n)).timetuple()[:3])) for n in range(10_000)]
    o = build(events)
    svg = str(overview_svg(o, str))
    assert o.unit == "month" and o.drawn == 10_000
    assert svg.count("<rect") == len(o.solid) <= 330  # one bar per month over 27 years
    assert len(svg) < 120_000


def test_no_drawable_events_no_overview():
    assert build([]) is None
    assert build([ev("u", TimeValue("PAST_REF", "DATE"))]) is None


def test_the_fixture_site_overview_links_resolve_to_the_list():
    from generator.render import find_theme, render_site

    files = render_site(make_timeline(), SiteConfig(), find_theme("default", Path("/nonexistent")))
    home = files["index.html"].decode()
    start = home.index('<svg class="overview-svg"')
    svg = home[start:home.index("</svg>", start)]
    targets = re.findall(r'class="ov-bar" href="#([^"]+)"', svg)
    assert targets and all(f'id="{t}"' in home for t in targets)
