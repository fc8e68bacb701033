"""Loading articles: front matter, titles, slugs, drafts and clear errors."""

from datetime import date
from pathlib import Path

import pytest

from generator.content import SourceFile, load_articles, parse_article, slugify
from generator.errors import ContentError


def article(text: str, path: str = "content/articles/a.md"):
    return parse_article(SourceFile(path, text))


def test_front_matter_fields_and_body_line():
    a = article("---\ntitle: Talks resume\ndate: 2025-07-23\nsource: Levant Wire\n"
                "url: https://example.org/x\nauthor: R. Demir\nactors: [Syria, Türkiye]\n"
                "lang: fr\n---\nBody text here.\n")
    assert (a.title, a.date, a.source, a.url, a.author) == (
        "Talks resume", date(2025, 7, 23), "Levant Wire", "https://example.org/x", "R. Demir")
    assert a.actors == ("Syria", "Türkiye")
    assert a.lang == "fr"
    assert a.body == "Body text here.\n"
    assert a.body_line == 10
    assert a.line_of(a.body.index("text")) == 10


@pytest.mark.parametrize("value, expected", [
    ("2025-07-23T14:30:00+03:00", date(2025, 7, 23)),
    ("'23 July 2025'", date(2025, 7, 23)),
    ("'July 23, 2025'", date(2025, 7, 23)),
    ("'23.07.2025'", date(2025, 7, 23)),
    ("2025-07-23 14:30:00", date(2025, 7, 23)),
])
def test_front_matter_date_formats(value, expected):
    assert article(f"---\ndate: {value}\n---\nText.").date == expected


def test_title_from_first_short_line_or_first_sentence():
    assert article("Ceasefire holds in the south\n\nOfficials said it held.").title == "Ceasefire holds in the south"
    assert article("Officials said the ceasefire held. More followed.").title == "Officials said the ceasefire held."


def test_slug_from_file_name_or_front_matter():
    assert article("Text.", "content/articles/2025/Sweida Clashes.md").slug == "sweida-clashes"
    assert article("---\nslug: Özel Haber!\n---\nText.").slug == "ozel-haber"


def test_slugify_is_ascii_and_folds_diacritics():
    assert slugify("Türkiye & Syria: İstanbul talks") == "turkiye-syria-istanbul-talks"


def test_broken_front_matter_names_file_and_line():
    with pytest.raises(ContentError) as caught:
        article("---\ntitle: ok\ndate: [2025-07-23\nsource: x\n---\nBody", "content/articles/bad.md")
    assert caught.value.path == "content/articles/bad.md"
    assert caught.value.line in (3, 4, 5)
    assert "YAML" in caught.value.message


def test_bad_date_names_its_line():
    with pytest.raises(ContentError) as caught:
        article("---\ntitle: ok\ndate: next Tuesday-ish\n---\nBody")
    assert caught.value.line == 3
    assert "date" in caught.value.message


def test_draft_must_be_boolean():
    with pytest.raises(ContentError):
        article("---\ndraft: maybe\n---\nBody")


def test_load_articles_skips_drafts_reports_errors_and_dedupes_slugs(tmp_path: Path):
    root = tmp_path / "content" / "articles"
    (root / "sub").mkdir(parents=True)
    (root / "a.md").write_text("---\ntitle: A\n---\nText.", encoding="utf-8")
    (root / "sub" / "a.md").write_text("Text two.", encoding="utf-8")
    (root / "draft.md").write_text("---\ndraft: true\n---\nText.", encoding="utf-8")
    (root / "broken.md").write_text("---\ntitle: [\n---\nText.", encoding="utf-8")
    (root / "latin1.txt").write_bytes("caf\xe9 text".encode("latin-1"))
    (root / "notes.json").write_text("{}", encoding="utf-8")
    loaded = load_articles(tmp_path)
    assert sorted(a.slug for a in loaded.articles) == ["a", "a-2"]
    assert loaded.skipped_drafts == 1
    assert sorted(e.path for e in loaded.errors) == ["content/articles/broken.md", "content/articles/latin1.txt"]
    with_drafts = load_articles(tmp_path, drafts=True)
    assert "draft" in {a.slug for a in with_drafts.articles}


def test_datetime_with_offset_is_read_in_the_site_time_zone():
    from zoneinfo import ZoneInfo

    text = "---\ndate: 2025-07-23T23:30:00Z\n---\nText."
    assert article(text).date == date(2025, 7, 23)  # no site zone: the day as written
    in_istanbul = parse_article(SourceFile("content/articles/a.md", text), ZoneInfo("Europe/Istanbul"))
    assert in_istanbul.date == date(2025, 7, 24)
    naive = parse_article(SourceFile("content/articles/a.md", "---\ndate: 2025-07-23 23:30:00\n---\nT."),
                          ZoneInfo("Europe/Istanbul"))
    assert naive.date == date(2025, 7, 23)
