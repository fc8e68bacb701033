"""Pictures of events (generator/media.py): front matter and body images, local files kept
inside content/, sizes read from the files, missing alt text as a warning, and which event
each picture belongs to."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from generator.content import SourceFile, parse_article
from generator.errors import BuildErrors
from generator.media import Image, collect_media, image_size
from generator.model import ArticleAnalysis, Dateline, Event, PlainText, Sentence, TimeExpr, TimeValue


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    dht = b"\xff\xc4" + struct.pack(">H", 5) + b"\x00\x00\x00"  # a Huffman table: not a frame
    sof2 = b"\xff\xc2" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + dht + sof2 + b"\xff\xd9"


def test_sizes_come_from_the_file_headers():
    assert image_size(png(30, 20), "image/png") == (30, 20)
    assert image_size(jpeg_header(640, 427), "image/jpeg") == (640, 427)
    assert image_size(b"GIF89a" + struct.pack("<HH", 12, 9) + b"\x00" * 8, "image/gif") == (12, 9)
    vp8x = b"RIFF" + b"\x00" * 4 + b"WEBPVP8X" + b"\x00" * 8 + (799).to_bytes(3, "little") + (599).to_bytes(3, "little")
    assert image_size(vp8x, "image/webp") == (800, 600)
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="800px" height="450">'
    assert image_size(svg, "image/svg+xml") == (800, 450)
    assert image_size(b'<svg viewBox="0 0 320 200"></svg>', "image/svg+xml") == (320, 200)
    assert image_size(b"not a picture", "image/png") is None


def write(site: Path, rel: str, data: bytes | str) -> Path:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def load(site: Path, rel: str):
    text = (site / rel).read_text(encoding="utf-8")
    return parse_article(SourceFile(rel, text))


ARTICLE = """---
title: Harbour reopens
date: 2025-07-23
image: pictures/harbour.png
image_alt: Cranes over the reopened harbour at dawn.
image_caption: The harbour on Wednesday.
image_credit: Photo by a harbour pilot
---
The harbour reopened on Wednesday after a week of repairs.

![A tug guiding the first ship in](/media/tug.png "The first ship, on Wednesday")

Dock workers said the cranes were tested on Monday.
"""


def test_local_pictures_are_copied_under_media_with_their_size(tmp_path):
    write(tmp_path, "content/articles/2025/pictures/harbour.png", png(40, 30))
    write(tmp_path, "content/media/tug.png", png(16, 9))
    write(tmp_path, "content/articles/2025/harbour.md", ARTICLE)
    article = load(tmp_path, "content/articles/2025/harbour.md")
    assert (article.image, article.image_alt, article.image_credit) == (
        "pictures/harbour.png", "Cranes over the reopened harbour at dawn.", "Photo by a harbour pilot")
    media = collect_media(tmp_path, "content", (article,))
    assert sorted(media.files) == ["media/articles/2025/pictures/harbour.png", "media/media/tug.png"]
    lead = media.articles["harbour"].lead
    assert lead == Image("media/articles/2025/pictures/harbour.png", "Cranes over the reopened harbour at dawn.",
                         "The harbour on Wednesday.", "Photo by a harbour pilot", 40, 30, "image/png",
                         len(png(40, 30)))
    body = media.articles["harbour"].body[0]
    assert (body.source_src, body.image.alt, body.image.caption, body.image.width) == (
        "/media/tug.png", "A tug guiding the first ship in", "The first ship, on Wednesday", 16)
    assert media.problems == ()


@pytest.mark.parametrize("value, message", [
    ("../../../secret.png", "leads out of the content folder"),
    ("/../site.png", "leads out of the content folder"),
    ("pictures/missing.png", "no such file"),
    ("pictures/notes.txt", "not a picture"),
])
def test_bad_local_pictures_name_the_article_and_line(tmp_path, value, message):
    write(tmp_path, "secret.png", png(2, 2))
    write(tmp_path, "site.png", png(2, 2))
    write(tmp_path, "content/articles/pictures/notes.txt", "text")
    write(tmp_path, "content/articles/a.md", f"---\ntitle: A\nimage: {value}\nimage_alt: x\n---\nOn Monday.\n")
    with pytest.raises(BuildErrors) as failed:
        collect_media(tmp_path, "content", (load(tmp_path, "content/articles/a.md"),))
    error = failed.value.errors[0]
    assert (error.path, error.line) == ("content/articles/a.md", 3) and message in error.message


def test_missing_alt_text_is_a_warning_with_its_line(tmp_path):
    write(tmp_path, "content/media/p.png", png(2, 2))
    write(tmp_path, "content/articles/a.md",
          "---\ntitle: A\nimage: /media/p.png\n---\nThe port opened on Monday.\n\n![](/media/p.png)\n")
    media = collect_media(tmp_path, "content", (load(tmp_path, "content/articles/a.md"),))
    assert [(p.line, p.severity, p.kind) for p in media.problems] == [(3, "warning", "media"), (7, "warning", "media")]
    assert "image_alt" in media.problems[0].message and "alt text" in media.problems[1].message
    assert media.articles["a"].lead.alt is None  # still shown, with alt=""


def test_remote_pictures_are_used_as_they_are(tmp_path):
    write(tmp_path, "content/articles/a.md",
          "---\ntitle: A\nimage: https://images.example/port.jpg\nimage_alt: The port\n---\nOn Monday.\n")
    media = collect_media(tmp_path, "content", (load(tmp_path, "content/articles/a.md"),))
    assert media.files == {}
    lead = media.articles["a"].lead
    assert (lead.src, lead.local, lead.mime, lead.width) == ("https://images.example/port.jpg", False, "image/jpeg", None)


def analysis_of(article, dated: list[str]) -> ArticleAnalysis:
    """An analysis whose events are the given phrases' sentences (the body is its own plain text)."""
    body = article.body
    plain = PlainText(body, tuple(range(len(body) + 1)))
    events, sentences = [], []
    for n, phrase in enumerate(dated, start=1):
        at = body.index(phrase)
        start = body.rfind("\n", 0, at) + 1
        end = body.find(".", at) + 1
        sentence = Sentence(start, end, body[start:end], 0)
        time = TimeValue("2025-07-21", "DATE", "day")
        sentences.append(sentence)
        events.append(Event(f"{article.slug}-{n}", article.slug, sentence, TimeExpr(at, at + len(phrase), phrase, time)))
    return ArticleAnalysis(article, Dateline(None, "none"), plain, tuple(sentences), (), (), tuple(events))


def test_pictures_belong_to_the_dated_sentence_of_their_paragraph_else_the_next_else_the_one_before(tmp_path):
    from generator.media import article_event_images

    for name in ("lead", "same", "next", "before"):
        write(tmp_path, f"content/media/{name}.png", png(2, 2))
    body = ("---\ntitle: A\nimage: /media/lead.png\nimage_alt: lead\n---\n"
            "The talks opened on Monday.\n\n"
            "Undated colour. ![same](/media/same.png) More colour, then a vote on Tuesday.\n\n"
            "![next](/media/next.png)\n\n"
            "Ministers met on Wednesday.\n\n"
            "![before](/media/before.png)\n")
    write(tmp_path, "content/articles/a.md", body)
    article = load(tmp_path, "content/articles/a.md")
    media = collect_media(tmp_path, "content", (article,))
    found = article_event_images(analysis_of(article, ["on Monday", "on Tuesday", "on Wednesday"]),
                                 media.articles["a"])
    names = {event: [i.alt for i in images] for event, images in found.items()}
    # The lead goes with the first dated sentence; "next" with the paragraph after it;
    # "before", the last block, with the one before it.
    assert names == {"a-1": ["lead"], "a-2": ["same"], "a-3": ["next", "before"]}


def test_body_pictures_point_at_their_copies_load_lazily_and_get_captions():
    from markupsafe import Markup

    from generator.media import BodyImage
    from generator.render.pictures import body_with_pictures

    html = Markup('<p><img alt="A tug" src="../tug.png" title="The &lt;first&gt; ship"></p>\n'
                  '<p>Text <img src="https://images.example/x.jpg"> more.</p>')
    tug = BodyImage(Image("media/tug.png", "A tug", "", "", 16, 9, "image/png", 10), "../tug.png", 0)
    out = str(body_with_pictures(html, [tug], lambda target: "../../" + target))
    assert ('<figure class="body-figure"><img alt="A tug" src="../../media/tug.png" title="The &lt;first&gt; ship" '
            'width="16" height="9" loading="lazy" decoding="async"><figcaption>The &lt;first&gt; ship'
            '</figcaption></figure>') in out
    # A remote picture in running text: no size known, still lazy, an empty alt, no figure.
    assert '<p>Text <img src="https://images.example/x.jpg" alt="" loading="lazy" decoding="async"> more.</p>' in out


def test_a_body_picture_that_cannot_be_used_is_a_warning_not_a_failed_build(tmp_path):
    write(tmp_path, "content/articles/a.md",
          "---\ntitle: A\n---\nThe port opened on Monday.\n\n![The quay](pictures/not-saved.png)\n\n![x](../../out.png)\n")
    media = collect_media(tmp_path, "content", (load(tmp_path, "content/articles/a.md"),))
    assert [(p.line, p.severity, p.kind) for p in media.problems] == [(6, "warning", "media"), (8, "warning", "media")]
    assert "no such file" in media.problems[0].message and "leads out" in media.problems[1].message
    assert media.articles["a"].body == ()
