"""Each actor's key dates ranked from its last ranking (chronology.keydates.ActorKeyDates)
are those a ranking from nothing gives, after edits that move, add and drop dates."""

from __future__ import annotations

from pathlib import Path

from generator.build import BuildOptions, run_pipeline
from generator.chronology.keydates import ActorKeyDates, key_dates_for_actor
from generator.incremental import PipelineState
from sitekit import write_bench_site


def test_an_actor_s_key_dates_from_its_last_ranking_are_those_ranked_afresh(tmp_path: Path):
    site = write_bench_site(tmp_path / "site", 30)
    state = PipelineState()  # the timelines of one process: unchanged events keep their objects
    options = BuildOptions(site, output_dir=tmp_path / "out", jobs=1)
    timeline = run_pipeline(options, state=state, in_memory=True).timeline
    memo: dict = {}
    ranked = ActorKeyDates(timeline, 5, memo)
    slugs = [actor.slug for actor in timeline.actors]
    assert any(ranked(slug) for slug in slugs)
    files = sorted((site / "content" / "articles").rglob("*.md"))
    edits = [
        lambda: files[3].write_text(files[3].read_text("utf-8").replace(".", ". Talks resumed on 4 March 2024.", 1),
                                    encoding="utf-8"),
        lambda: files[7].unlink(),
        lambda: files[11].write_text(files[11].read_text("utf-8").replace(".", ", officials said.", 1),
                                     encoding="utf-8"),
    ]
    last = {slug: ranked(slug) for slug in slugs}
    moved = 0  # rankings an edit changed: a stale memo would show there
    for edit in edits:
        edit()
        timeline = run_pipeline(options, state=state, in_memory=True).timeline
        kept = ActorKeyDates(timeline, 5, memo)
        for slug in [actor.slug for actor in timeline.actors]:
            assert kept(slug) == key_dates_for_actor(timeline, slug, 5), slug
            moved += kept(slug) != last.get(slug)
            last[slug] = kept(slug)
        assert set(memo) <= {actor.slug for actor in timeline.actors}
    assert moved
