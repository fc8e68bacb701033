"""The calendar-bounds rule of the date value type (timex/values.py) and what it means for
the tagger, the analysis and the front matter at the ends of Python's calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from generator.content import parse_front_matter_date
from generator.timex import tag
from generator.timex import values as V


def test_the_calendar_keeps_a_year_free_at_each_end():
    assert (V.CALENDAR_FIRST, V.CALENDAR_LAST) == (date(2, 1, 1), date(9998, 12, 31))
    assert V.on_calendar(date(2, 1, 1), date(9998, 12, 31))
    assert not V.on_calendar(date(1, 12, 31), date(2, 1, 1))
    assert not V.on_calendar(date(9998, 12, 31), date(9999, 1, 1))


@pytest.mark.parametrize("make, value", [
    (lambda: V.day(date(9999, 12, 31), "iso"), "9999-12-31"),
    (lambda: V.day(date(1, 1, 1), "iso"), "0001-01-01"),
    (lambda: V.month(9999, 12, "m"), "9999-12"),
    (lambda: V.year(1, "y"), "0001"),
    (lambda: V.week_of(date(9998, 12, 31), "w"), "9998-W53"),  # a Thursday: its Sunday is in 9999
    (lambda: V.decade(9990, "d"), "999"),
])
def test_a_value_leaving_the_calendar_keeps_its_timex_but_no_range(make, value):
    made = make()
    assert made.value == value and V.is_valid_value(made.value)
    assert (made.start, made.end, made.anchored) == (None, None, False)
    assert made.rule.endswith("/" + V.OUTSIDE_CALENDAR)


def test_a_value_inside_keeps_its_range():
    made = V.week_of(date(9998, 12, 20), "w")
    assert (made.start, made.end) == (date(9998, 12, 14), date(9998, 12, 20)) and made.rule == "w"


def test_arithmetic_past_pythons_calendar_is_no_value_and_other_errors_still_raise():
    assert V.unless_off_calendar(lambda: date(9999, 12, 31) + timedelta(days=1)) is None
    assert V.unless_off_calendar(lambda: date(10000 - 1, 12, 31).replace(year=10000)) is None
    assert V.unless_off_calendar(lambda: timedelta(days=10**10)) is None
    assert V.unless_off_calendar(lambda: date(2025, 2, 29)) is None  # no such day either
    assert V.unless_off_calendar(lambda: 7) == 7
    with pytest.raises(ValueError, match="invalid literal"):
        V.unless_off_calendar(lambda: int("seven"))


@pytest.mark.parametrize("text, dct, expected", [
    ("The talks resume next year.", date(9999, 12, 31), []),
    ("They met yesterday.", date(1, 1, 1), []),
    ("The council meets tomorrow.", date(9999, 12, 31), []),
    ("It ended 99999999999 days ago.", date(2025, 7, 23), []),
    ("They met yesterday.", date(9999, 12, 31), [("yesterday", "9999-12-30", None)]),
    ("They met yesterday.", date(9998, 12, 31), [("yesterday", "9998-12-30", ("9998-12-30", "9998-12-30"))]),
    ("The deed dates from 9999-12-31.", date(2025, 7, 23), [("9999-12-31", "9999-12-31", None)]),
    ("Signed on 12/31/9999.", None, [("12/31/9999", "9999-12-31", None)]),
])
def test_the_tagger_at_the_ends_of_the_calendar(text, dct, expected):
    found = [(t.text, t.time.value, (t.time.start.isoformat(), t.time.end.isoformat()) if t.time.anchored else None)
             for t in tag(text, dct)]
    assert found == expected


def test_other_languages_at_the_ends_of_the_calendar():
    assert tag("Dün görüştüler.", date(1, 1, 1), lang="tr") == []
    [found] = tag("Dün görüştüler.", date(9999, 12, 31), lang="tr")
    assert found.time.value == "9999-12-30" and not found.time.anchored


@pytest.mark.parametrize("written, expected", [
    (datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=5))), date(1, 1, 1)),
    (datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5))), date(9999, 12, 31)),
    ("9999-12-31T23:00:00-05:00", date(9999, 12, 31)),
    (datetime(2025, 7, 23, 23, 30, tzinfo=timezone(timedelta(hours=-5))), date(2025, 7, 24)),
])
def test_an_offset_datetime_that_cannot_be_moved_keeps_its_written_day(written, expected):
    from zoneinfo import ZoneInfo

    assert parse_front_matter_date(written, ZoneInfo("Asia/Tokyo")) == expected
