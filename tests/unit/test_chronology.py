"""Chronology: ordering, merging across sources, conflicts, key dates, review, helpers."""

from __future__ import annotations

import os
import random
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.chronology import (MergeSettings, build_timeline, co_actors, date_label,
                                  events_for_actor, events_per_month, group_by_year_month,
                                  key_dates_for_actor, shown_key_dates, sources_for_actor)
from generator.config import KeyDateRule, SiteConfig
from generator.model import (Actor, Article, ArticleAnalysis, Dateline, Event, Mention,
                             PlainText, Problem, Sentence, TimeExpr, TimeValue)

# ---------------------------------------------------------------- factory


def day(y: int, m: int, d: int) -> TimeValue:
    x = date(y, m, d)
    return TimeValue(x.isoformat(), "DATE", "day", x, x)


def week(y: int, w: int) -> TimeValue:
    monday = date.fromisocalendar(y, w, 1)
    return TimeValue(f"{y}-W{w:02d}", "DATE", "week", monday, monday + timedelta(days=6))


def month(y: int, m: int) -> TimeValue:
    start = date(y, m, 1)
    end = (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)
    return TimeValue(f"{y}-{m:02d}", "DATE", "month", start, end)


def year(y: int) -> TimeValue:
    return TimeValue(str(y), "DATE", "year", date(y, 1, 1), date(y, 12, 31))


def at(y: int, m: int, d: int, hh: int, mm: int) -> TimeValue:
    x = date(y, m, d)
    return TimeValue(f"{x.isoformat()}T{hh:02d}:{mm:02d}", "TIME", "time", x, x)


UNANCHORED = TimeValue("XXXX-XX-XX", "DATE", "day")


def analysis(slug: str, dct: date | None, *sentences: tuple, source: str | None = None,
             unresolved: tuple[str, ...] = (), mentions: tuple[str, ...] = ()) -> ArticleAnalysis:
    """An article whose sentences are (text, date phrase, TimeValue, actor slugs...).

    Each sentence becomes one event dated by its phrase. `unresolved` phrases are added
    as timexes that could not be anchored (they must occur in some sentence's text).
    """
    text_parts, sents, timexes, events = [], [], [], []
    offset = 0
    for n, (text, phrase, time, *actors) in enumerate(sentences):
        sentence = Sentence(offset, offset + len(text), text, n)
        pos = offset + text.index(phrase)
        timex = TimeExpr(pos, pos + len(phrase), phrase, time)
        sents.append(sentence)
        timexes.append(timex)
        events.append(Event(f"{slug}-{n + 1}", slug, sentence, timex, tuple(actors)))
        text_parts.append(text)
        offset += len(text) + 2
    body = "\n\n".join(text_parts)
    for phrase in unresolved:
        pos = body.index(phrase)
        timexes.append(TimeExpr(pos, pos + len(phrase), phrase, UNANCHORED))
    article = Article(path=f"content/articles/{slug}.md", slug=slug, title=slug.title(),
                      body=body, body_line=4, date=dct, source=source)
    dateline = Dateline(dct, "front matter" if dct else "none")
    plain = PlainText(body, tuple(range(len(body) + 1)))
    found = tuple(Mention(0, 1, "x", a) for a in mentions)
    return ArticleAnalysis(article, dateline, plain, tuple(sents),
                           tuple(sorted(timexes, key=lambda t: t.start)), found, tuple(events))


def actor(slug: str, confidence: float = 1.0) -> Actor:
    return Actor(slug, slug.title(), "country", confidence=confidence)


ACTORS = (actor("armenia"), actor("azerbaijan"), actor("georgia"), actor("russia"))
CONFIG = SiteConfig()


def build(*analyses: ArticleAnalysis, config: SiteConfig = CONFIG, actors=ACTORS, **kw):
    return build_timeline(list(analyses), list(actors), config, **kw)


def ceasefire_articles() -> list[ArticleAnalysis]:
    return [
        analysis("alpha", date(2025, 7, 23),
                 ("A ceasefire between Armenia and Azerbaijan took effect last Saturday after "
                  "weeks of shelling.", "last Saturday", day(2025, 7, 19), "armenia", "azerbaijan"),
                 source="Wire One"),
        analysis("bravo", date(2025, 7, 21),
                 ("The truce agreed by Armenia and Azerbaijan took effect on 19 July.",
                  "19 July", day(2025, 7, 19), "armenia", "azerbaijan"),
                 source="Daily Two"),
        analysis("charlie", date(2025, 7, 20),
                 ("Armenia and Azerbaijan's ceasefire, which began on July 19, 2025, is holding "
                  "along the border.", "July 19, 2025", day(2025, 7, 19), "armenia", "azerbaijan"),
                 source="Radio Three"),
    ]


# ---------------------------------------------------------------- merging


def test_three_sources_of_one_ceasefire_merge_into_one_day_event():
    timeline = build(*ceasefire_articles())
    assert len(timeline.events) == 1
    event = timeline.events[0]
    assert event.time.value == "2025-07-19" and event.time.granularity == "day"
    # citations in source order: article date, then slug
    assert [c.article for c in event.citations] == ["charlie", "bravo", "alpha"]
    assert event.conflicts == ()
    assert event.actors == ("armenia", "azerbaijan")


def test_month_mention_merges_into_the_day_event_and_keeps_the_day():
    month_article = analysis(
        "delta", date(2025, 8, 2),
        ("Armenia and Azerbaijan agreed to a ceasefire in July.", "in July", month(2025, 7),
         "armenia", "azerbaijan"))
    timeline = build(*ceasefire_articles(), month_article)
    assert len(timeline.events) == 1
    event = timeline.events[0]
    assert event.time == day(2025, 7, 19)
    assert "delta" in event.articles and len(event.citations) == 4
    assert event.citations[-1].time == month(2025, 7)  # each source keeps its own phrasing


def test_unrelated_events_on_the_same_day_stay_apart():
    flood = analysis("echo", date(2025, 7, 20),
                     ("Floods closed the main highway across Georgia on 19 July.", "19 July",
                      day(2025, 7, 19), "georgia"))
    shelling = analysis("foxtrot", date(2025, 7, 20),
                        ("Armenian forces said a village came under shelling on 19 July.",
                         "19 July", day(2025, 7, 19), "armenia"))
    timeline = build(*ceasefire_articles(), flood, shelling)
    assert len(timeline.events) == 3
    sizes = sorted(len(e.citations) for e in timeline.events)
    assert sizes == [1, 1, 3]


def ceasefire_told_twice_in_one_article():
    return analysis(
        "golf", date(2025, 7, 23),
        ("A ceasefire between Armenia and Azerbaijan took effect on 19 July.", "19 July",
         day(2025, 7, 19), "armenia", "azerbaijan"),
        ("The ceasefire between Armenia and Azerbaijan took effect on Saturday.", "Saturday",
         day(2025, 7, 19), "armenia", "azerbaijan"))


def test_events_of_one_article_never_merge():
    twice = ceasefire_told_twice_in_one_article()
    timeline = build(twice)
    assert len(timeline.events) == 2
    assert all(len(e.citations) == 1 for e in timeline.events)


def test_a_third_article_joins_only_one_of_two_same_article_events():
    twice = ceasefire_told_twice_in_one_article()
    timeline = build(twice, ceasefire_articles()[1])
    assert sorted(len(e.citations) for e in timeline.events) == [1, 2]
    for event in timeline.events:
        assert len(event.articles) == len(event.citations)


def test_disjoint_actors_never_merge_even_with_the_same_words():
    a = analysis("hotel", date(2025, 7, 23),
                 ("Russia announced new sanctions on steel imports on 19 July.", "19 July",
                  day(2025, 7, 19), "russia"))
    b = analysis("india", date(2025, 7, 23),
                 ("Georgia announced new sanctions on steel imports on 19 July.", "19 July",
                  day(2025, 7, 19), "georgia"))
    assert len(build(a, b).events) == 2


def test_merging_can_be_switched_off():
    timeline = build(*ceasefire_articles(), config=replace(CONFIG, merge_events=False))
    assert len(timeline.events) == 3


def test_incompatible_dates_with_weak_similarity_are_not_merged_or_flagged():
    a = analysis("juliet", date(2025, 7, 23),
                 ("Armenia and Azerbaijan held talks in Vienna on 13 July.", "13 July",
                  day(2025, 7, 13), "armenia", "azerbaijan"))
    b = analysis("kilo", date(2025, 7, 23),
                 ("Armenia and Azerbaijan resumed talks last week after a pause in contacts "
                  "over prisoners and mines.", "last week", week(2025, 29), "armenia", "azerbaijan"))
    timeline = build(a, b)
    assert len(timeline.events) == 2
    assert not any(p.kind == "conflict" for p in timeline.problems)


def test_shared_actor_names_alone_do_not_merge():
    talks = analysis("lima2", date(2025, 7, 23),
                     ("Armenia and Azerbaijan held talks in Vienna on 19 July.", "19 July",
                      day(2025, 7, 19), "armenia", "azerbaijan"))
    prisoners = analysis("mike2", date(2025, 7, 23),
                         ("Armenia and Azerbaijan swapped prisoners at the border on 19 July.",
                          "19 July", day(2025, 7, 19), "armenia", "azerbaijan"))
    assert len(build(talks, prisoners).events) == 2


def test_one_off_happening_word_next_to_the_same_day_is_enough():
    named = analysis("nova", date(2025, 7, 21),
                     ("Mediators announced a ceasefire between Armenia and Azerbaijan on 19 July.",
                      "19 July", day(2025, 7, 19), "armenia", "azerbaijan"))
    bare = analysis("opal", date(2025, 7, 23),
                    ("A truce was reached last Saturday, though it remains fragile.",
                     "last Saturday", day(2025, 7, 19)))
    timeline = build(named, bare)
    assert len(timeline.events) == 1
    assert timeline.events[0].articles == ("nova", "opal")
    # without actors on one side, a month is too vague for the one-off rule
    vague = analysis("pearl", date(2025, 8, 1),
                     ("A truce was reached in July, though it remains fragile.", "in July", month(2025, 7)))
    other_day = analysis("quartz", date(2025, 7, 23),
                         ("A truce was reached on Sunday, though it remains fragile.", "Sunday",
                          day(2025, 7, 20)))
    assert len(build(named, vague).events) == 2
    assert len(build(named, other_day).events) == 2


def test_different_one_off_happenings_do_not_merge():
    vote = analysis("ruby", date(2025, 7, 23),
                    ("Georgia held a snap election on 19 July.", "19 July", day(2025, 7, 19), "georgia"))
    coup = analysis("sapphire", date(2025, 7, 23),
                    ("Officers in Georgia attempted a coup on 19 July.", "19 July", day(2025, 7, 19), "georgia"))
    assert len(build(vote, coup).events) == 2


def test_spelling_variants_and_synonyms_meet():
    uk = analysis("topaz", date(2025, 7, 23),
                  ("Georgia asked Russia for defence support on Wednesday.", "Wednesday",
                   day(2025, 7, 23), "georgia", "russia"))
    us = analysis("umber", date(2025, 7, 24),
                  ("Georgia requested defense assistance from Russia on 23 July.", "23 July",
                   day(2025, 7, 23), "georgia", "russia"))
    assert len(build(uk, us).events) == 1


# ---------------------------------------------------------------- conflicts


def clash_articles() -> list[ArticleAnalysis]:
    return [
        analysis("lima", date(2025, 7, 15),
                 ("Border clashes between Armenia and Azerbaijan near Tegh killed four soldiers "
                  "on 13 July.", "13 July", day(2025, 7, 13), "armenia", "azerbaijan")),
        analysis("mike", date(2025, 7, 23),
                 ("Border clashes near Tegh between Armenia and Azerbaijan killed four soldiers "
                  "last week.", "last week", week(2025, 29), "armenia", "azerbaijan")),
    ]


def test_same_clashes_on_incompatible_dates_are_one_event_with_a_conflict():
    timeline = build(*clash_articles())
    assert len(timeline.events) == 1
    event = timeline.events[0]
    assert event.time == day(2025, 7, 13)  # one source each: the more precise date wins
    assert event.conflicts == (week(2025, 29),)
    assert [c.article for c in event.citations] == ["lima", "mike"]
    conflicts = [p for p in timeline.problems if p.kind == "conflict"]
    assert len(conflicts) == 1
    problem = conflicts[0]
    assert problem.severity == "warning"
    assert problem.path == "content/articles/mike.md" and problem.line == 4
    assert "lima says 13 July 2025" in problem.message
    assert "mike says week of 14 July 2025" in problem.message


def test_conflict_date_follows_the_majority_of_sources():
    sentence = "Azerbaijan and Armenia exchanged prisoners at the Lachin crossing on {}."
    articles = [
        analysis("november", date(2025, 12, 10),
                 (sentence.format("8 December"), "8 December", day(2025, 12, 8),
                  "armenia", "azerbaijan"), source="One"),
        analysis("oscar", date(2025, 12, 10),
                 (sentence.format("9 December"), "9 December", day(2025, 12, 9),
                  "armenia", "azerbaijan"), source="Two"),
        analysis("papa", date(2025, 12, 11),
                 (sentence.format("Tuesday"), "Tuesday", day(2025, 12, 9),
                  "armenia", "azerbaijan"), source="Three"),
    ]
    timeline = build(*articles)
    assert len(timeline.events) == 1
    event = timeline.events[0]
    assert event.time == day(2025, 12, 9)
    assert event.conflicts == (day(2025, 12, 8),)
    assert event.text == sentence.format("9 December")


def test_conflicts_need_shared_actors():
    a, b = clash_articles()
    a = replace(a, events=tuple(replace(e, actors=()) for e in a.events))
    timeline = build(a, b)
    assert len(timeline.events) == 2
    assert all(e.conflicts == () for e in timeline.events)


def test_far_apart_dates_are_never_a_conflict():
    a, b = clash_articles()
    late = replace(b, events=tuple(
        replace(e, timex=replace(e.timex, time=week(2025, 33))) for e in b.events))
    assert len(build(a, late).events) == 2


# ---------------------------------------------------------------- ordering and ids


def test_order_is_start_then_finer_first_then_source_order():
    a = analysis("quebec", date(2025, 7, 30),
                 ("Georgia reopened the Upper Lars checkpoint in July.", "in July", month(2025, 7), "georgia"),
                 ("Russia moved troops near the Caspian coast on 1 July.", "1 July", day(2025, 7, 1), "russia"),
                 ("Parliament in Tbilisi debated a budget amendment this year.", "this year", year(2025), "georgia"),
                 ("Negotiators from Russia met in Baku on the week of 30 June.", "week of 30 June",
                  week(2025, 27), "russia"),
                 ("A convoy of lorries crossed into Armenia at 15:30 on 1 July.", "15:30 on 1 July",
                  at(2025, 7, 1, 15, 30), "armenia"),
                 ("Mediators landed in Yerevan at 09:15 on 1 July.", "09:15 on 1 July",
                  at(2025, 7, 1, 9, 15), "armenia"))
    b = analysis("romeo", date(2025, 7, 2),
                 ("A drought warning was issued for Georgia on 1 July.", "1 July", day(2025, 7, 1), "georgia"))
    timeline = build(a, b, config=replace(CONFIG, merge_events=False))
    order = [(e.time.value, e.citations[0].article) for e in timeline.events]
    assert order == [
        ("2025", "quebec"),
        ("2025-W27", "quebec"),
        ("2025-07-01T09:15", "quebec"),
        ("2025-07-01T15:30", "quebec"),
        ("2025-07-01", "romeo"),  # romeo's dateline is earlier: it comes first
        ("2025-07-01", "quebec"),
        ("2025-07", "quebec"),  # a month keeps its month: no made-up day
    ]
    assert timeline.events[-1].time.granularity == "month"


def test_ids_are_readable_unique_valid_fragments():
    same = ("Georgia reopened the Upper Lars checkpoint on 3 July.", "3 July", day(2025, 7, 3), "georgia")
    timeline = build(analysis("sierra", date(2025, 7, 4), same, same),
                     config=replace(CONFIG, merge_events=False))
    ids = [e.id for e in timeline.events]
    assert ids == ["e-2025-07-03-georgia-reopened-upper", "e-2025-07-03-georgia-reopened-upper-2"]
    timeline = build(*ceasefire_articles(), *clash_articles())
    for event in timeline.events:
        assert re.fullmatch(r"e-[a-z0-9]+(-[a-z0-9]+)*", event.id)
    assert len({e.id for e in timeline.events}) == len(timeline.events)
    assert timeline.events[0].id.startswith("e-2025-07-13-")


def test_ids_do_not_move_when_unrelated_articles_are_added():
    before = {e.text: e.id for e in build(*ceasefire_articles()).events}
    extra = analysis("tango", date(2025, 5, 1),
                     ("Georgia held a municipal vote on 30 April.", "30 April", day(2025, 4, 30), "georgia"))
    after = {e.text: e.id for e in build(extra, *ceasefire_articles()).events}
    assert all(after[text] == ident for text, ident in before.items())


def test_shuffled_input_gives_an_identical_timeline():
    articles = ceasefire_articles() + clash_articles() + [
        analysis("uniform", None, ("Georgia closed its airspace on 2 July 2025.", "2 July 2025",
                                   day(2025, 7, 2), "georgia"), unresolved=("closed",))]
    actors = list(ACTORS) + [actor("discovered", 0.3)]
    reference = build_timeline(articles, actors, CONFIG)
    rng = random.Random(7)
    for _ in range(5):
        shuffled, cast = articles[:], actors[:]
        rng.shuffle(shuffled)
        rng.shuffle(cast)
        assert build_timeline(shuffled, cast, CONFIG) == reference


def test_articles_sorted_by_dateline_undated_last_and_actors_by_slug():
    undated = analysis("aardvark", None, ("Georgia signed a grain accord on 2 July 2025.",
                                          "2 July 2025", day(2025, 7, 2), "georgia"))
    timeline = build(undated, *ceasefire_articles(), actors=list(reversed(ACTORS)))
    assert [a.article.slug for a in timeline.articles] == ["charlie", "bravo", "alpha", "aardvark"]
    assert [a.slug for a in timeline.actors] == ["armenia", "azerbaijan", "georgia", "russia"]


# ---------------------------------------------------------------- key dates


def key_date_corpus() -> list[ArticleAnalysis]:
    checkpoint = ("Georgia reopened the Upper Lars checkpoint on 3 July.", "3 July", day(2025, 7, 3), "georgia")
    drill = ("Russia staged naval drills in the Caspian on 3 July.", "3 July", day(2025, 7, 3), "russia")
    return ceasefire_articles() + [
        # same source twice: one independent source for 3 July, but three events
        analysis("victor", date(2025, 7, 4), checkpoint, drill, source="Wire One"),
        analysis("whiskey", date(2025, 7, 5),
                 ("Officials in Tbilisi said Georgia reopened Upper Lars on Thursday.", "Thursday",
                  day(2025, 7, 3), "georgia"), source="wire one "),
        analysis("xray", date(2025, 7, 9),
                 ("Russia began a grain export quota on 8 July at 10:00.", "8 July at 10:00",
                  at(2025, 7, 8, 10, 0), "russia")),
        analysis("yankee", date(2025, 7, 9),
                 ("A Georgian court jailed an activist on 8 July.", "8 July", day(2025, 7, 8), "georgia")),
    ]


def test_key_dates_rank_by_independent_evidence():
    timeline = build(*key_date_corpus(), config=replace(CONFIG, key_dates=KeyDateRule(min_sources=1)))
    ranked = [(k.time.value, k.sources, len(k.events)) for k in timeline.key_dates]
    assert ranked == [
        ("2025-07-19", 3, 1),  # three outlets, published on three days, two of them later
        ("2025-07-03", 1, 2),  # "Wire One" and "wire one " are one source, but both report it later
        ("2025-07-08", 2, 2),  # a time counts for its day; two articles without a source
    ]
    top = timeline.key_dates[0]
    assert top.time.granularity == "day" and top.events == (timeline.events[-1].id,)
    assert top.score > timeline.key_dates[1].score > timeline.key_dates[2].score


def test_key_date_rule_min_sources_and_limit_choose_what_the_page_shows():
    corpus = build(*key_date_corpus())
    rule = KeyDateRule()
    assert [k.time.value for k in shown_key_dates(corpus, rule.min_sources, rule.limit)] == [
        "2025-07-19", "2025-07-08"]
    assert [k.time.value for k in shown_key_dates(corpus, 1, 1)] == ["2025-07-19"]
    assert len(corpus.key_dates) == 3  # the whole ranking stays on the timeline (timeline.json)


def test_key_dates_for_an_actor():
    timeline = build(*key_date_corpus())
    georgia = key_dates_for_actor(timeline, "georgia", 5)
    assert [(k.time.value, k.sources) for k in georgia] == [("2025-07-03", 1), ("2025-07-08", 1)]
    assert key_dates_for_actor(timeline, "georgia", 5, min_sources=2) == ()
    assert len(key_dates_for_actor(timeline, "georgia", 1)) == 1


def one_outlet(slug: str, dct: date, *sentences: tuple) -> ArticleAnalysis:
    return analysis(slug, dct, *sentences, source="The Only Wire")


def test_one_outlet_archive_counts_articles_and_has_key_dates():
    bridge = ("Rebels blew up the Kessel bridge on 2 March.", "2 March", day(2025, 3, 2), "georgia")
    market = ("A market opened in Vesk on 4 March.", "4 March", day(2025, 3, 4), "russia")
    corpus = [one_outlet("a", date(2025, 3, 3), bridge), one_outlet("b", date(2025, 3, 3), bridge),
              one_outlet("c", date(2025, 3, 5), market)]
    timeline = build(*corpus)
    assert [(k.time.value, k.sources) for k in timeline.key_dates] == [("2025-03-02", 2), ("2025-03-04", 1)]
    assert [k.time.value for k in shown_key_dates(timeline, 2, 10)] == ["2025-03-02"]


def test_later_articles_referring_back_raise_a_date():
    # two days with two reports each: the one later articles come back to wins
    siege = ("Troops encircled Oudry on 2 March.", "2 March", day(2025, 3, 2), "georgia")
    fair = ("A trade fair opened in Vesk on 9 March.", "9 March", day(2025, 3, 9), "russia")
    corpus = [one_outlet("a", date(2025, 3, 3), siege), one_outlet("b", date(2025, 3, 10), fair),
              one_outlet("c", date(2025, 3, 10), fair), one_outlet("d", date(2025, 3, 20), siege)]
    ranked = build(*corpus).key_dates
    assert [k.time.value for k in ranked] == ["2025-03-02", "2025-03-09"]


def test_a_burst_beats_the_same_count_in_a_busy_stretch():
    def report(slug: str, d: int, words: str) -> ArticleAnalysis:
        text = f"{words} on {d} May."
        return one_outlet(slug, date(2025, 5, d + 1), (text, f"{d} May", day(2025, 5, d), "georgia"))
    quiet = [report("q1", 20, "Rebels stormed the Oudry prison"), report("q2", 20, "The Oudry prison was stormed by rebels")]
    busy = [report("b1", 5, "A dam was opened at Vesk"), report("b2", 5, "Engineers opened the Vesk dam")]
    busy += [report(f"n{d}", d, f"Officials inspected clinic number {d} in Estor") for d in (3, 4, 6, 7)]
    ranked = [k.time.value for k in build(*quiet, *busy).key_dates]
    assert ranked.index("2025-05-20") < ranked.index("2025-05-05")


def test_coarse_dates_rank_below_days_with_the_same_evidence():
    day_event = ("Georgia closed the border on 3 July.", "3 July", day(2025, 7, 3), "georgia")
    month_event = ("Russia held drills in July.", "July", month(2025, 7), "russia")
    corpus = [analysis("a", date(2025, 8, 1), day_event, source="One"),
              analysis("b", date(2025, 8, 1), month_event, source="Two")]
    assert [k.time.value for k in build(*corpus).key_dates] == ["2025-07-03", "2025-07"]


# ---------------------------------------------------------------- review problems


def test_review_problems_are_listed_and_sorted():
    passed = Problem("content/articles/alpha.md", "title missing", 1, "warning", "front-matter")
    alpha = replace(ceasefire_articles()[0], problems=(passed,))
    undated = analysis("zulu", None,
                       ("Georgia closed its airspace on 2 July 2025.", "2 July 2025", day(2025, 7, 2), "georgia"),
                       ("Talks with Russia resumed on Monday.", "Monday", day(2025, 7, 7), "russia"),
                       unresolved=("on Monday",), mentions=("ghost",))
    ghost = Actor("ghost", "Ghost Brigade", "group", origin="discovered", confidence=0.25)
    timeline = build(alpha, undated, actors=list(ACTORS) + [ghost])
    kinds = [(p.path, p.line, p.kind) for p in timeline.problems]
    assert kinds == [
        ("content/articles/alpha.md", 1, "front-matter"),
        ("content/articles/zulu.md", None, "low-confidence-actor"),
        ("content/articles/zulu.md", None, "no-dateline"),
        ("content/articles/zulu.md", 6, "unresolved-date"),
    ]
    by_kind = {p.kind: p for p in timeline.problems}
    assert "date:" in by_kind["no-dateline"].message
    assert by_kind["no-dateline"].line is None and by_kind["no-dateline"].severity == "warning"
    assert "on Monday" in by_kind["unresolved-date"].message
    assert "Ghost Brigade" in by_kind["low-confidence-actor"].message


def test_vague_references_are_not_unresolved_and_no_dateline_is_not_repeated():
    said = Problem("content/articles/vega.md", "no dateline found", 4, "warning", "no-dateline")
    base = analysis("vega", None, ("Georgia closed its airspace on 2 July 2025 and recently reopened it.",
                                   "2 July 2025", day(2025, 7, 2), "georgia"))
    pos = base.text.text.index("recently")
    vague = TimeExpr(pos, pos + 8, "recently", TimeValue("PAST_REF", "DATE"))
    article = replace(base, timexes=base.timexes + (vague,), problems=(said,))
    assert [(p.kind, p.line) for p in build(article).problems] == [("no-dateline", 4)]


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize("time, label", [
    (day(2025, 7, 19), "19 July 2025"),
    (at(2025, 7, 19, 15, 0), "15:00, 19 July 2025"),
    (week(2025, 29), "week of 14 July 2025"),
    (month(2025, 7), "July 2025"),
    (TimeValue("2025-SU", "DATE", "season", date(2025, 6, 1), date(2025, 8, 31)), "summer 2025"),
    (TimeValue("2025-Q3", "DATE", "quarter", date(2025, 7, 1), date(2025, 9, 30)), "third quarter of 2025"),
    (TimeValue("2025-H1", "DATE", "half", date(2025, 1, 1), date(2025, 6, 30)), "first half of 2025"),
    (year(2025), "2025"),
    (TimeValue("199", "DATE", "decade", date(1990, 1, 1), date(1999, 12, 31)), "the 1990s"),
    (TimeValue("20", "DATE", "century", date(2000, 1, 1), date(2099, 12, 31)), "21st century"),
    (TimeValue("2025-07-19TAF", "TIME", "time", date(2025, 7, 19), date(2025, 7, 19)),
     "afternoon of 19 July 2025"),
    (TimeValue("P40Y", "DURATION"), "P40Y"),
])
def test_date_label_keeps_the_true_precision(time, label):
    assert date_label(time) == label


def helper_timeline():
    extra = [
        analysis("amber", date(2025, 9, 2),
                 ("Armenia and Georgia opened a new rail link in September.", "in September",
                  month(2025, 9), "armenia", "georgia"),
                 ("Armenia expects growth to slow this year.", "this year", year(2025), "armenia"),
                 ("Armenia and Georgia signed a transit accord on 30 June.", "30 June",
                  day(2025, 6, 30), "georgia", "armenia"),
                 ("Armenian pilgrims travelled to Georgia the week of 28 July.", "the week of 28 July",
                  week(2025, 31), "armenia", "georgia")),
    ]
    return build(*ceasefire_articles(), *extra)


def test_actor_helpers():
    timeline = helper_timeline()
    armenia = events_for_actor(timeline, "armenia")
    assert [e.time.value for e in armenia] == ["2025", "2025-06-30", "2025-07-19", "2025-W31", "2025-09"]
    assert co_actors(timeline, "armenia") == [("georgia", 3), ("azerbaijan", 1)]
    assert sources_for_actor(timeline, "azerbaijan") == ["charlie", "bravo", "alpha"]
    assert sources_for_actor(timeline, "georgia") == ["amber"]
    assert events_for_actor(timeline, "nobody") == ()


def test_events_per_month_is_contiguous_with_zeros():
    timeline = helper_timeline()
    assert events_per_month(timeline.events) == [
        ("2025-06", 1), ("2025-07", 2), ("2025-08", 0), ("2025-09", 1)]
    with_coarse = dict(events_per_month(timeline.events, include_coarse=True))
    assert with_coarse["2025-01"] == 1
    assert events_per_month(()) == []


def test_group_by_year_month_puts_year_events_in_a_year_group():
    timeline = helper_timeline()
    groups = group_by_year_month(timeline.events)
    assert [g.year for g in groups] == [2025]
    months = groups[0].months
    assert [(m.key, m.label, len(m.events)) for m in months] == [
        ("2025", "2025", 1), ("2025-06", "June 2025", 1), ("2025-07", "July 2025", 2),
        ("2025-09", "September 2025", 1)]
    assert months[0].month is None and months[0].events[0].time.granularity == "year"
    # the week of 28 July runs into August but is shown under its start month
    assert months[2].events[1].time.value == "2025-W31"
    assert groups[0].events == timeline.events[:1] + timeline.events[1:]


# ---------------------------------------------------------------- scale


def test_twenty_thousand_events_build():
    rng = random.Random(11)
    verbs = ["signed", "shelled", "visited", "blocked", "funded", "opened", "closed", "seized",
             "audited", "praised", "mapped", "rebuilt", "taxed", "flooded", "hosted"]
    things = [f"{a}{b}" for a in ("port", "mine", "dam", "road", "farm", "mill", "bank", "camp")
              for b in ("ford", "vale", "wick", "stead", "holm", "by", "thorpe", "ham")]
    countries = [a.slug for a in ACTORS]
    analyses = []
    start = date(2023, 1, 1)
    for n in range(2000):
        dct = start + timedelta(days=rng.randrange(900))
        sentences = []
        for _ in range(10):
            when = dct - timedelta(days=rng.randrange(30))
            who = rng.choice(countries)
            text = (f"{who.title()} {rng.choice(verbs)} the {rng.choice(things)} "
                    f"{rng.choice(things)} on {when.isoformat()}.")
            sentences.append((text, when.isoformat(), day(when.year, when.month, when.day), who))
        analyses.append(analysis(f"art-{n:05d}", dct, *sentences, source=f"src{n % 40}"))
    timeline = build_timeline(analyses, ACTORS, CONFIG)
    assert sum(len(e.citations) for e in timeline.events) == 20_000
    assert len({e.id for e in timeline.events}) == len(timeline.events)
    starts = [(e.time.start, e.time.precision_rank) for e in timeline.events]
    assert starts == sorted(starts)
    for event in timeline.events:
        assert len(event.articles) == len(event.citations)


# ---------------------------------------------------------------- the editor's evidence
#
# A corpus about one story: Armenia and Azerbaijan are in nearly every sentence (ubiquitous,
# they say nothing about which happening a sentence tells), while a named envoy, a town or
# a militia appear in few (salient).

STORY_ACTORS = ACTORS + (actor("lena-varga"), actor("gyumri"), actor("north-brigade"),
                         actor("defence-ministry"))


def background(n: int = 12) -> ArticleAnalysis:
    """Unrelated sentences, far from the dates under test, naming the ubiquitous actors."""
    topics = ["grain tariffs", "rail freight", "border posts", "water rights", "gas transit",
              "school curricula", "radio licences", "pension reform", "fishing quotas",
              "road tolls", "census results", "museum loans", "airport slots", "bank audits"]
    sentences = [(f"Armenia and Azerbaijan discussed {topic} on {d} March.", f"{d} March",
                  day(2024, 3, d), "armenia", "azerbaijan")
                 for d, topic in zip(range(1, n + 1), topics)]
    return analysis("zz-background", date(2024, 3, 30), *sentences, source="Archive")


def story(*analyses: ArticleAnalysis, **kw):
    return build(background(), *analyses, actors=STORY_ACTORS, **kw)


def cited(timeline, value: str) -> list[list[str]]:
    return [list(e.articles) for e in timeline.events if e.time.value == value]


def test_same_day_tellings_in_other_words_merge_on_a_salient_actor_and_the_happening():
    fled = analysis("ash", date(2025, 3, 8),
                    ("Militia columns took control of the capital on Saturday and Governor Lena "
                     "Varga fled abroad.", "Saturday", day(2025, 3, 8), "lena-varga", "armenia"),
                    source="Wire One")
    fell = analysis("birch", date(2025, 3, 10),
                    ("Lena Varga's administration collapsed on 8 March after a short siege.",
                     "8 March", day(2025, 3, 8), "lena-varga"), source="Daily Two")
    toppled = analysis("cedar", date(2025, 4, 2),
                       ("Since Lena Varga was toppled in March, Armenia has reopened two crossings.",
                        "in March", month(2025, 3), "lena-varga", "armenia"), source="Radio Three")
    timeline = story(fled, fell, toppled)
    assert cited(timeline, "2025-03-08") == [["ash", "birch", "cedar"]]
    assert not timeline.events[-1].conflicts


def test_same_day_different_happenings_sharing_only_a_ubiquitous_actor_stay_apart():
    strike = analysis("dune", date(2025, 6, 4),
                      ("Russian aircraft bombed fuel depots outside Baku on Tuesday, "
                       "Azerbaijan said.", "Tuesday", day(2025, 6, 3), "russia", "azerbaijan"))
    briefing = analysis("elm", date(2025, 6, 4),
                        ("Azerbaijan's defence ministry gave its weekly briefing on 3 June and "
                         "announced new conscription rules.", "3 June", day(2025, 6, 3),
                         "defence-ministry", "azerbaijan"))
    timeline = story(strike, briefing)
    assert sorted(map(sorted, cited(timeline, "2025-06-03"))) == [["dune"], ["elm"]]


def test_different_happenings_of_the_same_month_are_not_pulled_into_a_day_event():
    meeting = analysis("fern", date(2025, 6, 13),
                       ("Lena Varga met Georgian mediators in Tbilisi on 12 June.", "12 June",
                        day(2025, 6, 12), "lena-varga", "georgia"))
    other = analysis("gorse", date(2025, 7, 2),
                     ("Lena Varga was arrested in June after returning from exile.", "in June",
                      month(2025, 6), "lena-varga"))
    summary = analysis("heath", date(2025, 7, 3),
                       ("In June Lena Varga held talks in Tbilisi and then was detained at the "
                        "border.", "In June", month(2025, 6), "lena-varga", "georgia"))
    timeline = story(meeting, other, summary)
    assert cited(timeline, "2025-06-12") == [["fern"]]
    assert sorted(map(sorted, cited(timeline, "2025-06"))) == [["gorse"], ["heath"]]


def test_a_year_level_mention_is_never_pinned_to_a_day_on_one_word():
    truce = analysis("iris", date(2025, 7, 20),
                     ("Lena Varga announced a ceasefire on 19 July.", "19 July", day(2025, 7, 19),
                      "lena-varga"))
    promise = analysis("juniper", date(2025, 3, 11),
                       ("The charter promises a ceasefire across the region by the end of the "
                        "year.", "the end of the year", year(2025), "lena-varga"))
    timeline = story(truce, promise)
    assert cited(timeline, "2025-07-19") == [["iris"]]
    assert cited(timeline, "2025") == [["juniper"]]


def test_the_same_outbreak_told_on_two_near_days_is_one_event_with_a_conflict():
    first = analysis("kelp", date(2025, 4, 6),
                     ("Street fighting between the North Brigade and farmers' militias erupted in "
                      "Gyumri on 4 April over a blocked irrigation canal.", "4 April",
                      day(2025, 4, 4), "north-brigade", "gyumri", "armenia"), source="Wire One")
    second = analysis("larch", date(2025, 4, 9),
                      ("Clashes between North Brigade gunmen and farmers' militias broke out in "
                       "Gyumri on April 5 and spread along the canal.", "April 5",
                       day(2025, 4, 5), "north-brigade", "gyumri"), source="Daily Two")
    third = analysis("moss", date(2025, 4, 10),
                     ("The violence began on 4 April when militias seized the canal sluices.",
                      "4 April", day(2025, 4, 4), "gyumri", "armenia"), source="Radio Three")
    timeline = story(first, second, third)
    events = [e for e in timeline.events if e.time.start.year == 2025]
    assert len(events) == 1
    event = events[0]
    assert event.time == day(2025, 4, 4)  # two sources against one
    assert event.conflicts == (day(2025, 4, 5),)
    assert sorted(event.articles) == ["kelp", "larch", "moss"]
    problems = [p for p in timeline.problems if p.kind == "conflict"]
    assert len(problems) == 1 and "5 April 2025" in problems[0].message


def test_near_days_with_different_happenings_are_no_conflict():
    outbreak = analysis("nettle", date(2025, 4, 6),
                        ("Fighting between the North Brigade and farmers' militias erupted in "
                         "Gyumri on 4 April.", "4 April", day(2025, 4, 4), "north-brigade", "gyumri"))
    truce = analysis("oak", date(2025, 4, 9),
                     ("The North Brigade and farmers' militias agreed a truce in Gyumri on April 6.",
                      "April 6", day(2025, 4, 6), "north-brigade", "gyumri"))
    timeline = story(outbreak, truce)
    assert cited(timeline, "2025-04-04") == [["nettle"]]
    assert cited(timeline, "2025-04-06") == [["oak"]]
    assert not any(p.kind == "conflict" for p in timeline.problems)


def summit_articles() -> list[ArticleAnalysis]:
    return [
        analysis("pine", date(2025, 5, 24),
                 ("Lena Varga received the Georgian president at her residence in Batumi on "
                  "Saturday for talks.", "Saturday", day(2025, 5, 24), "lena-varga", "georgia")),
        analysis("quince", date(2025, 5, 29),
                 ("Armenia's defence ministry said on Thursday that advisers keep working, "
                  "after the meeting of Lena Varga and the Georgian president in Batumi on May 24.",
                  "on Thursday", day(2025, 5, 29), "defence-ministry", "lena-varga", "georgia")),
    ]


def with_second_date(analysis_: ArticleAnalysis, phrase: str, time: TimeValue) -> ArticleAnalysis:
    """The analysis with one more (non-dating) expression in its first sentence."""
    pos = analysis_.text.text.index(phrase)
    extra = TimeExpr(pos, pos + len(phrase), phrase, time)
    return replace(analysis_, timexes=tuple(sorted(analysis_.timexes + (extra,), key=lambda t: t.start)))


def test_a_sentences_other_date_cites_it_in_the_happening_others_tell_on_that_date():
    pine, quince = summit_articles()
    quince = with_second_date(quince, "May 24", day(2025, 5, 24))
    timeline = story(pine, quince)
    assert cited(timeline, "2025-05-24") == [["pine", "quince"]]
    assert cited(timeline, "2025-05-29") == [["quince"]]  # its own date is kept too
    summit = next(e for e in timeline.events if e.time.value == "2025-05-24")
    assert [c.timex.text for c in summit.citations] == ["Saturday", "May 24"]
    assert summit.text.startswith("Lena Varga received")  # the headline is a dating sentence
    assert not summit.conflicts and not any(p.kind == "conflict" for p in timeline.problems)
    assert timeline.extra["source_events"] == 2 + len(background().events)


def test_an_other_date_alone_makes_no_event_and_merging_off_ignores_it():
    _, quince = summit_articles()
    quince = with_second_date(quince, "May 24", day(2025, 5, 24))
    assert cited(story(quince), "2025-05-24") == []
    pine, _ = summit_articles()
    off = story(pine, quince, config=replace(CONFIG, merge_events=False))
    assert cited(off, "2025-05-24") == [["pine"]]


def test_other_settings_switch_secondary_dates_off():
    pine, quince = summit_articles()
    quince = with_second_date(quince, "May 24", day(2025, 5, 24))
    timeline = story(pine, quince, settings=MergeSettings(secondary_dates=False))
    assert cited(timeline, "2025-05-24") == [["pine"]]


# Time windows (chronology/windows.py) -----------------------------------------------------

def test_a_conflict_across_a_month_end_is_still_one_event():
    """31 July and 1 August lie in two merge windows; the halo joins their tellings."""
    first = analysis("quince", date(2025, 8, 2),
                     ("Street fighting between the North Brigade and farmers' militias erupted in "
                      "Gyumri on 31 July over a blocked irrigation canal.", "31 July",
                      day(2025, 7, 31), "north-brigade", "gyumri", "armenia"), source="Wire One")
    second = analysis("rowan", date(2025, 8, 3),
                      ("Clashes between North Brigade gunmen and farmers' militias broke out in "
                       "Gyumri on August 1 over the blocked irrigation canal.", "August 1",
                       day(2025, 8, 1), "north-brigade", "gyumri"), source="Daily Two")
    timeline = story(first, second)
    events = [e for e in timeline.events if e.time.start.year == 2025]
    assert len(events) == 1
    assert sorted(events[0].articles) == ["quince", "rowan"]
    assert events[0].conflicts


def test_an_edit_in_one_month_leaves_other_months_clusters_alone():
    """Rarity is counted per window: a month full of new reports on one happening does not
    change how a quiet month's two tellings are weighed."""
    from generator.chronology import ChronologyMemo

    quiet = ceasefire_articles()
    memo = ChronologyMemo()
    before = build(*quiet, memo=memo)
    busy = [analysis(f"extra-{n}", date(2025, 9, 3),
                     (f"Armenia and Azerbaijan signed grain protocol number {n} on 2 September.",
                      "2 September", day(2025, 9, 2), "armenia", "azerbaijan"), source=f"Desk {n}")
            for n in range(30)]
    july_windows = {key for key in memo.windows if key[1] == ("m", 2025 * 12 + 6)}
    after = build(*quiet, *busy, memo=memo)
    assert july_windows and july_windows <= set(memo.windows)  # the July window was reused
    july = [e for e in after.events if e.time.start.month == 7]
    assert [e.articles for e in july] == [e.articles for e in before.events if e.time.start.month == 7]
    assert build(*quiet, *busy) == after  # and equals a chronology made from nothing


def test_merge_items_kept_by_the_build_cache_equal_those_made_afresh():
    """An article's merge items go into the cache as plain data and come back equal: the
    same events of the same analysis, the same words, the same content keys."""
    from generator.chronology.items import article_items, decode, encode, item_key
    from generator.chronology.keydates import source_keys

    articles = ceasefire_articles()
    settings = MergeSettings()
    for one in articles:
        source = source_keys([one])[one.article.slug]
        made = article_items(one, source, {}, settings, "en", {})
        stored = encode(one, made)
        assert stored is not None and made[0]
        back = decode(one, source, stored, settings)
        assert back is not None
        for fresh, again in zip(made[0] + made[1], back[0] + back[1]):
            assert again == fresh and again.key == fresh.key and again.terms == fresh.terms
            assert again.event is fresh.event or again.secondary  # primary items share the analysis' events
    assert decode(articles[0], "x", ("not", "items"), settings) is None  # malformed: a miss, not an error
    assert item_key(articles[0], ("a",), settings) != item_key(articles[0], ("b",), settings)


def test_merge_item_keys_are_the_same_in_every_process():
    """The cache key of an article's items holds actor words (sets): written sorted, it does
    not follow the per-process string hash."""
    import subprocess
    import sys

    code = ("from generator.chronology.items import item_key; from generator.chronology import MergeSettings;"
            "from tests.unit.test_chronology import ceasefire_articles;"
            "print(item_key(ceasefire_articles()[0], ('src', 'en', (('a', frozenset('qwertyuiop')),)), MergeSettings()))")
    root = Path(__file__).resolve().parents[2]
    keys = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(keys) == 1 and keys != {""}
