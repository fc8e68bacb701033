"""When `annals serve` collects garbage: a save's rebuild runs without the cycle collector,
which runs once the server is quiet (Rebuilds.check), so its passes over the objects a
rebuild makes are not part of the save's wait. Nothing is lost: the cycles a rebuild leaves
are freed by that pass, and the collector is on again afterwards."""

from __future__ import annotations

import gc
import sys
import weakref
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_serve import add_paragraph, analysed, copy_site, some_article  # noqa: E402,F401

from generator import serve as serve_module  # noqa: E402
from generator.serve import Preview, Rebuilds  # noqa: E402


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def quiet_preview(tmp_path: Path, analysed) -> Preview:  # noqa: F811
    preview = Preview(copy_site(tmp_path / "site"), cache=dict(analysed), collect_when_quiet=True)
    assert preview.rebuild().ok
    yield preview
    preview.collect_garbage()  # never leave the collector off for the next test
    assert gc.isenabled()


def test_a_save_leaves_the_collection_to_the_quiet_moment(quiet_preview):
    path, slug = some_article(quiet_preview.site_dir)
    add_paragraph(path, "On 3 March 2025 the harbour board met again.")
    assert quiet_preview.rebuild([path]).ok
    assert not gc.isenabled()  # the save's page is served before any pass
    left = Cycle()
    alive = weakref.ref(left)
    del left
    assert alive() is not None  # a cycle waits for the pass
    quiet_preview.collect_garbage()
    assert gc.isenabled()
    assert alive() is None


def test_a_failed_save_waits_for_the_quiet_moment_too(quiet_preview):
    path, _ = some_article(quiet_preview.site_dir)
    path.write_text("---\ntitle: [never closed\n---\nA body.\n", encoding="utf-8")
    assert not quiet_preview.rebuild([path]).ok
    assert not gc.isenabled()
    quiet_preview.collect_garbage()
    assert gc.isenabled()


def test_without_a_promise_of_quiet_each_save_collects_at_its_end(tmp_path, analysed):  # noqa: F811
    preview = Preview(copy_site(tmp_path / "site"), cache=dict(analysed))
    assert preview.rebuild().ok
    path, _ = some_article(preview.site_dir)
    add_paragraph(path, "On 3 March 2025 the harbour board met again.")
    assert preview.rebuild([path]).ok
    assert gc.isenabled()


class NoChanges:
    def take(self):
        return None


def test_the_server_collects_once_no_rebuild_came_for_a_while(quiet_preview, monkeypatch):
    path, _ = some_article(quiet_preview.site_dir)
    add_paragraph(path, "On 3 March 2025 the harbour board met again.")
    quiet_preview.rebuild([path])
    clock = [100.0]
    monkeypatch.setattr(serve_module.time, "perf_counter", lambda: clock[0])
    rebuilds = Rebuilds(quiet_preview, NoChanges(), None, None, last_rebuild=100.0)
    rebuilds.check()
    assert not gc.isenabled()  # just rebuilt: the browser is still asking for the page
    clock[0] += serve_module.COLLECT_AFTER_S
    rebuilds.check()
    assert gc.isenabled()
