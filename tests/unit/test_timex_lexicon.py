"""The lexicons (generator/data/timex/<lang>/): one set of date words for the whole project,
and a new language as a folder of word lists."""

from __future__ import annotations

import datetime

import pytest

from generator.actors.context import ACTING_VERBS
from generator.actors.people import REPORTING_VERB
from generator.chronology import words
from generator.dateline.lexicon import dateline_words
from generator.timex import lang as other_languages
from generator.timex.lexicon import LexiconError, english, load, month_names, weekday_names


def test_english_names_and_numbers():
    lex = english()
    assert lex.months[0] == "January" and len(lex.months) == 12
    assert lex.month_numbers["sept"] == lex.month_numbers["september"] == 9
    assert lex.weekday_numbers["sunday"] == 6 and lex.weekday_abbreviations["thurs"] == 3
    assert lex.unit_of["hrs"] == "hour" and lex.unit_of["centuries"] == "century"
    assert lex.seasons["autumn"] == lex.seasons["fall"] == "FA"


def test_month_and_weekday_names_serve_the_dateline_reader():
    names = month_names(("en",))
    assert names["dec"] == 12 and names["may"] == 5
    assert weekday_names(("en",))["tues"] == 1
    assert dateline_words(("en",)).months is names


def test_past_tenses_and_verb_bases():
    lex = english()
    assert {"said", "fought", "fled", "led", "agreed", "ago"} <= lex.past_tenses
    assert "fallen" not in lex.past_tenses  # a participle ("has fallen") needs its auxiliary
    assert lex.verb_bases["fought"] == "fight" and lex.verb_bases["withdrawn"] == "withdraw"
    assert "lay" not in lex.verb_bases  # also a base form of its own ("lay siege")


def test_inflection_of_regular_and_irregular_verbs():
    lex = english()
    assert lex.inflect("deny") == ("denies", "denied")
    assert lex.inflect("launch") == ("launches", "launched")
    assert lex.inflect("seek") == ("seeks", "sought")
    assert lex.inflect("plan") == ("plans", "planned")


def test_other_modules_read_the_same_words():
    assert words.stem("fought") == words.stem("fights")
    assert {"sept", "thurs", "winter"} <= words.STOP_WORDS and "fall" not in words.STOP_WORDS
    assert {"denied", "recognises", "sought", "said", "say"} <= ACTING_VERBS
    assert "state" not in ACTING_VERBS  # "Damascus state television" is no act of Syria's


def test_verbs_of_saying_are_one_list():
    # the actor reader's "Fidan said" and the tagger's "said at the time that" read one list
    for form in ("said", "says", "told", "wrote", "tweeted"):
        assert REPORTING_VERB.fullmatch(" " + form)
    assert not REPORTING_VERB.fullmatch(" notes")  # "Treasury notes": a present, also a noun
    assert english().words("reporting_verbs") >= {"say", "tell", "write"}


def _write_language(root, code="eo"):
    folder = root / code
    folder.mkdir()
    (folder / "months.yaml").write_text(
        "names: [januaro, februaro, marto, aprilo, majo, junio, julio, aŭgusto, septembro,\n"
        "        oktobro, novembro, decembro]\n", encoding="utf-8")
    (folder / "weekdays.yaml").write_text(
        "names: [lundo, mardo, merkredo, ĵaŭdo, vendredo, sabato, dimanĉo]\n", encoding="utf-8")
    (folder / "relative.yaml").write_text("hieraŭ: [-1, day]\nmorgaŭ: [1, day]\n",
                                          encoding="utf-8")


def test_a_new_language_is_a_folder_of_lexicon_files(tmp_path):
    _write_language(tmp_path)
    dct = datetime.date(2025, 7, 23)  # a Wednesday
    text = "La kunveno okazis 3 marto 2021. Hieraŭ la urbestro parolis, kaj lundo estis kvieta."
    found = {t.text: t.time.value for t in other_languages.tag_other(text, dct, lang="eo",
                                                                       root=tmp_path)}
    assert found == {"3 marto 2021": "2021-03-03", "Hieraŭ": "2025-07-22", "lundo": "2025-07-21"}


def test_a_broken_lexicon_file_names_itself(tmp_path):
    _write_language(tmp_path, "zz")
    (tmp_path / "zz" / "weekdays.yaml").write_text("names: lundo: mardo\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"zz/weekdays\.yaml"):
        load("zz", tmp_path)


def test_a_language_without_a_folder_has_no_lexicon(tmp_path):
    assert load("xx", tmp_path) is None


def test_a_new_language_counts_spans_and_places_weekdays_from_its_files(tmp_path):
    _write_language(tmp_path, "ea")
    folder = tmp_path / "ea"
    (folder / "units.yaml").write_text(
        "units: {day: [tago, tagoj], year: [jaro, jarojn]}\nago: ['antaŭ {amount} {unit}']\n",
        encoding="utf-8")
    (folder / "numbers.yaml").write_text("words: {du: 2, tri: 3}\n", encoding="utf-8")
    (folder / "weekdays.yaml").write_text(
        "names: [lundo, mardo, merkredo, ĵaŭdo, vendredo, sabato, dimanĉo]\n"
        "relative: {'venonta {weekday}': next}\n", encoding="utf-8")
    dct = datetime.date(2025, 7, 23)  # a Wednesday
    text = "Antaŭ du jarojn la ponto falis; la venonta ĵaŭdo estos festo."
    found = {t.text: t.time.value for t in other_languages.tag_other(text, dct, lang="ea",
                                                                       root=tmp_path)}
    assert found == {"Antaŭ du jarojn": "2023", "venonta ĵaŭdo": "2025-07-24"}


def test_a_new_language_joins_weekday_and_part_and_holds_words_that_are_no_day(tmp_path):
    _write_language(tmp_path, "ec")
    folder = tmp_path / "ec"
    (folder / "weekdays.yaml").write_text(
        "names: [lundo, mardo, merkredo, ĵaŭdo, vendredo, sabato, dimanĉo]\n", encoding="utf-8")
    (folder / "relative.yaml").write_text("morgaŭ: [1, day]\n", encoding="utf-8")
    (folder / "day_parts.yaml").write_text(
        "parts: {vespero: EV}\njoins: ['']\nnot_days: [la morgaŭ]\n"
        "words: {hieraŭvespere: [-1, EV]}\n", encoding="utf-8")
    dct = datetime.date(2025, 7, 23)  # a Wednesday
    text = "Mardovespero, la morgaŭ kaj hieraŭvespere; morgaŭ."
    found = [(t.text, t.time.value) for t in other_languages.tag_other(text, dct, lang="ec",
                                                                         root=tmp_path)]
    assert found == [("Mardovespero", "2025-07-22"), ("hieraŭvespere", "2025-07-22TEV"),
                     ("morgaŭ", "2025-07-24")]


def test_a_recurring_weekday_of_a_new_language_is_a_line_of_its_weekdays_file(tmp_path):
    _write_language(tmp_path, "ed")
    (tmp_path / "ed" / "weekdays.yaml").write_text(
        "names: [lundo, mardo, merkredo, ĵaŭdo, vendredo, sabato, dimanĉo]\n"
        "every: ['ĉiun {weekday}n']\n", encoding="utf-8")
    text = "Ĉiun mardon kunvenas la konsilio."
    found = [(t.text, t.time.value, t.time.type)
             for t in other_languages.tag_other(text, datetime.date(2025, 7, 23), lang="ed", root=tmp_path)]
    assert found == [("Ĉiun mardon", "XXXX-WXX-2", "SET")]


def test_a_new_language_reads_the_tense_of_a_clause_from_its_file(tmp_path):
    _write_language(tmp_path, "ee")
    (tmp_path / "ee" / "tense.yaml").write_text(
        "future: {endings: [os]}\npast: {endings: [is]}\n", encoding="utf-8")
    dct = datetime.date(2025, 7, 23)  # a Wednesday
    found = [(t.text, t.time.value) for t in other_languages.tag_other(
        "La konsilio kunvenos ĵaŭdo. La urbestro parolis ĵaŭdo.", dct, lang="ee", root=tmp_path)]
    assert found == [("ĵaŭdo", "2025-07-24"), ("ĵaŭdo", "2025-07-17")]


def test_a_new_language_reads_its_seasons_from_its_file(tmp_path):
    _write_language(tmp_path, "ef")
    (tmp_path / "ef" / "seasons.yaml").write_text(
        "names: {somero: SU, vintro: WI}\nphrases: {'lasta {season}': last, "
        "'{season} {year}': year}\nafter: [ĝis]\n", encoding="utf-8")
    dct = datetime.date(2025, 7, 23)
    found = [(t.text, t.time.value) for t in other_languages.tag_other(
        "Lasta vintro, somero 2019 kaj ĝis somero.", dct, lang="ef", root=tmp_path)]
    assert found == [("Lasta vintro", "2024-WI"), ("somero 2019", "2019-SU"),
                     ("somero", "2025-SU")]


def test_a_new_language_reads_clock_times_and_lengths_from_its_files(tmp_path):
    _write_language(tmp_path, "eg")
    folder = tmp_path / "eg"
    (folder / "clock.yaml").write_text(
        "before: [je]\ntimes: ['{hour} horo']\nalone: ['{hour}h{minute}']\n"
        "moments: {tagmezo: 12}\nparts: {vespere: pm}\ndays: ['{day} je {time}']\n",
        encoding="utf-8")
    (folder / "units.yaml").write_text(
        "units: {day: [tago, tagoj]}\nago: ['antaŭ {amount} {unit}']\n"
        "lengths: {before: [ekde antaŭ], not: [unu tago]}\n", encoding="utf-8")
    (folder / "numbers.yaml").write_text("words: {unu: 1, du: 2, tri: 3}\n", encoding="utf-8")
    dct = datetime.date(2025, 7, 23)  # a Wednesday
    text = ("Je 3 horo vespere, lundo je 9h30, tagmezo. Tri tagoj; antaŭ du tagoj; ekde antaŭ "
            "du tagoj; unu tago; 3 horo.")
    found = [(t.text, t.time.value, t.time.type) for t in other_languages.tag_other(
        text, dct, lang="eg", root=tmp_path)]
    assert found == [("3 horo vespere", "2025-07-23T15:00", "TIME"),
                     ("lundo je 9h30", "2025-07-21T09:30", "TIME"),
                     # a time alone: of the day last named
                     ("tagmezo", "2025-07-21T12:00", "TIME"), ("Tri tagoj", "P3D", "DURATION"),
                     ("antaŭ du tagoj", "2025-07-21", "DATE"), ("du tagoj", "P2D", "DURATION")]


@pytest.mark.parametrize("kind, text, message", [
    ("month_parts", "parts: {komenco: [10, 1]}\n", r"month_parts\.yaml 'komenco'"),
    ("month_parts", "parts: {komenco: [1, 10]}\nperiods: {de la jaro: [0, jaro]}\n",
     r"month_parts\.yaml periods 'de la jaro'"),
    ("units", "units: {jarcento: [jarcento]}\n", r"units\.yaml: units are"),
    ("day_parts", "parts: {vespero: EV}\nwords: {hieraŭvespere: EV}\n",
     r"day_parts\.yaml words 'hieraŭvespere'"),
    ("weekdays", "names: [lundo, mardo, merkredo, ĵaŭdo, vendredo, sabato, dimanĉo]\n"
                 "every: [ĉiu tago]\n", r"weekdays\.yaml every"),
    ("tense", "future: {words: {estos: jes}}\n", r"tense\.yaml future words"),
    ("seasons", "names: {somero: SUMMER}\n", r"seasons\.yaml names"),
    ("numbers", "words: {du: 2}\njoins: [' ']\n", r"numbers\.yaml joins"),
    ("numbers", "words: {du: 2}\njoins: {kaj: 1}\n", r"numbers\.yaml joins"),
    ("seasons", "names: {somero: SU}\nphrases: {lasta somero: last}\n",
     r"seasons\.yaml phrases 'lasta somero'"),
    ("seasons", "names: {somero: SU}\nphrases: {'{season} {year}': last}\n",
     r"seasons\.yaml phrases"),
    ("tense", "compounds: [{tense: soon, aux: [estas], then: '\\w+ita', reach: 2}]\n",
     r"tense\.yaml compounds"),
    ("tense", "compounds: [{tense: past, aux: [estas], then: '(', reach: 2}]\n",
     r"tense\.yaml compounds then"),
    ("clock", "times: ['je {minute}']\n", r"clock\.yaml times"),
    ("clock", "alone: [{hour: 1}]\n", r"clock\.yaml alone"),
    ("clock", "moments: {tagmezo: 25}\n", r"clock\.yaml moments"),
    ("clock", "parts: {vespere: evening}\n", r"clock\.yaml parts"),
    ("clock", "days: ['{day} je']\n", r"clock\.yaml days"),
    ("clock", "before: {je: 1}\n", r"clock\.yaml before"),
    ("clock", "unless: {de: 1}\n", r"clock\.yaml unless"),
    ("units", "units: {day: [tago]}\nlengths: [tago]\n", r"units\.yaml lengths"),
    ("units", "units: {day: [tago]}\nlengths: {not: {unu tago: 1}}\n",
     r"units\.yaml lengths not"),
    ("units", "units: {day: [tago]}\nlengths: {before: [[ekde]]}\n",
     r"units\.yaml lengths before"),
])
def test_a_broken_optional_file_names_itself(tmp_path, kind, text, message):
    _write_language(tmp_path, "eb")
    (tmp_path / "eb" / f"{kind}.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load("eb", tmp_path)
