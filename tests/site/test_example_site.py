"""The example site as a reader meets it: the story first, French and English tellings
merged, key dates, and the editor's corrections (content/corrections.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitekit import REPO, annals, read_json


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("example") / "output"
    result = annals("build", str(REPO), "-o", str(out), "-q")
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
    months = re.findall(r'<h3 id="month-[^"]+">([^<]+)</h3>', story)
    assert months[0] == "December 2024"
    assert "1979" not in re.findall(r'<h2 id="year-[^"]+">([^<]+)</h2>', story)
    assert 'id="background-year-1979-h"' in background and "<details>" in background
    embed = (built / "embed" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h3 id="month-[^"]+">([^<]+)</h3>', embed)[0] == "December 2024"


def test_key_dates_are_ranked_in_timeline_json(built):
    data = read_json(built / "timeline.json")
    ranks = [k["rank"] for k in data["key_dates"]]
    assert ranks == list(range(1, len(ranks) + 1)) and len(ranks) >= 20
    assert data["key_dates"][0]["date"] in ("2024-12-08", "2025-07-19")
    ids = {e["id"] for e in data["events"]}
    assert all(set(k["events"]) <= ids for k in data["key_dates"])
