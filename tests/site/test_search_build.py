"""Search in whole builds through the real CLI and the real Pagefind binary: the index is
part of the output, two builds give the same bytes, `search: false` leaves it out, and an
index that cannot be made fails the build and leaves the previous output as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sitekit import REPO, annals, tree_bytes


def build(site: Path, out: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "build", str(site), "-o", str(out)],
                          capture_output=True, text=True, cwd=REPO, timeout=300,
                          env={**os.environ, **(env or {})})


def test_build_writes_the_index_and_a_search_box_on_timeline_pages(tiny_site: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = build(tiny_site, out)
    assert result.returncode == 0, result.stderr
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry["languages"]
    assert list(languages) == ["en"]
    events = len(json.loads((out / "timeline.json").read_text(encoding="utf-8"))["events"])
    # one record per event, article (3) and actor (the tiny site's actors.yaml names 3, all cited)
    assert languages["en"]["page_count"] >= events + 3
    assert (out / "pagefind" / f"pagefind.{languages['en']['hash']}.pf_meta").is_file()
    assert (out / "pagefind" / "pagefind.js").is_file() and (out / "static" / "search.js").is_file()
    assert list((out / "pagefind" / "filter").iterdir())  # actor, source and year filters
    for page in ("index.html", "actors/turkiye/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert "data-annals-search" in html and "static/search.js" in html, page
    actor = (out / "actors" / "turkiye" / "index.html").read_text(encoding="utf-8")
    assert 'data-bundle="../../pagefind/"' in actor and 'data-actor="Türkiye"' in actor
    article = (out / "articles" / "levant-ceasefire" / "index.html").read_text(encoding="utf-8")
    assert "data-annals-search" not in article  # the box is on timeline pages


def test_two_builds_write_the_same_index(tiny_site: Path, tmp_path: Path):
    """Pagefind alone writes its filter files in a random order (generator/search_bundle.py)."""
    for name in ("one", "two", "three"):
        assert build(tiny_site, tmp_path / name).returncode == 0
    one = {k: v for k, v in tree_bytes(tmp_path / "one").items() if k.startswith("pagefind/")}
    assert any(k.startswith("pagefind/filter/") for k in one)
    for name in ("two", "three"):
        assert {k: v for k, v in tree_bytes(tmp_path / name).items() if k.startswith("pagefind/")} == one


def test_search_false_leaves_the_index_and_the_box_out(tiny_site: Path, tmp_path: Path):
    with (tiny_site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("search: false\n")
    out = tmp_path / "out"
    assert build(tiny_site, out).returncode == 0
    assert not (out / "pagefind").exists()
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "data-annals-search" not in home and "search.js" not in home
    assert (out / "feed.xml").is_file()  # the rest of the site as always


def test_search_setting_must_be_true_or_false(tiny_site: Path, tmp_path: Path):
    with (tiny_site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("search: sometimes\n")
    result = annals("build", str(tiny_site), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "site.yaml" in result.stderr and "`search` must be true or false" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_failing_index_fails_the_build_and_keeps_the_previous_output(tiny_site: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert build(tiny_site, out).returncode == 0
    before = tree_bytes(out)
    (tiny_site / "content" / "articles" / "new.md").write_text(
        "---\ntitle: A new report\ndate: 2025-07-25\n---\nTalks resumed on Friday.\n", encoding="utf-8")
    for binary, says in (("/bin/false", "Pagefind stopped while indexing"),
                         (str(tmp_path / "no-such-pagefind"), "cannot run Pagefind")):
        result = build(tiny_site, out, {"PAGEFIND_BINARY_PATH": binary})
        assert result.returncode == 1, result.stdout
        assert says in result.stderr and "Traceback" not in result.stderr
        assert tree_bytes(out) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]  # no staging folder left
