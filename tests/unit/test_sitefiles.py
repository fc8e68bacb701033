"""The path-safety rule (sitefiles): regular files inside the site only, on real folders with
real links, and each place that reads the site keeping to it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.config import load_config
from generator.content import article_files, load_articles, read_actors_file, read_source
from generator.errors import ContentError
from generator.render import find_theme, make_environment, static_files, theme_refusals
from generator.sitefiles import open_regular, refusal, regular_files


@pytest.fixture
def site(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("secret\n")
    root = tmp_path / "site"
    articles = root / "content" / "articles"
    (articles / "sub").mkdir(parents=True)
    (articles / "a.md").write_text("---\ndate: 2025-07-23\n---\nA.\n")
    (articles / "sub" / "b.txt").write_text("B.\n")
    (articles / "link.md").symlink_to(outside / "secret.md")
    (articles / "inner.md").symlink_to(articles / "a.md")  # inside the site, still a link
    (articles / "away").symlink_to(outside, target_is_directory=True)
    (articles / "_drafts").mkdir()
    (articles / "_drafts" / "d.md").symlink_to(outside / "secret.md")  # hidden: never looked at
    (articles / "notes.png").symlink_to(outside / "secret.md")  # not an article name
    os.mkfifo(articles / "pipe.md")
    return root


def test_refusal_names_the_link_on_the_way(site: Path):
    articles = site / "content" / "articles"
    assert refusal(site, articles / "a.md") is None
    assert refusal(site, articles / "link.md") == "is a symbolic link"
    assert refusal(site, articles / "away" / "secret.md") == "lies in content/articles/away/, which is a symbolic link"
    assert refusal(site, articles / "pipe.md") == "is not a regular file"
    assert refusal(site, articles / "missing.md") == "does not exist"


def test_open_regular_refuses_links_and_pipes(site: Path):
    articles = site / "content" / "articles"
    assert open_regular(site, articles / "a.md").startswith(b"---")
    for name in ("link.md", "pipe.md", "away/secret.md"):
        with pytest.raises(OSError):
            open_regular(site, articles / name)


def test_article_files_lists_regular_files_and_reports_the_rest(site: Path):
    listing = article_files(site)
    assert [p.relative_to(site).as_posix() for p in listing.files] == [
        "content/articles/a.md", "content/articles/sub/b.txt"]
    assert [(s.path, s.why) for s in listing.skipped] == [
        ("content/articles/away", "is a symbolic link"),
        ("content/articles/inner.md", "is a symbolic link"),
        ("content/articles/link.md", "is a symbolic link"),
        ("content/articles/pipe.md", "is not a regular file"),
    ]
    problem = listing.skipped[0].problem()
    assert (problem.path, problem.severity, problem.kind) == ("content/articles/away", "warning", "content")


def test_load_articles_reads_only_the_regular_ones(site: Path):
    loaded = load_articles(site)
    assert [a.path for a in loaded.articles] == ["content/articles/a.md", "content/articles/sub/b.txt"]
    assert len(loaded.skipped) == 4 and not loaded.errors
    with pytest.raises(ContentError, match="cannot read the file"):
        read_source(site / "content" / "articles" / "link.md", site)


def test_a_linked_articles_folder_is_skipped_whole(tmp_path: Path):
    real = tmp_path / "elsewhere"
    real.mkdir()
    (real / "x.md").write_text("X.\n")
    (tmp_path / "site" / "content").mkdir(parents=True)
    (tmp_path / "site" / "content" / "articles").symlink_to(real, target_is_directory=True)
    listing = article_files(tmp_path / "site")
    assert listing.files == () and [s.path for s in listing.skipped] == ["content/articles"]


def test_linked_actors_file_is_skipped_and_named(site: Path, tmp_path: Path):
    (tmp_path / "outside" / "actors.yaml").write_text("actors: [Nobody]\n")
    (site / "content" / "actors.yaml").symlink_to(tmp_path / "outside" / "actors.yaml")
    source, skipped = read_actors_file(site)
    assert source is None and [(s.path, s.why) for s in skipped] == [("content/actors.yaml", "is a symbolic link")]


def test_a_linked_site_yaml_is_an_error(site: Path, tmp_path: Path):
    (tmp_path / "outside" / "site.yaml").write_text("title: Elsewhere\n")
    (site / "site.yaml").symlink_to(tmp_path / "outside" / "site.yaml")
    with pytest.raises(ContentError, match="site.yaml: is a symbolic link"):
        load_config(site)


@pytest.mark.parametrize("setting, message", [
    ("theme: ../../etc", "`theme`"), ("theme: .hidden", "`theme`"),
    ("content_dir: ../elsewhere", "`content_dir`"), ("content_dir: /etc", "`content_dir`"),
])
def test_settings_naming_folders_must_stay_inside_the_site(tmp_path: Path, setting: str, message: str):
    (tmp_path / "site.yaml").write_text(setting + "\n")
    with pytest.raises(ContentError, match=message):
        load_config(tmp_path)


def test_a_theme_keeps_its_regular_files_and_reports_its_links(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "base.html").write_text("LEAKED {{ page.title }}")
    (outside / "leak.css").write_text("/* leaked */")
    site = tmp_path / "site"
    theme = site / "themes" / "mine"
    (theme / "templates").mkdir(parents=True)
    (theme / "static").mkdir()
    (theme / "static" / "own.css").write_text("/* own */")
    (theme / "static" / "leak.css").symlink_to(outside / "leak.css")
    (theme / "templates" / "base.html").symlink_to(outside / "base.html")
    found = find_theme("mine", site)
    assert found == theme
    files = static_files(found)
    assert files["static/own.css"] == b"/* own */" and "static/leak.css" not in files
    assert "static/style.css" in files  # the default theme's, under the site's own
    source = make_environment(found).loader.get_source(make_environment(found), "base.html")[0]
    assert "LEAKED" not in source  # the default theme's base.html is used instead
    assert sorted(s.path for s in theme_refusals("mine", site)) == [
        "themes/mine/static/leak.css", "themes/mine/templates/base.html"]


def test_a_linked_theme_folder_is_not_the_sites(tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "templates").mkdir(parents=True)
    (tmp_path / "site" / "themes").mkdir(parents=True)
    (tmp_path / "site" / "themes" / "mine").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ContentError, match="themes/mine/templates.*symbolic link"):
        find_theme("mine", tmp_path / "site")
    assert [s.why for s in theme_refusals("mine", tmp_path / "site")] == ["is a symbolic link"]


def test_regular_files_leaves_out_skipped_folders_silently(tmp_path: Path):
    (tmp_path / "top" / ".git").mkdir(parents=True)
    (tmp_path / "top" / ".git" / "x.md").write_text("x")
    (tmp_path / "top" / "y.md").write_text("y")
    listing = regular_files(tmp_path, tmp_path / "top", lambda rel: True, lambda rel: rel.name.startswith("."))
    assert [p.name for p in listing.files] == ["y.md"] and listing.skipped == ()
