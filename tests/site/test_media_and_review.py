"""Pictures and the editors' page through the real CLI: pictures are copied and shown on
their events, exported as TimelineJS media, Atom enclosures and og:image; a picture without
alt text is a `check` warning; the review page is built only with --review."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from sitekit import annals, read_json

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_media import png  # noqa: E402  one maker of small real PNG files



def add_pictures(site: Path) -> None:
    (site / "content" / "media").mkdir()
    (site / "content" / "media" / "envoy.png").write_bytes(png(48, 32))
    (site / "content" / "media" / "convoy.png").write_bytes(png(20, 10))
    path = site / "content" / "articles" / "border-ceasefire.md"
    text = path.read_text(encoding="utf-8").replace(
        "source: Border Desk\n",
        "source: Border Desk\nimage: /media/envoy.png\nimage_alt: The envoy at the podium.\n"
        "image_caption: The envoy speaking in Amman.\nimage_credit: Photo by a staff photographer\n")
    path.write_text(text + "\n![](/media/convoy.png)\n", encoding="utf-8")


def test_pictures_are_copied_shown_and_exported(tiny_site: Path, tmp_path: Path):
    add_pictures(tiny_site)
    out = tmp_path / "out"
    result = annals("build", str(tiny_site), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "media" / "media" / "envoy.png").read_bytes() == png(48, 32)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="media/media/envoy.png" alt="The envoy at the podium." width="48" '
                     r'height="32" loading="lazy"', home)
    assert "The envoy speaking in Amman." in home and "Photo by a staff photographer" in home

    slides = read_json(out / "timelinejs.json")["events"]
    media = [s["media"] for s in slides if "media" in s]
    assert media == [{"url": "https://example.org/story/media/media/envoy.png",
                      "alt": "The envoy at the podium.", "caption": "The envoy speaking in Amman.",
                      "credit": "Photo by a staff photographer"}]

    feed = ET.parse(out / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    enclosures = [link.attrib for link in feed.findall("a:entry/a:link[@rel='enclosure']", ns)]
    assert enclosures == [{"rel": "enclosure", "href": "https://example.org/story/media/media/envoy.png",
                           "type": "image/png", "length": str(len(png(48, 32))),
                           "title": "The envoy at the podium."}]

    article = (out / "articles" / "border-ceasefire" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:image" content="https://example.org/story/media/media/envoy.png">' in article
    assert '<meta property="og:image:alt" content="The envoy at the podium.">' in article
    assert re.search(r'<img alt="" src="../../media/media/convoy.png" width="20" height="10" loading="lazy"',
                     article)
    assert 'property="og:image"' in home  # the latest event with a picture


def test_a_picture_without_alt_text_is_a_check_warning(tiny_site: Path):
    add_pictures(tiny_site)
    result = annals("check", str(tiny_site))
    assert result.returncode == 0, result.stderr
    line = next(n for n, text in enumerate((tiny_site / "content" / "articles" / "border-ceasefire.md")
                                           .read_text(encoding="utf-8").split("\n"), start=1)
                if "convoy.png" in text)
    assert f"warning content/articles/border-ceasefire.md:{line}: image '/media/convoy.png' has no alt text" \
        in " ".join(result.stderr.split())
    assert "(media)" in result.stderr
    strict = annals("check", str(tiny_site), "--strict")
    assert strict.returncode == 1


def test_a_picture_outside_content_fails_the_build_naming_the_line(tiny_site: Path, tmp_path: Path):
    (tiny_site / "secret.png").write_bytes(png(2, 2))
    path = tiny_site / "content" / "articles" / "levant-ceasefire.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "source: Levant Wire\n", "source: Levant Wire\nimage: ../../secret.png\nimage_alt: x\n"), encoding="utf-8")
    result = annals("build", str(tiny_site), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "content/articles/levant-ceasefire.md:5" in result.stderr
    assert "leads out of the content folder" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_review_page_only_with_the_flag_and_never_linked(tiny_site: Path, tmp_path: Path):
    public, editors = tmp_path / "public", tmp_path / "editors"
    assert annals("build", str(tiny_site), "-o", str(public)).returncode == 0
    assert annals("build", str(tiny_site), "-o", str(editors), "--review").returncode == 0
    assert not (public / "review").exists()
    review = (editors / "review" / "index.html").read_text(encoding="utf-8")
    assert "meridian-briefing.md" in review or "Review" in review
    for root in (public, editors):
        assert "review" not in (root / "sitemap.xml").read_text(encoding="utf-8")
        for page in root.rglob("*.html"):
            if page.parent.name != "review":
                assert "review/" not in page.read_text(encoding="utf-8"), page
    # Apart from the review page, the two builds are the same site.
    same = {p.relative_to(public).as_posix() for p in public.rglob("*") if p.is_file()}
    assert same == {p.relative_to(editors).as_posix() for p in editors.rglob("*")
                    if p.is_file() and "review/" not in p.relative_to(editors).as_posix()}
