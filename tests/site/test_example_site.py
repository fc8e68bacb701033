"""The example site as a reader meets it: the story first, French and English tellings
merged, key dates, and the editor's corrections (content/corrections.yaml)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitekit import REPO, annals, read_json


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("example") / "output"
    result = annals("build", str(REPO), "-o", str(out), "-q", "--review")
    assert result.returncode == 0, result.stderr
    return out


def test_every_french_telling_is_merged_with_english_ones(built):
    data = read_json(built / "timeline.json")
    french = [e for e in data["events"] if any(s["article"] == "syrie-demande-soutien-turc" for s in e["sources"])]
    merged = {e["value"]: len({s["article"] for s in e["sources"]}) for e in french}
    # the fall of Assad, the clashes, the ceasefire and the request: each with English sources
    for value in ("2024-12-08", "2025-07-13", "2025-07-19", "2025-07-23"):
        assert merged.get(value, 0) >= 2, (value, merged)


def test_home_opens_on_december_2024_and_ends_with_the_background(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    story, _, background = home.partition('<section class="background"')
    months = re.findall(r'<h3[^>]*id="month-[^"]+"[^>]*>([^<]+)</h3>', story)
    assert months[0] == "December 2024"
    assert "1979" not in re.findall(r'<h2 id="year-[^"]+">([^<]+)</h2>', story)
    assert 'id="background-year-1979-h"' in background and "<details>" in background
    embed = (built / "embed" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h3[^>]*id="month-[^"]+"[^>]*>([^<]+)</h3>', embed)[0] == "December 2024"


def test_key_dates_are_ranked_in_timeline_json(built):
    data = read_json(built / "timeline.json")
    ranks = [k["rank"] for k in data["key_dates"]]
    assert ranks == list(range(1, len(ranks) + 1)) and len(ranks) >= 20
    assert data["key_dates"][0]["date"] in ("2024-12-08", "2025-07-19")
    ids = {e["id"] for e in data["events"]}
    assert all(set(k["events"]) <= ids for k in data["key_dates"])


def test_the_example_corrections_file_shows_every_kind(built):
    data = read_json(built / "timeline.json")
    events = {e["id"]: e for e in data["events"]}
    assert events["e-2025-02-meeting-leaders-alsharaa"]["value"] == "2025-02-04"
    assert events["e-2025-02-meeting-leaders-alsharaa"]["corrected"] == ["date"]
    assert events["e-2025-07-24-tenait-toujours-malgre"]["text"].startswith("The Israel–Syria ceasefire")
    assert "e-2025-07-13-government-troops-sent" not in events
    clashes = events["e-2025-07-13-clashes-druze-militias"]
    assert "merged with e-2025-07-13-government-troops-sent" in clashes["corrected"]
    assert "e-2025-w21-european-union-foreign" not in events
    background = next(a for a in data["articles"] if a["slug"] == "turkiye-in-syria-background")
    assert (background["date"], background["date_from"]) == ("2025-09-15", "correction")
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "Corrected by the editor (headline)." in home
    review = (built / "review" / "index.html").read_text(encoding="utf-8")
    done = review.partition('id="corrections-h"')[2].partition("</section>")[0]
    for kind in ("article date", "merge_into", "date", "headline", "hide"):
        assert f", {kind})" in done


def copy_site(root: Path) -> Path:
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    return root


def test_check_reports_unknown_ids_and_corrections_that_change_nothing(tmp_path):
    site = copy_site(tmp_path / "site")
    path = site / "content" / "corrections.yaml"
    path.write_text("events:\n  e-2031-01-01-nothing-here:\n    hide: true\n"
                    "  e-2025-05-14-president-donald-trump:\n    date: 2025-05-14\n", encoding="utf-8")
    result = annals("check", str(site))
    text = " ".join((result.stdout + result.stderr).split())
    assert "content/corrections.yaml:" in text and "no event 'e-2031-01-01-nothing-here'" in text
    assert "already dated 2025-05-14: the correction changes nothing" in text
    assert "Traceback" not in text


def test_a_broken_corrections_file_is_an_error_naming_file_and_line(tmp_path):
    site = copy_site(tmp_path / "site")
    (site / "content" / "corrections.yaml").write_text("events:\n  e-1:\n    date: soon\n", encoding="utf-8")
    result = annals("build", str(site), "-o", str(tmp_path / "out"))
    assert result.returncode == 1 and "content/corrections.yaml:3" in result.stderr
    assert "Traceback" not in result.stderr


def test_event_ids_stay_the_same_across_unrelated_edits(tmp_path):
    site = copy_site(tmp_path / "site")
    first = annals("build", str(site), "-o", str(tmp_path / "one"), "-q")
    assert first.returncode == 0, first.stderr
    before = {e["id"] for e in read_json(tmp_path / "one" / "timeline.json")["events"]}
    (site / "content" / "articles" / "2025" / "grain-fair.md").write_text(
        "---\ntitle: Grain fair opens in Konya\ndate: 2025-06-03\nsource: Plains Courier\n---\n"
        "A grain fair opened in Konya on Tuesday, with tractor makers from twelve countries.\n",
        encoding="utf-8")
    other = site / "content" / "articles" / "2025" / "pkk-dissolves.md"
    other.write_text(other.read_text(encoding="utf-8") + "\nThe text was updated with a line about nothing.\n",
                     encoding="utf-8")
    second = annals("build", str(site), "-o", str(tmp_path / "two"), "-q")
    assert second.returncode == 0, second.stderr
    after = {e["id"] for e in read_json(tmp_path / "two" / "timeline.json")["events"]}
    assert before <= after and len(after - before) == 1
