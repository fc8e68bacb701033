"""The merge windows' mappers (here, worker processes) and the window memo read in one go:
whichever clusters the windows, the merge is the same; a window the memo has is never
clustered again; the build cache answers a chronology's windows in one query per 500."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from sitekit import write_bench_site  # noqa: E402

from generator import build as pipeline  # noqa: E402
from generator.cache import BuildCache, WindowTable  # noqa: E402
from generator.chronology import sort_articles  # noqa: E402
from generator.chronology.keydates import source_keys  # noqa: E402
from generator.chronology.merge import MergeSettings  # noqa: E402
from generator.chronology.items import RawItem, raw_items, with_key  # noqa: E402
from generator.chronology.windows import (MergeReport, WindowResult, WindowTask, balanced_chunks,  # noqa: E402
                                          map_here, merge_windows)
from generator.distributed import DaskSession  # noqa: E402
from generator.workers import PoolMapper  # noqa: E402

SETTINGS = MergeSettings()


@pytest.fixture(scope="module")
def items(tmp_path_factory) -> list[RawItem]:
    """The merge items of 60 articles of the benchmark's generated news."""
    site = write_bench_site(tmp_path_factory.mktemp("mapping") / "site", 60)
    options = pipeline.BuildOptions(site, use_cache=False, jobs=1)
    loaded = pipeline.load_site(options)
    analyses, _ = pipeline._analyses(loaded, options, {}, None, None, DaskSession(None))
    articles = sort_articles(analyses)
    return raw_items(articles, source_keys(articles), {}, SETTINGS, "en")


def test_runs_of_windows_hold_about_the_same_number_of_items(items):
    item = items[0]
    tasks = [WindowTask(("m", k), (item,) * n, SETTINGS) for k, n in enumerate([5, 1, 1, 1, 5, 1])]
    # 14 items in 3 runs: about 5 each, a run closing once it holds 5
    assert balanced_chunks(tasks, 3) == [[0], [1, 2, 3, 4], [5]]
    assert balanced_chunks(tasks, 1) == [[0, 1, 2, 3, 4, 5]]
    assert balanced_chunks(tasks, 100) == [[0], [1], [2], [3], [4], [5]]
    assert balanced_chunks([], 4) == []


def test_worker_processes_give_the_merge_made_here(items):
    here, pool = MergeReport(), MergeReport()
    serial = merge_windows(items, SETTINGS, report=here)
    forked = merge_windows(items, SETTINGS, mapper=PoolMapper(2, min_items=0), report=pool)
    assert here.windows > 20 and here.clustered == {"here": here.windows}
    assert pool.clustered == {"pool": here.windows}
    assert forked.clusters == serial.clusters
    weighed = [forked.events[id(i)] for i in items]
    assert weighed == [serial.events[id(i)] for i in items]
    # the events are weighed here, from the build's own items
    assert all(a.event is i.event for a, i in zip(weighed, items))


def test_a_builds_merge_through_workers_drafts_the_events_made_here(items):
    """A build's merge (kept=False) weighs the windows the workers clustered only where a
    draft needs their weights (an event told more than once), never all of them beside the
    workers: its events are those of a merge made here."""
    from generator.chronology import draft_event

    def drafts(merged) -> list:
        return sorted(draft_event(events, SETTINGS) for component in merged.made
                      for events, _ in component.clusters)

    serial = merge_windows(items, SETTINGS, kept=False)
    forked = merge_windows(items, SETTINGS, mapper=PoolMapper(2, min_items=0), kept=False)
    assert any(len(events) > 1 for c in serial.made for events, _ in c.clusters)  # some merged
    assert drafts(forked) == drafts(serial)


def test_few_items_stay_in_this_process(items):
    report = MergeReport()
    merge_windows(items, SETTINGS, mapper=PoolMapper(2, min_items=len(items) * 10), report=report)
    assert report.clustered == {"here": report.windows}
    report = MergeReport()
    merge_windows(items, SETTINGS, mapper=PoolMapper(1, min_items=0), report=report)
    assert report.clustered == {"here": report.windows}


def test_a_window_in_the_memo_is_never_sent(items):
    kept: dict = {}
    merge_windows(items, SETTINGS, keep=kept, mapper=PoolMapper(2, min_items=0))
    sent: list[WindowTask] = []

    def recording(tasks, meanwhile):  # clusters here, and remembers what it was given
        sent.extend(tasks)
        return map_here(tasks, meanwhile)

    # one event's words changed: only the windows holding it (its month, a neighbour's halo) change
    moved = 5
    changed = list(items)
    changed[moved] = with_key(replace(items[moved], terms={**items[moved].terms, "zeppelin": 1.0}), SETTINGS)
    report = MergeReport()
    again = merge_windows(changed, SETTINGS, memo=kept, mapper=recording, report=report)
    assert 1 <= len(sent) <= 3 and report.reused == report.windows - len(sent)
    assert all(changed[moved] in task.items for task in sent)
    assert again.clusters == merge_windows(changed, SETTINGS).clusters


def test_a_second_merge_gives_back_the_very_same_events(items):
    """What a pool's merge keeps holds this run's objects, so the next run (annals serve)
    finds them by identity (the drafts' memo) instead of making them again."""
    kept: dict = {}
    first = merge_windows(items, SETTINGS, keep=kept, mapper=PoolMapper(2, min_items=0))
    second = merge_windows(items, SETTINGS, memo=kept, keep={})
    assert all(first.events[id(i)] is second.events[id(i)] for i in items)


def test_the_cache_reads_a_chronology_s_windows_in_one_query_per_500(tmp_path: Path):
    store = BuildCache.open(tmp_path, "fingerprint")
    try:
        keys = [(SETTINGS, ("m", n), ((True, ("article", n)),)) for n in range(600)]
        WindowTable(store).store({k: WindowResult(((0,), (n % 3, 7)), None) for n, k in enumerate(keys)})
        selects: list[str] = []
        assert store.connection is not None
        store.connection.set_trace_callback(lambda sql: selects.append(sql) if "FROM windows" in sql else None)
        unknown = [(SETTINGS, ("y", 1999), ())]
        found = WindowTable(store).get_many(keys + unknown)
        assert len(selects) == 2  # 601 keys: 500, then 101
        assert set(found) == set(keys)
        assert found[keys[4]] == WindowResult(((0,), (1, 7)), None)
    finally:
        store.close()


def test_the_pair_guards_never_turn_away_a_pair_the_scores_accept(items, monkeypatch):
    """merge._may_merge and merge._may_conflict only skip work: without them (every pair
    weighed in full) each window clusters the same, and the scores accept some pairs."""
    from generator.chronology import merge
    from generator.chronology.windows import weigh, windows

    tasks = [(w, weigh(found, SETTINGS)) for w, found in windows(items, SETTINGS).items()]
    guarded = [merge.cluster_events(events, SETTINGS) for _, events in tasks]
    accepted = sum(merge.merge_score(a, b, SETTINGS) is not None
                   for _, events in tasks for a in events for b in events if a is not b)
    monkeypatch.setattr(merge, "_may_merge", lambda a, b, settings: True)
    monkeypatch.setattr(merge, "_may_conflict", lambda a, b, settings: True)
    assert [merge.cluster_events(events, SETTINGS) for _, events in tasks] == guarded
    assert accepted > 0
    assert any(len(c) > 1 for clusters in guarded for c in clusters)
