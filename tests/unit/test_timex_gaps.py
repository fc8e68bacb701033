"""Readings of issue #15's known gaps, one test each (English and the other languages).

Every sentence is original. A row gives the dateline, the sentence, the expression as it
stands in the sentence, its TIMEX3 value and type; check_typed also asserts that no other
reading overlaps the expression.
"""

from __future__ import annotations

import pytest

from timex_rows import check_typed

# a verb of motion whose "to" leads a place: the month dates the moving, a thing done in a
# past clause, as "held the talks in December"; a "to" that leads a time still sets a plan
MOTION_TO_PLACE = [
    ("2025-10-15", "The envoys moved the negotiations to Oslo in December.", "December",
     "2024-12", "DATE"),
    ("2025-03-10", "The league shifted the cup final to Lisbon in May.", "May", "2024-05",
     "DATE"),
    ("2025-09-02", "The firm relocated its plant to the coast in November.", "November",
     "2024-11", "DATE"),
    ("2025-10-01", "The bank moved its staff from Leeds to Cardiff in November.", "November",
     "2024-11", "DATE"),
    # no place: "moved ... to December", "from Monday to Friday" still set a time ahead
    ("2025-10-01", "The board moved the vote from Monday to Friday in November.", "November",
     "2025-11", "DATE"),
    ("2025-10-15", "The envoys moved the negotiations to December.", "December", "2025-12",
     "DATE"),
]


@pytest.mark.parametrize("dct,text,expr,value,type_", MOTION_TO_PLACE)
def test_motion_to_a_place_dates_the_moving(dct, text, expr, value, type_):
    check_typed(dct, text, expr, value, type_, "en")


# a season of play or an accounting year across two years: one DATE over both, named by its
# first year (TIMEX3 has no value for it; a winter keeps its own, YYYY-WI)
SPLIT_YEARS = [
    ("2025-07-23", "She scored nineteen goals in the 2024-25 season.", "2024-25 season",
     "2024", "2024-01-01", "2025-12-31"),
    ("2025-07-23", "Revenue grew in the 2023–24 financial year.", "2023–24 financial year",
     "2023", "2023-01-01", "2024-12-31"),
    ("2025-07-23", "Fares rose twice during the 1999/2000 season.", "1999/2000 season", "1999",
     "1999-01-01", "2000-12-31"),
    # an event's noun is not part of the expression
    ("2025-07-23", "The coach was sacked after the 2021-22 campaign.", "2021-22", "2021",
     "2021-01-01", "2022-12-31"),
]


@pytest.mark.parametrize("dct,text,expr,value,first,last", SPLIT_YEARS)
def test_a_period_across_two_years_is_one_span(dct, text, expr, value, first, last):
    import datetime

    from generator.timex import tag

    check_typed(dct, text, expr, value, "DATE", "en")
    [found] = [t for t in tag(text, datetime.date.fromisoformat(dct)) if t.text == expr]
    assert (found.time.start.isoformat(), found.time.end.isoformat()) == (first, last)


# "midnight" with the night it ends: one TIME on that day, the engine's T24:00 of the day
# (as "midnight Tuesday"); "last night" is the day before
MIDNIGHT_OF_A_NIGHT = [
    ("2025-04-08", "Ferries stop running at midnight tonight.", "midnight tonight",
     "2025-04-08T24:00", "TIME"),
    ("2025-04-08", "Ferries stop running tonight at midnight.", "tonight at midnight",
     "2025-04-08T24:00", "TIME"),
    ("2025-04-08", "The pumps failed at midnight last night.", "midnight last night",
     "2025-04-07T24:00", "TIME"),
    ("2025-04-08", "Polls close tonight at 10 p.m.", "tonight at 10 p.m.", "2025-04-08T22:00",
     "TIME"),
]


@pytest.mark.parametrize("dct,text,expr,value,type_", MIDNIGHT_OF_A_NIGHT)
def test_midnight_and_its_night_are_one_time(dct, text, expr, value, type_):
    check_typed(dct, text, expr, value, type_, "en")


# a day read on its own and the clock time clock.yaml's days join to it: one TIME of that
# day over both, as English's "Monday at 3 p.m."; a part of the day gives the hour its half
DAY_AND_TIME = [
    ("fr", "2025-05-20", "Le jury rendra son verdict le 12 juin à 17 heures.",
     "12 juin à 17 heures", "2025-06-12T17:00"),
    ("de", "2025-05-20", "Der Gipfel beginnt am 12. Juni um 17 Uhr in Brüssel.",
     "12. Juni um 17 Uhr", "2025-06-12T17:00"),
    ("es", "2025-05-20", "El juicio se reanuda el 12 de junio a las 17 horas.",
     "12 de junio a las 17 horas", "2025-06-12T17:00"),
    ("de", "2025-05-20", "Die Fähre legt um 17 Uhr am 12. Juni ab.", "17 Uhr am 12. Juni",
     "2025-06-12T17:00"),
    ("fr", "2025-05-20", "Les grévistes se réunissent demain matin à 7 heures.",
     "demain matin à 7 heures", "2025-05-21T07:00"),
    ("fr", "2025-05-20", "Le maire parlera demain soir à 8 heures.", "demain soir à 8 heures",
     "2025-05-21T20:00"),
    ("de", "2025-05-20", "Die Bagger rollen morgen früh um 7 Uhr an.", "morgen früh um 7 Uhr",
     "2025-05-21T07:00"),
    ("es", "2025-05-20", "Los mineros votan mañana por la mañana a las 7.",
     "mañana por la mañana a las 7", "2025-05-21T07:00"),
    ("es", "2025-05-20", "El pleno se reúne esta tarde a las cinco.", "esta tarde a las cinco",
     "2025-05-20T17:00"),
]


@pytest.mark.parametrize("lang,dct,text,expr,value", DAY_AND_TIME)
def test_a_day_and_its_clock_time_are_one_expression(lang, dct, text, expr, value):
    check_typed(dct, text, expr, value, "TIME", lang)


def test_a_bare_hour_needs_a_part_of_the_day():
    # "a las 7" alone may be morning or evening, as English "at seven": no time is read
    import datetime

    from generator.timex import tag

    found = tag("Los mineros votan mañana a las 7.", datetime.date(2025, 5, 20), lang="es")
    assert [(t.text, t.time.value) for t in found] == [("mañana", "2025-05-21")]


# German "zu Mittag" is lunch, the meal: no time; "am Mittag", "gegen Mittag" stay noon of
# the dateline's day
@pytest.mark.parametrize("text", [
    "Die Bürgermeisterin hat mit den Streikenden zu Mittag gegessen.",
    "Nach der Sitzung wollen die Delegierten zu Mittag essen.",
    "Zu Mittag gab es Suppe für alle Helfer.",
])
def test_zu_mittag_is_a_meal_not_noon(text):
    import datetime

    from generator.timex import tag

    assert tag(text, datetime.date(2025, 5, 20), lang="de") == []


@pytest.mark.parametrize("text,expr", [
    ("Der Zug traf am Mittag in Köln ein.", "Mittag"),
    ("Die Polizei räumte den Platz gegen Mittag.", "Mittag"),
])
def test_am_and_gegen_mittag_stay_noon(text, expr):
    check_typed("2025-05-20", text, expr, "2025-05-20T12:00", "TIME", "de")


# one definition of the words before an amount (numbers.yaml approximately) serves the
# counted spans and the lengths alike
def test_approximately_is_one_definition_for_counted_spans_and_lengths():
    import datetime

    from generator.timex import tag, lang_clock, lang_readers
    from generator.timex.lang_numbers import Approximately

    assert lang_clock.Approximately is Approximately is lang_readers.Approximately
    dct = datetime.date(2025, 5, 20)
    found = {t.text: (t.time.value, t.time.type)
             for t in tag("Il a quitté Lyon il y a plus de deux ans, après plus de trois ans "
                          "de travaux.", dct, lang="fr")}
    assert found == {"il y a plus de deux ans": ("2023", "DATE"),
                     "plus de trois ans": ("P3Y", "DURATION")}


# English: a date and the clock time after it are one TIME too, as "3 p.m. on June 3" was;
# the date keeps the month-day rule's year (that of a date just before it in its sentence)
ENGLISH_DATE_AND_TIME = [
    ("2025-05-20", "The jury returns its verdict on June 12 at 5 p.m.", "June 12 at 5 p.m.",
     "2025-06-12T17:00"),
    ("2025-05-20", "The ferry sails on 12 June at 17:30 GMT.", "12 June at 17:30 GMT",
     "2025-06-12T17:30"),
    ("2025-05-20", "She was detained on March 2, 2021, and freed on March 9 at noon.",
     "March 9 at noon", "2021-03-09T12:00"),
]


@pytest.mark.parametrize("dct,text,expr,value", ENGLISH_DATE_AND_TIME)
def test_english_date_and_its_clock_time_are_one_expression(dct, text, expr, value):
    check_typed(dct, text, expr, value, "TIME", "en")


# "noon" and "midnight" with "on" and the date after them: one TIME, as "3 p.m. on March 9";
# the date keeps the month-day rule's year (that of a date earlier in the sentence)
NOON_ON_A_DATE = [
    ("2025-05-20", "The board meets at noon on June 12.", "noon on June 12",
     "2025-06-12T12:00"),
    ("2025-05-20", "The ceasefire starts at midnight on Friday.", "midnight on Friday",
     "2025-05-23T24:00"),
    ("2025-05-20", "The pickets left at midnight on 2 May.", "midnight on 2 May",
     "2025-05-02T24:00"),
    ("2025-05-20", "The mayor resigned on October 3, 2019, and left office at noon on "
     "October 18.", "noon on October 18", "2019-10-18T12:00"),
    ("2025-05-20", "The blockade lifts at midnight on Sunday, June 1.",
     "midnight on Sunday, June 1", "2025-06-01T24:00"),
]


@pytest.mark.parametrize("dct,text,expr,value", NOON_ON_A_DATE)
def test_noon_or_midnight_on_a_date_is_one_time(dct, text, expr, value):
    check_typed(dct, text, expr, value, "TIME", "en")


def test_noon_before_a_count_takes_no_date():
    # "May 9 people" is a count, no date, after "noon" as anywhere
    import datetime

    from generator.timex import tag

    found = tag("Rain fell at noon May 9 people were hurt.", datetime.date(2025, 5, 20))
    assert [t.text for t in found] == ["noon"]


# a weekday with its part of the day (a DATE of that day, as English "Tuesday evening") and
# the clock time after it: one TIME, the part giving the hour its half, as "demain soir à 8
# heures" (dateline Wednesday 2025-05-21; a future clause takes the next such day)
WEEKDAY_PART_AND_TIME = [
    ("fr", "La préfète recevra les syndicats jeudi soir à 7 heures.",
     "jeudi soir à 7 heures", "2025-05-22T19:00"),
    ("fr", "Le chantier reprendra vendredi matin à 7 heures.", "vendredi matin à 7 heures",
     "2025-05-23T07:00"),
    ("de", "Der Stadtrat wird Donnerstagabend um 7 Uhr abstimmen.",
     "Donnerstagabend um 7 Uhr", "2025-05-22T19:00"),
    ("de", "Die Schleuse wird Freitag Nachmittag um 4 Uhr geöffnet.",
     "Freitag Nachmittag um 4 Uhr", "2025-05-23T16:00"),
    # the time first, "{time} am {day}"
    ("de", "Die Sitzung beginnt um 8 Uhr am Donnerstagabend.", "8 Uhr am Donnerstagabend",
     "2025-05-22T20:00"),
    ("es", "La asamblea votará el jueves por la noche a las 9.",
     "jueves por la noche a las 9", "2025-05-22T21:00"),
    ("es", "Los técnicos volverán el viernes por la tarde a las cuatro.",
     "viernes por la tarde a las cuatro", "2025-05-23T16:00"),
    # a weekday's night runs past midnight: its small hours are the next day's, as English
    # "Monday night at 3"; "cette nuit", "heute Nacht" (no weekday) keep the dateline's day
    ("fr", "Le convoi est passé lundi nuit à 4 heures.", "lundi nuit à 4 heures",
     "2025-05-20T04:00"),
    ("fr", "Le convoi est passé lundi nuit à 10 heures.", "lundi nuit à 10 heures",
     "2025-05-19T22:00"),
    ("fr", "La digue a cédé cette nuit à 3 heures.", "cette nuit à 3 heures",
     "2025-05-21T03:00"),
    ("de", "Der Deich brach Sonntagnacht um 1 Uhr.", "Sonntagnacht um 1 Uhr",
     "2025-05-19T01:00"),
    ("es", "El puente cayó el domingo por la noche a las 2.", "domingo por la noche a las 2",
     "2025-05-19T02:00"),
]


@pytest.mark.parametrize("lang,text,expr,value", WEEKDAY_PART_AND_TIME)
def test_a_weekday_with_its_part_sets_the_half_of_its_clock_time(lang, text, expr, value):
    check_typed("2025-05-21", text, expr, value, "TIME", lang)


def test_a_weekday_alone_leaves_a_bare_hour_unread():
    # "el jueves a las 9" may be morning or evening: the weekday is read, no time
    import datetime

    from generator.timex import tag

    found = tag("La asamblea votará el jueves a las 9.", datetime.date(2025, 5, 21), lang="es")
    assert [(t.text, t.time.value) for t in found] == [("jueves", "2025-05-22")]


# French, German, Spanish: a period across two years after its noun of time (years.yaml
# split_years periods) is one DATE with it, named by its first year over both, as English's
# "the 2024-25 season"; after a noun of an event (split_years events) the years alone
OTHER_SPLIT_YEARS = [
    ("fr", "Elle a remporté trois titres durant la saison 2022-2023.", "saison 2022-2023",
     "2022", "2022-01-01", "2023-12-31"),
    ("fr", "Le club a recruté douze joueurs pour la saison 2025-26.", "saison 2025-26",
     "2025", "2025-01-01", "2026-12-31"),
    ("fr", "Les pertes de l'exercice 2021-22 ont été effacées.", "exercice 2021-22", "2021",
     "2021-01-01", "2022-12-31"),
    ("fr", "La récolte 2022-23 a déçu les viticulteurs.", "2022-23", "2022", "2022-01-01",
     "2023-12-31"),
    ("de", "Der Verein stieg in der Saison 2022/23 ab.", "Saison 2022/23", "2022",
     "2022-01-01", "2023-12-31"),
    ("de", "Die Zahlen des Geschäftsjahres 2021/22 lagen unter Plan.",
     "Geschäftsjahres 2021/22", "2021", "2021-01-01", "2022-12-31"),
    ("de", "Die Ernte 2022/23 fiel schwach aus.", "2022/23", "2022", "2022-01-01",
     "2023-12-31"),
    ("es", "El equipo descendió en la temporada 2022-23.", "temporada 2022-23", "2022",
     "2022-01-01", "2023-12-31"),
    ("es", "Las cuentas del ejercicio 2021-2022 cerraron con pérdidas.",
     "ejercicio 2021-2022", "2021", "2021-01-01", "2022-12-31"),
    ("es", "La campaña 2022-23 dejó poca aceituna.", "2022-23", "2022", "2022-01-01",
     "2023-12-31"),
    # after a word before a year (years.yaml after): the years alone, as English's "2022-23"
    ("fr", "Les inscriptions ont chuté en 2022-2023.", "2022-2023", "2022", "2022-01-01",
     "2023-12-31"),
    ("de", "Seit 2022/23 trainiert sie in Köln.", "2022/23", "2022", "2022-01-01",
     "2023-12-31"),
]


@pytest.mark.parametrize("lang,text,expr,value,first,last", OTHER_SPLIT_YEARS)
def test_other_languages_read_a_period_across_two_years(lang, text, expr, value, first, last):
    import datetime

    from generator.timex import tag

    check_typed("2025-07-23", text, expr, value, "DATE", lang)
    [found] = [t for t in tag(text, datetime.date(2025, 7, 23), lang=lang) if t.text == expr]
    assert (found.time.start.isoformat(), found.time.end.isoformat()) == (first, last)


def test_two_years_not_in_a_row_are_no_season():
    # a season or an accounting year runs into the next year only: "saison 2019-21" is none,
    # and after "depuis" the first year alone is read, as before
    import datetime

    from generator.timex import tag

    dct = datetime.date(2025, 7, 23)
    assert tag("La saison 2019-21 fut interrompue.", dct, lang="fr") == []
    assert [t.text for t in tag("Il vit à Lyon depuis 2019-2021.", dct, lang="fr")] == ["2019"]


# a clock time's date with its own year keeps it, the year part of the one TIME ("3 p.m. on
# March 9" alone takes the month-day rule's); a year after a day with no month is no part
TIME_ON_A_DATE_WITH_ITS_YEAR = [
    ("2025-05-20", "The warehouse caught fire at 4 a.m. on October 2, 2017.",
     "4 a.m. on October 2, 2017", "2017-10-02T04:00"),
    ("2025-05-20", "The treaty was signed at noon on 14 August 2003.",
     "noon on 14 August 2003", "2003-08-14T12:00"),
    ("2025-05-20", "The rover touched down at 20:55 on Feb. 18, 2021.",
     "20:55 on Feb. 18, 2021", "2021-02-18T20:55"),
    ("2025-05-20", "The vault was opened at 9 a.m. on Monday, 6 June 2016.",
     "9 a.m. on Monday, 6 June 2016", "2016-06-06T09:00"),
]


@pytest.mark.parametrize("dct,text,expr,value", TIME_ON_A_DATE_WITH_ITS_YEAR)
def test_a_clock_times_date_keeps_its_own_year(dct, text, expr, value):
    check_typed(dct, text, expr, value, "TIME", "en")


def test_a_year_after_a_weekday_is_no_part_of_the_time():
    import datetime

    from generator.timex import tag

    found = tag("The count ended at 8 p.m. Sunday, 2019 was a year of change.",
                datetime.date(2025, 5, 20))
    assert [(t.text, t.time.value) for t in found] == [("8 p.m. Sunday", "2025-05-18T20:00"),
                                                       ("2019", "2019")]


# English, as French's "demain soir à 8 heures": a day with its part of the day (or
# "tonight") and a bare hour after "at" are one TIME, the part giving the hour its half
# (dateline Wednesday 2025-05-21)
ENGLISH_PART_AND_BARE_HOUR = [
    ("The council votes Thursday evening at 7.", "Thursday evening at 7", "2025-05-22T19:00"),
    ("The ferry leaves tomorrow morning at 6:45.", "tomorrow morning at 6:45",
     "2025-05-22T06:45"),
    ("The gala opens tonight at 9 o'clock.", "tonight at 9 o'clock", "2025-05-21T21:00"),
    ("The patrol was ambushed Monday night at 11.", "Monday night at 11", "2025-05-19T23:00"),
    # the small hours of a named day's night are the next day's
    ("Looters struck Monday night at 3.", "Monday night at 3", "2025-05-20T03:00"),
    ("The convoy will cross Friday night at 1:30.", "Friday night at 1:30", "2025-05-24T01:30"),
    ("The storm peaks tomorrow night at 4.", "tomorrow night at 4", "2025-05-23T04:00"),
    ("Sirens sounded Sunday night at 2 a.m.", "Sunday night at 2 a.m.", "2025-05-19T02:00"),
    ("The raid came tonight at 2.", "tonight at 2", "2025-05-21T02:00"),
    # "tonight" is the evening too: a bare hour from five is p.m.; "this evening", "this
    # morning" are the dateline's parts of the day
    ("The ferry sails tonight at 5.", "tonight at 5", "2025-05-21T17:00"),
    ("The quartet plays this evening at 8:30.", "this evening at 8:30", "2025-05-21T20:30"),
    ("The bridge reopened this morning at 9.", "this morning at 9", "2025-05-21T09:00"),
]


@pytest.mark.parametrize("text,expr,value", ENGLISH_PART_AND_BARE_HOUR)
def test_english_part_of_day_sets_the_half_of_a_bare_hour(text, expr, value):
    check_typed("2025-05-21", text, expr, value, "TIME", "en")


@pytest.mark.parametrize("text,found", [
    # no part of the day: "at 8" may be morning or evening, no time
    ("The council votes Thursday at 8.", [("Thursday", "2025-05-22")]),
    # a score, a count, an address: no hour
    ("The visitors led Thursday evening at 8 points to 3.", [("Thursday evening", "2025-05-15")]),
    ("They dined Thursday evening at 10 Downing Street.", [("Thursday evening", "2025-05-15")]),
])
def test_a_bare_hour_needs_a_part_of_the_day_in_english(text, found):
    import datetime

    from generator.timex import tag

    assert [(t.text, t.time.value) for t in tag(text, datetime.date(2025, 5, 21))] == found


# a season of a year across two years, as English's "winter 2024-25": a winter is that
# winter (YYYY-WI, December to February); the second year must follow the first
@pytest.mark.parametrize("lang,text,expr", [
    ("fr", "Le chauffage a coûté cher pendant l'hiver 2022-2023.", "l'hiver 2022-2023"),
    ("de", "Im Winter 2022/23 fror der See zu.", "Winter 2022/23"),
    ("es", "El embalse se llenó en el invierno 2022-23.", "invierno 2022-23"),
])
def test_a_winter_across_two_years_is_that_winter(lang, text, expr):
    check_typed("2025-07-23", text, expr, "2022-WI", "DATE", lang)


def test_a_season_of_two_years_not_in_a_row_keeps_its_first_year():
    import datetime

    from generator.timex import tag

    found = tag("L'hiver 2019-21 fut long.", datetime.date(2025, 7, 23), lang="fr")
    assert [(t.text, t.time.value) for t in found] == [("L'hiver 2019", "2019-WI")]


# a date with its year and the clock time after it are one TIME of that year, as "June 3 at
# 3 p.m." and "3 p.m. on June 3, 2021" are
@pytest.mark.parametrize("text,expr,value", [
    ("The reactor was shut down on October 14, 2022 at 6 a.m.",
     "October 14, 2022 at 6 a.m.", "2022-10-14T06:00"),
    ("Voting ended 9 March 2019 at 20:00 GMT.", "9 March 2019 at 20:00 GMT", "2019-03-09T20:00"),
    ("The treaty took effect on Jan. 1, 2020 at midnight.", "Jan. 1, 2020 at midnight",
     "2020-01-01T24:00"),
    # a weekday opening the date is part of it
    ("Ballots were counted Sunday, April 7, 2024 at 8 p.m.",
     "Sunday, April 7, 2024 at 8 p.m.", "2024-04-07T20:00"),
    ("Judges rule Tuesday, 3 June at 10 a.m.", "Tuesday, 3 June at 10 a.m.", "2025-06-03T10:00"),
])
def test_a_date_with_its_year_and_its_time_are_one_time(text, expr, value):
    check_typed("2025-05-21", text, expr, value, "TIME", "en")


def test_a_count_after_a_dated_at_is_no_time():
    import datetime

    from generator.timex import tag

    found = tag("On October 14, 2022 at 9 people were hurt.", datetime.date(2025, 5, 21))
    assert [(t.text, t.time.value) for t in found] == [("October 14, 2022", "2022-10-14")]


# a clock time before a weekday with its part of the day is one TIME; the small hours of
# the weekday's night are the next day's, as "Monday night at 3" (dateline Wed 2025-05-21)
@pytest.mark.parametrize("text,expr,value", [
    ("The dam burst at 4 a.m. Saturday night.", "4 a.m. Saturday night", "2025-05-18T04:00"),
    ("The dam burst at 10 p.m. Saturday night.", "10 p.m. Saturday night", "2025-05-17T22:00"),
    ("Crews arrived at 7:20 a.m. Tuesday morning.", "7:20 a.m. Tuesday morning",
     "2025-05-20T07:20"),
])
def test_a_time_before_a_weekday_and_its_part_is_one_time(text, expr, value):
    check_typed("2025-05-21", text, expr, value, "TIME", "en")


# a 24-hour time after a day and "at" needs no zone when it can name no half of the day
@pytest.mark.parametrize("text,expr,value", [
    ("The hearing resumes on July 2 at 14:30.", "July 2 at 14:30", "2025-07-02T14:30"),
    ("The polls closed Sunday at 21:00.", "Sunday at 21:00", "2025-05-18T21:00"),
    ("The train left 19 May 2024 at 06:10.", "19 May 2024 at 06:10", "2024-05-19T06:10"),
])
def test_a_day_and_a_24_hour_time_after_at_are_one_time(text, expr, value):
    check_typed("2025-05-21", text, expr, value, "TIME", "en")
