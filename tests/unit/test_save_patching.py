"""What a save patches instead of making again (annals serve): the events that came and
went (chronology/changes.py) and the lists made from them (the paging's scopes and years,
the page records, the pages' inputs, the key dates' dates), the merge's own items per
window, the article listing the watcher vouches for, the cache checked once. Each patched
result must equal the one made from nothing; where a patch cannot be trusted, the full
work is done."""

from __future__ import annotations

import os
import pickle
import random
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_render_paging import CONFIG, MONTHS, day_value, make_big_timeline  # noqa: E402

from generator.cache import BuildCache, CacheChecks, settings_fingerprint  # noqa: E402
from generator.chronology import ChronologyMemo  # noqa: E402
from generator.chronology.changes import EventChanges  # noqa: E402
from generator.chronology.items import ItemChanges  # noqa: E402
from generator.chronology.keydates import KeyDateMemo, rank_key_dates  # noqa: E402
from generator.chronology.segments import own_items, patched_own  # noqa: E402
from generator.content import SeenFiles, load_articles  # noqa: E402
from generator.incremental import ParsedArticles  # noqa: E402
from generator.media import Media  # noqa: E402
from generator.model import Article  # noqa: E402
from generator.render.inputs import InputsMemo, page_inputs  # noqa: E402
from generator.render.pages import RecordMemo, page_records  # noqa: E402
from generator.render.paging import Paging  # noqa: E402
from tests.unit.test_save_reuse import archive  # noqa: E402
from tests.unit.test_chronology import analysis, build, day  # noqa: E402


class Thing:
    """An object known only by its identity, as events are to EventChanges."""


def edited(before: tuple, rng: random.Random) -> tuple:
    """``before`` with some objects taken out and new ones put in, the others in order."""
    now = [x for x in before if rng.random() > 0.05]
    for _ in range(rng.randint(0, 8)):
        now.insert(rng.randint(0, len(now)), Thing())
    return tuple(now)


def test_event_changes_patch_any_ordered_part_of_the_last_list():
    rng = random.Random(3)
    before = tuple(Thing() for _ in range(300))
    for _ in range(20):
        now = edited(before, rng)
        changes = EventChanges(before, now)
        assert set(map(id, changes.gone)) == set(map(id, before)) - set(map(id, now))
        assert changes.added == [x for x in now if all(x is not y for y in before)]
        part = set(map(id, rng.sample(before, 120) + rng.sample(now, 40)))
        earlier = tuple(x for x in before if id(x) in part)
        mine = [x for x in changes.added if id(x) in part]
        assert changes.patch(earlier, mine) == tuple(x for x in now if id(x) in part)
        known = EventChanges(before, now, (changes.gone, list(reversed(changes.added))))
        assert known.added == changes.added and known.between(before, now) and not known.between(now, before)
        before = now


def moved_timeline(timeline, rng: random.Random):
    """The timeline with a tenth of its events replaced by new objects: some equal, some on
    another day (some into a year it had not: 2022), the list in timeline order again."""
    events = list(timeline.events)
    for at in rng.sample(range(len(events)), len(events) // 10):
        event = events[at]
        if rng.random() < 0.3:
            events[at] = replace(event)  # equal, but another object: pages compare by identity first
        else:
            shift = rng.choice([-400, -40, -3, 5, 31, 200])
            start = event.time.start + timedelta(days=shift) if event.time.granularity == "day" else event.time.start
            events[at] = replace(event, time=day_value(start)) if event.time.granularity == "day" else event
    events.sort(key=lambda e: (e.time.start, e.time.precision_rank, e.id))
    return replace(timeline, events=tuple(events[:-7]))  # and some gone


def test_paging_records_and_inputs_patched_equal_those_made_from_nothing():
    rng = random.Random(11)
    timeline = make_big_timeline()
    paging, records_memo, inputs_memo = Paging(timeline, CONFIG), RecordMemo(), InputsMemo()
    records = page_records(timeline, paging, True, records_memo)
    page_inputs(timeline, paging, records, Media(), inputs_memo)
    changes = None
    for turn in range(4):
        before, timeline = timeline, moved_timeline(timeline, rng)
        # as the chronology passes them on (from the second turn, with the last timeline's
        # places: went_from bisects), or found by the paging itself
        changes = EventChanges(before.events, timeline.events, previous=changes) if turn else None
        paging = Paging(timeline, CONFIG, paging, changes)
        fresh = Paging(timeline, CONFIG)
        assert paging.changes is not None and not paging.changes.none
        assert (paging.changes.went_from(before.events) is not None) == (turn > 1)
        for scope in [None, *(a.slug for a in timeline.actors)]:
            assert paging.events(scope) == fresh.events(scope)
            assert paging.years(scope) == fresh.years(scope)
            for key in fresh.years(scope):
                assert paging.year_own(key, scope) == fresh.year_own(key, scope)
                assert paging.months(key, scope) == fresh.months(key, scope)
        records = page_records(timeline, paging, True, records_memo)
        assert records == page_records(timeline, fresh, True)
        inputs = page_inputs(timeline, paging, records, Media(), inputs_memo)
        clean = page_inputs(timeline, fresh, records, Media())
        assert inputs.pages == clean.pages and inputs.shared == clean.shared
        assert {k: v for k, v in inputs.citing.items() if v} == clean.citing


def test_key_dates_patched_with_the_events_that_came_and_went_rank_as_from_nothing():
    rng = random.Random(5)
    timeline = make_big_timeline()
    sources = {a.article.slug: a.article.source for a in timeline.articles}
    memo = KeyDateMemo()
    rank_key_dates(timeline.events, sources, 1, 100, memo=memo)
    for _ in range(3):
        before = timeline.events
        timeline = moved_timeline(timeline, rng)
        changes = EventChanges(before, timeline.events)
        assert rank_key_dates(timeline.events, sources, 1, 100, memo=memo, changes=changes) == \
            rank_key_dates(timeline.events, sources, 1, 100)
    # changes of other lists are not trusted: the ranking finds its own
    wrong = EventChanges(timeline.events[:10], timeline.events[:12])
    moved = moved_timeline(timeline, rng)
    assert rank_key_dates(moved.events, sources, 1, 100, memo=memo, changes=wrong) == \
        rank_key_dates(moved.events, sources, 1, 100)


QUIET = [("bakery", "opened"), ("bridge", "closed"), ("library", "flooded"), ("stadium", "sold"),
         ("orchard", "burned"), ("ferry", "sank"), ("museum", "reopened"), ("tunnel", "collapsed"),
         ("market", "moved"), ("school", "expanded"), ("clinic", "merged"), ("airport", "paused"),
         ("theatre", "toured"), ("factory", "hired"), ("railway", "electrified"), ("harbour", "dredged")]


def quiet_news() -> list:
    """One unrelated happening a month, each its own event."""
    return [analysis(f"quiet-{n}", date(2024, n % 12 + 1, 20),
                     (f"The {thing} of Kutaisi {verb} on 3 {MONTHS[n % 12]} {2024 - n // 12}.",
                      f"3 {MONTHS[n % 12]} {2024 - n // 12}", day(2024 - n // 12, n % 12 + 1, 3)),
                     source=f"Desk {n}") for n, (thing, verb) in enumerate(QUIET)]


def test_a_chronology_passes_on_the_changes_its_draft_order_made():
    memo = ChronologyMemo()
    articles = archive(("Wire", "Post", "Post")) + quiet_news()
    first = build(*articles, memo=memo)
    assert memo.changes is None  # nothing to compare with yet
    articles[2] = archive(("Wire", "Post", "Herald"))[2]  # one article analysed again, the others kept
    again = build(*articles, memo=memo)
    assert again == build(*articles)
    assert memo.changes is not None and memo.changes.between(first.events, again.events)
    fresh = EventChanges(first.events, again.events)
    assert set(map(id, memo.changes.gone)) == set(map(id, fresh.gone)) and memo.changes.added == fresh.added


def test_own_items_patched_from_changes_that_do_not_add_up_are_made_again():
    memo = ChronologyMemo()
    build(*archive(("Wire", "Post", "Post")), memo=memo)
    last = memo.merge
    items = sorted((i for found in last.own.values() for i in found), key=lambda i: (i.secondary, i.order, i.rank))
    own, moved = patched_own(last, ItemChanges(), items)
    assert moved == set() and own == last.own
    # an item said gone that the last merge never had, with counts that add up: listed again
    other = ChronologyMemo()
    build(*archive(("Wire", "Post", "Herald")), memo=other)
    foreign = next(i for found in other.merge.own.values() for i in found)
    wrong = ItemChanges(gone=[foreign], added=[items[0]])
    own, moved = patched_own(last, wrong, items)
    assert moved is None and own == own_items(items)
    # a memo emptied meanwhile: every item looks new, the counts do not add up
    own, moved = patched_own(last, ItemChanges(added=list(items)), items)
    assert moved is None and own == own_items(items)


def article_site(root: Path, count: int) -> list[Path]:
    folder = root / "content" / "articles"
    folder.mkdir(parents=True)
    paths = []
    for n in range(count):
        path = folder / f"report-{n}.md"
        path.write_text(f"---\ntitle: Report {n}\ndate: 2025-07-{n + 1:02d}\n---\n\nTalks went on in round {n}.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def titles(loaded) -> dict[str, str]:
    return {a.slug: a.title for a in loaded.articles}


def test_a_load_told_which_files_changed_looks_at_those_only(tmp_path: Path):
    paths = article_site(tmp_path, 4)
    parsed = ParsedArticles()  # as annals serve keeps them
    seen = parsed.files
    assert isinstance(seen, SeenFiles)
    assert len(load_articles(tmp_path, memo=parsed, seen=seen).articles) == 4
    for path, title in ((paths[0], "Zero again"), (paths[1], "One again")):
        path.write_text(path.read_text(encoding="utf-8").replace(path.stem.replace("report-", "Report "), title),
                        encoding="utf-8")
    seen.changed = frozenset({str(paths[0])})
    told = titles(load_articles(tmp_path, memo=parsed, seen=seen))
    assert told["report-0"] == "Zero again"
    assert told["report-1"] == "Report 1"  # not named: the watcher vouched it was as it was
    assert seen.changed is None  # a hint holds for one load
    assert titles(load_articles(tmp_path, memo=parsed, seen=seen))["report-1"] == "One again"


def test_a_hint_naming_a_new_or_deleted_file_lists_the_folder_again(tmp_path: Path):
    paths = article_site(tmp_path, 3)
    seen = SeenFiles()
    load_articles(tmp_path, seen=seen)
    new = paths[0].with_name("report-new.md")
    new.write_text("---\ntitle: New report\ndate: 2025-08-01\n---\n\nMore talks.\n", encoding="utf-8")
    seen.changed = frozenset({str(new)})
    assert "report-new" in titles(load_articles(tmp_path, seen=seen))
    paths[1].unlink()
    seen.changed = frozenset({str(paths[1])})
    assert "report-1" not in titles(load_articles(tmp_path, seen=seen))


def test_the_cache_is_checked_once_per_file_and_again_when_replaced(tmp_path: Path):
    checks = CacheChecks()
    BuildCache.open(tmp_path, "print", checks).close()
    path = str(tmp_path / ".annals-cache" / "cache.sqlite")
    assert path in checks.sound
    first = checks.sound[path]
    BuildCache.open(tmp_path, "print", checks).close()
    assert checks.sound[path] == first
    replaced = Path(path + ".new")
    replaced.write_bytes(b"this is no database" * 100)
    replaced.replace(path)  # another file: checked again, found damaged, made afresh
    with BuildCache.open(tmp_path, "print", checks) as cache:
        cache.put_many("articles", {"k": 1})
        assert cache.get_many("articles", ["k"]) == {"k": 1}
    made = os.stat(path)
    assert checks.sound[path] == (made.st_dev, made.st_ino)
    assert checks.code is None  # the code's fingerprint is worked out by settings_fingerprint
    assert settings_fingerprint("en", checks=checks) == settings_fingerprint("en")
    assert checks.code is not None


def test_an_article_keeps_its_hash_but_never_pickles_it():
    article = Article(path="content/articles/a.md", slug="a", title="A", body="Talks.", body_line=1,
                      date=date(2025, 7, 1))
    twin = replace(article)
    assert hash(article) == hash(twin) and article == twin
    assert article._hash is not None
    copy = pickle.loads(pickle.dumps(article))
    assert copy._hash is None and copy == article and hash(copy) == hash(article)
    assert hash(replace(article, title="B")) != hash(article) or replace(article, title="B") != article
    assert {article: 1}[twin] == 1
