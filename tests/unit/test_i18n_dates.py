"""Date labels in every interface language: one case per precision and language, each with
the string a reader sees (i18n/dates.py over Babel's CLDR data and the catalogs)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.chronology import date_label as chronology_label
from generator.i18n import language
from generator.i18n.dates import date_label, gutter, month_label, range_label, script_patterns
from generator.model import TimeValue


def value(text: str, granularity: str, start: date, end: date) -> TimeValue:
    return TimeValue(text, "TIME" if granularity == "time" else "DATE", granularity, start, end)


DAY = value("2025-07-19", "day", date(2025, 7, 19), date(2025, 7, 19))
CLOCK = value("2025-07-19T15:00", "time", date(2025, 7, 19), date(2025, 7, 19))
NIGHT = value("2025-07-22TNI", "time", date(2025, 7, 22), date(2025, 7, 22))
WEEK = value("2025-W29", "week", date(2025, 7, 14), date(2025, 7, 20))
MONTH = value("2025-09", "month", date(2025, 9, 1), date(2025, 9, 30))
SUMMER = value("2025-SU", "season", date(2025, 6, 1), date(2025, 8, 31))
Q3 = value("2025-Q3", "quarter", date(2025, 7, 1), date(2025, 9, 30))
H1 = value("2025-H1", "half", date(2025, 1, 1), date(2025, 6, 30))
YEAR = value("2025", "year", date(2025, 1, 1), date(2025, 12, 31))
DECADE = value("199", "decade", date(1990, 1, 1), date(1999, 12, 31))
C21 = value("20", "century", date(2001, 1, 1), date(2100, 12, 31))
C1 = value("00", "century", date(1, 1, 1), date(100, 12, 31))
C22 = value("21", "century", date(2101, 1, 1), date(2200, 12, 31))
C23 = value("22", "century", date(2201, 1, 1), date(2300, 12, 31))

LABELS = [
    ("en", DAY, "19 July 2025"), ("en", CLOCK, "15:00, 19 July 2025"),
    ("en", NIGHT, "night of 22 July 2025"), ("en", WEEK, "week of 14 July 2025"),
    ("en", MONTH, "September 2025"), ("en", SUMMER, "summer 2025"),
    ("en", Q3, "third quarter of 2025"), ("en", H1, "first half of 2025"), ("en", YEAR, "2025"),
    ("en", DECADE, "the 1990s"), ("en", C21, "21st century"), ("en", C1, "1st century"),
    ("en", C22, "22nd century"), ("en", C23, "23rd century"),
    ("fr", DAY, "19 juillet 2025"), ("fr", CLOCK, "19 juillet 2025 à 15:00"),
    ("fr", NIGHT, "nuit du 22 juillet 2025"), ("fr", WEEK, "semaine du 14 juillet 2025"),
    ("fr", MONTH, "septembre 2025"), ("fr", SUMMER, "été 2025"),
    ("fr", Q3, "troisième trimestre 2025"), ("fr", H1, "premier semestre 2025"),
    ("fr", DECADE, "les années 1990"), ("fr", C21, "21e siècle"), ("fr", C1, "1er siècle"),
    ("de", DAY, "19. Juli 2025"), ("de", CLOCK, "19. Juli 2025, 15:00 Uhr"),
    ("de", NIGHT, "Nacht des 22. Juli 2025"), ("de", WEEK, "Woche vom 14. Juli 2025"),
    ("de", MONTH, "September 2025"), ("de", SUMMER, "Sommer 2025"),
    ("de", Q3, "drittes Quartal 2025"), ("de", H1, "erstes Halbjahr 2025"),
    ("de", DECADE, "die 1990er"), ("de", C21, "21. Jahrhundert"),
    ("tr", DAY, "19 Temmuz 2025"), ("tr", CLOCK, "19 Temmuz 2025, 15:00"),
    ("tr", NIGHT, "22 Temmuz 2025 gecesi"), ("tr", WEEK, "14 Temmuz 2025 haftası"),
    ("tr", MONTH, "Eylül 2025"), ("tr", SUMMER, "2025 yaz mevsimi"),
    ("tr", Q3, "2025 yılının üçüncü çeyreği"), ("tr", H1, "2025 yılının ilk yarısı"),
    ("tr", DECADE, "1990 yılları"), ("tr", C21, "21. yüzyıl"),
    ("ar", DAY, "19 يوليو 2025"), ("ar", CLOCK, "19 يوليو 2025، الساعة 15:00"),
    ("ar", NIGHT, "ليلة 22 يوليو 2025"), ("ar", WEEK, "أسبوع 14 يوليو 2025"),
    ("ar", MONTH, "سبتمبر 2025"), ("ar", SUMMER, "صيف 2025"),
    ("ar", Q3, "الربع الثالث من عام 2025"), ("ar", H1, "النصف الأول من عام 2025"),
    ("ar", YEAR, "2025"), ("ar", DECADE, "عقد 1990"), ("ar", C21, "القرن الـ21"),
]


@pytest.mark.parametrize("code,time,expected", LABELS)
def test_date_label(code: str, time: TimeValue, expected: str):
    assert date_label(time, language(code)) == expected


GUTTERS = [
    ("en", DAY, ("19", "Jul")), ("en", CLOCK, ("19 Jul", "15:00")), ("en", NIGHT, ("22 Jul", "night")),
    ("en", WEEK, ("Week of", "14 Jul")), ("en", MONTH, ("September", "month")),
    ("en", Q3, ("Third quarter", "2025")), ("en", YEAR, ("2025", "year")),
    ("en", DECADE, ("1990s", "decade")), ("en", C21, ("21st", "century")),
    ("fr", DAY, ("19", "juil.")), ("fr", WEEK, ("Semaine du", "14 juil.")),
    ("fr", MONTH, ("septembre", "mois")), ("fr", C1, ("1er", "siècle")),
    ("de", WEEK, ("Woche vom", "14. Juli")), ("de", DECADE, ("1990er", "Jahrzehnt")),
    ("tr", DAY, ("19", "Tem")), ("tr", SUMMER, ("Yaz", "2025")),
    ("ar", DAY, ("19", "يوليو")), ("ar", WEEK, ("أسبوع", "14 يوليو")), ("ar", YEAR, ("2025", "سنة")),
]


@pytest.mark.parametrize("code,time,expected", GUTTERS)
def test_gutter_lines(code: str, time: TimeValue, expected: tuple[str, str]):
    assert gutter(time, language(code)) == expected


@pytest.mark.parametrize("code,expected", [
    ("en", "14\u2009–\u200920 Jul 2025"), ("fr", "14–20 juil. 2025"), ("de", "14.–20. Juli 2025"),
    ("tr", "14–20 Tem 2025"), ("ar", "14–20 يوليو 2025")])
def test_ranges_within_a_month_share_month_and_year(code: str, expected: str):
    assert range_label(date(2025, 7, 14), date(2025, 7, 20), language(code)) == expected


def test_a_range_across_years_names_both_and_a_single_day_is_a_day():
    assert range_label(date(2024, 12, 1), date(2025, 9, 30), language("fr")) == "1 déc. 2024\u2009–\u200930 sept. 2025"
    assert range_label(date(2025, 7, 14), date(2025, 7, 14), language("de")) == "14. Juli 2025"


def test_a_season_without_a_season_value_is_its_months_as_an_interval():
    spring_months = value("2025-03", "season", date(2025, 3, 1), date(2025, 5, 31))
    assert date_label(spring_months, language("en")) == "March\u2009–\u2009May 2025"  # CLDR: thin spaces
    assert date_label(spring_months, language("de")) == "März–Mai 2025"


def test_month_headings_are_cldr_month_and_year():
    assert [month_label(2025, 7, language(c)) for c in ("en", "fr", "de", "tr", "ar")] == [
        "July 2025", "juillet 2025", "Juli 2025", "Temmuz 2025", "يوليو 2025"]


def test_unanchored_values_stay_raw_and_unknown_languages_read_english():
    assert date_label(TimeValue("PAST_REF", "DATE"), language("fr")) == "PAST_REF"
    assert chronology_label(WEEK, "es") == "week of 14 July 2025"  # no Spanish catalog yet
    assert chronology_label(WEEK, "fr-CA") == "semaine du 14 juillet 2025"  # the fr catalog


def test_script_patterns_carry_the_same_words_as_the_server_ticks():
    words = script_patterns(language("fr"))
    assert words["months"][6] == "juil." and words["days"][6] == "{d} juil."
    assert words["years"][1] == "févr. {y}"
    assert script_patterns(language("de"))["days"][0] == "{d}. Jan."
