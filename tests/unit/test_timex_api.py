"""TIMEX3 validator, value constructors, the JSON-lines command and other languages."""

from __future__ import annotations

import datetime
import json

import pytest

from generator.timex import tag, values
from generator.tagging import tag_document, tag_jsonl


@pytest.mark.parametrize("value", ["2025-07-19", "2025-07", "2025", "2025-W29", "2025-W29-WE",
                                   "2025-Q3", "2025-SU", "2025-H1", "199", "20", "P40Y", "PT24H",
                                   "P2Y6M", "PXY", "PTXM", "PAST_REF", "FUTURE_REF",
                                   "PRESENT_REF", "XXXX-WXX-5", "2025-07-23T15:00",
                                   "2025-07-23TMO", "XXXX-06", "XXXX-XX-XX", "XXXX-07-13"])
def test_valid_values(value):
    assert values.is_valid_value(value)


@pytest.mark.parametrize("value", ["", "P", "PT", "2025-13-01x", "July", "2025-W", "20255",
                                   "NOW", "P4.5Y", "2025-07-23T", "XXXX-QQ"])
def test_invalid_values(value):
    assert not values.is_valid_value(value)


def test_value_ranges():
    d = datetime.date(2025, 7, 23)
    assert (values.week_of(d, "r").start, values.week_of(d, "r").end) == (
        datetime.date(2025, 7, 21), datetime.date(2025, 7, 27))
    assert values.week_of(datetime.date(2021, 1, 1), "r").value == "2020-W53"
    assert values.season(2023, "WI", "r").end == datetime.date(2024, 2, 29)
    assert values.quarter(2024, 4, "r").end == datetime.date(2024, 12, 31)
    assert values.century(21, "r").value == "20"
    assert values.decade(1994, "r").value == "199"
    assert values.duration_value(1.5, "hour") == "PT1H30M"
    assert values.duration_value(5, "decade") == "P50Y"
    assert values.duration_value(None, "week") == "PXW"


def test_datetime_dateline_is_accepted():
    found = tag("It rained yesterday.", datetime.datetime(2025, 7, 23, 9, 30))
    assert found[0].time.value == "2025-07-22"


def test_json_shape_matches_design():
    t = tag("A ceasefire was reached last Saturday.", datetime.date(2025, 7, 23))[0]
    assert t.as_json() == {"start": 24, "end": 37, "text": "last Saturday", "type": "DATE",
                           "value": "2025-07-19", "granularity": "day",
                           "range": ["2025-07-19", "2025-07-19"]}
    d = tag("It lasted forty years.", None)[0].as_json()
    assert d == {"start": 10, "end": 21, "text": "forty years", "type": "DURATION",
                 "value": "P40Y"}


def test_jsonl_command():
    lines = [{"id": "a", "dct": "2025-07-23", "text": "Talks ended last week."},
             {"id": "b", "dct": "2024-12-26T10:00", "text": "Sources said Thursday."},
             {"id": "c", "dct": None, "text": "Nothing here."}]
    out = [json.loads(x) for x in tag_jsonl(json.dumps(x) + "\n" for x in lines)]
    assert [o["id"] for o in out] == ["a", "b", "c"]
    assert out[0]["timexes"][0]["value"] == "2025-W29"
    assert out[1] == {"id": "b", "dct": "2024-12-26", "timexes": [
        {"start": 13, "end": 21, "text": "Thursday", "type": "DATE", "value": "2024-12-26",
         "granularity": "day", "range": ["2024-12-26", "2024-12-26"]}]}
    assert out[2]["timexes"] == [] and out[2]["dct"] is None


def test_single_text_command():
    out = tag_document("He left on July 13.", datetime.date(2025, 7, 23))
    assert out["dct"] == "2025-07-23" and out["timexes"][0]["value"] == "2025-07-13"


@pytest.mark.parametrize("lang,text,expr,value", [
    ("tr", "Bakanlık 23 Temmuz 2025 tarihinde açıkladı.", "23 Temmuz 2025", "2025-07-23"),
    ("fr", "Le ministre a parlé le 23 juillet 2025 à Paris.", "23 juillet 2025", "2025-07-23"),
    ("de", "Er sagte am 23. Juli 2025 in Berlin.", "23. Juli 2025", "2025-07-23"),
    ("es", "Ocurrió el 23 de julio de 2025 en Madrid.", "23 de julio de 2025", "2025-07-23"),
    ("fr", "La trêve date de juillet 2024.", "juillet 2024", "2024-07"),
    ("de", "Das Treffen fand am 13. Juli statt.", "13. Juli", "2025-07-13"),
    ("tr", "Toplantı dün yapıldı.", "dün", "2025-07-22"),
    ("fr", "Il est arrivé il y a 3 jours.", "il y a 3 jours", "2025-07-20"),
    ("de", "Das war letzte Woche.", "letzte Woche", "2025-W29"),
    ("fr", "Le décret du 08.12.2024 est publié.", "08.12.2024", "2024-12-08"),
    ("fr", "Le ministre parle maintenant aux journalistes.", "maintenant", "PRESENT_REF"),
    ("de", "Es geschah vor 2 Wochen in Berlin.", "vor 2 Wochen", "2025-W28"),
])
def test_other_languages(lang, text, expr, value):
    found = {t.text: t.time.value for t in tag(text, datetime.date(2025, 7, 23), lang=lang)}
    assert found.get(expr) == value, found


def test_unknown_language_finds_nothing_rather_than_guessing():
    assert tag("23 Temmuz 2025", datetime.date(2025, 7, 23), lang="xx-unknown") == []


def test_other_language_without_dateline_keeps_relative_dates_open():
    found = tag("Hier, le 23 juillet 2025.", None, lang="fr")
    assert [(t.text, t.time.value, t.time.anchored) for t in found] == [
        ("Hier", "XXXX-XX-XX", False), ("23 juillet 2025", "2025-07-23", True)]
