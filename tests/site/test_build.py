"""Whole builds of a tiny site: the pages and timeline.json a user gets."""

from __future__ import annotations

import re
from pathlib import Path

from sitekit import annals, read_json, tree_bytes


def build(site: Path, out: Path, *extra: str):
    result = annals("build", str(site), "-o", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return result


def test_build_writes_every_kind_of_page(tiny_site: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = build(tiny_site, out)
    assert re.search(r"Built 3 articles, \d+ events, \d+ actors, \d+ pages in [\d.]+ s", result.stderr)
    for page in ("index.html", "404.html", "actors/index.html", "actors/turkiye/index.html",
                 "actors/syria/index.html", "articles/levant-ceasefire/index.html",
                 "articles/meridian-briefing/index.html", "timeline.json", "embed/index.html"):
        assert (out / page).is_file(), page


def test_timeline_json_contract(tiny_site: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(tiny_site, out)
    data = read_json(out / "timeline.json")
    assert set(data) >= {"site", "events", "actors", "articles"}
    for event in data["events"]:
        assert set(event) >= {"id", "value", "range", "granularity", "text", "actors", "sources"}
        for source in event["sources"]:
            assert set(source) >= {"article", "title", "url", "quote", "timex"}
    starts = [e["range"][0] for e in data["events"]]
    assert starts == sorted(starts)
    by_value = {}
    for event in data["events"]:
        by_value.setdefault(event["value"], []).append(event)
    # "last Saturday" (Levant Wire, Wed 23 July) and "on 19 July" (Border Desk): one ceasefire.
    ceasefire = by_value["2025-07-19"]
    assert len(ceasefire) == 1
    assert {s["article"] for s in ceasefire[0]["sources"]} == {"levant-ceasefire", "border-ceasefire"}
    assert {s["timex"] for s in ceasefire[0]["sources"]} == {"last Saturday", "19 July"}
    assert ceasefire[0]["granularity"] == "day"
    assert "2025-07-13" in by_value and "2025-07-24" in by_value  # "on Thursday" after a wire dateline
    assert by_value["2025-06"][0]["granularity"] == "month"  # "in June": never a made-up day
    assert by_value["2025-W29"][0]["range"] == ["2025-07-14", "2025-07-20"]  # "Last week", dated 24 July
    values = {e["value"] for e in data["events"]}
    assert not any(v.startswith("P") or v.endswith("_REF") for v in values)  # forty years, coming days
    article = {a["slug"]: a for a in data["articles"]}
    assert article["meridian-briefing"]["date"] == "2025-07-24"  # from the wire dateline
    turkiye = {a["slug"]: a for a in data["actors"]}["turkiye"]
    assert turkiye["name"] == "Türkiye" and turkiye["kind"] == "country"


def test_pages_show_dates_at_their_precision_and_highlight_phrases(tiny_site: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(tiny_site, out)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2025-07-19"' in home
    assert "June 2025" in home
    assert "week of 14 July 2025" in home
    article = (out / "articles" / "levant-ceasefire" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<mark[^>]*>(?:<a[^>]*>)?last Saturday", article)
    border = (out / "articles" / "border-ceasefire" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in border
    actor = (out / "actors" / "turkiye" / "index.html").read_text(encoding="utf-8")
    assert "Türkiye" in actor and 'href="../../' in actor


def test_links_are_relative_so_the_site_works_under_any_path(tiny_site: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(tiny_site, out)
    for page in out.rglob("*.html"):
        if page.name == "404.html":
            continue
        html = page.read_text(encoding="utf-8")
        for link in re.findall(r'(?:href|src)="([^"]+)"', html):
            if link.startswith(("http:", "https:", "#", "mailto:", "data:")):
                continue
            assert not link.startswith("/"), (page, link)
            target = (page.parent / link.split("#")[0].split("?")[0]).resolve()
            if link.endswith("/") or target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (page.relative_to(out), link)
    not_found = (out / "404.html").read_text(encoding="utf-8")
    assert 'href="/story/' in not_found


def test_same_input_gives_identical_bytes(tiny_site: Path, tmp_path: Path):
    build(tiny_site, tmp_path / "one")
    build(tiny_site, tmp_path / "two")
    assert tree_bytes(tmp_path / "one") == tree_bytes(tmp_path / "two")


def test_failed_build_leaves_previous_output_and_names_file_and_line(tiny_site: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(tiny_site, out)
    before = tree_bytes(out)
    bad = tiny_site / "content" / "articles" / "broken.md"
    bad.write_text("---\ntitle: Broken\ndate: [2025-07-01\n---\nText on Monday.\n", encoding="utf-8")
    result = annals("build", str(tiny_site), "-o", str(out))
    assert result.returncode == 1
    assert "content/articles/broken.md:" in result.stderr
    assert re.search(r"broken\.md:[345]\b", result.stderr)
    assert "Traceback" not in result.stderr
    assert tree_bytes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


def test_build_failing_while_writing_pages_leaves_previous_output(tiny_site: Path, tmp_path: Path):
    """Pages go to disk as they are rendered: an error half-way must still leave the last good
    output as it was and no half-written folder beside it."""
    out = tmp_path / "out"
    build(tiny_site, out)
    before = tree_bytes(out)
    templates = tiny_site / "themes" / "broken" / "templates"
    templates.mkdir(parents=True)
    (templates / "article.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{{ page.no_such_field }}\n{% endblock %}\n',
        encoding="utf-8")
    with (tiny_site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("\ntheme: broken\n")
    result = annals("build", str(tiny_site), "-o", str(out))
    assert result.returncode == 1
    assert "themes/broken/templates/article.html" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_bytes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


def test_nothing_is_written_outside_the_output_folder_but_the_cache(tiny_site: Path, tmp_path: Path):
    before = tree_bytes(tiny_site)
    build(tiny_site, tiny_site / "output", "--no-cache")
    assert {k: v for k, v in tree_bytes(tiny_site).items() if not k.startswith("output/")} == before
    build(tiny_site, tiny_site / "output")
    after = {k: v for k, v in tree_bytes(tiny_site).items() if not k.startswith(("output/", ".annals-cache/"))}
    assert after == before
    assert (tiny_site / ".annals-cache" / "cache.sqlite").is_file()


def test_refuses_a_foreign_output_folder(tiny_site: Path, tmp_path: Path):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("precious", encoding="utf-8")
    result = annals("build", str(tiny_site), "-o", str(foreign))
    assert result.returncode == 1 and "--force" in result.stderr
    assert (foreign / "thesis.txt").read_text(encoding="utf-8") == "precious"


def test_drafts_only_with_flag(tiny_site: Path, tmp_path: Path):
    (tiny_site / "content" / "articles" / "draft.md").write_text(
        "---\ntitle: Draft\ndate: 2025-07-22\ndraft: true\n---\nTalks were held on Tuesday.\n", encoding="utf-8")
    build(tiny_site, tmp_path / "plain")
    build(tiny_site, tmp_path / "drafts", "--drafts")
    assert not (tmp_path / "plain" / "articles" / "draft").exists()
    assert (tmp_path / "drafts" / "articles" / "draft" / "index.html").is_file()


def test_check_reports_missing_dateline_with_file_name(tiny_site: Path):
    (tiny_site / "content" / "articles" / "undated.md").write_text(
        "Talks resumed last Tuesday, officials said. The deal of 12 May 2025 still holds.\n", encoding="utf-8")
    result = annals("check", str(tiny_site))
    assert result.returncode == 0, result.stderr
    assert "content/articles/undated.md" in result.stderr
    assert "dateline" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path):
    assert annals("build", "--no-such-option").returncode == 2
    assert annals("build", str(tmp_path / "missing")).returncode == 2


def test_split_timeline_links_land_on_year_pages(tiny_site: Path, tmp_path: Path):
    config = tiny_site / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "page_events: 2\n", encoding="utf-8")
    out = tmp_path / "out"
    build(tiny_site, out)
    assert (out / "years" / "2025" / "index.html").is_file()
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" type="text/html" href="([^"]+)"', feed)
    event_links = [link for link in links if "#" in link]
    assert event_links
    for link in event_links:
        page, _, event_id = link.removeprefix("https://example.org/story/").partition("#")
        html = (out / page / "index.html").read_text(encoding="utf-8")
        assert f'id="{event_id}"' in html, link
    ics = (out / "timeline.ics").read_text(encoding="utf-8")
    # more than 2 events in 2025: the year is split by month, and the links go to the months
    assert re.search(r"URL:https://example\.org/story/years/2025/\d\d/#e-", ics.replace("\r\n ", ""))
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/story/years/2025/</loc>" in sitemap
    assert re.search(r"<loc>https://example\.org/story/years/2025/\d\d/</loc>", sitemap)
    assert "embed/" not in sitemap


def test_a_theme_card_that_reads_its_page_is_made_on_each_page(tiny_site: Path, tmp_path: Path):
    """Event cards are made once and shared by the pages listing the event (render/cards.py)
    only while the theme's event_item reads nothing of the page but its links: this one
    prints the page's path, which each page must show as its own."""
    templates = tiny_site / "themes" / "wherever" / "templates"
    templates.mkdir(parents=True)
    macros = (Path(__file__).resolve().parents[2] / "themes" / "default" / "templates" / "_macros.html")
    text = macros.read_text(encoding="utf-8").replace(
        '<p class="event-date">', '<p class="on-page">{{ page.path }}</p><p class="event-date">', 1)
    (templates / "_macros.html").write_text(text, encoding="utf-8")
    with (tiny_site / "site.yaml").open("a", encoding="utf-8") as config:
        config.write("\ntheme: wherever\n")
    out = tmp_path / "out"
    build(tiny_site, out)
    pages = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("index.html")}
    listing = {path: set(re.findall(r'<p class="on-page">([^<]*)</p>', html)) for path, html in pages.items()}
    listing = {path: found for path, found in listing.items() if found}
    assert len(listing) >= 3  # home, embed, actor pages...
    assert all(found == {path} for path, found in listing.items()), listing
