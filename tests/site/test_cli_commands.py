"""`annals actors`, `annals export` and `annals check` on a small site, through the real CLI."""

import csv
import io
import json
from pathlib import Path

import yaml

from sitekit import annals


def test_actors_lists_cast_with_counts(tiny_site: Path):
    result = annals("actors", str(tiny_site))
    assert result.returncode == 0, result.stderr
    assert "Türkiye" in result.stdout and "Tom Barrack" in result.stdout


def test_actors_yaml_is_a_valid_starter_file(tiny_site: Path):
    result = annals("actors", str(tiny_site), "--yaml")
    data = yaml.safe_load(result.stdout)
    names = {a["name"] for a in data["actors"]}
    assert {"Türkiye", "Syria", "Tom Barrack"} <= names


def test_export_formats_to_stdout(tiny_site: Path):
    as_json = json.loads(annals("export", str(tiny_site), "--format", "json").stdout)
    assert as_json["events"]
    rows = list(csv.DictReader(io.StringIO(annals("export", str(tiny_site), "-f", "csv").stdout)))
    assert len(rows) == sum(len(e["sources"]) for e in as_json["events"])
    ics = annals("export", str(tiny_site), "-f", "ics").stdout
    assert ics.startswith("BEGIN:VCALENDAR") and ics.rstrip().endswith("END:VCALENDAR")
    timelinejs = json.loads(annals("export", str(tiny_site), "-f", "timelinejs").stdout)
    assert timelinejs["events"][0]["start_date"]["year"]
    actor = json.loads(annals("export", str(tiny_site), "-f", "json", "--actor", "tom-barrack").stdout)
    assert actor["events"] and all("tom-barrack" in e["actors"] for e in actor["events"])


def test_export_unknown_actor_is_a_usage_error(tiny_site: Path):
    result = annals("export", str(tiny_site), "-f", "json", "--actor", "nobody")
    assert result.returncode == 2 and "nobody" in result.stderr


def test_check_fails_on_broken_article_naming_it(tiny_site: Path):
    (tiny_site / "content" / "articles" / "bad.md").write_text("---\ndate: 2025-13-45\n---\nText.\n",
                                                              encoding="utf-8")
    result = annals("check", str(tiny_site))
    assert result.returncode == 1
    assert "content/articles/bad.md:2" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_for_every_command():
    for command in ("build", "serve", "check", "tag", "actors", "export", "new", "import"):
        result = annals(command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout
