"""A long-lived process's first build starts from the persistent cache.

`annals serve` and the build server keep a PipelineState between builds. Their first build
on a site an `annals build` has already built must take the merge windows and the
articles' merge items from the cache, as a second CLI build does (not cluster every window
again), give the bytes of a clean build, keep working incrementally afterwards, and leave
the cache as warm as it found it. A corrupt cache, or one of another version of Annals,
goes through the same checks as for the CLI: rebuilt, never trusted.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from generator import cache as cache_module
from generator import serve as serve_module
from generator.build import BuildOptions, BuildResult, build
from generator.cache import CACHE_FILE, dumps
from generator.chronology import items as items_module
from generator.fingerprint import CACHE_DIR
from generator.incremental import PipelineState
from generator.serve import Preview
from sitekit import tree_bytes
from test_incremental import GeneratedSite, clean_build, clean_serve_files, differing


@pytest.fixture
def made_items(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs of the articles whose merge items were worked out afresh (not reused)."""
    made: list[str] = []
    original = items_module.article_items

    def counting(analysis, *args, **kwargs):
        made.append(analysis.article.slug)
        return original(analysis, *args, **kwargs)

    monkeypatch.setattr(items_module, "article_items", counting)
    return made


@pytest.fixture
def serve_results(monkeypatch: pytest.MonkeyPatch) -> list[BuildResult]:
    """What each of annals serve's pipeline runs returned (its merge report among it)."""
    results: list[BuildResult] = []
    original = serve_module.run_pipeline

    def keeping(*args, **kwargs):
        results.append(original(*args, **kwargs))
        return results[-1]

    monkeypatch.setattr(serve_module, "run_pipeline", keeping)
    return results


def generated(tmp_path: Path, seed: int) -> GeneratedSite:
    return GeneratedSite(tmp_path / "site", random.Random(seed), articles=24)


def all_from_the_cache(result: BuildResult) -> bool:
    merge = result.merge
    return merge.windows > 1 and merge.reused == merge.windows and not merge.clustered


def test_serve_starts_from_the_windows_and_items_a_cli_build_left(tmp_path: Path, made_items, serve_results):
    site = generated(tmp_path, 11)
    build(BuildOptions(site.root, output_dir=tmp_path / "out"))
    made_items.clear()

    preview = Preview(site.root)
    outcome = preview.rebuild()
    assert outcome.ok, outcome.error
    first = serve_results[-1]
    assert first.analysed == outcome.analysed == 0  # the terminal says none was analysed
    assert all_from_the_cache(first), first.merge.describe()
    assert made_items == []  # every article's merge items came from the cache too
    # no article was edited: their pages wait to be asked for, as every other page does
    assert any(name.startswith("articles/") for name in preview.site.pending)
    assert differing(preview.site.everything(), clean_serve_files(site.root)) == []

    for number in range(4):  # the memory started from the cache serves the next saves
        kind, path = site.step()
        outcome = preview.rebuild([path])
        assert outcome.ok, (number, kind, outcome.error)
        assert differing(preview.site.everything(), clean_serve_files(site.root)) == [], (number, kind)


def test_the_build_servers_first_build_starts_from_the_cache_and_leaves_it_warm(tmp_path: Path, made_items):
    site = generated(tmp_path, 29)
    out = tmp_path / "out"
    build(BuildOptions(site.root, output_dir=out))
    made_items.clear()

    state = PipelineState()
    first = build(BuildOptions(site.root, output_dir=out), state=state)
    assert first.analysed == 0
    assert all_from_the_cache(first), first.merge.describe()
    assert made_items == []
    assert differing(tree_bytes(out), clean_build(site.root, tmp_path / "clean")) == []

    for number in range(4):
        kind, _ = site.step()
        build(BuildOptions(site.root, output_dir=out), state=state)
        assert differing(tree_bytes(out), clean_build(site.root, tmp_path / "clean")) == [], (number, kind)

    # The server's builds after an edit read only what their memory lacked of the cache;
    # they must not have emptied it of the rest: a CLI build (or the next server) finds all.
    made_items.clear()
    after = build(BuildOptions(site.root, output_dir=tmp_path / "cli-after"))
    assert after.analysed == 0
    assert all_from_the_cache(after), after.merge.describe()
    assert made_items == []


def start(mode: str, site: Path, out: Path, results: list[BuildResult]) -> BuildResult:
    """The first build of a new long-lived process: annals serve's or the build server's."""
    if mode == "serve":
        outcome = Preview(site).rebuild()
        assert outcome.ok, outcome.error
        return results[-1]
    return build(BuildOptions(site, output_dir=out, force=True), state=PipelineState())


def start_matches_a_clean_build(mode: str, site: Path, out: Path, tmp_path: Path,
                                results: list[BuildResult]) -> BuildResult:
    result = start(mode, site, out, results)
    if mode == "serve":
        assert differing(result.site.everything(), clean_serve_files(site)) == []
    else:
        assert differing(tree_bytes(out), clean_build(site, tmp_path / "clean")) == []
    return result


@pytest.mark.parametrize("mode", ["serve", "server"])
def test_a_corrupt_cache_is_rebuilt_by_a_first_build_not_trusted(tmp_path: Path, mode: str, serve_results):
    site = generated(tmp_path, 5)
    build(BuildOptions(site.root, output_dir=tmp_path / "out"))
    database = site.root / CACHE_DIR / CACHE_FILE
    database.write_bytes(b"no database here " * 200)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)

    rebuilt = start_matches_a_clean_build(mode, site.root, tmp_path / "out", tmp_path, serve_results)
    assert rebuilt.analysed == len(site.files())
    assert rebuilt.merge.reused == 0, rebuilt.merge.describe()
    # what that first build put in the new cache starts the next process
    again = start(mode, site.root, tmp_path / "out", serve_results)
    assert again.analysed == 0 and all_from_the_cache(again), again.merge.describe()


@pytest.mark.parametrize("mode", ["serve", "server"])
def test_a_cache_of_another_version_is_emptied_by_a_first_build_never_read(tmp_path: Path, mode: str,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           serve_results):
    site = generated(tmp_path, 17)
    with monkeypatch.context() as patched:  # the cache as another version of Annals left it...
        patched.setattr(cache_module, "SCHEMA", cache_module.SCHEMA + 1)
        build(BuildOptions(site.root, output_dir=tmp_path / "out"))
    database = sqlite3.connect(site.root / CACHE_DIR / CACHE_FILE)
    with database:  # ...whose windows, read by this version, would drop all but one event each
        assert database.execute("SELECT count(*) FROM windows").fetchone()[0] > 1
        database.execute("UPDATE windows SET value = ?", (dumps(((0,),)),))
    database.close()

    rebuilt = start_matches_a_clean_build(mode, site.root, tmp_path / "out", tmp_path, serve_results)
    assert rebuilt.analysed == len(site.files())
    assert rebuilt.merge.reused == 0, rebuilt.merge.describe()
    again = start(mode, site.root, tmp_path / "out", serve_results)
    assert again.analysed == 0 and all_from_the_cache(again), again.merge.describe()
