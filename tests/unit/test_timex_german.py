"""German dates, read from the lexicon folder generator/data/timex/de/ (no dateparser data).

Every sentence is original. A row gives the dateline, the sentence, the expression as it
stands in the sentence and the TIMEX3 value: the value English gives the same reading
("Ende März" is the month, as "late March"; "heute Morgen" a TIME, as "this morning";
"Dienstagabend" the DATE of that Tuesday, as "Tuesday night").
"""

from __future__ import annotations

import datetime

import pytest

from generator.dateline import find_dateline
from generator.timex import tag
from timex_rows import check_typed
from generator.timex.lexicon import load

# (dateline, sentence, expression, value); 2024-05-15 is a Wednesday
CASES = [
    # absolute dates (months.yaml)
    ("2024-08-02", "Der Pachtvertrag wurde am 3. Februar 2024 unterzeichnet.", "3. Februar 2024",
     "2024-02-03"),
    ("2024-08-02", "Die Schleuse war am 14. Juli wegen Hochwassers gesperrt.", "14. Juli",
     "2024-07-14"),
    ("2024-08-02", "Das Gutachten trägt das Datum 9. Dez. 2023.", "9. Dez. 2023", "2023-12-09"),
    # a full name ends the sentence with its dot, an abbreviation keeps it
    ("2024-08-02", "Die Stichwahl war am 3. Mai.", "3. Mai", "2024-05-03"),
    ("2024-08-02", "Die Strecke bleibt gesperrt bis 4. Okt.", "4. Okt.", "2024-10-04"),
    ("2024-08-02", "Die Almhütte öffnet am 2. Jänner 2025 wieder.", "2. Jänner 2025",
     "2025-01-02"),
    # a month alone after a preposition (months.yaml after): the nearest such month
    ("2024-05-15", "Im März streikten die Busfahrer der Stadtwerke.", "März", "2024-03"),
    ("2024-05-15", "Die Fähre pendelt seit Januar nur noch stündlich.", "Januar", "2024-01"),
    ("2024-08-02", "Die Umleitung gilt bis November.", "November", "2024-11"),
    ("2025-02-10", "Im Dezember hatte der Deich nachgegeben.", "Dezember", "2024-12"),
    # days (relative.yaml)
    ("2024-03-01", "Gestern legte der Minister den Entwurf vor.", "Gestern", "2024-02-29"),
    ("2024-03-01", "Das Paket kam vorgestern im Lager an.", "vorgestern", "2024-02-28"),
    ("2024-12-31", "Das Museum bleibt heute geschlossen.", "heute", "2024-12-31"),
    ("2024-12-31", "Die Sperrstunde wird morgen aufgehoben.", "morgen", "2025-01-01"),
    ("2024-12-31", "Die Bahn fährt übermorgen wieder planmäßig.", "übermorgen", "2025-01-02"),
    # weeks, months, years (relative.yaml): that whole period
    ("2025-01-02", "Die Gewerkschaft demonstrierte letzte Woche vor dem Rathaus.", "letzte Woche",
     "2024-W52"),
    ("2024-05-15", "Der Stadtrat stimmt nächste Woche über den Haushalt ab.", "nächste Woche",
     "2024-W21"),
    ("2024-05-15", "In der vergangenen Woche fiel kaum Regen.", "vergangenen Woche", "2024-W19"),
    ("2025-06-10", "Letztes Jahr war die Lavendelernte mager.", "Letztes Jahr", "2024"),
    ("2025-06-10", "Im vergangenen Jahr schloss die Molkerei.", "vergangenen Jahr", "2024"),
    ("2025-06-10", "Das Festival zieht nächstes Jahr an den See.", "nächstes Jahr", "2026"),
    ("2025-12-05", "Das Gericht verkündet das Urteil im kommenden Monat.", "kommenden Monat",
     "2026-01"),
    # placed weekdays (weekdays.yaml): the latest before, the first after the dateline
    ("2024-05-15", "Der Bürgermeister trat vergangenen Dienstag zurück.", "vergangenen Dienstag",
     "2024-05-14"),
    ("2024-05-14", "Der Bürgermeister trat vergangenen Dienstag zurück.", "vergangenen Dienstag",
     "2024-05-07"),
    ("2024-05-15", "Der Deich wurde am letzten Freitag begutachtet.", "letzten Freitag",
     "2024-05-10"),
    ("2024-05-15", "Die Schulen öffnen nächsten Montag wieder.", "nächsten Montag",
     "2024-05-20"),
    ("2024-05-15", "Der Ausschuss tagt am kommenden Donnerstag.", "kommenden Donnerstag",
     "2024-05-16"),
    ("2024-05-15", "Der Gemeinderat tagte am Dienstag.", "Dienstag", "2024-05-14"),
    # counted spans back and ahead (units.yaml, numbers.yaml)
    ("2024-05-15", "Vor zwei Jahren brannte die Scheune ab.", "Vor zwei Jahren", "2022"),
    ("2024-05-15", "Die Fischer verließen den Hafen vor drei Wochen.", "vor drei Wochen",
     "2024-W17"),
    ("2024-05-15", "Die Brücke wurde vor zehn Tagen freigegeben.", "vor zehn Tagen", "2024-05-05"),
    ("2024-05-15", "Das Kraftwerk ging vor einem Jahr vom Netz.", "vor einem Jahr", "2023"),
    ("2024-05-15", "Der Alarm wurde vor 3 Stunden aufgehoben.", "vor 3 Stunden", "2024-05-15"),
    ("2024-05-15", "Die Messe beginnt in zwei Tagen.", "in zwei Tagen", "2024-05-17"),
    ("2024-12-20", "Die Mautstelle öffnet in zwei Wochen wieder.", "in zwei Wochen", "2025-W01"),
    ("2024-05-15", "Der Deich brach vor dreiundzwanzig Tagen.", "vor dreiundzwanzig Tagen",
     "2024-04-22"),  # units and tens in one word (numbers.yaml joins)
    ("2024-05-15", "Die Zeche schloss vor einundvierzig Jahren.", "vor einundvierzig Jahren",
     "1983"),
    # parts of a month or a year (month_parts.yaml)
    ("2025-02-03", "Der Umbau soll Anfang März beginnen.", "Anfang März", "2025-03"),
    ("2025-04-20", "Mitte März kehrten die ersten Störche zurück.", "Mitte März", "2025-03"),
    ("2025-06-10", "Der Liefervertrag läuft Ende 2024 aus.", "Ende 2024", "2024"),
    ("2025-06-10", "Der Hafen schloss Ende März 2023 nach dem Sturm.", "Ende März 2023",
     "2023-03"),
    ("2025-08-20", "Die Bauarbeiten ruhen seit Ende Februar.", "Ende Februar", "2025-02"),
    ("2025-08-20", "Die Bauarbeiten gehen Anfang Februar weiter.", "Anfang Februar", "2026-02"),
    # parts of the day (day_parts.yaml)
    ("2024-12-31", "Der Nachtzug kam heute Morgen an.", "heute Morgen", "2024-12-31TMO"),
    ("2024-12-31", "Die Feuerwehr rückte gestern Abend aus.", "gestern Abend", "2024-12-30TEV"),
    ("2024-12-31", "Die Abstimmung beginnt morgen früh.", "morgen früh", "2025-01-01TMO"),
    ("2024-05-15", "Der Stadtrat beriet am Dienstagabend hinter verschlossenen Türen.",
     "Dienstagabend", "2024-05-14"),
    ("2024-05-15", "Der Stadtrat beriet Dienstagabend über die Gebühren.", "Dienstagabend",
     "2024-05-14"),
    ("2024-05-15", "Am Sonntagmorgen läuteten die Glocken länger.", "Sonntagmorgen",
     "2024-05-12"),
    # years after a word (years.yaml)
    ("2024-08-02", "Das Stadion wurde im Jahr 1998 gebaut.", "1998", "1998"),
    ("2024-08-02", "Die Genossenschaft verkauft ihren Käse seit 1975.", "1975", "1975"),
    ("2024-08-02", "Die Linie soll bis 2030 verlängert werden.", "2030", "2030"),
    # vague words (vague.yaml)
    ("2024-08-02", "Der Deich wurde kürzlich verstärkt.", "kürzlich", "PAST_REF"),
    ("2024-08-02", "Die Brücke wird bald wieder geöffnet.", "bald", "FUTURE_REF"),
    ("2024-08-02", "Der Fluss führt derzeit Hochwasser.", "derzeit", "PRESENT_REF"),
    # a recurring weekday (weekdays.yaml every): the SET of every such day
    ("2024-05-15", "Die Fähre fährt sonntags nur zweimal.", "sonntags", "XXXX-WXX-7"),
    ("2024-05-15", "Jeden Mittwoch tagt der Bauausschuss.", "Jeden Mittwoch", "XXXX-WXX-3"),
    ("2024-05-15", "Am Mittwoch tagte der Bauausschuss.", "Mittwoch", "2024-05-15"),
    # a part of a period placed from the dateline (month_parts.yaml periods): that period
    ("2024-05-15", "Das Klärwerk soll Ende des Jahres fertig sein.", "Ende des Jahres", "2024"),
    ("2024-05-15", "Anfang nächsten Jahres beginnt der Abriss.", "Anfang nächsten Jahres", "2025"),
    ("2024-05-15", "Die Miete steigt Mitte des Monats.", "Mitte des Monats", "2024-05"),
    ("2024-05-15", "Ende vergangenen Jahres schloss die Werft.", "Ende vergangenen Jahres", "2023"),
    # the night before a weekday (weekdays.yaml night_before): the DATE of the evening it
    # starts on; 2024-05-15 is a Wednesday, so Tuesday is the 14th and its night starts Monday
    ("2024-05-15", "In der Nacht zum Dienstag lief ein Frachter auf Grund.", "Nacht zum Dienstag",
     "2024-05-13"),
    ("2024-05-15", "In der Nacht auf Sonntag fiel der erste Schnee.", "Nacht auf Sonntag", "2024-05-11"),
    ("2024-05-14", "In der Nacht auf den Dienstag schloss die Grenze.", "Nacht auf den Dienstag",
     "2024-05-13"),
    # a bare weekday or month by its clause's tense (tense.yaml): in a future clause the
    # next such day, else the latest
    ("2024-05-15", "Der Ausschuss wird sich am Freitag erneut treffen.", "Freitag", "2024-05-17"),
    ("2024-05-15", "Am Donnerstag soll der Landtag über den Haushalt abstimmen.", "Donnerstag",
     "2024-05-16"),
    ("2024-05-15", "Die Kommission wird Dienstagabend entscheiden.", "Dienstagabend", "2024-05-21"),
    ("2024-05-15", "Der Bürgermeister sagte am Montag, die Halle werde saniert.", "Montag",
     "2024-05-13"),
    # the perfect's participle stands at the end of the clause
    ("2024-05-15", "Am Freitag hat die Reederei in Kiel erklärt, sie werde neue Fähren kaufen.",
     "Freitag", "2024-05-10"),
    ("2024-05-15", "Die Fähre wird im November wieder fahren.", "November", "2024-11"),
    # seasons (seasons.yaml), placed as English places them; 2024-05-15 is in spring
    ("2024-05-15", "Im Sommer wird die Fähre öfter nach Helgoland fahren.", "Sommer", "2024-SU"),
    ("2024-05-15", "Letzten Winter fror der Stausee zu.", "Letzten Winter", "2023-WI"),
    ("2024-05-15", "Der Deich wurde im Frühjahr 2023 erhöht.", "Frühjahr 2023", "2023-SP"),
    ("2024-05-15", "Diesen Herbst soll der Tunnel fertig sein.", "Diesen Herbst", "2024-FA"),
    ("2024-05-15", "Im kommenden Frühling beginnt der Abriss.", "kommenden Frühling", "2025-SP"),
    ("2024-05-15", "Die Brücke bleibt bis zum Herbst gesperrt.", "Herbst", "2024-FA"),
    # the present of a verb of scheduling before a weekday: the coming one (tense.yaml
    # timetable), as English "the council meets Monday"; the capitalised noun is none
    ("2025-07-23", "Der Stadtrat tagt am Donnerstag im Rathaus.", "Donnerstag", "2025-07-24"),
    ("2025-07-23", "Die Minister treffen sich am Montag in Bonn.", "Montag", "2025-07-28"),
    ("2025-07-23", "Das Treffen am Montag fiel aus.", "Montag", "2025-07-21"),
    ("2025-07-23", "Die Stichwahl findet am Sonntag statt.", "Sonntag", "2025-07-27"),
    ("2025-07-23", "Der Vorschlag kommt vom Minister, der am Montag sprach.", "Montag",
     "2025-07-21"),
    # "sein" with a participle of motion is a perfect, a past clause; "ist geschlossen" a
    # state, no tense
    ("2025-07-23", "Die Fähre ist im Winter auf Grund gelaufen.", "Winter", "2024-WI"),
    ("2025-07-23", "Der Kanzler ist im Winter nach Rom gereist.", "Winter", "2024-WI"),
    ("2025-07-23", "Der Kanzler ist am Dienstag angekommen und wird am Donnerstag abreisen.",
     "Dienstag", "2025-07-22"),
    # hundreds (numbers.yaml hundreds), one word with what follows
    ("2025-07-23", "Die Mühle wurde vor zweihundert Jahren gebaut.", "vor zweihundert Jahren",
     "1825"),
    ("2025-07-23", "Vor dreihundertfünfundzwanzig Jahren brannte der Dom.",
     "Vor dreihundertfünfundzwanzig Jahren", "1700"),
    # decades and centuries (years.yaml), valued as English's "the 1980s", "the 19th century"
    ("2025-07-23", "In den 1960er Jahren wuchs das Viertel.", "1960er Jahren", "196"),
    ("2025-07-23", "Seit den 90er-Jahren schrumpft das Dorf.", "90er-Jahren", "199"),
    ("2025-07-23", "Die achtziger Jahre brachten den Hafen zum Erliegen.", "achtziger Jahre",
     "198"),
    ("2025-07-23", "Im 19. Jahrhundert blühte der Weinhandel.", "19. Jahrhundert", "18"),
    # a month or a day of it placed by "vergangenen", "nächsten" (months.yaml relative)
    ("2025-07-23", "Im vergangenen Dezember trat der Bürgermeister zurück.",
     "vergangenen Dezember", "2024-12"),
    ("2025-07-23", "Am vergangenen 20. Januar sprach der Bürgermeister.",
     "vergangenen 20. Januar", "2025-01-20"),
    ("2025-07-23", "Im nächsten März beginnt der Bau.", "nächsten März", "2026-03"),
    # an approximate amount keeps its date, a vague one is PAST_REF / FUTURE_REF
    ("2025-07-23", "Vor mehr als zwei Jahren brach der Deich.", "Vor mehr als zwei Jahren",
     "2023"),
    # a range's first end, written without a year, takes the one its last names (months.yaml
    # range_links), as English "from March 3 to May 9, 2019"
    ("2025-07-23", "Das Museum blieb vom 4. Februar bis 20. April 2016 zu.", "4. Februar",
     "2016-02-04"),
    ("2025-07-23", "Die Kais wurden zwischen November und März 2012 erneuert.", "November",
     "2011-11"),
    # ... and a bare first day is that day of the last's month and year
    ("2025-07-23", "Der Markt lief vom 9. bis 11. Juni 2017.", "9.", "2017-06-09"),
]


@pytest.mark.parametrize("dct, text, expr, value", CASES)
def test_german_reading(dct, text, expr, value):
    dateline = datetime.date.fromisoformat(dct)
    found = {t.text: t.time.value for t in tag(text, dateline, lang="de")}
    assert found.get(expr) == value, found


@pytest.mark.parametrize("text", [
    "Am Morgen kam der Zug mit Verspätung an.",  # the morning, no tomorrow
    "Jeden Morgen öffnet der Bäcker um sechs.",
    "Am nächsten Morgen war der Pegel gesunken.",
    "Vor 2000 Zuschauern gewann die Elf.",  # a crowd, no year
    "Die Miete stieg um bis zu 1500 Euro.",
    "Das Sommerfest fiel ins Wasser.",  # a compound, no season
    "Im Winter ist der Pass oft gesperrt.",  # any winter, as English "in winter"
])
def test_no_date_in_german(text):
    assert tag(text, datetime.date(2024, 5, 15), lang="de") == []


def test_the_expression_leaves_the_preposition_out():
    text = "Der Damm brach im vergangenen Jahr."
    found = tag(text, datetime.date(2024, 5, 15), lang="de")
    assert [(t.text, t.start) for t in found] == [("vergangenen Jahr",
                                                   len("Der Damm brach im "))]


def test_without_a_dateline_relative_readings_stay_open():
    found = {t.text: (t.time.value, t.time.anchored)
             for t in tag("Er trat vergangenen Dienstag zurück, Ende März, heute Morgen, "
                          "in der Nacht zum Freitag.", None, lang="de")}
    assert found == {"vergangenen Dienstag": ("XXXX-XX-XX", False),
                     "Ende März": ("XXXX-03", False), "heute Morgen": ("XXXX-XX-XX", False),
                     "Nacht zum Freitag": ("XXXX-XX-XX", False)}


def test_german_is_a_folder():
    german = load("de")
    assert german is not None and german.months[2] == "März"
    assert german.month_parts == {"anfang": (1, 10), "mitte": (11, 20), "ende": (21, 31)}


@pytest.mark.parametrize("text, expected, outlet", [
    ("BERLIN, 4. März 2026 (dpa) - Die Hafenarbeiter legten die Arbeit nieder.",
     datetime.date(2026, 3, 4), "dpa"),
    ("WIEN, 12. Feber 2026 (APA) - Der Nationalrat tagte.", datetime.date(2026, 2, 12), "APA"),
    ("Mittwoch, 4. März 2026\nDie Hafenarbeiter stimmen ab.", datetime.date(2026, 3, 4), None),
    ("Veröffentlicht am 9. Okt. 2025, 10:05 Uhr\nDie Fähre fährt wieder.",
     datetime.date(2025, 10, 9), None),
])
def test_german_datelines_read_the_folder_names(text, expected, outlet):
    found = find_dateline(text, lang="de")
    assert (found.date, found.outlet) == (expected, outlet)


# clock times (clock.yaml) and lengths (units.yaml lengths), with their TIMEX3 types: the
# values, types and spans English gives "at 3 p.m. on Monday", "midnight", "for three days"
# (2025-07-23 is a Wednesday)
TYPED = [
    ("2025-07-23", "Die Sitzung beginnt um 15 Uhr im Rathaus.", "15 Uhr", "2025-07-23T15:00",
     "TIME"),
    ("2025-07-23", "Der Zug fuhr gegen 9.30 Uhr ab.", "9.30 Uhr", "2025-07-23T09:30", "TIME"),
    ("2025-07-23", "Um 12:15 Uhr brach die Leitung.", "12:15 Uhr", "2025-07-23T12:15", "TIME"),
    ("2025-07-23", "Die Glocken läuten um Mitternacht.", "Mitternacht", "2025-07-23T24:00",
     "TIME"),
    ("2025-07-23", "Die Fähre legte um 8 Uhr abends an.", "8 Uhr abends", "2025-07-23T20:00",
     "TIME"),
    ("2025-07-23", "Am Montag um 15 Uhr sprach der Bürgermeister.", "Montag um 15 Uhr",
     "2025-07-21T15:00", "TIME"),
    ("2025-07-23", "Der Stadtrat wird morgen um 10 Uhr tagen.", "morgen um 10 Uhr",
     "2025-07-24T10:00", "TIME"),
    ("2025-07-23", "Die Wahllokale schlossen um 18 Uhr am Sonntag.", "18 Uhr am Sonntag",
     "2025-07-20T18:00", "TIME"),
    ("2025-07-23", "Die Verhandlungen dauerten drei Tage lang.", "drei Tage", "P3D", "DURATION"),
    ("2025-07-23", "Seit zwei Wochen streiken die Hafenarbeiter.", "zwei Wochen", "P2W",
     "DURATION"),
    ("2025-07-23", "Zwei Jahre vergingen ohne Regen.", "Zwei Jahre", "P2Y", "DURATION"),
    ("2025-07-23", "Der Umbau dauerte mehr als drei Monate.", "mehr als drei Monate", "P3M",
     "DURATION"),
    # a time alone is of the day last named in its paragraph or the one before, as English's
    ("2025-07-23", "Am 3. Juni brach der Damm. Um 15 Uhr kam die Flut.", "15 Uhr",
     "2025-06-03T15:00", "TIME"),
    # the placed readings keep their dates
    ("2025-07-23", "Vor drei Jahren brach der Damm.", "Vor drei Jahren", "2022", "DATE"),
    ("2025-07-23", "In zwei Tagen fällt das Urteil.", "In zwei Tagen", "2025-07-25", "DATE"),
]


@pytest.mark.parametrize("dct, text, expr, value, type_", TYPED)
def test_german_clock_times_and_lengths(dct, text, expr, value, type_):
    check_typed(dct, text, expr, value, type_, "de")


@pytest.mark.parametrize("text", [
    "Die alte Uhr am Turm steht still.",  # a clock, no time
    "Das Spiel endete 3:1.",  # a score: a time needs "Uhr"
])
def test_no_clock_time_or_length_in_german(text):
    assert tag(text, datetime.date(2025, 7, 23), lang="de") == []
