"""Properties of the tagger on arbitrary text (hypothesis)."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.timex import scan, tag
from generator.timex.values import is_valid_value

# Text built from date-ish pieces and noise, so that the grammar is actually exercised.
_PIECES = ["July", "13", "Dec.", "8,", "2024", "last", "next", "this", "week", "Saturday",
           "the", "previous", "day", "in", "on", "ago", "years", "two", "forty", "a", "May",
           "may", "We", "$27", "20,000", "1990s", "third-quarter", "quarter", "fiscal", "1989",
           "recently", "now", "every", "Friday", "3", "p.m.", "morning", "-", "/", ".", ",",
           "\n\n", "early", "late", "mid-", "summer", "half", "of", "later", "earlier",
           "yesterday", "coming", "days", "century", "21st", "'90s", "12/8/2024", "2025-07-19",
           "year's", "days''", "Q3", "15:00", "GMT", "a.m.", "1990-91", "Sept.", "nineteen",
           "ninety-six", "the", "day", "after", "before", "weekend", "Tuesday's", "FY2024"]
_texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(_PIECES), max_size=60).map(" ".join),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=5)), max_size=40).map("".join),
)
_dcts = st.one_of(st.none(), st.dates(min_value=datetime.date(1900, 1, 1),
                                      max_value=datetime.date(2100, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(_texts, _dcts, st.booleans())
def test_tag_invariants(text, dct, day_first):
    found = tag(text, dct, day_first=day_first)
    last_end = -1
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= last_end, "sorted and non-overlapping"
        last_end = t.end
        v = t.time
        assert is_valid_value(v.value), v.value
        assert v.type in ("DATE", "TIME", "DURATION", "SET")
        assert v.rule
        if v.start is not None or v.end is not None:
            assert v.type in ("DATE", "TIME")
            assert v.start is not None and v.end is not None and v.start <= v.end
            assert v.granularity is not None
        if v.type in ("DURATION", "SET"):
            assert v.start is None and v.end is None


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_windowed_scan_tags_like_a_full_scan(text):
    """The trigger-window scan is only an optimisation: tagging must not change."""
    dct = datetime.date(2025, 7, 23)
    fast = [(t.start, t.end, t.time.value) for t in tag(text, dct)]
    original = scan.find
    scan.find = scan.find_slow
    try:
        slow = [(t.start, t.end, t.time.value) for t in tag(text, dct)]
    finally:
        scan.find = original
    assert fast == slow


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2090, 12, 31)))
def test_relative_days_are_anchored_on_the_dateline(dct):
    found = {t.text: t.time for t in tag("It happened yesterday, not today.", dct)}
    assert found["yesterday"].start == dct - datetime.timedelta(days=1)
    assert found["today"].start == dct


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2090, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday"]))
def test_past_weekday_is_within_the_week_before_the_dateline(dct, weekday):
    t = tag(f"Officials said {weekday} that the talks had failed.", dct)[0]
    assert t.time.start.strftime("%A") == weekday
    assert 0 <= (dct - t.time.start).days <= 6
    last = tag(f"It rained last {weekday} in the hills.", dct)[0]
    assert 1 <= (dct - last.time.start).days <= 7


@settings(max_examples=1000, deadline=None)
@given(_texts)
def test_word_start_guard_changes_no_match(text):
    """Rules compiled with the word-start guard (rules.WORD_START_GUARD) find what their own
    patterns find without it, on any text."""
    import re

    from generator.timex.rules import grammar

    for rule in grammar().rules:
        if rule.at_word:
            bare = re.compile(rule.source, rule.pattern.flags)
            assert [m.span() for m in rule.pattern.finditer(text)] == \
                [m.span() for m in bare.finditer(text)], rule.name
