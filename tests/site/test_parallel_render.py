"""Pages and exports rendered by forked workers give the same bytes as one process.

A big site's pages are rendered by a pool of forked workers writing into the staging folder
(emit.py). The tests lower the size from which that happens so that the tiny site takes the
same path a 5,000-article archive does: real forked processes, real files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import emit
from generator.build import BuildOptions, build
from generator.errors import AnnalsError
from sitekit import mark_kept_cards, tree_bytes, write_tiny_site

CEASEFIRE = "articles/levant-ceasefire/index.html"


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(emit, "PARALLEL_MIN_ARTICLES", 1)


def test_workers_write_the_bytes_one_process_writes(tmp_path: Path, parallel: None):
    site = write_tiny_site(tmp_path / "site")
    pooled = build(BuildOptions(site, output_dir=tmp_path / "pooled", jobs=2, use_cache=False))
    build(BuildOptions(site, output_dir=tmp_path / "serial", jobs=1, use_cache=False))
    assert pooled.rendered > 0
    assert set(pooled.names) | {".annals-output"} == set(tree_bytes(tmp_path / "pooled"))  # every file named
    assert tree_bytes(tmp_path / "pooled") == tree_bytes(tmp_path / "serial")


def inodes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_ino for p in root.rglob("*.html")}


def test_an_edit_renders_only_its_pages_in_the_workers_too(tmp_path: Path, parallel: None):
    site, out = write_tiny_site(tmp_path / "site"), tmp_path / "out"
    build(BuildOptions(site, output_dir=out, jobs=2))
    before = inodes(out)
    article = next((site / "content" / "articles").glob("levant-ceasefire.*"))
    article.write_text(article.read_text(encoding="utf-8").replace(".", ", observers said.", 1), encoding="utf-8")
    again = build(BuildOptions(site, output_dir=out, jobs=2))
    after = inodes(out)
    kept = {p for p in after if after[p] == before.get(p)}
    assert again.reused == len(kept) > 0 and again.rendered == len(after) - len(kept)
    assert CEASEFIRE not in kept and "observers said" in (out / CEASEFIRE).read_text(encoding="utf-8")
    build(BuildOptions(site, output_dir=tmp_path / "clean", jobs=1, use_cache=False))
    assert tree_bytes(out) == tree_bytes(tmp_path / "clean")


def test_a_template_error_in_a_worker_names_the_template_and_keeps_the_output(tmp_path: Path, parallel: None):
    site, out = write_tiny_site(tmp_path / "site"), tmp_path / "out"
    build(BuildOptions(site, output_dir=out, jobs=2))
    before = tree_bytes(out)
    templates = site / "themes" / "broken" / "templates"
    templates.mkdir(parents=True)
    (templates / "article.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ page.no_such_field.deeper }}\n{% endblock %}\n',
        encoding="utf-8")
    with (site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("\ntheme: broken\n")
    with pytest.raises(AnnalsError) as raised:
        build(BuildOptions(site, output_dir=out, jobs=2))
    assert "themes/broken/templates/article.html" in str(raised.value)
    assert tree_bytes(out) == before


def test_a_resident_state_with_workers_gives_the_bytes_of_clean_builds(tmp_path: Path, parallel: None):
    """The build server's path: one PipelineState over several builds, pages in workers and
    the exports' event pieces copied from the last build's files."""
    from generator.incremental import PipelineState

    from sitekit import write_bench_site

    site, out = write_bench_site(tmp_path / "site", 30), tmp_path / "out"
    state = PipelineState()
    build(BuildOptions(site, output_dir=out, jobs=2), state=state)
    files = sorted((site / "content" / "articles").rglob("*.md"))
    edits = [
        lambda: files[2].write_text(files[2].read_text("utf-8").replace(".", ". The talks resumed on Monday.", 1),
                                    encoding="utf-8"),
        lambda: files[5].unlink(),
        lambda: files[9].write_text(files[9].read_text("utf-8").replace("title:", "title: Revised", 1),
                                    encoding="utf-8"),
    ]
    for n, edit in enumerate(edits):
        edit()
        again = build(BuildOptions(site, output_dir=out, jobs=2), state=state)
        assert again.reused > 0 and again.copied > 0  # pages linked, export pieces copied
        build(BuildOptions(site, output_dir=tmp_path / f"clean{n}", jobs=1, use_cache=False))
        assert tree_bytes(out) == tree_bytes(tmp_path / f"clean{n}"), n


def test_workers_count_the_copied_pieces_as_one_process_does(tmp_path: Path, parallel: None):
    """Each worker's tasks add only their own pieces to the count a build reports."""
    from sitekit import write_bench_site

    site = write_bench_site(tmp_path / "site", 30)
    counts = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        build(BuildOptions(site, output_dir=out, jobs=jobs))
        counts.append(build(BuildOptions(site, output_dir=out, jobs=jobs)).copied)
    assert counts[0] > 0 and counts[1] == counts[0]



def test_a_resident_state_keeps_the_cards_its_workers_made_for_the_next_build_s_workers(tmp_path: Path, parallel: None):
    """The build server keeps the event cards its forked workers send back (render/cards.py):
    the next build's workers show an unchanged event's kept card (altered here, so that it
    shows), and make the edited event's cards again."""
    from generator.incremental import PipelineState

    site, out = write_tiny_site(tmp_path / "site"), tmp_path / "out"
    state = PipelineState()
    build(BuildOptions(site, output_dir=out, jobs=2), state=state)
    memo = state.emitted.cards
    assert memo.cards and not memo.made  # the workers', kept, not noted as made here
    mark_kept_cards(memo, "levant-ceasefire")
    article = site / "content" / "articles" / "levant-ceasefire.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Sweida", "Suwayda"), encoding="utf-8")
    build(BuildOptions(site, output_dir=out, jobs=2), state=state)
    pages = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    assert "data-kept" in pages and "<li>stale</li>" not in pages and "Suwayda" in pages
