"""Whole sites in other interface languages, built through the real CLI: the pages speak the
site's language (lang, dir, navigation, headings, date labels) and the exports stay ISO data
with only their human labels translated. The articles are written for these tests."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from sitekit import annals, read_json

FRENCH = {
    "cessez-le-feu.md": """---
title: Un cessez-le-feu annoncé à Soueïda
date: 2025-07-20
source: Le Courrier du Levant
---
L'émissaire Tom Barrack a annoncé le 19 juillet 2025 un cessez-le-feu à Soueïda.

Les combats avaient éclaté le 13 juillet 2025 près de la ville.
""",
    "convoi.md": """---
title: Un premier convoi humanitaire atteint Soueïda
date: 2025-07-21
source: La Gazette de l'Oronte
---
Un premier convoi d'aide est arrivé à Soueïda le 20 juillet 2025, après une semaine de combats.

Selon des responsables, le cessez-le-feu annoncé le 19 juillet 2025 tenait toujours.
""",
}
ARABIC = {
    "hudna.md": """---
title: وقف إطلاق النار في السويداء
date: 2025-07-23
source: نشرة المشرق
---
أعلن المبعوث الأمريكي توم باراك في 19 يوليو 2025 التوصل إلى وقف لإطلاق النار في السويداء.

وكانت الاشتباكات قد اندلعت في 13 يوليو 2025 قرب المدينة.
""",
    "qafila.md": """---
title: أول قافلة مساعدات تصل إلى السويداء
date: 2025-07-21
source: مكتب الحدود
---
وصلت أول قافلة مساعدات إلى السويداء في 20 يوليو 2025 بعد أيام من القتال.

وقال مسؤولون إن وقف إطلاق النار الذي أُعلن في 19 يوليو 2025 ما زال صامدًا.
""",
}


def write_site(root: Path, language: str, title: str, articles: dict[str, str]) -> Path:
    folder = root / "content" / "articles"
    folder.mkdir(parents=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    (root / "site.yaml").write_text(f'title: "{title}"\nlanguage: {language}\n'
                                    "base_url: https://example.org/story/\n", encoding="utf-8")
    return root


def build(site: Path) -> Path:
    result = annals("build", str(site), "--no-cache")
    assert result.returncode == 0, result.stderr
    return site / "output"


def page(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


def nav(text: str) -> list[str]:
    block = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', text, re.S).group(1)
    return re.findall(r">([^<>]+)</a>", block)


@pytest.fixture(scope="module")
def french(tmp_path_factory) -> Path:
    return build(write_site(tmp_path_factory.mktemp("fr"), "fr", "Soueïda : chronologie", FRENCH))


@pytest.fixture(scope="module")
def arabic(tmp_path_factory) -> Path:
    return build(write_site(tmp_path_factory.mktemp("ar"), "ar", "السويداء: تسلسل زمني", ARABIC))


def test_a_french_site_speaks_french(french: Path):
    home = page(french, "index.html")
    assert '<html lang="fr" dir="ltr">' in home
    assert nav(home) == ["Chronologie", "Dates clés", "Acteurs"]
    assert '<time datetime="2025-07-19">19 juillet 2025</time>' in home
    assert '<h3 class="month-heading" id="month-2025-07-h">juillet 2025</h3>' in home
    assert "dated event" not in home and re.search(r"\d+ événements datés", home)
    assert ">Aller au contenu</a>" in home and "Télécharger les données :" in home
    assert "Les événements dans le temps" in home  # the overview's heading
    assert "Zoom avant" in home and "Showing" not in home  # aria-labels and script strings
    key_dates = page(french, "key-dates/index.html")
    assert "<title>Dates clés — Soueïda : chronologie</title>" in key_dates
    assert "<h1>Page introuvable</h1>" in page(french, "404.html")


def test_a_french_article_page_has_french_labels(french: Path):
    article = page(french, "articles/convoi/index.html")
    assert '<time datetime="2025-07-21">21 juillet 2025</time>' in article
    assert "Lire l’article original" not in article  # no url in its front matter
    assert "Événements tirés de cet article" in article and "Sur la chronologie" in article
    assert "<article class=\"article\">" in article  # its language is the site's: no lang of its own


def test_an_arabic_site_is_right_to_left_on_every_page(arabic: Path):
    pages = sorted(p.relative_to(arabic).as_posix() for p in arabic.rglob("*.html"))
    assert "embed/index.html" in pages and "404.html" in pages
    for path in pages:
        assert re.search(r'<html lang="ar" dir="rtl">', page(arabic, path)), path
    home = page(arabic, "index.html")
    assert nav(home) == ["الخط الزمني", "التواريخ الرئيسية", "الفاعلون"]
    assert '<time datetime="2025-07-20">20 يوليو 2025</time>' in home
    assert '<span class="g1">20</span> <span class="g2">يوليو</span>' in home  # the gutter
    assert "الأحداث عبر الزمن" in home and '>انتقل إلى المحتوى</a>' in home
    # The overview's axis keeps time running left to right.
    assert '<div class="overview-plot" dir="ltr">' in home


def test_exports_stay_iso_data_with_translated_labels(arabic: Path, french: Path):
    data = read_json(arabic / "timeline.json")
    event = next(e for e in data["events"] if e["value"] == "2025-07-20")
    assert event["range"] == ["2025-07-20", "2025-07-20"] and event["granularity"] == "day"
    assert event["label"] == "20 يوليو 2025"
    rows = list(csv.DictReader(io.StringIO((french / "timeline.csv").read_text(encoding="utf-8"))))
    row = next(r for r in rows if r["date_value"] == "2025-07-20")
    assert row["range_start"] == "2025-07-20" and row["date_label"] == "20 juillet 2025"
    ics = (french / "timeline.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20250720" in ics


def test_an_article_in_another_language_marks_its_page_and_quotes(tmp_path: Path):
    site = write_site(tmp_path / "site", "en", "Sweida", {
        "english.md": "---\ntitle: Ceasefire in Sweida\ndate: 2025-07-20\nsource: Border Desk\n---\n"
                      "The envoy announced a ceasefire in Sweida on 19 July 2025.\n",
        "arabic.md": "---\nlang: ar\n" + ARABIC["qafila.md"].removeprefix("---\n"),
    })
    output = build(site)
    article = page(output, "articles/arabic/index.html")
    assert '<html lang="en" dir="ltr">' in article  # the interface is the site's
    assert '<article class="article" lang="ar" dir="rtl">' in article
    assert '<p class="byline" lang="en" dir="ltr">' in article  # the byline is the interface's
    assert "Events from this article" in article and '<span lang="ar" dir="rtl">' in article
    home = page(output, "index.html")
    assert re.search(r'<p class="event-text"><span lang="ar" dir="rtl">وصلت', home)


def test_a_language_without_a_catalog_keeps_its_lang_and_an_english_interface(tmp_path: Path):
    site = write_site(tmp_path / "site", "es", "Suwayda", {
        "alto.md": "---\ntitle: Alto el fuego en Suwayda\ndate: 2025-07-20\nsource: Diario\n---\n"
                   "El enviado anunció un alto el fuego el 19 de julio de 2025.\n"})
    home = page(build(site), "index.html")
    assert '<html lang="es" dir="ltr">' in home
    assert nav(home) == ["Timeline", "Key dates", "Actors"]
    assert '<time datetime="2025-07-19">19 July 2025</time>' in home
