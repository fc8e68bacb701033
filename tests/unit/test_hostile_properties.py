"""Hostile and extreme input, generated (hypothesis): the tagger on any text with any
dateline of the calendar, `tag --jsonl` on any JSON, and front matter with any YAML value
for every key. The only errors allowed are Annals' own, naming the line; never a traceback.

Derandomized, so CI runs the same examples every time (a failure is reproducible from the
test alone); the example counts keep the file to a few seconds."""

from __future__ import annotations

import datetime
import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import actors
from generator.analysis import AnalysisSettings, analyse_article
from generator.content import FRONT_MATTER_KEYS, SourceFile, parse_article
from generator.errors import ContentError
from generator.tagging import tag_jsonl
from generator.timex import tag
from generator.timex.values import CALENDAR_FIRST, CALENDAR_LAST, is_valid_value

def fast(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

# Pieces that make the grammar and the arithmetic work hard at the ends of the calendar.
_PIECES = ["yesterday", "tomorrow", "next", "last", "year", "week", "month", "decade", "century",
           "the", "previous", "day", "following", "ago", "in", "on", "99999999999", "days", "9999",
           "0001", "12/31/9999", "9999-12-31", "0001-01-01", "31 December 9999", "January 1, 1",
           "Monday", "Friday", "weekend", "Q4", "fourth quarter", "the 1st century", "the 100th century",
           "the 9990s", "Christmas", "Easter", "New Year's Eve", "summer", "winter", "tonight",
           "1 1/2 hours", "years", "said", "will", ".", ",", "\n\n", "January", "December"]
texts = st.one_of(st.text(max_size=200),
                  st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join))
any_dateline = st.one_of(st.none(), st.dates(min_value=datetime.date(1, 1, 1),
                                             max_value=datetime.date(9999, 12, 31)),
                         st.sampled_from([datetime.date(1, 1, 1), datetime.date(1, 1, 7),
                                          datetime.date(9999, 12, 31), datetime.date(9999, 12, 25)]))


@fast(1500)
@given(texts, any_dateline, st.sampled_from(["en", "en", "tr", "de", "fr"]), st.booleans())
def test_tagger_any_text_any_dateline(text, dct, lang, day_first):
    last_end = -1
    for found in tag(text, dct, lang=lang, day_first=day_first):
        assert 0 <= found.start < found.end <= len(text) and found.start >= last_end
        assert text[found.start:found.end] == found.text
        last_end = found.end
        value = found.time
        assert is_valid_value(value.value), value.value
        if value.anchored:  # the calendar-bounds rule: every range is inside the calendar
            assert CALENDAR_FIRST <= value.start <= value.end <= CALENDAR_LAST


# `annals tag --jsonl`: any JSON value on a line ------------------------------------------

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(st.characters(exclude_categories=()), max_size=30),
                         st.sampled_from(["2025-07-23", "0001-01-01", "9999-12-31", "2025-13-45", "",
                                          "1990-08-15T13:37", "en", "tr", "xx", "../x", "en-GB"]))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)), max_leaves=12)
records = st.fixed_dictionaries({}, optional={"id": json_values, "text": st.one_of(texts, json_values),
                                              "dct": json_values, "lang": json_values})


@fast(600)
@given(st.one_of(records.map(json.dumps), json_values.map(json.dumps), st.text(max_size=40)))
def test_tag_jsonl_any_json(line):
    try:
        out = list(tag_jsonl([line + "\n"]))
    except ValueError as exc:
        assert str(exc).startswith("line 1: "), exc
        return
    for result in out:
        parsed = json.loads(result)
        assert set(parsed) == {"id", "dct", "timexes"}
        result.encode("utf-8")  # printable: no unpaired surrogates


# Front matter: any YAML value for every key ----------------------------------------------

yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
    st.floats(), st.text(max_size=40),
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)),
    st.datetimes(min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 12, 31),
                 timezones=st.sampled_from([None, datetime.timezone.utc,
                                            datetime.timezone(datetime.timedelta(hours=14)),
                                            datetime.timezone(datetime.timedelta(hours=-12))])),
)
yaml_values = st.recursive(yaml_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)), max_leaves=8)
# Values no dumper writes: what people type, and what attackers try.
RAW_VALUES = ["2025-13-45", "0000-01-01", "10000-01-01", "9" * 5000, "!!binary aGVsbG8=", "&a [*a]",
              "!!python/object/apply:os.system ['true']", "[" * 200, "- - - x", "{a: [b, {c: d}]}",
              ".nan", "-.inf", "0x1f", "0o17", "1_000", "~", "'", '"\\ud800"', "|\n  a\n  b",
              "2025-07-23T25:61:00", "0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00",
              "2001-12-14t21:59:43.10-05:00", "Sept 5, 2025", "5 Sept 2025", "yes", "no", "on", "null"]
SETTINGS = AnalysisSettings(registry=actors.build_registry(None))  # the built-in actors, as a build has
keys = st.sampled_from(FRONT_MATTER_KEYS + ("tags", "date", "date", "title"))


def dumped(key: str, value: object) -> str:
    return yaml.safe_dump({key: value}, allow_unicode=True, default_flow_style=None)


entries = st.one_of(st.builds(dumped, keys, yaml_values),
                    st.builds(lambda k, raw: f"{k}: {raw}\n", keys, st.sampled_from(RAW_VALUES)))


@fast(500)
@given(st.lists(entries, max_size=5), st.sampled_from(["The council met on Monday.", "They met yesterday.", ""]))
def test_front_matter_any_value_for_every_key(lines, body):
    source = SourceFile("content/articles/x.md", "---\n" + "".join(lines) + "---\n" + body + "\n")
    try:
        article = parse_article(source, datetime.timezone(datetime.timedelta(hours=9)))
    except ContentError as exc:
        assert exc.path == "content/articles/x.md" and exc.message
        assert exc.line is None or 1 <= exc.line <= source.text.count("\n") + 1
        return
    assert isinstance(article.title, str) and article.title
    assert article.date is None or isinstance(article.date, datetime.date)
    analysis = analyse_article(article, SETTINGS)  # what the build does next
    for event in analysis.events:
        assert CALENDAR_FIRST <= event.time.start <= event.time.end <= CALENDAR_LAST

