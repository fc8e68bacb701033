"""Tellings in two languages: the lexicon of happenings, figures, and the merge."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_chronology import analysis, build, day  # noqa: E402

from generator.chronology.words import date_context, lexicon, numbers  # noqa: E402
from generator.model import Event, Sentence, TimeExpr  # noqa: E402


def in_language(item, lang: str):
    return replace(item, article=replace(item.article, lang=lang))


def context(text: str, phrase: str, language: str):
    start = text.index(phrase)
    sentence = Sentence(0, len(text), text, 0)
    event = Event("x-1", "x", sentence, TimeExpr(start, start + len(phrase), phrase, day(2025, 4, 2)))
    return date_context(event, language=language)


def test_lexicon_gives_happenings_their_english_key_in_each_language():
    terms, _, happenings = context("Un cessez-le-feu a été conclu le 2 avril.", "le 2 avril", "fr")
    assert happenings == {"ceasefire"} and "le" not in terms and "cessezlefeu" not in terms
    assert context("Taraflar 2 Nisan'da ateşkes ilan etti.", "2 Nisan'da", "tr")[2] == {"ceasefire"}
    assert context("Die Waffenruhe begann am 2. April.", "2. April", "de")[2] == {"ceasefire"}
    assert context("Los enfrentamientos estallaron el 2 de abril.", "2 de abril", "es")[2] == {"clash", "erupt"}


def test_words_of_one_language_keep_their_meaning_in_english():
    # English "die" is a death; in German it is an article, dropped
    assert "kill" in context("Dozens die in floods on 2 April.", "2 April", "en")[0]
    assert "kill" not in context("Die Flut kam am 2. April.", "2. April", "de")[0]
    # an elided article goes, the noun stays: "l'émissaire" is an envoy
    assert "envoy" in context("L'émissaire est arrivé le 2 avril.", "le 2 avril", "fr")[0]


def test_every_language_of_the_lexicon_has_stop_words_and_happenings():
    meanings, stops = lexicon()
    for language in ("fr", "tr", "de", "es"):
        assert len(meanings[language]) > 40 and len(stops[language]) > 40


def test_figures_are_keys_in_any_notation_but_years_and_digits_are_not():
    assert numbers("more than 1,000 dead, 1 000 morts, 1.000 Tote") == ["#1000"] * 3
    assert numbers("in 2014, 5 people, 24 hours, 40,000 killed") == ["#24", "#40000"]


def test_french_and_english_tellings_of_one_ceasefire_merge():
    english = analysis("wire", date(2025, 4, 3),
                       ("Georgia and Russia agreed a ceasefire on 2 April after talks in Kazbegi.",
                        "on 2 April", day(2025, 4, 2), "georgia", "russia"), source="Wire")
    french = in_language(analysis("veilleur", date(2025, 4, 3),
                                  ("La Géorgie et la Russie ont conclu un cessez-le-feu le 2 avril à Kazbegi.",
                                   "le 2 avril", day(2025, 4, 2), "georgia", "russia"), source="Veilleur"), "fr")
    timeline = build(english, french)
    assert len(timeline.events) == 1 and timeline.events[0].articles == ("veilleur", "wire")


def test_clashes_told_in_french_join_the_english_day_by_happening_and_rare_words():
    english = analysis("wire", date(2025, 4, 3),
                       ("Clashes between shepherds and border guards erupted near Kazbegi on 2 April.",
                        "on 2 April", day(2025, 4, 2), "georgia"), source="Wire")
    french = in_language(analysis("veilleur", date(2025, 4, 4),
                                  ("Des affrontements ont éclaté près de Kazbegi le 2 avril.",
                                   "le 2 avril", day(2025, 4, 2), "georgia"), source="Veilleur"), "fr")
    filler = [analysis(f"f{n}", date(2025, 4, 3), (f"Georgia opened school number {n} on 2 April.",
                                                    "on 2 April", day(2025, 4, 2), "georgia"))
              for n in range(8)]
    timeline = build(english, french, *filler)
    merged = [e for e in timeline.events if "wire" in e.articles][0]
    assert merged.articles == ("wire", "veilleur")  # article date order


def test_a_french_report_of_another_happening_that_day_stays_apart():
    english = analysis("wire", date(2025, 4, 3),
                       ("Georgia and Russia agreed a ceasefire on 2 April.", "on 2 April",
                        day(2025, 4, 2), "georgia", "russia"), source="Wire")
    french = in_language(analysis("veilleur", date(2025, 4, 3),
                                  ("La Géorgie a arrêté un journaliste le 2 avril.", "le 2 avril",
                                   day(2025, 4, 2), "georgia"), source="Veilleur"), "fr")
    assert len(build(english, french).events) == 2
