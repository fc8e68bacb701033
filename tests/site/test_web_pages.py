"""Saved web pages (.html) in content/articles/ build like any article: the page's title,
outlet, publication date and language, its main text as the body, dated events from it."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from sitekit import annals

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_webpage import CASES, PAGES  # noqa: E402  the expected metadata of each fixture page


@pytest.fixture(scope="module")
def page_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pages")
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    for case in CASES:
        shutil.copy(PAGES / case.file, articles / case.file)
    (articles / "wire.md").write_text("ANKARA, July 23, 2025 (Reuters) - Türkiye said on Wednesday it "
                                      "would train Syrian troops.\n", encoding="utf-8")
    (root / "site.yaml").write_text("title: Saved pages\n", encoding="utf-8")
    result = annals("build", str(root))
    assert result.returncode == 0, result.stderr
    return root


def test_every_saved_page_is_an_article_with_its_metadata(page_site: Path):
    data = json.loads((page_site / "output" / "timeline.json").read_text(encoding="utf-8"))
    articles = {a["slug"]: a for a in data["articles"]}
    for case in CASES:
        article = articles[Path(case.file).stem]
        assert article["title"] == case.title
        assert article["date"] == (case.date.isoformat() if case.date else None)
        assert article["date_from"] == ("html" if case.date else None)
        assert article["source"] == case.site_name
        assert not re.fullmatch(r"[\d\s./-]+", article["title"]), "a title is never a date"
    assert articles["wire"]["date_from"] == "dateline"


def test_saved_page_body_keeps_the_story_and_drops_the_furniture(page_site: Path):
    for case in CASES:
        page = (page_site / "output" / "articles" / Path(case.file).stem / "index.html").read_text(encoding="utf-8")
        body = re.sub(r"<[^>]+>", "", page[page.index('class="article-body"'):].split("</article>")[0])
        body = re.sub(r"\s+", " ", body)
        for paragraph in case.paragraphs[:2]:
            assert " ".join(paragraph.split())[:60] in body
        for furniture in case.absent:
            assert furniture not in body


def test_saved_pages_give_dated_events(page_site: Path):
    data = json.loads((page_site / "output" / "timeline.json").read_text(encoding="utf-8"))
    cited = {s["article"] for e in data["events"] for s in e["sources"]}
    assert len(cited & {Path(c.file).stem for c in CASES}) >= len(CASES) - 2
