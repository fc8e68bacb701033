"""Readable events: duplicate sentences, pronoun subjects, scheduled happenings."""

from __future__ import annotations

from datetime import date

from generator.events import extract_events, is_scheduled
from generator.model import Mention, Sentence, TimeExpr, TimeValue

DAY = TimeValue("2025-07-21", "DATE", "day", date(2025, 7, 21), date(2025, 7, 21))
DCT = date(2025, 7, 23)


def article(*texts: str, phrase: str = "on Monday", names: dict[str, str] | None = None):
    sentences, timexes, mentions, offset = [], [], [], 0
    for n, text in enumerate(texts):
        sentences.append(Sentence(offset, offset + len(text), text, n))
        if phrase in text:
            at = offset + text.index(phrase)
            timexes.append(TimeExpr(at, at + len(phrase), phrase, DAY))
        for name, key in (names or {}).items():
            if name in text:
                at = offset + text.index(name)
                mentions.append(Mention(at, at + len(name), name, key))
        offset += len(text) + 1
    return tuple(sentences), tuple(timexes), tuple(mentions)


def test_the_same_sentence_twice_in_one_article_is_one_telling():
    events = extract_events("a", *article("Rebels took Oudry on Monday.", "Rebels took Oudry on Monday."))
    assert len(events) == 1


def test_a_pronoun_sentence_takes_the_actors_of_the_one_before_and_keeps_its_text():
    found = article("Minister Ana Ruiz visited Vesk.", "She opened a clinic there on Monday.",
                    names={"Ana Ruiz": "person:ana-ruiz"})
    (event,) = extract_events("a", *found)
    assert event.actors == ("person:ana-ruiz",) and event.sentence.text == "She opened a clinic there on Monday."
    # no pronoun, no borrowed actor
    (plain,) = extract_events("a", *article("Minister Ana Ruiz visited Vesk.", "A clinic opened on Monday.",
                                            names={"Ana Ruiz": "person:ana-ruiz"}))
    assert plain.actors == ()


def test_scheduled_words_and_dates_after_the_dateline_mark_a_sentence_scheduled():
    def scheduled(text: str, phrase: str = "on Monday", time: TimeValue = DAY, lang: str = "en") -> bool:
        at = text.index(phrase)
        return is_scheduled(text, TimeExpr(at, at + len(phrase), phrase, time), DCT, lang)
    assert scheduled("The committees must finish by the deadline set on Monday.")
    assert scheduled("Ministers are due to meet on Monday.")
    assert not scheduled("Ministers met on Monday.")
    # the date of a saying is no plan: "will help ..., he said on Monday"
    assert not scheduled("Ankara will help rebuild the state, the minister said on Monday.")
    later = TimeValue("2025-07-28", "DATE", "day", date(2025, 7, 28), date(2025, 7, 28))
    assert scheduled("Ministers meet on Monday.", time=later)
    assert scheduled("Les ministres doivent se réunir le 21 juillet.", "le 21 juillet", lang="fr")


def test_a_scheduled_event_is_never_an_actors_latest():
    from dataclasses import replace

    from generator.config import SiteConfig
    from generator.render.views import Views
    from test_chronology import analysis, build, day

    done = analysis("a", date(2025, 7, 2), ("Georgia closed the Lars crossing on 1 July.", "1 July", day(2025, 7, 1), "georgia"))
    plan = analysis("b", date(2025, 7, 2), ("Georgia will reopen Lars on 9 July.", "9 July", day(2025, 7, 9), "georgia"))
    plan = replace(plan, events=tuple(replace(e, scheduled=True) for e in plan.events))
    timeline = build(done, plan)
    assert [e.scheduled for e in timeline.events] == [False, True]
    view = Views(timeline, SiteConfig().language).actor(next(a for a in timeline.actors if a.slug == "georgia"))
    assert view.last.label == "1 July 2025"


def test_an_event_from_a_list_item_is_the_whole_sentence_of_its_lead_in():
    from generator.actors import build_registry
    from generator.analysis import AnalysisSettings, analyse_article
    from generator.model import Article
    body = ("The council's programme covers:\n\n1. the harbour wall;\n"
            "2. a school roof, to be finished by **last Friday**.\n\nNothing else was dated.")
    article = Article(path="content/articles/a.md", slug="a", title="T", body=body, body_line=1,
                      date=DCT)
    (event,) = analyse_article(article, AnalysisSettings(registry=build_registry(None))).events
    assert " ".join(event.sentence.text.split()) == (
        "The council's programme covers: the harbour wall; a school roof, to be finished by last Friday.")
