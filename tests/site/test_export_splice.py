"""The exports' event pieces copied from the last build's files (export/splice.py): a cached
build after an edit copies the unchanged events' pieces of timeline.json, the CSV table, the
calendar and the TimelineJS files, and every file is byte for byte that of a clean build;
a changed setting, a picture or a hand-edited export file is never copied from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from sitekit import tree_bytes, write_bench_site

EXPORTS = ("timeline.json", "timeline.csv", "timeline.ics", "timelinejs.json")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = write_bench_site(tmp_path / "site", 30)
    build(BuildOptions(site, output_dir=tmp_path / "out", jobs=1))
    return site


def clean(site: Path, out: Path) -> dict[str, bytes]:
    build(BuildOptions(site, output_dir=out, jobs=1, use_cache=False))
    return tree_bytes(out)


def again(site: Path, tmp_path: Path):
    return build(BuildOptions(site, output_dir=tmp_path / "out", jobs=1))


def test_an_edit_copies_the_unchanged_pieces_and_gives_a_clean_builds_bytes(site: Path, tmp_path: Path):
    article = sorted((site / "content" / "articles").rglob("*.md"))[4]
    article.write_text(article.read_text("utf-8").replace(".", ". The envoy left on Sunday.", 1), encoding="utf-8")
    result = again(site, tmp_path)
    events = len(json.loads((tmp_path / "out" / "timeline.json").read_text("utf-8"))["events"])
    assert result.copied > events  # most events' pieces, in several files
    assert tree_bytes(tmp_path / "out") == clean(site, tmp_path / "clean")


def test_a_changed_setting_copies_nothing(site: Path, tmp_path: Path):
    config = site / "site.yaml"
    config.write_text(config.read_text("utf-8").replace("https://example.org/bench/", "https://news.example/archive/"),
                      encoding="utf-8")
    result = again(site, tmp_path)
    assert result.copied == 0
    assert "https://news.example/archive/" in (tmp_path / "out" / "timeline.ics").read_text("utf-8")
    assert tree_bytes(tmp_path / "out") == clean(site, tmp_path / "clean")


def test_a_hand_edited_export_is_not_copied_from(site: Path, tmp_path: Path):
    for name in EXPORTS:
        exported = tmp_path / "out" / name
        exported.write_bytes(exported.read_bytes().replace(b"a", b"A"))
    article = sorted((site / "content" / "articles").rglob("*.md"))[2]
    article.write_text(article.read_text("utf-8").replace(".", ", officials said.", 1), encoding="utf-8")
    again(site, tmp_path)
    assert tree_bytes(tmp_path / "out") == clean(site, tmp_path / "clean")


def test_a_new_picture_changes_the_slides_that_show_it(site: Path, tmp_path: Path):
    article = sorted((site / "content" / "articles").rglob("*.md"))[6]
    (article.parent / "harbour.png").write_bytes(PNG)
    text = article.read_text("utf-8")
    article.write_text(text.replace("\n---\n", "\nimage: harbour.png\nimage_alt: The harbour at dawn\n---\n", 1),
                       encoding="utf-8")
    again(site, tmp_path)
    assert tree_bytes(tmp_path / "out") == clean(site, tmp_path / "clean")


def test_a_sources_new_title_outlet_and_address_renew_the_pieces_citing_it(site: Path, tmp_path: Path):
    """What an export shows of a cited article (its title, outlet, address, date) is in
    the event's digest: a front-matter edit alone renews every piece citing the article,
    here and in the events other articles merge it into."""
    article = sorted((site / "content" / "articles").rglob("*.md"))[5]
    text = article.read_text("utf-8")
    head, body = text.split("\n---\n", 1)
    lines = [line for line in head.splitlines() if not line.startswith(("title:", "source:", "url:"))]
    lines += ['title: "Harbour talks resume"', 'source: "Tidewater Courier"', "url: https://courier.example/talks"]
    article.write_text("\n".join(lines) + "\n---\n" + body, encoding="utf-8")
    result = again(site, tmp_path)
    assert result.copied > 0
    assert "Tidewater Courier" in (tmp_path / "out" / "timeline.csv").read_text("utf-8")
    assert tree_bytes(tmp_path / "out") == clean(site, tmp_path / "clean")


# A 1x1 transparent PNG, written here byte by byte.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082")
