"""Starting a site (`annals new`), the build of a folder laid out wrong, `annals import` of
a CSV into a site that then builds, and slugs of other scripts: through the real CLI."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from sitekit import REPO, annals, read_json


def test_new_site_builds_at_once(tmp_path: Path):
    made = annals("new", str(tmp_path / "harbour-story"))
    assert made.returncode == 0, made.stderr
    site = tmp_path / "harbour-story"
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        ".gitignore", "content/actors.yaml", "content/articles/harbour-bridge-reopens.md",
        "content/articles/harbour-bridge-to-reopen.md", "site.yaml"]
    settings = yaml.safe_load((site / "site.yaml").read_text(encoding="utf-8"))
    assert settings["title"] == "Harbour story" and settings["base_url"] == "/"
    assert "#" in (site / "site.yaml").read_text(encoding="utf-8")  # commented
    ignored = (site / ".gitignore").read_text(encoding="utf-8").split("\n")
    assert "/output/" in ignored and "/.annals-cache/" in ignored

    built = annals("build", str(site))
    assert built.returncode == 0, built.stderr
    assert "warning" not in built.stderr
    timeline = read_json(site / "output" / "timeline.json")
    assert {a["slug"] for a in timeline["articles"]} == {"harbour-bridge-reopens", "harbour-bridge-to-reopen"}
    assert {a["slug"] for a in timeline["actors"]} >= {"marrowby-council", "ines-calder"}
    # The two outlets' reports of the reopening are one event with both sources.
    # ("Monday morning": the day's morning, TIMEX3 2025-03-17TMO)
    assert any(len(e["sources"]) == 2 and e["value"].startswith("2025-03-17") for e in timeline["events"])
    assert annals("check", str(site), "--strict").returncode == 0


def test_new_title_option_and_an_empty_folder(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    assert annals("new", str(tmp_path / "empty"), "--title", "Sweida: a chronology").returncode == 0
    assert yaml.safe_load((tmp_path / "empty" / "site.yaml").read_text(encoding="utf-8"))["title"] == \
        "Sweida: a chronology"


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.md").write_text("mine\n", encoding="utf-8")
    result = annals("new", str(tmp_path / "mine"))
    assert result.returncode == 1 and "not empty" in result.stderr and "notes.md" in result.stderr
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.md"]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = annals("new", str(tmp_path / "file"))
    assert result.returncode == 1 and "not a folder" in result.stderr and "Traceback" not in result.stderr


def test_new_site_from_a_fresh_install(tmp_path: Path):
    """A wheel built from the source, installed in a new virtual environment: the
    templates travel as package data and the new site builds with the installed theme."""
    pytest.importorskip("wheel", reason="building the wheel needs the `wheel` package ([test] extra)")
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", "output", ".annals-*", "__pycache__", "*.egg-info", "build", "tests", "bench", "docs",
        ".hypothesis", ".pytest_cache", "node_modules"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(source)], check=True, capture_output=True, timeout=300)
    env_dir = tmp_path / "env"
    # The dependencies come from this interpreter's packages; Annals only from the wheel.
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                    *map(str, wheels.glob("annals-*.whl"))], check=True, capture_output=True, timeout=300)
    annals_bin = env_dir / "bin" / "annals"
    work = tmp_path / "work"
    work.mkdir()
    clean_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run([str(python), "-c", "import generator; print(generator.__file__)"], cwd=work,
                           capture_output=True, text=True, env=clean_env, check=True)
    assert str(env_dir) in where.stdout  # the installed copy, not the source tree
    for args in (["new", "demo"], ["build", "demo"]):
        result = subprocess.run([str(annals_bin), *args], cwd=work, capture_output=True, text=True,
                                env=clean_env, timeout=300)
        assert result.returncode == 0, result.stderr
    assert (work / "demo" / "output" / "static").is_dir()
    assert read_json(work / "demo" / "output" / "timeline.json")["articles"]


# A site laid out wrong ---------------------------------------------------------------------

STORY = "A ceasefire reached last Saturday was holding on Wednesday, officials said in the city.\n"


def test_flat_folder_gets_the_hint_and_exit_1(tmp_path: Path):
    flat = tmp_path / "flat"
    (flat / "notes").mkdir(parents=True)
    for name in ("a.md", "b.txt", "c.markdown", "d.md", "e.md", "f.md"):
        (flat / name).write_text(STORY, encoding="utf-8")
    (flat / "notes" / "g.html").write_text(f"<html><body><p>{STORY}</p></body></html>", encoding="utf-8")
    (flat / "README.md").write_text("# About\nThis folder holds my articles about the story.\n", encoding="utf-8")
    (flat / "empty.md").write_text("\n", encoding="utf-8")
    result = annals("build", str(flat))
    assert result.returncode == 1
    message = " ".join(result.stderr.split())
    assert "content/articles/" in message and "7 files elsewhere" in message
    assert "a.md, b.txt, c.markdown, d.md, e.md and 2 more" in message
    assert "README" not in message and "empty.md" not in message
    assert "move them there" in message and "Traceback" not in message
    assert not (flat / "output").exists() and not (flat / ".annals-cache").exists()


def test_articles_put_in_content_itself_get_the_hint(tmp_path: Path):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "site.yaml").write_text("title: T\n", encoding="utf-8")
    (site / "content" / "story.md").write_text(STORY, encoding="utf-8")
    result = annals("check", str(site))
    assert result.returncode == 1 and "content/story.md" in " ".join(result.stderr.split())


def test_folder_with_nothing_is_no_site(tmp_path: Path):
    (tmp_path / "nothing").mkdir()
    result = annals("build", str(tmp_path / "nothing"))
    assert result.returncode == 1 and "not an Annals site" in result.stderr and "annals new" in result.stderr
    assert list((tmp_path / "nothing").iterdir()) == []


def test_site_without_articles_yet_builds_empty_with_a_warning(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.yaml").write_text("title: Not yet\n", encoding="utf-8")
    result = annals("build", str(site))
    assert result.returncode == 0 and "no articles yet" in result.stderr
    assert (site / "output" / "index.html").is_file()


# Import, then build -----------------------------------------------------------------------

def csv_bytes(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


ROWS = [
    ["Headline", "Published", "Outlet", "Link", "Body", "id"],
    ["Ceasefire holds in Sweida", "2025-07-23", "Levant Wire", "https://example.org/levant/ceasefire",
     "A ceasefire reached last Saturday was holding on Wednesday, officials said.", "1"],
    ['Talks: "round two" --- begins', "2025-07-24", "Border Desk: Ankara", "https://example.org/b?x=1&y=2",
     "Talks began on Thursday in Ankara.\n---\n# The envoy said on Monday that more talks were due.", "2"],
    ["Перемирие в Сувейде", "2025-07-25", "Левант", "", "Перемирие соблюдалось в пятницу.", "3"],
    ["No text", "2025-07-26", "X", "", "", "4"],
    ["Bad date", "last week", "X", "", "Something happened on Friday.", "5"],
]


def test_csv_import_then_build(tmp_path: Path):
    assert annals("new", str(tmp_path / "site")).returncode == 0
    source = tmp_path / "articles.csv"
    source.write_bytes(csv_bytes(ROWS, ";"))
    result = annals("import", str(source), "--into", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stderr.split())
    assert 'CSV (delimiter ";", 5 rows)' in out
    assert "row 5 (line 7): has no text" in out and "row 6 (line 8): date 'last week' is not a date" in out
    assert "Imported 3 articles into content/articles/ (2 rows not imported)" in out

    built = annals("build", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    timeline = read_json(tmp_path / "site" / "output" / "timeline.json")
    by_title = {a["title"]: a for a in timeline["articles"]}
    talks = by_title['Talks: "round two" --- begins']
    assert (talks["source"], talks["url"], talks["date"]) == (
        "Border Desk: Ankara", "https://example.org/b?x=1&y=2", "2025-07-24")
    assert by_title["Перемирие в Сувейде"]["slug"] == "2025-07-25-peremirie-v-suveyde"
    assert (tmp_path / "site" / "output" / "articles" / "2025-07-25-peremirie-v-suveyde" / "index.html").is_file()
    page = (tmp_path / "site" / "output" / "articles" / talks["slug"] / "index.html").read_text(encoding="utf-8")
    # "---" and "#" in the text are text: no rule, no heading.
    assert "<p># The envoy said on " in page and "<p>---</p>" in page and "<hr" not in page.split("<main", 1)[-1]
    assert any(e["value"] == "2025-07-19" for e in timeline["events"])  # "last Saturday" from the row's date

    again = annals("import", str(source), "--into", str(tmp_path / "site"))
    assert again.returncode == 0 and "3 rows already imported" in " ".join(again.stderr.split())
    assert len(list((tmp_path / "site" / "content" / "articles").glob("*.md"))) == 5


def test_import_with_nothing_importable_exits_1(tmp_path: Path):
    assert annals("new", str(tmp_path / "site")).returncode == 0
    source = tmp_path / "a.csv"
    source.write_bytes(csv_bytes([["title", "text"], ["A", ""], ["B", " "]]))
    result = annals("import", str(source), "--into", str(tmp_path / "site"))
    assert result.returncode == 1 and "row 2" in result.stderr and "row 3" in result.stderr


def test_import_usage_errors_exit_2(tmp_path: Path):
    source = tmp_path / "a.csv"
    source.write_bytes(csv_bytes([["title", "text"], ["A", "Text."]]))
    (tmp_path / "site").mkdir()
    bad_field = annals("import", str(source), "--into", str(tmp_path / "site"), "--map", "title=headline")
    assert bad_field.returncode == 2 and "'headline' is no field" in bad_field.stderr
    bad_column = annals("import", str(source), "--into", str(tmp_path / "site"), "--map", "Kopf=title")
    assert bad_column.returncode == 2 and "no column 'Kopf'" in bad_column.stderr
    bad_encoding = annals("import", str(source), "--into", str(tmp_path / "site"), "--encoding", "klingon")
    assert bad_encoding.returncode == 2 and "unknown encoding 'klingon'" in bad_encoding.stderr
    assert not (tmp_path / "site" / "content").exists()


def test_import_reports_a_detected_encoding(tmp_path: Path):
    assert annals("new", str(tmp_path / "site")).returncode == 0
    source = tmp_path / "a.csv"
    source.write_bytes(csv_bytes([["title", "text"], ["Café à Genève", "Les négociations ont repris mardi à "
                                                      "Genève, a annoncé le ministère."]], encoding="cp1252"))
    result = annals("import", str(source), "--into", str(tmp_path / "site"))
    assert result.returncode == 0 and "not UTF-8" in result.stderr
    assert annals("build", str(tmp_path / "site")).returncode == 0
    titles = {a["title"] for a in read_json(tmp_path / "site" / "output" / "timeline.json")["articles"]}
    assert "Café à Genève" in titles


# Slugs in other scripts, end to end ------------------------------------------------------

def test_non_latin_names_get_their_own_pages(tmp_path: Path):
    site = tmp_path / "site"
    (site / "content" / "articles").mkdir(parents=True)
    (site / "content" / "articles" / "Дамаск.md").write_text(
        "---\ntitle: Переговоры\ndate: 2025-07-23\nlang: ru\n---\n"
        "Хамас и Хезболла заявили 21 июля 2025 года, что поддерживают перемирие.\n", encoding="utf-8")
    (site / "content" / "articles" / "truce.md").write_text(
        "---\ntitle: Truce\ndate: 2025-07-23\nslug: перемирие-в-сувейде\n---\nThe truce held on Monday.\n",
        encoding="utf-8")
    (site / "content" / "actors.yaml").write_text(
        "actors:\n  - name: Хамас\n    kind: group\n  - name: Хезболла\n    kind: group\n", encoding="utf-8")
    result = annals("build", str(site))
    assert result.returncode == 0, result.stderr
    output = site / "output"
    assert (output / "articles" / "damask" / "index.html").is_file()
    assert (output / "articles" / "peremirie-v-suveyde" / "index.html").is_file()
    actors = {a["slug"]: a["name"] for a in read_json(output / "timeline.json")["actors"]}
    assert actors == {"khamas": "Хамас", "khezbolla": "Хезболла"}
    assert (output / "actors" / "khamas" / "index.html").is_file()
    assert (output / "actors" / "khezbolla" / "index.html").is_file()
