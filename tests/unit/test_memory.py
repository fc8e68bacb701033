"""What keeps a build's memory small does not change what it makes: offsets kept as runs,
exports written in pieces, a chronology that keeps nothing for a next run, shared word sets."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import chronology
from generator.build import BuildOptions, _analyses, assemble, load_site
from generator.chronology.merge import MergeSettings
from generator.chronology.items import raw_items
from generator.distributed import DaskSession
from generator.config import SiteConfig
from generator.export import timeline_document, timelinejs_document
from generator.export.common import EventCache, dump_json
from generator.export.timeline_json import timeline_json_chunks
from generator.export.timelinejs import timelinejs_chunks
from generator.model import (Actor, Article, ArticleAnalysis, Dateline, Event, OffsetMap, PlainText,
                             Sentence, TimeExpr, Timeline, TimelineEvent, TimeValue)
from generator.text import plain_text

# ---------------------------------------------------------------- offsets as runs

MARKDOWN = "Talks [in Ankara](https://x.org) &amp; *more* here.\n\nSecond line."


def expected_offsets(md: str) -> list[int]:
    """Each plain character's place in MARKDOWN, worked out from the Markdown by hand."""
    link_end = md.index(") ") + 1
    entity = md.index("&amp;")
    more = md.index("more")
    second = md.index("Second")
    return (list(range(0, 6))                       # "Talks "
            + list(range(7, 16))                    # "in Ankara" (the link's label)
            + [link_end]                            # " "
            + [entity]                              # "&", replacing "&amp;"
            + [entity + 5]                          # " "
            + list(range(more, more + 4))           # "more" without its stars
            + list(range(more + 5, more + 11))      # " here."
            + [second - 1, second - 1]              # the paragraph break
            + list(range(second, len(md)))          # "Second line."
            + [len(md)])                            # the end


def test_offsets_are_runs_that_read_as_every_character():
    plain = plain_text(MARKDOWN)
    assert plain.text == "Talks in Ankara & more here.\n\nSecond line."
    index = plain.source_index
    expected = expected_offsets(MARKDOWN)
    assert isinstance(index, OffsetMap) and len(index) == len(plain.text) + 1 == len(expected)
    assert list(index) == expected
    assert [index[k] for k in range(len(expected))] == expected
    assert index[-1] == len(MARKDOWN) and index[-len(expected)] == 0
    with pytest.raises(IndexError):
        index[len(expected)]
    # one run per stretch of copied text or replacement, not one int per character
    assert len(index.starts) == 9
    # compares by value, with runs and with any sequence of the same offsets
    assert plain == plain_text(MARKDOWN) == PlainText(plain.text, tuple(expected))
    assert plain != PlainText(plain.text, tuple(expected[:-1]) + (len(MARKDOWN) + 1,))


def test_a_long_article_keeps_a_few_bytes_a_run_not_four_a_character():
    paragraphs = [f"Paragraph {n} says that talks in Ankara went on for a {n}th day, officials said."
                  for n in range(300)]
    plain = plain_text("\n\n".join(paragraphs))
    index = plain.source_index
    held = sum(a.buffer_info()[1] * a.itemsize for a in (index.starts, index.sources, index.steps))
    assert len(plain.text) > 20_000
    assert len(index.starts) <= 2 * len(paragraphs)  # a text run and a break a paragraph
    assert held * 10 < 4 * len(plain.text)


# ---------------------------------------------------------------- exports in pieces

TEXT = st.text(min_size=0, max_size=60)


def timeline_of(sentences: list[str], title: str) -> Timeline:
    events, citations = [], []
    for n, sentence in enumerate(sentences):
        when = date(2025, 7, 1 + n % 28)
        value = TimeValue(when.isoformat(), "DATE", "day", when, when)
        citation = Event(f"a-{n + 1}", "a", Sentence(0, len(sentence), sentence, 0),
                         TimeExpr(0, min(3, len(sentence)), sentence[:3], value), ("x",) if n % 2 else ())
        citations.append(citation)
        events.append(TimelineEvent(f"e-{n}", value, sentence, citation.actors, (citation,)))
    article = Article("content/articles/a.md", "a", title, "", 1, date(2025, 7, 23), title, None)
    analysis = ArticleAnalysis(article, Dateline(date(2025, 7, 23), "front matter"),
                               PlainText("", (0,)), (), (), (), tuple(citations))
    return Timeline(tuple(events), (Actor("x", title or "X", "person"),), (analysis,))


@settings(max_examples=40, deadline=None)
@given(sentences=st.lists(TEXT, max_size=4), title=TEXT)
@example(sentences=["Talks </script> resumed\u2028today", "", "line\nbreak \"quoted\" \\ back"],
         title="Wire & <Co> \u2029")
@example(sentences=[], title="")
def test_exports_written_in_pieces_are_the_whole_documents_bytes(sentences, title):
    timeline = timeline_of(sentences, title)
    config = SiteConfig(title=title or "T", base_url="https://example.org/")
    whole = dump_json(timeline_document(timeline, config)).encode("utf-8")
    pieces = list(timeline_json_chunks(timeline, config))
    assert b"".join(pieces) == whole
    assert len(pieces) > len(sentences)  # an event at a time, never the document at once
    json.loads(whole)
    actor = timeline.actors[0]
    for who in (None, actor):
        expected = dump_json(timelinejs_document(timeline, config, who, EventCache())).encode("utf-8")
        assert b"".join(timelinejs_chunks(timeline, config, who, EventCache())) == expected


def test_slides_are_kept_only_for_events_an_actor_file_shows_again():
    timeline = timeline_of(["Talks on July 1.", "Strikes on July 2.", "Talks again on July 3."], "T")
    cache = EventCache()
    config = SiteConfig(title="T")
    b"".join(timelinejs_chunks(timeline, config, cache=cache))
    assert set(cache.slides) == {e.id for e in timeline.events if e.actors} == {"e-1"}
    json.loads(cache.slides["e-1"])  # an encoded array item: valid JSON on its own


# ---------------------------------------------------------------- chronology of one run

ARTICLES = {
    "a1": ("2025-07-14", "Reuters", "ANKARA, July 14 (Reuters) - Turkey and Syria signed a water "
           "agreement in Ankara on Monday, officials said.\n\nTalks on the dam resume on July 20."),
    "a2": ("2025-07-15", "AFP", "Turkey and Syria signed a water agreement on July 14 in Ankara, "
           "the ministry said.\n\nThe two sides will meet again on July 20 to discuss the dam."),
    "a3": ("2025-08-02", "AP", "Syria said on August 1 that the dam talks had stalled.\n\n"
           "Turkey did not comment on Friday."),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "content" / "articles").mkdir(parents=True)
    for slug, (day, source, body) in ARTICLES.items():
        (root / "content" / "articles" / f"{slug}.md").write_text(
            f"---\ntitle: {slug}\ndate: {day}\nsource: {source}\n---\n{body}\n", encoding="utf-8")
    (root / "site.yaml").write_text("title: Memory\n", encoding="utf-8")
    return root


def chronology_of(root: Path, memo: chronology.ChronologyMemo) -> Timeline:
    options = BuildOptions(root, use_cache=False)
    loaded = load_site(options)
    analyses, _ = _analyses(loaded, options, {}, None, None, DaskSession(None))
    return assemble(loaded, analyses, memo)


def test_a_chronology_of_one_run_keeps_only_the_windows_clusters(site):
    kept, once = chronology.ChronologyMemo(), chronology.ChronologyMemo.one_run()
    timeline = chronology_of(site, kept)
    assert chronology_of(site, once) == timeline and timeline.extra == chronology_of(site, once).extra
    assert any(len(e.citations) > 1 for e in timeline.events)  # something was merged
    # what a next run would reuse: all of it for serve, only the clusters for a build
    assert kept.windows and all(r.events for r in kept.windows.values())
    assert kept.articles.earlier and kept.merge and kept.order and kept.slugged.earlier
    assert once.windows.keys() == kept.windows.keys()
    assert [r.clusters for r in once.windows.values()] == [r.clusters for r in kept.windows.values()]
    assert all(r.events is None for r in once.windows.values())
    assert not (once.articles.earlier or once.merge or once.order or once.slugged.earlier)


def test_merge_items_share_one_object_per_distinct_word_set(site):
    options = BuildOptions(site, use_cache=False)
    loaded = load_site(options)
    analyses, _ = _analyses(loaded, options, {}, None, None, DaskSession(None))
    articles = chronology.sort_articles(analyses)
    items = raw_items(articles, {a.article.slug: a.article.slug for a in articles}, {}, MergeSettings(), "en")
    assert len(items) >= 6
    for field in ("named", "happenings", "near"):
        values = [getattr(i, field) for i in items]
        assert len({id(v) for v in values}) == len(set(values)), field
    assert len({i.named for i in items}) < len(items)  # shared, not merely equal
    assert all(isinstance(i.key, bytes) and len(i.key) == 16 for i in items)
    assert len({i.key for i in items}) == len(items)


# ---------------------------------------------------------------- the timeline's cached values

def test_an_event_s_articles_and_places_are_made_once_and_follow_its_citations():
    when = date(2025, 7, 14)
    value = TimeValue(when.isoformat(), "DATE", "day", when, when)

    def cite(article: str, places: tuple[str, ...]) -> Event:
        return Event(f"{article}-1", article, Sentence(0, 5, "Talks", 0), TimeExpr(0, 5, "Talks", value),
                     ("turkey",), False, places)

    event = TimelineEvent("e", value, "Talks", ("turkey",), (cite("a", ("ankara", "turkey")), cite("b", ("syria",)),
                                                               cite("a", ("ankara",))))
    assert event.articles == ("a", "b") and event.places == ("ankara", "syria")
    assert event.articles is event.articles and event.places is event.places
    other = replace(event, citations=(cite("c", ()),))
    assert other.articles == ("c",) and other.places == ()
    assert event == replace(event) and hash(event) == hash(replace(event))
    assert "_articles" not in repr(event)
