"""generator.newsite (the templates of `annals new`) and generator.layout (articles left
outside content/articles/, folders that are no site)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.config import SiteConfig
from generator.content import load_articles
from generator.errors import AnnalsError, ContentError
from generator.layout import LayoutRules, find_strays, is_site, layout_rules, no_articles
from generator.newsite import create_site, template_files, title_for

PROSE = "The talks resumed on Monday in the capital, officials said.\n"


def test_templates_are_the_site_layout():
    names = list(template_files())
    assert names == [".gitignore", "content/actors.yaml", "content/articles/harbour-bridge-reopens.md",
                     "content/articles/harbour-bridge-to-reopen.md", "site.yaml"]


def test_site_yaml_template_is_valid_and_commented():
    text = template_files()["site.yaml"].decode("utf-8")
    assert "title: __TITLE__" in text
    settings = yaml.safe_load(text)
    assert set(settings) >= {"title", "description", "base_url", "language", "timezone", "day_first", "order"}
    assert sum(line.startswith("#") for line in text.splitlines()) >= 10


@pytest.mark.parametrize("folder, title", [
    ("harbour-bridge_2025", "Harbour bridge 2025"), ("demo", "Demo"), ("дамаск", "Дамаск"), ("---", "Annals")])
def test_title_from_the_folder_name(tmp_path, folder, title):
    assert title_for(tmp_path / folder) == title


@pytest.mark.parametrize("title", ['Talks: "round two"', "yes", "2025-07-23", "# hash", "a: b\nc", "Дамаск"])
def test_any_title_is_written_as_yaml_that_reads_back(tmp_path, title):
    create_site(tmp_path / "s", title)
    assert yaml.safe_load((tmp_path / "s" / "site.yaml").read_text(encoding="utf-8"))["title"] == title


def test_new_site_articles_load_without_errors(tmp_path):
    create_site(tmp_path / "s")
    loaded = load_articles(tmp_path / "s")
    assert loaded.errors == () and len(loaded.articles) == 2
    assert {a.source for a in loaded.articles} == {"Coastal Courier", "Valley Post"}  # front matter; dateline


def test_a_link_to_an_empty_folder_is_the_folder(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    create_site(tmp_path / "link")
    assert (tmp_path / "real" / "site.yaml").is_file()


def test_a_dangling_link_is_refused(tmp_path):
    (tmp_path / "link").symlink_to(tmp_path / "nowhere")
    with pytest.raises(AnnalsError, match="not a folder"):
        create_site(tmp_path / "link")
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_that_is_not_empty_is_refused_before_anything_is_written(tmp_path):
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / ".git").mkdir()
    with pytest.raises(AnnalsError, match=r"not empty \(1 entry: \.git\)"):
        create_site(tmp_path / "s")
    assert [p.name for p in (tmp_path / "s").iterdir()] == [".git"]


# Layout -----------------------------------------------------------------------------------

def write(root: Path, rel: str, text: str = PROSE) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_strays_are_article_files_with_prose_outside_the_articles_folder(tmp_path):
    for rel in ("a.md", "notes/b.txt", "notes/deep/c.markdown", "page.html", "content/d.md"):
        write(tmp_path, rel)
    write(tmp_path, "content/articles/e.md")  # where articles belong: not a stray
    write(tmp_path, "README.md")
    write(tmp_path, "LICENSE-MIT.txt")
    write(tmp_path, "requirements-dev.txt")
    write(tmp_path, "empty.md", "  \n")
    write(tmp_path, "few.md", "Two words.")
    write(tmp_path, "only-front-matter.md", "---\ntitle: A title of six whole words\n---\n")
    write(tmp_path, "tags.html", "<html><head><title>x</title><style>a b c d e f</style></head></html>")
    write(tmp_path, "data.csv")
    for rel in (".hidden/f.md", "_drafts/g.md", "output/h.md", "themes/mine/templates/i.html",
                "node_modules/pkg/j.md", "a/b/c/d/e/too-deep.md"):
        write(tmp_path, rel)
    strays = find_strays(tmp_path, SiteConfig())
    assert strays.paths == ("a.md", "content/d.md", "notes/b.txt", "notes/deep/c.markdown", "page.html")


def test_a_folder_annals_built_into_is_never_searched(tmp_path):
    write(tmp_path, "public/.annals-output", "")
    write(tmp_path, "public/articles/x/index.md")
    assert find_strays(tmp_path, SiteConfig()).paths == ()


def test_linked_files_are_not_read(tmp_path):
    write(tmp_path / "outside", "secret.md")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.md").symlink_to(tmp_path / "outside" / "secret.md")
    assert find_strays(tmp_path / "site", SiteConfig()).paths == ()


def test_depth_and_word_count_are_the_rules_data(tmp_path):
    write(tmp_path, "a/b/c.md", "Three short words")
    rules = LayoutRules(frozenset(), frozenset(), max_depth=1, min_words=3, shown=5)
    assert find_strays(tmp_path, SiteConfig(), rules).paths == ()
    rules = LayoutRules(frozenset(), frozenset(), max_depth=2, min_words=3, shown=5)
    assert find_strays(tmp_path, SiteConfig(), rules).paths == ("a/b/c.md",)
    assert layout_rules().min_words >= 1 and "readme" in layout_rules().not_articles


def test_no_articles_with_strays_names_them(tmp_path):
    for n in range(7):
        write(tmp_path, f"story-{n}.md")
    with pytest.raises(ContentError) as caught:
        no_articles(tmp_path, SiteConfig(), "flat")
    message = caught.value.message
    assert caught.value.path == "content/articles/"
    assert "7 files elsewhere in flat" in message and "story-0.md, story-1.md" in message
    assert "and 2 more" in message and "mkdir -p content/articles" in message


def test_no_articles_in_a_folder_that_is_no_site(tmp_path):
    with pytest.raises(AnnalsError) as caught:
        no_articles(tmp_path, SiteConfig(), "here")
    assert "here is not an Annals site" in str(caught.value) and "annals new here" in str(caught.value)


def test_no_articles_in_a_site_is_a_warning(tmp_path):
    (tmp_path / "content").mkdir()
    problem = no_articles(tmp_path, SiteConfig(), "s")
    assert problem.severity == "warning" and "no articles yet" in problem.message
    assert is_site(tmp_path, SiteConfig())
    assert not is_site(tmp_path, SiteConfig(content_dir="texts"))
